//! Sortable column headers, the same in every table: a click sorts by the
//! column (ascending), a second click on the sorted column reverses it, and
//! `aria-sort` tells screen readers which column is sorted which way.

use ccm_api::common::SortDir;
use leptos::prelude::*;

use super::SetQuery;
use crate::i18n::{td_string, use_locale};

/// A list state that has a sort.
pub trait Sorted: Clone + Send + Sync + 'static {
    type Key: Clone + PartialEq + Send + Sync + 'static;

    fn sort_key(&self) -> &Self::Key;
    fn sort_dir(&self) -> &SortDir;
    /// The same view sorted anew (and, for a paged list, from page one).
    fn sorted_by(&self, key: Self::Key, dir: SortDir) -> Self;
}

/// The direction after a click on a header: ascending on a new column,
/// reversed on the sorted one.
pub fn direction_after_click(active: bool, dir: &SortDir) -> SortDir {
    if active && *dir == SortDir::Asc {
        SortDir::Desc
    } else {
        SortDir::Asc
    }
}

/// The header's `aria-sort`.
pub fn aria_sort(active: bool, dir: &SortDir) -> &'static str {
    match (active, dir) {
        (false, _) => "none",
        (true, SortDir::Desc) => "descending",
        (true, _) => "ascending",
    }
}

/// How one sortable header stands: whether its column is the sorted one,
/// which way, and what a click does. One type for every list (the table
/// draws it without knowing the list's query type).
#[derive(Clone)]
pub struct HeaderSort {
    pub active: bool,
    pub dir: SortDir,
    pub on_click: Callback<()>,
}

/// Where the column sorted by `key` stands in `query`, and the state a
/// click on its header writes. Pure.
pub fn header_state<Q: Sorted>(query: &Q, key: &Q::Key) -> (bool, SortDir, Q) {
    let active = query.sort_key() == key;
    let dir = query.sort_dir().clone();
    let next = query.sorted_by(key.clone(), direction_after_click(active, &dir));
    (active, dir, next)
}

/// The sorting of a table's headers: for a column's key, its
/// `HeaderSort`. Made from the list's state; a click writes the new
/// state through the list's `SetQuery<Q>` context.
pub struct SortBy<K>(Box<dyn Fn(&K) -> HeaderSort + Send + Sync>);

impl<K: 'static> SortBy<K> {
    pub fn query<Q: Sorted<Key = K>>(query: Q) -> SortBy<K> {
        let SetQuery(set) = expect_context::<SetQuery<Q>>();
        SortBy(Box::new(move |key| {
            let (active, dir, next) = header_state(&query, key);
            HeaderSort { active, dir, on_click: Callback::new(move |_| set.run(next.clone())) }
        }))
    }

    pub fn header(&self, key: &K) -> HeaderSort {
        (self.0)(key)
    }
}

/// A `<th>` whose button sorts by its column, the same for every list
/// type (one copy in the wasm).
#[component]
pub fn SortHeader(label: &'static str, sort: HeaderSort) -> impl IntoView {
    let HeaderSort { active, dir, on_click } = sort;
    let arrow = active.then_some(if dir == SortDir::Desc { " ↓" } else { " ↑" });
    view! {
        <th scope="col" aria-sort=aria_sort(active, &dir)>
            <button class="sort-button" aria-label=td_string!(use_locale(), common.sort_by, label = label).to_string() on:click=move |_| on_click.run(())>
                {label}
                {arrow}
            </button>
        </th>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list state sorted by one of three columns.
    #[derive(Debug, Clone, PartialEq)]
    struct Q {
        key: u8,
        dir: SortDir,
        page: u32,
    }

    impl Sorted for Q {
        type Key = u8;
        fn sort_key(&self) -> &u8 {
            &self.key
        }
        fn sort_dir(&self) -> &SortDir {
            &self.dir
        }
        fn sorted_by(&self, key: u8, dir: SortDir) -> Q {
            Q { key, dir, page: 1 }
        }
    }

    #[test]
    fn a_header_knows_whether_it_is_sorted_and_what_its_click_writes() {
        let q = Q { key: 2, dir: SortDir::Asc, page: 4 };
        assert_eq!(header_state(&q, &2), (true, SortDir::Asc, Q { key: 2, dir: SortDir::Desc, page: 1 }));
        let (active, _, next) = header_state(&q, &1);
        assert!(!active);
        assert_eq!(next, Q { key: 1, dir: SortDir::Asc, page: 1 }, "another column sorts up, from page one");
        let down = Q { key: 2, dir: SortDir::Desc, page: 1 };
        assert_eq!(header_state(&down, &2).2.dir, SortDir::Asc, "the sorted one reverses");
    }

    #[test]
    fn a_new_column_sorts_up_and_the_sorted_one_reverses() {
        assert_eq!(direction_after_click(false, &SortDir::Asc), SortDir::Asc);
        assert_eq!(direction_after_click(false, &SortDir::Desc), SortDir::Asc);
        assert_eq!(direction_after_click(true, &SortDir::Asc), SortDir::Desc);
        assert_eq!(direction_after_click(true, &SortDir::Desc), SortDir::Asc);
    }

    #[test]
    fn aria_sort_names_the_direction_of_the_sorted_column_only() {
        assert_eq!(aria_sort(false, &SortDir::Desc), "none");
        assert_eq!(aria_sort(true, &SortDir::Desc), "descending");
        assert_eq!(aria_sort(true, &SortDir::Asc), "ascending");
    }
}

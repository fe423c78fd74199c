//! Sortable column headers, the same in every table: a click sorts by the
//! column (ascending), a second click on the sorted column reverses it, and
//! `aria-sort` tells screen readers which column is sorted which way.

use ccm_api::common::SortDir;
use leptos::prelude::*;

use super::SetQuery;

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

/// A `<th>` whose button sorts by `key`; the new state goes through the
/// list's `SetQuery<Q>` context.
#[component]
pub fn SortHeader<Q: Sorted>(label: &'static str, key: Q::Key, query: StoredValue<Q>) -> impl IntoView {
    let SetQuery(set) = expect_context::<SetQuery<Q>>();
    let (active, dir) = query.with_value(|q| (*q.sort_key() == key, q.sort_dir().clone()));
    let next = direction_after_click(active, &dir);
    let on_click = Callback::new(move |_| set.run(query.with_value(|q| q.sorted_by(key.clone(), next.clone()))));
    sort_header(label, active, &dir, on_click)
}

/// The header itself, the same for every list type (one copy in the wasm).
fn sort_header(label: &'static str, active: bool, dir: &SortDir, on_click: Callback<()>) -> AnyView {
    let arrow = active.then_some(if *dir == SortDir::Desc { " ↓" } else { " ↑" });
    view! {
        <th scope="col" aria-sort=aria_sort(active, dir)>
            <button class="sort-button" aria-label=format!("Sort by {label}") on:click=move |_| on_click.run(())>
                {label}
                {arrow}
            </button>
        </th>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

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

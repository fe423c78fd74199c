//! Rows picked for a bulk action: the pure set (by id, with the name the
//! confirmation and the results show), and the two checkboxes every
//! selectable table uses, one per row and one for the whole page.

use leptos::prelude::*;

use crate::i18n::{td_string, use_locale, Locale};

/// One picked row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picked {
    pub id: String,
    pub name: String,
}

impl Picked {
    pub fn new(id: &str, name: &str) -> Picked {
        Picked { id: id.to_owned(), name: name.to_owned() }
    }
}

/// The picked rows, in the order picked. Pure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    picked: Vec<Picked>,
}

impl Selection {
    pub fn contains(&self, id: &str) -> bool {
        self.picked.iter().any(|p| p.id == id)
    }

    pub fn len(&self) -> usize {
        self.picked.len()
    }

    pub fn is_empty(&self) -> bool {
        self.picked.is_empty()
    }

    pub fn picked(&self) -> &[Picked] {
        &self.picked
    }

    /// Picks or drops one row (picking twice keeps one).
    pub fn set(&mut self, row: &Picked, on: bool) {
        self.picked.retain(|p| p.id != row.id);
        if on {
            self.picked.push(row.clone());
        }
    }

    /// Picks or drops every row of `page`, leaving the others as they are.
    pub fn set_all(&mut self, page: &[Picked], on: bool) {
        for row in page {
            self.set(row, on);
        }
    }

    /// Whether every row of a non-empty `page` is picked.
    pub fn has_all(&self, page: &[Picked]) -> bool {
        !page.is_empty() && page.iter().all(|r| self.contains(&r.id))
    }

    /// "1 certificate selected", "3 certificates selected", or `none`.
    pub fn summary(&self, noun: Noun, none: &str, l: Locale) -> String {
        match self.len() {
            0 => none.to_owned(),
            n => td_string!(l, common.selected, things = noun.count(n, l)).to_string(),
        }
    }
}

/// What a list holds, for counts: ("certificate", "certificates"), in
/// the chosen language (Chinese has one form: 证书, 证书).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub one: &'static str,
    pub many: &'static str,
}

impl Noun {
    /// "1 certificate", "2 certificates" / "2 个证书".
    pub fn count(self, n: usize, l: Locale) -> String {
        td_string!(l, common.count_of, count = n, noun = if n == 1 { self.one } else { self.many }).to_string()
    }
}

/// The checkbox that picks one row, named after it ("Select web.example.com").
#[component]
pub fn SelectRow(selection: RwSignal<Selection>, id: String, name: String) -> impl IntoView {
    let label = td_string!(use_locale(), common.select_row, name = &name).to_string();
    let row = Picked { id, name };
    let id = row.id.clone();
    view! {
        // Its name is mostly the row's name (data): not for page translators.
        <input type="checkbox" translate="no" aria-label=label prop:checked=move || selection.with(|s| s.contains(&id))
            on:change=move |ev| {
                let on = event_target_checked(&ev);
                selection.update(|s| s.set(&row, on));
            } />
    }
}

/// The header checkbox that picks every row on the page.
#[component]
pub fn SelectPage(selection: RwSignal<Selection>, rows: Vec<Picked>) -> impl IntoView {
    let rows = StoredValue::new(rows);
    view! {
        <input type="checkbox" aria-label=td_string!(use_locale(), common.select_page)
            prop:checked=move || rows.with_value(|r| selection.with(|s| s.has_all(r)))
            on:change=move |ev| {
                let on = event_target_checked(&ev);
                rows.with_value(|r| selection.update(|s| s.set_all(r, on)));
            } />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CERTS: Noun = Noun { one: "certificate", many: "certificates" };

    fn page() -> Vec<Picked> {
        vec![Picked::new("a", "alpha"), Picked::new("b", "beta")]
    }

    #[test]
    fn rows_are_picked_once_and_dropped() {
        let mut s = Selection::default();
        s.set(&Picked::new("a", "alpha"), true);
        s.set(&Picked::new("a", "alpha"), true);
        assert_eq!(s.len(), 1);
        assert!(s.contains("a") && !s.contains("b"));
        s.set(&Picked::new("a", "alpha"), false);
        assert!(s.is_empty());
    }

    #[test]
    fn the_page_box_picks_and_drops_only_the_page() {
        let mut s = Selection::default();
        assert!(!s.has_all(&page()));
        assert!(!s.has_all(&[]), "an empty page is never all picked");
        s.set(&Picked::new("z", "elsewhere"), true);
        s.set(&Picked::new("a", "alpha"), true);
        s.set_all(&page(), true);
        assert!(s.has_all(&page()));
        let names: Vec<_> = s.picked().iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["elsewhere", "alpha", "beta"]);
        s.set_all(&page(), false);
        assert_eq!(s.picked(), &[Picked::new("z", "elsewhere")]);
    }

    #[test]
    fn counts_read_as_words() {
        let mut s = Selection::default();
        assert_eq!(s.summary(CERTS, "Nothing selected.", Locale::en), "Nothing selected.");
        s.set(&Picked::new("a", "alpha"), true);
        assert_eq!(s.summary(CERTS, "", Locale::en), "1 certificate selected");
        s.set_all(&page(), true);
        assert_eq!(s.summary(CERTS, "", Locale::en), "2 certificates selected");
        assert_eq!(CERTS.count(10, Locale::en), "10 certificates");
        const ZH: Noun = Noun { one: "证书", many: "证书" };
        assert_eq!(s.summary(ZH, "", Locale::zh_CN), "已选择 2 个证书");
        assert_eq!(ZH.count(1, Locale::zh_CN), "1 个证书");
    }
}

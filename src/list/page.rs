//! Limit/offset paging, for every paged list: "21-40 of 135", previous and next, page size.

use leptos::prelude::*;

use crate::i18n::{td_string, use_locale, Locale};

/// Where a page lies in a list of `total` items. Pure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageInfo {
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

impl PageInfo {
    /// 1-based number of the first item shown (0 when there is none).
    pub fn first(&self) -> i64 {
        if self.total == 0 || self.offset >= self.total {
            0
        } else {
            self.offset + 1
        }
    }

    /// 1-based number of the last item shown (0 when there is none).
    pub fn last(&self) -> i64 {
        if self.first() == 0 {
            0
        } else {
            (self.offset + self.limit).min(self.total)
        }
    }

    pub fn page(&self) -> i64 {
        self.offset / self.limit.max(1) + 1
    }

    pub fn pages(&self) -> i64 {
        ((self.total + self.limit.max(1) - 1) / self.limit.max(1)).max(1)
    }

    pub fn previous(&self) -> Option<i64> {
        (self.offset > 0).then(|| (self.offset - self.limit).max(0))
    }

    pub fn next(&self) -> Option<i64> {
        (self.offset + self.limit < self.total).then(|| self.offset + self.limit)
    }

    /// "21–40 of 135"; `empty` for an empty list, and a plain word when
    /// the offset (from an old link) lies past the end.
    pub fn summary(&self, empty: &str, l: Locale) -> String {
        if self.total == 0 {
            empty.to_owned()
        } else if self.first() == 0 {
            td_string!(l, common.page_past_end, total = self.total).to_string()
        } else {
            td_string!(l, common.page_range, first = self.first(), last = self.last(), total = self.total).to_string()
        }
    }

    /// "Page 2 of 3 (21–40 of 45)".
    pub fn status(&self, l: Locale) -> String {
        let summary = self.summary(td_string!(l, common.none), l);
        td_string!(l, common.page_of, page = self.page(), pages = self.pages(), summary = summary).to_string()
    }
}

/// Previous/next buttons and a page size picker; `on_offset` and
/// `on_limit` receive the new values.
#[component]
pub fn Pager(
    #[prop(into)] label: String,
    info: PageInfo,
    sizes: &'static [i64],
    on_offset: Callback<i64>,
    on_limit: Callback<i64>,
) -> impl IntoView {
    let l = use_locale();
    let size_id = format!("{}-page-size", label.to_lowercase().replace(' ', "-"));
    view! {
        <nav class="pager" aria-label=label>
            <button disabled=info.previous().is_none() on:click=move |_| if let Some(o) = info.previous() { on_offset.run(o) }>
                {td_string!(l, common.previous_page)}
            </button>
            <span role="status">{info.status(l)}</span>
            <button disabled=info.next().is_none() on:click=move |_| if let Some(o) = info.next() { on_offset.run(o) }>
                {td_string!(l, common.next_page)}
            </button>
            <label for=size_id.clone()>{td_string!(l, common.per_page)}</label>
            <select id=size_id on:change=move |ev| if let Ok(n) = event_target_value(&ev).parse() { on_limit.run(n) }>
                {sizes.iter().map(|n| view! { <option value=n.to_string() selected=*n == info.limit>{n.to_string()}</option> }).collect::<Vec<_>>()}
            </select>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_and_neighbours() {
        let p = PageInfo { total: 45, limit: 20, offset: 20 };
        assert_eq!((p.first(), p.last(), p.page(), p.pages()), (21, 40, 2, 3));
        assert_eq!((p.previous(), p.next()), (Some(0), Some(40)));
        let last = PageInfo { total: 45, limit: 20, offset: 40 };
        assert_eq!((last.summary("none", Locale::en).as_str(), last.next()), ("41–45 of 45", None));
        let empty = PageInfo { total: 0, limit: 20, offset: 0 };
        assert_eq!((empty.first(), empty.last(), empty.pages(), empty.previous()), (0, 0, 1, None));
        assert_eq!(empty.summary("No certificates", Locale::en), "No certificates");
        let past = PageInfo { total: 45, limit: 20, offset: 60 };
        assert_eq!((past.first(), past.last(), past.previous()), (0, 0, Some(40)));
        assert_eq!(past.summary("none", Locale::en), "Past the end of the list (45 in all)");
        assert_eq!(PageInfo { total: 10, limit: 20, offset: 5 }.previous(), Some(0));
    }

    #[test]
    fn the_pager_status_in_both_languages() {
        let p = PageInfo { total: 10000, limit: 20, offset: 20 };
        assert_eq!(p.status(Locale::en), "Page 2 of 500 (21–40 of 10000)");
        assert_eq!(p.status(Locale::zh_CN), "第 2/500 页（第 21–40 条，共 10000 条）");
        let empty = PageInfo { total: 0, limit: 20, offset: 0 };
        assert_eq!(empty.status(Locale::en), "Page 1 of 1 (none)");
        assert_eq!(empty.status(Locale::zh_CN), "第 1/1 页（无）");
        let past = PageInfo { total: 45, limit: 20, offset: 60 };
        assert_eq!(past.summary("", Locale::zh_CN), "已超出列表末尾（共 45 条）");
    }
}

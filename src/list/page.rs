//! Limit/offset paging, for every paged list: "21-40 of 135", previous and next, page size.

use leptos::prelude::*;

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
    pub fn summary(&self, empty: &str) -> String {
        if self.total == 0 {
            empty.to_owned()
        } else if self.first() == 0 {
            format!("Past the end of the list ({} in all)", self.total)
        } else {
            format!("{}–{} of {}", self.first(), self.last(), self.total)
        }
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
    let size_id = format!("{}-page-size", label.to_lowercase().replace(' ', "-"));
    view! {
        <nav class="pager" aria-label=label>
            <button disabled=info.previous().is_none() on:click=move |_| if let Some(o) = info.previous() { on_offset.run(o) }>
                "Previous page"
            </button>
            <span role="status">{format!("Page {} of {} ({})", info.page(), info.pages(), info.summary("none"))}</span>
            <button disabled=info.next().is_none() on:click=move |_| if let Some(o) = info.next() { on_offset.run(o) }>
                "Next page"
            </button>
            <label for=size_id.clone()>"Per page"</label>
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
        assert_eq!((last.summary("none").as_str(), last.next()), ("41–45 of 45", None));
        let empty = PageInfo { total: 0, limit: 20, offset: 0 };
        assert_eq!((empty.first(), empty.last(), empty.pages(), empty.previous()), (0, 0, 1, None));
        assert_eq!(empty.summary("No certificates"), "No certificates");
        let past = PageInfo { total: 45, limit: 20, offset: 60 };
        assert_eq!((past.first(), past.last(), past.previous()), (0, 0, Some(40)));
        assert_eq!(past.summary("none"), "Past the end of the list (45 in all)");
        assert_eq!(PageInfo { total: 10, limit: 20, offset: 5 }.previous(), Some(0));
    }
}

//! "11–20 of 60" and the previous / next page buttons (the page size is in
//! the filter bar).

use leptos::prelude::*;

use super::ScmViewQuery;
use crate::i18n::format::number;
use crate::i18n::{td_string, use_locale};

use crate::list::SetQuery;

#[component]
pub fn Pager(query: ScmViewQuery, total: i64) -> impl IntoView {
    let SetQuery(set) = expect_context::<SetQuery<ScmViewQuery>>();
    let locale = use_locale();
    let page = query.page(total);
    let q = StoredValue::new(query);
    let go = move |offset: Option<i64>| {
        if let Some(o) = offset {
            set.run(q.with_value(|q| q.at_offset(o)));
        }
    };
    view! {
        <nav class="pager" aria-label=td_string!(locale, scm.pages)>
            <p role="status" aria-label=td_string!(locale, scm.shown)>{move || {
                let l = locale;
                let n = |v: i64| number(l, v);
                if total == 0 {
                    td_string!(locale, scm.no_certificates).to_owned()
                } else if page.first() == 0 {
                    td_string!(locale, scm.past_end, total = n(total))
                } else {
                    td_string!(locale, scm.range_of, first = n(page.first()), last = n(page.last()), total = n(total))
                }
            }}</p>
            <button disabled=page.previous().is_none() on:click=move |_| go(page.previous())>{td_string!(locale, scm.previous_page)}</button>
            <span>{td_string!(locale, scm.page_of, page = page.page(), pages = page.pages())}</span>
            <button disabled=page.next().is_none() on:click=move |_| go(page.next())>{td_string!(locale, scm.next_page)}</button>

        </nav>
    }
}

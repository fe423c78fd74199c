//! "11–20 of 60" and the previous / next page buttons (the page size is in
//! the filter bar).

use leptos::prelude::*;

use super::ScmViewQuery;
use crate::i18n::format::number;
use crate::i18n::{t, t_string, use_i18n};

use crate::list::SetQuery;

#[component]
pub fn Pager(query: ScmViewQuery, total: i64) -> impl IntoView {
    let SetQuery(set) = expect_context::<SetQuery<ScmViewQuery>>();
    let i18n = use_i18n();
    let page = query.page(total);
    let q = StoredValue::new(query);
    let go = move |offset: Option<i64>| {
        if let Some(o) = offset {
            set.run(q.with_value(|q| q.at_offset(o)));
        }
    };
    view! {
        <nav class="pager" aria-label=move || t_string!(i18n, scm.pages)>
            <p role="status" aria-label=move || t_string!(i18n, scm.shown)>{move || {
                let l = i18n.get_locale();
                let n = |v: i64| number(l, v);
                if total == 0 {
                    t_string!(i18n, scm.no_certificates).to_owned()
                } else if page.first() == 0 {
                    t_string!(i18n, scm.past_end, total = n(total))
                } else {
                    t_string!(i18n, scm.range_of, first = n(page.first()), last = n(page.last()), total = n(total))
                }
            }}</p>
            <button disabled=page.previous().is_none() on:click=move |_| go(page.previous())>{t!(i18n, scm.previous_page)}</button>
            <span>{t!(i18n, scm.page_of, page = page.page(), pages = page.pages())}</span>
            <button disabled=page.next().is_none() on:click=move |_| go(page.next())>{t!(i18n, scm.next_page)}</button>

        </nav>
    }
}

//! "11–20 of 60" and the previous / next page buttons (the page size is in
//! the filter bar).

use leptos::prelude::*;

use super::ScmViewQuery;
use crate::list::SetQuery;

#[component]
pub fn Pager(query: ScmViewQuery, total: i64) -> impl IntoView {
    let SetQuery(set) = expect_context::<SetQuery<ScmViewQuery>>();
    let page = query.page(total);
    let q = StoredValue::new(query);
    let go = move |offset: Option<i64>| {
        if let Some(o) = offset {
            set.run(q.with_value(|q| q.at_offset(o)));
        }
    };
    view! {
        <nav class="pager" aria-label="Pages">
            <p role="status" aria-label="Shown">{page.summary("No certificates")}</p>
            <button disabled=page.previous().is_none() on:click=move |_| go(page.previous())>"Previous page"</button>
            <span>{format!("Page {} of {}", page.page(), page.pages())}</span>
            <button disabled=page.next().is_none() on:click=move |_| go(page.next())>"Next page"</button>
        </nav>
    }
}

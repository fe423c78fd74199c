//! The "SSL certificates" view (SCM): one page of the list at a time, with
//! the status filter, search, sort, page size, offset and the selected
//! certificate in the URL, and a details panel with export, push and
//! delete. Importing is its own page (`/scm/import`).

mod badges;
mod batch_push;
pub mod csr;
mod delete;
mod deploy;
mod deploy_form;
mod details;
mod export;
mod export_files;
mod filters;
mod import;
mod import_check;
mod labels;
mod lifecycle;
mod notify;
pub mod order;
mod pager;
mod push;
mod query;
mod table;
mod tag_list;
mod validation;
pub mod time;

use ccm_api::scm::{list_certificates, ScmListResponse};
use ccm_api::validate::{validate_request, Context};
use ccm_api::{ApiError, ApiRequest};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::i18n::{td_string, use_locale};
use crate::form::rule_words::field_line;
use crate::list::status::{ListError, ListLoading};
use crate::list::url_state::UrlState;
use crate::list::{query_from_url, SetQuery};
use details::ScmDetails;
use filters::ScmFilterBar;
use pager::Pager;
pub use query::ScmViewQuery;
use table::ScmTable;
pub use import::ImportCertificatePage;

/// The list read for a view state (the selection does not change it): the
/// tag search when a tag is chosen, else the list call.
fn list_request(q: &ScmViewQuery) -> ApiRequest {
    match &q.tag {
        Some(tag) => tag_list::tag_request(q, tag),
        None => list_certificates(&ScmViewQuery { selected: None, ..q.clone() }.to_list_query()),
    }
}

/// One page of the list for `req` (from [`list_request`]).
async fn load_page(api: crate::api::client::Api, tagged: bool, req: ApiRequest) -> Result<ScmListResponse, ApiError> {
    if tagged {
        api.json::<ccm_api::scm::ListCertificatesByTagResponse>(req).await.map(tag_list::rows_from_hits)
    } else {
        api.json::<ScmListResponse>(req).await
    }
}

/// What the list reads first for the address's view state; its route sends
/// it while the page's code loads (api/prefetch.rs). A query the contract
/// refuses reads nothing.
pub fn first_reads() -> Vec<ApiRequest> {
    let req = list_request(&ScmViewQuery::from_lookup(crate::api::prefetch::url_query()));
    validate_request(&req, &Context { now_millis: js_sys::Date::now() as i64 }).is_empty().then_some(req).into_iter().collect()
}

#[component]
pub fn SslCertificatesPage() -> impl IntoView {
    let api = use_api();
    let locale = use_locale();
    let query = query_from_url::<ScmViewQuery>();
    SetQuery::<ScmViewQuery>::provide_in_url("/scm");

    // Only the list's own parameters reload it, not the selection.
    let list_query = Memo::new(move |_| query.with(|q| ScmViewQuery { selected: None, ..q.clone() }));
    let page = RwSignal::new(None::<Result<ScmListResponse, ApiError>>);
    let reloads = RwSignal::new(0u32);
    let generation = StoredValue::new(0u64);
    let now = RwSignal::new(js_sys::Date::now() as i64);
    Effect::new(move |_| {
        let q = list_query.get();
        reloads.track();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let req = list_request(&q);
        let problems = validate_request(&req, &Context { now_millis: js_sys::Date::now() as i64 });
        if let Some(p) = problems.first() {
            let detail = td_string!(locale, scm.list_query_invalid, problem = field_line(p, locale));
            page.set(Some(Err(ApiError::Decode { status: 0, detail })));
            return;
        }
        let tagged = q.tag.is_some();
        spawn_local(async move {
            let result = load_page(api, tagged, req).await;
            // A newer query may have started meanwhile: keep only the latest answer.
            if result != Err(ApiError::Aborted) && generation.try_get_value() == Some(mine) {
                now.try_set(js_sys::Date::now() as i64);
                page.try_set(Some(result));
            }
        });
    });
    let selected = Memo::new(move |_| query.with(|q| q.selected.clone()));
    let refresh = Callback::new(move |_| reloads.update(|n| *n += 1));
    let retry = Callback::new(move |_: ()| {
        page.set(None);
        refresh.run(());
    });

    view! {
        <div class="page-head">
            <h1>{td_string!(locale, scm.title)}</h1>
            <div class="actions">
                <a class="button primary" href="/scm/order">{td_string!(locale, scm.order_certificate)}</a>
                <a class="button" href="/scm/import">{td_string!(locale, scm.import_certificate)}</a>
                <a class="button" href="/scm/csr">{td_string!(locale, scm.csrs)}</a>
                <button on:click=move |_| refresh.run(())>{td_string!(locale, scm.reload)}</button>
            </div>
        </div>
        <ScmFilterBar query />
        <div class="split">
            <section class="panel grow" aria-label=td_string!(locale, scm.list_label)>
                {move || match page.get() {
                    None => view! { <ListLoading text=td_string!(locale, scm.loading_list) /> }.into_any(),
                    Some(Err(e)) => view! { <ListError title=td_string!(locale, scm.load_list_failed) error=e retry /> }.into_any(),

                    Some(Ok(list)) => {
                        let q = list_query.get();
                        view! {
                            <ScmTable rows=list.certificates query=q.clone() now=now.get() />
                            <Pager query=q total=list.total_count />
                        }.into_any()
                    }
                }}
            </section>
            {move || selected.get().map(|id| view! {
                <ScmDetails id on_changed=refresh />
            })}
        </div>
    }
}

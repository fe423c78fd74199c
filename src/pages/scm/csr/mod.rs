//! The CSR manager (`/scm/csr`): the service's certificate signing
//! requests, listed with name and key algorithm filters and paging in the
//! URL; a details panel for the selected one (decoded in the browser,
//! rename, delete, fetch the key the service keeps, apply with it); create
//! (`/scm/csr/new`) and upload (`/scm/csr/upload`) forms.

mod create;
mod decoded;
mod details;
pub mod forms;
mod private_key;
mod query;
mod table;
mod upload;

use ccm_api::scm::{list_csr, CsrListResponse, PrivateKeyAlgo, CSR_PAGE_SIZES};
use ccm_api::validate::{validate_request, Context};
use ccm_api::{ApiError, ApiRequest};
use leptos::prelude::*;
use crate::i18n::{td_string, use_locale};
use crate::form::rule_words::field_line;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::select::ChoiceSelect;
use crate::list::page::{PageInfo, Pager};
use crate::list::url_state::UrlState;
use crate::list::{query_from_url, SetQuery};
pub use create::CreateCsrPage;
use details::CsrDetails;
pub use query::CsrViewQuery;
use table::CsrTable;
pub use upload::UploadCsrPage;

fn list_request(q: &CsrViewQuery) -> ApiRequest {
    list_csr(&q.to_list_query())
}

/// The list's first read for the address; sent while the page's code loads.
pub fn first_reads() -> Vec<ApiRequest> {
    let req = list_request(&CsrViewQuery::from_lookup(crate::api::prefetch::url_query()));
    validate_request(&req, &Context { now_millis: 0 }).is_empty().then_some(req).into_iter().collect()
}

#[component]
pub fn CsrManagerPage() -> impl IntoView {
    let api = use_api();
    let query = query_from_url::<CsrViewQuery>();
    let SetQuery(set) = SetQuery::<CsrViewQuery>::provide_in_url("/scm/csr");
    let list_query = Memo::new(move |_| query.with(|q| q.select(None)));
    let locale = use_locale();
    let page = RwSignal::new(None::<Result<CsrListResponse, ApiError>>);
    let reloads = RwSignal::new(0u32);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let q = list_query.get();
        reloads.track();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let req = list_request(&q);
        if let Some(p) = validate_request(&req, &Context { now_millis: 0 }).first() {
            page.set(Some(Err(ApiError::Decode { status: 0, detail: td_string!(locale, scm.list_query_invalid, problem = field_line(p, locale)) })));
            return;
        }
        spawn_local(async move {
            let result = api.json::<CsrListResponse>(req).await;
            if result != Err(ApiError::Aborted) && generation.try_get_value() == Some(mine) {
                page.try_set(Some(result));
            }
        });
    });
    let refresh = Callback::new(move |_| reloads.update(|n| *n += 1));
    let retry = Callback::new(move |_: ()| {
        page.set(None);
        refresh.run(());
    });
    let update = move |f: &dyn Fn(&mut CsrViewQuery)| set.run(query.get_untracked().with_filter(f));
    let selected = Memo::new(move |_| query.with(|q| q.selected.clone()));
    // The name is sent on Enter or when the field is left, not per key.
    let name_text = RwSignal::new(query.get_untracked().name);

    view! {
        <div class="page-head">
            <h1>{td_string!(locale, scm.csr_title)}</h1>
            <div class="actions">
                <a class="button primary" href="/scm/csr/new">{td_string!(locale, scm.csr_create)}</a>
                <a class="button" href="/scm/csr/upload">{td_string!(locale, scm.csr_upload)}</a>
                <button on:click=move |_| refresh.run(())>{td_string!(locale, scm.reload)}</button>
            </div>
        </div>
        <p class="field-hint">{td_string!(locale, scm.csr_hint)}</p>
        <form class="panel filter-bar" role="search" aria-label=td_string!(locale, scm.csr_filter) on:submit=move |ev| {
            ev.prevent_default();
            let v = name_text.get_untracked();
            update(&|q| q.name = v.clone());
        }>
            <div class="field">
                <label for="csr-filter-name">{td_string!(locale, scm.name_contains)}</label>
                <input id="csr-filter-name" type="search" prop:value=move || name_text.get()
                    on:input=move |ev| name_text.set(event_target_value(&ev))
                    on:change=move |ev| { let v = event_target_value(&ev); update(&|q| q.name = v.clone()) } />
            </div>
            <ChoiceSelect id="csr-filter-algo" label=td_string!(locale, scm.key_algorithm)
                options=std::iter::once((String::new(), td_string!(locale, scm.any_algorithm).to_owned()))
                    .chain(PrivateKeyAlgo::known().into_iter().map(|a| (a.as_str().to_owned(), a.label().to_owned())))
                    .collect()
                value=Signal::derive(move || query.with(|q| q.algo.as_ref().map(|a| a.as_str().to_owned()).unwrap_or_default()))
                on_pick=Callback::new(move |v: String| update(&|q| q.algo = (!v.is_empty()).then(|| PrivateKeyAlgo::from_wire(&v)))) />
        </form>
        <div class="split">
            <section class="panel grow" aria-label=td_string!(locale, scm.csr_list)>
                {move || match page.get() {
                    None => view! { <p class="loading" role="status">{td_string!(locale, scm.loading_csrs)}</p> }.into_any(),
                    Some(Err(e)) => view! { <ApiErrorView title=td_string!(locale, scm.load_csrs_failed) error=e retry /> }.into_any(),
                    Some(Ok(list)) => {
                        let q = list_query.get();
                        let info = PageInfo { total: list.total, limit: q.limit, offset: q.offset };
                        view! {
                            <CsrTable rows=list.csr_list query=q />
                            <Pager label=td_string!(locale, scm.csr_pages) info sizes=CSR_PAGE_SIZES
                                on_offset=Callback::new(move |o| { let mut q = query.get_untracked(); q.offset = o; set.run(q) })
                                on_limit=Callback::new(move |l| set.run(query.get_untracked().with_filter(|q| q.limit = l))) />
                        }.into_any()
                    }
                }}
            </section>
            {move || selected.get().map(|id| view! { <CsrDetails id on_changed=refresh /> })}
        </div>
    }
}

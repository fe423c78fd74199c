//! The "Private certificates" list: filters, sort and page in the URL,
//! multi-select with bulk revoke and delete.

use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bulk_actions::CertBulkBar;
use super::filters::FilterBar;
use super::loader::{self, CertPage, LoadError};
use super::query::{CertViewQuery, PAGE_SIZES};
use super::table::CertTable;
use crate::api::client::use_api;
use crate::list::page::{PageInfo, Pager};
use crate::list::selection::Selection;
use crate::list::status::{ListError, ListLoading};
use crate::list::{query_from_url, SetQuery};
use crate::i18n::{td_string, use_locale};

#[component]
pub fn PrivateCertificatesPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_locale();
    let query = query_from_url::<CertViewQuery>();
    let SetQuery(set) = SetQuery::<CertViewQuery>::provide_in_url("/pca/certs");

    let page = RwSignal::new(None::<Result<CertPage, LoadError>>);
    let selection = RwSignal::new(Selection::default());
    let now = RwSignal::new(js_sys::Date::now() as i64);
    let reloads = RwSignal::new(0u32);
    // Only the answer to the latest request is shown (typing a name
    // filter sends one request per keystroke).
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let q = query.get();
        reloads.track();
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        spawn_local(async move {
            let result = loader::load(api, &q).await;
            if result != Err(LoadError::Api(ApiError::Aborted)) && generation.try_get_value() == Some(mine) {
                now.try_set(js_sys::Date::now() as i64);
                page.try_set(Some(result));
            }
        });
    });
    // A new filter or page starts with nothing selected.
    Effect::new(move |_| {
        query.track();
        selection.set(Selection::default());
    });
    let on_page = Signal::derive(move || {
        page.with(|p| match p {
            Some(Ok(p)) => p.certificates.clone(),
            _ => Vec::new(),
        })
    });
    let reload = Callback::new(move |_: ()| reloads.update(|n| *n += 1));
    let retry = Callback::new(move |_: ()| {
        page.set(None);
        reload.run(());
    });

    view! {
        <div class="page-head">
            <h1>{td_string!(i18n, pca.certs_title)}</h1>
            <div class="actions">
                <a class="button primary" href="/pca/certs/new">{td_string!(i18n, pca.apply_cert)}</a>
                <a class="button" href="/pca/certs/csr">{td_string!(i18n, pca.issue_from_csr)}</a>
                <button on:click=move |_| reload.run(())>{td_string!(i18n, pca.reload)}</button>
            </div>
        </div>
        <FilterBar query />
        <CertBulkBar selection on_page on_done=reload />
        <section class="panel" aria-label=move || td_string!(i18n, pca.cert_list)>
            {move || match page.get() {
                None => view! { <ListLoading text=td_string!(i18n, pca.loading_certs) /> }.into_any(),
                Some(Err(LoadError::Api(e))) => view! { <ListError title=td_string!(i18n, pca.certs_load_failed) error=e retry /> }.into_any(),
                Some(Err(LoadError::Invalid(errors))) => view! {
                    <div class="api-error" role="alert">
                        <p class="api-error-title">{td_string!(i18n, pca.filters_invalid)}</p>
                        <ul>{errors.into_iter().map(|e| view! { <li>{e.to_string()}</li> }).collect::<Vec<_>>()}</ul>
                    </div>
                }.into_any(),
                Some(Ok(p)) => {
                    let q = query.get_untracked();
                    let info = PageInfo { total: p.total, limit: q.limit, offset: q.offset };
                    let note = p.scanned.map(|n| td_string!(i18n, pca.filtered_from, n = crate::i18n::format::number(i18n, n as i64)).to_string());
                    view! {
                        <CertTable certificates=p.certificates query=q.clone() now=now.get_untracked() selection />
                        {note.map(|n| view! { <p class="field-hint">{n}</p> })}
                        <Pager label=td_string!(i18n, pca.cert_pages) info sizes=&PAGE_SIZES
                            on_offset=Callback::new(move |o| { let mut q = query.get_untracked(); q.offset = o; set.run(q) })
                            on_limit=Callback::new(move |l| { let mut q = query.get_untracked().first_page(); q.limit = l; set.run(q) }) />
                    }.into_any()
                }
            }}
        </section>
    }
}

//! The "Private CAs" view: the whole hierarchy as a tree or a table, with
//! filters, sort and the selected CA in the URL, and a details panel.

mod actions;
mod create;
pub mod create_form;
mod certificate;
mod crl;
mod deletion;
mod details;
mod exports;
mod import;
mod filters;
pub mod loader;
mod obs_access;
mod query;
mod similar;
mod table;
mod tree;
pub mod validity_cap;

use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;
use std::sync::Arc;

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::quota_cards::QuotaCards;
use crate::list::status::ListError;
use crate::list::{query_from_url, SetQuery};
use crate::state::ca_revocations::CaRevocations;
use crate::tags::TagFilter;
use crate::i18n::{td_string, use_locale};
use crate::i18n::format::number;
pub use create::CreateCaPage;
use details::CaDetails;
use filters::FilterBar;
pub use query::{CaViewQuery, Layout};
use table::CaTable;
use tree::{CaTree, Collapsed};

#[component]
pub fn CaHierarchyPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_locale();
    let url_query = query_from_url::<CaViewQuery>();
    let revocations = CaRevocations::get_or_provide();
    // The tag filter's ids, looked up whenever the filter (or a reload) asks.
    let tagged = RwSignal::new(None::<(TagFilter, Arc<BTreeSet<String>>)>);
    let tag_error = RwSignal::new(None::<ApiError>);
    Effect::new(move |_| {
        let Some(filter) = url_query.with(|q| q.tag.clone()) else { return };
        if tagged.with_untracked(|t| t.as_ref().is_some_and(|(f, _)| f == &filter)) {
            return;
        }
        tag_error.set(None);
        spawn_local(async move {
            match loader::load_tagged(api, &filter).await {
                Ok(ids) => {
                    tagged.try_set(Some((filter, Arc::new(ids))));
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    tag_error.try_set(Some(e));
                }
            }
        });
    });
    let query = Memo::new(move |_| {
        let mut q = url_query.get();
        q.tagged = tagged.with(|t| t.as_ref().filter(|(f, _)| Some(f) == q.tag.as_ref()).map(|(_, ids)| ids.clone()));
        if q.revoked {
            q.revoked_ids = revocations.ids();
        }
        q
    });
    SetQuery::<CaViewQuery>::provide_in_url("/pca/cas");
    provide_context(Collapsed(RwSignal::new(Default::default())));

    let cas = RwSignal::new(None::<Result<Vec<CertificateAuthority>, ApiError>>);
    let progress = RwSignal::new(None);
    let reload = move || {
        cas.set(None);
        progress.set(None);
        // Tags may have changed too: search again.
        tagged.set(None);
        spawn_local(async move {
            let result = loader::load_all(api, progress).await;
            if result != Err(ApiError::Aborted) {
                cas.try_set(Some(result));
            }
        });
    };
    reload();
    // After an action: reload the list without blanking the view.
    let refresh = move || {
        spawn_local(async move {
            let result = loader::load_all(api, progress).await;
            if result != Err(ApiError::Aborted) {
                cas.try_set(Some(result));
            }
        });
    };

    let now = RwSignal::new(js_sys::Date::now() as i64);
    let selected = Memo::new(move |_| {
        let id = query.with(|q| q.selected.clone())?;
        cas.with(|c| c.as_ref()?.as_ref().ok()?.iter().find(|ca| ca.ca_id == id).cloned())
    });

    view! {
        <div class="page-head">
            <h1>{td_string!(i18n, pca.cas_title)}</h1>
            <div class="actions">
                <a class="button primary" href="/pca/cas/new">{td_string!(i18n, pca.create_ca)}</a>
                <button on:click=move |_| { now.set(js_sys::Date::now() as i64); reload(); }>{td_string!(i18n, pca.reload)}</button>
            </div>
        </div>
        <FilterBar query />
        {move || tag_error.get().map(|e| view! { <section class="panel"><ApiErrorView title=td_string!(i18n, pca.tag_search_failed) error=e /></section> })}
        {move || match cas.get() {
            None => view! {
                <section class="panel" role="status" aria-label=move || td_string!(i18n, pca.loading_cas)>
                    <p>{td_string!(i18n, pca.loading_hierarchy)}</p>
                    {move || progress.get().map(|(n, total): (usize, i64)| view! {
                        <progress max=total.max(1) value=n aria-label=move || td_string!(i18n, pca.cas_loaded)></progress>
                        <p class="field-hint">{move || { let l = i18n; td_string!(i18n, pca.cas_loaded_of, n = number(l, n as i64), total = number(l, total)).to_string() }}</p>
                    })}
                </section>
            }.into_any(),
            Some(Err(e)) => view! {
                <section class="panel"><ListError title=td_string!(i18n, pca.cas_load_failed) error=e retry=Callback::new(move |_| reload()) /></section>
            }.into_any(),
            Some(Ok(list)) => {
                let list = StoredValue::new(list);
                // The tree follows the query itself (its rows are kept across
                // filter changes); the table is rebuilt for each query.
                let layout = Memo::new(move |_| query.with(|q| q.layout));
                view! {
                    <div class="split">
                        <section class="panel grow" aria-label=move || td_string!(i18n, pca.ca_hierarchy)>
                            {move || match layout.get() {
                                Layout::Tree => view! { <CaTree cas=list.get_value() query now=now.get() /> }.into_any(),
                                Layout::Table => (move || view! { <CaTable cas=list.get_value() query=query.get() now=now.get() /> }).into_any(),
                            }}
                        </section>
                        {move || selected.get().map(|ca| view! {
                            <CaDetails ca all=list.get_value() now=now.get() on_changed=Callback::new(move |_| refresh()) />
                        })}
                    </div>
                }.into_any()
            }
        }}
        <QuotaCards />
    }
}

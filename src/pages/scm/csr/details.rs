//! The selected CSR: its record, the request decoded in the browser,
//! rename, apply with it, its private key (for one the service created),
//! and delete after a confirmation naming it.

use ccm_api::scm::{delete_csr, show_csr, update_csr, CsrInfo, UpdateCsrBody};
use ccm_api::validate::{validate_request, Context};
use ccm_api::ApiError;
use leptos::prelude::*;
use super::table::usage_label;
use crate::components::with_data::marked;
use crate::i18n::format::date;
use crate::form::rule_words::worded;
use crate::i18n::{td_string, use_locale};
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use super::decoded::LazyCsrDecoded;
use super::private_key::PrivateKeyPanel;
use super::CsrViewQuery;
use crate::api::client::use_api;
use crate::components::api_error::{change_failed_title, ApiErrorView};
use crate::components::confirm::ConfirmDialog;
use crate::components::field::TextField;
use crate::components::notifications::use_notifications;
use crate::components::request_inspector::RequestPreview;
use crate::form::action::{ActionError, ActionRunner};
use crate::list::url_state::UrlState;
use crate::list::SetQuery;

fn text(v: &Option<String>) -> String {
    v.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| "—".into())
}

#[component]
pub fn CsrDetails(id: String, on_changed: Callback<()>) -> impl IntoView {
    let api = use_api();
    let csr = RwSignal::new(None::<Result<CsrInfo, ApiError>>);
    let id = StoredValue::new(id);
    let load = Callback::new(move |_: ()| {
        csr.set(None);
        spawn_local(async move {
            let r = api.json::<CsrInfo>(id.with_value(|id| show_csr(id))).await;
            if r != Err(ApiError::Aborted) {
                csr.try_set(Some(r));
            }
        });
    });
    load.run(());
    let params = use_query_map();
    let current = move || params.with(|p| CsrViewQuery::from_lookup(|k| p.get(k)));
    let close_href = move || format!("/scm/csr{}", current().select(None).to_query());
    let SetQuery(set_query) = expect_context::<SetQuery<CsrViewQuery>>();
    let on_deleted = Callback::new(move |_| {
        set_query.run(params.with_untracked(|p| CsrViewQuery::from_lookup(|k| p.get(k))).select(None));
        on_changed.run(());
    });
    let on_renamed = Callback::new(move |_| {
        load.run(());
        on_changed.run(());
    });
    let locale = use_locale();
    view! {
        <aside class="panel details" aria-label=td_string!(locale, scm.csr_details)>
            <div class="page-head">
                <h2 translate="no">{move || csr.with(|c| match c {
                    Some(Ok(c)) => c.name.clone().unwrap_or_else(|| c.id.clone()),
                    _ => "CSR".to_owned(),
                })}</h2>
                <a href=close_href aria-label=td_string!(locale, scm.csr_close)>{td_string!(locale, scm.close)}</a>
            </div>
            {move || match csr.get() {
                None => view! { <p class="loading" role="status">{td_string!(locale, scm.loading_csr)}</p> }.into_any(),
                Some(Err(e)) => view! { <ApiErrorView title=td_string!(locale, scm.load_csr_failed) error=e retry=load /> }.into_any(),
                Some(Ok(c)) => {
                    let name = c.name.clone().filter(|n| !n.is_empty()).unwrap_or_else(|| c.id.clone());
                    let apply_href = format!("/scm/apply?csr={}", c.id);
                    let company = [&c.company_name, &c.company_city, &c.company_province, &c.company_country]
                        .iter()
                        .filter_map(|v| (*v).clone().filter(|s| !s.is_empty()))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let company = if company.is_empty() { "—".to_owned() } else { company };
                    view! {
                        <dl class="details-list">
                            <dt>{td_string!(locale, scm.csr_id)}</dt><dd translate="no">{c.id.clone()}</dd>
                            <dt>{td_string!(locale, scm.col_domain)}</dt><dd translate="no">{text(&c.domain_name)}</dd>
                            <dt>{td_string!(locale, scm.col_sans)}</dt><dd translate="no">{c.sans.clone().filter(|s| !s.is_empty()).map(|s| s.replace(';', ", ")).unwrap_or_else(|| "—".into())}</dd>
                            <dt>{td_string!(locale, scm.col_key_algorithm)}</dt><dd translate="no">{c.private_key_algo.as_ref().map(|a| a.label().to_owned()).unwrap_or_else(|| "—".into())}</dd>
                            <dt>{td_string!(locale, scm.col_usage)}</dt><dd>{c.usage.as_ref().map(|u| usage_label(u, locale)).unwrap_or_else(|| "—".into())}</dd>
                            <dt>{td_string!(locale, scm.company)}</dt><dd translate="no">{company}</dd>
                            <dt>{td_string!(locale, scm.col_created)}</dt><dd translate="no">{c.create_time.map(|t| date(locale, t)).unwrap_or_else(|| "—".into())}</dd>
                            <dt>{td_string!(locale, scm.col_updated)}</dt><dd translate="no">{c.update_time.map(|t| date(locale, t)).unwrap_or_else(|| "—".into())}</dd>
                        </dl>
                        <div class="actions">
                            <a class="button primary" href=apply_href>{td_string!(locale, scm.csr_apply_with, name = name.clone())}</a>
                        </div>
                        {c.csr.clone().map(|pem| view! { <LazyCsrDecoded pem /> })}
                        <RenameCsr id=c.id.clone() name=c.name.clone().unwrap_or_default() on_renamed />
                        <PrivateKeyPanel id=c.id.clone() name=name.clone() />
                        <DeleteCsr id=c.id.clone() name on_deleted />
                    }.into_any()
                }
            }}
        </aside>
    }
}

/// Only the name of a CSR can change.
#[component]
fn RenameCsr(id: String, name: String, on_renamed: Callback<()>) -> impl IntoView {
    let api = use_api();
    let locale = use_locale();
    let notify = use_notifications();
    let id = StoredValue::new(id);
    let value = RwSignal::new(name);
    let problem = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let new_name = value.get_untracked().trim().to_owned();
        let req = id.with_value(|id| update_csr(id, &UpdateCsrBody { name: new_name.clone() }));
        if let Some(p) = validate_request(&req, &Context { now_millis: 0 }).first() {
            problem.set(Some(worded(p, locale)));
            return;
        }
        problem.set(None);
        error.set(None);
        pending.set(true);
        spawn_local(async move {
            let r = api.json::<CsrInfo>(req).await;
            pending.try_set(false);
            match r {
                Ok(_) => {
                    notify.success(td_string!(locale, scm.csr_renamed, name = marked(&new_name)));
                    on_renamed.run(());
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <form class="tag-add" aria-label=td_string!(locale, scm.rename) on:submit=submit>
            <TextField id="csr-rename" label=td_string!(locale, scm.new_name) value error=Signal::derive(move || problem.get()) />
            <button type="submit" disabled=move || pending.get()>{td_string!(locale, scm.rename)}</button>
        </form>
        {move || error.get().map(|e| view! {
            <ApiErrorView title=change_failed_title(&e, td_string!(locale, scm.csr_not_renamed), td_string!(locale, scm.csr_maybe_renamed)) error=e />
        })}
    }
}

#[component]
fn DeleteCsr(id: String, name: String, on_deleted: Callback<()>) -> impl IntoView {
    let api = use_api();
    let locale = use_locale();
    let runner = ActionRunner::<()>::new();
    let pending = runner.pending();
    let id = StoredValue::new(id);
    let name = StoredValue::new(name);
    let snapshot = Signal::derive(move || api.preview(&id.with_value(|id| delete_csr(id))));
    let run = move || {
        let req = id.with_value(|id| delete_csr(id));
        runner.send(api, req, td_string!(locale, scm.csr_deleted, name = name.get_value()), move || on_deleted.run(()));
    };
    view! {
        <section aria-label=td_string!(locale, scm.csr_delete)>
            <button class="danger" on:click=move |_| runner.open(())>{td_string!(locale, scm.csr_delete)}</button>
            {move || runner.opened().map(|()| {
                let n = name.get_value();
                view! {
                    <ConfirmDialog
                        title=td_string!(locale, scm.csr_delete_confirm, name = n.clone())
                        confirm_label=td_string!(locale, scm.delete_confirm_label, name = n)
                        danger=true
                        pending
                        on_confirm=Callback::new(move |_| run())
                        on_cancel=Callback::new(move |_| runner.cancel())>
                        <RequestPreview snapshot />
                    </ConfirmDialog>
                }
            })}
            <ActionError state=runner.state not_done=td_string!(locale, scm.csr_not_deleted) />
        </section>
    }
}

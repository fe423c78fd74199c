//! The selected SSL certificate: every field of the details answer, then
//! what can be done with it: the order's steps (apply, cancel, refund),
//! domain validation (read again every few seconds while under review),
//! export and decode, where it is deployed and deploying, push to one or
//! several regions, tags, expiry reminders, delete.

use ccm_api::scm::{show_certificate, ScmCertificate, ScmStatus};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use super::badges::ScmStatusBadge;
use super::batch_push::BatchPushPanel;
use super::delete::DeleteAction;
use super::deploy::{DeployPanel, DeployedResources};
use super::deploy_form::deploy_refusal;
use super::export::LazyExportPanel;
use super::lifecycle::OrderSteps;
use super::notify::ExpiryReminder;
use super::push::PushPanel;
use super::validation::{under_review, DomainValidation};
use super::ScmViewQuery;
use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::tags::TagEditor;
use crate::tags::TagOwner;
use crate::list::url_state::UrlState;
use crate::list::SetQuery;

/// How often a certificate under review is read again.
const POLL_MS: u64 = 3000;

#[component]
pub fn ScmDetails(id: String, on_changed: Callback<()>) -> impl IntoView {
    let api = use_api();
    let cert = RwSignal::new(None::<Result<ScmCertificate, ApiError>>);
    // Counts answers (changed or not): each one may schedule the next read.
    let answers = RwSignal::new(0u32);
    let id = StoredValue::new(id);
    // A quiet read (polling, after a change) keeps the panel as it is
    // until the answer differs.
    let fetch = move |quiet: bool| {
        if !quiet {
            cert.set(None);
        }
        spawn_local(async move {
            let result = api.json::<ScmCertificate>(show_certificate(&id.get_value())).await;
            if result == Err(ApiError::Aborted) {
                return;
            }
            let was_busy = cert.try_with_untracked(|c| matches!(c, Some(Ok(c)) if under_review(c.status.as_ref()))).unwrap_or(false);
            let now_busy = matches!(&result, Ok(c) if under_review(c.status.as_ref()));
            if cert.try_with_untracked(|c| c.as_ref() != Some(&result)).unwrap_or(false) {
                cert.try_set(Some(result));
            }
            answers.try_update(|n| *n += 1);
            // The application finished: the list shows the new status too.
            if was_busy && !now_busy {
                on_changed.run(());
            }
        });
    };
    let load = Callback::new(move |_: ()| fetch(false));
    fetch(false);
    // While a step runs, read the certificate again every few seconds: one
    // timer at a time, whatever else reads it meanwhile.
    let polling = Memo::new(move |_| cert.with(|c| matches!(c, Some(Ok(c)) if under_review(c.status.as_ref()))));
    let timer_set = StoredValue::new(false);
    Effect::new(move |_| {
        answers.track();
        if polling.get() && !timer_set.get_value() {
            timer_set.set_value(true);
            set_timeout(
                move || {
                    timer_set.try_set_value(false);
                    if polling.try_get_untracked() == Some(true) {
                        fetch(true);
                    }
                },
                std::time::Duration::from_millis(POLL_MS),
            );
        }
    });
    let deployed_version = RwSignal::new(0u32);
    let params = use_query_map();
    let close_href = move || {
        let q = params.with(|p| ScmViewQuery::from_lookup(|k| p.get(k)));
        format!("/scm{}", ScmViewQuery { selected: None, ..q }.to_query())
    };
    let SetQuery(set_query) = expect_context::<SetQuery<ScmViewQuery>>();
    let on_deleted = Callback::new(move |_| {
        let q = params.with_untracked(|p| ScmViewQuery::from_lookup(|k| p.get(k)));
        set_query.run(ScmViewQuery { selected: None, ..q });
        on_changed.run(());
    });
    let on_cancelled = Callback::new(move |_| {
        fetch(true);
        on_changed.run(());
    });
    let on_deployed = Callback::new(move |_| deployed_version.update(|v| *v += 1));
    view! {
        <aside class="panel details" aria-label="Certificate details">
            <div class="page-head">
                <h2>{move || cert.with(|c| match c {
                    Some(Ok(c)) => c.name.clone().unwrap_or_else(|| c.id.clone()),
                    _ => "Certificate".to_owned(),
                })}</h2>
                <a href=close_href aria-label="Close the details">"Close"</a>
            </div>
            {move || polling.get().then(|| view! {
                <p class="polling" role="status" aria-label="Status refresh">
                    <span class="spinner" aria-hidden="true"></span>
                    {format!("Application under review: the status is read again every {} seconds.", POLL_MS / 1000)}
                </p>
            })}
            {move || match cert.get() {
                None => view! { <p class="loading" role="status">"Loading the certificate…"</p> }.into_any(),
                Some(Err(e)) => view! { <ApiErrorView title="Could not load the certificate" error=e retry=load /> }.into_any(),
                Some(Ok(c)) => {
                    let name = c.name.clone().unwrap_or_else(|| c.id.clone());
                    let holds_certificate = deploy_refusal(&c).is_none() || matches!(c.status, Some(ScmStatus::Expired));
                    view! {
                        <DetailFields cert=c.clone() />
                        <OrderSteps cert=c.clone() on_cancelled on_unsubscribed=on_deleted />
                        <DomainValidation cert=c.clone() />
                        {holds_certificate.then(|| view! { <LazyExportPanel cert=c.clone() /> })}
                        <DeployedResources id=c.id.clone() version=deployed_version />
                        <DeployPanel cert=c.clone() on_deployed />
                        <PushPanel cert=c.clone() />
                        <BatchPushPanel cert=c.clone() />
                        <TagEditor target=TagOwner::Ssl id=c.id.clone() name=name />
                        <ExpiryReminder cert=c.clone() />
                        <DeleteAction cert=c on_deleted />
                    }.into_any()
                }
            }}
        </aside>
    }
}

fn text(v: &Option<String>) -> String {
    v.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| "—".into())
}

fn number(v: Option<i64>) -> String {
    v.map(|n| n.to_string()).unwrap_or_else(|| "—".into())
}

fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "—",
    }
}

/// The details answer, field by field, in the order a user reads them.
#[component]
pub fn DetailFields(cert: ScmCertificate) -> impl IntoView {
    let c = cert;
    let rows: Vec<(&'static str, String)> = vec![
        ("Certificate id", c.id.clone()),
        ("Order id", text(&c.order_id)),
        ("Domain", text(&c.domain)),
        ("Additional names", { let s = c.san_list().join(", "); if s.is_empty() { "—".into() } else { s } }),
        ("Domain type", c.domain_type.as_ref().map(|d| d.label().to_owned()).unwrap_or_else(|| "—".into())),
        ("Multi-domain type", text(&c.multi_domain_type)),
        ("Domains covered", number(c.domain_count)),
        ("Wildcard domains", number(c.wildcard_count)),
        ("Type", c.kind.as_ref().map(|k| format!("{} ({})", k.label(), k.as_str())).unwrap_or_else(|| "— (imported)".into())),
        ("Brand", c.brand.as_ref().map(|b| b.label().to_owned()).unwrap_or_else(|| "—".into())),
        ("Can be pushed", text(&c.push_support)),
        ("Signature algorithm", text(&c.signature_algorithm)),
        ("Issued", text(&c.issue_time)),
        ("Valid from", text(&c.not_before)),
        ("Valid until", text(&c.not_after)),
        ("Validity (months)", number(c.validity_period)),
        ("Validation method", c.validation_method.as_ref().map(|v| v.label().to_owned()).unwrap_or_else(|| "—".into())),
        ("Fingerprint (SHA-256)", text(&c.fingerprint)),
        ("Shared with this account", yes_no(c.shared).to_owned()),
        ("Revocation reason", text(&c.revoke_reason)),
        ("Description", text(&c.description)),
        ("Enterprise project", text(&c.enterprise_project_id)),
    ];
    let app = c.application_info.clone();
    view! {
        <dl class="details-list">
            <dt>"Status"</dt>
            <dd><ScmStatusBadge status=c.status.clone() /></dd>
            {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect::<Vec<_>>()}
        </dl>
        {app.map(|a| view! {
            <h3>"Applicant"</h3>
            <dl class="details-list">
                <dt>"Company"</dt><dd>{text(&a.company_name)}</dd>
                <dt>"Country"</dt><dd>{text(&a.country)}</dd>
                <dt>"Province"</dt><dd>{text(&a.company_province)}</dd>
                <dt>"City"</dt><dd>{text(&a.company_city)}</dd>
                <dt>"Applicant"</dt><dd>{format!("{} {} {}", text(&a.applicant_name), text(&a.applicant_phone), text(&a.applicant_email))}</dd>
                <dt>"Contact"</dt><dd>{format!("{} {} {}", text(&a.contact_name), text(&a.contact_phone), text(&a.contact_email))}</dd>
            </dl>
        })}
    }
}

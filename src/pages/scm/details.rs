//! The selected SSL certificate: every field of the details answer, then
//! what can be done with it (export and decode, push, delete).

use ccm_api::scm::{show_certificate, ScmCertificate};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use super::badges::ScmStatusBadge;
use super::delete::DeleteAction;
use super::export::LazyExportPanel;
use super::push::PushPanel;
use super::ScmViewQuery;
use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::list::url_state::UrlState;
use crate::list::SetQuery;

#[component]
pub fn ScmDetails(id: String, on_changed: Callback<()>) -> impl IntoView {
    let api = use_api();
    let cert = RwSignal::new(None::<Result<ScmCertificate, ApiError>>);
    let load = {
        let id = id.clone();
        Callback::new(move |_: ()| {
            let id = id.clone();
            cert.set(None);
            spawn_local(async move {
                let result = api.json::<ScmCertificate>(show_certificate(&id)).await;
                if result != Err(ApiError::Aborted) {
                    cert.try_set(Some(result));
                }
            });
        })
    };
    load.run(());
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
    view! {
        <aside class="panel details" aria-label="Certificate details">
            <div class="page-head">
                <h2>{move || cert.with(|c| match c {
                    Some(Ok(c)) => c.name.clone().unwrap_or_else(|| c.id.clone()),
                    _ => "Certificate".to_owned(),
                })}</h2>
                <a href=close_href aria-label="Close the details">"Close"</a>
            </div>
            {move || match cert.get() {
                None => view! { <p class="loading" role="status">"Loading the certificate…"</p> }.into_any(),
                Some(Err(e)) => view! { <ApiErrorView title="Could not load the certificate" error=e retry=load /> }.into_any(),
                Some(Ok(c)) => view! {
                    <DetailFields cert=c.clone() />
                    <LazyExportPanel cert=c.clone() />
                    <PushPanel cert=c.clone() />
                    <DeleteAction cert=c on_deleted />
                }.into_any(),
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
    let records = c.validation_records().to_vec();
    let app = c.application_info.clone();
    view! {
        <dl class="details-list">
            <dt>"Status"</dt>
            <dd><ScmStatusBadge status=c.status.clone() /></dd>
            {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect::<Vec<_>>()}
        </dl>
        {(!records.is_empty()).then(|| view! {
            <h3>"Domain validation records"</h3>
            <table class="data-table">
                <caption class="visually-hidden">"Domain validation records"</caption>
                <thead><tr><th scope="col">"Domain"</th><th scope="col">"Record"</th><th scope="col">"Type"</th><th scope="col">"Value"</th></tr></thead>
                <tbody>
                    {records.into_iter().map(|r| view! {
                        <tr><td>{text(&r.domain)}</td><td><code>{text(&r.record_name)}</code></td><td>{text(&r.record_type)}</td><td><code>{text(&r.record_value)}</code></td></tr>
                    }).collect::<Vec<_>>()}
                </tbody>
            </table>
        })}
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

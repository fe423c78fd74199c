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
use super::labels::{domain_type_label, method_label, type_label, yes_no};
use super::lifecycle::OrderSteps;
use super::notify::ExpiryReminder;
use super::push::PushPanel;
use super::validation::{under_review, DomainValidation};
use super::ScmViewQuery;
use crate::components::with_data::{marked, DataMarked};
use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::tags::TagEditor;
use crate::i18n::{td_string, use_locale, Locale};
use crate::tags::TagOwner;
use crate::list::url_state::UrlState;
use crate::list::SetQuery;

/// How often a certificate under review is read again.
const POLL_MS: u64 = 3000;

#[component]
pub fn ScmDetails(id: String, on_changed: Callback<()>) -> impl IntoView {
    let api = use_api();
    let locale = use_locale();
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
        <aside class="panel details" aria-label=td_string!(locale, scm.details_label)>
            <div class="page-head">
                {move || cert.with(|c| match c {
                    Some(Ok(c)) => view! { <h2 translate="no">{c.name.clone().unwrap_or_else(|| c.id.clone())}</h2> }.into_any(),
                    _ => view! { <h2>{td_string!(locale, scm.certificate)}</h2> }.into_any(),
                })}
                <a href=close_href aria-label=td_string!(locale, scm.close_details)>{td_string!(locale, scm.close)}</a>
            </div>
            {move || polling.get().then(|| view! {
                <p class="polling" role="status" aria-label=td_string!(locale, scm.status_refresh)>
                    <span class="spinner" aria-hidden="true"></span>
                    {td_string!(locale, scm.polling, seconds = POLL_MS / 1000)}
                </p>
            })}
            {move || match cert.get() {
                None => view! { <p class="loading" role="status">{td_string!(locale, scm.loading_certificate)}</p> }.into_any(),
                Some(Err(e)) => view! { <ApiErrorView title=td_string!(locale, scm.load_certificate_failed) error=e retry=load /> }.into_any(),
                Some(Ok(c)) => {
                    let name = c.name.clone().unwrap_or_else(|| c.id.clone());
                    let holds_certificate = deploy_refusal(&c, Locale::en).is_none() || matches!(c.status, Some(ScmStatus::Expired));
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

/// A value is data (ids, domains, times as the service sends them), or a
/// word of ours (labels of wire values, yes/no): only data is kept from
/// page translators.
struct Row {
    label: &'static str,
    value: String,
    data: bool,
}

/// The details answer, field by field, in the order a user reads them. Pure.
fn detail_rows(c: &ScmCertificate, l: Locale) -> Vec<Row> {
    let data = |label, value| Row { label, value, data: true };
    let word = |label, value| Row { label, value, data: false };
    let sans = c.san_list().join(", ");
    vec![
        data(td_string!(l, scm.field_id), c.id.clone()),
        data(td_string!(l, scm.field_order_id), text(&c.order_id)),
        data(td_string!(l, scm.field_domain), text(&c.domain)),
        data(td_string!(l, scm.field_sans), if sans.is_empty() { "—".into() } else { sans }),
        word(td_string!(l, scm.field_domain_type), c.domain_type.as_ref().map(|d| domain_type_label(d, l).into_owned()).unwrap_or_else(|| "—".into())),
        data(td_string!(l, scm.field_multi_domain_type), text(&c.multi_domain_type)),
        data(td_string!(l, scm.field_domain_count), number(c.domain_count)),
        data(td_string!(l, scm.field_wildcard_count), number(c.wildcard_count)),
        word(
            td_string!(l, scm.field_type),
            c.kind.as_ref().map(|k| format!("{} ({})", type_label(k, l), marked(k.as_str()))).unwrap_or_else(|| td_string!(l, scm.imported).into()),
        ),
        data(td_string!(l, scm.field_brand), c.brand.as_ref().map(|b| b.label().to_owned()).unwrap_or_else(|| "—".into())),
        data(td_string!(l, scm.field_push_support), text(&c.push_support)),
        data(td_string!(l, scm.field_signature_algorithm), text(&c.signature_algorithm)),
        data(td_string!(l, scm.field_issued), text(&c.issue_time)),
        data(td_string!(l, scm.field_not_before), text(&c.not_before)),
        data(td_string!(l, scm.field_not_after), text(&c.not_after)),
        data(td_string!(l, scm.field_validity), number(c.validity_period)),
        word(td_string!(l, scm.field_validation_method), c.validation_method.as_ref().map(|v| method_label(v, l).into_owned()).unwrap_or_else(|| "—".into())),
        data(td_string!(l, scm.field_fingerprint), text(&c.fingerprint)),
        word(td_string!(l, scm.field_shared), yes_no(c.shared, l).to_owned()),
        data(td_string!(l, scm.field_revoke_reason), text(&c.revoke_reason)),
        data(td_string!(l, scm.field_description), text(&c.description)),
        data(td_string!(l, scm.field_enterprise_project), text(&c.enterprise_project_id)),
    ]
}

#[component]
pub fn DetailFields(cert: ScmCertificate) -> impl IntoView {
    let locale = use_locale();
    let c = cert;
    let status = c.status.clone();
    let app = c.application_info.clone();
    let c = StoredValue::new(c);
    view! {
        <dl class="details-list">
            <dt>{td_string!(locale, scm.field_status)}</dt>
            <dd><ScmStatusBadge status /></dd>
            {move || c.with_value(|c| detail_rows(c, locale)).into_iter().map(|r| view! {
                <dt>{r.label}</dt>
                {if r.data { view! { <dd translate="no">{r.value}</dd> }.into_any() } else { view! { <dd><DataMarked text=r.value /></dd> }.into_any() }}
            }).collect::<Vec<_>>()}
        </dl>
        {app.map(|a| view! {
            <h3>{td_string!(locale, scm.applicant_heading)}</h3>
            <dl class="details-list">
                <dt>{td_string!(locale, scm.field_company)}</dt><dd translate="no">{text(&a.company_name)}</dd>
                <dt>{td_string!(locale, scm.field_country)}</dt><dd translate="no">{text(&a.country)}</dd>
                <dt>{td_string!(locale, scm.field_province)}</dt><dd translate="no">{text(&a.company_province)}</dd>
                <dt>{td_string!(locale, scm.field_city)}</dt><dd translate="no">{text(&a.company_city)}</dd>
                <dt>{td_string!(locale, scm.field_applicant)}</dt><dd translate="no">{format!("{} {} {}", text(&a.applicant_name), text(&a.applicant_phone), text(&a.applicant_email))}</dd>
                <dt>{td_string!(locale, scm.field_contact)}</dt><dd translate="no">{format!("{} {} {}", text(&a.contact_name), text(&a.contact_phone), text(&a.contact_email))}</dd>
            </dl>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_name_the_fields_in_the_chosen_language_and_keep_data_as_is() {
        let c: ScmCertificate = serde_json::from_value(serde_json::json!({"id": "scs1", "domain": "shop.example.com"})).unwrap();
        let english = detail_rows(&c, Locale::en);
        assert_eq!((english[0].label, english[0].value.as_str(), english[0].data), ("Certificate id", "scs1", true));
        assert_eq!(english[8].value, "— (imported)");
        let zh = detail_rows(&c, Locale::zh_CN);
        assert_eq!((zh[2].label, zh[2].value.as_str()), ("域名", "shop.example.com"));
        assert_eq!(zh[8].value, "—（上传的证书）");
    }
}


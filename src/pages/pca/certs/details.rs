//! One certificate: every field of the details call, the certificate
//! decoded with its chain, export, revoke, delete and tags.

use ccm_api::catalogue::{cert_action_allowed_for, CertAction};
use ccm_api::pca::certs::{show_certificate, PrivateCertificate};
use ccm_api::pca::tags::TagTarget;
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::actions::CertificateActions;
use super::certificate::DecodedCertificate;
use super::export_dialog::ExportDialog;
use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::badges::{CertStatusBadge, ExpiryBadge};
use crate::components::tags::TagEditor;
use crate::i18n::format::date;
use crate::i18n::{td_string, use_locale};
use crate::pages::pca::labels;

#[component]
pub fn CertificateDetailsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_locale();
    let params = use_params_map();
    let navigate = use_navigate();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let cert = RwSignal::new(None::<Result<PrivateCertificate, ApiError>>);
    let reloads = RwSignal::new(0u32);
    Effect::new(move |_| {
        let id = id.get();
        reloads.track();
        spawn_local(async move {
            let result = api.json::<PrivateCertificate>(show_certificate(&id)).await;
            if result != Err(ApiError::Aborted) {
                cert.try_set(Some(result));
            }
        });
    });
    let deleted = RwSignal::new(false);
    Effect::new(move |_| {
        if deleted.get() {
            navigate("/pca/certs", Default::default());
        }
    });
    let on_revoked = Callback::new(move |_| reloads.update(|n| *n += 1));
    let retry = Callback::new(move |_: ()| {
        cert.set(None);
        reloads.update(|n| *n += 1);
    });
    let on_deleted = Callback::new(move |_| deleted.set(true));

    view! {
        <p><a href="/pca/certs">{td_string!(i18n, pca.back_to_certs)}</a></p>
        {move || match cert.get() {
            None => view! { <p class="loading" role="status">{td_string!(i18n, pca.loading_certificate)}</p> }.into_any(),
            Some(Err(e)) => view! { <ApiErrorView title=td_string!(i18n, pca.cert_load_failed) error=e retry /> }.into_any(),
            Some(Ok(c)) => {
                let now = js_sys::Date::now() as i64;
                view! {
                    <CertificateFields cert=c.clone() now />
                    <ExportPanel cert=c.clone() />
                    <CertificateActions cert=c.clone() on_revoked on_deleted />
                    <DecodedCertificate cert=c.clone() now />
                    <section class="panel"><TagEditor target=TagTarget::Certificate id=c.certificate_id.clone() name=c.distinguished_name.common_name.clone() /></section>
                }.into_any()
            }
        }}
    }
}

/// The export button, and the dialog while it is open.
#[component]
fn ExportPanel(cert: PrivateCertificate) -> impl IntoView {
    let open = RwSignal::new(false);
    let i18n = use_locale();
    let refused = cert_action_allowed_for(CertAction::Export, &cert).err().map(|d| crate::pages::pca::labels::cert_denied_text(d.reason, &cert, i18n));
    let cert = StoredValue::new(cert);
    view! {
        <section class="panel" aria-label=move || td_string!(i18n, pca.export)>
            <div class="actions">
                <button disabled=refused.is_some() aria-describedby=refused.as_ref().map(|_| "why-not-export")
                    on:click=move |_| open.set(true)>{td_string!(i18n, pca.export_ellipsis)}</button>
                {refused.clone().map(|r| view! { <span class="field-hint" id="why-not-export">{r}</span> })}
            </div>
            <Show when=move || open.get()>
                <ExportDialog cert=cert.get_value() on_close=Callback::new(move |_| open.set(false)) />
            </Show>
        </section>
    }
}

/// Where a revoked certificate's entry in its issuer's CRL is shown.
pub fn revoked_entry_link(cert: &PrivateCertificate) -> Option<String> {
    let revoked = cert.status == ccm_api::common::CertificateStatus::Revoked;
    match (revoked, cert.issuer_id.as_deref(), cert.serial_number.as_deref()) {
        (true, Some(ca), Some(serial)) => Some(format!("/pca/cas/{ca}/crl?serial={serial}")),
        _ => None,
    }
}

/// The details response as a definition list.
#[component]
fn CertificateFields(cert: PrivateCertificate, now: i64) -> impl IntoView {
    let i18n = use_locale();
    let l = i18n;
    let dn = cert.distinguished_name.clone();
    let row = |label: &'static str, value: Option<String>| value.map(|v| view! { <dt>{label}</dt><dd>{v}</dd> });
    // Data (names, ids, serials) read as they are, in every language.
    let data_row = |label: &'static str, value: Option<String>| value.map(|v| view! { <dt>{label}</dt><dd translate="no">{v}</dd> });
    view! {
        <h1 translate="no">{dn.common_name.clone()}</h1>
        <p><CertStatusBadge status=cert.status.clone() />{cert.not_after.map(|t| view! { " " <ExpiryBadge not_after=t now /> })}</p>
        <section class="panel" aria-label=move || td_string!(i18n, pca.cert_record)>
            <h2>{td_string!(i18n, pca.record)}</h2>
            <dl class="details-list">
                {data_row(td_string!(l, pca.d_cert_id), Some(cert.certificate_id.clone()))}
                {row(td_string!(l, pca.d_status), Some(labels::cert_status(&cert.status, l)))}
                {data_row(td_string!(l, pca.d_subject), Some(dn.display()))}
                {data_row(td_string!(l, pca.d_issuer_ca), cert.issuer_name.clone())}
                {data_row(td_string!(l, pca.d_issuer_ca_id), cert.issuer_id.clone())}
                {data_row(td_string!(l, pca.d_key_algorithm), cert.key_algorithm.as_ref().map(|k| k.label().to_owned()))}
                {data_row(td_string!(l, pca.d_signature_algorithm), cert.signature_algorithm.as_ref().map(|s| s.label().to_owned()))}
                {data_row(td_string!(l, pca.d_serial), cert.serial_number.clone())}
                {revoked_entry_link(&cert).map(|href| view! { <dt>{td_string!(l, pca.d_crl_entry)}</dt><dd><a href=href>{td_string!(l, pca.d_crl_entry_link)}</a></dd> })}
                {row(td_string!(l, pca.d_gen_mode), cert.gen_mode.as_ref().map(|g| labels::gen_mode(g, l)))}
                {row(td_string!(l, pca.d_created), cert.create_time.map(|t| date(l, t)))}
                {row(td_string!(l, pca.d_valid_from), cert.not_before.map(|t| date(l, t)))}
                {row(td_string!(l, pca.d_valid_until), cert.not_after.map(|t| date(l, t)))}
                {row(td_string!(l, pca.d_deletion), cert.delete_time.map(|t| date(l, t)))}
                {row(td_string!(l, pca.d_frozen), Some(if cert.is_frozen() { td_string!(l, pca.d_frozen_value) } else { td_string!(l, pca.no) }.to_owned()))}
                {data_row(td_string!(l, pca.d_sm2_serial), cert.enc_cert_info.as_ref().and_then(|e| e.enc_serial_number.clone()))}
                {data_row(td_string!(l, pca.d_enterprise_project), cert.enterprise_project_id.clone())}
            </dl>
        </section>
    }
}

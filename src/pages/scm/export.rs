//! Export: SCM hands back the PEM texts; the console decodes the
//! certificate and chain, and offers each PEM and the NGINX and Apache
//! ZIPs as downloads built in the browser.

use ccm_api::scm::{export_certificate, ScmCertificate, ScmExportResponse};
use ccm_api::ApiError;
use ccm_pki::{decode_certificate, decode_certificates, ServerType};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::export_files::{file_stem, pem_files, zip_entries};
use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::cert_info::{CertificateDetails, ChainView};
use crate::components::download::{download, download_zip};
use crate::i18n::{td_string, use_locale, Locale};

use crate::layout::lazy_view::lazy_component;

// The panel decodes and zips: its code comes with the `pki` module.
lazy_component!(LazyExportPanel = ExportPanel(cert: ScmCertificate) in pki via load_export_panel);

#[component]
pub fn ExportPanel(cert: ScmCertificate) -> impl IntoView {
    let api = use_api();
    let locale = use_locale();
    let id = StoredValue::new(cert.id.clone());
    let stem = StoredValue::new(file_stem(cert.name.as_deref().unwrap_or(&cert.id)));
    let exported = RwSignal::new(None::<ScmExportResponse>);
    let error = RwSignal::new(None::<ApiError>);
    let problem = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let fetch = move |_| {
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = api.json::<ScmExportResponse>(export_certificate(&id.get_value())).await;
            pending.try_set(false);
            match result {
                Ok(r) => {
                    exported.try_set(Some(r));
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    let zip = move |server: ServerType| {
        let Some(e) = exported.get_untracked() else { return };
        let result = zip_entries(server, &e, (js_sys::Date::now() / 1000.0) as i64, locale)
            .and_then(|entries| download_zip(&format!("{}-{}.zip", stem.get_value(), server.api_name().to_lowercase()), &entries).map_err(|e| e.words(locale)));
        problem.set(result.err());
    };
    view! {
        <section class="scm-export" aria-label=td_string!(locale, scm.export_label)>
            <h3>{td_string!(locale, scm.files_heading)}</h3>
            {move || exported.get().is_none().then(|| view! {
                <p class="field-hint">{td_string!(locale, scm.export_hint)}</p>
                <button disabled=move || pending.get() on:click=fetch>
                    {move || if pending.get() { td_string!(locale, scm.exporting) } else { td_string!(locale, scm.export_and_decode) }}
                </button>
            })}
            {move || exported.get().map(|e| {
                let now_ms = js_sys::Date::now() as i64;
                let leaf = e.certificate.as_deref().and_then(|c| decode_certificate(c.as_bytes()).ok());
                let chain = e.certificate_chain.as_deref().and_then(|c| decode_certificates(c.as_bytes()).ok()).unwrap_or_default();
                let files = pem_files(&stem.get_value(), &e);
                view! {
                    <div class="actions download-list" role="group" aria-label=td_string!(locale, scm.downloads)>
                        {files.into_iter().map(|f| {
                            let kind = f.label;
                            view! { <button on:click=move |_| { let _ = download(&f.filename, f.text.as_bytes(), "application/x-pem-file"); }>{move || download_label(locale, kind)}</button> }
                        }).collect::<Vec<_>>()}
                        <button on:click=move |_| zip(ServerType::Nginx)>{td_string!(locale, scm.download_zip_nginx)}</button>
                        <button on:click=move |_| zip(ServerType::Apache)>{td_string!(locale, scm.download_zip_apache)}</button>
                    </div>
                    <p class="field-error">{move || problem.get()}</p>
                    <h3>{td_string!(locale, scm.decoded_heading)}</h3>
                    {match leaf {
                        Some(info) => view! { <CertificateDetails info now_ms /> }.into_any(),
                        None => view! { <p class="field-hint">{td_string!(locale, scm.no_readable_certificate)}</p> }.into_any(),
                    }}
                    {(!chain.is_empty()).then(|| view! { <h3>{td_string!(locale, scm.chain_heading)}</h3><ChainView chain now_ms /> })}
                }
            })}
            {move || error.get().map(|e| view! { <ApiErrorView title=td_string!(locale, scm.export_failed) error=e /> })}

        </section>
    }
}

/// The button of one PEM file ([`super::export_files::PemFile::label`] names its kind).
fn download_label(locale: Locale, kind: &str) -> &'static str {
    match kind {
        "chain" => td_string!(locale, scm.download_chain),
        "full chain" => td_string!(locale, scm.download_full_chain),
        "private key" => td_string!(locale, scm.download_private_key),
        _ => td_string!(locale, scm.download_certificate),
    }
}

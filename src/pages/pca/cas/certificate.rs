//! The CA's own certificate and chain, fetched with the export call when the
//! CA is selected, decoded in the browser, and offered as files.

use ccm_api::catalogue::{ca_action_allowed_for, CaAction};
use ccm_api::pca::cas::{export_certificate_authority_certificate, CaCertificateResponse, CertificateAuthority};
use ccm_api::ApiError;
use ccm_pki::{decode_certificate, decode_certificates, CertificateInfo, ZipEntry};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::exports::{file_stem, full_chain};
use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::cert_info::{CertificateDetails, ChainView};
use crate::components::download::{download, download_zip};
use crate::form::message::message_view;
use crate::pages::pca::certs::certificate::Undecodable;

use crate::layout::lazy_view::lazy_component;
use crate::i18n::{td_string, use_locale};

// The panel decodes certificates: its code comes with the `pki` module.
// `usages` receives the certificate's key usages (wire names) once decoded.
lazy_component!(LazyCaCertificate = CaCertificate(ca: CertificateAuthority, now: i64, usages: RwSignal<Option<Vec<String>>>) in pki via load_ca_certificate);

/// The exported PEM texts with newlines as `\n` (the API may send `\r\n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaFiles {
    pub certificate: String,
    pub chain: String,
}

impl CaFiles {
    pub fn from_response(r: &CaCertificateResponse) -> Self {
        let unix = |s: &str| s.replace("\r\n", "\n");
        CaFiles {
            certificate: unix(&r.certificate),
            chain: r.certificate_chain.as_deref().map(unix).unwrap_or_default(),
        }
    }

    /// The files of the ZIP download, named after the CA.
    pub fn zip_entries(&self, stem: &str) -> Vec<ZipEntry> {
        let mut entries = vec![ZipEntry::new(format!("{stem}.crt.pem"), self.certificate.clone())];
        if !self.chain.trim().is_empty() {
            entries.push(ZipEntry::new(format!("{stem}.chain.pem"), self.chain.clone()));
        }
        entries.push(ZipEntry::new(format!("{stem}.fullchain.pem"), full_chain(&self.certificate, Some(&self.chain))));
        entries
    }
}

/// The certificate and chain decoded, or which of them could not be.
pub fn decode_files(files: &CaFiles) -> Result<(CertificateInfo, Vec<CertificateInfo>), Undecodable> {
    let cert = decode_certificate(files.certificate.as_bytes()).map_err(|e| Undecodable::Certificate(e.to_string()))?;
    let chain = if files.chain.trim().is_empty() {
        Vec::new()
    } else {
        decode_certificates(files.chain.as_bytes()).map_err(|e| Undecodable::Chain(e.to_string()))?
    };
    Ok((cert, chain))
}

#[component]
pub fn CaCertificate(ca: CertificateAuthority, now: i64, usages: RwSignal<Option<Vec<String>>>) -> impl IntoView {
    let allowed = ca_action_allowed_for(CaAction::ExportCertificate, &ca).is_ok();
    let api = use_api();
    let i18n = use_locale();
    let stem = StoredValue::new(file_stem(&ca.distinguished_name.common_name));
    let files = RwSignal::new(None::<Result<CaFiles, ApiError>>);
    let save_error = RwSignal::new(None::<String>);
    if allowed {
        let id = ca.ca_id.clone();
        spawn_local(async move {
            let r = api.json::<CaCertificateResponse>(export_certificate_authority_certificate(&id)).await;
            if r != Err(ApiError::Aborted) {
                let f = r.map(|r| CaFiles::from_response(&r));
                if let Some((info, _)) = f.as_ref().ok().and_then(|f| decode_files(f).ok()) {
                    usages.try_set(Some(info.key_usage.iter().map(|k| k.name().to_owned()).collect()));
                }
                files.try_set(Some(f));
            }
        });
    }
    let save = move |suffix: &'static str, text: String| {
        let name = format!("{}{suffix}", stem.get_value());
        save_error.set(download(&name, text.as_bytes(), "application/x-pem-file").err().map(|e| e.words(i18n)));
    };

    allowed.then(|| view! {
        <section class="ca-certificate" aria-label=move || td_string!(i18n, pca.ca_certificate)>
            <h3>{td_string!(i18n, pca.certificate)}</h3>
            {move || match files.get() {
                None => view! { <p role="status">{td_string!(i18n, pca.loading_certificate)}</p> }.into_any(),
                Some(Err(e)) => view! { <ApiErrorView title=td_string!(i18n, pca.export_failed_cert) error=e /> }.into_any(),
                Some(Ok(f)) => {
                    let decoded = decode_files(&f);
                    let has_chain = !f.chain.trim().is_empty();
                    let (cert, chain, full) = (f.certificate.clone(), f.chain.clone(), full_chain(&f.certificate, Some(&f.chain)));
                    let zip = f.zip_entries(&stem.get_value());
                    view! {
                        <div class="actions" role="group" aria-label=move || td_string!(i18n, pca.ca_cert_files)>
                            <button on:click=move |_| save(".crt.pem", cert.clone())>{td_string!(i18n, pca.download_certificate)}</button>
                            {has_chain.then(|| view! { <button on:click=move |_| save(".chain.pem", chain.clone())>{td_string!(i18n, pca.download_chain)}</button> })}
                            <button on:click=move |_| save(".fullchain.pem", full.clone())>{td_string!(i18n, pca.download_full_chain)}</button>
                            <button on:click=move |_| save_error.set(download_zip(&format!("{}.zip", stem.get_value()), &zip).err().map(|e| e.words(i18n)))>
                                {td_string!(i18n, pca.download_zip)}
                            </button>
                        </div>
                        <p class="field-error" role="alert">{move || save_error.get()}</p>
                        {match decoded {
                            Ok((info, chain)) => view! {
                                <CertificateDetails info now_ms=now />
                                {(!chain.is_empty()).then(|| view! {
                                    <h4>{td_string!(i18n, pca.chain_to_root)}</h4>
                                    <ChainView chain now_ms=now />
                                })}
                            }.into_any(),
                            Err(e) => view! { <p class="field-error">{message_view(Some(e.words(i18n)))}</p> }.into_any(),
                        }}
                    }.into_any()
                }
            }}
        </section>
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::pki::fixtures::Hierarchy;

    #[test]
    fn files_are_normalised_decoded_and_zipped() {
        let h = Hierarchy::new();
        let response = CaCertificateResponse {
            certificate: h.sub_pem.replace('\n', "\r\n"),
            certificate_chain: Some(h.root_pem.clone()),
        };
        let files = CaFiles::from_response(&response);
        assert!(!files.certificate.contains('\r'));
        let (cert, chain) = decode_files(&files).unwrap();
        assert_eq!(cert.common_name.as_deref(), Some("Fixture Sub CA"));
        assert_eq!(chain.len(), 1);
        let names: Vec<_> = files.zip_entries("Sub").into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["Sub.crt.pem", "Sub.chain.pem", "Sub.fullchain.pem"]);
        // A root has no chain file.
        let root = CaFiles { certificate: h.root_pem.clone(), chain: String::new() };
        assert_eq!(root.zip_entries("Root").len(), 2);
        assert!(decode_files(&CaFiles { certificate: "junk".into(), chain: String::new() }).unwrap_err().words(Locale::en).starts_with("the certificate cannot be decoded"));
    }
}

//! A pending CA's CSR, to be signed elsewhere (the certificate of an active
//! CA is in `certificate.rs`), and the file helpers both use.

use ccm_api::catalogue::{ca_action_allowed_for, CaAction};
use ccm_api::pca::cas::{export_certificate_authority_csr, CertificateAuthority, CsrResponse};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::download::{copy_text, download, safe_file_stem};
use crate::i18n::{td_string, use_locale};

/// A file-safe stem from a CA's name (`Acme Issuing CA` → `Acme_Issuing_CA`).
pub fn file_stem(common_name: &str) -> String {
    safe_file_stem(common_name, "ca")
}

/// The certificate followed by its chain, as servers expect a full chain.
pub fn full_chain(certificate: &str, chain: Option<&str>) -> String {
    let mut out = certificate.trim_end().to_owned();
    out.push('\n');
    if let Some(c) = chain.filter(|c| !c.trim().is_empty()) {
        out.push_str(c.trim_end());
        out.push('\n');
    }
    out
}

#[component]
pub fn CaExports(ca: CertificateAuthority) -> impl IntoView {
    let api = use_api();
    let i18n = use_locale();
    let csr_allowed = ca_action_allowed_for(CaAction::ExportCsr, &ca).is_ok();
    let id = StoredValue::new(ca.ca_id.clone());
    let stem = StoredValue::new(file_stem(&ca.distinguished_name.common_name));
    let csr = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    let fetch_csr = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let r = api.json::<CsrResponse>(export_certificate_authority_csr(&id.get_value())).await;
            pending.try_set(false);
            match r {
                Ok(r) => {
                    csr.try_set(Some(r.csr.replace("\r\n", "\n")));
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    let save = move |suffix: &'static str, text: String| {
        let name = format!("{}{suffix}", stem.get_value());
        if let Err(e) = download(&name, text.as_bytes(), "application/x-pem-file") {
            error.set(Some(ApiError::Network(e.0)));
        }
    };

    csr_allowed.then(|| view! {
        <section class="ca-exports" aria-label=move || td_string!(i18n, pca.csr_section)>
            <h3>{td_string!(i18n, pca.csr_section)}</h3>
            <div class="actions">
                <button on:click=fetch_csr disabled=move || pending.get()>{td_string!(i18n, pca.export_csr)}</button>
            </div>
            {move || csr.get().map(|pem| {
                let (for_copy, for_save) = (pem.clone(), pem.clone());
                view! {
                    <div class="export-result" role="group" aria-label=move || td_string!(i18n, pca.csr)>
                        <pre class="request-preview"><code>{pem}</code></pre>
                        <div class="actions">
                            <button on:click=move |_| save(".csr", for_save.clone())>{td_string!(i18n, pca.download_csr)}</button>
                            <button on:click=move |_| copy_text(&for_copy)>{td_string!(i18n, pca.copy_csr)}</button>
                        </div>
                    </div>
                }
            })}
            {move || error.get().map(|e| view! { <ApiErrorView title=td_string!(i18n, pca.export_failed) error=e /> })}
        </section>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("Acme Issuing CA 1"), "Acme_Issuing_CA_1");
        assert_eq!(file_stem("a/b\\c"), "a_b_c");
        assert_eq!(file_stem("  "), "ca");
    }

    #[test]
    fn full_chain_puts_the_certificate_first() {
        assert_eq!(full_chain("CERT\n", Some("CHAIN")), "CERT\nCHAIN\n");
        assert_eq!(full_chain("CERT", None), "CERT\n");
        assert_eq!(full_chain("CERT", Some("  ")), "CERT\n");
    }
}

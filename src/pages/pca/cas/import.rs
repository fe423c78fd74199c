//! Importing the certificate a pending CA got from an outside CA (its CSR
//! signed elsewhere), with the chain up to that CA's root. The service
//! checks the key and the chain; the console checks the shape first.

use ccm_api::catalogue::{ca_action_allowed_for, CaAction};
use ccm_api::pca::cas::{import_certificate_authority_certificate, CertificateAuthority, ImportCaCertificateBody};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::notifications::use_notifications;

/// Counts the PEM certificates in `text`; `None` when it holds anything else.
pub fn pem_certificates(text: &str) -> Option<usize> {
    let begins = text.matches("-----BEGIN CERTIFICATE-----").count();
    let ends = text.matches("-----END CERTIFICATE-----").count();
    let other = text.matches("-----BEGIN ").count() - begins;
    (begins > 0 && begins == ends && other == 0).then_some(begins)
}

/// What is wrong with the pasted texts, before anything is sent.
pub fn check_import(certificate: &str, chain: &str) -> Result<(), String> {
    match pem_certificates(certificate) {
        Some(1) => {}
        Some(n) => return Err(format!("paste exactly one certificate here ({n} found); the others go into the chain")),
        None => return Err("paste the signed certificate as PEM (-----BEGIN CERTIFICATE----- …)".into()),
    }
    if !chain.trim().is_empty() && pem_certificates(chain).is_none() {
        return Err("the chain must be PEM certificates only, issuer first, root last".into());
    }
    Ok(())
}

#[component]
pub fn CaImport(ca: CertificateAuthority, on_changed: Callback<()>) -> impl IntoView {
    let allowed = ca_action_allowed_for(CaAction::ImportCertificate, &ca).is_ok();
    let api = use_api();
    let notify = use_notifications();
    let id = StoredValue::new(ca.ca_id.clone());
    let cn = StoredValue::new(ca.distinguished_name.common_name.clone());
    let certificate = RwSignal::new(String::new());
    let chain = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    let import = move |_| {
        if pending.get_untracked() {
            return;
        }
        let (cert, chain_text) = (certificate.get_untracked(), chain.get_untracked());
        if let Err(p) = check_import(&cert, &chain_text) {
            problem.set(Some(p));
            return;
        }
        problem.set(None);
        error.set(None);
        pending.set(true);
        let body = ImportCaCertificateBody {
            certificate: cert.trim().to_owned(),
            certificate_chain: (!chain_text.trim().is_empty()).then(|| chain_text.trim().to_owned()),
        };
        spawn_local(async move {
            let r = api.send(import_certificate_authority_certificate(&id.get_value(), &body)).await;
            pending.try_set(false);
            match r {
                Ok(()) => {
                    notify.success(format!("{}: certificate imported", cn.get_value()));
                    on_changed.run(());
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };

    allowed.then(|| view! {
        <section class="ca-import" aria-label="Import a signed certificate">
            <h3>"Import a signed certificate"</h3>
            <p class="field-hint">"Had this CA's CSR signed by another CA? Paste the certificate and that CA's chain."</p>
            <div class="field">
                <label for="import-cert">"Signed certificate (PEM)"</label>
                <textarea id="import-cert" rows="6" spellcheck="false" prop:value=move || certificate.get()
                    on:input=move |ev| certificate.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field">
                <label for="import-chain">"Chain up to the root (PEM, optional)"</label>
                <textarea id="import-chain" rows="6" spellcheck="false" prop:value=move || chain.get()
                    on:input=move |ev| chain.set(event_target_value(&ev))></textarea>
            </div>
            <p class="field-error" role="alert">{move || problem.get()}</p>
            <button class="primary" on:click=import disabled=move || pending.get()>
                {move || if pending.get() { "Importing…" } else { "Import" }}
            </button>
            {move || error.get().map(|e| view! { <ApiErrorView title="The certificate was not imported" error=e /> })}
        </section>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CERT: &str = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    #[test]
    fn one_certificate_and_an_optional_chain() {
        assert_eq!(check_import(CERT, ""), Ok(()));
        assert_eq!(check_import(CERT, &format!("{CERT}{CERT}")), Ok(()));
        assert!(check_import(&format!("{CERT}{CERT}"), "").unwrap_err().contains("2 found"));
        assert!(check_import("hello", "").is_err());
        assert!(check_import(CERT, "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----").is_err());
        assert!(check_import(&format!("{CERT}-----BEGIN PRIVATE KEY-----"), "").is_err());
    }
}

//! The certificate itself, decoded in the browser: subject, issuer,
//! serial, validity, names, usages, fingerprints, and the chain up to the
//! root, checked. The PEMs come from the export call (the only call that
//! returns them); the private key it may carry is discarded at once.

use ccm_api::catalogue::{cert_action_allowed_for, CertAction};
use ccm_api::pca::certs::{export_certificate, ExportCertificateBody, ExportCertificateResponse, ExportType, PrivateCertificate};
use ccm_api::ApiError;
use ccm_pki::{decode_certificate, decode_certificates, CertificateInfo};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::apply_form::EkuChoice;
use super::issue_again::{again_href, Decoded as AgainInputs};
use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::cert_info::{CertificateDetails, ChainView};
use crate::components::with_data::{WithData, DATA};
use crate::form::message::{code_mark, message_view};
use crate::i18n::{td_string, use_locale, Locale};

/// What the browser read from the exported PEMs. Pure.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub certificate: CertificateInfo,
    /// Issuing CAs, nearest first.
    pub chain: Vec<CertificateInfo>,
    /// Subjects from the certificate to the root, or why the chain fails.
    pub verified: Result<Vec<String>, String>,
}

/// Which exported PEM the browser could not read, with the decoder's words.
#[derive(Debug, Clone, PartialEq)]
pub enum Undecodable {
    Certificate(String),
    Chain(String),
}

impl Undecodable {
    /// In `l`; the decoder's words are data (shown as code).
    pub fn words(&self, l: Locale) -> String {
        match self {
            Undecodable::Certificate(e) => td_string!(l, pca.cert_undecodable, detail = code_mark(e)).to_string(),
            Undecodable::Chain(e) => td_string!(l, pca.chain_undecodable, detail = code_mark(e)).to_string(),
        }
    }
}

pub fn decode(answer: &ExportCertificateResponse, now_secs: i64) -> Result<Decoded, Undecodable> {
    let certificate = decode_certificate(answer.certificate.as_deref().unwrap_or_default().as_bytes())
        .map_err(|e| Undecodable::Certificate(e.to_string()))?;
    let chain = match answer.certificate_chain.as_deref().filter(|c| !c.trim().is_empty()) {
        Some(text) => decode_certificates(text.as_bytes()).map_err(|e| Undecodable::Chain(e.to_string()))?,
        None => Vec::new(),
    };
    let ders: Vec<Vec<u8>> = std::iter::once(&certificate).chain(&chain).map(|c| c.der.clone()).collect();
    let verified = ccm_pki::verify_chain(&ders, &[], now_secs).map(|v| v.subjects).map_err(|e| e.to_string());
    Ok(Decoded { certificate, chain, verified })
}

/// Names and usages of a decoded certificate, as the apply form takes them.
pub fn again_inputs(info: &CertificateInfo) -> AgainInputs {
    use ccm_pki::ExtendedKeyUsage as E;
    let mut eku = EkuChoice::default();
    for e in &info.extended_key_usage {
        match e {
            E::ServerAuth => eku.server_auth = true,
            E::ClientAuth => eku.client_auth = true,
            E::CodeSigning => eku.code_signing = true,
            E::EmailProtection => eku.email_protection = true,
            E::TimeStamping => eku.time_stamping = true,
            _ => {}
        }
    }
    AgainInputs {
        sans: info.subject_alt_names.iter().filter(|s| s.kind() != "OTHER").map(|s| (s.kind().to_owned(), s.value())).collect(),
        key_usages: info.key_usage.iter().map(|k| k.name().to_owned()).collect(),
        eku,
    }
}

#[component]
pub fn DecodedCertificate(cert: PrivateCertificate, now: i64) -> impl IntoView {
    let api = use_api();
    let i18n = use_locale();
    let l = i18n;
    let refused = cert_action_allowed_for(CertAction::Export, &cert).err().map(|d| crate::pages::pca::labels::cert_denied_text(d.reason, &cert, l));
    let decoded = RwSignal::new(None::<Result<Result<Decoded, Undecodable>, ApiError>>);
    let cert_again = StoredValue::new(cert.clone());
    if refused.is_none() {
        let req = export_certificate(&cert.certificate_id, &ExportCertificateBody::new(ExportType::Pem, false));
        spawn_local(async move {
            let answer = api.json::<ExportCertificateResponse>(req).await;
            // Only the certificate and chain are kept.
            let result = answer.map(|mut a| {
                a.private_key = None;
                decode(&a, now / 1000)
            });
            if result.as_ref().err() != Some(&ApiError::Aborted) {
                decoded.try_set(Some(result));
            }
        });
    }
    view! {
        <section class="panel" aria-label=move || td_string!(i18n, pca.decoded_certificate)>
            <h2>{td_string!(i18n, pca.certificate)}</h2>
            {match refused {
                Some(why) => view! { <p>{td_string!(l, pca.decoded_unavailable, why = why).to_string()}</p> }.into_any(),
                None => view! {
                    {move || match decoded.get() {
                        None => view! { <p class="loading" role="status">{td_string!(i18n, pca.decoding_certificate)}</p> }.into_any(),
                        Some(Err(e)) => view! { <ApiErrorView title=td_string!(i18n, pca.cert_fetch_failed) error=e /> }.into_any(),
                        Some(Ok(Err(why))) => view! { <p class="field-error">{message_view(Some(why.words(l)))}</p> }.into_any(),
                        Some(Ok(Ok(d))) => view! {
                            <p><a href=again_href(&cert_again.get_value(), &again_inputs(&d.certificate))>{td_string!(i18n, pca.issue_again)}</a></p>
                            <CertificateDetails info=d.certificate now_ms=now />
                            <h3>{td_string!(i18n, pca.chain_to_root)}</h3>
                            {match d.verified {
                                // The subjects and the verifier's words are data.
                                Ok(subjects) => view! { <p class="ok-note" role="status"><WithData sentence=td_string!(l, pca.chain_verifies, path = DATA).to_string() data=vec![subjects.join(" ← ")] /></p> }.into_any(),
                                Err(e) => view! { <p class="field-error" role="status"><WithData sentence=td_string!(l, pca.chain_fails, error = DATA).to_string() data=vec![e] code=true /></p> }.into_any(),
                            }}
                            <ChainView chain=d.chain now_ms=now />
                        }.into_any(),
                    }}
                }.into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pki::fixtures::Hierarchy;

    #[test]
    fn the_certificate_and_its_chain_are_decoded_and_checked() {
        let h = Hierarchy::new();
        let answer = ExportCertificateResponse {
            certificate: Some(h.leaf_pem.replace('\n', "\r\n")),
            certificate_chain: Some(format!("{}{}", h.sub_pem, h.root_pem)),
            ..Default::default()
        };
        let d = decode(&answer, h.now).unwrap();
        assert_eq!(d.certificate.common_name.as_deref(), Some("leaf.example"));
        assert_eq!(d.chain.len(), 2);
        assert_eq!(d.verified.unwrap().len(), 3);

        let broken = ExportCertificateResponse { certificate_chain: Some(h.root_pem.clone()), ..answer.clone() };
        assert!(decode(&broken, h.now).unwrap().verified.is_err(), "the sub CA is missing");
        let junk = ExportCertificateResponse { certificate: Some("junk".into()), ..answer };
        let junk_error = decode(&junk, h.now).unwrap_err();
        assert!(matches!(junk_error, Undecodable::Certificate(_)), "{junk_error:?}");
        assert!(junk_error.words(Locale::en).starts_with("the certificate cannot be decoded: `"));
        assert!(junk_error.words(Locale::zh_CN).starts_with("无法解码证书：`"));
    }
}

//! A decoded certificate as a definition list, and a chain as a list of
//! them. Everything shown is read from the DER in the browser.

use ccm_pki::{CertificateInfo, KeyUsage};
use leptos::prelude::*;

use crate::components::badges::ExpiryBadge;
use crate::expiry::date;

/// "CA, up to 1 CA below", "CA, no limit below", "not a CA".
pub fn basic_constraints_text(info: &CertificateInfo) -> String {
    match info.basic_constraints {
        Some(b) if b.ca => match b.path_len {
            Some(n) => format!("CA, up to {n} CA(s) below it"),
            None => "CA, no limit on CAs below it".to_owned(),
        },
        _ => "not a CA".to_owned(),
    }
}

pub fn key_usage_text(usages: &[KeyUsage]) -> Option<String> {
    (!usages.is_empty()).then(|| usages.iter().map(|u| u.name()).collect::<Vec<_>>().join(", "))
}

#[component]
pub fn CertificateDetails(info: CertificateInfo, now_ms: i64) -> impl IntoView {
    let row = |label: &'static str, value: Option<String>| value.map(|v| view! { <dt>{label}</dt><dd>{v}</dd> });
    let sans = info
        .subject_alt_names
        .iter()
        .map(|s| format!("{}: {}", s.kind(), s.value()))
        .collect::<Vec<_>>();
    let eku = info.extended_key_usage.iter().map(|e| e.name()).collect::<Vec<_>>();
    let not_after_ms = info.not_after * 1000;
    view! {
        <dl class="details-list cert-info">
            {row("Subject", Some(info.subject.clone()))}
            {row("Issuer", Some(if info.self_issued { format!("{} (self-signed)", info.issuer) } else { info.issuer.clone() }))}
            {row("Serial number", Some(info.serial_hex.clone()))}
            {row("Valid from", Some(date(info.not_before * 1000)))}
            <dt>"Valid until"</dt>
            <dd>{date(not_after_ms)}" "<ExpiryBadge not_after=not_after_ms now=now_ms /></dd>
            {row("Public key", Some(info.public_key.description()))}
            {row("Signature algorithm", Some(info.signature_algorithm.clone()))}
            {row("Basic constraints", Some(basic_constraints_text(&info)))}
            {row("Key usage", key_usage_text(&info.key_usage))}
            {row("Extended key usage", (!eku.is_empty()).then(|| eku.join(", ")))}
            {row("Alternative names", (!sans.is_empty()).then(|| sans.join(", ")))}
            {row("CRL distribution points", (!info.crl_distribution_points.is_empty()).then(|| info.crl_distribution_points.join(", ")))}
            {row("Subject key id", info.subject_key_id.clone())}
            {row("Authority key id", info.authority_key_id.clone())}
            <dt>"SHA-256 fingerprint"</dt><dd><code class="fingerprint">{info.sha256_fingerprint.clone()}</code></dd>
            <dt>"SHA-1 fingerprint"</dt><dd><code class="fingerprint">{info.sha1_fingerprint.clone()}</code></dd>
        </dl>
    }
}

/// A chain, issuer first (as the API returns it), each certificate folded.
#[component]
pub fn ChainView(chain: Vec<CertificateInfo>, now_ms: i64) -> impl IntoView {
    let items = chain
        .into_iter()
        .map(|info| {
            let title = info.common_name.clone().unwrap_or_else(|| info.subject.clone());
            view! {
                <li>
                    <details>
                        <summary>{title}</summary>
                        <CertificateDetails info now_ms />
                    </details>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="chain-view">{items}</ol> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pki::fixtures::Hierarchy;
    use ccm_pki::decode_certificate;

    #[test]
    fn constraints_and_usages_read_as_words() {
        let h = Hierarchy::new();
        let root = decode_certificate(h.root_pem.as_bytes()).unwrap();
        let sub = decode_certificate(h.sub_pem.as_bytes()).unwrap();
        let leaf = decode_certificate(h.leaf_pem.as_bytes()).unwrap();
        assert_eq!(basic_constraints_text(&root), "CA, no limit on CAs below it");
        assert_eq!(basic_constraints_text(&sub), "CA, up to 0 CA(s) below it");
        assert_eq!(basic_constraints_text(&leaf), "not a CA");
        assert_eq!(key_usage_text(&root.key_usage).as_deref(), Some("keyCertSign, cRLSign"));
        assert_eq!(key_usage_text(&[]), None);
    }
}

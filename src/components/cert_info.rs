//! A decoded certificate as a definition list, and a chain as a list of
//! them. Everything shown is read from the DER in the browser.

use ccm_pki::{CertificateInfo, KeyUsage};
use leptos::prelude::*;

use crate::components::badges::ExpiryBadge;
use crate::components::with_data::{WithData, DATA};
use crate::i18n::format::date;
use crate::i18n::{td_string, use_locale, Locale};

/// "CA, up to 1 CA below", "CA, no limit below", "not a CA".
pub fn basic_constraints_text(info: &CertificateInfo, l: Locale) -> String {
    match info.basic_constraints {
        Some(b) if b.ca => match b.path_len {
            Some(n) => td_string!(l, common.ca_up_to, n = n).to_string(),
            None => td_string!(l, common.ca_no_limit).to_owned(),
        },
        _ => td_string!(l, common.not_a_ca).to_owned(),
    }
}

pub fn key_usage_text(usages: &[KeyUsage]) -> Option<String> {
    (!usages.is_empty()).then(|| usages.iter().map(|u| u.name()).collect::<Vec<_>>().join(", "))
}

#[component]
pub fn CertificateDetails(info: CertificateInfo, now_ms: i64) -> impl IntoView {
    let l = use_locale();
    // Values are data (names, algorithms, key ids): not translated.
    let row = |label: &'static str, value: Option<String>| value.map(|v| view! { <dt>{label}</dt><dd translate="no">{v}</dd> });
    let sans = info
        .subject_alt_names
        .iter()
        .map(|s| format!("{}: {}", s.kind(), s.value()))
        .collect::<Vec<_>>();
    let eku = info.extended_key_usage.iter().map(|e| e.name()).collect::<Vec<_>>();
    let not_after_ms = info.not_after * 1000;
    view! {
        <dl class="details-list cert-info">
            {row(td_string!(l, common.subject), Some(info.subject.clone()))}
            <dt>{td_string!(l, common.issuer)}</dt>
            <dd>
                {if info.self_issued {
                    let sentence = td_string!(l, common.self_signed, issuer = DATA).to_string();
                    view! { <WithData sentence data=vec![info.issuer.clone()] /> }.into_any()
                } else {
                    view! { <span translate="no">{info.issuer.clone()}</span> }.into_any()
                }}
            </dd>
            {row(td_string!(l, common.serial_number), Some(info.serial_hex.clone()))}
            <dt>{td_string!(l, common.valid_from)}</dt><dd>{date(l, info.not_before * 1000)}</dd>
            <dt>{td_string!(l, common.valid_until)}</dt>
            <dd>{date(l, not_after_ms)}" "<ExpiryBadge not_after=not_after_ms now=now_ms /></dd>
            {row(td_string!(l, common.public_key), Some(info.public_key.description()))}
            {row(td_string!(l, common.signature_algorithm), Some(info.signature_algorithm.clone()))}
            <dt>{td_string!(l, common.basic_constraints)}</dt><dd>{basic_constraints_text(&info, l)}</dd>
            {row(td_string!(l, common.key_usage), key_usage_text(&info.key_usage))}
            {row(td_string!(l, common.extended_key_usage), (!eku.is_empty()).then(|| eku.join(", ")))}
            {row(td_string!(l, common.alternative_names), (!sans.is_empty()).then(|| sans.join(", ")))}
            {row(td_string!(l, common.crl_distribution_points), (!info.crl_distribution_points.is_empty()).then(|| info.crl_distribution_points.join(", ")))}
            {row(td_string!(l, common.subject_key_id), info.subject_key_id.clone())}
            {row(td_string!(l, common.authority_key_id), info.authority_key_id.clone())}
            <dt>{td_string!(l, common.sha256_fingerprint)}</dt><dd><code class="fingerprint">{info.sha256_fingerprint.clone()}</code></dd>
            <dt>{td_string!(l, common.sha1_fingerprint)}</dt><dd><code class="fingerprint">{info.sha1_fingerprint.clone()}</code></dd>
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
                        <summary translate="no">{title}</summary>
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
        assert_eq!(basic_constraints_text(&root, Locale::en), "CA, no limit on CAs below it");
        assert_eq!(basic_constraints_text(&sub, Locale::en), "CA, up to 0 CA(s) below it");
        assert_eq!(basic_constraints_text(&leaf, Locale::en), "not a CA");
        assert_eq!(basic_constraints_text(&root, Locale::zh_CN), "CA，其下 CA 层级不限");
        assert_eq!(basic_constraints_text(&sub, Locale::zh_CN), "CA，其下最多 0 级 CA");
        assert_eq!(basic_constraints_text(&leaf, Locale::zh_CN), "非 CA");
        assert_eq!(key_usage_text(&root.key_usage).as_deref(), Some("keyCertSign, cRLSign"));
        assert_eq!(key_usage_text(&[]), None);
    }
}

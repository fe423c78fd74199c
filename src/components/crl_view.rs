//! A decoded CRL: issuer, this and next update (with a warning once the
//! next update has passed), CRL number, and the revoked serials with their
//! dates and reasons. Used by the toolbox and the CA's "View CRL".

use ccm_pki::crl::CrlInfo;
use leptos::prelude::*;

use crate::i18n::format::date;
use crate::i18n::{td_string, use_locale, Locale};
use crate::pages::pca::labels;

/// "overdue by 3 days" once `next_update` has passed, else `None`.
pub fn overdue_text(crl: &CrlInfo, now_secs: i64, l: Locale) -> Option<String> {
    let next = crl.next_update?;
    crl.is_overdue(now_secs).then(|| {
        let days = (now_secs - next).div_euclid(86_400);
        match days {
            0 => td_string!(l, common.crl_overdue_today).to_owned(),
            1 => td_string!(l, common.crl_overdue_one).to_owned(),
            n => td_string!(l, common.crl_overdue_days, n = n).to_string(),
        }
    })
}

/// A revocation reason as ccm-pki names it (RFC 5280's camelCase, e.g.
/// "keyCompromise"): English keeps that name (as `openssl crl` prints it),
/// Chinese says it in words; an unknown one stays as it is.
pub fn reason_text(reason: Option<&str>, l: Locale) -> String {
    use ccm_api::common::RevocationReason as R;
    let Some(name) = reason else { return td_string!(l, common.not_given).to_owned() };
    if l == Locale::en {
        return name.to_owned();
    }
    let known = match name {
        "unspecified" => R::Unspecified,
        "keyCompromise" => R::KeyCompromise,
        "cACompromise" => R::CertificateAuthorityCompromise,
        "affiliationChanged" => R::AffiliationChanged,
        "superseded" => R::Superseded,
        "cessationOfOperation" => R::CessationOfOperation,
        "certificateHold" => R::CertificateHold,
        "privilegeWithdrawn" => R::PrivilegeWithdrawn,
        "aACompromise" => R::AttributeAuthorityCompromise,
        other => return other.to_owned(),
    };
    labels::reason(&known, l)
}

/// The DOM id of a serial's row, so a certificate's details can link to it.
pub fn entry_anchor(serial_hex: &str) -> String {
    format!("crl-entry-{}", serial_hex.trim_start_matches('0').to_ascii_uppercase())
}

#[component]
pub fn CrlDetails(crl: CrlInfo, now_ms: i64) -> impl IntoView {
    let l = use_locale();
    let overdue = overdue_text(&crl, now_ms / 1000, l);
    let next = crl.next_update.map(|n| date(l, n * 1000)).unwrap_or_else(|| td_string!(l, common.not_given).to_owned());
    let count = crl.revoked.len();
    let rows = crl
        .revoked
        .iter()
        .map(|r| {
            view! {
                <tr id=entry_anchor(&r.serial_hex)>
                    <td><code>{r.serial_hex.clone()}</code></td>
                    <td>{date(l, r.revoked_at * 1000)}</td>
                    <td>{reason_text(r.reason, l)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <dl class="details-list crl-info">
            <dt>{td_string!(l, common.issuer)}</dt><dd translate="no">{crl.issuer.clone()}</dd>
            <dt>{td_string!(l, common.crl_this_update)}</dt><dd>{date(l, crl.this_update * 1000)}</dd>
            <dt>{td_string!(l, common.crl_next_update)}</dt>
            <dd>{next}{overdue.map(|o| view! { " " <span class="pill pill-warn" role="status">{td_string!(l, common.warning, text = o)}</span> })}</dd>
            <dt>{td_string!(l, common.crl_number)}</dt>
            <dd translate="no">{crl.crl_number.clone().unwrap_or_else(|| td_string!(l, common.none).to_owned())}</dd>
            <dt>{td_string!(l, common.signature_algorithm)}</dt><dd translate="no">{crl.signature_algorithm.clone()}</dd>
            <dt>{td_string!(l, common.sha256_fingerprint)}</dt><dd><code class="fingerprint">{crl.sha256_fingerprint.clone()}</code></dd>
        </dl>
        {if count == 0 {
            view! { <p>{td_string!(l, common.crl_none_revoked)}</p> }.into_any()
        } else {
            view! {
                <table class="crl-entries" aria-label=td_string!(l, common.crl_revoked_certs)>
                    <caption>{td_string!(l, common.crl_revoked_count, count = count)}</caption>
                    <thead><tr>
                        <th scope="col">{td_string!(l, common.serial_number)}</th>
                        <th scope="col">{td_string!(l, common.crl_revoked_on)}</th>
                        <th scope="col">{td_string!(l, common.crl_reason)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }.into_any()
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_keep_their_rfc_name_in_english_and_are_words_in_chinese() {
        assert_eq!(reason_text(Some("keyCompromise"), Locale::en), "keyCompromise");
        assert_eq!(reason_text(None, Locale::en), "not given");
        assert_eq!(reason_text(None, Locale::zh_CN), "未提供");
        let zh = reason_text(Some("keyCompromise"), Locale::zh_CN);
        assert!(!zh.is_empty() && !zh.is_ascii(), "{zh}");
        assert_eq!(reason_text(Some("removeFromCRL"), Locale::zh_CN), "removeFromCRL");
    }
}

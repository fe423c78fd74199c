//! Which CAs may issue a certificate, and what an issuer imposes on it:
//! an end before its own, and for a subordinate CA issued from a CSR,
//! room in its path length. Shared by the apply and CSR forms. Pure.

use ccm_api::common::{CaStatus, ValidityType};
use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::validate::ValidationError;

use crate::components::with_data::marked;
use crate::form::own_problem::OwnProblem;
use crate::i18n::Locale;

use crate::pages::pca::cas::create_form::approximate_end;

/// The link above the apply and CSR forms.
/// The forms' link back to the list.
pub fn back_to_list(locale: crate::i18n::Locale) -> (&'static str, &'static str) {
    ("/pca/certs", crate::i18n::td_string!(locale, pca.back_to_certs))
}

/// Active, unfrozen CAs, sorted by name for the picker.
pub fn active_issuers(cas: &[CertificateAuthority]) -> Vec<&CertificateAuthority> {
    let mut found: Vec<_> = cas.iter().filter(|c| c.status == CaStatus::Actived && !c.is_frozen()).collect();
    found.sort_by_key(|c| c.distinguished_name.common_name.to_lowercase());
    found
}

/// The picker's text for an issuer.
pub fn issuer_label(ca: &CertificateAuthority, locale: crate::i18n::Locale) -> String {
    let name = &ca.distinguished_name.common_name;
    match ca.not_after {
        Some(t) => crate::i18n::td_string!(locale, pca.issuer_valid_until, name = marked(name), date = crate::i18n::format::date(locale, t)).to_string(),
        None => marked(name),
    }
}

/// The issuer picked by id, if it may issue.
pub fn find_issuer<'a>(cas: &'a [CertificateAuthority], id: &str) -> Option<&'a CertificateAuthority> {
    active_issuers(cas).into_iter().find(|c| c.ca_id == id)
}

/// Parses the validity inputs; problems go to `errors` under the wire names.
pub fn read_validity(kind: &str, value: &str, errors: &mut Vec<ValidationError>, l: Locale) -> (ValidityType, i64) {
    let kind = ValidityType::from_wire(kind);
    let value = match value.trim().parse::<i64>() {
        Ok(v) => v,
        Err(_) => {
            errors.push(OwnProblem::WholeNumber.at("validity.value", l));
            0
        }
    };
    (kind, value)
}

/// An end after the issuer's is refused (the service would refuse it too).
pub fn check_within_issuer(
    issuer: &CertificateAuthority,
    start_ms: i64,
    kind: &ValidityType,
    value: i64,
    errors: &mut Vec<ValidationError>,
    l: Locale,
) {
    let end = approximate_end(start_ms, kind, value);
    if let Some(issuer_end) = issuer.not_after {
        if end > issuer_end {
            let issuer_name = issuer.distinguished_name.common_name.clone();
            errors.push(OwnProblem::EndsAfterIssuer { issuer: issuer_name, issuer_end }.at("validity.value", l));
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub const NOW: i64 = 1_764_000_000_000;
    pub const DAY: i64 = 86_400_000;
    pub const ROOT: &str = "11111111-1111-4111-8111-111111111111";
    pub const ISSUING: &str = "22222222-2222-4222-8222-222222222222";
    pub const LEAF_ONLY: &str = "33333333-3333-4333-8333-333333333333";

    pub fn ca(id: &str, cn: &str, kind: &str, status: &str, path: i64, not_after: i64) -> CertificateAuthority {
        serde_json::from_value(serde_json::json!({
            "ca_id": id, "type": kind, "status": status, "path_length": path, "not_after": not_after,
            "distinguished_name": {"common_name": cn, "country": "DE", "organization": "Acme", "organizational_unit": "PKI"}
        }))
        .unwrap()
    }

    pub fn cas() -> Vec<CertificateAuthority> {
        vec![
            ca(ROOT, "Acme Root", "ROOT", "ACTIVED", 7, NOW + 3650 * DAY),
            ca(ISSUING, "Acme Issuing", "SUBORDINATE", "ACTIVED", 1, NOW + 400 * DAY),
            ca(LEAF_ONLY, "Acme Leaf Only", "SUBORDINATE", "ACTIVED", 0, NOW + 400 * DAY),
            ca("44444444-4444-4444-8444-444444444444", "Acme Disabled", "SUBORDINATE", "DISABLED", 0, NOW + 400 * DAY),
        ]
    }

    #[test]
    fn only_active_cas_issue() {
        let all = cas();
        let names: Vec<_> = active_issuers(&all).iter().map(|c| c.distinguished_name.common_name.clone()).collect();
        assert_eq!(names, ["Acme Issuing", "Acme Leaf Only", "Acme Root"]);
        assert!(find_issuer(&all, "44444444-4444-4444-8444-444444444444").is_none());
    }

    #[test]
    fn validity_must_end_before_the_issuer() {
        let all = cas();
        let mut errors = Vec::new();
        check_within_issuer(&all[1], NOW, &ValidityType::Year, 2, &mut errors, Locale::en);
        assert_eq!(errors[0].field, "validity.value");
        let mut errors = Vec::new();
        check_within_issuer(&all[1], NOW, &ValidityType::Day, 390, &mut errors, Locale::en);
        assert!(errors.is_empty());
        let (_, v) = read_validity("DAY", "x", &mut errors, Locale::zh_CN);
        assert_eq!(errors[0].message, OwnProblem::WholeNumber.words(Locale::zh_CN));
        assert_eq!((v, errors.len()), (0, 1));
    }
}

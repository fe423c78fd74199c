//! The words shown for the PCA wire enums, per locale. ccm-api's `label()`
//! stays English (logs, tests, CSV); the views show these. An unknown wire
//! value is shown as it came.

use ccm_api::common::{CaStatus, CaType, CertificateStatus, GenMode, KeyUsage, RevocationReason, ValidityType};

use crate::i18n::{Locale, td_string};

pub fn ca_type(kind: &CaType, locale: Locale) -> String {
    match kind {
        CaType::Root => td_string!(locale, pca.ca_type_root).to_owned(),
        CaType::Subordinate => td_string!(locale, pca.ca_type_sub).to_owned(),
        CaType::Other(s) => s.clone(),
    }
}

/// A CA's status; `revoked`: revoked from this console (state/ca_revocations.rs).
pub fn ca_status(status: &CaStatus, revoked: bool, locale: Locale) -> String {
    if revoked {
        return td_string!(locale, pca.ca_status_revoked).to_owned();
    }
    match status {
        CaStatus::Pending => td_string!(locale, pca.ca_status_pending).to_owned(),
        CaStatus::Actived => td_string!(locale, pca.ca_status_active).to_owned(),
        CaStatus::Disabled => td_string!(locale, pca.ca_status_disabled).to_owned(),
        CaStatus::Deleted => td_string!(locale, pca.ca_status_deleted).to_owned(),
        CaStatus::Expired => td_string!(locale, pca.ca_status_expired).to_owned(),
        CaStatus::Other(s) => s.clone(),
    }
}

pub fn cert_status(status: &CertificateStatus, locale: Locale) -> String {
    match status {
        CertificateStatus::Issued => td_string!(locale, pca.cert_status_issued).to_owned(),
        CertificateStatus::Revoked => td_string!(locale, pca.cert_status_revoked).to_owned(),
        CertificateStatus::Expired => td_string!(locale, pca.cert_status_expired).to_owned(),
        CertificateStatus::Other(s) => s.clone(),
    }
}

pub fn gen_mode(mode: &GenMode, locale: Locale) -> String {
    match mode {
        GenMode::Generate => td_string!(locale, pca.gen_mode_generate).to_owned(),
        GenMode::Import => td_string!(locale, pca.gen_mode_import).to_owned(),
        GenMode::Csr => td_string!(locale, pca.gen_mode_csr).to_owned(),
        GenMode::Other(s) => s.clone(),
    }
}

pub fn reason(reason: &RevocationReason, locale: Locale) -> String {
    use RevocationReason as R;
    match reason {
        R::Unspecified => td_string!(locale, pca.reason_unspecified).to_owned(),
        R::KeyCompromise => td_string!(locale, pca.reason_key_compromise).to_owned(),
        R::CertificateAuthorityCompromise => td_string!(locale, pca.reason_ca_compromise).to_owned(),
        R::AffiliationChanged => td_string!(locale, pca.reason_affiliation_changed).to_owned(),
        R::Superseded => td_string!(locale, pca.reason_superseded).to_owned(),
        R::CessationOfOperation => td_string!(locale, pca.reason_cessation).to_owned(),
        R::CertificateHold => td_string!(locale, pca.reason_hold).to_owned(),
        R::PrivilegeWithdrawn => td_string!(locale, pca.reason_privilege_withdrawn).to_owned(),
        R::AttributeAuthorityCompromise => td_string!(locale, pca.reason_aa_compromise).to_owned(),
        R::Other(s) => s.clone(),
    }
}

/// The unit of a validity ("years"), for the unit selects.
pub fn validity_unit(unit: &ValidityType, locale: Locale) -> String {
    match unit {
        ValidityType::Year => td_string!(locale, pca.unit_years).to_owned(),
        ValidityType::Month => td_string!(locale, pca.unit_months).to_owned(),
        ValidityType::Day => td_string!(locale, pca.unit_days).to_owned(),
        ValidityType::Hour => td_string!(locale, pca.unit_hours).to_owned(),
        ValidityType::Other(s) => s.clone(),
    }
}

pub fn key_usage(usage: &KeyUsage, locale: Locale) -> String {
    use KeyUsage as K;
    match usage {
        K::DigitalSignature => td_string!(locale, pca.ku_digital_signature).to_owned(),
        K::NonRepudiation => td_string!(locale, pca.ku_non_repudiation).to_owned(),
        K::KeyEncipherment => td_string!(locale, pca.ku_key_encipherment).to_owned(),
        K::DataEncipherment => td_string!(locale, pca.ku_data_encipherment).to_owned(),
        K::KeyAgreement => td_string!(locale, pca.ku_key_agreement).to_owned(),
        K::KeyCertSign => td_string!(locale, pca.ku_key_cert_sign).to_owned(),
        K::CrlSign => td_string!(locale, pca.ku_crl_sign).to_owned(),
        K::EncipherOnly => td_string!(locale, pca.ku_encipher_only).to_owned(),
        K::DecipherOnly => td_string!(locale, pca.ku_decipher_only).to_owned(),
        K::Other(s) => s.clone(),
    }
}

/// The catalogue's reason is English; in another language the same cases
/// (frozen, status) in that language's words.
pub fn cert_denied_text(english: String, cert: &ccm_api::pca::certs::PrivateCertificate, locale: Locale) -> String {
    if locale == Locale::en {
        english
    } else if cert.is_frozen() {
        td_string!(locale, pca.why_cert_frozen).to_owned()
    } else {
        td_string!(locale, pca.why_cert_status, status = cert_status(&cert.status, locale)).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_matches_the_wire_labels_and_chinese_differs() {
        for s in CaStatus::known() {
            assert_eq!(ca_status(&s, false, Locale::en), s.label());
            assert_ne!(ca_status(&s, false, Locale::zh_CN), s.label());
        }
        for s in CertificateStatus::known() {
            assert_eq!(cert_status(&s, Locale::en), s.label());
        }
        for r in RevocationReason::known() {
            assert_eq!(reason(&r, Locale::en), r.label());
            assert_ne!(reason(&r, Locale::zh_CN), r.label());
        }
        for m in GenMode::known() {
            assert_eq!(gen_mode(&m, Locale::en), m.label());
        }
        for k in CaType::known() {
            assert_eq!(ca_type(&k, Locale::en), k.label());
        }
        for k in KeyUsage::known() {
            assert_eq!(key_usage(&k, Locale::en), k.label());
        }
        for u in ValidityType::known() {
            assert_eq!(validity_unit(&u, Locale::en), u.label());
        }
        assert_eq!(ca_status(&CaStatus::Actived, true, Locale::zh_CN), "已吊销");
        assert_eq!(ca_status(&CaStatus::Other("NEW".into()), false, Locale::zh_CN), "NEW");
    }
}

//! The words for SCM's wire values (status, type, domain type, validation
//! method, sort key) in the chosen language. ccm-api's `label()` stays the
//! English one (logs, tests); a value the reference does not list shows its
//! wire text. Pure.

use std::borrow::Cow;

use ccm_api::scm::{ScmCertType, ScmDomainType, ScmSortKey, ScmStatus, ValidationMethod};

use crate::i18n::{td_string, Locale};

pub fn status_label(s: &ScmStatus, l: Locale) -> Cow<'static, str> {
    Cow::Borrowed(match s {
        ScmStatus::All => td_string!(l, scm.status_all),
        ScmStatus::Paid => td_string!(l, scm.status_paid),
        ScmStatus::Issued => td_string!(l, scm.status_issued),
        ScmStatus::Checking => td_string!(l, scm.status_checking),
        ScmStatus::CancelChecking => td_string!(l, scm.status_cancel_checking),
        ScmStatus::Unpassed => td_string!(l, scm.status_unpassed),
        ScmStatus::Expired => td_string!(l, scm.status_expired),
        ScmStatus::Revoking => td_string!(l, scm.status_revoking),
        ScmStatus::CancelRevoking => td_string!(l, scm.status_cancel_revoking),
        ScmStatus::Revoked => td_string!(l, scm.status_revoked),
        ScmStatus::Upload => td_string!(l, scm.status_upload),
        ScmStatus::CheckingOrg => td_string!(l, scm.status_checking_org),
        ScmStatus::Issuing => td_string!(l, scm.status_issuing),
        ScmStatus::SupplementChecking => td_string!(l, scm.status_supplement_checking),
        ScmStatus::CancelSupplementing => td_string!(l, scm.status_cancel_supplementing),
        ScmStatus::Other(w) => return Cow::Owned(w.clone()),
    })
}

pub fn type_label(t: &ScmCertType, l: Locale) -> Cow<'static, str> {
    Cow::Borrowed(match t {
        ScmCertType::DvSslCert => td_string!(l, scm.type_dv),
        ScmCertType::DvSslCertBasic => td_string!(l, scm.type_dv_basic),
        ScmCertType::EvSslCert => td_string!(l, scm.type_ev),
        ScmCertType::EvSslCertPro => td_string!(l, scm.type_ev_pro),
        ScmCertType::OvSslCert => td_string!(l, scm.type_ov),
        ScmCertType::OvSslCertPro => td_string!(l, scm.type_ov_pro),
        ScmCertType::Other(w) => return Cow::Owned(w.clone()),
    })
}

pub fn domain_type_label(t: &ScmDomainType, l: Locale) -> Cow<'static, str> {
    Cow::Borrowed(match t {
        ScmDomainType::SingleDomain => td_string!(l, scm.domain_type_single),
        ScmDomainType::Wildcard => td_string!(l, scm.domain_type_wildcard),
        ScmDomainType::MultiDomain => td_string!(l, scm.domain_type_multi),
        ScmDomainType::Other(w) => return Cow::Owned(w.clone()),
    })
}

pub fn method_label(m: &ValidationMethod, l: Locale) -> Cow<'static, str> {
    Cow::Borrowed(match m {
        ValidationMethod::Dns => td_string!(l, scm.method_dns),
        ValidationMethod::File => td_string!(l, scm.method_file),
        ValidationMethod::Email => td_string!(l, scm.method_email),
        ValidationMethod::Other(w) => return Cow::Owned(w.clone()),
    })
}

pub fn sort_key_label(k: &ScmSortKey, l: Locale) -> Cow<'static, str> {
    Cow::Borrowed(match k {
        ScmSortKey::CertExpiredTime => td_string!(l, scm.sort_expiry),
        ScmSortKey::CertStatus => td_string!(l, scm.sort_status),
        ScmSortKey::CertUpdateTime => td_string!(l, scm.sort_update),
        ScmSortKey::Other(w) => return Cow::Owned(w.clone()),
    })
}

/// "Yes" / "No" / "—".
pub fn yes_no(v: Option<bool>, l: Locale) -> &'static str {
    match v {
        Some(true) => td_string!(l, scm.yes),
        Some(false) => td_string!(l, scm.no),
        None => "—",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_value_has_its_words_and_english_is_the_apis() {
        for s in ScmStatus::known() {
            assert_eq!(status_label(&s, Locale::en), s.label(), "{s}");
            assert_ne!(status_label(&s, Locale::zh_CN), s.label(), "{s}");
        }
        for t in ScmCertType::known() {
            assert_eq!(type_label(&t, Locale::en), t.label());
        }
        for t in ScmDomainType::known() {
            assert_eq!(domain_type_label(&t, Locale::en), t.label());
        }
        for m in ValidationMethod::known() {
            assert_eq!(method_label(&m, Locale::en), m.label());
        }
        for k in ScmSortKey::known() {
            assert_eq!(sort_key_label(&k, Locale::en), k.label());
        }
        assert_eq!(status_label(&ScmStatus::Issued, Locale::zh_CN), "已签发");
        assert_eq!(status_label(&ScmStatus::from_wire("NEW"), Locale::zh_CN), "NEW");
        assert_eq!(yes_no(Some(true), Locale::zh_CN), "是");
    }
}

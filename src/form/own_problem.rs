//! What the console's own checks refuse in a draft, before the request
//! exists (the contract's rules are ccm-api's `Problem`, worded in
//! `rule_words`). One type, worded per locale in one place; names and
//! dates in a message are data, marked with backticks so the form shows
//! them as code (`form::message`).

use ccm_api::validate::ValidationError;

use crate::form::message::code_mark;
use crate::i18n::{format, td_string, Locale};

#[derive(Debug, Clone, PartialEq)]
pub enum OwnProblem {
    WholeNumber,
    /// A path length: a whole number from 0 to 6.
    PathLengthNumber,
    DateFormat,
    PickActiveCa,
    PickSigningCa,
    /// The issuer leaves room for at most `max` levels below the new CA.
    PathLengthAtMost { max: i64, issuer: String },
    /// The issuer has path length 0: it signs end-entity certificates only.
    IssuerSignsLeavesOnly { issuer: String },
    /// The validity would end after the issuer's (Unix ms).
    EndsAfterIssuer { issuer: String, issuer_end: i64 },
    SanEmpty,
    SanCount { n: usize, max: usize },
    ExtensionNeedsOid,
    ExtensionNeedsValue,
    Pkcs12NeedsPassword,
    TagAlreadyThere,
    /// A subordinate CA without the keyCertSign usage.
    CaNeedsCertSign,
    /// CRL validity: a whole number of days from 7 to 30.
    CrlDaysNumber,
    CrlBucket,
}

impl OwnProblem {
    pub fn words(&self, l: Locale) -> String {
        match self {
            OwnProblem::WholeNumber => td_string!(l, forms.p_whole_number).to_string(),
            OwnProblem::PathLengthNumber => td_string!(l, forms.p_path_length_number).to_string(),
            OwnProblem::DateFormat => td_string!(l, forms.p_date_format).to_string(),
            OwnProblem::PickActiveCa => td_string!(l, forms.p_pick_active_ca).to_string(),
            OwnProblem::PickSigningCa => td_string!(l, forms.p_pick_signing_ca).to_string(),
            OwnProblem::PathLengthAtMost { max, issuer } => {
                td_string!(l, forms.p_path_length_at_most, max = max, issuer = code_mark(issuer)).to_string()
            }
            OwnProblem::IssuerSignsLeavesOnly { issuer } => {
                td_string!(l, forms.p_issuer_leaves_only, issuer = code_mark(issuer)).to_string()
            }
            OwnProblem::EndsAfterIssuer { issuer, issuer_end } => {
                let date = format::date(l, *issuer_end);
                td_string!(l, forms.p_ends_after_issuer, issuer = code_mark(issuer), date = date).to_string()
            }
            OwnProblem::SanEmpty => td_string!(l, forms.p_san_empty).to_string(),
            OwnProblem::SanCount { n, max } => td_string!(l, forms.p_san_count, n = n, max = max).to_string(),
            OwnProblem::ExtensionNeedsOid => td_string!(l, forms.p_extension_needs_oid).to_string(),
            OwnProblem::ExtensionNeedsValue => td_string!(l, forms.p_extension_needs_value).to_string(),
            OwnProblem::Pkcs12NeedsPassword => td_string!(l, forms.p_pkcs12_password).to_string(),
            OwnProblem::TagAlreadyThere => td_string!(l, forms.p_tag_twice).to_string(),
            OwnProblem::CaNeedsCertSign => td_string!(l, forms.p_ca_needs_cert_sign).to_string(),
            OwnProblem::CrlDaysNumber => td_string!(l, forms.p_crl_days_number).to_string(),
            OwnProblem::CrlBucket => td_string!(l, forms.p_crl_bucket).to_string(),
        }
    }

    /// The problem as the error of the wire field `field`.
    pub fn at(&self, field: impl Into<String>, l: Locale) -> ValidationError {
        ValidationError::new(field, self.words(l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY_MS: i64 = 86_400_000;

    fn every() -> Vec<OwnProblem> {
        let issuer = "Acme Root".to_owned();
        vec![
            OwnProblem::WholeNumber,
            OwnProblem::PathLengthNumber,
            OwnProblem::DateFormat,
            OwnProblem::PickActiveCa,
            OwnProblem::PickSigningCa,
            OwnProblem::PathLengthAtMost { max: 2, issuer: issuer.clone() },
            OwnProblem::IssuerSignsLeavesOnly { issuer: issuer.clone() },
            OwnProblem::EndsAfterIssuer { issuer, issuer_end: 20_000 * DAY_MS },
            OwnProblem::SanEmpty,
            OwnProblem::SanCount { n: 21, max: 20 },
            OwnProblem::ExtensionNeedsOid,
            OwnProblem::ExtensionNeedsValue,
            OwnProblem::Pkcs12NeedsPassword,
            OwnProblem::TagAlreadyThere,
            OwnProblem::CaNeedsCertSign,
            OwnProblem::CrlDaysNumber,
            OwnProblem::CrlBucket,
        ]
    }

    #[test]
    fn every_problem_has_words_in_both_languages_and_chinese_has_no_english_left() {
        for p in every() {
            let (en, zh) = (p.words(Locale::en), p.words(Locale::zh_CN));
            assert!(!en.is_empty() && en != zh, "{p:?}");
            // Outside the data marks only Chinese, digits and the allowed terms.
            let plain: String = zh.split('`').step_by(2).collect();
            let plain = ["CA", "PKCS#12", "YYYY-MM-DD", "OID", "keyCertSign", "CRL", "OBS"].iter().fold(plain, |s, t| s.replace(t, ""));
            assert!(!plain.chars().any(|c| c.is_ascii_alphabetic()), "{p:?}: {zh}");
        }
    }

    #[test]
    fn names_are_data_and_numbers_and_dates_are_filled_in() {
        let at_most = OwnProblem::PathLengthAtMost { max: 2, issuer: "Acme Root".into() };
        assert_eq!(at_most.words(Locale::en), "at most 2 under `Acme Root`");
        assert!(at_most.words(Locale::zh_CN).contains("`Acme Root`"));
        assert!(at_most.words(Locale::zh_CN).contains('2'));
        let ends = OwnProblem::EndsAfterIssuer { issuer: "Acme Root".into(), issuer_end: 20_000 * DAY_MS };
        assert!(ends.words(Locale::en).contains(&format::date(Locale::en, 20_000 * DAY_MS)));
        assert!(ends.words(Locale::zh_CN).contains(&format::date(Locale::zh_CN, 20_000 * DAY_MS)));
        assert_eq!(OwnProblem::SanCount { n: 21, max: 20 }.words(Locale::en), "21 names; at most 20 are allowed");
        let e = OwnProblem::TagAlreadyThere.at("tag.key", Locale::zh_CN);
        assert_eq!(e.field, "tag.key");
        assert_eq!(e.message, OwnProblem::TagAlreadyThere.words(Locale::zh_CN));
    }
}

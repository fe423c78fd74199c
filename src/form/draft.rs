//! Pieces every request draft shares: the six subject fields as typed,
//! and the last step of each `to_request` (the contract's own checks, one
//! message per field). Pure.

use ccm_api::common::DistinguishedName;
use ccm_api::validate::{validate_request, Context, ValidationError};
use ccm_api::ApiRequest;

use super::request_form::Checked;

/// The subject (distinguished name) of a CA or certificate, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubjectDraft {
    pub common_name: String,
    pub country: String,
    pub state: String,
    pub locality: String,
    pub organization: String,
    pub organizational_unit: String,
}

impl SubjectDraft {
    /// The name to send: parts trimmed, empty ones left out, the country
    /// in capitals.
    pub fn to_dn(&self) -> DistinguishedName {
        DistinguishedName {
            common_name: self.common_name.trim().to_owned(),
            country: optional(&self.country).map(|c| c.to_uppercase()),
            state: optional(&self.state),
            locality: optional(&self.locality),
            organization: optional(&self.organization),
            organizational_unit: optional(&self.organizational_unit),
        }
    }
}

/// Trimmed text, or `None` when blank.
pub fn optional(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Adds the contract's checks to the form's own `errors`, keeps the first
/// (most specific) message per field, and hands back the request when
/// nothing is wrong.
pub fn finish(req: ApiRequest, mut errors: Vec<ValidationError>, now_ms: i64) -> Checked {
    errors.extend(validate_request(&req, &Context { now_millis: now_ms }));
    let mut seen = std::collections::HashSet::new();
    errors.retain(|e| seen.insert(e.field.clone()));
    if errors.is_empty() {
        Ok(req)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ccm_api::common::{DistinguishedName, KeyAlgorithm};
    use ccm_api::pca::cas::{create_certificate_authority, CreateCertificateAuthorityBody};

    #[test]
    fn the_subject_is_trimmed_and_blank_parts_left_out() {
        let s = SubjectDraft { common_name: " Acme Root ".into(), country: "de ".into(), locality: "  ".into(), ..Default::default() };
        let dn = s.to_dn();
        assert_eq!(dn.common_name, "Acme Root");
        assert_eq!(dn.country.as_deref(), Some("DE"));
        assert_eq!((dn.state, dn.locality, dn.organization, dn.organizational_unit), (None, None, None, None));
        assert_eq!(optional(" x "), Some("x".to_owned()));
    }

    #[test]
    fn finish_adds_the_contracts_checks_and_keeps_the_first_message_per_field() {
        let key = KeyAlgorithm::from_wire("RSA2048");
        let body = CreateCertificateAuthorityBody::pending_subordinate(DistinguishedName::common_name(""), key.clone());
        let own = vec![ValidationError::new("distinguished_name.common_name", "mine first")];
        let errors = finish(create_certificate_authority(&body), own, 0).unwrap_err();
        let cn: Vec<_> = errors.iter().filter(|e| e.field == "distinguished_name.common_name").collect();
        assert_eq!(cn.len(), 1);
        assert_eq!(cn[0].message, "mine first");
        let full = SubjectDraft {
            common_name: "Acme".into(),
            country: "de".into(),
            state: "Berlin".into(),
            locality: "Berlin".into(),
            organization: "Acme".into(),
            organizational_unit: "PKI".into(),
        };
        let body = CreateCertificateAuthorityBody::pending_subordinate(full.to_dn(), key);
        assert!(finish(create_certificate_authority(&body), Vec::new(), 0).is_ok());
    }
}

//! The create-CA form as plain data, and the rules that turn it into a
//! request: the contract's validation plus what depends on the chosen
//! issuer (status, room in its path length, its validity). Pure.

use ccm_api::common::{
    CaStatus, CaType, CrlConfiguration, KeyAlgorithm, KeyUsage, SignatureAlgorithm, Validity, ValidityType,
};
use ccm_api::pca::cas::{
    create_certificate_authority, issue_certificate_authority_certificate, ActivateCertificateAuthorityBody,
    CertificateAuthority, CreateCertificateAuthorityBody,
};
use ccm_api::validate::ValidationError;
use ccm_api::ApiRequest;

use crate::form::draft::{finish, optional, SubjectDraft};
use crate::components::with_data::marked;
use crate::form::own_problem::OwnProblem;
use crate::i18n::{Locale, format, td_string};

/// What kind of CA, and for a subordinate whether it is signed now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaKindChoice {
    Root,
    /// Signed at once by a CA of this account.
    SubordinateNow,
    /// Left PENDING: activated later, or its CSR signed elsewhere.
    SubordinatePending,
}

/// The form's fields as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaDraft {
    pub choice: CaKindChoice,
    pub subject: SubjectDraft,
    pub key_algorithm: String,
    pub signature_algorithm: String,
    pub validity_type: String,
    pub validity_value: String,
    /// `YYYY-MM-DD` (a date input), or empty for "now".
    pub start_date: String,
    pub issuer_id: String,
    pub path_length: String,
    /// Wire names; a root's are fixed by the service, a subordinate's chosen.
    pub key_usages: Vec<String>,
    /// Publish a CRL from the start (not for a CA left pending).
    pub crl_publish: bool,
    pub crl_bucket: String,
    pub crl_name: String,
    pub crl_valid_days: String,
}

/// The key usages the service gives a CA unless told otherwise.
pub const DEFAULT_CA_KEY_USAGES: [&str; 3] = ["digitalSignature", "keyCertSign", "cRLSign"];

impl Default for CaDraft {
    fn default() -> Self {
        CaDraft {
            choice: CaKindChoice::Root,
            subject: SubjectDraft::default(),
            key_algorithm: "RSA4096".into(),
            signature_algorithm: "SHA256".into(),
            validity_type: "YEAR".into(),
            validity_value: "10".into(),
            start_date: String::new(),
            issuer_id: String::new(),
            path_length: "0".into(),
            key_usages: DEFAULT_CA_KEY_USAGES.iter().map(|s| (*s).to_owned()).collect(),
            crl_publish: false,
            crl_bucket: String::new(),
            crl_name: String::new(),
            crl_valid_days: "7".into(),
        }
    }
}

#[cfg(test)]
const DAY_MS: i64 = 86_400_000;

/// CAs that may sign a subordinate: active, and a root or with path length
/// left (a CA with path length 0 signs only leaf certificates).
/// Sorted by name for the picker.
pub fn eligible_issuers(cas: &[CertificateAuthority]) -> Vec<&CertificateAuthority> {
    let mut found: Vec<_> = cas
        .iter()
        .filter(|c| c.status == CaStatus::Actived && !c.is_frozen())
        .filter(|c| c.kind == CaType::Root || c.path_length.unwrap_or(0) > 0)
        .collect();
    found.sort_by_key(|c| c.distinguished_name.common_name.to_lowercase());
    found
}

/// The issuer picker's options (id, text): the eligible issuers but
/// `except` (a CA cannot sign itself), with the room left in each's path
/// length and, if `with_end`, when it ends.
pub fn issuer_options(cas: &[CertificateAuthority], except: Option<&str>, with_end: bool, locale: Locale) -> Vec<(String, String)> {
    eligible_issuers(cas)
        .into_iter()
        .filter(|c| Some(c.ca_id.as_str()) != except)
        .map(|c| {
            let (name, left) = (marked(&c.distinguished_name.common_name), max_path_length(c));
            let text = match c.not_after.filter(|_| with_end) {
                Some(t) => td_string!(locale, pca.issuer_option_until, name = name, left = left, date = format::date(locale, t)),
                None => td_string!(locale, pca.issuer_option, name = name, left = left),
            };
            (c.ca_id.clone(), text.to_string())
        })
        .collect()
}

/// Largest path length a subordinate of `issuer` may have.
pub fn max_path_length(issuer: &CertificateAuthority) -> i64 {
    if issuer.kind == CaType::Root {
        6
    } else {
        (issuer.path_length.unwrap_or(0) - 1).clamp(0, 6)
    }
}

/// The latest end of a validity, each unit at its longest (see
/// `validity_cap.rs`), to refuse before sending what the service would.
pub fn approximate_end(start_ms: i64, kind: &ValidityType, value: i64) -> i64 {
    super::validity_cap::latest_end(start_ms, kind, value)
}

/// `YYYY-MM-DD` to Unix ms at 00:00 UTC.
pub fn parse_date(text: &str) -> Option<i64> {
    let digits = text.trim().replace('-', "");
    ccm_api::sign::parse_sdk_date(&format!("{digits}T000000Z")).map(|s| s * 1000)
}

/// What any issuer here demands of a CA it signs: room in its path length
/// and an end before its own. Problems go to `errors`.
fn check_against_issuer(
    issuer: &CertificateAuthority,
    path_length: i64,
    validity_end: Option<i64>,
    errors: &mut Vec<ValidationError>,
    l: Locale,
) {
    if path_length > max_path_length(issuer) {
        let issuer_name = issuer.distinguished_name.common_name.clone();
        errors.push(OwnProblem::PathLengthAtMost { max: max_path_length(issuer), issuer: issuer_name }.at("path_length", l));
    }
    if let (Some(end), Some(issuer_end)) = (validity_end, issuer.not_after) {
        if end > issuer_end {
            let issuer_name = issuer.distinguished_name.common_name.clone();
            errors.push(OwnProblem::EndsAfterIssuer { issuer: issuer_name, issuer_end }.at("validity.value", l));
        }
    }
}

impl CaDraft {
    /// The request to send, or every problem by wire field path.
    pub fn to_request(&self, cas: &[CertificateAuthority], now_ms: i64, l: Locale) -> Result<ApiRequest, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let dn = self.subject.to_dn();
        let pending = self.choice == CaKindChoice::SubordinatePending;
        let validity_type = ValidityType::from_wire(&self.validity_type);
        let value: Option<i64> = match self.validity_value.trim().parse() {
            Ok(v) => Some(v),
            Err(_) if pending => None,
            Err(_) => {
                errors.push(OwnProblem::WholeNumber.at("validity.value", l));
                None
            }
        };
        let start_from = match self.start_date.trim() {
            "" => None,
            d => match parse_date(d) {
                Some(ms) => Some(ms),
                None => {
                    errors.push(OwnProblem::DateFormat.at("validity.start_from", l));
                    None
                }
            },
        };
        let validity = value.filter(|_| !pending).map(|v| Validity { kind: validity_type.clone(), value: v, start_from });

        let mut body = match self.choice {
            CaKindChoice::Root => CreateCertificateAuthorityBody::root(
                dn,
                KeyAlgorithm::from_wire(&self.key_algorithm),
                SignatureAlgorithm::from_wire(&self.signature_algorithm),
                validity.clone().unwrap_or(Validity::new(validity_type.clone(), 0)),
            ),
            _ => CreateCertificateAuthorityBody::pending_subordinate(dn, KeyAlgorithm::from_wire(&self.key_algorithm)),
        };
        if self.choice == CaKindChoice::SubordinateNow {
            let issuer = eligible_issuers(cas).into_iter().find(|c| c.ca_id == self.issuer_id);
            match issuer {
                None => errors.push(OwnProblem::PickSigningCa.at("issuer_id", l)),
                Some(issuer) => {
                    let end = value.map(|v| approximate_end(start_from.unwrap_or(now_ms), &validity_type, v));
                    match self.path_length.trim().parse::<i64>() {
                        Ok(p) => {
                            check_against_issuer(issuer, p, end, &mut errors, l);
                            body.path_length = Some(p);
                        }
                        Err(_) => {
                            errors.push(OwnProblem::PathLengthNumber.at("path_length", l));
                            check_against_issuer(issuer, 0, end, &mut errors, l);
                        }
                    }
                }
            }
            body.issuer_id = Some(self.issuer_id.clone());
            body.signature_algorithm = Some(SignatureAlgorithm::from_wire(&self.signature_algorithm));
            body.validity = validity;
        }
        if self.choice != CaKindChoice::Root {
            if !self.key_usages.iter().any(|u| u == "keyCertSign") {
                errors.push(OwnProblem::CaNeedsCertSign.at("key_usages", l));
            }
            body.key_usages = Some(self.key_usages.iter().map(|u| KeyUsage::from_wire(u)).collect());
        }
        if self.crl_publish && self.choice != CaKindChoice::SubordinatePending {
            let valid_days = match self.crl_valid_days.trim().parse::<i64>() {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(OwnProblem::CrlDaysNumber.at("crl_configuration.valid_days", l));
                    None
                }
            };
            if self.crl_bucket.trim().is_empty() {
                errors.push(OwnProblem::CrlBucket.at("crl_configuration.obs_bucket_name", l));
            }
            body.crl_configuration = Some(CrlConfiguration {
                enabled: true,
                crl_name: optional(&self.crl_name),
                obs_bucket_name: optional(&self.crl_bucket),
                valid_days,
                crl_dis_point: None,
            });
        }
        finish(create_certificate_authority(&body), errors, now_ms)
    }
}

/// What activating a pending CA needs: an issuer here, and the parts the
/// creation left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivationDraft {
    pub issuer_id: String,
    pub path_length: String,
    pub signature_algorithm: String,
    pub validity_type: String,
    pub validity_value: String,
}

impl Default for ActivationDraft {
    fn default() -> Self {
        ActivationDraft {
            issuer_id: String::new(),
            path_length: "0".into(),
            signature_algorithm: "SHA256".into(),
            validity_type: "YEAR".into(),
            validity_value: "5".into(),
        }
    }
}

impl ActivationDraft {
    pub fn to_request(&self, ca_id: &str, cas: &[CertificateAuthority], now_ms: i64, l: Locale) -> Result<ApiRequest, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let kind = ValidityType::from_wire(&self.validity_type);
        let value: i64 = self.validity_value.trim().parse().unwrap_or_else(|_| {
            errors.push(OwnProblem::WholeNumber.at("validity.value", l));
            0
        });
        let path_length: i64 = self.path_length.trim().parse().unwrap_or_else(|_| {
            errors.push(OwnProblem::PathLengthNumber.at("path_length", l));
            0
        });
        match eligible_issuers(cas).into_iter().find(|c| c.ca_id == self.issuer_id && c.ca_id != ca_id) {
            None => errors.push(OwnProblem::PickSigningCa.at("issuer_id", l)),
            Some(issuer) => check_against_issuer(issuer, path_length, Some(approximate_end(now_ms, &kind, value)), &mut errors, l),
        }
        let body = ActivateCertificateAuthorityBody {
            issuer_id: self.issuer_id.clone(),
            path_length,
            signature_algorithm: SignatureAlgorithm::from_wire(&self.signature_algorithm),
            validity: Validity::new(kind, value),
        };
        finish(issue_certificate_authority_certificate(ca_id, &body), errors, now_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::with_data::unmarked;

    const NOW: i64 = 1_764_000_000_000;

    fn ca(id: &str, kind: &str, status: &str, path: i64, not_after: i64) -> CertificateAuthority {
        serde_json::from_value(serde_json::json!({
            "ca_id": id, "type": kind, "status": status, "path_length": path, "not_after": not_after,
            "distinguished_name": {"common_name": id}
        }))
        .unwrap()
    }

    fn cas() -> Vec<CertificateAuthority> {
        vec![
            ca("11111111-1111-4111-8111-111111111111", "ROOT", "ACTIVED", 7, NOW + 3650 * DAY_MS),
            ca("22222222-2222-4222-8222-222222222222", "SUBORDINATE", "ACTIVED", 1, NOW + 400 * DAY_MS),
            ca("33333333-3333-4333-8333-333333333333", "SUBORDINATE", "ACTIVED", 0, NOW + 400 * DAY_MS),
            ca("44444444-4444-4444-8444-444444444444", "ROOT", "DISABLED", 7, NOW + 400 * DAY_MS),
        ]
    }

    fn root_draft() -> CaDraft {
        let subject = SubjectDraft {
            common_name: "Acme Root".into(),
            country: "de".into(),
            state: "Berlin".into(),
            locality: "Berlin".into(),
            organization: "Acme".into(),
            organizational_unit: "PKI".into(),
        };
        CaDraft { subject, ..Default::default() }
    }

    fn fields(r: Result<ApiRequest, Vec<ValidationError>>) -> Vec<String> {
        r.err().unwrap_or_default().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_root_draft_becomes_the_request() {
        let req = root_draft().to_request(&cas(), NOW, Locale::en).unwrap();
        let body = req.body.unwrap();
        assert_eq!(body["type"], "ROOT");
        assert_eq!(body["distinguished_name"]["country"], "DE");
        assert_eq!(body["validity"], serde_json::json!({"type": "YEAR", "value": 10}));
        assert_eq!(body["signature_algorithm"], "SHA256");
        assert!(body.get("issuer_id").is_none());
    }

    #[test]
    fn root_validity_is_capped_at_30_years_and_country_is_two_letters() {
        let mut d = root_draft();
        d.validity_value = "31".into();
        d.subject.country = "DEU".into();
        let f = fields(d.to_request(&cas(), NOW, Locale::en));
        assert!(f.contains(&"validity.value".to_owned()) || f.contains(&"validity".to_owned()), "{f:?}");
        assert!(f.contains(&"distinguished_name.country".to_owned()), "{f:?}");
        let mut d = root_draft();
        d.validity_value = "30".into();
        assert!(d.to_request(&cas(), NOW, Locale::en).is_ok());
    }

    #[test]
    fn only_active_issuers_with_room_are_offered() {
        let all = cas();
        let ids: Vec<_> = eligible_issuers(&all).iter().map(|c| c.ca_id.chars().next().unwrap()).collect();
        assert_eq!(ids, vec!['1', '2'], "sorted by name: 1111… and 2222… are their names");
        assert_eq!(max_path_length(&all[0]), 6);
        assert_eq!(max_path_length(&all[1]), 0);
    }

    #[test]
    fn the_picker_names_each_issuer_with_its_room_and_leaves_out_the_ca_itself() {
        let all = cas();
        let root = "11111111-1111-4111-8111-111111111111";
        let options = issuer_options(&all, Some(root), false, Locale::en);
        let sub = "22222222-2222-4222-8222-222222222222";
        assert_eq!(options, vec![(sub.to_owned(), format!("{} (path length 0 left)", marked(sub)))]);
        // The name is data: shown as typed, named in the option's data-untranslated.
        assert_eq!(unmarked(&options[0].1), (format!("{sub} (path length 0 left)"), Some(sub.to_owned())));
        let with_end = issuer_options(&all, None, true, Locale::en);
        assert_eq!(with_end.len(), 2);
        assert!(unmarked(&with_end[0].1).0.starts_with(&format!("{root} (path length 6 left, until ")), "{:?}", with_end[0]);
    }

    #[test]
    fn a_subordinate_signed_now_checks_issuer_path_length_and_validity() {
        let mut d = root_draft();
        d.choice = CaKindChoice::SubordinateNow;
        d.issuer_id = "22222222-2222-4222-8222-222222222222".into();
        d.path_length = "1".into();
        d.validity_value = "2".into();
        let f = fields(d.to_request(&cas(), NOW, Locale::en));
        assert!(f.contains(&"path_length".to_owned()), "{f:?}");
        assert!(f.contains(&"validity.value".to_owned()), "{f:?}");

        d.path_length = "0".into();
        d.validity_value = "1".into();
        let req = d.to_request(&cas(), NOW, Locale::en).unwrap();
        let body = req.body.unwrap();
        assert_eq!(body["issuer_id"], "22222222-2222-4222-8222-222222222222");
        assert_eq!(body["path_length"], 0);

        d.issuer_id = "33333333-3333-4333-8333-333333333333".into();
        assert_eq!(fields(d.to_request(&cas(), NOW, Locale::en)), vec!["issuer_id"]);
    }

    #[test]
    fn a_pending_subordinate_sends_no_issuer_validity_or_signature() {
        let mut d = root_draft();
        d.choice = CaKindChoice::SubordinatePending;
        d.validity_value = String::new();
        let body = d.to_request(&cas(), NOW, Locale::en).unwrap().body.unwrap();
        assert_eq!(body["type"], "SUBORDINATE");
        for absent in ["issuer_id", "validity", "signature_algorithm"] {
            assert!(body.get(absent).is_none(), "{absent}");
        }
    }

    #[test]
    fn start_dates_are_parsed_and_checked() {
        assert_eq!(parse_date("2024-01-15"), Some(1_705_276_800_000));
        assert_eq!(parse_date("15.01.2024"), None);
        let mut d = root_draft();
        d.start_date = "2020-01-01".into();
        let f = fields(d.to_request(&cas(), NOW, Locale::en));
        assert!(f.iter().any(|f| f.starts_with("validity")), "{f:?}");
        d.start_date = "nonsense".into();
        assert!(fields(d.to_request(&cas(), NOW, Locale::en)).contains(&"validity.start_from".to_owned()));
    }

    #[test]
    fn a_pending_subordinate_ignores_the_validity_fields() {
        let mut d = root_draft();
        d.choice = CaKindChoice::SubordinatePending;
        d.key_algorithm = "EC384".into();
        assert!(d.to_request(&cas(), NOW, Locale::en).is_ok(), "{:?}", d.to_request(&cas(), NOW, Locale::en).err());
    }

    #[test]
    fn activation_checks_the_issuer_like_creation() {
        let pending = "55555555-5555-4555-8555-555555555555";
        let mut a = ActivationDraft { issuer_id: "11111111-1111-4111-8111-111111111111".into(), ..Default::default() };
        let req = a.to_request(pending, &cas(), NOW, Locale::en).unwrap();
        assert_eq!(req.path, format!("/v1/private-certificate-authorities/{pending}/activate"));
        assert_eq!(req.body.unwrap()["validity"], serde_json::json!({"type": "YEAR", "value": 5}));
        a.issuer_id = "33333333-3333-4333-8333-333333333333".into();
        assert_eq!(fields(a.to_request(pending, &cas(), NOW, Locale::en)), vec!["issuer_id"]);
        a.issuer_id = "22222222-2222-4222-8222-222222222222".into();
        a.path_length = "1".into();
        let f = fields(a.to_request(pending, &cas(), NOW, Locale::en));
        assert!(f.contains(&"path_length".to_owned()) && f.contains(&"validity.value".to_owned()), "{f:?}");
    }

    #[test]
    fn a_missing_common_name_is_named() {
        let mut d = root_draft();
        d.subject.common_name = "  ".into();
        assert!(fields(d.to_request(&cas(), NOW, Locale::en)).contains(&"distinguished_name.common_name".to_owned()));
    }

    #[test]
    fn key_usages_go_with_a_subordinate_and_must_allow_signing() {
        let mut d = root_draft();
        assert!(d.to_request(&cas(), NOW, Locale::en).unwrap().body.unwrap().get("key_usages").is_none(), "fixed for a root");
        d.choice = CaKindChoice::SubordinatePending;
        let body = d.to_request(&cas(), NOW, Locale::en).unwrap().body.unwrap();
        assert_eq!(body["key_usages"], serde_json::json!(["digitalSignature", "keyCertSign", "cRLSign"]));
        d.key_usages = vec!["digitalSignature".into()];
        assert_eq!(fields(d.to_request(&cas(), NOW, Locale::en)), ["key_usages"]);
    }

    #[test]
    fn a_crl_needs_a_bucket_and_7_to_30_days() {
        let mut d = root_draft();
        d.crl_publish = true;
        d.crl_valid_days = "3".into();
        let f = fields(d.to_request(&cas(), NOW, Locale::en));
        assert!(f.contains(&"crl_configuration.obs_bucket_name".to_owned()), "{f:?}");
        assert!(f.contains(&"crl_configuration.valid_days".to_owned()), "{f:?}");
        d.crl_bucket = "pki-crl".into();
        d.crl_valid_days = "10".into();
        let body = d.to_request(&cas(), NOW, Locale::en).unwrap().body.unwrap();
        assert_eq!(body["crl_configuration"], serde_json::json!({"enabled": true, "obs_bucket_name": "pki-crl", "valid_days": 10}));
        // A CA left pending publishes nothing yet.
        d.choice = CaKindChoice::SubordinatePending;
        assert!(d.to_request(&cas(), NOW, Locale::en).unwrap().body.unwrap().get("crl_configuration").is_none());
    }
}

//! Issuing from a CSR as plain data: the CSR decoded and its signature
//! checked in the browser, the comparison with what the service's parse
//! call read, and the request (issuer, validity, leaf or subordinate CA
//! with a path length). Pure.

use ccm_api::common::{Validity, ValidityType};
use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::pca::certs::{create_certificate_by_csr, CreateCertificateByCsrBody, CsrCertType, ParseCsrResponse};
use ccm_api::validate::ValidationError;
use ccm_api::ApiRequest;
use ccm_pki::decode::CsrInfo;

pub use crate::pki::csr_text::{decode, CsrUnusable};

use super::issuers::{check_within_issuer, find_issuer, read_validity};
use crate::form::draft::finish;
use crate::form::own_problem::OwnProblem;
use crate::i18n::{Locale, td_string};
use crate::pages::pca::cas::create_form::max_path_length;

/// One line of the side-by-side view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareRow {
    pub label: &'static str,
    pub browser: String,
    pub service: String,
}

/// What the browser and the service each read from the CSR.
pub fn compare(local: &CsrInfo, service: &ParseCsrResponse, l: Locale) -> Vec<CompareRow> {
    let none = || "—".to_owned();
    let service_bits = service.key_algorithm_length.as_ref().and_then(|l| l.as_i64());
    vec![
        CompareRow {
            label: td_string!(l, pca.cmp_subject),
            browser: local.subject.clone(),
            service: service.distinguished_name.as_ref().map(|d| d.display()).unwrap_or_else(none),
        },
        CompareRow {
            label: td_string!(l, pca.key_algorithm),
            browser: local.public_key.algorithm.clone(),
            service: service.key_algorithm.clone().unwrap_or_else(none),
        },
        CompareRow {
            label: td_string!(l, pca.cmp_key_size),
            browser: local.public_key.bits.map(|b| b.to_string()).unwrap_or_else(none),
            service: service_bits.map(|b| b.to_string()).unwrap_or_else(none),
        },
        CompareRow {
            label: td_string!(l, pca.signature_algorithm),
            browser: local.signature_algorithm.clone(),
            service: service.signature_algorithm.clone().unwrap_or_else(none),
        },
        CompareRow {
            label: td_string!(l, pca.cmp_signature),
            browser: if local.signature_valid { td_string!(l, pca.cmp_verifies) } else { td_string!(l, pca.cmp_not_verifies) }.to_owned(),
            service: td_string!(l, pca.cmp_accepted).to_owned(),
        },
        CompareRow {
            label: td_string!(l, pca.cmp_requested_names),
            browser: if local.subject_alt_names.is_empty() {
                td_string!(l, pca.cmp_none).to_owned()
            } else {
                local.subject_alt_names.iter().map(|s| format!("{}:{}", s.kind(), s.value())).collect::<Vec<_>>().join(", ")
            },
            service: td_string!(l, pca.cmp_not_returned).to_owned(),
        },
    ]
}

/// The form's fields as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsrDraft {
    pub csr: String,
    pub issuer_id: String,
    pub validity_type: String,
    pub validity_value: String,
    /// `ENTITY_CERT` or `INTERMEDIATE_CA`.
    pub kind: String,
    pub path_length: String,
}

impl Default for CsrDraft {
    fn default() -> Self {
        CsrDraft {
            csr: String::new(),
            issuer_id: String::new(),
            validity_type: "DAY".into(),
            validity_value: "365".into(),
            kind: CsrCertType::EntityCert.as_str().to_owned(),
            path_length: "0".into(),
        }
    }
}

impl CsrDraft {
    pub fn is_ca(&self) -> bool {
        self.kind == CsrCertType::IntermediateCa.as_str()
    }

    /// The request to send, or every problem by wire field path.
    pub fn to_request(&self, cas: &[CertificateAuthority], now_ms: i64, l: Locale) -> Result<ApiRequest, Vec<ValidationError>> {
        let mut errors = Vec::new();
        if let Err(why) = decode(&self.csr) {
            errors.push(ValidationError::new("csr", why.words(l)));
        }
        let issuer = find_issuer(cas, &self.issuer_id);
        if issuer.is_none() {
            errors.push(OwnProblem::PickActiveCa.at("issuer_id", l));
        }
        let (kind, value) = read_validity(&self.validity_type, &self.validity_value, &mut errors, l);
        if let Some(issuer) = issuer {
            check_within_issuer(issuer, now_ms, &kind, value, &mut errors, l);
        }
        let path_length = if self.is_ca() {
            match self.path_length.trim().parse::<i64>() {
                Ok(p) => {
                    if let Some(issuer) = issuer {
                        check_room(issuer, p, &mut errors, l);
                    }
                    Some(p)
                }
                Err(_) => {
                    errors.push(OwnProblem::PathLengthNumber.at("path_length", l));
                    None
                }
            }
        } else {
            None
        };
        let body = CreateCertificateByCsrBody {
            issuer_id: self.issuer_id.clone(),
            csr: self.csr.trim().to_owned(),
            validity: Validity { kind: ValidityType::from_wire(kind.as_str()), value, start_from: None },
            kind: Some(CsrCertType::from_wire(&self.kind)),
            path_length,
            subject_alternative_names: None,
            enterprise_project_id: None,
        };
        finish(create_certificate_by_csr(&body), errors, now_ms)
    }
}

/// A subordinate CA needs an issuer with path length to spare.
fn check_room(issuer: &CertificateAuthority, path_length: i64, errors: &mut Vec<ValidationError>, l: Locale) {
    let issuer_name = issuer.distinguished_name.common_name.clone();
    if !issuer.is_root() && issuer.path_length.unwrap_or(0) == 0 {
        errors.push(OwnProblem::IssuerSignsLeavesOnly { issuer: issuer_name }.at("path_length", l));
    } else if path_length > max_path_length(issuer) {
        errors.push(OwnProblem::PathLengthAtMost { max: max_path_length(issuer), issuer: issuer_name }.at("path_length", l));
    }
}

#[cfg(test)]
mod tests {
    use super::super::issuers::tests::{cas, ISSUING, LEAF_ONLY, NOW, ROOT};
    use super::*;
    use crate::pki::csr_text::key_text;
    use serde_json::json;

    /// `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -subj "/CN=csr.example.com/O=Example Corp"
    /// -addext "subjectAltName=DNS:csr.example.com,IP:192.0.2.7"`
    const CSR: &str = "-----BEGIN CERTIFICATE REQUEST-----
MIIBHjCBxgIBADAxMRgwFgYDVQQDDA9jc3IuZXhhbXBsZS5jb20xFTATBgNVBAoM
DEV4YW1wbGUgQ29ycDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABIzxGF3Aw/zp
snG8zBOIKcQ9zjSCBP3Q0O2RR2R1KA3ZKqFqjjp7V5WIkkGka1SXlFJ/7mFEBe75
kdi6CXa7qJugMzAxBgkqhkiG9w0BCQ4xJDAiMCAGA1UdEQQZMBeCD2Nzci5leGFt
cGxlLmNvbYcEwAACBzAKBggqhkjOPQQDAgNHADBEAiBtHxiY7eL5bDVoCuSXQbdh
CFN3WiYFr4I8zS47I2tWkQIgKQGL2gURnKXJUWk6zOQgrG0kUn/26XbEsIblBYIX
ZCM=
-----END CERTIFICATE REQUEST-----
";

    fn draft() -> CsrDraft {
        CsrDraft { csr: CSR.into(), issuer_id: ROOT.into(), ..Default::default() }
    }

    fn fields(r: Result<ApiRequest, Vec<ValidationError>>) -> Vec<String> {
        r.err().unwrap_or_default().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn the_browser_reads_subject_key_and_names() {
        let info = decode(CSR).unwrap();
        assert_eq!(key_text(&info), "EC P-256");
        let service = ParseCsrResponse {
            key_algorithm: Some("EC".into()),
            key_algorithm_length: Some(ccm_api::common::LooseInt::Int(256)),
            signature_algorithm: Some("SHA256withECDSA".into()),
            public_key: None,
            distinguished_name: Some(ccm_api::common::DistinguishedName {
                organization: Some("Example Corp".into()),
                ..ccm_api::common::DistinguishedName::common_name("csr.example.com")
            }),
        };
        let rows = compare(&info, &service, Locale::en);
        assert_eq!(rows[2], CompareRow { label: "Key size (bits)", browser: "256".into(), service: "256".into() });
        assert!(rows[0].browser.contains("csr.example.com") && rows[0].service.contains("O=Example Corp"));
        assert_eq!(rows[5].browser, "DNS:csr.example.com, IP:192.0.2.7");
    }

    #[test]
    fn a_tampered_or_empty_csr_is_refused() {
        let tampered = CSR.replace("DEV4YW1w", "DEV4YW1x");
        assert!(decode(&tampered).is_err());
        assert_eq!(decode("  ").unwrap_err(), CsrUnusable::Empty);
        assert_eq!(decode(&tampered).unwrap_err(), CsrUnusable::BadSignature);
        for unusable in [CsrUnusable::Empty, CsrUnusable::BadSignature, CsrUnusable::Unreadable("bad base64".into())] {
            assert_ne!(unusable.words(Locale::en), unusable.words(Locale::zh_CN));
        }
        assert!(CsrUnusable::Unreadable("bad base64".into()).words(Locale::zh_CN).contains("`bad base64`"));
        assert!(decode("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----").is_err());
    }

    #[test]
    fn a_leaf_request_carries_no_path_length() {
        let body = draft().to_request(&cas(), NOW, Locale::en).unwrap().body.unwrap();
        assert_eq!(body["type"], "ENTITY_CERT");
        assert_eq!(body["validity"], json!({"type": "DAY", "value": 365}));
        assert!(body.get("path_length").is_none());
        assert!(body["csr"].as_str().unwrap().starts_with("-----BEGIN CERTIFICATE REQUEST-----"));
    }

    #[test]
    fn a_subordinate_ca_needs_room_under_its_issuer() {
        let mut d = draft();
        d.kind = "INTERMEDIATE_CA".into();
        d.path_length = "2".into();
        assert_eq!(d.to_request(&cas(), NOW, Locale::en).unwrap().body.unwrap()["path_length"], 2);
        d.issuer_id = ISSUING.into();
        assert_eq!(fields(d.to_request(&cas(), NOW, Locale::en)), ["path_length"]);
        d.issuer_id = LEAF_ONLY.into();
        d.path_length = "0".into();
        let errors = d.to_request(&cas(), NOW, Locale::en).unwrap_err();
        assert!(errors[0].message.contains("signs only end-entity certificates"));
        d.issuer_id = ROOT.into();
        d.path_length = "7".into();
        assert_eq!(fields(d.to_request(&cas(), NOW, Locale::en)), ["path_length"]);
    }

    #[test]
    fn bad_inputs_are_named_by_field() {
        let d = CsrDraft { csr: "hello".into(), validity_value: "x".into(), ..Default::default() };
        let f = fields(d.to_request(&cas(), NOW, Locale::en));
        assert_eq!(f, ["csr", "issuer_id", "validity.value"]);
        let mut d = draft();
        d.validity_type = "YEAR".into();
        d.validity_value = "21".into();
        assert_eq!(fields(d.to_request(&cas(), NOW, Locale::en)), ["validity.value"]);
    }
}

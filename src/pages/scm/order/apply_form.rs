//! The application for an ordered certificate as plain data: the names,
//! where the key comes from (a pasted CSR, one from the CSR manager, or a
//! key the service generates and keeps), the validation method and the
//! contacts. Turned into the exact request with the contract's checks and
//! the few this form knows more about (consent, the organisation of an OV
//! or EV certificate, a CSR that covers the domain). Pure.

use crate::i18n::{td_string, Locale};
use ccm_api::scm::{apply_certificate, ApplyCertificateBody, PrivateKeyAlgo, ScmCertType, ValidationMethod};
use ccm_api::validate::{validate_request, Context, ValidationError};
use ccm_api::ApiRequest;

use crate::pages::scm::csr::forms::join_names;

/// Where the certificate's key comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySource {
    /// The service generates the key and keeps it.
    Service,
    /// A CSR pasted or read from a file.
    Paste,
    /// A CSR kept in the CSR manager.
    Manager,
}

impl KeySource {
    pub const ALL: [KeySource; 3] = [KeySource::Service, KeySource::Manager, KeySource::Paste];

    pub fn label(self, l: Locale) -> &'static str {
        match self {
            KeySource::Service => td_string!(l, scm.key_service),
            KeySource::Manager => td_string!(l, scm.key_manager),
            KeySource::Paste => td_string!(l, scm.key_paste),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyDraft {
    pub cert_id: String,
    pub domain: String,
    pub sans: String,
    pub key_source: KeySource,
    pub key_algorithm: String,
    pub csr: String,
    pub csr_id: String,
    pub domain_method: String,
    pub company_name: String,
    pub company_unit: String,
    pub company_province: String,
    pub company_city: String,
    pub country: String,
    pub applicant_name: String,
    pub applicant_phone: String,
    pub applicant_email: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub agree_privacy: bool,
}

impl Default for ApplyDraft {
    fn default() -> Self {
        ApplyDraft {
            cert_id: String::new(),
            domain: String::new(),
            sans: String::new(),
            key_source: KeySource::Service,
            key_algorithm: PrivateKeyAlgo::Rsa2048.as_str().to_owned(),
            csr: String::new(),
            csr_id: String::new(),
            domain_method: ValidationMethod::Dns.as_str().to_owned(),
            company_name: String::new(),
            company_unit: String::new(),
            company_province: String::new(),
            company_city: String::new(),
            country: String::new(),
            applicant_name: String::new(),
            applicant_phone: String::new(),
            applicant_email: String::new(),
            contact_name: String::new(),
            contact_phone: String::new(),
            contact_email: String::new(),
            agree_privacy: false,
        }
    }
}

fn opt(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// What the page knows besides the draft: the ordered certificate's type
/// and, for a CSR from the manager, its PEM once loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplyContext {
    pub cert_type: Option<ScmCertType>,
    pub manager_csr: Option<String>,
    /// The language of the form's own messages.
    pub locale: Locale,
}

/// OV and EV certificates name the organisation, checked by the CA.
pub fn needs_organisation(kind: Option<&ScmCertType>) -> bool {
    matches!(kind, Some(ScmCertType::OvSslCert | ScmCertType::OvSslCertPro | ScmCertType::EvSslCert | ScmCertType::EvSslCertPro))
}

/// The organisation fields an OV or EV application must fill.
pub const ORGANISATION_FIELDS: [&str; 4] = ["company_name", "country", "company_province", "company_city"];

impl ApplyDraft {
    pub fn body(&self, ctx: &ApplyContext) -> ApplyCertificateBody {
        let (csr, key_algorithm) = match self.key_source {
            KeySource::Service => (None, Some(PrivateKeyAlgo::from_wire(&self.key_algorithm))),
            KeySource::Paste => (opt(&self.csr), None),
            KeySource::Manager => (ctx.manager_csr.as_deref().and_then(opt), None),
        };
        ApplyCertificateBody {
            domain: self.domain.trim().to_owned(),
            sans: join_names(&self.sans),
            csr,
            company_name: opt(&self.company_name),
            company_unit: opt(&self.company_unit),
            company_province: opt(&self.company_province),
            company_city: opt(&self.company_city),
            country: opt(&self.country).map(|c| c.to_ascii_uppercase()),
            applicant_name: opt(&self.applicant_name),
            applicant_phone: opt(&self.applicant_phone),
            applicant_email: opt(&self.applicant_email),
            contact_name: opt(&self.contact_name),
            contact_phone: opt(&self.contact_phone),
            contact_email: opt(&self.contact_email),
            auto_dns_auth: None,
            agree_privacy_protection: self.agree_privacy,
            domain_method: Some(ValidationMethod::from_wire(&self.domain_method)),
            key_algorithm,
            ca_hash_algorithm: None,
        }
    }

    pub fn to_request(&self, ctx: &ApplyContext) -> Result<ApiRequest, Vec<ValidationError>> {
        let body = self.body(ctx);
        let mut problems = Vec::new();
        if self.cert_id.trim().is_empty() {
            problems.push(ValidationError::new("certificate_id", td_string!(ctx.locale, scm.v_choose_ordered)));
        }
        match self.key_source {
            KeySource::Paste if body.csr.is_none() => problems.push(ValidationError::new("csr", td_string!(ctx.locale, scm.v_paste_csr))),
            KeySource::Manager if self.csr_id.is_empty() => problems.push(ValidationError::new("csr_id", td_string!(ctx.locale, scm.v_choose_csr))),
            KeySource::Manager if body.csr.is_none() => problems.push(ValidationError::new("csr_id", td_string!(ctx.locale, scm.v_csr_loading))),
            _ => {}
        }
        if !self.agree_privacy {
            problems.push(ValidationError::new("agree_privacy_protection", td_string!(ctx.locale, scm.v_agree_apply)));
        }
        if needs_organisation(ctx.cert_type.as_ref()) {
            let values = [&body.company_name, &body.country, &body.company_province, &body.company_city];
            for (field, v) in ORGANISATION_FIELDS.iter().zip(values) {
                if v.is_none() {
                    problems.push(ValidationError::new(*field, td_string!(ctx.locale, scm.v_org_required)));
                }
            }
        }
        let req = apply_certificate(self.cert_id.trim(), &body);
        let mut contract = validate_request(&req, &Context { now_millis: 0 });
        // An empty id is said once, in the form's words.
        contract.retain(|e| !(e.field == "certificate_id" && self.cert_id.trim().is_empty()));
        let named: Vec<String> = contract.iter().map(|p| p.field.clone()).collect();
        problems.retain(|p| !named.contains(&p.field));
        problems.extend(contract);
        if problems.is_empty() {
            Ok(req)
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CERT: &str = "scs1554192131150";

    /// The fields with a problem, sorted (the contract's and the form's
    /// own come in their own orders).
    fn fields(r: Result<ApiRequest, Vec<ValidationError>>) -> Vec<String> {
        let mut f: Vec<String> = r.err().unwrap_or_default().into_iter().map(|e| e.field).collect();
        f.sort();
        f
    }

    fn draft() -> ApplyDraft {
        ApplyDraft { cert_id: CERT.into(), domain: "shop.example.com".into(), agree_privacy: true, ..Default::default() }
    }

    /// `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -subj "/CN=csr.example.com/O=Example Corp"`
    /// (the private-certificate tests' CSR).
    const CSR: &str = "-----BEGIN CERTIFICATE REQUEST-----
MIIBHjCBxgIBADAxMRgwFgYDVQQDDA9jc3IuZXhhbXBsZS5jb20xFTATBgNVBAoM
DEV4YW1wbGUgQ29ycDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABIzxGF3Aw/zp
snG8zBOIKcQ9zjSCBP3Q0O2RR2R1KA3ZKqFqjjp7V5WIkkGka1SXlFJ/7mFEBe75
kdi6CXa7qJugMzAxBgkqhkiG9w0BCQ4xJDAiMCAGA1UdEQQZMBeCD2Nzci5leGFt
cGxlLmNvbYcEwAACBzAKBggqhkjOPQQDAgNHADBEAiBtHxiY7eL5bDVoCuSXQbdh
CFN3WiYFr4I8zS47I2tWkQIgKQGL2gURnKXJUWk6zOQgrG0kUn/26XbEsIblBYIX
ZCM=
-----END CERTIFICATE REQUEST-----";

    #[test]
    fn a_service_key_application_sends_the_algorithm_and_no_csr() {
        let req = draft().to_request(&ApplyContext::default()).unwrap();
        assert_eq!(req.path, format!("/v3/scm/certificates/{CERT}/apply"));
        let b = req.body.unwrap();
        assert_eq!((b["key_algorithm"].as_str(), b["domain_method"].as_str()), (Some("RSA_2048"), Some("DNS")));
        assert!(b.get("csr").is_none() && b.get("sans").is_none());
    }

    #[test]
    fn a_csr_comes_pasted_or_from_the_manager() {
        let pasted = ApplyDraft { key_source: KeySource::Paste, csr: CSR.into(), domain: "csr.example.com".into(), ..draft() };
        let b = pasted.to_request(&ApplyContext::default()).unwrap().body.unwrap();
        assert!(b["csr"].as_str().unwrap().starts_with("-----BEGIN CERTIFICATE REQUEST-----"));
        assert!(b.get("key_algorithm").is_none());
        assert_eq!(fields(ApplyDraft { csr: String::new(), ..pasted.clone() }.to_request(&ApplyContext::default())), ["csr"]);
        let manager = ApplyDraft { key_source: KeySource::Manager, csr_id: "csr-1".into(), ..pasted };
        assert_eq!(fields(manager.to_request(&ApplyContext::default())), ["csr_id"]);
        let ctx = ApplyContext { manager_csr: Some(CSR.into()), ..Default::default() };
        assert!(manager.to_request(&ctx).unwrap().body.unwrap()["csr"].is_string());
        assert_eq!(fields(ApplyDraft { csr_id: String::new(), ..manager }.to_request(&ctx)), ["csr_id"]);
    }

    #[test]
    fn consent_certificate_and_domain_are_needed() {
        let empty = ApplyDraft::default().to_request(&ApplyContext::default());
        assert_eq!(fields(empty), ["agree_privacy_protection", "certificate_id", "domain"]);
        assert_eq!(fields(ApplyDraft { domain: "not a domain".into(), ..draft() }.to_request(&ApplyContext::default())), ["domain"]);
    }

    #[test]
    fn contacts_and_names_are_checked_against_the_contract() {
        let bad = ApplyDraft { applicant_email: "nobody".into(), country: "Germany".into(), ..draft() };
        let f = fields(bad.to_request(&ApplyContext::default()));
        assert!(f.contains(&"applicant_email".to_owned()) && f.contains(&"country".to_owned()), "{f:?}");
        let sans = ApplyDraft { sans: "a.example.com, b.example.com".into(), ..draft() };
        assert_eq!(sans.to_request(&ApplyContext::default()).unwrap().body.unwrap()["sans"], "a.example.com;b.example.com");
        let ok = ApplyDraft { applicant_email: "ops@example.com".into(), country: "de".into(), ..draft() };
        assert_eq!(ok.to_request(&ApplyContext::default()).unwrap().body.unwrap()["country"], "DE");
        for method in ["FILE", "EMAIL"] {
            let b = ApplyDraft { domain_method: method.into(), ..draft() }.to_request(&ApplyContext::default()).unwrap().body.unwrap();
            assert_eq!(b["domain_method"], method);
        }
    }

    #[test]
    fn ov_and_ev_name_the_organisation() {
        let ov = ApplyContext { cert_type: Some(ScmCertType::OvSslCert), ..Default::default() };
        assert_eq!(fields(draft().to_request(&ov)), ["company_city", "company_name", "company_province", "country"]);
        let filled = ApplyDraft {
            company_name: "Acme".into(),
            country: "DE".into(),
            company_province: "Berlin".into(),
            company_city: "Berlin".into(),
            ..draft()
        };
        assert!(filled.to_request(&ov).is_ok());
        assert!(!needs_organisation(Some(&ScmCertType::DvSslCert)) && !needs_organisation(None));
    }
}

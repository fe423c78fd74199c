//! The CSR manager's two forms as plain data: "create" (the service makes
//! the key and keeps it) and "upload" (a CSR made elsewhere, with its key
//! when the service should keep it). Each turns into the exact request,
//! checked with the contract's rules. Pure.

use ccm_api::scm::{create_csr, upload_csr, CreateCsrBody, CsrUsage, PrivateKeyAlgo, UploadCsrBody};
use ccm_api::validate::{validate_request, Context, ValidationError};
use ccm_api::ApiRequest;

use crate::i18n::{td_string, Locale};

/// Additional names as typed (one per line, or separated by commas,
/// semicolons or spaces) in the `;`-separated form the service keeps.
pub fn join_names(text: &str) -> Option<String> {
    let names: Vec<&str> = text.split([',', ';', '\n', ' ', '\t']).map(str::trim).filter(|s| !s.is_empty()).collect();
    (!names.is_empty()).then(|| names.join(";"))
}

fn opt(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// The contract's problems with `req`, then the form's own `extra` ones for
/// fields the contract did not already name.
pub fn checked(req: ApiRequest, extra: Vec<ValidationError>) -> Result<ApiRequest, Vec<ValidationError>> {
    let mut problems = validate_request(&req, &Context { now_millis: 0 });
    let named: Vec<String> = problems.iter().map(|p| p.field.clone()).collect();
    problems.extend(extra.into_iter().filter(|e| !named.contains(&e.field)));
    if problems.is_empty() {
        Ok(req)
    } else {
        Err(problems)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateCsrDraft {
    pub name: String,
    pub domain_name: String,
    pub sans: String,
    pub private_key_algo: String,
    pub usage: String,
    pub company_country: String,
    pub company_province: String,
    pub company_city: String,
    pub company_name: String,
}

impl Default for CreateCsrDraft {
    fn default() -> Self {
        CreateCsrDraft {
            name: String::new(),
            domain_name: String::new(),
            sans: String::new(),
            private_key_algo: PrivateKeyAlgo::Rsa2048.as_str().to_owned(),
            usage: CsrUsage::Personal.as_str().to_owned(),
            company_country: String::new(),
            company_province: String::new(),
            company_city: String::new(),
            company_name: String::new(),
        }
    }
}

impl CreateCsrDraft {
    pub fn to_request(&self) -> Result<ApiRequest, Vec<ValidationError>> {
        let body = CreateCsrBody {
            name: self.name.trim().to_owned(),
            domain_name: self.domain_name.trim().to_owned(),
            sans: join_names(&self.sans),
            private_key_algo: PrivateKeyAlgo::from_wire(&self.private_key_algo),
            usage: CsrUsage::from_wire(&self.usage),
            company_country: opt(&self.company_country),
            company_province: opt(&self.company_province),
            company_city: opt(&self.company_city),
            company_name: opt(&self.company_name),
        };
        // The contract also asks an enterprise CSR for the company fields.
        checked(create_csr(&body), Vec::new())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UploadCsrDraft {
    pub name: String,
    pub csr: String,
    pub private_key: String,
}

impl UploadCsrDraft {
    pub fn to_request(&self, l: Locale) -> Result<ApiRequest, Vec<ValidationError>> {
        let body = UploadCsrBody {
            name: self.name.trim().to_owned(),
            csr: self.csr.trim().to_owned(),
            private_key: opt(&self.private_key),
        };
        let mut extra = Vec::new();
        // The request must be readable and signed by its own key; a key
        // sent along must be the one the CSR carries.
        match ccm_pki::decode::decode_csr_verified(body.csr.as_bytes()) {
            Err(_) if body.csr.is_empty() => {}
            Err(e) => extra.push(ValidationError::new("csr", &td_string!(l, scm.v_csr_invalid, error = e.to_string()))),
            Ok(info) => {
                if let Some(key) = &body.private_key {
                    match ccm_pki::parse_private_key(key.as_bytes()) {
                        Ok(k) if k.matches_public_key_der(&info.public_key.spki_der) => {}
                        Ok(_) => extra.push(ValidationError::new("private_key", td_string!(l, scm.v_key_not_csr))),
                        Err(e) => extra.push(ValidationError::new("private_key", &td_string!(l, scm.v_key_unreadable, error = e.to_string()))),
                    }
                }
            }
        }
        checked(upload_csr(&body), extra)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ccm_pki::{build_csr, generate_key, DistinguishedName, KeyAlgorithm, SignatureHash, SubjectAltName};

    fn fields(r: Result<ApiRequest, Vec<ValidationError>>) -> Vec<String> {
        r.err().unwrap_or_default().into_iter().map(|e| e.field).collect()
    }

    /// A CSR and its key, made here as a user would with openssl.
    fn csr_and_key() -> (String, String) {
        let key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let dn = DistinguishedName { common_name: "upload.example.com".into(), ..Default::default() };
        let der = build_csr(&dn, &[SubjectAltName::Dns("upload.example.com".into())], &key, SignatureHash::Sha256).unwrap();
        let pem = ccm_pki::pem::encode_pem("CERTIFICATE REQUEST", &der);
        (pem, key.to_pkcs8_pem().unwrap().to_string())
    }

    fn create() -> CreateCsrDraft {
        CreateCsrDraft { name: "web".into(), domain_name: "www.example.com".into(), ..Default::default() }
    }

    #[test]
    fn names_are_joined_with_semicolons() {
        assert_eq!(join_names(" a.example.com,b.example.com\nc.example.com ; "), Some("a.example.com;b.example.com;c.example.com".into()));
        assert_eq!(join_names("  \n "), None);
    }

    #[test]
    fn a_personal_csr_needs_only_name_and_domain() {
        let body = create().to_request().unwrap().body.unwrap();
        assert_eq!(
            body,
            serde_json::json!({"name":"web","domain_name":"www.example.com","private_key_algo":"RSA_2048","usage":"PERSONAL"})
        );
        let with_sans = CreateCsrDraft { sans: "a.example.com b.example.com".into(), private_key_algo: "EC_P384".into(), ..create() };
        let body = with_sans.to_request().unwrap().body.unwrap();
        assert_eq!((body["sans"].as_str(), body["private_key_algo"].as_str()), (Some("a.example.com;b.example.com"), Some("EC_P384")));
    }

    #[test]
    fn limits_and_the_enterprise_fields_are_checked() {
        assert_eq!(fields(CreateCsrDraft::default().to_request()), ["name", "domain_name"]);
        // 63 characters pass, 64 do not.
        assert!(CreateCsrDraft { name: "n".repeat(63), ..create() }.to_request().is_ok());
        assert_eq!(fields(CreateCsrDraft { name: "n".repeat(64), ..create() }.to_request()), ["name"]);
        assert_eq!(fields(CreateCsrDraft { domain_name: "not a domain".into(), ..create() }.to_request()), ["domain_name"]);
        let enterprise = CreateCsrDraft { usage: "ENTERPRISE".into(), company_country: "DE".into(), ..create() };
        assert_eq!(fields(enterprise.to_request()), ["company_province", "company_city", "company_name"]);
        let full = CreateCsrDraft {
            company_province: "Berlin".into(),
            company_city: "Berlin".into(),
            company_name: "Acme".into(),
            ..enterprise
        };
        assert!(full.to_request().is_ok());
        assert_eq!(fields(CreateCsrDraft { company_country: "Germany".into(), ..full }.to_request()), ["company_country"]);
    }

    #[test]
    fn an_upload_is_checked_in_the_browser_first() {
        let (csr, key) = csr_and_key();
        let ok = UploadCsrDraft { name: "uploaded".into(), csr: csr.clone(), private_key: String::new() };
        assert!(ok.to_request(Locale::en).unwrap().body.unwrap().get("private_key").is_none());
        let with_key = UploadCsrDraft { private_key: key, ..ok.clone() };
        assert!(with_key.to_request(Locale::en).unwrap().body.unwrap()["private_key"].as_str().unwrap().contains("PRIVATE KEY"));
        let (_, other_key) = csr_and_key();
        assert_eq!(fields(UploadCsrDraft { private_key: other_key, ..ok.clone() }.to_request(Locale::en)), ["private_key"]);
        // One character of the signed part changed: the signature no longer verifies.
        let mut lines: Vec<String> = csr.lines().map(str::to_owned).collect();
        let c = lines[2].remove(10);
        lines[2].insert(10, if c == 'A' { 'B' } else { 'A' });
        let tampered = lines.join("\n");
        assert!(fields(UploadCsrDraft { csr: tampered, ..ok.clone() }.to_request(Locale::en)).contains(&"csr".to_owned()));
        assert_eq!(fields(UploadCsrDraft::default().to_request(Locale::en))[0], "name");
    }
}

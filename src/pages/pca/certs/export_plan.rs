//! What an export asks the service for and what the browser makes of the
//! answer. Compressed: the service's ZIP, downloaded as it comes.
//! Uncompressed: the PEM texts, offered one by one and as a ZIP built in
//! the browser; IIS and TOMCAT exist only as archives at the service, so
//! for them the PEMs are fetched and a PKCS#12 file is built here with the
//! given password. Pure.

use ccm_api::pca::certs::{export_certificate, ExportCertificateBody, ExportCertificateResponse, ExportType};
use ccm_api::validate::{validate_request, Context, ValidationError};
use ccm_api::ApiRequest;

use crate::form::message::code_mark;
use crate::form::own_problem::OwnProblem;
use crate::i18n::{td_string, Locale};

/// The dialog's choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportChoice {
    pub server: ExportType,
    pub compressed: bool,
    /// Encrypts the exported key; for a PKCS#12 built here, its password.
    pub password: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExportPlan {
    /// The service's ZIP.
    Archive(ApiRequest),
    /// The PEM texts; `pkcs12` when the browser builds a `.p12` from them.
    Pems { request: ApiRequest, pkcs12: bool },
}

/// Builds the request, or says what is wrong (nothing is sent then).
pub fn plan(certificate_id: &str, choice: &ExportChoice, l: Locale) -> Result<ExportPlan, Vec<ValidationError>> {
    let server = choice.server.normalized();
    let builds_pkcs12 = !choice.compressed && server.needs_archive();
    let mut errors = Vec::new();
    if builds_pkcs12 && choice.password.is_empty() {
        errors.push(OwnProblem::Pkcs12NeedsPassword.at("password", l));
    }
    // The service makes IIS/TOMCAT files only inside a ZIP; the PEMs come as OTHER.
    let kind = if builds_pkcs12 { ExportType::Pem } else { server };
    let mut body = ExportCertificateBody::new(kind, choice.compressed);
    body.password = (!choice.password.is_empty()).then(|| choice.password.clone());
    let request = export_certificate(certificate_id, &body);
    errors.extend(validate_request(&request, &Context { now_millis: 0 }));
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(if choice.compressed { ExportPlan::Archive(request) } else { ExportPlan::Pems { request, pkcs12: builds_pkcs12 } })
}

/// The ZIP's name: the service's `Content-Disposition` file name when it
/// sends one, else `{name}_{type}.zip` as the service names it.
pub fn archive_name(content_disposition: Option<&str>, certificate_name: &str, server: &ExportType) -> String {
    content_disposition
        .and_then(disposition_file_name)
        .unwrap_or_else(|| server.archive_name(&file_base(certificate_name)))
}

/// `attachment; filename="a.zip"` → `a.zip`, without any directory part.
fn disposition_file_name(header: &str) -> Option<String> {
    let value = header.split(';').map(str::trim).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("filename").then(|| v.trim().trim_matches('"').to_owned())
    })?;
    let name = value.rsplit(['/', '\\']).next().unwrap_or_default().trim().to_owned();
    (!name.is_empty() && name != "." && name != "..").then_some(name)
}

/// A certificate name made safe as a file name.
pub fn file_base(name: &str) -> String {
    crate::components::download::safe_file_stem(name, "certificate")
}

/// One file of an uncompressed export.
#[derive(Clone, PartialEq, Eq)]
pub struct PemFile {
    /// What it is, for the button ("Certificate", "Private key", …).
    pub label: &'static str,
    pub file_name: String,
    pub text: String,
}

/// Names only: a file may hold a private key.
impl std::fmt::Debug for PemFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PemFile({}, {} bytes)", self.file_name, self.text.len())
    }
}

fn unix_lines(text: &str) -> String {
    let mut t = text.replace("\r\n", "\n").trim().to_owned();
    if !t.is_empty() {
        t.push('\n');
    }
    t
}

/// Certificate, chain, full chain and (when there is one) the private key.
pub fn pem_files(certificate_name: &str, answer: &ExportCertificateResponse) -> Vec<PemFile> {
    let base = file_base(certificate_name);
    let certificate = unix_lines(answer.certificate.as_deref().unwrap_or_default());
    let chain = unix_lines(answer.certificate_chain.as_deref().unwrap_or_default());
    let mut files = vec![
        PemFile { label: "Certificate", file_name: format!("{base}.crt.pem"), text: certificate.clone() },
        PemFile { label: "Chain", file_name: format!("{base}.chain.pem"), text: chain.clone() },
        PemFile { label: "Full chain", file_name: format!("{base}.fullchain.pem"), text: format!("{certificate}{chain}") },
    ];
    if let Some(key) = answer.private_key.as_deref().filter(|k| !k.trim().is_empty()) {
        files.push(PemFile { label: "Private key", file_name: format!("{base}.key.pem"), text: unix_lines(key) });
    }
    files
}

/// Name of the ZIP the browser builds from the PEM files.
pub fn pem_zip_name(certificate_name: &str) -> String {
    format!("{}_pem.zip", file_base(certificate_name))
}

pub fn pkcs12_name(certificate_name: &str) -> String {
    format!("{}.p12", file_base(certificate_name))
}

/// A PKCS#12 file from the exported PEMs: the key (decrypted with
/// `password` when the service encrypted it), the certificate and its
/// chain, protected by `password`. A certificate issued from a CSR has no
/// key here; the file then holds the certificates only.
pub fn build_p12(answer: &ExportCertificateResponse, password: &str, friendly_name: &str) -> Result<Vec<u8>, P12Failed> {
    let certificate = ccm_pki::pem::certificates_from_pem(answer.certificate.as_deref().unwrap_or_default())
        .map_err(|e| P12Failed::Certificate(e.to_string()))?
        .into_iter()
        .next()
        .ok_or(P12Failed::NoCertificate)?;
    let chain = match answer.certificate_chain.as_deref().filter(|c| !c.trim().is_empty()) {
        Some(text) => ccm_pki::pem::certificates_from_pem(text).map_err(|e| P12Failed::Chain(e.to_string()))?,
        None => Vec::new(),
    };
    let key = match answer.private_key.as_deref().filter(|k| !k.trim().is_empty()) {
        Some(pem) => Some(ccm_pki::keys::parse_private_key_with_password(pem.as_bytes(), password).map_err(|e| P12Failed::Key(e.to_string()))?),
        None => None,
    };
    ccm_pki::build_pkcs12(key.as_ref(), &certificate, &chain, password, Some(friendly_name)).map_err(|e| P12Failed::Build(e.to_string()))
}

/// Why the browser could not build the `.p12`; details are the decoder's
/// words (data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum P12Failed {
    Certificate(String),
    NoCertificate,
    Chain(String),
    Key(String),
    Build(String),
}

impl P12Failed {
    /// In `l`, the details as code (`form::message`).
    pub fn words(&self, l: Locale) -> String {
        match self {
            P12Failed::Certificate(e) => td_string!(l, pca.p12_cert_unreadable, detail = code_mark(e)).to_string(),
            P12Failed::NoCertificate => td_string!(l, pca.p12_no_certificate).to_string(),
            P12Failed::Chain(e) => td_string!(l, pca.p12_chain_unreadable, detail = code_mark(e)).to_string(),
            P12Failed::Key(e) => td_string!(l, pca.p12_key_unreadable, detail = code_mark(e)).to_string(),
            P12Failed::Build(e) => code_mark(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ccm_api::ResponseKind;
    use serde_json::json;

    const ID: &str = "6434f74f-2d13-4e6a-89eb-93ee313f1a43";

    fn choice(server: ExportType, compressed: bool, password: &str) -> ExportChoice {
        ExportChoice { server, compressed, password: password.into() }
    }

    #[test]
    fn compressed_exports_ask_for_the_service_archive() {
        let ExportPlan::Archive(req) = plan(ID, &choice(ExportType::Tomcat, true, ""), Locale::en).unwrap() else { panic!() };
        assert_eq!(req.response, ResponseKind::Binary);
        assert_eq!(req.body.unwrap(), json!({"is_compressed": "true", "type": "TOMCAT"}));
    }

    #[test]
    fn uncompressed_iis_and_tomcat_fetch_pems_and_need_a_password() {
        let errors = plan(ID, &choice(ExportType::Iis, false, ""), Locale::en).unwrap_err();
        assert_eq!(errors[0].field, "password");
        let ExportPlan::Pems { request, pkcs12 } = plan(ID, &choice(ExportType::Iis, false, "s3cret"), Locale::en).unwrap() else { panic!() };
        assert!(pkcs12);
        assert_eq!(request.body.unwrap(), json!({"is_compressed": "false", "type": "OTHER", "password": "s3cret"}));
        let ExportPlan::Pems { request, pkcs12 } = plan(ID, &choice(ExportType::Nginx, false, ""), Locale::en).unwrap() else { panic!() };
        assert!(!pkcs12);
        assert_eq!(request.body.unwrap(), json!({"is_compressed": "false", "type": "NGINX"}));
    }

    #[test]
    fn passwords_longer_than_32_bytes_are_refused() {
        let errors = plan(ID, &choice(ExportType::Apache, true, &"p".repeat(33)), Locale::en).unwrap_err();
        assert_eq!(errors[0].field, "password");
    }

    #[test]
    fn archive_names_come_from_the_header_or_the_service_rule() {
        assert_eq!(archive_name(Some("attachment; filename=\"web.example.com_nginx.zip\""), "x", &ExportType::Nginx), "web.example.com_nginx.zip");
        assert_eq!(archive_name(Some("attachment; filename=../../evil.zip"), "x", &ExportType::Nginx), "evil.zip");
        assert_eq!(archive_name(Some("attachment"), "web 01", &ExportType::Pem), "web_01_other.zip");
        assert_eq!(archive_name(None, "alice@example.com", &ExportType::Iis), "alice@example.com_iis.zip");
    }

    #[test]
    fn pem_files_include_the_full_chain_and_the_key_only_when_given() {
        let answer = ExportCertificateResponse {
            certificate: Some("-----BEGIN CERTIFICATE-----\r\nA\r\n-----END CERTIFICATE-----".into()),
            certificate_chain: Some("-----BEGIN CERTIFICATE-----\r\nB\r\n-----END CERTIFICATE-----\r\n".into()),
            ..Default::default()
        };
        let files = pem_files("web", &answer);
        assert_eq!(files.iter().map(|f| f.label).collect::<Vec<_>>(), ["Certificate", "Chain", "Full chain"]);
        assert_eq!(files[2].text, "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nB\n-----END CERTIFICATE-----\n");
        let with_key = ExportCertificateResponse { private_key: Some("KEY".into()), ..answer };
        let files = pem_files("web", &with_key);
        assert_eq!((files[3].file_name.as_str(), format!("{:?}", files[3]).contains("KEY")), ("web.key.pem", false));
        assert_eq!((pem_zip_name("a b"), pkcs12_name("..")), ("a_b_pem.zip".to_owned(), "certificate.p12".to_owned()));
    }

    #[test]
    fn a_pkcs12_file_is_built_from_an_encrypted_key_and_checked() {
        use ccm_pki::pem::{encode_pem, LABEL_CERTIFICATE};
        use ccm_pki::{generate_key, issue_certificate, self_signed_certificate, BasicConstraints, DistinguishedName, IssueRequest, KeyAlgorithm};
        let now = 1_800_000_000;
        let mut ca_req = IssueRequest::new(DistinguishedName::new("P12 Root"), now - 60, now + 86_400);
        ca_req.basic_constraints = Some(BasicConstraints { ca: true, path_len: None });
        let ca_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let ca = self_signed_certificate(&ca_req, &ca_key).unwrap();
        let key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let leaf_req = IssueRequest::new(DistinguishedName::new("p12.example"), now - 60, now + 3600);
        let leaf = issue_certificate(&leaf_req, &key.public_key_der().unwrap(), &ca, &ca_key).unwrap();
        let answer = ExportCertificateResponse {
            certificate: Some(encode_pem(LABEL_CERTIFICATE, &leaf)),
            certificate_chain: Some(encode_pem(LABEL_CERTIFICATE, &ca)),
            private_key: Some(key.to_encrypted_pkcs8_pem("pw-123").unwrap().to_string()),
            ..Default::default()
        };
        let p12 = build_p12(&answer, "pw-123", "p12.example").unwrap();
        assert!(p12.len() > 500);
        let wrong = build_p12(&answer, "wrong", "x").unwrap_err();
        assert!(matches!(wrong, P12Failed::Key(_)), "{wrong:?}");
        assert!(wrong.words(Locale::en).starts_with("the exported key cannot be read: `"));
        assert!(wrong.words(Locale::zh_CN).starts_with("无法读取导出的私钥：`"));
        let no_key = ExportCertificateResponse { private_key: None, ..answer };
        assert!(build_p12(&no_key, "pw", "x").is_ok());
    }
}

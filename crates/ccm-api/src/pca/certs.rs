//! Private certificates (chapter 4.2.2): list, apply, issue from a CSR,
//! parse a CSR, details, delete, export and revoke. The quota call is in
//! [`crate::quota`].

use serde::{Deserialize, Serialize};

use crate::common::{
    to_json, wire_enum, CertificateStatus, CustomizedExtension, DistinguishedName, ExtendedKeyUsage, GenMode,
    KeyAlgorithm, KeyUsage, LooseBool, LooseInt, RevocationReason, SignatureAlgorithm, SortDir, SubjectAlternativeName,
    Validity,
};
use crate::endpoints::Service;
use crate::operations::request;
use crate::pca::cas::RevokeBody;
use crate::request::{ApiRequest, ResponseKind};

wire_enum! {
    /// Sort key of the private certificate list.
    CertSortKey {
        CreateTime = "create_time" => "Created",
        CommonName = "common_name" => "Name",
        IssuerName = "issuer_name" => "Issuer",
        NotAfter = "not_after" => "Expiry",
    }
}

wire_enum! {
    /// What a CSR is issued as.
    CsrCertType {
        EntityCert = "ENTITY_CERT" => "Private certificate",
        IntermediateCa = "INTERMEDIATE_CA" => "Subordinate CA (key held elsewhere)",
    }
}

wire_enum! {
    /// Server type an export is packaged for. The reference's example sends
    /// `"other"` in lower case; that value decodes as `Other("other")` and
    /// re-encodes unchanged, and [`ExportType::normalized`] maps it.
    ExportType {
        Apache = "APACHE" => "Apache",
        Nginx = "NGINX" => "Nginx",
        Iis = "IIS" => "IIS (PFX)",
        Tomcat = "TOMCAT" => "Tomcat (JKS)",
        /// PEM files (`OTHER` on the wire).
        Pem = "OTHER" => "PEM files",
    }
}

impl ExportType {
    /// The documented value regardless of case (`"other"` → `Pem`).
    pub fn normalized(&self) -> ExportType {
        match self {
            ExportType::Other(s) => ExportType::from_wire(&s.to_ascii_uppercase()),
            known => known.clone(),
        }
    }

    /// IIS and TOMCAT exist only as a ZIP: their JSON form is undefined.
    pub fn needs_archive(&self) -> bool {
        matches!(self.normalized(), ExportType::Iis | ExportType::Tomcat)
    }

    /// Files in the ZIP the service returns for this type.
    pub fn archive_files(&self) -> &'static [&'static str] {
        match self.normalized() {
            ExportType::Apache => &["server.key", "chain.crt", "server.crt"],
            ExportType::Nginx => &["server.key", "server.crt"],
            ExportType::Iis => &["server.pfx", "keystorePass.txt"],
            ExportType::Tomcat => &["server.jks", "keystorePass.txt"],
            ExportType::Pem => &["server.key", "chain.pem", "server.pem"],
            ExportType::Other(_) => &[],
        }
    }

    /// ZIP name the service gives: `{name}_{type in lower case}.zip`.
    pub fn archive_name(&self, certificate_name: &str) -> String {
        format!("{certificate_name}_{}.zip", self.normalized().as_str().to_ascii_lowercase())
    }
}

/// Query of `GET /v1/private-certificates`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertListQuery {
    pub limit: Option<i64>,
    pub name: Option<String>,
    pub offset: Option<i64>,
    pub status: Option<CertificateStatus>,
    pub sort_key: Option<CertSortKey>,
    pub sort_dir: Option<SortDir>,
}

pub fn list_certificate(q: &CertListQuery) -> ApiRequest {
    let req = request(Service::Ccm, "list_certificate", &[])
        .query("name", q.name.as_ref())
        .query("status", q.status.as_ref())
        .query("sort_key", q.sort_key.as_ref());
    super::paging(req, q.limit, q.offset, q.sort_dir.as_ref())
}

/// Answer of the private certificate list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertListResponse {
    #[serde(default)]
    pub total: i64,
    #[serde(default)]
    pub certificates: Vec<PrivateCertificate>,
}

/// Serial of the SM2 encryption certificate of a dual pair (SDK only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncCertInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enc_serial_number: Option<String>,
}

/// A private certificate as the list and the details return it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateCertificate {
    pub certificate_id: String,
    pub status: CertificateStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_algorithm: Option<KeyAlgorithm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_algorithm: Option<SignatureAlgorithm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeze_flag: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gen_mode: Option<GenMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_after: Option<i64>,
    pub distinguished_name: DistinguishedName,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enc_cert_info: Option<EncCertInfo>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
}

impl PrivateCertificate {
    pub fn is_frozen(&self) -> bool {
        self.freeze_flag.unwrap_or(0) != 0
    }

    /// Issued from a CSR: the service holds no private key to export.
    pub fn has_managed_key(&self) -> bool {
        self.gen_mode != Some(GenMode::Csr)
    }
}

/// Body of `POST /v1/private-certificates`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateCertificateBody {
    pub issuer_id: String,
    pub key_algorithm: KeyAlgorithm,
    pub signature_algorithm: SignatureAlgorithm,
    /// Only `common_name` is required; the rest is inherited from the CA.
    pub distinguished_name: DistinguishedName,
    pub validity: Validity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_usages: Option<Vec<KeyUsage>>,
    /// 0 to 20 entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_alternative_names: Option<Vec<SubjectAlternativeName>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_key_usage: Option<ExtendedKeyUsage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customized_extension: Option<CustomizedExtension>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
}

impl CreateCertificateBody {
    pub fn new(
        issuer_id: &str,
        key_algorithm: KeyAlgorithm,
        signature_algorithm: SignatureAlgorithm,
        distinguished_name: DistinguishedName,
        validity: Validity,
    ) -> Self {
        CreateCertificateBody {
            issuer_id: issuer_id.to_owned(),
            key_algorithm,
            signature_algorithm,
            distinguished_name,
            validity,
            key_usages: None,
            subject_alternative_names: None,
            extended_key_usage: None,
            customized_extension: None,
            enterprise_project_id: None,
        }
    }
}

pub fn create_certificate(body: &CreateCertificateBody) -> ApiRequest {
    request(Service::Ccm, "create_certificate", &[]).json(to_json(body))
}

/// Answer of an issue (by parameters or by CSR). For an `INTERMEDIATE_CA`
/// the id is the new CA's `ca_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateCertificateResponse {
    pub certificate_id: String,
}

/// Body of `POST /v1/private-certificates/csr`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateCertificateByCsrBody {
    pub issuer_id: String,
    /// PEM, at most 5120 characters.
    pub csr: String,
    pub validity: Validity,
    /// `ENTITY_CERT` when left out.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CsrCertType>,
    /// Only for `INTERMEDIATE_CA`, 0 to 6.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_length: Option<i64>,
    /// Reserved: the service ignores it (names come from the CSR).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_alternative_names: Option<Vec<SubjectAlternativeName>>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
}

pub fn create_certificate_by_csr(body: &CreateCertificateByCsrBody) -> ApiRequest {
    request(Service::Ccm, "create_certificate_by_csr", &[]).json(to_json(body))
}

/// Body of `POST /v1/private-certificates/csr/parse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseCsrBody {
    pub csr: String,
}

pub fn parse_certificate_signing_request(csr: &str) -> ApiRequest {
    request(Service::Ccm, "parse_certificate_signing_request", &[]).json(to_json(&ParseCsrBody { csr: csr.to_owned() }))
}

/// What the service reads from a CSR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseCsrResponse {
    /// `RSA`, `EC`, … (the family, not the sized name used elsewhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_algorithm: Option<String>,
    /// Bits. The reference types it as a string, its example and the SDK
    /// as an integer; both are read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_algorithm_length: Option<LooseInt>,
    /// E.g. `SHA256withRSA`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_algorithm: Option<String>,
    /// PEM with `\r\n` line ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distinguished_name: Option<DistinguishedName>,
}

pub fn show_certificate(certificate_id: &str) -> ApiRequest {
    request(Service::Ccm, "show_certificate", &[("certificate_id", certificate_id)])
}

/// 204.
pub fn delete_certificate(certificate_id: &str) -> ApiRequest {
    request(Service::Ccm, "delete_certificate", &[("certificate_id", certificate_id)])
}

/// Body of `POST …/{certificate_id}/export`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportCertificateBody {
    /// The SDK types it as a string and sends `"true"`/`"false"`; the
    /// reference's example and Terraform send a boolean. Both are read.
    pub is_compressed: LooseBool,
    #[serde(rename = "type")]
    pub kind: ExportType,
    /// SDK only: `"true"` to export the SM2 dual-certificate form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_sm_standard: Option<String>,
    /// SDK only: encrypts the exported key; at most 32 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

impl ExportCertificateBody {
    /// The body the SDK would send (flag as a string).
    pub fn new(kind: ExportType, compressed: bool) -> Self {
        ExportCertificateBody { is_compressed: LooseBool::text(compressed), kind, is_sm_standard: None, password: None }
    }

    pub fn compressed(&self) -> bool {
        self.is_compressed.as_bool().unwrap_or(false)
    }
}

/// A compressed export answers with a ZIP, otherwise with JSON.
pub fn export_certificate(certificate_id: &str, body: &ExportCertificateBody) -> ApiRequest {
    let kind = if body.compressed() { ResponseKind::Binary } else { ResponseKind::Json };
    request(Service::Ccm, "export_certificate", &[("certificate_id", certificate_id)]).json(to_json(body)).expect(kind)
}

/// PEM texts of an uncompressed export. A certificate issued from a CSR
/// has no `private_key`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportCertificateResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_chain: Option<String>,
    /// SDK only (SM2 dual certificates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enc_certificate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enc_private_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enc_sm2_enveloped_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_and_enveloped_data: Option<String>,
}

/// Revokes a private certificate; with no reason the body is `{}`. 204.
pub fn revoke_certificate(certificate_id: &str, reason: Option<RevocationReason>) -> ApiRequest {
    request(Service::Ccm, "revoke_certificate", &[("certificate_id", certificate_id)])
        .json(to_json(&RevokeBody::new(reason)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ID: &str = "6434f74f-2d13-4e6a-89eb-93ee313f1a43";

    #[test]
    fn export_kind_follows_the_flag() {
        let zip = export_certificate(ID, &ExportCertificateBody::new(ExportType::Iis, true));
        assert_eq!(zip.response, ResponseKind::Binary);
        assert_eq!(zip.body.unwrap(), json!({"is_compressed": "true", "type": "IIS"}));
        let pem = export_certificate(ID, &ExportCertificateBody::new(ExportType::Pem, false));
        assert_eq!(pem.response, ResponseKind::Json);
        assert_eq!(pem.path, format!("/v1/private-certificates/{ID}/export"));
    }

    #[test]
    fn export_types_are_read_in_any_case() {
        let t = ExportType::from_wire("other");
        assert_eq!(t, ExportType::Other("other".into()));
        assert_eq!(t.normalized(), ExportType::Pem);
        assert_eq!(t.archive_name("test"), "test_other.zip");
        assert_eq!(ExportType::Apache.archive_files(), &["server.key", "chain.crt", "server.crt"]);
        assert!(ExportType::Tomcat.needs_archive());
        assert!(!ExportType::Nginx.needs_archive());
    }

    #[test]
    fn list_and_id_requests() {
        let req = list_certificate(&CertListQuery {
            status: Some(CertificateStatus::Revoked),
            sort_key: Some(CertSortKey::IssuerName),
            offset: Some(20),
            ..Default::default()
        });
        assert_eq!(req.query_string(), "offset=20&sort_key=issuer_name&status=REVOKED");
        assert_eq!(show_certificate(ID).path, format!("/v1/private-certificates/{ID}"));
        assert_eq!(revoke_certificate(ID, None).body_bytes(), b"{}");
        assert_eq!(parse_certificate_signing_request("x").body.unwrap(), json!({"csr": "x"}));
    }
}

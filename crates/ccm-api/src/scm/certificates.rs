//! The certificates themselves: list, import, details, delete, export and
//! push (reference chapter 4.1), plus the per-domain validation records of
//! a certificate being applied for.

use serde::{Deserialize, Serialize};

use crate::common::{to_json, wire_enum, SortDir};
use crate::endpoints::Service;
use crate::operations::request;
use crate::request::ApiRequest;

wire_enum! {
    /// SCM certificate status. `ALL` is only a list filter. The reference
    /// spells one value `CANCLEREVOKING`; the live service also sends
    /// values it does not list (`CHECKING_DOMAIN` in its own example).
    ScmStatus {
        All = "ALL" => "All",
        Paid = "PAID" => "Paid, not yet applied for",
        Issued = "ISSUED" => "Issued",
        Checking = "CHECKING" => "Application under review",
        CancelChecking = "CANCELCHECKING" => "Cancellation under review",
        Unpassed = "UNPASSED" => "Application rejected",
        Expired = "EXPIRED" => "Expired",
        Revoking = "REVOKING" => "Revocation under review",
        CancelRevoking = "CANCLEREVOKING" => "Revocation cancellation under review",
        Revoked = "REVOKED" => "Revoked",
        Upload = "UPLOAD" => "Uploaded (managed)",
        CheckingOrg = "CHECKING_ORG" => "Organisation check pending",
        Issuing = "ISSUING" => "Being issued",
        SupplementChecking = "SUPPLEMENTCHECKING" => "Added domains under review",
        CancelSupplementing = "CANCELSUPPLEMENTING" => "Cancellation of added domains under review",
    }
}

wire_enum! {
    /// Product type of an SSL certificate.
    ScmCertType {
        DvSslCert = "DV_SSL_CERT" => "DV",
        DvSslCertBasic = "DV_SSL_CERT_BASIC" => "DV basic",
        EvSslCert = "EV_SSL_CERT" => "EV",
        EvSslCertPro = "EV_SSL_CERT_PRO" => "EV pro",
        OvSslCert = "OV_SSL_CERT" => "OV",
        OvSslCertPro = "OV_SSL_CERT_PRO" => "OV pro",
    }
}

wire_enum! {
    /// Issuing certificate authority brand.
    ScmBrand {
        GlobalSign = "GLOBALSIGN" => "GlobalSign",
        Symantec = "SYMANTEC" => "Symantec",
        GeoTrust = "GEOTRUST" => "GeoTrust",
        Cfca = "CFCA" => "CFCA",
        /// The v3 purchase page lists two more brands.
        TrustAsia = "TRUSTASIA" => "TrustAsia",
        Vtrus = "VTRUS" => "vTrus",
    }
}

wire_enum! {
    /// How many names the certificate covers.
    ScmDomainType {
        SingleDomain = "SINGLE_DOMAIN" => "Single domain",
        Wildcard = "WILDCARD" => "Wildcard",
        MultiDomain = "MULTI_DOMAIN" => "Multiple domains",
    }
}

wire_enum! {
    /// How domain ownership is proven.
    ValidationMethod {
        Dns = "DNS" => "DNS record",
        File = "FILE" => "File on the web server",
        Email = "EMAIL" => "E-mail",
    }
}

wire_enum! {
    /// Sort key of the SCM list.
    ScmSortKey {
        CertExpiredTime = "certExpiredTime" => "Expiry",
        CertStatus = "certStatus" => "Status",
        CertUpdateTime = "certUpdateTime" => "Last update",
    }
}

wire_enum! {
    /// Cloud services a certificate can be pushed to.
    PushService {
        Cdn = "CDN" => "CDN",
        Waf = "WAF" => "WAF",
        Elb = "ELB" => "ELB",
    }
}

/// Page sizes the SCM list accepts (10 is the default).
pub const SCM_PAGE_SIZES: &[i64] = &[10, 20, 50];

/// Query of `GET /v3/scm/certificates`. The last five fields are in the
/// SDK, not the reference.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScmListQuery {
    /// 10, 20 or 50.
    pub limit: Option<i64>,
    pub offset: Option<i64>,
    pub sort_dir: Option<SortDir>,
    pub sort_key: Option<ScmSortKey>,
    pub status: Option<ScmStatus>,
    pub enterprise_project_id: Option<String>,
    pub deploy_support: Option<bool>,
    pub owned_by_self: Option<bool>,
    pub expired_days_since: Option<i64>,
    /// Search text (name or domain).
    pub content: Option<String>,
}

pub fn list_certificates(q: &ScmListQuery) -> ApiRequest {
    request(Service::Scm, "list_certificates", &[])
        .query("limit", q.limit)
        .query("offset", q.offset)
        .query("sort_dir", q.sort_dir.as_ref())
        .query("sort_key", q.sort_key.as_ref())
        .query("status", q.status.as_ref())
        .query("enterprise_project_id", q.enterprise_project_id.as_ref())
        .query("deploy_support", q.deploy_support)
        .query("owned_by_self", q.owned_by_self)
        .query("expired_days_since", q.expired_days_since)
        .query("content", q.content.as_ref())
}

/// Answer of the SCM list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScmListResponse {
    #[serde(default)]
    pub certificates: Vec<ScmCertificateSummary>,
    #[serde(default)]
    pub total_count: i64,
}

/// One row of the SCM list (`CertificateDetail`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScmCertificateSummary {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Additional names, `;`-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sans: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_algorithm: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deploy_support: Option<bool>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ScmCertType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<ScmBrand>,
    /// `YYYY-MM-DD HH:MM:SS.f` as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_type: Option<ScmDomainType>,
    /// Months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity_period: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ScmStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_count: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wildcard_count: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
}

impl ScmCertificateSummary {
    /// The additional names as a list.
    pub fn san_list(&self) -> Vec<&str> {
        split_sans(self.sans.as_deref())
    }
}

fn split_sans(s: Option<&str>) -> Vec<&str> {
    s.map(|s| s.split([';', ',']).map(str::trim).filter(|x| !x.is_empty()).collect()).unwrap_or_default()
}

/// Body of `POST /v3/scm/certificates/import`. PEM texts, newlines kept
/// (JSON escapes them). A password-protected key is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportCertificateBody {
    pub name: String,
    pub certificate: String,
    pub certificate_chain: String,
    pub private_key: String,
    /// SDK only: refuse a certificate that is already in SCM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_check: Option<bool>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
    /// SDK only: the SM2 encryption certificate of a dual-certificate pair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enc_certificate: Option<String>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enc_private_key: Option<String>,
}

pub fn import_certificate(body: &ImportCertificateBody) -> ApiRequest {
    request(Service::Scm, "import_certificate", &[]).json(to_json(body))
}

/// Answer of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportCertificateResponse {
    pub certificate_id: String,
}

pub fn show_certificate(certificate_id: &str) -> ApiRequest {
    request(Service::Scm, "show_certificate", &[("certificate_id", certificate_id)])
}

/// Details of one SSL certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScmCertificate {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ScmStatus>,
    /// Documented as 36 characters; the reference's example has 17.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ScmCertType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<ScmBrand>,
    /// `ON`/`OFF` as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub push_support: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoke_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_algorithm: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_after: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity_period: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_method: Option<ValidationMethod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_type: Option<ScmDomainType>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_domain_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sans: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_count: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wildcard_count: Option<i64>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_info: Option<ApplicationInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
    /// Domain validation records as the SDK (and the live service) spell
    /// the field (sic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentification: Option<Vec<DomainValidationRecord>>,
    /// The reference's spelling of the same field; kept apart so that both
    /// forms decode and re-encode unchanged. Read [`ScmCertificate::validation_records`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication: Option<Vec<DomainValidationRecord>>,
    /// Not in the SDK: this project's emulator reports the expiry
    /// notification switch ([`crate::scm::enable_notification`]) so a console
    /// can show it. `None` from the live service means "not known".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_enabled: Option<bool>,
}

impl ScmCertificate {
    /// The domain validation records, whichever spelling carried them.
    pub fn validation_records(&self) -> &[DomainValidationRecord] {
        self.authentification.as_deref().or(self.authentication.as_deref()).unwrap_or(&[])
    }

    pub fn san_list(&self) -> Vec<&str> {
        split_sans(self.sans.as_deref())
    }
}

/// What proves ownership of one domain (`Authentification` in the SDK).
///
/// The SDK has four fields for all three methods; how each method fills
/// them is read through [`DomainValidationRecord::step`]:
/// - DNS: `record_name` is the host, `record_type` the type (`TXT`,
///   `CNAME`), `record_value` the value;
/// - FILE: `record_type` is `FILE`, `record_name` the URL (or path) the file
///   must be served at, `record_value` its content;
/// - EMAIL: `record_type` is `EMAIL`, `record_name` the addresses the
///   approval mail goes to, `;`-separated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainValidationRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Not in the SDK: this project's emulator says per domain whether it
    /// is validated yet. The live service sends nothing here; the
    /// certificate's own status then stands for every domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_status: Option<DomainValidationStatus>,
}

wire_enum! {
    /// Whether one domain's ownership is proven (emulator extension).
    DomainValidationStatus {
        Pending = "PENDING" => "Waiting for validation",
        Validated = "VALIDATED" => "Validated",
        Failed = "FAILED" => "Validation failed",
    }
}

/// What the user has to do for one domain, by method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidationStep {
    /// Create this DNS record.
    Dns { host: String, record_type: String, value: String },
    /// Serve this content at this URL or path.
    File { url: String, content: String },
    /// Approve the mail sent to one of these addresses.
    Email { addresses: Vec<String> },
}

impl DomainValidationRecord {
    /// The step this record asks for. `record_type` decides (`FILE`,
    /// `EMAIL`, anything else is a DNS record type); `method` is the
    /// certificate's validation method, used when the type is missing.
    pub fn step(&self, method: Option<&ValidationMethod>) -> ValidationStep {
        let name = self.record_name.clone().unwrap_or_default();
        let value = self.record_value.clone().unwrap_or_default();
        let kind = self.record_type.clone().unwrap_or_default();
        let by_method = match method {
            Some(ValidationMethod::File) => "FILE",
            Some(ValidationMethod::Email) => "EMAIL",
            _ => "",
        };
        let effective = if kind.is_empty() { by_method.to_owned() } else { kind.to_ascii_uppercase() };
        match effective.as_str() {
            "FILE" => ValidationStep::File { url: name, content: value },
            "EMAIL" => {
                let source = if name.is_empty() { value } else { name };
                ValidationStep::Email {
                    addresses: source.split([';', ',']).map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect(),
                }
            }
            _ => ValidationStep::Dns { host: name, record_type: if kind.is_empty() { "TXT".into() } else { kind }, value },
        }
    }

    /// True once the emulator reports the domain validated.
    pub fn is_validated(&self) -> bool {
        self.validation_status == Some(DomainValidationStatus::Validated)
    }
}

/// Applicant details of a purchased certificate (SDK only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_province: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant_phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant_email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
}

/// `DELETE …/{id}`; the live service answers 204.
pub fn delete_certificate(certificate_id: &str) -> ApiRequest {
    request(Service::Scm, "delete_certificate", &[("certificate_id", certificate_id)])
}

/// `POST …/{id}/export` (no body).
pub fn export_certificate(certificate_id: &str) -> ApiRequest {
    request(Service::Scm, "export_certificate", &[("certificate_id", certificate_id)])
}

/// PEM texts of an exported SSL certificate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScmExportResponse {
    /// SDK only: certificate and chain in one text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entire_certificate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_chain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_key: Option<String>,
    /// SDK only (SM2 dual certificates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enc_certificate: Option<String>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enc_private_key: Option<String>,
}

/// Body of a push: the target region's project name and the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushCertificateBody {
    pub target_project: String,
    pub target_service: PushService,
}

/// `POST …/{id}/push`; the live service answers 204.
pub fn push_certificate(certificate_id: &str, body: &PushCertificateBody) -> ApiRequest {
    request(Service::Scm, "push_certificate", &[("certificate_id", certificate_id)]).json(to_json(body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{Method, ResponseKind};

    #[test]
    fn list_query_is_built_from_set_fields() {
        let req = list_certificates(&ScmListQuery {
            limit: Some(20),
            status: Some(ScmStatus::Issued),
            sort_key: Some(ScmSortKey::CertExpiredTime),
            deploy_support: Some(true),
            ..Default::default()
        });
        assert_eq!(req.path, "/v3/scm/certificates");
        assert_eq!(req.query_string(), "deploy_support=true&limit=20&sort_key=certExpiredTime&status=ISSUED");
        assert_eq!(req.operation, "list_certificates");
    }

    #[test]
    fn id_operations_use_the_id() {
        let d = delete_certificate("scs1554192131150");
        assert_eq!((d.method, d.path.as_str()), (Method::Delete, "/v3/scm/certificates/scs1554192131150"));
        assert_eq!(d.response, ResponseKind::Empty);
        let e = export_certificate("scs1554192131150");
        assert_eq!(e.path, "/v3/scm/certificates/scs1554192131150/export");
        assert!(e.body.is_none());
        let p = push_certificate(
            "scs1554192131150",
            &PushCertificateBody { target_project: "ap-southeast-1".into(), target_service: PushService::Elb },
        );
        assert_eq!(p.body.unwrap(), serde_json::json!({"target_project":"ap-southeast-1","target_service":"ELB"}));
        assert_eq!(p.response, ResponseKind::Empty);
    }

    #[test]
    fn validation_steps_by_method() {
        let rec = |name: &str, kind: Option<&str>, value: &str| DomainValidationRecord {
            record_name: Some(name.into()),
            record_type: kind.map(Into::into),
            record_value: Some(value.into()),
            domain: Some("www.example.com".into()),
            validation_status: None,
        };
        assert_eq!(
            rec("_dnsauth.www.example.com", Some("TXT"), "v1").step(None),
            ValidationStep::Dns { host: "_dnsauth.www.example.com".into(), record_type: "TXT".into(), value: "v1".into() }
        );
        assert_eq!(
            rec("http://www.example.com/.well-known/pki-validation/fileauth.txt", Some("file"), "c").step(None),
            ValidationStep::File { url: "http://www.example.com/.well-known/pki-validation/fileauth.txt".into(), content: "c".into() }
        );
        assert_eq!(
            rec("admin@example.com; webmaster@example.com", Some("EMAIL"), "").step(None),
            ValidationStep::Email { addresses: vec!["admin@example.com".into(), "webmaster@example.com".into()] }
        );
        // No type: the certificate's method decides; DNS records default to TXT.
        assert!(matches!(rec("/f.txt", None, "c").step(Some(&ValidationMethod::File)), ValidationStep::File { .. }));
        assert!(matches!(rec("h", None, "v").step(None), ValidationStep::Dns { record_type, .. } if record_type == "TXT"));
        let validated = DomainValidationRecord { validation_status: Some(DomainValidationStatus::Validated), ..rec("h", None, "v") };
        assert!(validated.is_validated() && !rec("h", None, "v").is_validated());
    }

    #[test]
    fn validation_records_read_both_spellings() {
        let sdk: ScmCertificate = serde_json::from_str(
            r#"{"id":"scs1","authentification":[{"record_name":"_dnsauth.a","record_type":"TXT","record_value":"v","domain":"a"}]}"#,
        )
        .unwrap();
        assert_eq!(sdk.validation_records()[0].record_type.as_deref(), Some("TXT"));
        let reference: ScmCertificate =
            serde_json::from_str(r#"{"id":"scs1","authentication":[{"domain":"b"}],"sans":"a.x;b.x"}"#).unwrap();
        assert_eq!(reference.validation_records()[0].domain.as_deref(), Some("b"));
        assert_eq!(reference.san_list(), vec!["a.x", "b.x"]);
    }
}

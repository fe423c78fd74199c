//! Buying and applying for an SSL certificate (API v3; the reference's
//! chapter 6 describes the same steps in their older v2 form): subscribe
//! (buy), apply (domain, CSR, contacts, validation method), cancel a
//! pending application, unsubscribe (refund) an order; and which of these
//! each status allows.

use serde::{Deserialize, Serialize};

use crate::catalogue::{codes, Denied};
use crate::common::{to_json, wire_enum};
use crate::endpoints::Service;
use crate::operations::request;
use crate::request::ApiRequest;
use crate::scm::csr::PrivateKeyAlgo;
use crate::scm::tags::ScmTag;
use crate::scm::{ScmBrand, ScmCertType, ScmCertificate, ScmDomainType, ScmStatus, ValidationMethod};

wire_enum! {
    /// Kind of the main name of a multi-domain certificate.
    PrimaryDomainType {
        SingleDomain = "SINGLE_DOMAIN" => "Single domain",
        WildcardDomain = "WILDCARD_DOMAIN" => "Wildcard domain",
    }
}

/// Longest validity one order buys, in years.
pub const MAX_EFFECTIVE_YEARS: i64 = 3;
/// Most names on a multi-domain certificate.
pub const MAX_DOMAIN_NUMBERS: i64 = 100;
/// Most certificates one order buys.
pub const MAX_ORDER_NUMBER: i64 = 100;

/// Body of `POST /v3/scm/certificates/buy` (`PurchaseCertificateRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscribeCertificateBody {
    pub cert_brand: ScmBrand,
    pub cert_type: ScmCertType,
    pub domain_type: ScmDomainType,
    /// Years, 1 to 3.
    pub effective_time: i64,
    /// 1 for single and wildcard, 2 to 100 for multi-domain.
    pub domain_numbers: i64,
    /// How many certificates, 1 to 100.
    pub order_number: i64,
    /// Must be `true`.
    pub agree_privacy_protection: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_domain_type: Option<PrimaryDomainType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub single_domain_number: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wildcard_domain_number: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_auto_pay: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<ScmTag>>,
}

impl Default for SubscribeCertificateBody {
    /// One single-domain DV certificate for one year: the smallest order.
    fn default() -> Self {
        SubscribeCertificateBody {
            cert_brand: ScmBrand::GeoTrust,
            cert_type: ScmCertType::DvSslCert,
            domain_type: ScmDomainType::SingleDomain,
            effective_time: 1,
            domain_numbers: 1,
            order_number: 1,
            agree_privacy_protection: true,
            primary_domain_type: None,
            single_domain_number: None,
            wildcard_domain_number: None,
            is_auto_pay: None,
            enterprise_project_id: None,
            order_id: None,
            tags: None,
        }
    }
}

pub fn subscribe_certificate(body: &SubscribeCertificateBody) -> ApiRequest {
    request(Service::Scm, "subscribe_certificate", &[]).json(to_json(body))
}

/// Answer of a purchase: the order and the new certificates' ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscribeCertificateResponse {
    pub order_id: String,
    #[serde(default)]
    pub cert: Vec<CertDetail>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertDetail {
    pub cert_id: String,
}

/// Body of `POST …/{certificate_id}/apply`. Everything but the domain and
/// the privacy consent is optional on the wire; OV and EV certificates need
/// the company fields ([`crate::validate`] enforces that by type where the
/// type is known, the emulator always).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyCertificateBody {
    pub domain: String,
    /// Additional names of a multi-domain certificate, `;`-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sans: Option<String>,
    /// A pasted CSR (or one from the CSR manager); without it the service
    /// generates the key with `key_algorithm` and keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_province: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_city: Option<String>,
    /// Two letters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
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
    /// Push the DNS record to Huawei Cloud DNS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_dns_auth: Option<bool>,
    /// Must be `true`.
    pub agree_privacy_protection: bool,
    /// DNS, FILE or EMAIL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_method: Option<ValidationMethod>,
    /// Key the service generates when no CSR is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_algorithm: Option<PrivateKeyAlgo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_hash_algorithm: Option<String>,
}

impl ApplyCertificateBody {
    /// The additional names as a list.
    pub fn san_list(&self) -> Vec<&str> {
        self.sans.as_deref().map(|s| s.split(';').map(str::trim).filter(|x| !x.is_empty()).collect()).unwrap_or_default()
    }

    /// Every name: the domain, then the additional names.
    pub fn names(&self) -> Vec<String> {
        let mut names = vec![self.domain.trim().to_owned()];
        names.extend(self.san_list().into_iter().map(str::to_owned));
        names
    }

    /// The organisation fields an OV or EV certificate needs that are
    /// empty here (SCM.0080 from the service).
    pub fn missing_organisation(&self, cert: &ScmCertificate) -> Vec<&'static str> {
        if !needs_organisation(cert) {
            return Vec::new();
        }
        [
            ("company_name", &self.company_name),
            ("company_province", &self.company_province),
            ("company_city", &self.company_city),
            ("country", &self.country),
        ]
        .into_iter()
        .filter(|(_, v)| v.as_deref().is_none_or(|s| s.trim().is_empty()))
        .map(|(k, _)| k)
        .collect()
    }
}

/// OV and EV certificates name the organisation.
pub fn needs_organisation(cert: &ScmCertificate) -> bool {
    cert.kind.as_ref().is_some_and(|k| k.as_str().starts_with("OV_") || k.as_str().starts_with("EV_"))
}

/// Do an application's names fit what was ordered? Single domain: one
/// plain name; wildcard: one `*.` name; multi-domain: at most the number
/// bought, with at most the ordered wildcards. `Err` carries the code the
/// service answers (SCM.0015 or SCM.0036) and why.
pub fn names_fit_order(cert: &ScmCertificate, names: &[String]) -> Result<(), Denied> {
    let refuse = |code: &'static str, reason: String| Err(Denied { code, reason });
    let Some(first) = names.first() else {
        return refuse("SCM.0015", "enter the domain".into());
    };
    let bought = cert.domain_count.unwrap_or(1);
    let wild = names.iter().filter(|n| n.starts_with("*.")).count() as i64;
    match cert.domain_type.clone().unwrap_or(ScmDomainType::SingleDomain) {
        ScmDomainType::SingleDomain if names.len() > 1 || wild > 0 => refuse(
            "SCM.0015",
            "a single-domain certificate covers exactly one name, not a wildcard; leave the additional names empty".into(),
        ),
        ScmDomainType::Wildcard if names.len() > 1 || !first.starts_with("*.") => refuse(
            "SCM.0015",
            "a wildcard certificate covers one name of the form *.example.com; leave the additional names empty".into(),
        ),
        ScmDomainType::MultiDomain if names.len() as i64 > bought => refuse(
            codes::SCM_DOMAIN_COUNT,
            format!("{} names were entered but {bought} were bought; remove {}", names.len(), names.len() as i64 - bought),
        ),
        ScmDomainType::MultiDomain if wild > cert.wildcard_count.unwrap_or(0) => refuse(
            "SCM.0015",
            format!("{wild} wildcard names were entered but the order covers {}", cert.wildcard_count.unwrap_or(0)),
        ),
        _ => Ok(()),
    }
}

pub fn apply_certificate(certificate_id: &str, body: &ApplyCertificateBody) -> ApiRequest {
    request(Service::Scm, "apply_certificate", &[("certificate_id", certificate_id)]).json(to_json(body))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyCertificateResponse {
    #[serde(default)]
    pub request_info: String,
}

/// `POST …/{certificate_id}/cancel-cert` (no body): withdraw an
/// application under review; the certificate waits for a new one.
pub fn cancel_certificate_request(certificate_id: &str) -> ApiRequest {
    request(Service::Scm, "cancel_certificate_request", &[("certificate_id", certificate_id)])
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelCertificateRequestResponse {
    #[serde(default)]
    pub cert_id: String,
    #[serde(default)]
    pub message: String,
}

/// `DELETE …/{cert_id}/unsubscribe`: refund an order that was never
/// issued; the certificate goes away.
pub fn unsubscribe_certificate(cert_id: &str) -> ApiRequest {
    request(Service::Scm, "unsubscribe_certificate", &[("cert_id", cert_id)])
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsubscribeCertificateResponse {
    #[serde(default)]
    pub unsubscribe_results: String,
}

// ---------------------------------------------------------------------------
// Status rules (SCM.0010) of the SSL lifecycle.
// ---------------------------------------------------------------------------

/// What can be done to an SSL certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum ScmAction {
    Apply,
    CancelApplication,
    Unsubscribe,
    Export,
    Push,
    Deploy,
    Delete,
}

impl ScmAction {
    pub const ALL: [ScmAction; 7] = [
        ScmAction::Apply,
        ScmAction::CancelApplication,
        ScmAction::Unsubscribe,
        ScmAction::Export,
        ScmAction::Push,
        ScmAction::Deploy,
        ScmAction::Delete,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ScmAction::Apply => "applied for",
            ScmAction::CancelApplication => "have its application cancelled",
            ScmAction::Unsubscribe => "unsubscribed (refunded)",
            ScmAction::Export => "exported",
            ScmAction::Push => "pushed",
            ScmAction::Deploy => "deployed",
            ScmAction::Delete => "deleted",
        }
    }
}

/// Statuses in which a review or order step is running.
pub const SCM_BUSY_STATUSES: &[&str] = &[
    "CHECKING",
    "CANCELCHECKING",
    "REVOKING",
    "CANCLEREVOKING",
    "CHECKING_ORG",
    "ISSUING",
    "SUPPLEMENTCHECKING",
    "CANCELSUPPLEMENTING",
];

/// The statuses (wire values) in which each action is allowed. The
/// reference says only that some statuses refuse (SCM.0010); these are
/// this project's reading of what each step means: apply to a paid (or
/// rejected) order, cancel what is under review, refund what was never
/// issued, use what holds a certificate.
pub const SCM_STATUS_RULES: &[(ScmAction, &[&str])] = &[
    (ScmAction::Apply, &["PAID", "UNPASSED"]),
    (ScmAction::CancelApplication, &["CHECKING", "CHECKING_ORG"]),
    (ScmAction::Unsubscribe, &["PAID", "UNPASSED"]),
    (ScmAction::Export, &["ISSUED", "UPLOAD", "EXPIRED"]),
    (ScmAction::Push, &["ISSUED", "UPLOAD"]),
    (ScmAction::Deploy, &["ISSUED", "UPLOAD"]),
];

/// Is `action` allowed for a certificate in `status`? If not, why (with
/// the code a server answers). Delete is refused only while a step runs.
pub fn scm_action_allowed(action: ScmAction, status: &ScmStatus) -> Result<(), Denied> {
    let refuse = |wanted: String| Denied {
        code: codes::SCM_STATUS_NOT_ALLOWED,
        reason: format!("Only a certificate that is {wanted} can be {}; this one is {}.", action.label(), status.label().to_lowercase()),
    };
    if action == ScmAction::Delete {
        return if SCM_BUSY_STATUSES.contains(&status.as_str()) {
            Err(Denied {
                code: codes::SCM_STATUS_NOT_ALLOWED,
                reason: format!(
                    "A certificate cannot be deleted while a step is running; this one is {}. Cancel the application first.",
                    status.label().to_lowercase()
                ),
            })
        } else {
            Ok(())
        };
    }
    let allowed = SCM_STATUS_RULES.iter().find(|(a, _)| *a == action).map(|(_, s)| *s).unwrap_or(&[]);
    if allowed.contains(&status.as_str()) {
        return Ok(());
    }
    let labels: Vec<String> = allowed.iter().map(|w| ScmStatus::from_wire(w).label().to_lowercase()).collect();
    let wanted = match labels.len() {
        0 => "in another status".to_owned(),
        1 => labels[0].clone(),
        n => format!("{} or {}", labels[..n - 1].join(", "), labels[n - 1]),
    };
    Err(refuse(wanted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{Method, ResponseKind};

    #[test]
    fn order_and_apply_requests() {
        let buy = subscribe_certificate(&SubscribeCertificateBody::default());
        assert_eq!((buy.method, buy.path.as_str()), (Method::Post, "/v3/scm/certificates/buy"));
        let b = buy.body.unwrap();
        assert_eq!(b["cert_brand"], "GEOTRUST");
        assert_eq!(b["agree_privacy_protection"], true);
        assert!(b.get("tags").is_none());
        let apply = apply_certificate(
            "scs1554192131150",
            &ApplyCertificateBody {
                domain: "www.example.com".into(),
                domain_method: Some(ValidationMethod::File),
                key_algorithm: Some(PrivateKeyAlgo::EcP256),
                agree_privacy_protection: true,
                ..Default::default()
            },
        );
        assert_eq!(apply.path, "/v3/scm/certificates/scs1554192131150/apply");
        let b = apply.body.unwrap();
        assert_eq!((b["domain_method"].as_str(), b["key_algorithm"].as_str()), (Some("FILE"), Some("EC_P256")));
        assert!(b.get("csr").is_none());
        let cancel = cancel_certificate_request("scs1554192131150");
        assert_eq!(cancel.path, "/v3/scm/certificates/scs1554192131150/cancel-cert");
        assert!(cancel.body.is_none());
        let un = unsubscribe_certificate("scs1554192131150");
        assert_eq!((un.method, un.path.as_str()), (Method::Delete, "/v3/scm/certificates/scs1554192131150/unsubscribe"));
        assert_eq!(un.response, ResponseKind::Json);
    }

    #[test]
    fn sans_split_on_semicolons() {
        let b = ApplyCertificateBody { sans: Some("a.example.com; b.example.com;;".into()), ..Default::default() };
        assert_eq!(b.san_list(), vec!["a.example.com", "b.example.com"]);
        let b = ApplyCertificateBody { domain: " www.example.com ".into(), ..b };
        assert_eq!(b.names(), vec!["www.example.com", "a.example.com", "b.example.com"]);
    }

    fn order(domain_type: &str, count: i64, wildcards: i64, kind: &str) -> ScmCertificate {
        serde_json::from_value(serde_json::json!({"id": "scs1554192131150", "status": "PAID", "type": kind,
            "domain_type": domain_type, "domain_count": count, "wildcard_count": wildcards}))
        .unwrap()
    }

    #[test]
    fn names_against_the_order() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let single = order("SINGLE_DOMAIN", 1, 0, "DV_SSL_CERT");
        assert!(names_fit_order(&single, &names(&["www.example.com"])).is_ok());
        assert_eq!(names_fit_order(&single, &names(&["*.example.com"])).unwrap_err().code, "SCM.0015");
        assert_eq!(names_fit_order(&single, &names(&["a.example.com", "b.example.com"])).unwrap_err().code, "SCM.0015");
        let wild = order("WILDCARD", 1, 1, "DV_SSL_CERT");
        assert!(names_fit_order(&wild, &names(&["*.example.com"])).is_ok());
        assert!(names_fit_order(&wild, &names(&["www.example.com"])).is_err());
        let multi = order("MULTI_DOMAIN", 3, 1, "OV_SSL_CERT");
        assert!(names_fit_order(&multi, &names(&["a.example.com", "b.example.com", "*.example.com"])).is_ok());
        let four = names(&["a.example.com", "b.example.com", "c.example.com", "d.example.com"]);
        let d = names_fit_order(&multi, &four).unwrap_err();
        assert_eq!(d.code, "SCM.0036");
        assert!(d.reason.contains("4 names were entered but 3 were bought"), "{}", d.reason);
        assert_eq!(names_fit_order(&multi, &names(&["*.a.example.com", "*.b.example.com"])).unwrap_err().code, "SCM.0015");
        // OV and EV name the organisation.
        assert!(needs_organisation(&multi) && !needs_organisation(&single));
        let body = ApplyCertificateBody { company_name: Some("Example".into()), country: Some(" ".into()), ..Default::default() };
        assert_eq!(body.missing_organisation(&multi), vec!["company_province", "company_city", "country"]);
        assert!(body.missing_organisation(&single).is_empty());
    }

    #[test]
    fn status_rules_allow_and_refuse() {
        assert!(scm_action_allowed(ScmAction::Apply, &ScmStatus::Paid).is_ok());
        let d = scm_action_allowed(ScmAction::Apply, &ScmStatus::Issued).unwrap_err();
        assert_eq!(d.code, "SCM.0010");
        assert!(d.reason.contains("paid, not yet applied for or application rejected"), "{}", d.reason);
        assert!(scm_action_allowed(ScmAction::CancelApplication, &ScmStatus::Checking).is_ok());
        assert!(scm_action_allowed(ScmAction::CancelApplication, &ScmStatus::Paid).is_err());
        assert!(scm_action_allowed(ScmAction::Unsubscribe, &ScmStatus::Paid).is_ok());
        assert!(scm_action_allowed(ScmAction::Unsubscribe, &ScmStatus::Issued).is_err());
        assert!(scm_action_allowed(ScmAction::Export, &ScmStatus::Issued).is_ok());
        assert!(scm_action_allowed(ScmAction::Export, &ScmStatus::Checking).is_err());
        assert!(scm_action_allowed(ScmAction::Deploy, &ScmStatus::Upload).is_ok());
        assert!(scm_action_allowed(ScmAction::Deploy, &ScmStatus::Expired).is_err());
        assert!(scm_action_allowed(ScmAction::Delete, &ScmStatus::Paid).is_ok());
        let d = scm_action_allowed(ScmAction::Delete, &ScmStatus::Checking).unwrap_err();
        assert!(d.reason.contains("Cancel the application"), "{}", d.reason);
    }
}

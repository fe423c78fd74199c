//! CA and private-certificate quotas (`GET …/quotas`).

use serde::{Deserialize, Serialize};

use crate::endpoints::Service;
use crate::request::ApiRequest;

pub fn show_certificate_authority_quota() -> ApiRequest {
    ApiRequest::get(
        "show_certificate_authority_quota",
        Service::Ccm,
        "/v1/private-certificate-authorities/quotas",
    )
}

pub fn show_certificate_quota() -> ApiRequest {
    ApiRequest::get("show_certificate_quota", Service::Ccm, "/v1/private-certificates/quotas")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaResponse {
    pub quotas: Quotas,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotas {
    pub resources: Vec<QuotaResource>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaResource {
    #[serde(rename = "type")]
    pub kind: QuotaKind,
    pub used: u64,
    pub quota: u64,
}

/// The quota's resource type; unknown values are kept, not refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuotaKind {
    #[serde(rename = "CERTIFICATE_AUTHORITY")]
    CertificateAuthority,
    #[serde(rename = "CERTIFICATE")]
    Certificate,
    #[serde(untagged)]
    Other(String),
}

impl QuotaKind {
    pub fn label(&self) -> &str {
        match self {
            QuotaKind::CertificateAuthority => "Private CAs",
            QuotaKind::Certificate => "Private certificates",
            QuotaKind::Other(s) => s,
        }
    }
}

impl QuotaResource {
    /// Share of the quota in use, 0.0 to 1.0 (a zero quota counts as full).
    pub fn used_ratio(&self) -> f64 {
        if self.quota == 0 {
            1.0
        } else {
            self.used as f64 / self.quota as f64
        }
    }

    /// Near the limit: 90 % used or fewer than 5 left.
    pub fn is_near_limit(&self) -> bool {
        self.used_ratio() >= 0.9 || self.quota.saturating_sub(self.used) < 5
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_example_round_trips() {
        let text = r#"{"quotas":{"resources":[{"type":"CERTIFICATE_AUTHORITY","used":25,"quota":100}]}}"#;
        let q: QuotaResponse = serde_json::from_str(text).unwrap();
        assert_eq!(q.quotas.resources[0].kind, QuotaKind::CertificateAuthority);
        assert_eq!(serde_json::to_string(&q).unwrap(), text);
        assert!(!q.quotas.resources[0].is_near_limit());
    }

    #[test]
    fn unknown_kinds_are_kept_and_limits_flagged() {
        let r: QuotaResource = serde_json::from_str(r#"{"type":"NEW_THING","used":98,"quota":100}"#).unwrap();
        assert_eq!(r.kind, QuotaKind::Other("NEW_THING".into()));
        assert!(r.is_near_limit());
        assert_eq!(show_certificate_quota().path, "/v1/private-certificates/quotas");
    }
}

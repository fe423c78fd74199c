//! Private CAs (chapter 4.2.1): list, create, details, delete, activate,
//! CSR export, disable, enable, certificate export and import, restore,
//! revoke. The quota call is in [`crate::quota`].

use serde::{Deserialize, Serialize};

use crate::common::{
    to_json, wire_enum, CaStatus, CaType, CrlConfiguration, DistinguishedName, GenMode, KeyAlgorithm, KeyUsage,
    RevocationReason, SignatureAlgorithm, SortDir, Validity,
};
use crate::endpoints::Service;
use crate::operations::request;
use crate::request::ApiRequest;

wire_enum! {
    /// Sort key of the CA list. The reference says `ca_type`; the SDK (and
    /// so the live service) uses `type`. Both are accepted on receipt.
    CaSortKey {
        CreateTime = "create_time" => "Created",
        CommonName = "common_name" => "Name",
        Type = "type" => "Type",
        NotAfter = "not_after" => "Expiry",
    }
}

/// Query of `GET /v1/private-certificate-authorities`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaListQuery {
    /// 0 to 1000; the service's default is 10.
    pub limit: Option<i64>,
    /// Part of the common name.
    pub name: Option<String>,
    pub offset: Option<i64>,
    pub status: Option<CaStatus>,
    /// Filter by `ROOT` or `SUBORDINATE` (query key `type`).
    pub kind: Option<CaType>,
    pub sort_key: Option<CaSortKey>,
    pub sort_dir: Option<SortDir>,
}

pub fn list_certificate_authority(q: &CaListQuery) -> ApiRequest {
    let req = request(Service::Ccm, "list_certificate_authority", &[])
        .query("name", q.name.as_ref())
        .query("status", q.status.as_ref())
        .query("type", q.kind.as_ref())
        .query("sort_key", q.sort_key.as_ref());
    super::paging(req, q.limit, q.offset, q.sort_dir.as_ref())
}

/// Answer of the CA list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaListResponse {
    #[serde(default)]
    pub total: i64,
    #[serde(default)]
    pub certificate_authorities: Vec<CertificateAuthority>,
}

/// A private CA as the list and the details return it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateAuthority {
    pub ca_id: String,
    #[serde(rename = "type")]
    pub kind: CaType,
    pub status: CaStatus,
    /// 7 for a root CA (meaning "no limit"), 0 to 6 for a subordinate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_length: Option<i64>,
    /// Empty for a root CA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    /// Documented values plus what is seen live (`RSA` on imported CAs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_algorithm: Option<KeyAlgorithm>,
    /// Unset on a CA that is still pending activation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_algorithm: Option<SignatureAlgorithm>,
    /// 0 = not frozen; any other value = frozen (PCA.00030202).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeze_flag: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gen_mode: Option<GenMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<String>,
    /// Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<i64>,
    /// Unix milliseconds: when a scheduled deletion takes effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_after: Option<i64>,
    pub distinguished_name: DistinguishedName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crl_configuration: Option<CrlConfiguration>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
    /// SDK only: certificates this CA may still issue for free.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_quota: Option<i64>,
    /// SDK only: 0 pay-per-use, 1 yearly/monthly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_mode: Option<i64>,
    /// SDK only: dedicated HSM cluster holding the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<String>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
}

impl CertificateAuthority {
    pub fn is_frozen(&self) -> bool {
        self.freeze_flag.unwrap_or(0) != 0
    }

    pub fn is_root(&self) -> bool {
        self.kind == CaType::Root
    }
}

/// HSM cluster that holds the CA key (SDK only, dedicated HSM regions).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HsmClusterInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsm_project: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsm_cluster_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsm_ca_cert: Option<String>,
}

/// Body of `POST /v1/private-certificate-authorities`.
///
/// A root CA needs `validity` and `signature_algorithm`. A subordinate CA
/// is activated at once when `issuer_id`, `signature_algorithm` and
/// `validity` are all given; leaving out any of them creates it PENDING.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateCertificateAuthorityBody {
    #[serde(rename = "type")]
    pub kind: CaType,
    pub distinguished_name: DistinguishedName,
    pub key_algorithm: KeyAlgorithm,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity: Option<Validity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_id: Option<String>,
    /// 0 to 6; leave out for a root (unlimited).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_length: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_algorithm: Option<SignatureAlgorithm>,
    /// Ignored for a root (always digitalSignature, keyCertSign, cRLSign).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_usages: Option<Vec<KeyUsage>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crl_configuration: Option<CrlConfiguration>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
    /// SDK only: id of a CA bought as a yearly/monthly order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_id: Option<String>,
    /// SDK only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsm_cluster_info: Option<HsmClusterInfo>,
}

impl CreateCertificateAuthorityBody {
    /// A root CA with the required parts.
    pub fn root(
        distinguished_name: DistinguishedName,
        key_algorithm: KeyAlgorithm,
        signature_algorithm: SignatureAlgorithm,
        validity: Validity,
    ) -> Self {
        CreateCertificateAuthorityBody {
            kind: CaType::Root,
            distinguished_name,
            key_algorithm,
            validity: Some(validity),
            issuer_id: None,
            path_length: None,
            signature_algorithm: Some(signature_algorithm),
            key_usages: None,
            crl_configuration: None,
            enterprise_project_id: None,
            ca_id: None,
            hsm_cluster_info: None,
        }
    }

    /// A subordinate CA left PENDING (to be activated or signed elsewhere).
    pub fn pending_subordinate(distinguished_name: DistinguishedName, key_algorithm: KeyAlgorithm) -> Self {
        CreateCertificateAuthorityBody {
            kind: CaType::Subordinate,
            validity: None,
            signature_algorithm: None,
            ..Self::root(distinguished_name, key_algorithm, SignatureAlgorithm::Sha256, Validity::years(1))
        }
    }

    /// A subordinate CA signed at once by `issuer_id`.
    pub fn subordinate(
        distinguished_name: DistinguishedName,
        key_algorithm: KeyAlgorithm,
        issuer_id: &str,
        signature_algorithm: SignatureAlgorithm,
        validity: Validity,
        path_length: Option<i64>,
    ) -> Self {
        CreateCertificateAuthorityBody {
            kind: CaType::Subordinate,
            issuer_id: Some(issuer_id.to_owned()),
            path_length,
            ..Self::root(distinguished_name, key_algorithm, signature_algorithm, validity)
        }
    }

    /// Whether the new CA will be active at once (a root always is).
    pub fn activates_immediately(&self) -> bool {
        self.kind == CaType::Root || self.missing_for_activation().is_empty()
    }

    /// For a subordinate CA: the wire names of the fields whose absence
    /// leaves it PENDING.
    pub fn missing_for_activation(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.issuer_id.is_none() {
            missing.push("issuer_id");
        }
        if self.signature_algorithm.is_none() {
            missing.push("signature_algorithm");
        }
        if self.validity.is_none() {
            missing.push("validity");
        }
        missing
    }
}

pub fn create_certificate_authority(body: &CreateCertificateAuthorityBody) -> ApiRequest {
    request(Service::Ccm, "create_certificate_authority", &[]).json(to_json(body))
}

/// Answer of a create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateCertificateAuthorityResponse {
    pub ca_id: String,
}

pub fn show_certificate_authority(ca_id: &str) -> ApiRequest {
    request(Service::Ccm, "show_certificate_authority", &[("ca_id", ca_id)])
}

/// `DELETE …/{ca_id}?pending_days=N`: a PENDING CA goes at once; a
/// DISABLED one is kept DELETED for `pending_days` (7 to 30), during which
/// it can be restored. The SDK types `pending_days` as a string.
pub fn delete_certificate_authority(ca_id: &str, pending_days: i64) -> ApiRequest {
    request(Service::Ccm, "delete_certificate_authority", &[("ca_id", ca_id)]).query("pending_days", Some(pending_days))
}

/// Body of `POST …/{ca_id}/activate`: signs a PENDING subordinate CA with
/// `issuer_id`. The SDK's model also lists the create fields; only these
/// four are documented for activation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivateCertificateAuthorityBody {
    pub issuer_id: String,
    pub path_length: i64,
    pub signature_algorithm: SignatureAlgorithm,
    pub validity: Validity,
}

/// The SDK calls activation `issue_certificate_authority_certificate`.
pub fn issue_certificate_authority_certificate(ca_id: &str, body: &ActivateCertificateAuthorityBody) -> ApiRequest {
    request(Service::Ccm, "issue_certificate_authority_certificate", &[("ca_id", ca_id)]).json(to_json(body))
}

/// `GET …/{ca_id}/csr` (PENDING only).
pub fn export_certificate_authority_csr(ca_id: &str) -> ApiRequest {
    request(Service::Ccm, "export_certificate_authority_csr", &[("ca_id", ca_id)])
}

/// The CSR of a pending CA, PEM with `\r\n` line ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsrResponse {
    pub csr: String,
}

/// ACTIVED or EXPIRED only; 204.
pub fn disable_certificate_authority(ca_id: &str) -> ApiRequest {
    request(Service::Ccm, "disable_certificate_authority", &[("ca_id", ca_id)])
}

/// DISABLED only; 204.
pub fn enable_certificate_authority(ca_id: &str) -> ApiRequest {
    request(Service::Ccm, "enable_certificate_authority", &[("ca_id", ca_id)])
}

/// `POST …/{ca_id}/export` with no body (ACTIVED or EXPIRED only).
pub fn export_certificate_authority_certificate(ca_id: &str) -> ApiRequest {
    request(Service::Ccm, "export_certificate_authority_certificate", &[("ca_id", ca_id)])
}

/// A CA certificate and its chain (intermediate first, root last), PEM.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaCertificateResponse {
    pub certificate: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_chain: Option<String>,
}

/// Body of `POST …/{ca_id}/import`: the certificate signed elsewhere from
/// this CA's CSR, and optionally its chain (PEM).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportCaCertificateBody {
    pub certificate: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_chain: Option<String>,
}

pub fn import_certificate_authority_certificate(ca_id: &str, body: &ImportCaCertificateBody) -> ApiRequest {
    request(Service::Ccm, "import_certificate_authority_certificate", &[("ca_id", ca_id)]).json(to_json(body))
}

/// DELETED only; back to DISABLED. 204.
pub fn restore_certificate_authority(ca_id: &str) -> ApiRequest {
    request(Service::Ccm, "restore_certificate_authority", &[("ca_id", ca_id)])
}

/// Body of a revocation (CA or certificate). With no reason the body must
/// still be `{}`: an empty body is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokeBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RevocationReason>,
}

impl RevokeBody {
    pub fn new(reason: Option<RevocationReason>) -> Self {
        RevokeBody { reason }
    }
}

/// Revokes a subordinate CA; 204.
pub fn revoke_certificate_authority(ca_id: &str, reason: Option<RevocationReason>) -> ApiRequest {
    request(Service::Ccm, "revoke_certificate_authority", &[("ca_id", ca_id)]).json(to_json(&RevokeBody::new(reason)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{Method, ResponseKind};
    use serde_json::json;

    const ID: &str = "4c0e772e-a30c-4029-b929-b7acb04143f7";

    #[test]
    fn list_query_uses_sdk_names() {
        let req = list_certificate_authority(&CaListQuery {
            limit: Some(50),
            kind: Some(CaType::Subordinate),
            sort_key: Some(CaSortKey::Type),
            sort_dir: Some(SortDir::Asc),
            ..Default::default()
        });
        assert_eq!(req.query_string(), "limit=50&sort_dir=ASC&sort_key=type&type=SUBORDINATE");
    }

    #[test]
    fn lifecycle_requests() {
        let d = delete_certificate_authority(ID, 7);
        assert_eq!(d.method, Method::Delete);
        assert_eq!(d.path_and_query(), format!("/v1/private-certificate-authorities/{ID}?pending_days=7"));
        assert_eq!(d.response, ResponseKind::Empty);
        for (req, tail) in [
            (disable_certificate_authority(ID), "disable"),
            (enable_certificate_authority(ID), "enable"),
            (restore_certificate_authority(ID), "restore"),
            (export_certificate_authority_certificate(ID), "export"),
        ] {
            assert_eq!(req.method, Method::Post);
            assert_eq!(req.path, format!("/v1/private-certificate-authorities/{ID}/{tail}"));
            assert!(req.body.is_none());
        }
        assert_eq!(export_certificate_authority_csr(ID).method, Method::Get);
    }

    #[test]
    fn revoke_without_reason_sends_an_empty_object() {
        let r = revoke_certificate_authority(ID, None);
        assert_eq!(r.body_bytes(), b"{}");
        let r = revoke_certificate_authority(ID, Some(RevocationReason::Superseded));
        assert_eq!(r.body.unwrap(), json!({"reason": "SUPERSEDED"}));
    }

    #[test]
    fn subordinate_activation_depends_on_three_fields() {
        let dn = DistinguishedName::full("sub", "CN", "s", "l", "o", "ou");
        let pending = CreateCertificateAuthorityBody::pending_subordinate(dn.clone(), KeyAlgorithm::Ec256);
        assert!(!pending.activates_immediately());
        assert_eq!(pending.missing_for_activation(), vec!["issuer_id", "signature_algorithm", "validity"]);
        let body = to_json(&pending);
        assert_eq!(body.get("validity"), None);
        assert_eq!(body["type"], "SUBORDINATE");
        let active = CreateCertificateAuthorityBody::subordinate(
            dn,
            KeyAlgorithm::Ec256,
            ID,
            SignatureAlgorithm::Sha384,
            Validity::years(5),
            Some(0),
        );
        assert!(active.activates_immediately());
        let req = create_certificate_authority(&active);
        assert_eq!(req.body.as_ref().unwrap()["path_length"], 0);
        assert_eq!(req.body.unwrap()["validity"], json!({"type":"YEAR","value":5}));
    }
}

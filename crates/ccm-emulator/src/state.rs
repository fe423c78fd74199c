//! Everything the emulator remembers, serialisable so a demo can be saved
//! to a JSON file and loaded again. Each record keeps the wire form the
//! API returns (`info`) next to the key material only the service holds.

use std::collections::BTreeMap;

use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::pca::certs::PrivateCertificate;
use ccm_api::common::{KeyUsage, ResourceTag};
use ccm_api::scm::{ApplyCertificateBody, CsrInfo, ScmCertificate, ScmTag};
use serde::{Deserialize, Serialize};

use crate::auth::IssuedToken;
use crate::inventory::Inventory;
use crate::{EmuResponse, Emulator};

/// Quotas; the defaults are the reference's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotas {
    pub certificate_authorities: u64,
    pub certificates: u64,
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas { certificate_authorities: 100, certificates: 100_000 }
    }
}

/// A private CA and what the service keeps for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaRecord {
    /// As `GET …/{ca_id}` answers it (status, validity, DN, …).
    pub info: CertificateAuthority,
    /// The CA's private key, PKCS#8 PEM. Never leaves the emulator.
    pub key_pem: String,
    /// The CA certificate; `None` while PENDING.
    #[serde(default)]
    pub certificate_pem: Option<String>,
    /// Issuer certificates from the direct issuer up to the root.
    #[serde(default)]
    pub chain_pem: Vec<String>,
    /// When the CA was revoked by its issuer: Unix ms and the RFC 5280 reason.
    #[serde(default)]
    pub revoked: Option<Revocation>,
    #[serde(default)]
    pub tags: Vec<ResourceTag>,
    /// Serial numbers this CA has revoked (certificates and subordinates),
    /// for its CRL.
    #[serde(default)]
    pub revoked_serials: Vec<RevokedSerial>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revocation {
    pub at_ms: i64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokedSerial {
    /// Hex serial number.
    pub serial: String,
    pub at_ms: i64,
    pub reason: String,
}

/// A private certificate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CertRecord {
    pub info: PrivateCertificate,
    /// `None` when issued from a CSR (the requester kept the key).
    #[serde(default)]
    pub key_pem: Option<String>,
    pub certificate_pem: String,
    /// Issuer certificates from the issuing CA up to the root.
    #[serde(default)]
    pub chain_pem: Vec<String>,
    #[serde(default)]
    pub tags: Vec<ResourceTag>,
}

/// An SSL certificate in SCM.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScmRecord {
    pub info: ScmCertificate,
    pub certificate_pem: String,
    #[serde(default)]
    pub chain_pem: String,
    #[serde(default)]
    pub key_pem: String,
    /// Where it was pushed: `(target_service, target_project)`.
    #[serde(default)]
    pub pushes: Vec<(String, String)>,
    /// Last change, Unix ms: the list's `certUpdateTime` sort key.
    #[serde(default)]
    pub updated_at_ms: i64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<ScmTag>,
    /// Notice types switched on (`CERT_EXPIRATION`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
    /// The application in progress or that led to issuance (ordered
    /// certificates only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<Application>,
}

/// An application for an ordered certificate: what was sent, the CSR the
/// certificate will be issued for, and the key when the service holds it
/// (it generated the CSR, or the CSR came from the CSR manager with its key).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Application {
    pub body: ApplyCertificateBody,
    pub csr_pem: String,
    #[serde(default)]
    pub key_pem: Option<String>,
    pub applied_at_ms: i64,
}

/// A CSR in the CSR manager.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CsrRecord {
    /// As `GET /v3/scm/csr/{id}` answers it (with the PEM in `csr`).
    pub info: CsrInfo,
    /// PKCS#8 PEM when the service holds the key.
    #[serde(default)]
    pub key_pem: Option<String>,
}

/// The emulated public CA that signs ordered SSL certificates: a root and
/// an intermediate made with ccm-pki the first time one is needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicCa {
    pub root_pem: String,
    pub intermediate_pem: String,
    /// The intermediate's key, PKCS#8 PEM.
    pub intermediate_key_pem: String,
}

/// The OBS side of CRLs: the agency that lets the service write to OBS,
/// and the buckets the account has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObsState {
    pub agency_granted: bool,
    pub buckets: Vec<String>,
}

impl Default for ObsState {
    fn default() -> Self {
        ObsState { agency_granted: false, buckets: vec!["pki-crl".into(), "team-artifacts".into()] }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    #[serde(default)]
    pub tokens: Vec<IssuedToken>,
    /// In creation order.
    #[serde(default)]
    pub cas: Vec<CaRecord>,
    #[serde(default)]
    pub certificates: Vec<CertRecord>,
    #[serde(default)]
    pub scm: Vec<ScmRecord>,
    #[serde(default)]
    pub obs: ObsState,
    /// Key usages asked for when a subordinate CA was created PENDING, by
    /// CA id: its certificate gets them when it is activated.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pending_key_usages: BTreeMap<String, Vec<KeyUsage>>,
    /// CAs with OCSP switched on, by id.
    #[serde(default)]
    pub ocsp_enabled: Vec<String>,
    /// The SCM CSR manager, in creation order.
    #[serde(default)]
    pub csrs: Vec<CsrRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_ca: Option<PublicCa>,
    /// ELB listeners, WAF and CDN domains of the account.
    #[serde(default)]
    pub inventory: Inventory,
}

impl State {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<State, serde_json::Error> {
        serde_json::from_str(text)
    }

    pub fn ca(&self, id: &str) -> Option<&CaRecord> {
        self.cas.iter().find(|c| c.info.ca_id == id)
    }

    pub fn ca_mut(&mut self, id: &str) -> Option<&mut CaRecord> {
        self.cas.iter_mut().find(|c| c.info.ca_id == id)
    }

    pub fn certificate(&self, id: &str) -> Option<&CertRecord> {
        self.certificates.iter().find(|c| c.info.certificate_id == id)
    }
}

/// `GET …/quotas`: used and total for one resource type. DELETED CAs still
/// hold their place until they are gone.
pub fn quota_response(emu: &Emulator, kind: &str) -> EmuResponse {
    let (used, quota) = match kind {
        "CERTIFICATE_AUTHORITY" => (
            emu.state.cas.iter().filter(|c| !crate::pca_cas::is_issued_from_csr(&c.info)).count() as u64,
            emu.config.quotas.certificate_authorities,
        ),
        _ => (emu.state.certificates.len() as u64, emu.config.quotas.certificates),
    };
    EmuResponse::json(200, &serde_json::json!({ "quotas": { "resources": [ { "type": kind, "used": used, "quota": quota } ] } }))
}

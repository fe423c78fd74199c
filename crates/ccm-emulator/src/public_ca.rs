//! The emulated public CA that signs ordered SSL certificates once their
//! domains are validated: a root and an intermediate, made with ccm-pki the
//! first time one is needed and kept in the state (so a saved demo keeps
//! its chain, and every certificate it issued still verifies).

use ccm_pki::decode::{BasicConstraints, ExtendedKeyUsage, KeyUsage, PublicKeyInfo, SubjectAltName};
use ccm_pki::pem::{certificates_from_pem, encode_pem, LABEL_CERTIFICATE};
use ccm_pki::{generate_key, issue_certificate, self_signed_certificate, DistinguishedName, IssueRequest, KeyAlgorithm};

use crate::ids::new_serial;
use crate::state::{PublicCa, State};

const DAY_SECS: i64 = 86_400;
/// How long an issued SSL certificate is valid: one year (a multi-year
/// order is a series of one-year certificates).
pub const LEAF_DAYS: i64 = 365;

fn name(cn: &str, unit: &str) -> DistinguishedName {
    DistinguishedName {
        common_name: cn.into(),
        country: Some("SG".into()),
        organization: Some("Emulated Trust".into()),
        organizational_unit: Some(unit.into()),
        ..Default::default()
    }
}

/// A new root and intermediate, valid from now.
pub fn make(now_ms: i64) -> Result<PublicCa, String> {
    let now = now_ms / 1000;
    let root_key = generate_key(KeyAlgorithm::Ec384).map_err(|e| e.to_string())?;
    let mut root_req = IssueRequest::new(name("Emulated Trust Root R1", "Roots"), now - DAY_SECS, now + 20 * 365 * DAY_SECS).ca(None);
    root_req.serial = Some(new_serial(now_ms));
    let root = self_signed_certificate(&root_req, &root_key).map_err(|e| e.to_string())?;
    let int_key = generate_key(KeyAlgorithm::Ec256).map_err(|e| e.to_string())?;
    let mut int_req =
        IssueRequest::new(name("Emulated Trust TLS CA G2", "TLS"), now - DAY_SECS, now + 10 * 365 * DAY_SECS).ca(Some(0));
    int_req.serial = Some(new_serial(now_ms + 1));
    let spki = int_key.public_key_der().map_err(|e| e.to_string())?;
    let intermediate = issue_certificate(&int_req, &spki, &root, &root_key).map_err(|e| e.to_string())?;
    Ok(PublicCa {
        root_pem: encode_pem(LABEL_CERTIFICATE, &root),
        intermediate_pem: encode_pem(LABEL_CERTIFICATE, &intermediate),
        intermediate_key_pem: int_key.to_pkcs8_pem().map_err(|e| e.to_string())?.to_string(),
    })
}

/// The state's public CA, made now if there is none yet.
pub fn ensure(state: &mut State, now_ms: i64) -> Result<PublicCa, String> {
    if let Some(ca) = &state.public_ca {
        return Ok(ca.clone());
    }
    let ca = make(now_ms)?;
    state.public_ca = Some(ca.clone());
    Ok(ca)
}

impl PublicCa {
    /// The chain an issued certificate is exported with: intermediate, root.
    pub fn chain_pem(&self) -> String {
        format!("{}{}", self.intermediate_pem, self.root_pem)
    }

    /// A TLS server certificate for the public key of a CSR, naming
    /// `names`, valid for a year from `now_ms`.
    pub fn issue(&self, public_key: &PublicKeyInfo, subject: DistinguishedName, names: &[String], now_ms: i64) -> Result<Vec<u8>, String> {
        let issuer = certificates_from_pem(&self.intermediate_pem).map_err(|e| e.to_string())?.remove(0);
        let key = ccm_pki::parse_private_key(self.intermediate_key_pem.as_bytes()).map_err(|e| e.to_string())?;
        let now = now_ms / 1000;
        let mut req = IssueRequest::new(subject, now, now + LEAF_DAYS * DAY_SECS);
        req.serial = Some(new_serial(now_ms));
        req.basic_constraints = Some(BasicConstraints { ca: false, path_len: None });
        let rsa = public_key.algorithm == "RSA";
        req.key_usage = if rsa { vec![KeyUsage::DigitalSignature, KeyUsage::KeyEncipherment] } else { vec![KeyUsage::DigitalSignature] };
        req.extended_key_usage = vec![ExtendedKeyUsage::ServerAuth, ExtendedKeyUsage::ClientAuth];
        req.subject_alt_names = names.iter().map(|n| SubjectAltName::Dns(n.clone())).collect();
        issue_certificate(&req, &public_key.spki_der, &issuer, &key).map_err(|e| e.to_string())
    }
}

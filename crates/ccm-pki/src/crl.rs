//! Certificate revocation lists decoded for display: issuer, this and next
//! update, CRL number, and each revoked serial with its date and reason.

use der::{Decode, Encode};
use sha2::{Digest, Sha256};
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::crl::CrlReason;
use x509_cert::ext::pkix::CrlNumber;

use crate::decode::{serial_hex, unix_seconds};
use crate::error::{Error, Result};
use crate::names::name_to_string;
use crate::{colon_hex, hex_upper, oids, pem, sig};

/// One revoked certificate as the CRL lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevokedSerial {
    /// Upper-case hex as `openssl crl -text` and [`crate::CertificateInfo::serial_hex`] print it.
    pub serial_hex: String,
    /// Unix seconds.
    pub revoked_at: i64,
    /// RFC 5280 name (`keyCompromise`, `superseded`, ...); `None` when the
    /// entry carries no reason code.
    pub reason: Option<&'static str>,
}

/// Everything the console shows about a CRL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrlInfo {
    /// RFC 4514 text.
    pub issuer: String,
    /// Issuer `Name` DER, to find the issuing certificate among others.
    pub issuer_der: Vec<u8>,
    /// Unix seconds.
    pub this_update: i64,
    /// Unix seconds; a CRL without one never says when to look again.
    pub next_update: Option<i64>,
    /// Upper-case hex.
    pub crl_number: Option<String>,
    pub signature_algorithm: String,
    pub revoked: Vec<RevokedSerial>,
    pub sha256_fingerprint: String,
    pub der: Vec<u8>,
}

impl CrlInfo {
    pub fn from_der(der: &[u8]) -> Result<Self> {
        let crl: CertificateList = CertificateList::from_der(der).map_err(Error::malformed("CRL"))?;
        let tbs = &crl.tbs_cert_list;
        let crl_number = tbs.crl_extensions.iter().flatten().find_map(|e| {
            (e.extn_id == oids::EXT_CRL_NUMBER)
                .then(|| CrlNumber::from_der(e.extn_value.as_bytes()).ok())
                .flatten()
                .map(|n| hex_upper(n.0.as_bytes()))
        });
        let revoked = tbs
            .revoked_certificates
            .iter()
            .flatten()
            .map(|r| RevokedSerial {
                serial_hex: serial_hex(r.serial_number.as_bytes()),
                revoked_at: unix_seconds(r.revocation_date),
                reason: r.crl_entry_extensions.iter().flatten().find_map(|e| {
                    (e.extn_id == oids::EXT_CRL_REASON)
                        .then(|| CrlReason::from_der(e.extn_value.as_bytes()).ok())
                        .flatten()
                        .map(reason_name)
                }),
            })
            .collect();
        Ok(CrlInfo {
            issuer: name_to_string(&tbs.issuer),
            issuer_der: tbs.issuer.to_der()?,
            this_update: unix_seconds(tbs.this_update),
            next_update: tbs.next_update.map(unix_seconds),
            crl_number,
            signature_algorithm: oids::signature_algorithm_name(&crl.signature_algorithm.oid)
                .map(str::to_string)
                .unwrap_or_else(|| crl.signature_algorithm.oid.to_string()),
            revoked,
            sha256_fingerprint: colon_hex(&Sha256::digest(der)),
            der: der.to_vec(),
        })
    }

    /// The next update has passed: a relying party should not trust this
    /// list any more, and the CA has not published a newer one.
    pub fn is_overdue(&self, now: i64) -> bool {
        self.next_update.is_some_and(|n| now > n)
    }

    /// The entry for a serial (hex, any case, leading zeros ignored).
    pub fn entry_for(&self, serial_hex: &str) -> Option<&RevokedSerial> {
        let wanted = serial_hex.trim_start_matches('0').to_ascii_uppercase();
        self.revoked
            .iter()
            .find(|r| r.serial_hex.trim_start_matches('0') == wanted)
    }

    /// Whether `issuer_cert_der` signed this CRL: its subject is the CRL's
    /// issuer and the signature verifies with its key.
    pub fn signed_by(&self, issuer_cert_der: &[u8]) -> bool {
        let Ok(cert) = x509_cert::Certificate::from_der(issuer_cert_der) else {
            return false;
        };
        let tbs = cert.tbs_certificate();
        let same_name = tbs.subject().to_der().is_ok_and(|n| n == self.issuer_der);
        let Ok(spki) = tbs.subject_public_key_info().to_der() else {
            return false;
        };
        same_name
            && sig::split_signed(&self.der, "CRL").is_ok_and(|p| {
                sig::verify_signature(&spki, &p.algorithm, &p.tbs, &p.signature).is_ok()
            })
    }

    /// PEM text (`X509 CRL`).
    pub fn to_pem(&self) -> String {
        pem::encode_pem(pem::LABEL_CRL, &self.der)
    }
}

/// A CRL from PEM (`X509 CRL`) or DER.
pub fn decode_crl(input: &[u8]) -> Result<CrlInfo> {
    let der = pem::der_from_input(input, &[pem::LABEL_CRL], "CRL")?;
    CrlInfo::from_der(&der)
}

/// RFC 5280 spelling, as `openssl crl -text` prints them (in words there).
fn reason_name(r: CrlReason) -> &'static str {
    match r {
        CrlReason::Unspecified => "unspecified",
        CrlReason::KeyCompromise => "keyCompromise",
        CrlReason::CaCompromise => "cACompromise",
        CrlReason::AffiliationChanged => "affiliationChanged",
        CrlReason::Superseded => "superseded",
        CrlReason::CessationOfOperation => "cessationOfOperation",
        CrlReason::CertificateHold => "certificateHold",
        CrlReason::RemoveFromCRL => "removeFromCRL",
        CrlReason::PrivilegeWithdrawn => "privilegeWithdrawn",
        CrlReason::AaCompromise => "aACompromise",
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::issue::{
        build_crl, self_signed_certificate, DistinguishedName, IssueRequest, RevocationReason,
        RevokedEntry, SignatureHash,
    };
    use crate::{generate_key, BasicConstraints, KeyAlgorithm, KeyUsage};

    pub(crate) fn ca_and_crl(now: i64) -> (Vec<u8>, Vec<u8>) {
        let key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let mut req = IssueRequest::new(DistinguishedName::new("CRL Test CA"), now - 60, now + 86_400);
        req.basic_constraints = Some(BasicConstraints { ca: true, path_len: None });
        req.key_usage = vec![KeyUsage::KeyCertSign, KeyUsage::CrlSign];
        let ca = self_signed_certificate(&req, &key).unwrap();
        let revoked = [
            RevokedEntry { serial: vec![0x0a, 0xbc], revoked_at: now - 30, reason: Some(RevocationReason::KeyCompromise) },
            RevokedEntry { serial: vec![0x01], revoked_at: now - 20, reason: None },
        ];
        let crl = build_crl(&ca, &key, &revoked, 7, now - 10, now + 3600, SignatureHash::Sha256).unwrap();
        (ca, crl)
    }

    #[test]
    fn decodes_entries_reasons_and_signer() {
        let now = 1_800_000_000;
        let (ca, crl) = ca_and_crl(now);
        let info = decode_crl(pem::encode_pem(pem::LABEL_CRL, &crl).as_bytes()).unwrap();
        assert_eq!(info.issuer, "CN=CRL Test CA");
        assert_eq!(info.this_update, now - 10);
        assert_eq!(info.next_update, Some(now + 3600));
        assert_eq!(info.crl_number.as_deref(), Some("07"));
        assert_eq!(info.revoked.len(), 2);
        assert_eq!(info.revoked[0].serial_hex, "0ABC");
        assert_eq!(info.revoked[0].reason, Some("keyCompromise"));
        assert_eq!(info.revoked[1].reason, None);
        assert_eq!(info.entry_for("abc").map(|r| r.revoked_at), Some(now - 30));
        assert!(info.entry_for("0BC").is_none());
        assert!(info.signed_by(&ca));
        assert!(!info.signed_by(&crl));
        assert!(!info.is_overdue(now + 3600));
        assert!(info.is_overdue(now + 3601));
        assert_eq!(CrlInfo::from_der(&crl).unwrap(), info);
        assert!(info.to_pem().starts_with("-----BEGIN X509 CRL-----"));
    }

    #[test]
    fn broken_crls_are_errors() {
        let (_, crl) = ca_and_crl(1_800_000_000);
        for cut in [1, 10, crl.len() / 2, crl.len() - 1] {
            assert!(matches!(CrlInfo::from_der(&crl[..cut]), Err(Error::Malformed { what: "CRL", .. })));
        }
        assert_eq!(decode_crl(b"nothing"), Err(Error::NotFound("CRL")));
    }
}

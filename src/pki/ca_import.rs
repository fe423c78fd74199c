//! The checks a pending CA's certificate import runs in the browser before
//! anything is sent: one certificate, a CA certificate, for the key of the
//! CA's own CSR, and (when given) a chain that links it to a root.

use ccm_pki::pem::certificates_from_pem;
use ccm_pki::{verify_chain, CertificateInfo};

/// What the user pasted, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    pub certificate: CertificateInfo,
    pub chain: Vec<CertificateInfo>,
    /// Subjects from the certificate up to the root, once the chain verified.
    pub path: Vec<String>,
}

/// Why the import is refused before sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    NoCertificate,
    SeveralCertificates(usize),
    Unreadable(String),
    ChainUnreadable(String),
    NotACa,
    KeyNotFromCsr,
    ChainBroken(String),
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoCertificate => write!(f, "paste the signed certificate as PEM (-----BEGIN CERTIFICATE----- …)"),
            Self::SeveralCertificates(n) => {
                write!(f, "paste exactly one certificate here ({n} found); the others go into the chain")
            }
            Self::Unreadable(e) => write!(f, "the certificate cannot be read: {e}"),
            Self::ChainUnreadable(e) => write!(f, "the chain cannot be read: {e}"),
            Self::NotACa => write!(f, "this certificate is not a CA certificate (basic constraints CA:TRUE is missing)"),
            Self::KeyNotFromCsr => write!(
                f,
                "this certificate is for another key: it was not signed from this CA's CSR"
            ),
            Self::ChainBroken(e) => write!(f, "the chain does not link the certificate to a root: {e}"),
        }
    }
}

/// Decodes and checks an import. `csr_public_key` is the DER public key of
/// the CA's CSR when it is known; `now` is Unix seconds.
pub fn check_ca_import(
    certificate: &str,
    chain: &str,
    csr_public_key: Option<&[u8]>,
    now: i64,
) -> Result<ImportPreview, ImportProblem> {
    if !certificate.contains("-----BEGIN") {
        return Err(ImportProblem::NoCertificate);
    }
    let ders = certificates_from_pem(certificate).map_err(|_| ImportProblem::NoCertificate)?;
    if ders.len() > 1 {
        return Err(ImportProblem::SeveralCertificates(ders.len()));
    }
    let info = CertificateInfo::from_der(&ders[0]).map_err(|e| ImportProblem::Unreadable(e.to_string()))?;
    if !info.is_ca() {
        return Err(ImportProblem::NotACa);
    }
    if let Some(expected) = csr_public_key {
        if info.public_key.spki_der != expected {
            return Err(ImportProblem::KeyNotFromCsr);
        }
    }
    let chain_ders = if chain.trim().is_empty() {
        Vec::new()
    } else {
        certificates_from_pem(chain).map_err(|e| ImportProblem::ChainUnreadable(e.to_string()))?
    };
    let chain_infos = chain_ders
        .iter()
        .map(|d| CertificateInfo::from_der(d))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ImportProblem::ChainUnreadable(e.to_string()))?;
    let path = if chain_ders.is_empty() {
        Vec::new()
    } else {
        let mut all = vec![ders[0].clone()];
        all.extend(chain_ders);
        verify_chain(&all, &[], now).map_err(|e| ImportProblem::ChainBroken(e.to_string()))?.subjects
    };
    Ok(ImportPreview { certificate: info, chain: chain_infos, path })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pki::fixtures::Hierarchy;

    #[test]
    fn a_signed_ca_certificate_with_its_chain_passes() {
        let h = Hierarchy::new();
        let preview = check_ca_import(&h.sub_pem, &h.root_pem, Some(&h.sub_spki), h.now).unwrap();
        assert_eq!(preview.certificate.common_name.as_deref(), Some("Fixture Sub CA"));
        assert_eq!(preview.chain.len(), 1);
        assert_eq!(preview.path.len(), 2);
        // Without a chain there is nothing to link, but the key still matches.
        assert!(check_ca_import(&h.sub_pem, "", Some(&h.sub_spki), h.now).unwrap().path.is_empty());
    }

    #[test]
    fn each_refusal_names_its_reason() {
        let h = Hierarchy::new();
        let now = h.now;
        assert_eq!(check_ca_import("hello", "", None, now), Err(ImportProblem::NoCertificate));
        let two = format!("{}{}", h.sub_pem, h.root_pem);
        assert_eq!(check_ca_import(&two, "", None, now), Err(ImportProblem::SeveralCertificates(2)));
        assert_eq!(check_ca_import(&h.leaf_pem, &h.sub_pem, None, now), Err(ImportProblem::NotACa));
        assert_eq!(check_ca_import(&h.root_pem, "", Some(&h.sub_spki), now), Err(ImportProblem::KeyNotFromCsr));
        // The chain holds an unrelated root: the link is missing.
        let other = Hierarchy::new();
        assert!(matches!(
            check_ca_import(&h.sub_pem, &other.root_pem, Some(&h.sub_spki), now),
            Err(ImportProblem::ChainBroken(_))
        ));
        assert!(matches!(
            check_ca_import(&h.sub_pem, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", None, now),
            Err(ImportProblem::ChainUnreadable(_))
        ));
    }
}

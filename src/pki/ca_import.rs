//! The checks a pending CA's certificate import runs in the browser before
//! anything is sent: one certificate, a CA certificate, for the key of the
//! CA's own CSR, and (when given) a chain that links it to a root.

use ccm_pki::pem::certificates_from_pem;
use ccm_pki::{verify_chain, CertificateInfo};

use crate::form::message::code_mark;
use crate::i18n::{td_string, Locale};

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

impl ImportProblem {
    /// In `l`; the decoder's and verifier's words are data (backticks,
    /// shown as code by `form::message`).
    pub fn words(&self, l: Locale) -> String {
        match self {
            Self::NoCertificate => td_string!(l, pca.import_no_certificate, begin = code_mark("-----BEGIN CERTIFICATE-----")).to_string(),
            Self::SeveralCertificates(n) => td_string!(l, pca.import_several, n = n).to_string(),
            Self::Unreadable(e) => td_string!(l, pca.import_unreadable, detail = code_mark(e)).to_string(),
            Self::ChainUnreadable(e) => td_string!(l, pca.import_chain_unreadable, detail = code_mark(e)).to_string(),
            Self::NotACa => td_string!(l, pca.import_not_ca, constraint = code_mark("CA:TRUE")).to_string(),
            Self::KeyNotFromCsr => td_string!(l, pca.import_other_key).to_string(),
            Self::ChainBroken(e) => td_string!(l, pca.import_chain_broken, detail = code_mark(e)).to_string(),
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
    #[test]
    fn every_problem_is_worded_in_both_languages_with_the_details_as_code_mark() {
        let all = [
            ImportProblem::NoCertificate,
            ImportProblem::SeveralCertificates(2),
            ImportProblem::Unreadable("bad length".into()),
            ImportProblem::ChainUnreadable("bad length".into()),
            ImportProblem::NotACa,
            ImportProblem::KeyNotFromCsr,
            ImportProblem::ChainBroken("no issuer".into()),
        ];
        for p in &all {
            let (en, zh) = (p.words(crate::i18n::Locale::en), p.words(crate::i18n::Locale::zh_CN));
            assert_ne!(en, zh, "{p:?}");
            let plain: String = zh.split('`').step_by(2).collect();
            let plain = ["CA", "CSR", "PEM"].iter().fold(plain, |s, t| s.replace(t, ""));
            assert!(!plain.chars().any(|c| c.is_ascii_alphabetic()), "{p:?}: {zh}");
        }
        assert_eq!(ImportProblem::SeveralCertificates(2).words(crate::i18n::Locale::en), "paste exactly one certificate here (2 found); the others go into the chain");
    }

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

//! What the import form checks in the browser before anything is sent:
//! the contract's field rules (sizes of the reference, PEM shapes), then
//! the certificate decoded, the key readable, not password-protected and
//! belonging to the certificate, and the chain leading up from it. Pure.

use ccm_api::scm::ImportCertificateBody;
use ccm_api::validate::check_field;
use ccm_api::Service;
use ccm_pki::pem::certificates_from_pem;
use ccm_pki::{parse_private_key, verify_issued_by, CertificateInfo, PrivateKey};
use serde_json::Value;

use crate::i18n::format::date;
use crate::i18n::{td_string, Locale};

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportDraft {
    pub name: String,
    pub certificate: String,
    pub chain: String,
    pub private_key: String,
}

/// One refusal, for the field it concerns (the body field's name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub message: String,
}

/// The decoded material, shown before sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    pub certificate: CertificateInfo,
    pub chain: Vec<CertificateInfo>,
    /// `EC P-256`, `RSA 2048`, …
    pub key: String,
}

/// Decodes as much as can be decoded, for the live preview; never refuses.
pub fn decode_preview(d: &ImportDraft) -> (Option<CertificateInfo>, Vec<CertificateInfo>, Option<String>) {
    let cert = certificates_from_pem(&d.certificate).ok().and_then(|c| c.first().and_then(|der| CertificateInfo::from_der(der).ok()));
    let chain = certificates_from_pem(&d.chain)
        .map(|ders| ders.iter().filter_map(|der| CertificateInfo::from_der(der).ok()).collect())
        .unwrap_or_default();
    let key = parse_private_key(d.private_key.as_bytes()).ok().map(|k| k.description());
    (cert, chain, key)
}

fn contract(field: &'static str, value: &str, l: Locale) -> Result<(), Problem> {
    check_field(Service::Scm, "import_certificate", field, Some(&Value::String(value.to_owned())))
        .map_err(|m| Problem { field, message: td_string!(l, scm.chars_now, message = m, count = value.chars().count()) })
}

fn problem(field: &'static str, message: impl Into<String>) -> Problem {
    Problem { field, message: message.into() }
}

/// Every check; all problems at once so each field shows its own.
/// `now` is Unix seconds.
pub fn check_import(d: &ImportDraft, now: i64, l: Locale) -> Result<(ImportCertificateBody, ImportPreview), Vec<Problem>> {
    let mut problems = Vec::new();
    let name = d.name.trim();
    if name.is_empty() {
        problems.push(problem("name", td_string!(l, scm.imp_name_missing)));
    } else if let Err(p) = contract("name", name, l) {
        problems.push(p);
    }

    // The certificate.
    let mut leaf: Option<(Vec<u8>, CertificateInfo)> = None;
    if d.certificate.trim().is_empty() {
        problems.push(problem("certificate", td_string!(l, scm.imp_cert_missing)));
    } else if let Err(p) = contract("certificate", &d.certificate, l) {
        problems.push(p);
    } else {
        match certificates_from_pem(&d.certificate) {
            Ok(ders) if ders.len() > 1 => problems.push(problem(
                "certificate",
                td_string!(l, scm.imp_cert_several, count = ders.len()),
            )),
            Ok(ders) => match CertificateInfo::from_der(&ders[0]) {
                Ok(info) if info.not_after <= now => {
                    problems.push(problem("certificate", td_string!(l, scm.imp_cert_expired, date = date(l, info.not_after * 1000))))
                }
                Ok(info) => leaf = Some((ders[0].clone(), info)),
                Err(e) => problems.push(problem("certificate", td_string!(l, scm.imp_cert_unreadable, error = e.to_string()))),
            },
            Err(e) => problems.push(problem("certificate", td_string!(l, scm.imp_cert_unreadable, error = e.to_string()))),
        }
    }

    // The private key.
    let mut key: Option<PrivateKey> = None;
    if d.private_key.trim().is_empty() {
        problems.push(problem("private_key", td_string!(l, scm.imp_key_missing)));
    } else {
        match parse_private_key(d.private_key.as_bytes()) {
            Err(ccm_pki::Error::EncryptedKey) => problems.push(problem(
                "private_key",
                td_string!(l, scm.imp_key_encrypted),
            )),
            Err(e) => problems.push(problem("private_key", td_string!(l, scm.imp_key_unreadable, error = e.to_string()))),
            Ok(k) => match contract("private_key", &d.private_key, l) {
                Err(p) => problems.push(p),
                Ok(()) => key = Some(k),
            },
        }
    }
    if let (Some(k), Some((der, _))) = (&key, &leaf) {
        if !k.matches_certificate(der).unwrap_or(false) {
            problems.push(problem("private_key", td_string!(l, scm.imp_key_mismatch)));
        }
    }

    // The chain.
    let mut chain_infos = Vec::new();
    if d.chain.trim().is_empty() {
        problems.push(problem("certificate_chain", td_string!(l, scm.imp_chain_missing)));
    } else if let Err(p) = contract("certificate_chain", &d.chain, l) {
        problems.push(p);
    } else {
        match certificates_from_pem(&d.chain) {
            Err(e) => problems.push(problem("certificate_chain", td_string!(l, scm.imp_chain_unreadable, error = e.to_string()))),
            Ok(ders) => {
                if let Some((leaf_der, _)) = &leaf {
                    if let Err(m) = chain_links(leaf_der, &ders, l) {
                        problems.push(problem("certificate_chain", m));
                    }
                }
                chain_infos = ders.iter().filter_map(|der| CertificateInfo::from_der(der).ok()).collect();
            }
        }
    }

    match (problems.is_empty(), leaf, key) {
        (true, Some((_, info)), Some(k)) => Ok((
            ImportCertificateBody {
                name: name.to_owned(),
                certificate: d.certificate.trim().to_owned() + "\n",
                certificate_chain: d.chain.trim().to_owned() + "\n",
                private_key: d.private_key.trim().to_owned() + "\n",
                ..Default::default()
            },
            ImportPreview { certificate: info, chain: chain_infos, key: k.description() },
        )),
        _ => Err(problems),
    }
}

/// The chain must lead up from the certificate: each step's issuer in the
/// chain and its signature verified, and every chain certificate on that path.
pub fn chain_links(leaf: &[u8], chain: &[Vec<u8>], l: Locale) -> Result<(), String> {
    let mut unused: Vec<&Vec<u8>> = chain.iter().collect();
    let mut current: &[u8] = leaf;
    let mut steps = 0;
    while let Some(pos) = unused.iter().position(|c| verify_issued_by(current, c).is_ok()) {
        current = unused.remove(pos);
        steps += 1;
    }
    if steps == 0 {
        let issuer = CertificateInfo::from_der(leaf).map(|i| i.issuer).unwrap_or_default();
        return Err(td_string!(l, scm.imp_chain_no_issuer, issuer));
    }
    if let Some(stray) = unused.first() {
        let subject = CertificateInfo::from_der(stray).map(|i| i.subject).unwrap_or_default();
        return Err(td_string!(l, scm.imp_chain_stray, subject));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ccm_pki::pem::{encode_pem, LABEL_CERTIFICATE};
    use ccm_pki::{generate_key, issue_certificate, self_signed_certificate, BasicConstraints, DistinguishedName, IssueRequest, KeyAlgorithm, SubjectAltName};

    const NOW: i64 = 1_800_000_000;

    struct Pki {
        root: String,
        ca: String,
        leaf: String,
        leaf_key: String,
        other_key: String,
        protected_key: String,
    }

    fn pki() -> Pki {
        let ca_req = |cn: &str| {
            let mut r = IssueRequest::new(DistinguishedName::new(cn), NOW - 3600, NOW + 86_400 * 365);
            r.basic_constraints = Some(BasicConstraints { ca: true, path_len: None });
            r
        };
        let root_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let root = self_signed_certificate(&ca_req("Test Root"), &root_key).unwrap();
        let ca_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let ca = issue_certificate(&ca_req("Test TLS CA"), &ca_key.public_key_der().unwrap(), &root, &root_key).unwrap();
        let leaf_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let mut leaf_req = IssueRequest::new(DistinguishedName::new("shop.example.com"), NOW - 3600, NOW + 86_400 * 90);
        leaf_req.subject_alt_names = vec![SubjectAltName::Dns("shop.example.com".into())];
        let leaf = issue_certificate(&leaf_req, &leaf_key.public_key_der().unwrap(), &ca, &ca_key).unwrap();
        let other = generate_key(KeyAlgorithm::Ec256).unwrap();
        Pki {
            root: encode_pem(LABEL_CERTIFICATE, &root),
            ca: encode_pem(LABEL_CERTIFICATE, &ca),
            leaf: encode_pem(LABEL_CERTIFICATE, &leaf),
            leaf_key: leaf_key.to_pkcs8_pem().unwrap().to_string(),
            other_key: other.to_pkcs8_pem().unwrap().to_string(),
            protected_key: leaf_key.to_encrypted_pkcs8_pem("secret").unwrap().to_string(),
        }
    }

    fn draft(p: &Pki) -> ImportDraft {
        ImportDraft { name: "shop".into(), certificate: p.leaf.clone(), chain: format!("{}{}", p.ca, p.root), private_key: p.leaf_key.clone() }
    }

    fn fields(r: Result<(ImportCertificateBody, ImportPreview), Vec<Problem>>) -> Vec<(&'static str, String)> {
        r.err().unwrap().into_iter().map(|p| (p.field, p.message)).collect()
    }

    #[test]
    fn a_matching_set_passes_and_is_decoded() {
        let p = pki();
        let (body, preview) = check_import(&draft(&p), NOW, Locale::en).unwrap();
        assert_eq!(body.name, "shop");
        assert_eq!(preview.certificate.common_name.as_deref(), Some("shop.example.com"));
        assert_eq!(preview.chain.len(), 2);
        assert!(preview.key.contains("P-256"), "{}", preview.key);
        // The intermediate alone is a chain too.
        assert!(check_import(&ImportDraft { chain: p.ca.clone(), ..draft(&p) }, NOW, Locale::en).is_ok());
    }

    #[test]
    fn a_key_of_another_certificate_is_refused() {
        let p = pki();
        let f = fields(check_import(&ImportDraft { private_key: p.other_key.clone(), ..draft(&p) }, NOW, Locale::en));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "private_key");
        assert!(f[0].1.contains("does not belong"));
    }

    #[test]
    fn a_protected_key_is_refused() {
        let p = pki();
        let f = fields(check_import(&ImportDraft { private_key: p.protected_key.clone(), ..draft(&p) }, NOW, Locale::en));
        assert_eq!(f[0].0, "private_key");
        assert!(f[0].1.contains("protected by a password"));
    }

    #[test]
    fn a_chain_that_does_not_link_is_refused() {
        let p = pki();
        let other = pki();
        let f = fields(check_import(&ImportDraft { chain: other.ca.clone(), ..draft(&p) }, NOW, Locale::en));
        assert_eq!(f[0].0, "certificate_chain");
        assert!(f[0].1.contains("none of its certificates issued it"), "{}", f[0].1);
        let stray = fields(check_import(&ImportDraft { chain: format!("{}{}", p.ca, other.root), ..draft(&p) }, NOW, Locale::en));
        assert!(stray[0].1.contains("is not on the path"), "{}", stray[0].1);
    }

    #[test]
    fn the_reference_sizes_are_enforced() {
        let p = pki();
        let long_chain = p.ca.repeat(20);
        assert!(long_chain.len() > 8192);
        let f = fields(check_import(&ImportDraft { chain: long_chain, name: "x".repeat(64), ..draft(&p) }, NOW, Locale::en));
        let by = |field: &str| f.iter().find(|(k, _)| *k == field).map(|(_, m)| m.clone()).unwrap();
        assert!(by("certificate_chain").contains("8192"), "{}", by("certificate_chain"));
        assert!(by("name").contains("63"), "{}", by("name"));
    }

    #[test]
    fn empty_and_expired_inputs_say_what_to_do() {
        let p = pki();
        let f = fields(check_import(&ImportDraft::default(), NOW, Locale::en));
        assert_eq!(f.iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec!["name", "certificate", "private_key", "certificate_chain"]);
        let expired = fields(check_import(&draft(&p), NOW + 86_400 * 100, Locale::en));
        assert!(expired[0].1.contains("expired"));
        let two = fields(check_import(&ImportDraft { certificate: format!("{}{}", p.leaf, p.ca), ..draft(&p) }, NOW, Locale::en));
        assert!(two[0].1.contains("2 found"));
    }
}

//! What the toolbox says about the objects read together: which key belongs
//! to which certificate or CSR, the chains they form, and problems in plain
//! words (expired, key mismatch, missing intermediate, chain out of order,
//! weak key, SAN missing the CN, an overdue CRL, a revoked certificate).

use core::fmt;

use crate::bundle::ZipEntry;
use crate::decode::{CertificateInfo, SubjectAltName, ValidityStatus};
use crate::error::{Error, Result};
use crate::inspect::{Found, Object, Place};
use crate::pem::encode_pem;
use crate::verify::verify_issued_by;

/// Indices into the objects, as read.
pub type Index = usize;

/// A key and the certificate or CSR whose public key it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyMatch {
    pub key: Index,
    pub target: Index,
}

/// A chain built from the certificates read, leaf first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    pub members: Vec<Index>,
    /// It ends in a self-signed root.
    pub complete: bool,
}

/// A problem, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Expired { object: Index, days_ago: i64 },
    NotYetValid { object: Index, days: i64 },
    ExpiresSoon { object: Index, days: i64 },
    /// A key whose public half is in none of the certificates and CSRs read.
    KeyMatchesNothing { key: Index },
    /// A leaf certificate with keys read, none of which is its own.
    CertificateWithoutKey { certificate: Index },
    /// A chain stops at a certificate whose issuer was not read.
    MissingIssuer { certificate: Index, issuer: String },
    /// The names link but the issuer's key did not sign it.
    BadChainSignature { certificate: Index, issuer: Index },
    /// An issuer in the chain is not a CA.
    IssuerNotCa { issuer: Index },
    /// The certificates of one input are not leaf, then issuer, then its issuer.
    ChainOrder { source: String, expected: Vec<String> },
    WeakKey { object: Index, key: String },
    WeakSignature { object: Index, algorithm: String },
    SanMissingCn { object: Index, common_name: String },
    CsrBadSignature { csr: Index },
    CrlOverdue { crl: Index, days: i64 },
    Revoked { certificate: Index, crl: Index, reason: Option<&'static str> },
}

impl Problem {
    /// The object the problem is about, to show it next to it.
    pub fn object(&self) -> Option<Index> {
        match self {
            Self::Expired { object, .. }
            | Self::NotYetValid { object, .. }
            | Self::ExpiresSoon { object, .. }
            | Self::WeakKey { object, .. }
            | Self::WeakSignature { object, .. }
            | Self::SanMissingCn { object, .. } => Some(*object),
            Self::KeyMatchesNothing { key } => Some(*key),
            Self::CertificateWithoutKey { certificate }
            | Self::MissingIssuer { certificate, .. }
            | Self::BadChainSignature { certificate, .. }
            | Self::Revoked { certificate, .. } => Some(*certificate),
            Self::IssuerNotCa { issuer } => Some(*issuer),
            Self::CsrBadSignature { csr } => Some(*csr),
            Self::CrlOverdue { crl, .. } => Some(*crl),
            Self::ChainOrder { .. } => None,
        }
    }

    /// A stable code for the kind of problem: the console words each one
    /// from its locale files by this code (the `Display` text is English,
    /// for logs and tests).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Expired { .. } => "expired",
            Self::NotYetValid { .. } => "not_yet_valid",
            Self::ExpiresSoon { .. } => "expires_soon",
            Self::KeyMatchesNothing { .. } => "key_matches_nothing",
            Self::CertificateWithoutKey { .. } => "certificate_without_key",
            Self::MissingIssuer { .. } => "missing_issuer",
            Self::BadChainSignature { .. } => "bad_chain_signature",
            Self::IssuerNotCa { .. } => "issuer_not_ca",
            Self::ChainOrder { .. } => "chain_order",
            Self::WeakKey { .. } => "weak_key",
            Self::WeakSignature { .. } => "weak_signature",
            Self::SanMissingCn { .. } => "san_missing_cn",
            Self::CsrBadSignature { .. } => "csr_bad_signature",
            Self::CrlOverdue { .. } => "crl_overdue",
            Self::Revoked { .. } => "revoked",
        }
    }

    /// Whether it breaks something (an error) or only deserves a look.
    pub fn is_error(&self) -> bool {
        !matches!(self, Self::ExpiresSoon { .. } | Self::WeakSignature { .. } | Self::MissingIssuer { .. })
    }
}

/// Messages name objects by number (#1 ...), as the page lists them.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |i: &Index| i + 1;
        match self {
            Self::Expired { object, days_ago } => write!(f, "#{} has expired ({days_ago} days ago).", n(object)),
            Self::NotYetValid { object, days } => write!(f, "#{} is not valid yet (it starts in {days} days).", n(object)),
            Self::ExpiresSoon { object, days } => write!(f, "#{} expires in {days} days.", n(object)),
            Self::KeyMatchesNothing { key } => write!(f, "Key mismatch: private key #{} belongs to none of the certificates or CSRs given.", n(key)),
            Self::CertificateWithoutKey { certificate } => write!(f, "Key mismatch: none of the private keys given belongs to certificate #{}.", n(certificate)),
            Self::MissingIssuer { certificate, issuer } => write!(f, "Missing intermediate: the issuer of #{} (\"{issuer}\") is not among the certificates given; servers must send every intermediate (the root may be left out).", n(certificate)),
            Self::BadChainSignature { certificate, issuer } => write!(f, "#{} names #{} as its issuer, but #{}'s key did not sign it.", n(certificate), n(issuer), n(issuer)),
            Self::IssuerNotCa { issuer } => write!(f, "#{} issued a certificate but is not a CA.", n(issuer)),
            Self::ChainOrder { source, expected } => write!(f, "Chain order wrong in {source}: certificates should go from the leaf to the root: {}.", expected.join(" → ")),
            Self::WeakKey { object, key } => write!(f, "Weak key: #{} uses {key}; use RSA 2048 or more, or EC P-256 or more.", n(object)),
            Self::WeakSignature { object, algorithm } => write!(f, "Weak signature: #{} is signed with {algorithm}, which clients reject.", n(object)),
            Self::SanMissingCn { object, common_name } => write!(f, "SAN missing the CN: #{}'s common name \"{common_name}\" is not among its alternative names, and browsers only read those.", n(object)),
            Self::CsrBadSignature { csr } => write!(f, "CSR #{}'s signature does not verify: it was altered or is damaged.", n(csr)),
            Self::CrlOverdue { crl, days } => write!(f, "CRL #{} is overdue: its next update was {days} days ago and no newer list was published.", n(crl)),
            Self::Revoked { certificate, crl, reason } => match reason {
                Some(r) => write!(f, "#{} is revoked ({r}) according to CRL #{}.", n(certificate), n(crl)),
                None => write!(f, "#{} is revoked according to CRL #{}.", n(certificate), n(crl)),
            },
        }
    }
}

/// Everything said about the objects read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    pub key_matches: Vec<KeyMatch>,
    pub chains: Vec<Chain>,
    pub problems: Vec<Problem>,
}

impl Analysis {
    /// The certificate or CSR key `key` belongs to, if any.
    pub fn targets_of(&self, key: Index) -> impl Iterator<Item = Index> + '_ {
        self.key_matches.iter().filter(move |m| m.key == key).map(|m| m.target)
    }

    /// The key that belongs to certificate or CSR `target`.
    pub fn key_of(&self, target: Index) -> Option<Index> {
        self.key_matches.iter().find(|m| m.target == target).map(|m| m.key)
    }

    /// The chain that starts at `leaf`.
    pub fn chain_of(&self, leaf: Index) -> Option<&Chain> {
        self.chains.iter().find(|c| c.members.first() == Some(&leaf))
    }
}

/// Days within which an expiry is worth a warning.
const EXPIRY_WARNING_DAYS: i64 = 30;

fn cert(objects: &[Found], i: Index) -> Option<&CertificateInfo> {
    match &objects.get(i)?.object {
        Object::Certificate(c) => Some(c),
        _ => None,
    }
}

/// Analyses what was read at time `now` (Unix seconds).
pub fn analyse(objects: &[Found], now: i64) -> Analysis {
    let mut a = Analysis::default();
    let certs: Vec<Index> = (0..objects.len()).filter(|&i| cert(objects, i).is_some()).collect();
    match_keys(objects, &certs, &mut a);
    build_chains(objects, &certs, &mut a);
    check_order(objects, &certs, &mut a);
    for (i, found) in objects.iter().enumerate() {
        check_object(objects, i, &found.object, now, &mut a);
    }
    a.problems.sort_by_key(|p| (!p.is_error(), p.object()));
    a
}

fn match_keys(objects: &[Found], certs: &[Index], a: &mut Analysis) {
    let keys: Vec<Index> = (0..objects.len()).filter(|&i| matches!(objects[i].object, Object::Key(_))).collect();
    for &k in &keys {
        let Object::Key(key) = &objects[k].object else { continue };
        let mut any = false;
        for (t, found) in objects.iter().enumerate() {
            let spki = match &found.object {
                Object::Certificate(c) => &c.public_key.spki_der,
                Object::Csr(c) => &c.public_key.spki_der,
                _ => continue,
            };
            if key.key.matches_public_key_der(spki) {
                a.key_matches.push(KeyMatch { key: k, target: t });
                any = true;
            }
        }
        let has_targets = objects.iter().any(|f| matches!(f.object, Object::Certificate(_) | Object::Csr(_)));
        if !any && has_targets {
            a.problems.push(Problem::KeyMatchesNothing { key: k });
        }
    }
    if keys.is_empty() {
        return;
    }
    // A leaf (not a CA) with keys given, none its own.
    for &c in certs {
        let info = cert(objects, c).filter(|i| !i.is_ca());
        if info.is_some() && a.key_of(c).is_none() {
            a.problems.push(Problem::CertificateWithoutKey { certificate: c });
        }
    }
}

/// Whether `issuer` names and signed `child`.
fn issued(objects: &[Found], issuer: Index, child: Index) -> Option<bool> {
    let (p, c) = (cert(objects, issuer)?, cert(objects, child)?);
    (p.subject_fields == c.issuer_fields && p.subject == c.issuer).then(|| verify_issued_by(&c.der, &p.der).is_ok())
}

fn build_chains(objects: &[Found], certs: &[Index], a: &mut Analysis) {
    // The same certificate read twice (a bundle and its own file) is one node.
    let mut unique: Vec<Index> = Vec::new();
    for &c in certs {
        let der = &cert(objects, c).map(|i| &i.der);
        if !unique.iter().any(|&u| &cert(objects, u).map(|i| &i.der) == der) {
            unique.push(c);
        }
    }
    let issues_another = |p: Index| unique.iter().any(|&c| c != p && issued(objects, p, c) == Some(true));
    for &leaf in unique.iter().filter(|&&c| !issues_another(c)) {
        let mut members = vec![leaf];
        let complete = loop {
            let current = *members.last().unwrap_or(&leaf);
            let Some(info) = cert(objects, current) else { break false };
            if info.self_issued && issued(objects, current, current) == Some(true) {
                break true;
            }
            let candidates: Vec<Index> = unique
                .iter()
                .copied()
                .filter(|&p| p != current && !members.contains(&p) && issued(objects, p, current).is_some())
                .collect();
            match candidates.iter().find(|&&p| issued(objects, p, current) == Some(true)) {
                Some(&p) => {
                    if !cert(objects, p).is_some_and(CertificateInfo::is_ca) {
                        a.problems.push(Problem::IssuerNotCa { issuer: p });
                    }
                    members.push(p);
                }
                None => {
                    match candidates.first() {
                        Some(&p) => a.problems.push(Problem::BadChainSignature { certificate: current, issuer: p }),
                        None if !info.self_issued => a.problems.push(Problem::MissingIssuer {
                            certificate: current,
                            issuer: info.issuer.clone(),
                        }),
                        None => {}
                    }
                    break false;
                }
            }
        };
        a.chains.push(Chain { members, complete });
    }
}

/// Certificates of one input should be in chain order (leaf first).
fn check_order(objects: &[Found], certs: &[Index], a: &mut Analysis) {
    let mut sources: Vec<&str> = Vec::new();
    for &c in certs {
        let s = objects[c].origin.source.as_str();
        if !sources.contains(&s) && matches!(objects[c].origin.place, Place::Block { .. }) {
            sources.push(s);
        }
    }
    for source in sources {
        let given: Vec<Index> = certs.iter().copied().filter(|&c| objects[c].origin.source == source).collect();
        if given.len() < 2 {
            continue;
        }
        let Some(chain) = a.chains.iter().find(|ch| given.iter().all(|g| ch.members.contains(g))) else {
            continue;
        };
        let expected: Vec<Index> = chain.members.iter().copied().filter(|m| given.contains(m)).collect();
        if expected != given {
            a.problems.push(Problem::ChainOrder {
                source: source.to_string(),
                expected: expected.iter().map(|&i| format!("#{} {}", i + 1, objects[i].object.title())).collect(),
            });
        }
    }
}

fn check_object(objects: &[Found], i: Index, object: &Object, now: i64, a: &mut Analysis) {
    let weak_key = |pk: &crate::decode::PublicKeyInfo| match (pk.algorithm.as_str(), pk.bits) {
        ("RSA", Some(b)) => b < 2048,
        ("EC", Some(b)) => b < 256,
        _ => false,
    };
    let weak_sig = |alg: &str| {
        let l = alg.to_ascii_lowercase();
        l.contains("sha1") || l.contains("md5") || l.contains("md2")
    };
    match object {
        Object::Certificate(c) => {
            let days = c.days_remaining(now);
            match c.validity_at(now) {
                ValidityStatus::Expired => a.problems.push(Problem::Expired { object: i, days_ago: -days }),
                ValidityStatus::NotYetValid => a.problems.push(Problem::NotYetValid {
                    object: i,
                    days: (c.not_before - now).div_euclid(86_400) + 1,
                }),
                ValidityStatus::Valid if days < EXPIRY_WARNING_DAYS => {
                    a.problems.push(Problem::ExpiresSoon { object: i, days })
                }
                ValidityStatus::Valid => {}
            }
            if weak_key(&c.public_key) {
                a.problems.push(Problem::WeakKey { object: i, key: c.public_key.description() });
            }
            if !c.self_issued && weak_sig(&c.signature_algorithm) {
                a.problems.push(Problem::WeakSignature { object: i, algorithm: c.signature_algorithm.clone() });
            }
            if !c.is_ca() {
                if let Some(cn) = cn_missing_from_sans(c.common_name.as_deref(), &c.subject_alt_names) {
                    a.problems.push(Problem::SanMissingCn { object: i, common_name: cn });
                }
            }
        }
        Object::Csr(c) => {
            if !c.signature_valid {
                a.problems.push(Problem::CsrBadSignature { csr: i });
            }
            if weak_key(&c.public_key) {
                a.problems.push(Problem::WeakKey { object: i, key: c.public_key.description() });
            }
            let is_ca = c.basic_constraints.is_some_and(|b| b.ca);
            if !is_ca {
                if let Some(cn) = cn_missing_from_sans(c.common_name.as_deref(), &c.subject_alt_names) {
                    a.problems.push(Problem::SanMissingCn { object: i, common_name: cn });
                }
            }
        }
        Object::Key(k) => {
            if weak_key(&k.public_key) {
                a.problems.push(Problem::WeakKey { object: i, key: k.public_key.description() });
            }
        }
        Object::PublicKey(_) => {}
        Object::Crl(crl) => {
            if let Some(next) = crl.next_update.filter(|_| crl.is_overdue(now)) {
                a.problems.push(Problem::CrlOverdue { crl: i, days: (now - next).div_euclid(86_400) });
            }
            for (j, found) in objects.iter().enumerate() {
                let Object::Certificate(c) = &found.object else { continue };
                if c.issuer != crl.issuer {
                    continue;
                }
                if let Some(entry) = crl.entry_for(&c.serial_hex) {
                    a.problems.push(Problem::Revoked { certificate: j, crl: i, reason: entry.reason });
                }
            }
        }
    }
}

/// The CN when it looks like a host name or address and no DNS/IP SAN holds it.
fn cn_missing_from_sans(cn: Option<&str>, sans: &[SubjectAltName]) -> Option<String> {
    let cn = cn?;
    let host_like = cn.contains('.') && !cn.contains(' ') && !cn.contains('@');
    if !host_like {
        return None;
    }
    let found = sans.iter().any(|s| match s {
        SubjectAltName::Dns(d) => d.eq_ignore_ascii_case(cn),
        SubjectAltName::Ip(ip) => ip.to_string() == cn,
        _ => false,
    });
    (!found).then(|| cn.to_string())
}

/// A PKCS#12 file of key `key`, the certificate it belongs to and that
/// certificate's chain as read (leaf first, without a root's duplicates).
pub fn pkcs12_for_key(objects: &[Found], analysis: &Analysis, key: Index, password: &str) -> Result<Vec<u8>> {
    let Some(Object::Key(k)) = objects.get(key).map(|f| &f.object) else {
        return Err(Error::NotFound("private key"));
    };
    let leaf = analysis
        .targets_of(key)
        .find(|&t| cert(objects, t).is_some())
        .ok_or_else(|| Error::Invalid("no certificate given belongs to this key".into()))?;
    let chain: Vec<Vec<u8>> = analysis
        .chain_of(leaf)
        .map(|c| c.members[1..].iter().filter_map(|&m| cert(objects, m).map(|i| i.der.clone())).collect())
        .unwrap_or_default();
    let der = cert(objects, leaf).map(|c| c.der.clone()).unwrap_or_default();
    let name = cert(objects, leaf).and_then(|c| c.common_name.clone());
    crate::bundle::build_pkcs12(Some(&k.key), &der, &chain, password, name.as_deref())
}

/// One PEM file per object, numbered as listed: `01-example.com.crt`, ...
pub fn split_into_files(objects: &[Found]) -> Result<Vec<ZipEntry>> {
    objects
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (der, label) = f.object.der_and_label()?;
            let stem: String = f
                .object
                .title()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() || "-_.@".contains(c) { c } else { '_' })
                .take(60)
                .collect();
            let stem = stem.trim_matches(|c| c == '.' || c == '_');
            let stem = if stem.is_empty() { f.object.kind().replace(' ', "_") } else { stem.to_string() };
            Ok(ZipEntry::new(format!("{:02}-{stem}.{}", i + 1, f.object.extension()), encode_pem(label, &der)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::{read_sources, Source};
    use crate::issue::{issue_certificate, self_signed_certificate, DistinguishedName, IssueRequest};
    use crate::{generate_key, BasicConstraints, KeyAlgorithm, KeyUsage, PrivateKey};

    struct Pki {
        root: Vec<u8>,
        sub: Vec<u8>,
        leaf: Vec<u8>,
        leaf_key: PrivateKey,
        other_key: PrivateKey,
    }

    const NOW: i64 = 1_800_000_000;

    fn pki(leaf_days: i64, san: &str) -> Pki {
        let ca = |cn: &str| {
            let mut r = IssueRequest::new(DistinguishedName::new(cn), NOW - 86_400, NOW + 86_400 * 365);
            r.basic_constraints = Some(BasicConstraints { ca: true, path_len: None });
            r.key_usage = vec![KeyUsage::KeyCertSign, KeyUsage::CrlSign];
            r
        };
        let root_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let root = self_signed_certificate(&ca("Tool Root"), &root_key).unwrap();
        let sub_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let sub = issue_certificate(&ca("Tool Sub"), &sub_key.public_key_der().unwrap(), &root, &root_key).unwrap();
        let leaf_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let mut r = IssueRequest::new(DistinguishedName::new("www.example.com"), NOW - 86_400 * 10, NOW + 86_400 * leaf_days);
        r.subject_alt_names = vec![SubjectAltName::Dns(san.into())];
        let leaf = issue_certificate(&r, &leaf_key.public_key_der().unwrap(), &sub, &sub_key).unwrap();
        Pki { root, sub, leaf, leaf_key, other_key: generate_key(KeyAlgorithm::Ec256).unwrap() }
    }

    fn read(parts: &[&[u8]]) -> Vec<Found> {
        let text: Vec<String> = parts.iter().map(|d| encode_pem("CERTIFICATE", d)).collect();
        let joined = text.concat();
        read_sources(&[Source { name: "bundle.pem", bytes: joined.as_bytes() }], "").objects
    }

    #[test]
    fn a_good_bundle_with_its_key() {
        let p = pki(365, "www.example.com");
        let mut objects = read(&[&p.leaf, &p.sub, &p.root]);
        let key_pem = p.leaf_key.to_pkcs8_pem().unwrap();
        objects.extend(read_sources(&[Source { name: "key.pem", bytes: key_pem.as_bytes() }], "").objects);
        let a = analyse(&objects, NOW);
        assert_eq!(a.problems, vec![], "{:?}", a.problems.iter().map(ToString::to_string).collect::<Vec<_>>());
        assert_eq!(a.key_matches, vec![KeyMatch { key: 3, target: 0 }]);
        assert_eq!(a.chains, vec![Chain { members: vec![0, 1, 2], complete: true }]);
        let p12 = pkcs12_for_key(&objects, &a, 3, "pw").unwrap();
        let back = crate::keystore::read_pkcs12(&p12, "pw").unwrap();
        assert_eq!(back.entries.len(), 4);
        let files = split_into_files(&objects).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["01-www.example.com.crt", "02-Tool_Sub.crt", "03-Tool_Root.crt", "04-EC_P-256.key"]);
        assert!(pkcs12_for_key(&objects, &a, 0, "pw").is_err());
    }

    #[test]
    fn every_kind_of_problem_has_its_own_code() {
        let all = [
            Problem::Expired { object: 0, days_ago: 1 },
            Problem::NotYetValid { object: 0, days: 1 },
            Problem::ExpiresSoon { object: 0, days: 1 },
            Problem::KeyMatchesNothing { key: 0 },
            Problem::CertificateWithoutKey { certificate: 0 },
            Problem::MissingIssuer { certificate: 0, issuer: "CN=x".into() },
            Problem::BadChainSignature { certificate: 0, issuer: 1 },
            Problem::IssuerNotCa { issuer: 0 },
            Problem::ChainOrder { source: "a".into(), expected: vec![] },
            Problem::WeakKey { object: 0, key: "RSA 1024".into() },
            Problem::WeakSignature { object: 0, algorithm: "sha1".into() },
            Problem::SanMissingCn { object: 0, common_name: "a".into() },
            Problem::CsrBadSignature { csr: 0 },
            Problem::CrlOverdue { crl: 0, days: 1 },
            Problem::Revoked { certificate: 0, crl: 1, reason: None },
        ];
        let mut codes: Vec<&str> = all.iter().map(Problem::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
    }

    #[test]
    fn problems_in_plain_words() {
        let p = pki(-2, "other.example.com");
        // Leaf and root, intermediate missing, root first; a key of nothing.
        let mut objects = read(&[&p.root, &p.leaf]);
        let key_pem = p.other_key.to_pkcs8_pem().unwrap();
        objects.extend(read_sources(&[Source { name: "key.pem", bytes: key_pem.as_bytes() }], "").objects);
        let a = analyse(&objects, NOW);
        let text: Vec<String> = a.problems.iter().map(ToString::to_string).collect();
        let has = |s: &str| text.iter().any(|t| t.contains(s));
        assert!(has("#2 has expired (2 days ago)"), "{text:?}");
        assert!(has("Key mismatch: private key #3 belongs to none"), "{text:?}");
        assert!(has("Key mismatch: none of the private keys given belongs to certificate #2"), "{text:?}");
        assert!(has("Missing intermediate: the issuer of #2 (\"CN=Tool Sub\")"), "{text:?}");
        assert!(has("SAN missing the CN: #2's common name \"www.example.com\""), "{text:?}");
        assert_eq!(a.chains.len(), 2);
        // Out of order: root, leaf, sub.
        let objects = read(&[&p.root, &p.leaf, &p.sub]);
        let a = analyse(&objects, NOW);
        let text: Vec<String> = a.problems.iter().map(ToString::to_string).collect();
        assert!(text.iter().any(|t| t.contains("Chain order wrong in bundle.pem") && t.contains("#2 www.example.com → #3 Tool Sub → #1 Tool Root")), "{text:?}");
        assert_eq!(a.chains, vec![Chain { members: vec![1, 2, 0], complete: true }]);
    }

    #[test]
    fn revoked_and_overdue_from_a_crl() {
        let (ca, crl) = crate::crl::tests::ca_and_crl(NOW);
        let text = format!("{}{}", encode_pem("CERTIFICATE", &ca), encode_pem("X509 CRL", &crl));
        let objects = read_sources(&[Source { name: "ca.pem", bytes: text.as_bytes() }], "").objects;
        let a = analyse(&objects, NOW + 86_400 * 3);
        let text: Vec<String> = a.problems.iter().map(ToString::to_string).collect();
        assert!(text.iter().any(|t| t == "CRL #2 is overdue: its next update was 2 days ago and no newer list was published."), "{text:?}");
    }
}

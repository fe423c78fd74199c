//! Chain verification: signatures, issuer/subject linkage, validity at a time
//! passed in, basic constraints (CA flag and path length), keyCertSign.
//!
//! This is a check for a console preview and an emulator, not a TLS
//! client's path validation: no revocation, name constraints or policies.

use der::{Decode, Encode};
use x509_cert::certificate::Version;
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages};
use x509_cert::Certificate;

use crate::decode::unix_seconds;
use crate::error::{ChainError, Error, Result};
use crate::names::name_to_string;
use crate::sig;

/// Longest chain followed; real hierarchies are 2 to 4 deep.
const MAX_DEPTH: usize = 10;

/// A verified path, leaf first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedChain {
    /// Subjects from the leaf to the root.
    pub subjects: Vec<String>,
    /// DER of each certificate on the path, leaf to root.
    pub certificates: Vec<Vec<u8>>,
    /// The root came from the trust anchors given; false when none were
    /// given and the chain's own self-signed root was accepted.
    pub anchored: bool,
}

struct Node {
    der: Vec<u8>,
    cert: Certificate,
    spki: Vec<u8>,
    subject: String,
}

impl Node {
    fn parse(der: &[u8]) -> Result<Self> {
        let cert = Certificate::from_der(der).map_err(Error::malformed("certificate"))?;
        let spki = cert.tbs_certificate().subject_public_key_info().to_der()?;
        let subject = name_to_string(cert.tbs_certificate().subject());
        Ok(Node {
            der: der.to_vec(),
            cert,
            spki,
            subject,
        })
    }

    fn self_issued(&self) -> bool {
        self.cert.tbs_certificate().subject() == self.cert.tbs_certificate().issuer()
    }

    fn names_issuer_of(&self, child: &Node) -> bool {
        self.cert.tbs_certificate().subject() == child.cert.tbs_certificate().issuer()
    }

    fn signed(&self, child: &Node) -> bool {
        sig::split_signed(&child.der, "certificate").is_ok_and(|p| {
            sig::verify_signature(&self.spki, &p.algorithm, &p.tbs, &p.signature).is_ok()
        })
    }
}

/// Verifies that `issuer_der` issued `cert_der`: names link and the
/// signature verifies with the issuer's key.
pub fn verify_issued_by(cert_der: &[u8], issuer_der: &[u8]) -> Result<()> {
    let cert = Node::parse(cert_der)?;
    let issuer = Node::parse(issuer_der)?;
    if !issuer.names_issuer_of(&cert) {
        return Err(ChainError::IssuerNotFound {
            subject: cert.subject,
            issuer: name_to_string(cert.cert.tbs_certificate().issuer()),
        }
        .into());
    }
    let parts = sig::split_signed(cert_der, "certificate")?;
    sig::verify_signature(&issuer.spki, &parts.algorithm, &parts.tbs, &parts.signature)
}

/// Verifies `chain` (leaf first, then intermediates in any order, optionally
/// ending with a root) up to one of `anchors` at time `now` (Unix seconds).
///
/// With no anchors, the chain must end in a self-signed root, which is
/// accepted (`anchored` false): the console's "is this chain complete and
/// consistent" check.
pub fn verify_chain(chain: &[Vec<u8>], anchors: &[Vec<u8>], now: i64) -> Result<VerifiedChain> {
    if chain.is_empty() {
        return Err(ChainError::Empty.into());
    }
    let pool: Vec<Node> = chain
        .iter()
        .map(|d| Node::parse(d))
        .collect::<Result<_>>()?;
    let roots: Vec<Node> = anchors
        .iter()
        .map(|d| Node::parse(d))
        .collect::<Result<_>>()?;

    // Indices into `pool` (chain certs) or `roots`, leaf first.
    enum At {
        Chain(usize),
        Root(usize),
    }
    let node = |at: &At| match at {
        At::Chain(i) => &pool[*i],
        At::Root(i) => &roots[*i],
    };
    let mut path = vec![At::Chain(0)];
    let anchored = loop {
        if path.len() > MAX_DEPTH {
            return Err(ChainError::TooLong(MAX_DEPTH).into());
        }
        let current_at = path.last().unwrap_or(&At::Chain(0));
        let current = node(current_at);
        if let At::Root(_) = current_at {
            break true;
        }
        if let Some(i) = roots.iter().position(|r| r.der == current.der) {
            // The chain itself contains a trusted root.
            path.pop();
            path.push(At::Root(i));
            break true;
        }
        let used = |i: usize| path.iter().any(|a| matches!(a, At::Chain(j) if *j == i));
        let from_roots = roots
            .iter()
            .position(|r| r.names_issuer_of(current) && r.signed(current))
            .map(At::Root);
        let next = from_roots.or_else(|| {
            (1..pool.len())
                .find(|&i| !used(i) && pool[i].names_issuer_of(current) && pool[i].signed(current))
                .map(At::Chain)
        });
        match next {
            Some(at) => path.push(at),
            None if current.self_issued() && current.signed(current) => {
                if roots.is_empty() {
                    break false;
                }
                return Err(ChainError::UntrustedRoot {
                    subject: current.subject.clone(),
                }
                .into());
            }
            None => {
                let issuer = name_to_string(current.cert.tbs_certificate().issuer());
                // Name the real fault: an issuer that is there but whose
                // signature fails is not a missing issuer.
                let named = roots
                    .iter()
                    .chain(pool.iter().skip(1))
                    .any(|n| n.names_issuer_of(current));
                if named {
                    return Err(ChainError::BadSignature {
                        subject: current.subject.clone(),
                    }
                    .into());
                }
                return Err(ChainError::IssuerNotFound {
                    subject: current.subject.clone(),
                    issuer,
                }
                .into());
            }
        }
    };

    let nodes: Vec<&Node> = path.iter().map(node).collect();
    for n in &nodes {
        let v = n.cert.tbs_certificate().validity();
        let (nb, na) = (unix_seconds(v.not_before), unix_seconds(v.not_after));
        if now < nb {
            return Err(ChainError::NotYetValid {
                subject: n.subject.clone(),
                not_before: nb,
            }
            .into());
        }
        if now > na {
            return Err(ChainError::Expired {
                subject: n.subject.clone(),
                not_after: na,
            }
            .into());
        }
    }
    for (i, n) in nodes.iter().enumerate().skip(1) {
        let tbs = n.cert.tbs_certificate();
        let bc = tbs.get_extension::<BasicConstraints>().ok().flatten();
        let is_last = i == nodes.len() - 1;
        // A v1 self-signed root has no extensions at all; OpenSSL trusts it as a CA too.
        let v1_root = is_last && tbs.version() == Version::V1 && n.self_issued();
        match bc {
            Some((_, bc)) if bc.ca => {
                if let Some(limit) = bc.path_len_constraint {
                    // CAs strictly between this one and the leaf; self-issued
                    // ones (key rollover) do not count (RFC 5280 6.1.4).
                    let found = nodes[1..i].iter().filter(|m| !m.self_issued()).count();
                    if found > usize::from(limit) {
                        return Err(ChainError::PathLenExceeded {
                            subject: n.subject.clone(),
                            path_len: limit,
                            found,
                        }
                        .into());
                    }
                }
            }
            _ if v1_root => {}
            _ => {
                return Err(ChainError::NotCa {
                    subject: n.subject.clone(),
                }
                .into())
            }
        }
        if let Ok(Some((_, ku))) = tbs.get_extension::<KeyUsage>() {
            if !ku.0.contains(KeyUsages::KeyCertSign) {
                return Err(ChainError::NoKeyCertSign {
                    subject: n.subject.clone(),
                }
                .into());
            }
        }
    }
    Ok(VerifiedChain {
        subjects: nodes.iter().map(|n| n.subject.clone()).collect(),
        certificates: nodes.iter().map(|n| n.der.clone()).collect(),
        anchored,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_chain() {
        assert_eq!(
            verify_chain(&[], &[], 0).unwrap_err(),
            Error::Chain(ChainError::Empty)
        );
    }
}

//! Signature verification shared by certificates, CSRs and CRLs, and the
//! split of a signed structure into its to-be-signed bytes and signature.

use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier};
use der::{Decode, Encode, Sequence};
use p256::ecdsa::signature::hazmat::PrehashVerifier;
use rsa::Pkcs1v15Sign;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::AlgorithmIdentifierRef;

use crate::error::{Error, Result};
use crate::keys::PublicKey;
use crate::oids;

/// `SEQUENCE { toBeSigned, algorithm, signature }`: certificates, CSRs and CRLs.
#[derive(Sequence)]
struct Signed<'a> {
    tbs: AnyRef<'a>,
    algorithm: AlgorithmIdentifierRef<'a>,
    signature: BitStringRef<'a>,
}

/// The parts of a signed structure, with the to-be-signed bytes exactly as
/// encoded (re-encoding a parsed structure could change them).
pub(crate) struct SignedParts {
    pub tbs: Vec<u8>,
    pub algorithm: ObjectIdentifier,
    pub signature: Vec<u8>,
}

pub(crate) fn split_signed(der: &[u8], what: &'static str) -> Result<SignedParts> {
    let signed = Signed::from_der(der).map_err(Error::malformed(what))?;
    let signature = signed
        .signature
        .as_bytes()
        .ok_or_else(|| Error::Malformed {
            what,
            detail: "signature has unused bits".into(),
        })?
        .to_vec();
    Ok(SignedParts {
        tbs: signed.tbs.to_der()?,
        algorithm: signed.algorithm.oid,
        signature,
    })
}

#[derive(Clone, Copy)]
enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

fn hash(h: Hash, msg: &[u8]) -> Vec<u8> {
    match h {
        Hash::Sha1 => Sha1::digest(msg).to_vec(),
        Hash::Sha256 => Sha256::digest(msg).to_vec(),
        Hash::Sha384 => Sha384::digest(msg).to_vec(),
        Hash::Sha512 => Sha512::digest(msg).to_vec(),
    }
}

fn pkcs1v15(h: Hash) -> Pkcs1v15Sign {
    match h {
        Hash::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
        Hash::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
        Hash::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
        Hash::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
    }
}

/// Checks `signature` over `msg` with the public key in `spki_der`, for
/// RSA PKCS#1 v1.5 and ECDSA (P-256, P-384) with SHA-1/256/384/512.
/// SHA-1 is accepted only so that old chains can still be displayed as valid
/// or not; nothing here signs with it.
pub(crate) fn verify_signature(
    spki_der: &[u8],
    algorithm: &ObjectIdentifier,
    msg: &[u8],
    signature: &[u8],
) -> Result<()> {
    let (is_rsa, h) = match *algorithm {
        oids::SHA1_WITH_RSA => (true, Hash::Sha1),
        oids::SHA256_WITH_RSA => (true, Hash::Sha256),
        oids::SHA384_WITH_RSA => (true, Hash::Sha384),
        oids::SHA512_WITH_RSA => (true, Hash::Sha512),
        oids::ECDSA_WITH_SHA1 => (false, Hash::Sha1),
        oids::ECDSA_WITH_SHA256 => (false, Hash::Sha256),
        oids::ECDSA_WITH_SHA384 => (false, Hash::Sha384),
        oids::ECDSA_WITH_SHA512 => (false, Hash::Sha512),
        other => {
            return Err(Error::UnsupportedAlgorithm(
                oids::signature_algorithm_name(&other)
                    .map(str::to_string)
                    .unwrap_or_else(|| other.to_string()),
            ))
        }
    };
    let key = PublicKey::from_spki_der(spki_der)?;
    let digest = hash(h, msg);
    let ok = match (&key, is_rsa) {
        (PublicKey::Rsa(k), true) => k.verify(pkcs1v15(h), &digest, signature).is_ok(),
        (PublicKey::P256(k), false) => p256::ecdsa::Signature::from_der(signature)
            .ok()
            .is_some_and(|s| {
                p256::ecdsa::VerifyingKey::from(k)
                    .verify_prehash(&digest, &s)
                    .is_ok()
            }),
        (PublicKey::P384(k), false) => p384::ecdsa::Signature::from_der(signature)
            .ok()
            .is_some_and(|s| {
                p384::ecdsa::VerifyingKey::from(k)
                    .verify_prehash(&digest, &s)
                    .is_ok()
            }),
        _ => {
            return Err(Error::UnsupportedAlgorithm(
                "signature algorithm does not fit the key type".into(),
            ))
        }
    };
    if ok {
        Ok(())
    } else {
        Err(Error::BadSignature)
    }
}

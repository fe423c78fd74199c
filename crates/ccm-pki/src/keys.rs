//! Private keys: PKCS#8, PKCS#1 (`RSA PRIVATE KEY`) and SEC1 (`EC PRIVATE KEY`),
//! plain or PEM; encrypted keys recognised as such; public key of a key;
//! key-certificate match.

use core::fmt;

use der::pem::LineEnding;
use der::zeroize::Zeroizing;
use der::{Decode, Encode};
use pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey};
use pkcs8::{
    DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey,
    EncryptedPrivateKeyInfoRef, PrivateKeyInfoRef,
};
use rsa::traits::PublicKeyParts;
// rsa 0.10 names them PrivateKey/PublicKey; aliased to keep ours unambiguous.
use rsa::{PrivateKey as RsaPrivateKey, PublicKey as RsaPublicKey};
use spki::SubjectPublicKeyInfoRef;

use crate::error::{Error, Result};
use crate::oids;
use crate::pem::{
    self, LABEL_EC_PRIVATE_KEY, LABEL_ENCRYPTED_PRIVATE_KEY, LABEL_PRIVATE_KEY,
    LABEL_RSA_PRIVATE_KEY,
};

/// PBKDF2 rounds for keys we encrypt (PKCS#8 and PKCS#12). OpenSSL 3 uses
/// 2048; more costs seconds in a debug wasm build for little gain against
/// the passwords this protects, which the service generates or the user sets.
pub(crate) const PBKDF2_ITERATIONS: u32 = 10_000;

/// The key algorithms of the CCM API (`key_algorithm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyAlgorithm {
    Rsa2048,
    Rsa4096,
    Ec256,
    Ec384,
}

impl KeyAlgorithm {
    pub const ALL: [KeyAlgorithm; 4] = [Self::Rsa2048, Self::Rsa4096, Self::Ec256, Self::Ec384];

    /// The API's spelling: `RSA2048`, `RSA4096`, `EC256`, `EC384`.
    pub fn api_name(self) -> &'static str {
        match self {
            Self::Rsa2048 => "RSA2048",
            Self::Rsa4096 => "RSA4096",
            Self::Ec256 => "EC256",
            Self::Ec384 => "EC384",
        }
    }

    pub fn from_api_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.api_name() == name)
    }

    pub fn is_rsa(self) -> bool {
        matches!(self, Self::Rsa2048 | Self::Rsa4096)
    }
}

impl fmt::Display for KeyAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.api_name())
    }
}

/// A private key of a type this crate can use.
#[derive(Clone)]
pub enum PrivateKey {
    Rsa(Box<RsaPrivateKey>),
    P256(p256::SecretKey),
    P384(p384::SecretKey),
}

/// Never prints key material.
impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateKey({})", self.description())
    }
}

impl PrivateKey {
    /// A DER private key: PKCS#8 first, then PKCS#1 RSA, then SEC1 EC.
    pub fn from_der(der: &[u8]) -> Result<Self> {
        if PrivateKeyInfoRef::from_der(der).is_ok() {
            return Self::from_pkcs8_der(der);
        }
        if let Ok(key) = RsaPrivateKey::from_pkcs1_der(der) {
            return Ok(Self::Rsa(Box::new(key)));
        }
        if sec1::EcPrivateKey::from_der(der).is_ok() {
            return Self::from_sec1_der(der);
        }
        if EncryptedPrivateKeyInfoRef::from_der(der).is_ok() {
            return Err(Error::EncryptedKey);
        }
        Err(Error::NotFound("private key"))
    }

    /// A PKCS#8 `PrivateKeyInfo`.
    pub fn from_pkcs8_der(der: &[u8]) -> Result<Self> {
        let info = PrivateKeyInfoRef::from_der(der).map_err(Error::malformed("private key"))?;
        let bad = Error::malformed("private key");
        match info.algorithm.oid {
            oids::RSA_ENCRYPTION => RsaPrivateKey::from_pkcs8_der(der)
                .map(|k| Self::Rsa(Box::new(k)))
                .map_err(bad),
            oids::EC_PUBLIC_KEY => {
                let curve = info
                    .algorithm
                    .parameters_oid()
                    .map_err(|_| Error::UnsupportedKey("EC key without a named curve".into()))?;
                match curve {
                    oids::SECP256R1 => p256::SecretKey::from_pkcs8_der(der)
                        .map(Self::P256)
                        .map_err(bad),
                    oids::SECP384R1 => p384::SecretKey::from_pkcs8_der(der)
                        .map(Self::P384)
                        .map_err(bad),
                    other => Err(Error::UnsupportedKey(curve_name(&other))),
                }
            }
            other => Err(Error::UnsupportedKey(format!("algorithm {other}"))),
        }
    }

    /// A SEC1 `ECPrivateKey`. Without curve parameters, the key's length says
    /// which of the two supported curves it is on.
    pub fn from_sec1_der(der: &[u8]) -> Result<Self> {
        let key = sec1::EcPrivateKey::from_der(der).map_err(Error::malformed("EC private key"))?;
        let curve = match key.parameters {
            Some(sec1::EcParameters::NamedCurve(oid)) => oid,
            None if key.private_key.len() == 32 => oids::SECP256R1,
            None if key.private_key.len() == 48 => oids::SECP384R1,
            None => return Err(Error::UnsupportedKey("EC key without a named curve".into())),
        };
        let bad = Error::malformed("EC private key");
        match curve {
            oids::SECP256R1 => p256::SecretKey::from_slice(key.private_key)
                .map(Self::P256)
                .map_err(bad),
            oids::SECP384R1 => p384::SecretKey::from_slice(key.private_key)
                .map(Self::P384)
                .map_err(bad),
            other => Err(Error::UnsupportedKey(curve_name(&other))),
        }
    }

    /// Which of the API's algorithms this key is, if any (RSA 3072 is none).
    pub fn key_algorithm(&self) -> Option<KeyAlgorithm> {
        match self {
            Self::Rsa(k) => match k.n_bits_precision() {
                2048 => Some(KeyAlgorithm::Rsa2048),
                4096 => Some(KeyAlgorithm::Rsa4096),
                _ => None,
            },
            Self::P256(_) => Some(KeyAlgorithm::Ec256),
            Self::P384(_) => Some(KeyAlgorithm::Ec384),
        }
    }

    /// "RSA 2048", "EC P-256", ...
    pub fn description(&self) -> String {
        match self {
            Self::Rsa(k) => format!("RSA {}", k.n_bits_precision()),
            Self::P256(_) => "EC P-256".into(),
            Self::P384(_) => "EC P-384".into(),
        }
    }

    /// The public key as DER `SubjectPublicKeyInfo`.
    pub fn public_key_der(&self) -> Result<Vec<u8>> {
        let doc = match self {
            Self::Rsa(k) => k.to_public_key().to_public_key_der(),
            Self::P256(k) => k.public_key().to_public_key_der(),
            Self::P384(k) => k.public_key().to_public_key_der(),
        };
        Ok(doc.map_err(Error::malformed("public key"))?.into_vec())
    }

    /// The public key as `-----BEGIN PUBLIC KEY-----` PEM.
    pub fn public_key_pem(&self) -> Result<String> {
        Ok(pem::encode_pem(
            pem::LABEL_PUBLIC_KEY,
            &self.public_key_der()?,
        ))
    }

    pub(crate) fn public_key(&self) -> PublicKey {
        match self {
            Self::Rsa(k) => PublicKey::Rsa(k.to_public_key()),
            Self::P256(k) => PublicKey::P256(k.public_key()),
            Self::P384(k) => PublicKey::P384(k.public_key()),
        }
    }

    /// PKCS#8 DER.
    pub fn to_pkcs8_der(&self) -> Result<Zeroizing<Vec<u8>>> {
        let doc = match self {
            Self::Rsa(k) => k.to_pkcs8_der(),
            Self::P256(k) => k.to_pkcs8_der(),
            Self::P384(k) => k.to_pkcs8_der(),
        }
        .map_err(Error::malformed("private key"))?;
        Ok(Zeroizing::new(doc.as_bytes().to_vec()))
    }

    /// `-----BEGIN PRIVATE KEY-----` (PKCS#8).
    pub fn to_pkcs8_pem(&self) -> Result<Zeroizing<String>> {
        match self {
            Self::Rsa(k) => k.to_pkcs8_pem(LineEnding::LF),
            Self::P256(k) => k.to_pkcs8_pem(LineEnding::LF),
            Self::P384(k) => k.to_pkcs8_pem(LineEnding::LF),
        }
        .map_err(Error::malformed("private key"))
    }

    /// The traditional OpenSSL forms: `RSA PRIVATE KEY` (PKCS#1) or
    /// `EC PRIVATE KEY` (SEC1), which older servers still expect.
    pub fn to_traditional_pem(&self) -> Result<Zeroizing<String>> {
        let bad = || Error::Malformed {
            what: "private key",
            detail: "cannot encode".into(),
        };
        match self {
            Self::Rsa(k) => k.to_pkcs1_pem(LineEnding::LF).map_err(|_| bad()),
            Self::P256(k) => k.to_sec1_pem(LineEnding::LF).map_err(|_| bad()),
            Self::P384(k) => k.to_sec1_pem(LineEnding::LF).map_err(|_| bad()),
        }
    }

    /// `-----BEGIN ENCRYPTED PRIVATE KEY-----`: PKCS#8 under PBES2
    /// (PBKDF2-HMAC-SHA256, AES-256-CBC), which `openssl pkey -passin` reads.
    pub fn to_encrypted_pkcs8_pem(&self, password: &str) -> Result<Zeroizing<String>> {
        let der = self.to_encrypted_pkcs8_der(password)?;
        Ok(Zeroizing::new(pem::encode_pem(
            LABEL_ENCRYPTED_PRIVATE_KEY,
            &der,
        )))
    }

    /// Encrypted PKCS#8 DER (see [`Self::to_encrypted_pkcs8_pem`]).
    pub fn to_encrypted_pkcs8_der(&self, password: &str) -> Result<Vec<u8>> {
        let params = pbes2_params()?;
        let plain = self.to_pkcs8_der()?;
        let info = PrivateKeyInfoRef::from_der(&plain).map_err(Error::malformed("private key"))?;
        let doc = info
            .encrypt_with_params(params, password.as_bytes())
            .map_err(|e| Error::Bundle(format!("key encryption failed: {e}")))?;
        Ok(doc.as_bytes().to_vec())
    }

    /// Whether `cert_der`'s public key is this key's public key.
    pub fn matches_certificate(&self, cert_der: &[u8]) -> Result<bool> {
        let cert =
            x509_cert::Certificate::from_der(cert_der).map_err(Error::malformed("certificate"))?;
        let spki = cert.tbs_certificate().subject_public_key_info().to_der()?;
        Ok(self.matches_public_key_der(&spki))
    }

    /// Whether a DER `SubjectPublicKeyInfo` is this key's public key. Keys are
    /// compared as numbers and points, so a compressed EC point still matches.
    pub fn matches_public_key_der(&self, spki_der: &[u8]) -> bool {
        PublicKey::from_spki_der(spki_der).is_ok_and(|p| p == self.public_key())
    }
}

/// PBES2 parameters with a fresh salt and IV.
pub(crate) fn pbes2_params() -> Result<pkcs5::pbes2::Parameters> {
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 16];
    crate::random_bytes(&mut salt)?;
    crate::random_bytes(&mut iv)?;
    pkcs5::pbes2::Parameters::generate_pbkdf2_sha256_aes256cbc(PBKDF2_ITERATIONS, &salt, iv)
        .map_err(|e| Error::Bundle(format!("PBES2 parameters: {e}")))
}

pub(crate) fn curve_name(oid: &der::asn1::ObjectIdentifier) -> String {
    match *oid {
        oids::SECP256R1 => "P-256".into(),
        oids::SECP384R1 => "P-384".into(),
        oids::SECP521R1 => "P-521".into(),
        oids::SM2_CURVE => "SM2".into(),
        other => format!("curve {other}"),
    }
}

/// A public key this crate can verify with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PublicKey {
    Rsa(RsaPublicKey),
    P256(p256::PublicKey),
    P384(p384::PublicKey),
}

impl PublicKey {
    pub(crate) fn from_spki_der(der: &[u8]) -> Result<Self> {
        let spki =
            SubjectPublicKeyInfoRef::from_der(der).map_err(Error::malformed("public key"))?;
        let bad = Error::malformed("public key");
        match spki.algorithm.oid {
            oids::RSA_ENCRYPTION => RsaPublicKey::from_public_key_der(der)
                .map(Self::Rsa)
                .map_err(bad),
            oids::EC_PUBLIC_KEY => {
                let curve = spki
                    .algorithm
                    .parameters_oid()
                    .map_err(|_| Error::UnsupportedKey("EC key without a named curve".into()))?;
                match curve {
                    oids::SECP256R1 => p256::PublicKey::from_public_key_der(der)
                        .map(Self::P256)
                        .map_err(bad),
                    oids::SECP384R1 => p384::PublicKey::from_public_key_der(der)
                        .map(Self::P384)
                        .map_err(bad),
                    other => Err(Error::UnsupportedKey(curve_name(&other))),
                }
            }
            other => Err(Error::UnsupportedKey(format!("algorithm {other}"))),
        }
    }
}

const KEY_LABELS: [&str; 4] = [
    LABEL_PRIVATE_KEY,
    LABEL_RSA_PRIVATE_KEY,
    LABEL_EC_PRIVATE_KEY,
    LABEL_ENCRYPTED_PRIVATE_KEY,
];

/// The first private-key block of PEM text, or the input as DER.
/// Returns the DER, whether it is encrypted, and the PEM label.
fn key_der(input: &[u8]) -> Result<(Zeroizing<Vec<u8>>, bool, &'static str)> {
    if !pem::looks_like_pem(input) {
        return Ok((Zeroizing::new(input.to_vec()), false, ""));
    }
    let text =
        core::str::from_utf8(input).map_err(|_| Error::Pem("the text is not UTF-8".into()))?;
    let block = pem::parse_pem(text)?
        .into_iter()
        .find(|b| KEY_LABELS.contains(&b.label.as_str()))
        .ok_or(Error::NotFound("private key"))?;
    let label = KEY_LABELS
        .into_iter()
        .find(|l| *l == block.label)
        .unwrap_or_default();
    let encrypted = label == LABEL_ENCRYPTED_PRIVATE_KEY || block.has_encryption_header();
    Ok((Zeroizing::new(block.der), encrypted, label))
}

/// A private key from PEM (any of the four key labels) or DER.
/// An encrypted key gives [`Error::EncryptedKey`].
pub fn parse_private_key(input: &[u8]) -> Result<PrivateKey> {
    let (der, encrypted, label) = key_der(input)?;
    if encrypted {
        return Err(Error::EncryptedKey);
    }
    match label {
        LABEL_PRIVATE_KEY => PrivateKey::from_pkcs8_der(&der),
        LABEL_RSA_PRIVATE_KEY => RsaPrivateKey::from_pkcs1_der(&der)
            .map(|k| PrivateKey::Rsa(Box::new(k)))
            .map_err(Error::malformed("RSA private key")),
        LABEL_EC_PRIVATE_KEY => PrivateKey::from_sec1_der(&der),
        _ => PrivateKey::from_der(&der),
    }
}

/// Like [`parse_private_key`], decrypting an encrypted PKCS#8 key with
/// `password` (PBES2 with PBKDF2 or scrypt, AES). A plain key is returned
/// as is. OpenSSL's traditional encryption (`Proc-Type: 4,ENCRYPTED`) uses
/// MD5-based key derivation and is not supported.
pub fn parse_private_key_with_password(input: &[u8], password: &str) -> Result<PrivateKey> {
    let (der, encrypted, label) = key_der(input)?;
    let is_pkcs8_encrypted = label == LABEL_ENCRYPTED_PRIVATE_KEY
        || (label.is_empty() && EncryptedPrivateKeyInfoRef::from_der(&der).is_ok());
    if !is_pkcs8_encrypted {
        if encrypted {
            return Err(Error::UnsupportedKey(
                "OpenSSL traditional key encryption; convert the key with `openssl pkcs8 -topk8`"
                    .into(),
            ));
        }
        return parse_private_key(input);
    }
    let info = EncryptedPrivateKeyInfoRef::from_der(&der)
        .map_err(Error::malformed("encrypted private key"))?;
    if info.encryption_algorithm.pbes2().is_none() {
        return Err(Error::UnsupportedKey(format!(
            "key encryption scheme {}",
            info.encryption_algorithm.oid()
        )));
    }
    if let Some(params) = info.encryption_algorithm.pbes2() {
        check_kdf_cost(&params.kdf)?;
    }
    let plain = info
        .decrypt(password.as_bytes())
        .map_err(|_| Error::WrongPassword)?;
    PrivateKey::from_pkcs8_der(plain.as_bytes())
}

// An encrypted key names its own key-derivation cost, and decrypting runs
// in the page: a key asking for gigabytes or minutes would freeze the tab
// (seen while writing the fuzz targets). These limits are far above what tools write
// (OpenSSL: PBKDF2 2,048 rounds; scrypt N=16384, r=8, p=1, 16 MiB).
const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;
const MAX_SCRYPT_MEMORY: u64 = 256 * 1024 * 1024;
const MAX_SCRYPT_WORK: u64 = 1 << 22;

/// Refuses key-derivation parameters too costly to run in a browser tab.
pub(crate) fn check_kdf_cost(kdf: &pkcs5::pbes2::Kdf) -> Result<()> {
    let too_costly = match kdf {
        pkcs5::pbes2::Kdf::Pbkdf2(p) => p.iteration_count > MAX_PBKDF2_ITERATIONS,
        pkcs5::pbes2::Kdf::Scrypt(p) => {
            let (n, r, par) = (p.cost_parameter, u64::from(p.block_size), u64::from(p.parallelization));
            let memory = 128u64.saturating_mul(r).saturating_mul(n);
            let work = n.saturating_mul(r).saturating_mul(par);
            memory > MAX_SCRYPT_MEMORY || work > MAX_SCRYPT_WORK
        }
        // Any other scheme is refused by the decryption itself.
        _ => false,
    };
    if too_costly {
        return Err(Error::UnsupportedKey(
            "key derivation settings too costly to run in a browser; re-encrypt the key with `openssl pkcs8 -topk8 -v2 aes-256-cbc`".into(),
        ));
    }
    Ok(())
}

/// Whether a private key (PEM or DER) and a certificate (PEM or DER) belong
/// together.
pub fn key_matches_certificate(key: &[u8], certificate: &[u8]) -> Result<bool> {
    let key = parse_private_key(key)?;
    let cert = pem::certificates_from_bytes(certificate)?;
    key.matches_certificate(&cert[0])
}

/// Bit length of an RSA modulus given as big-endian bytes.
pub(crate) fn rsa_bits(modulus: &[u8]) -> u32 {
    let trimmed: &[u8] = {
        let start = modulus
            .iter()
            .position(|b| *b != 0)
            .unwrap_or(modulus.len());
        &modulus[start..]
    };
    match trimmed.first() {
        None => 0,
        Some(first) => (trimmed.len() as u32 - 1) * 8 + (8 - first.leading_zeros()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    // Small fixed keys keep unit tests fast; integration tests generate and
    // cross-check with openssl.
    pub(crate) fn p256_key() -> PrivateKey {
        PrivateKey::P256(p256::SecretKey::from_slice(&[7u8; 32]).unwrap())
    }

    pub(crate) fn p384_key() -> PrivateKey {
        PrivateKey::P384(p384::SecretKey::from_slice(&[9u8; 48]).unwrap())
    }

    #[test]
    fn api_names() {
        for a in KeyAlgorithm::ALL {
            assert_eq!(KeyAlgorithm::from_api_name(a.api_name()), Some(a));
        }
        assert_eq!(KeyAlgorithm::from_api_name("SM2"), None);
        assert!(KeyAlgorithm::Rsa4096.is_rsa());
        assert_eq!(KeyAlgorithm::Ec384.to_string(), "EC384");
    }

    #[test]
    fn ec_forms_round_trip() {
        for key in [p256_key(), p384_key()] {
            let pkcs8 = key.to_pkcs8_pem().unwrap();
            assert!(pkcs8.starts_with("-----BEGIN PRIVATE KEY-----"));
            let trad = key.to_traditional_pem().unwrap();
            assert!(trad.starts_with("-----BEGIN EC PRIVATE KEY-----"));
            for text in [pkcs8.as_str(), trad.as_str()] {
                let back = parse_private_key(text.as_bytes()).unwrap();
                assert_eq!(
                    back.public_key_der().unwrap(),
                    key.public_key_der().unwrap()
                );
                assert_eq!(back.key_algorithm(), key.key_algorithm());
            }
            let der = key.to_pkcs8_der().unwrap();
            let back = parse_private_key(&der).unwrap();
            assert_eq!(back.public_key(), key.public_key());
        }
        assert_eq!(p256_key().description(), "EC P-256");
        assert_eq!(format!("{:?}", p384_key()), "PrivateKey(EC P-384)");
    }

    /// An encrypted key whose key derivation is set by `tune` (the data is
    /// never decrypted: the cost check comes first).
    fn encrypted_with(tune: impl FnOnce(&mut pkcs5::pbes2::Parameters)) -> Vec<u8> {
        let mut params = pbes2_params().unwrap();
        tune(&mut params);
        pkcs8::EncryptedPrivateKeyInfoOwned {
            encryption_algorithm: params.into(),
            encrypted_data: der::asn1::OctetString::new(vec![0u8; 64]).unwrap(),
        }
        .to_der()
        .unwrap()
    }

    #[test]
    fn costly_key_derivation_is_refused_before_running() {
        let pbkdf2 = encrypted_with(|p| {
            if let pkcs5::pbes2::Kdf::Pbkdf2(k) = &mut p.kdf {
                k.iteration_count = u32::MAX;
            }
        });
        let scrypt = encrypted_with(|p| {
            let pkcs5::pbes2::Kdf::Pbkdf2(k) = &p.kdf else { unreachable!("PBKDF2 by default") };
            p.kdf = pkcs5::pbes2::Kdf::Scrypt(pkcs5::pbes2::ScryptParams {
                salt: k.salt,
                cost_parameter: 1 << 30,
                block_size: 8,
                parallelization: 1,
                key_length: Some(32),
            });
        });
        for der in [pbkdf2, scrypt] {
            assert!(matches!(
                parse_private_key_with_password(&der, "x"),
                Err(Error::UnsupportedKey(m)) if m.contains("too costly")
            ));
        }
        // Within the limits, decryption is attempted (and here fails).
        let fine = encrypted_with(|_| {});
        assert_eq!(parse_private_key_with_password(&fine, "x").unwrap_err(), Error::WrongPassword);
    }

    #[test]
    fn encrypted_keys() {
        let key = p256_key();
        let enc = key.to_encrypted_pkcs8_pem("s3cret").unwrap();
        assert_eq!(
            parse_private_key(enc.as_bytes()).unwrap_err(),
            Error::EncryptedKey
        );
        let der = key.to_encrypted_pkcs8_der("s3cret").unwrap();
        assert_eq!(parse_private_key(&der).unwrap_err(), Error::EncryptedKey);
        let back = parse_private_key_with_password(enc.as_bytes(), "s3cret").unwrap();
        assert_eq!(back.public_key(), key.public_key());
        let back = parse_private_key_with_password(&der, "s3cret").unwrap();
        assert_eq!(back.public_key(), key.public_key());
        assert_eq!(
            parse_private_key_with_password(enc.as_bytes(), "wrong").unwrap_err(),
            Error::WrongPassword
        );
        // A plain key passes through.
        let plain = key.to_pkcs8_pem().unwrap();
        assert!(parse_private_key_with_password(plain.as_bytes(), "x").is_ok());
        // OpenSSL's traditional encryption is detected.
        let trad = "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nMAMCAQA=\n-----END EC PRIVATE KEY-----\n";
        assert_eq!(
            parse_private_key(trad.as_bytes()).unwrap_err(),
            Error::EncryptedKey
        );
        assert!(matches!(
            parse_private_key_with_password(trad.as_bytes(), "x"),
            Err(Error::UnsupportedKey(_))
        ));
    }

    #[test]
    fn not_a_key() {
        assert_eq!(
            parse_private_key(b"-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n")
                .unwrap_err(),
            Error::NotFound("private key")
        );
        assert!(parse_private_key(b"\x30\x03\x02\x01\x00").is_err());
    }

    #[test]
    fn public_key_compare() {
        let a = p256_key();
        let b = PrivateKey::P256(p256::SecretKey::from_slice(&[8u8; 32]).unwrap());
        assert!(a.matches_public_key_der(&a.public_key_der().unwrap()));
        assert!(!a.matches_public_key_der(&b.public_key_der().unwrap()));
        assert!(!a.matches_public_key_der(&p384_key().public_key_der().unwrap()));
        assert!(!a.matches_public_key_der(b"junk"));
        assert!(a
            .public_key_pem()
            .unwrap()
            .starts_with("-----BEGIN PUBLIC KEY-----\n"));
    }

    #[test]
    fn modulus_bits() {
        assert_eq!(rsa_bits(&[0x00, 0x80, 0x00]), 16);
        assert_eq!(rsa_bits(&[0x01]), 1);
        assert_eq!(rsa_bits(&[]), 0);
    }
}

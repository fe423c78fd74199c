//! X.509, CSR, PEM and private-key handling for ccm-console.
//!
//! - [`pem`]: PEM blocks, certificate chains split and joined.
//! - [`keys`]: private keys in PKCS#8 / PKCS#1 / SEC1, encrypted-key detection,
//!   key-certificate match.
//! - [`decode`]: certificate and CSR display models.
//! - [`verify`]: chain verification against a time passed in.
//! - [`bundle`]: ZIP archives, PKCS#12, the export layouts, (feature `jks`) Java KeyStores.
//! - [`keystore`]: reading PKCS#12 files and Java KeyStores.
//! - [`crl`]: CRLs decoded for display.
//! - [`inspect`]: the toolbox's reader of any mix of inputs, with where each
//!   object came from and why anything could not be read.
//! - [`findings`]: key matches, chains and plain-word problems among what was read.
//! - [`issue`] (feature `issue`): key generation, certificate, CSR and CRL building.
//! - [`fuzzing`] (feature `fuzzing`): the decoders' fuzz entry points.
//!
//! Nothing here reads the clock: wasm32-unknown-unknown has none, so every
//! function that needs "now" takes it as Unix seconds.

pub mod bundle;
pub mod crl;
pub mod decode;
pub mod error;
pub mod findings;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
#[cfg(feature = "issue")]
pub mod issue;
pub mod inspect;
pub mod keys;
pub mod keystore;
pub mod pem;
pub mod verify;

mod names;
mod oids;
mod sig;

#[cfg(feature = "jks")]
pub use bundle::build_jks;
pub use bundle::{
    build_pkcs12, build_zip, export_files, read_zip, Compression, ExportInput, ServerType, ZipEntry,
};
pub use decode::{
    decode_certificate, decode_certificates, decode_csr, BasicConstraints, CertificateInfo,
    CsrInfo, ExtendedKeyUsage, ExtensionInfo, KeyUsage, PublicKeyInfo, SubjectAltName,
    ValidityStatus,
};
pub use error::{ChainError, Error, Result};
pub use keys::{key_matches_certificate, parse_private_key, KeyAlgorithm, PrivateKey};
pub use names::NameField;
pub use verify::{verify_chain, verify_issued_by, VerifiedChain};

#[cfg(feature = "issue")]
pub use issue::{
    build_crl, build_csr, generate_key, generate_rsa_key, issue_certificate, self_signed_certificate,
    CustomExtension, DistinguishedName, IssueRequest, RevocationReason, RevokedEntry,
    SignatureHash, Subject,
};

/// Hex with colons, upper case, as `openssl x509 -fingerprint` prints it.
pub(crate) fn colon_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(':');
        }
        out.push_str(&format!("{b:02X}"));
    }
    out
}

/// Plain upper-case hex.
pub(crate) fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// Fills `buf` from the platform's secure RNG (crypto.getRandomValues on wasm32).
pub(crate) fn random_bytes(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|_| Error::Random)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_helpers() {
        assert_eq!(colon_hex(&[0x0a, 0xff, 0x00]), "0A:FF:00");
        assert_eq!(colon_hex(&[]), "");
        assert_eq!(hex_upper(&[0x0a, 0xff]), "0AFF");
    }

    #[test]
    fn random_bytes_fill() {
        let mut a = [0u8; 32];
        let mut b = [0u8; 32];
        random_bytes(&mut a).unwrap();
        random_bytes(&mut b).unwrap();
        assert_ne!(a, b);
    }
}

//! One entry point per fuzz target (feature `fuzzing`): the cargo-fuzz
//! targets in `fuzz/` and the corpus replay test (`tests/fuzz_corpus.rs`)
//! call these, so `cargo test` replays the corpus through exactly the code
//! that was fuzzed. Each takes any bytes, must not panic, and checks a few
//! properties that hold for every input.

use crate::{decode, keys, pem, verify};

/// PEM parsing: every block that parses re-encodes to text that parses back
/// to the same label and bytes.
pub fn pem(data: &[u8]) {
    let _ = pem::looks_like_pem(data);
    let _ = pem::certificates_from_bytes(data);
    let text = String::from_utf8_lossy(data);
    if let Ok(blocks) = pem::parse_pem(&text) {
        for block in blocks {
            let again = pem::parse_pem(&pem::encode_pem(&block.label, &block.der))
                .expect("an encoded block parses");
            assert_eq!(again.len(), 1);
            assert_eq!(again[0].label, block.label);
            assert_eq!(again[0].der, block.der);
        }
    }
}

/// Certificate decoding for display, and the signature checks run on what
/// users paste (a certificate checked against itself, as a one-link chain).
pub fn certificate(data: &[u8]) {
    if let Ok(info) = decode::decode_certificate(data) {
        let _ = verify::verify_issued_by(&info.der, &info.der);
        let _ = verify::verify_chain(core::slice::from_ref(&info.der), &[], 0);
    }
    let _ = decode::decode_certificates(data);
}

/// CSR decoding, with and without the signature required.
pub fn csr(data: &[u8]) {
    let plain = decode::decode_csr(data);
    let verified = decode::decode_csr_verified(data);
    // The verified form never accepts what the plain one rejects.
    assert!(!(plain.is_err() && verified.is_ok()));
}

/// Private keys: plain, with a password, and matched against the input read
/// as a certificate.
pub fn private_key(data: &[u8]) {
    if let Ok(key) = keys::parse_private_key(data) {
        let _ = key.matches_certificate(data);
    }
    let _ = keys::parse_private_key_with_password(data, "fuzz-password");
    let _ = keys::key_matches_certificate(data, data);
}

/// The toolbox's reader and checks: any bytes as one input, with no
/// password and with one (PKCS#12, JKS, encrypted keys), then the CRL and
/// key-store readers on their own. Every object read has a DER form, and
/// every problem names an object that exists.
pub fn inspect(data: &[u8]) {
    use crate::inspect::{read_sources, Source};
    for password in ["", "fuzz-password"] {
        let reading = read_sources(&[Source { name: "input", bytes: data }], password);
        for found in &reading.objects {
            assert!(found.object.der_and_label().is_ok(), "an object read has a DER form");
        }
        let analysis = crate::findings::analyse(&reading.objects, 1_800_000_000);
        for problem in &analysis.problems {
            let _ = problem.to_string();
            if let Some(i) = problem.object() {
                assert!(i < reading.objects.len(), "a problem names an object that exists");
            }
        }
        let _ = crate::findings::split_into_files(&reading.objects);
    }
    let _ = crate::crl::decode_crl(data);
    let _ = crate::keystore::read_pkcs12(data, "fuzz-password");
    let _ = crate::keystore::read_jks(data, "fuzz-password");
}

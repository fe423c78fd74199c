//! Replays the fuzz corpus (`fuzz/corpus/<target>/`) through the same entry
//! points the cargo-fuzz targets call, so `cargo test` catches a decoder
//! that panics again on an input once found, without nightly or cargo-fuzz.

use std::fs;
use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus").join(target);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("corpus entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = fs::read(&p).expect("corpus file");
            (p, bytes)
        })
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{target}: expected a seed corpus in {}", dir.display());
    files
}

/// Runs every file through `entry`; returns how many `accepted` says are valid.
fn replay(target: &str, entry: fn(&[u8]), accepted: impl Fn(&[u8]) -> bool) -> usize {
    corpus(target)
        .iter()
        .filter(|(path, bytes)| {
            eprintln!("{target}: {}", path.display());
            entry(bytes);
            accepted(bytes)
        })
        .count()
}

#[test]
fn pem_corpus_replays_without_panic() {
    let parsed = replay("pem", ccm_pki::fuzzing::pem, |b| {
        ccm_pki::pem::parse_pem(&String::from_utf8_lossy(b)).is_ok_and(|v| !v.is_empty())
    });
    assert!(parsed >= 2, "the seeds include well-formed PEM");
}

#[test]
fn certificate_corpus_replays_without_panic() {
    let decoded = replay("certificate", ccm_pki::fuzzing::certificate, |b| {
        ccm_pki::decode_certificate(b).is_ok()
    });
    assert!(decoded >= 3, "the seeds include real certificates");
}

#[test]
fn csr_corpus_replays_without_panic() {
    let decoded = replay("csr", ccm_pki::fuzzing::csr, |b| ccm_pki::decode::decode_csr_verified(b).is_ok());
    assert!(decoded >= 2, "the seeds include signed CSRs");
}

#[test]
fn private_key_corpus_replays_without_panic() {
    let parsed = replay("private_key", ccm_pki::fuzzing::private_key, |b| {
        ccm_pki::parse_private_key(b).is_ok()
    });
    assert!(parsed >= 3, "the seeds include plain keys");
}

#[test]
fn inspect_corpus_replays_without_panic() {
    let read = replay("inspect", ccm_pki::fuzzing::inspect, |b| {
        let reading = ccm_pki::inspect::read_sources(&[ccm_pki::inspect::Source { name: "seed", bytes: b }], "fuzz-password");
        !reading.objects.is_empty()
    });
    assert!(read >= 4, "the seeds include a readable PKCS#12, JKS, CRL and PEM mix");
}

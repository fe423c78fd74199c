//! Replays the error-body fuzz corpus (`fuzz/corpus/api_error/`) through the
//! entry point the cargo-fuzz target calls.

use std::fs;
use std::path::Path;

#[test]
fn api_error_corpus_replays_without_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/api_error");
    let mut service_errors = 0;
    let mut files = 0;
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let bytes = fs::read(entry.expect("corpus entry").path()).expect("corpus file");
        ccm_api::fuzzing::error_body(&bytes);
        files += 1;
        if bytes.len() > 2 && ccm_api::error::decode_error(500, &bytes[2..], None).code().is_some() {
            service_errors += 1;
        }
    }
    assert!(files >= 3, "expected a seed corpus in {}", dir.display());
    assert!(service_errors >= 2, "the seeds include the service's error shapes");
}

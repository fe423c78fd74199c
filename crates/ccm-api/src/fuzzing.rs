//! The error-body decoder's fuzz entry point (feature `fuzzing`), shared by
//! the cargo-fuzz target in `fuzz/` and the corpus replay test.

use crate::{catalogue, error::decode_error};

/// The first two bytes are the HTTP status, the rest the body. Whatever the
/// body, decoding gives an error to show, never a panic, and keeps the status.
pub fn error_body(data: &[u8]) {
    let (status, body) = match data {
        [hi, lo, rest @ ..] => (u16::from_be_bytes([*hi, *lo]), rest),
        _ => (500, data),
    };
    let error = decode_error(status, body, Some("fuzz".into()));
    assert_eq!(error.status(), Some(status));
    let _ = error.to_string();
    let _ = (error.code(), error.is_transient(), error.needs_sign_in());
    let _ = catalogue::hint(&error);
}

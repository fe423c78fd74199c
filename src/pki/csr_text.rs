//! A CSR as the browser reads it: decoded with its signature checked, and
//! its key described as people say it. Pure; shown by
//! `components/csr_summary.rs`.

use ccm_pki::decode::CsrInfo;

use crate::form::message::code_mark;
use crate::i18n::{td_string, Locale};

/// Why a pasted CSR cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum CsrUnusable {
    Empty,
    /// Its signature does not verify: altered or broken.
    BadSignature,
    /// Not a CSR the decoder can read; the decoder's words (data).
    Unreadable(String),
}

impl CsrUnusable {
    /// In `l`; the decoder's words marked as data (backticks, `form::message`).
    pub fn words(&self, l: Locale) -> String {
        match self {
            CsrUnusable::Empty => td_string!(l, pca.csr_empty).to_string(),
            CsrUnusable::BadSignature => td_string!(l, pca.csr_bad_signature).to_string(),
            CsrUnusable::Unreadable(detail) => td_string!(l, pca.csr_unreadable, detail = code_mark(detail)).to_string(),
        }
    }
}

/// Decodes a pasted or uploaded CSR; a CSR whose signature does not verify
/// is refused (no CA should sign it).
pub fn decode(text: &str) -> Result<CsrInfo, CsrUnusable> {
    if text.trim().is_empty() {
        return Err(CsrUnusable::Empty);
    }
    ccm_pki::decode::decode_csr_verified(text.as_bytes()).map_err(|e| match e {
        ccm_pki::Error::BadSignature => CsrUnusable::BadSignature,
        other => CsrUnusable::Unreadable(other.to_string()),
    })
}

/// Key algorithm and size as people say it: `EC P-256`, `RSA 2048 bits`.
pub fn key_text(info: &CsrInfo) -> String {
    let k = &info.public_key;
    match (&k.curve, k.bits) {
        (Some(curve), _) => format!("{} {curve}", k.algorithm),
        (None, Some(bits)) => format!("{} {bits} bits", k.algorithm),
        (None, None) => k.algorithm.clone(),
    }
}

/// The requested names as `DNS:a, IP:b`, or "none".
pub fn names_text(info: &CsrInfo) -> String {
    if info.subject_alt_names.is_empty() {
        "none".to_owned()
    } else {
        info.subject_alt_names.iter().map(|s| format!("{}:{}", s.kind(), s.value())).collect::<Vec<_>>().join(", ")
    }
}

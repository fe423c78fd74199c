//! A CSR as the browser reads it: decoded with its signature checked, and
//! its key described as people say it. Pure; shown by
//! `components/csr_summary.rs`.

use ccm_pki::decode::CsrInfo;

/// Decodes a pasted or uploaded CSR; a CSR whose signature does not verify
/// is refused (no CA should sign it).
pub fn decode(text: &str) -> Result<CsrInfo, String> {
    if text.trim().is_empty() {
        return Err("paste a CSR or choose a file".to_owned());
    }
    ccm_pki::decode::decode_csr_verified(text.as_bytes()).map_err(|e| match e {
        ccm_pki::Error::BadSignature => "its signature does not verify: the CSR was altered or is broken".to_owned(),
        other => format!("this is not a readable CSR: {other}"),
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

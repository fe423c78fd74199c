//! What the PCA handlers (`pca_issue`, `pca_certs`, `export`, `crl`,
//! `tags`) answer with: a refused call carried through `?`, the refusals
//! they share, and the line ends of the PEM they hand out.

use ccm_api::catalogue::Denied;

use crate::EmuResponse;

/// A refused call's answer, carried through `?`.
pub type Answer<T> = Result<T, EmuResponse>;

pub fn refuse(status: u16, code: &str, message: impl Into<String>) -> EmuResponse {
    EmuResponse::error(status, code, message)
}

/// An action the catalogue does not allow in the object's status.
pub fn denied(d: Denied) -> EmuResponse {
    refuse(403, d.code, d.reason)
}

/// No private certificate with this id.
pub fn certificate_not_found(id: &str) -> EmuResponse {
    refuse(404, "PCA.00030102", format!("no private certificate with id {id}"))
}

/// PEM with `\r\n` line ends, as the API hands out CSRs and certificates.
pub fn crlf(pem: &str) -> String {
    pem.replace("\r\n", "\n").replace('\n', "\r\n")
}

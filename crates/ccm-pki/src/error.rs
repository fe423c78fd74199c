//! The crate's error type. Messages never contain key material or passwords.

use core::time::Duration;

/// Result with [`Error`].
pub type Result<T, E = Error> = core::result::Result<T, E>;

/// What went wrong, in terms a console can show to its user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The input holds nothing of the expected kind (e.g. "certificate").
    #[error("no {0} found in the input")]
    NotFound(&'static str),
    /// Text that looks like PEM but is not well formed.
    #[error("malformed PEM: {0}")]
    Pem(String),
    /// DER that does not decode as the expected structure.
    #[error("malformed {what}: {detail}")]
    Malformed {
        /// What was being decoded ("certificate", "CSR", ...).
        what: &'static str,
        /// The decoder's reason.
        detail: String,
    },
    /// The private key is encrypted (PKCS#8 or OpenSSL's traditional form):
    /// the console must ask for its password.
    #[error("the private key is encrypted; its password is needed")]
    EncryptedKey,
    /// Decryption failed: wrong password or damaged data.
    #[error("wrong password, or the encrypted key is damaged")]
    WrongPassword,
    /// A key type or size this crate does not handle.
    #[error("unsupported key: {0}")]
    UnsupportedKey(String),
    /// A signature algorithm this crate does not verify or produce.
    #[error("unsupported signature algorithm: {0}")]
    UnsupportedAlgorithm(String),
    /// A signature that does not verify.
    #[error("the signature does not verify")]
    BadSignature,
    /// A chain that does not verify.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// A parameter out of range or inconsistent (message says which).
    #[error("invalid input: {0}")]
    Invalid(String),
    /// The platform's random number generator failed.
    #[error("the random number generator failed")]
    Random,
    /// Building a ZIP, PKCS#12 or key store failed.
    #[error("bundle: {0}")]
    Bundle(String),
}

impl Error {
    /// A closure mapping a decoder error to [`Error::Malformed`] for `what`.
    pub(crate) fn malformed<E: core::fmt::Display>(what: &'static str) -> impl Fn(E) -> Error {
        move |e| Error::Malformed {
            what,
            detail: e.to_string(),
        }
    }
}

/// Encoding our own well-formed structures only fails on a bug or absurd sizes.
impl From<der::Error> for Error {
    fn from(e: der::Error) -> Self {
        Error::Malformed {
            what: "DER",
            detail: e.to_string(),
        }
    }
}

/// Why a chain does not verify. Subjects are RFC 4514 text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    #[error("the chain is empty")]
    Empty,
    #[error("no issuer found for \"{subject}\" (issued by \"{issuer}\")")]
    IssuerNotFound { subject: String, issuer: String },
    #[error("the signature on \"{subject}\" does not verify with its issuer's key")]
    BadSignature { subject: String },
    #[error("\"{subject}\" is not valid before {}", fmt_time(.not_before))]
    NotYetValid { subject: String, not_before: i64 },
    #[error("\"{subject}\" expired at {}", fmt_time(.not_after))]
    Expired { subject: String, not_after: i64 },
    #[error("\"{subject}\" issued a certificate but is not a CA")]
    NotCa { subject: String },
    #[error("\"{subject}\" issued a certificate but its key usage lacks keyCertSign")]
    NoKeyCertSign { subject: String },
    #[error("\"{subject}\" allows {path_len} CA(s) below it, the chain has {found}")]
    PathLenExceeded {
        subject: String,
        path_len: u8,
        found: usize,
    },
    #[error("the chain ends at \"{subject}\", which is not among the trusted roots")]
    UntrustedRoot { subject: String },
    #[error("the chain is longer than {0} certificates")]
    TooLong(usize),
}

fn fmt_time(t: &i64) -> String {
    u64::try_from(*t)
        .ok()
        .and_then(|s| der::DateTime::from_unix_duration(Duration::from_secs(s)).ok())
        .map(|d| d.to_string())
        .unwrap_or_else(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_show_dates() {
        let e = ChainError::Expired {
            subject: "CN=x".into(),
            not_after: 86_400,
        };
        assert_eq!(e.to_string(), "\"CN=x\" expired at 1970-01-02T00:00:00Z");
        assert_eq!(fmt_time(&-5), "-5");
    }
}

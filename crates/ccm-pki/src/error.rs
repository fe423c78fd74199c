//! The crate's error type. Messages never contain key material or passwords.

use crate::verify::ChainError;

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

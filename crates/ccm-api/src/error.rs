//! Errors of an API call, as a type the console can show and the emulator
//! can produce.

use serde::{Deserialize, Serialize};

/// The error body the CCM and SCM services send: `{"error_code", "error_msg"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error_code: String,
    pub error_msg: String,
}

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The service (or the proxy) answered with an error body.
    #[error("{code}: {message} (HTTP {status})")]
    Service {
        status: u16,
        code: String,
        message: String,
        request_id: Option<String>,
    },
    /// An error status with a body that is not one of the known shapes.
    #[error("HTTP {status}: {snippet}")]
    Http { status: u16, snippet: String },
    /// The request never got an answer (network down, proxy unreachable, CORS).
    #[error("network error: {0}")]
    Network(String),
    /// A success status whose body could not be read as the expected type.
    #[error("unexpected response (HTTP {status}): {detail}")]
    Decode { status: u16, detail: String },
    /// The view that asked for it went away: nobody waits for the answer.
    #[error("request abandoned")]
    Aborted,
    /// The user cancelled the request while it was waiting.
    #[error("you cancelled the request before the service answered")]
    Cancelled,
    /// There is no usable credential for this call.
    #[error("not signed in: {0}")]
    NotSignedIn(String),
}

impl ApiError {
    /// The service error code, if there is one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Service { code, .. } => Some(code),
            _ => None,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Service { status, .. } | ApiError::Http { status, .. } | ApiError::Decode { status, .. } => {
                Some(*status)
            }
            _ => None,
        }
    }

    /// Whether repeating the same read may succeed (network trouble,
    /// throttling, server errors). Never used to repeat a POST.
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network(_) => true,
            ApiError::Service { status, .. } | ApiError::Http { status, .. } => {
                *status == 429 || *status >= 500
            }
            _ => false,
        }
    }

    /// The credential was refused or has expired: sign in again.
    pub fn needs_sign_in(&self) -> bool {
        matches!(self, ApiError::NotSignedIn(_)) || self.status() == Some(401)
    }
}

/// Turns an error answer into an [`ApiError`].
///
/// Bodies seen: CCM/SCM `{"error_code","error_msg"}`, the same wrapped in
/// `{"error": {...}}`, and IAM's `{"error": {"code": 401, "message", "title"}}`.
pub fn decode_error(status: u16, body: &[u8], request_id: Option<String>) -> ApiError {
    #[derive(Deserialize)]
    struct Wrapped {
        error: serde_json::Value,
    }
    let service = |code: String, message: String| ApiError::Service {
        status,
        code,
        message,
        request_id: request_id.clone(),
    };
    if let Ok(b) = serde_json::from_slice::<ErrorBody>(body) {
        return service(b.error_code, b.error_msg);
    }
    if let Ok(w) = serde_json::from_slice::<Wrapped>(body) {
        if let Ok(b) = serde_json::from_value::<ErrorBody>(w.error.clone()) {
            return service(b.error_code, b.error_msg);
        }
        let code = match w.error.get("code") {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(serde_json::Value::Number(n)) => Some(format!("IAM.{n}")),
            _ => None,
        };
        let message = w.error.get("message").and_then(|m| m.as_str());
        if let (Some(code), Some(message)) = (code, message) {
            return service(code, message.to_owned());
        }
    }
    let text = String::from_utf8_lossy(body);
    let snippet: String = text.trim().chars().take(200).collect();
    ApiError::Http { status, snippet }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_ccm_error_body() {
        let e = decode_error(
            400,
            br#"{"error_code":"PCA.10010002","error_msg":"not found"}"#,
            Some("r1".into()),
        );
        assert_eq!(
            e,
            ApiError::Service {
                status: 400,
                code: "PCA.10010002".into(),
                message: "not found".into(),
                request_id: Some("r1".into())
            }
        );
        assert_eq!(e.code(), Some("PCA.10010002"));
        assert!(!e.is_transient());
    }

    #[test]
    fn decodes_wrapped_and_iam_bodies() {
        let e = decode_error(403, br#"{"error":{"error_code":"SCM.0001","error_msg":"x"}}"#, None);
        assert_eq!(e.code(), Some("SCM.0001"));
        let e = decode_error(
            401,
            br#"{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}"#,
            None,
        );
        assert_eq!(e.code(), Some("IAM.401"));
        assert!(e.needs_sign_in());
    }

    #[test]
    fn other_bodies_become_http_errors() {
        let e = decode_error(502, b"<html>Bad Gateway</html>", None);
        assert_eq!(e, ApiError::Http { status: 502, snippet: "<html>Bad Gateway</html>".into() });
        assert!(e.is_transient());
        assert!(ApiError::Network("x".into()).is_transient());
        assert!(!ApiError::Aborted.is_transient());
    }
}

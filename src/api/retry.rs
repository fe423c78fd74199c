//! When a request is tried again by itself. Only reads (GET, HEAD) are:
//! a write that failed half-way may have been carried out, so repeating it
//! is the user's decision, never the console's.

use ccm_api::{ApiError, Method};

use crate::i18n::{td_string, Locale};

/// Why a read waits before its next attempt, for the pending-requests
/// indicator; worded there in the user's language by [`BackoffReason::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackoffReason {
    /// HTTP 429.
    Throttled,
    /// Another error status (a 5xx).
    Status(u16),
    /// No answer at all.
    Network,
}

impl BackoffReason {
    pub fn of(error: &ApiError) -> BackoffReason {
        match error.status() {
            Some(429) => BackoffReason::Throttled,
            Some(status) => BackoffReason::Status(status),
            None => BackoffReason::Network,
        }
    }

    pub fn text(self, locale: Locale) -> String {
        match self {
            BackoffReason::Throttled => td_string!(locale, errors.backoff_throttled).to_owned(),
            BackoffReason::Status(status) => td_string!(locale, errors.error_http, status = status).to_string(),
            BackoffReason::Network => td_string!(locale, errors.backoff_network).to_owned(),
        }
    }
}

/// Delays before the 2nd and 3rd attempt of a read that met a server error
/// or a network failure, in milliseconds.
pub const READ_BACKOFF_MS: [u32; 2] = [400, 1600];

/// Delays before the 2nd to 5th attempt of a throttled read (HTTP 429),
/// unless the answer's `Retry-After` asks for longer.
pub const THROTTLE_BACKOFF_MS: [u32; 4] = [1000, 2000, 4000, 8000];

/// The longest `Retry-After` honoured; beyond it the user is told instead.
pub const MAX_RETRY_AFTER_SECS: u32 = 30;

/// The delay before attempt `attempt + 2` (`attempt` counts from 0 for the
/// first try), or `None` to give up and show the error.
/// `retry_after_secs` is the answer's `Retry-After`, if it had one.
pub fn next_delay(method: Method, attempt: usize, error: &ApiError, retry_after_secs: Option<u32>) -> Option<u32> {
    if !method.is_idempotent_read() || !error.is_transient() {
        return None;
    }
    if error.status() == Some(429) {
        let backoff = *THROTTLE_BACKOFF_MS.get(attempt)?;
        return match retry_after_secs {
            Some(s) if s > MAX_RETRY_AFTER_SECS => None,
            Some(s) => Some(backoff.max(s * 1000)),
            None => Some(backoff),
        };
    }
    READ_BACKOFF_MS.get(attempt).copied()
}

/// Attempts a read may take in all for this kind of failure: for the
/// "attempt 2 of 5" the pending-requests indicator shows.
pub fn max_attempts(error: &ApiError) -> usize {
    if error.status() == Some(429) {
        THROTTLE_BACKOFF_MS.len() + 1
    } else {
        READ_BACKOFF_MS.len() + 1
    }
}

/// Reads a `Retry-After` header: seconds only (the services do not send
/// HTTP dates).
pub fn parse_retry_after(value: &str) -> Option<u32> {
    value.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(status: u16, code: &str) -> ApiError {
        ApiError::Service { status, code: code.into(), message: String::new(), request_id: None }
    }

    #[test]
    fn reads_retry_twice_on_server_and_network_errors() {
        let e = ApiError::Http { status: 503, snippet: String::new() };
        assert_eq!(next_delay(Method::Get, 0, &e, None), Some(400));
        assert_eq!(next_delay(Method::Get, 1, &e, None), Some(1600));
        assert_eq!(next_delay(Method::Get, 2, &e, None), None);
        assert_eq!(next_delay(Method::Get, 0, &ApiError::Network("reset".into()), None), Some(400));
        assert_eq!(max_attempts(&e), 3);
    }

    #[test]
    fn throttled_reads_back_off_longer_and_honour_retry_after() {
        let e = service(429, "APIGW.0308");
        assert_eq!(next_delay(Method::Get, 0, &e, None), Some(1000));
        assert_eq!(next_delay(Method::Get, 3, &e, None), Some(8000));
        assert_eq!(next_delay(Method::Get, 4, &e, None), None);
        assert_eq!(next_delay(Method::Get, 0, &e, Some(3)), Some(3000), "Retry-After longer than the backoff wins");
        assert_eq!(next_delay(Method::Get, 2, &e, Some(1)), Some(4000), "the backoff never shrinks");
        assert_eq!(next_delay(Method::Get, 0, &e, Some(120)), None, "a long wait is the user's call");
        assert_eq!(max_attempts(&e), 5);
    }

    #[test]
    fn writes_cancellations_and_client_errors_never_retry() {
        for e in [ApiError::Network("reset".into()), service(429, "APIGW.0308"), service(500, "PCA.00000001")] {
            for m in [Method::Post, Method::Put, Method::Delete] {
                assert_eq!(next_delay(m, 0, &e, None), None, "{m:?} {e}");
            }
        }
        for e in [service(400, "PCA.1"), service(401, "APIGW.0301"), ApiError::Cancelled, ApiError::Aborted] {
            assert_eq!(next_delay(Method::Get, 0, &e, None), None, "{e}");
        }
        let unreadable = ApiError::Decode { status: 200, detail: "EOF".into() };
        assert_eq!(next_delay(Method::Get, 0, &unreadable, None), None);
    }

    #[test]
    fn the_reason_of_a_wait_is_worded_in_both_languages() {
        let throttled = BackoffReason::of(&service(429, "APIGW.0308"));
        // The English the faults spec reads in the indicator.
        assert_eq!(throttled.text(Locale::en), "the service is throttling requests (HTTP 429)");
        assert_eq!(throttled.text(Locale::zh_CN), "服务正在限流（HTTP 429）");
        let down = BackoffReason::of(&ApiError::Http { status: 503, snippet: String::new() });
        assert_eq!((down, down.text(Locale::en)), (BackoffReason::Status(503), "the service answered HTTP 503".to_owned()));
        assert_eq!(BackoffReason::of(&ApiError::Network("reset".into())).text(Locale::zh_CN), "连接失败");
    }

    #[test]
    fn retry_after_is_read_as_seconds() {
        assert_eq!(parse_retry_after(" 2 "), Some(2));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT"), None);
    }
}

//! When a read is tried again. Only GET and HEAD are ever repeated.

use ccm_api::{ApiError, Method};

/// Delays before the 2nd and 3rd attempt of a read, in milliseconds.
pub const READ_BACKOFF_MS: [u32; 2] = [400, 1600];

/// The delay before attempt `attempt + 1`, or `None` to give up.
pub fn next_delay(method: Method, attempt: usize, error: &ApiError) -> Option<u32> {
    if !method.is_idempotent_read() || !error.is_transient() {
        return None;
    }
    READ_BACKOFF_MS.get(attempt).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_retry_twice_on_transient_errors() {
        let e = ApiError::Http { status: 503, snippet: String::new() };
        assert_eq!(next_delay(Method::Get, 0, &e), Some(400));
        assert_eq!(next_delay(Method::Get, 1, &e), Some(1600));
        assert_eq!(next_delay(Method::Get, 2, &e), None);
    }

    #[test]
    fn writes_and_client_errors_never_retry() {
        let e = ApiError::Network("reset".into());
        assert_eq!(next_delay(Method::Post, 0, &e), None);
        assert_eq!(next_delay(Method::Delete, 0, &e), None);
        let bad = ApiError::Service { status: 400, code: "PCA.1".into(), message: String::new(), request_id: None };
        assert_eq!(next_delay(Method::Get, 0, &bad), None);
    }
}

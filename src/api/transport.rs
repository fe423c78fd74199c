//! One HTTP exchange in the browser: URL through the proxy, headers,
//! body, and the answer read as bytes plus the headers the console uses.

use ccm_api::error::decode_error;
use ccm_api::{ApiError, ApiRequest, Method};
use gloo_net::http::{Request, RequestBuilder};
use web_sys::AbortSignal;

use super::connection::Connection;
use super::headers::{credential_for, request_headers};

/// A successful answer.
#[derive(Debug, Clone)]
pub struct RawResponse {
    pub status: u16,
    pub body: Vec<u8>,
    /// `X-Subject-Token` (a new IAM token).
    pub subject_token: Option<String>,
    /// `Content-Disposition` (the file name of an exported archive).
    pub content_disposition: Option<String>,
}

/// A failed attempt: the error, and how long the service asked to wait
/// before the next one (`Retry-After`, seconds), if it said.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub error: ApiError,
    pub retry_after_secs: Option<u32>,
}

impl From<ApiError> for Failure {
    fn from(error: ApiError) -> Failure {
        Failure { error, retry_after_secs: None }
    }
}

/// A request ready to go: the URL and the headers, signed.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub url: String,
    pub headers: Vec<(String, String)>,
}

/// Builds the URL and the headers of `req` at `now_ms` (browser clock).
pub fn prepare(conn: &Connection, req: &ApiRequest, now_ms: f64) -> Result<Prepared, ApiError> {
    let credential = credential_for(conn, req)?;
    Ok(Prepared { url: conn.url(req), headers: request_headers(conn, req, credential, now_ms) })
}

/// Sends a prepared request once. Error statuses come back as [`ApiError`].
pub async fn send_once(
    prepared: &Prepared,
    req: &ApiRequest,
    abort: Option<&AbortSignal>,
) -> Result<RawResponse, Failure> {
    let mut builder = RequestBuilder::new(&prepared.url).method(gloo_method(req.method)).abort_signal(abort);
    for (name, value) in &prepared.headers {
        builder = builder.header(name, value);
    }
    let request: Request = match &req.body {
        Some(_) => builder.body(String::from_utf8_lossy(&req.body_bytes()).into_owned()),
        None => builder.build(),
    }
    .map_err(|e| ApiError::Network(e.to_string()))?;

    let response = request.send().await.map_err(|e| {
        if abort.is_some_and(AbortSignal::aborted) {
            ApiError::Aborted
        } else {
            // The browser hides the cause (DNS, CORS, refused): its words are
            // the detail, and the error view's remedy says what to check.
            ApiError::Network(e.to_string())
        }
    })?;
    let status = response.status();
    let header = |name: &str| response.headers().get(name);
    let request_id = header("x-request-id");
    let subject_token = header("x-subject-token");
    let content_disposition = header("content-disposition");
    let retry_after_secs = header("retry-after").as_deref().and_then(super::retry::parse_retry_after);
    let body = response.binary().await.map_err(|e| {
        if abort.is_some_and(AbortSignal::aborted) {
            ApiError::Aborted
        } else {
            ApiError::Network(e.to_string())
        }
    })?;
    if !(200..300).contains(&status) {
        return Err(Failure { error: decode_error(status, &body, request_id), retry_after_secs });
    }
    Ok(RawResponse { status, body, subject_token, content_disposition })
}

fn gloo_method(m: Method) -> gloo_net::http::Method {
    use gloo_net::http::Method as G;
    match m {
        Method::Get => G::GET,
        Method::Post => G::POST,
        Method::Put => G::PUT,
        Method::Delete => G::DELETE,
        Method::Head => G::HEAD,
    }
}

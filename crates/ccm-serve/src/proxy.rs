//! `ANY /proxy/{host}/{*path}`: forwards to `https://{host}/{path}?{query}`.
//!
//! The browser signs AK/SK requests over the upstream host, the path and the
//! query exactly as it sends them, so both go upstream byte for byte (a URL
//! the HTTP client would rewrite is refused instead of silently changed).
//! Only an allowlist of headers crosses in either direction: cookies, proxy
//! headers and anything else the browser adds stay here.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{
    header, Extensions, HeaderMap, HeaderName, HeaderValue, Method, Response, StatusCode, Version,
};
use axum::response::IntoResponse;
use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};

use crate::host_policy::{AllowList, Host, HostError, HostPattern};

/// Largest request body forwarded (CSRs, imported certificates and keys fit easily).
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// How much of an oversize body is read and thrown away before the 413.
pub const DRAIN_LIMIT: usize = 8 * 1024 * 1024;

/// Largest upstream answer relayed. The answer is held whole before it is
/// sent on (so a broken one becomes a clear error), so this bounds the
/// memory of each request; the largest real answer, a page of 1,000 CAs,
/// is about 2 MiB.
pub const RESPONSE_LIMIT: usize = 8 * 1024 * 1024;

/// Default upstream timeout for the whole exchange.
pub const UPSTREAM_TIMEOUT: Duration = Duration::from_secs(60);

/// Request headers that go upstream: what the API and the signer need, and
/// `Accept-Encoding` so that an upstream may compress its answer itself
/// (the browser sets that header, so it is never signed).
pub const FORWARD_REQUEST_HEADERS: [HeaderName; 9] = [
    header::CONTENT_TYPE,
    header::ACCEPT,
    header::ACCEPT_ENCODING,
    HeaderName::from_static("x-auth-token"),
    HeaderName::from_static("x-sdk-date"),
    header::AUTHORIZATION,
    HeaderName::from_static("x-project-id"),
    HeaderName::from_static("x-domain-id"),
    HeaderName::from_static("x-subject-token"),
];

/// Response headers that come back. Never Set-Cookie. `Retry-After` tells
/// the console how long to back off when throttled. `Content-Encoding`
/// because the body is relayed as it came, compressed or not.
pub const RETURN_RESPONSE_HEADERS: [HeaderName; 7] = [
    header::CONTENT_TYPE,
    header::CONTENT_ENCODING,
    header::RETRY_AFTER,
    header::CONTENT_DISPOSITION,
    HeaderName::from_static("x-subject-token"),
    HeaderName::from_static("x-request-id"),
    header::CONTENT_LENGTH,
];

/// Every way a proxied request fails before or instead of an upstream answer.
/// The JSON body has the cloud API's error shape so the console shows both alike.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProxyError {
    #[error(transparent)]
    Host(#[from] HostError),
    #[error("this web site's origin may not use the proxy; start ccm-serve with --allow-origin to allow it")]
    OriginNotAllowed,
    #[error("the proxy forwards only GET, HEAD, POST, PUT, PATCH and DELETE")]
    MethodNotAllowed,
    #[error("the request body is larger than the proxy's limit of 2 MiB")]
    BodyTooLarge,
    #[error("the request body could not be read")]
    BodyUnreadable,
    #[error("the path or query cannot be forwarded unchanged; percent-encode special characters")]
    UrlNotForwardable,
    #[error("the upstream answered with a redirect, which the proxy does not follow")]
    RedirectRefused,
    #[error("the upstream host could not be reached")]
    UpstreamUnreachable,
    #[error("the upstream host did not answer in time")]
    UpstreamTimeout,
    #[error("the upstream answer was broken or cut off")]
    UpstreamFailed,
    #[error("the upstream answer is larger than the proxy's limit of 8 MiB")]
    UpstreamTooLarge,
}

impl ProxyError {
    pub fn code(&self) -> &'static str {
        match self {
            ProxyError::Host(e) => e.code(),
            ProxyError::OriginNotAllowed => "PROXY.ORIGIN_NOT_ALLOWED",
            ProxyError::MethodNotAllowed => "PROXY.METHOD_NOT_ALLOWED",
            ProxyError::BodyTooLarge => "PROXY.BODY_TOO_LARGE",
            ProxyError::BodyUnreadable => "PROXY.BODY_UNREADABLE",
            ProxyError::UrlNotForwardable => "PROXY.URL_NOT_FORWARDABLE",
            ProxyError::RedirectRefused => "PROXY.REDIRECT_REFUSED",
            ProxyError::UpstreamUnreachable => "PROXY.UPSTREAM_UNREACHABLE",
            ProxyError::UpstreamTimeout => "PROXY.UPSTREAM_TIMEOUT",
            ProxyError::UpstreamFailed => "PROXY.UPSTREAM_FAILED",
            ProxyError::UpstreamTooLarge => "PROXY.UPSTREAM_TOO_LARGE",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ProxyError::Host(_) | ProxyError::OriginNotAllowed => StatusCode::FORBIDDEN,
            ProxyError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ProxyError::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ProxyError::BodyUnreadable | ProxyError::UrlNotForwardable => StatusCode::BAD_REQUEST,
            ProxyError::RedirectRefused
            | ProxyError::UpstreamUnreachable
            | ProxyError::UpstreamFailed
            | ProxyError::UpstreamTooLarge => StatusCode::BAD_GATEWAY,
            ProxyError::UpstreamTimeout => StatusCode::GATEWAY_TIMEOUT,
        }
    }
}

impl IntoResponse for ProxyError {
    fn into_response(self) -> axum::response::Response {
        let body = serde_json::json!({ "error_code": self.code(), "error_msg": self.to_string() });
        (self.status(), axum::Json(body)).into_response()
    }
}

/// An in-process answerer for some hosts: nothing leaves the machine. This
/// is the seam for `--emulate`; the request carries the origin-form URI
/// (path and query as received) and `Host` set to the upstream host.
pub trait LocalUpstream: Send + Sync + 'static {
    fn handle(
        &self,
        req: axum::http::Request<Bytes>,
    ) -> Pin<Box<dyn Future<Output = axum::http::Response<Bytes>> + Send>>;
}

/// Set by a [`LocalUpstream`] in a response's extensions when the
/// connection must break after `keep` bytes of the body, as if the
/// upstream had gone away (the emulator's dropped-connection fault). The
/// response's own `Content-Length` announces the whole body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CutShort {
    pub keep: usize,
}

impl CutShort {
    /// A body that yields the first `keep` bytes of `full` and then fails,
    /// which makes the server close the connection mid-answer.
    pub fn body(self, full: Bytes) -> Body {
        Body::new(CutBody { chunk: Some(full.slice(..self.keep.min(full.len()))) })
    }
}

struct CutBody {
    chunk: Option<Bytes>,
}

impl http_body::Body for CutBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        std::task::Poll::Ready(Some(match self.chunk.take() {
            Some(b) if !b.is_empty() => Ok(http_body::Frame::data(b)),
            _ => Err(std::io::Error::new(std::io::ErrorKind::ConnectionAborted, "answer cut short")),
        }))
    }
}

/// Answers smaller than this go uncompressed: the saving would not fill a packet.
pub const COMPRESS_MIN_SIZE: u16 = 1024;

/// On-the-fly compression of API answers (proxied and emulated), br or gzip
/// as the client accepts, at the fastest level: these answers are made per
/// request, so speed matters more than the last few per cent. An answer
/// that already has a `Content-Encoding` (the upstream compressed it) is
/// never compressed again; the layer sees to that. Also left alone: ZIP
/// and image bodies, which do not shrink, and a [`CutShort`] fault, whose
/// `Content-Length` must stay the whole body's so that the cut shows.
pub fn compression() -> CompressionLayer<impl Predicate> {
    fn not_cut_short(_: StatusCode, _: Version, _: &HeaderMap, ext: &Extensions) -> bool {
        ext.get::<CutShort>().is_none()
    }
    let predicate = SizeAbove::new(COMPRESS_MIN_SIZE)
        .and(NotForContentType::IMAGES)
        .and(NotForContentType::const_new("application/zip"))
        .and(not_cut_short as fn(StatusCode, Version, &HeaderMap, &Extensions) -> bool);
    CompressionLayer::new()
        .br(true)
        .gzip(true)
        .no_deflate()
        .no_zstd()
        .quality(CompressionLevel::Fastest)
        .compress_when(predicate)
}

/// Where one allowed host's requests go.
#[derive(Clone)]
pub enum Upstream {
    /// The real service: `https://{host}`.
    Https,
    /// Another base URL (tests, a service on loopback), with `Host` still the
    /// original host so signatures verify.
    Override(BaseUrl),
    /// Answered in-process.
    Local(Arc<dyn LocalUpstream>),
}

impl fmt::Debug for Upstream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Upstream::Https => f.write_str("Https"),
            Upstream::Override(b) => f.debug_tuple("Override").field(b).finish(),
            Upstream::Local(_) => f.write_str("Local"),
        }
    }
}

/// `scheme://authority[/base-path]`, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    base: String,
    path: String,
}

impl BaseUrl {
    pub fn as_str(&self) -> &str {
        &self.base
    }
}

/// `--upstream-override HOST=URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpstreamOverride {
    pub host: Host,
    pub target: BaseUrl,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OverrideError {
    #[error("expected HOST=URL, e.g. ccm.ap-southeast-3.myhuaweicloud.com=http://127.0.0.1:9001")]
    Shape,
    #[error("invalid host in override: {0}")]
    Host(HostError),
    #[error("invalid URL in override: {0}")]
    Url(String),
}

impl FromStr for UpstreamOverride {
    type Err = OverrideError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (host, url) = s.split_once('=').ok_or(OverrideError::Shape)?;
        let host = Host::parse(host).map_err(OverrideError::Host)?;
        let parsed = reqwest::Url::parse(url).map_err(|e| OverrideError::Url(e.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(OverrideError::Url(
                "the scheme must be http or https".into(),
            ));
        }
        if parsed.host_str().is_none()
            || !parsed.username().is_empty()
            || parsed.password().is_some()
        {
            return Err(OverrideError::Url(
                "a host is needed, and no user name or password".into(),
            ));
        }
        if parsed.query().is_some() || parsed.fragment().is_some() {
            return Err(OverrideError::Url("no query or fragment".into()));
        }
        let path = parsed.path().trim_end_matches('/').to_string();
        let base = parsed.as_str().trim_end_matches('/').to_string();
        Ok(UpstreamOverride {
            host,
            target: BaseUrl { base, path },
        })
    }
}

/// What the proxy handler needs, built once from the config.
pub struct ProxyState {
    allow: AllowList,
    overrides: HashMap<Host, BaseUrl>,
    local: Vec<(HostPattern, Arc<dyn LocalUpstream>)>,
    client: reqwest::Client,
}

impl ProxyState {
    pub fn new(
        allow: AllowList,
        overrides: &[UpstreamOverride],
        local: Vec<(HostPattern, Arc<dyn LocalUpstream>)>,
        timeout: Duration,
    ) -> ProxyState {
        let client = reqwest::Client::builder()
            // A redirect could lead anywhere, including off the allowlist.
            .redirect(reqwest::redirect::Policy::none())
            // The body is relayed as it came, with its Content-Encoding, even
            // if some other crate turns on reqwest's decoders.
            .no_gzip()
            .no_brotli()
            .no_deflate()
            .no_zstd()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .build()
            .expect("TLS backend initialises");
        let overrides = overrides
            .iter()
            .map(|o| (o.host.clone(), o.target.clone()))
            .collect();
        ProxyState {
            allow,
            overrides,
            local,
            client,
        }
    }

    /// In-process answerers first, then overrides, then the real host.
    pub fn upstream_for(&self, host: &Host) -> Upstream {
        if let Some((_, l)) = self.local.iter().find(|(p, _)| p.matches(host)) {
            return Upstream::Local(l.clone());
        }
        match self.overrides.get(host) {
            Some(b) => Upstream::Override(b.clone()),
            None => Upstream::Https,
        }
    }
}

/// Splits the raw request path `/proxy/{host}{path}` (percent-encoding kept).
fn split_target(raw_path: &str) -> (&str, &str) {
    let rest = raw_path.strip_prefix("/proxy").unwrap_or(raw_path);
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    }
}

pub async fn handle(State(state): State<Arc<ProxyState>>, req: Request) -> Response<Body> {
    let started = Instant::now();
    let method = req.method().clone();
    let (raw_host, path) = split_target(req.uri().path());
    let (raw_host, path) = (raw_host.to_string(), path.to_string());
    let result = forward(&state, req, &raw_host, &path).await;
    let code = result.as_ref().err().map(ProxyError::code).unwrap_or("-");
    let response = result.unwrap_or_else(IntoResponse::into_response);
    // Method, host, path and status only: headers, queries and bodies carry
    // tokens, signatures and keys. A refused host is not echoed either (it
    // may hold userinfo such as `user:password@`).
    let host = Host::parse(&raw_host).map_or_else(|_| "<invalid>".to_string(), |h| h.to_string());
    tracing::info!(
        %method,
        %host,
        %path,
        status = response.status().as_u16(),
        ms = started.elapsed().as_millis() as u64,
        error = code,
        "proxy"
    );
    response
}

async fn forward(
    state: &ProxyState,
    req: Request,
    raw_host: &str,
    path: &str,
) -> Result<Response<Body>, ProxyError> {
    let host = state.allow.check(raw_host)?;
    let method = req.method().clone();
    if !matches!(
        method,
        Method::GET | Method::HEAD | Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    ) {
        return Err(ProxyError::MethodNotAllowed);
    }
    let query = req.uri().query().map(str::to_string);
    let (parts, body) = req.into_parts();
    let body = read_body(body, &parts.headers).await?;
    let mut headers = HeaderMap::new();
    for name in &FORWARD_REQUEST_HEADERS {
        for v in parts.headers.get_all(name) {
            headers.append(name.clone(), v.clone());
        }
    }
    let target = format!(
        "{path}{}",
        query
            .as_deref()
            .map(|q| format!("?{q}"))
            .unwrap_or_default()
    );

    let mut cut = None;
    let (status, upstream_headers, upstream_body) = match state.upstream_for(&host) {
        Upstream::Local(local) => {
            headers.insert(header::HOST, host_value(&host));
            let mut r = axum::http::Request::new(body);
            *r.method_mut() = method;
            *r.uri_mut() = target.parse().map_err(|_| ProxyError::UrlNotForwardable)?;
            *r.headers_mut() = headers;
            let resp = local.handle(r).await;
            let (p, b) = resp.into_parts();
            cut = p.extensions.get::<CutShort>().copied();
            (p.status, p.headers, b)
        }
        Upstream::Override(base) => {
            // The URL names the override; Host must still name the real host.
            headers.insert(header::HOST, host_value(&host));
            send(
                state,
                method,
                &base.base,
                &base.path,
                path,
                query.as_deref(),
                headers,
                body,
            )
            .await?
        }
        Upstream::Https => {
            let base = format!("https://{host}");
            send(
                state,
                method,
                &base,
                "",
                path,
                query.as_deref(),
                headers,
                body,
            )
            .await?
        }
    };

    // Following or relaying a redirect could hand the browser (with its
    // token) to a host off the allowlist.
    if status.is_redirection() {
        return Err(ProxyError::RedirectRefused);
    }
    let body = match cut {
        Some(c) => c.body(upstream_body),
        None => Body::from(upstream_body),
    };
    let mut resp = Response::new(body);
    *resp.status_mut() = status;
    if let Some(c) = cut {
        // Kept for the compression layer, which must leave this body as it is.
        resp.extensions_mut().insert(c);
    }
    for name in &RETURN_RESPONSE_HEADERS {
        for v in upstream_headers.get_all(name) {
            resp.headers_mut().append(name.clone(), v.clone());
        }
    }
    Ok(resp)
}

fn host_value(host: &Host) -> HeaderValue {
    HeaderValue::from_str(host.as_str()).expect("a validated host is a valid header value")
}

#[allow(clippy::too_many_arguments)]
async fn send(
    state: &ProxyState,
    method: Method,
    base: &str,
    base_path: &str,
    path: &str,
    query: Option<&str>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, HeaderMap, Bytes), ProxyError> {
    let mut url_text = format!("{base}{path}");
    if let Some(q) = query {
        url_text.push('?');
        url_text.push_str(q);
    }
    let url = reqwest::Url::parse(&url_text).map_err(|_| ProxyError::UrlNotForwardable)?;
    // The URL parser resolves dot segments and encodes some characters; a
    // changed path or query would break the signature, so refuse instead.
    if url.path() != format!("{base_path}{path}") || url.query() != query {
        return Err(ProxyError::UrlNotForwardable);
    }
    let has_body = !body.is_empty() || matches!(method, Method::POST | Method::PUT | Method::PATCH);
    let mut builder = state.client.request(method, url).headers(headers);
    if has_body {
        builder = builder.body(body);
    }
    let mut resp = builder.send().await.map_err(map_send_error)?;
    let status = resp.status();
    let headers = resp.headers().clone();
    if resp.content_length().is_some_and(|n| n > RESPONSE_LIMIT as u64) {
        return Err(ProxyError::UpstreamTooLarge);
    }
    // Chunk by chunk: an answer without a length may still be too large.
    let mut body = BytesMut::new();
    while let Some(chunk) = resp.chunk().await.map_err(map_body_error)? {
        if body.len() + chunk.len() > RESPONSE_LIMIT {
            return Err(ProxyError::UpstreamTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok((status, headers, body.freeze()))
}

fn map_body_error(e: reqwest::Error) -> ProxyError {
    if e.is_timeout() {
        ProxyError::UpstreamTimeout
    } else {
        ProxyError::UpstreamFailed
    }
}

fn map_send_error(e: reqwest::Error) -> ProxyError {
    if e.is_connect() {
        ProxyError::UpstreamUnreachable
    } else if e.is_timeout() {
        ProxyError::UpstreamTimeout
    } else {
        ProxyError::UpstreamFailed
    }
}

/// Reads the request body up to [`BODY_LIMIT`]. An oversize body is still
/// read and discarded up to [`DRAIN_LIMIT`] before answering 413: closing
/// the connection on unread data makes the client see a reset instead of
/// the error. Beyond that, or with a larger declared length, answer at once.
async fn read_body(mut body: Body, headers: &HeaderMap) -> Result<Bytes, ProxyError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > DRAIN_LIMIT as u64) {
        return Err(ProxyError::BodyTooLarge);
    }
    let mut buf = BytesMut::new();
    let mut total = 0usize;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| ProxyError::BodyUnreadable)?;
        if let Ok(data) = frame.into_data() {
            total = total.saturating_add(data.len());
            if total <= BODY_LIMIT {
                buf.extend_from_slice(&data);
            } else if total > DRAIN_LIMIT {
                break;
            }
        }
    }
    if total > BODY_LIMIT {
        Err(ProxyError::BodyTooLarge)
    } else {
        Ok(buf.freeze())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_host_and_raw_path() {
        assert_eq!(
            split_target("/proxy/h.example.com/v1/a%2Fb"),
            ("h.example.com", "/v1/a%2Fb")
        );
        assert_eq!(split_target("/proxy/h.example.com"), ("h.example.com", "/"));
        assert_eq!(split_target("/proxy/"), ("", "/"));
        assert_eq!(split_target("/proxy"), ("", "/"));
        assert_eq!(split_target("/proxy/h//x"), ("h", "//x"));
    }

    #[test]
    fn parses_overrides() {
        let o: UpstreamOverride = "CCM.ap-southeast-3.myhuaweicloud.com=http://127.0.0.1:9001/"
            .parse()
            .unwrap();
        assert_eq!(o.host.as_str(), "ccm.ap-southeast-3.myhuaweicloud.com");
        assert_eq!(o.target.as_str(), "http://127.0.0.1:9001");
        let p: UpstreamOverride = "a.example.com=http://127.0.0.1:9001/base/".parse().unwrap();
        assert_eq!(p.target.path, "/base");
        for bad in [
            "nohost",
            "127.0.0.1=http://x",
            "a.example.com=ftp://x",
            "a.example.com=http://u:p@x",
            "a.example.com=notaurl",
        ] {
            assert!(bad.parse::<UpstreamOverride>().is_err(), "{bad}");
        }
    }

    #[test]
    fn errors_have_api_shape() {
        assert_eq!(
            ProxyError::RedirectRefused.status(),
            StatusCode::BAD_GATEWAY
        );
        assert_eq!(
            ProxyError::UpstreamTimeout.status(),
            StatusCode::GATEWAY_TIMEOUT
        );
        assert_eq!(ProxyError::BodyTooLarge.code(), "PROXY.BODY_TOO_LARGE");
        assert_eq!(
            ProxyError::Host(HostError::IpLiteral).status(),
            StatusCode::FORBIDDEN
        );
    }
}

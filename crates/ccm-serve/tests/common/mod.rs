//! Shared test fixtures: the app on an ephemeral port, and a tiny upstream
//! that echoes what it received so tests can see exactly what was forwarded.
#![allow(dead_code)] // each test binary uses its own subset

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use ccm_serve::{Config, UpstreamOverride};

/// The host the console would address; overridden to the local upstream.
pub const CCM_HOST: &str = "ccm.ap-southeast-3.myhuaweicloud.com";

pub async fn serve(app: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

/// A local upstream. Paths: `/redirect` (302), `/nocontent` (204), `/slow`
/// (answers after 2 s), `/gzipped` (a JSON answer it gzipped itself, see
/// [`gzipped_answer`]), `/export.zip` (a 4 KiB download), `/huge` (9 MiB
/// without a length), anything else
/// echoes the request as JSON.
pub struct Upstream {
    pub addr: SocketAddr,
    pub hits: Arc<AtomicUsize>,
}

impl Upstream {
    pub async fn start() -> Upstream {
        let hits = Arc::new(AtomicUsize::new(0));
        let app = Router::new()
            .fallback(upstream_handler)
            .with_state(hits.clone());
        Upstream {
            addr: serve(app).await,
            hits,
        }
    }

    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    pub fn override_for(&self, host: &str) -> UpstreamOverride {
        format!("{host}=http://{}", self.addr).parse().unwrap()
    }
}

async fn upstream_handler(State(hits): State<Arc<AtomicUsize>>, req: Request) -> Response {
    hits.fetch_add(1, Ordering::SeqCst);
    match req.uri().path() {
        "/redirect" => (
            StatusCode::FOUND,
            [(header::LOCATION, "http://169.254.169.254/latest/meta-data")],
        )
            .into_response(),
        "/nocontent" => StatusCode::NO_CONTENT.into_response(),
        "/gzipped" => {
            use std::io::Write as _;
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(gzipped_answer().as_bytes()).unwrap();
            (
                [
                    (header::CONTENT_TYPE, "application/json"),
                    (header::CONTENT_ENCODING, "gzip"),
                ],
                gz.finish().unwrap(),
            )
                .into_response()
        }
        "/export.zip" => (
            [
                (header::CONTENT_TYPE, "application/zip"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"cert.zip\""),
            ],
            zip_bytes(),
        )
            .into_response(),
        "/huge" => {
            // Streamed in 1 MiB chunks, so no Content-Length announces it.
            Body::new(Chunks { left: 9 }).into_response()
        }
        "/slow" => {
            tokio::time::sleep(Duration::from_secs(2)).await;
            "late".into_response()
        }
        _ => {
            let method = req.method().to_string();
            let path = req.uri().path().to_string();
            let query = req.uri().query().map(str::to_string);
            let headers: serde_json::Map<String, serde_json::Value> = req
                .headers()
                .iter()
                .map(|(k, v)| {
                    (
                        k.as_str().to_string(),
                        v.to_str().unwrap_or("<binary>").into(),
                    )
                })
                .collect();
            let body = to_bytes(req.into_body(), usize::MAX).await.unwrap();
            let echo = serde_json::json!({
                "method": method,
                "path": path,
                "query": query,
                "headers": headers,
                "body_len": body.len(),
                "body": String::from_utf8_lossy(&body),
            });
            let mut resp = Response::new(Body::from(echo.to_string()));
            let h = resp.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                "application/json;charset=UTF-8".parse().unwrap(),
            );
            h.insert(
                header::SET_COOKIE,
                "session=secret; HttpOnly".parse().unwrap(),
            );
            h.insert("x-subject-token", "MIIsubjecttoken".parse().unwrap());
            h.insert("x-request-id", "req-123".parse().unwrap());
            h.insert(
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"cert.zip\"".parse().unwrap(),
            );
            h.insert("x-internal-debug", "do-not-leak".parse().unwrap());
            h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*".parse().unwrap());
            resp
        }
    }
}

/// What `/gzipped` sends, before its gzip: big and repetitive.
pub fn gzipped_answer() -> String {
    format!("{{\"certificates\":[{}]}}", vec![r#"{"id":"c","status":"ISSUED"}"#; 200].join(","))
}

/// What `/export.zip` sends: 4 KiB that would compress well, were it not a ZIP.
pub fn zip_bytes() -> Vec<u8> {
    b"PK\x03\x04".iter().copied().chain(std::iter::repeat_n(b'a', 4092)).collect()
}

/// A config whose dist does not exist (proxy tests do not need the page).
pub fn proxy_config(upstream: &Upstream) -> Config {
    Config {
        dist: std::env::temp_dir().join("ccm-serve-test-no-dist-here"),
        upstream_overrides: vec![upstream.override_for(CCM_HOST)],
        ..Config::default()
    }
}

/// A test client that neither follows redirects nor uses system proxies.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        // The tests look at the bytes as sent; they decode themselves.
        .no_gzip()
        .no_brotli()
        .build()
        .unwrap()
}

pub async fn json(resp: reqwest::Response) -> serde_json::Value {
    let bytes = resp.bytes().await.unwrap();
    serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes)))
}

/// Asserts the proxy's error shape and returns nothing else worth keeping.
pub async fn assert_proxy_error(resp: reqwest::Response, status: u16, code: &str) {
    assert_eq!(resp.status().as_u16(), status, "status for {code}");
    let ct = resp.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_string();
    assert!(ct.starts_with("application/json"), "{ct}");
    let body = json(resp).await;
    assert_eq!(body["error_code"], code, "{body}");
    assert!(!body["error_msg"].as_str().unwrap().is_empty());
}

/// `left` chunks of 1 MiB, with no length known beforehand.
struct Chunks {
    left: usize,
}

impl http_body::Body for Chunks {
    type Data = bytes::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<bytes::Bytes>, std::io::Error>>> {
        if self.left == 0 {
            return std::task::Poll::Ready(None);
        }
        self.left -= 1;
        std::task::Poll::Ready(Some(Ok(http_body::Frame::data(bytes::Bytes::from(vec![b'x'; 1 << 20])))))
    }
}

//! Serving `dist/`: the SPA fallback, security headers and the CSP.
//!
//! The CSP allows no inline script except the ones in `index.html` as it was
//! at start-up, pinned by their sha256. trunk writes one inline module that
//! loads the wasm; its text changes with every build (hashed file names), so
//! the hash is computed from the file rather than configured, and the server
//! serves the same `index.html` it hashed (restart after a rebuild).

use std::convert::Infallible;
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{header, HeaderValue, Request, Response, StatusCode};
use axum::response::IntoResponse;
use base64::Engine as _;
use bytes::Bytes;
use sha2::{Digest, Sha256};

use crate::Origin;

/// `index.html` as read at start-up, with the hashes of its inline scripts.
#[derive(Debug, Clone)]
pub struct IndexPage {
    pub html: Bytes,
    /// `'sha256-…'` sources, one per inline `<script>`, in document order.
    pub script_hashes: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("{path} not found: build the console first (`trunk build --release`) or pass --dist")]
    Missing { path: PathBuf },
    #[error("cannot read {path}: {source}")]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl IndexPage {
    /// Reads `DIST/index.html` and hashes its inline scripts.
    pub fn load(dist: &Path) -> Result<IndexPage, IndexError> {
        let path = dist.join("index.html");
        let html = std::fs::read(&path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => IndexError::Missing { path: path.clone() },
            _ => IndexError::Unreadable {
                path: path.clone(),
                source,
            },
        })?;
        Ok(IndexPage::from_html(html))
    }

    pub fn from_html(html: impl Into<Bytes>) -> IndexPage {
        let html = html.into();
        let text = String::from_utf8_lossy(&html);
        let script_hashes = inline_scripts(&text).into_iter().map(csp_hash).collect();
        IndexPage {
            html,
            script_hashes,
        }
    }
}

/// `'sha256-BASE64'` of the exact text, as browsers hash inline scripts.
pub fn csp_hash(script: &str) -> String {
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The text of every inline `<script>` (those without a `src` attribute).
///
/// A small scanner rather than an HTML parser: it only has to read trunk's
/// output, and skipping comments and honouring `src` is all that matters.
/// Script text ends at the first `</script` (case-insensitive), as in HTML.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < html.len() {
        let Some(rel) = lower[pos..].find('<') else {
            break;
        };
        let at = pos + rel;
        if lower[at..].starts_with("<!--") {
            pos = match lower[at + 4..].find("-->") {
                Some(end) => at + 4 + end + 3,
                None => break,
            };
            continue;
        }
        let is_script = lower[at..].starts_with("<script")
            && lower[at + 7..]
                .starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/');
        if !is_script {
            pos = at + 1;
            continue;
        }
        let Some(tag_end) = find_tag_end(&lower, at + 7) else {
            break;
        };
        let attrs = &lower[at + 7..tag_end];
        let body_start = tag_end + 1;
        let body_end = lower[body_start..]
            .find("</script")
            .map_or(html.len(), |i| body_start + i);
        if !has_attribute(attrs, "src") {
            out.push(&html[body_start..body_end]);
        }
        pos = body_end;
    }
    out
}

/// Index of the `>` closing a start tag, skipping quoted attribute values.
fn find_tag_end(s: &str, from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, b) in s.bytes().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// True when the (lower-cased) attribute text has an attribute named `name`.
fn has_attribute(attrs: &str, name: &str) -> bool {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        if &attrs[start..i] == name {
            return true;
        }
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && matches!(bytes[i], b'"' | b'\'') {
                let q = bytes[i];
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    i += 1;
                }
                i += 1;
            } else {
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
            }
        }
        if i == start {
            i += 1; // a stray character; never loop forever
        }
    }
    false
}

/// The Content-Security-Policy header value.
pub fn content_security_policy(script_hashes: &[String], connect_src: &[Origin]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for h in script_hashes {
        script_src.push(' ');
        script_src.push_str(h);
    }
    let mut connect = String::from("'self'");
    for o in connect_src {
        connect.push(' ');
        connect.push_str(o.as_str());
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self' data:; \
         connect-src {connect}; font-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// Headers set on every response, static or proxied.
pub fn security_headers(csp: &str) -> Vec<(header::HeaderName, HeaderValue)> {
    vec![
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(csp).expect("CSP is built from validated ASCII parts"),
        ),
    ]
}

/// The page served for `/`, `/index.html` and SPA deep links.
pub fn index_response(index: Option<&IndexPage>) -> Response<Body> {
    match index {
        Some(page) => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                // Always revalidate: it names the hashed wasm and JS of the current build.
                (header::CACHE_CONTROL, "no-cache"),
            ],
            page.html.clone(),
        )
            .into_response(),
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "ccm-serve: the console is not built yet.\n\n\
             There is no index.html in the --dist directory. Build it with\n\
             `trunk build --release` (or `make build`), then restart ccm-serve.\n\
             The /proxy endpoint works meanwhile.\n",
        )
            .into_response(),
    }
}

/// `Cache-Control` for a file whose URL changes whenever its bytes do.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// True when the URL path names a file whose name changes with its content:
/// trunk's filehash names (`ccm-console-<hash>_bg.wasm`, `main-<hash>.css`)
/// or anything under a folder named that way (`/chunks-<hash>/…` or a bare
/// `/<hash>/…`). A hash here is 8 to 64 hex digits with at least one digit,
/// so words such as `-facade` do not count. wasm-bindgen's `snippets/<crate>-
/// <hash>/` folders are excluded: that hash names the crate, not the content.
pub fn is_hashed_asset(path: &str) -> bool {
    let mut segments = path.split('/').filter(|s| !s.is_empty()).peekable();
    if segments.peek() == Some(&"snippets") {
        return false;
    }
    segments.any(|segment| {
        // `name-<hash>.ext`, `name-<hash>_bg.wasm`, `name-<hash>`, `<hash>`.
        let stem = segment.split('.').next().unwrap_or("");
        let stem = stem.strip_suffix("_bg").unwrap_or(stem);
        let hash = stem.rsplit('-').next().unwrap_or("");
        (8..=64).contains(&hash.len())
            && hash.bytes().all(|b| b.is_ascii_hexdigit())
            && hash.bytes().any(|b| b.is_ascii_digit())
    })
}

/// Around ServeDir: the caching and `Vary` headers for files it serves.
/// A hashed file is cached for a year; anything else is revalidated, so a
/// new build is seen at once. `Vary` because ServeDir picks the `.br`,
/// `.gz` or plain file by `Accept-Encoding`. A response that already says
/// how to cache it (the SPA page from the fallback) and errors (404) are
/// left alone.
pub async fn file_headers(req: Request<Body>, next: axum::middleware::Next) -> Response<Body> {
    let hashed = is_hashed_asset(req.uri().path());
    let mut resp = next.run(req).await;
    let served = resp.status().is_success() || resp.status() == StatusCode::NOT_MODIFIED;
    if !served || resp.headers().contains_key(header::CACHE_CONTROL) {
        return resp;
    }
    let h = resp.headers_mut();
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if hashed { IMMUTABLE } else { "no-cache" }),
    );
    resp
}

/// What ServeDir falls back to when no file matches: deep links without a
/// file extension get the SPA, missing assets (`/x.wasm`) a plain 404 so a
/// broken build fails loudly instead of as HTML parsed as wasm.
pub async fn spa_fallback(
    index: Option<IndexPage>,
    req: Request<Body>,
) -> Result<Response<Body>, Infallible> {
    let last = req.uri().path().rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        return Ok((
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "not found\n",
        )
            .into_response());
    }
    Ok(index_response(index.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_trunk_loader_and_skips_src_and_comments() {
        let html = r#"<!DOCTYPE html><html><head>
<!-- <script>commented()</script> -->
<script src="/app.js"></script>
<SCRIPT type="module">import init from '/app.js';
await init('/app_bg.wasm');</SCRIPT>
<script data-src="x" type="application/json">{"a":1}</script>
<scripts>not a script</scripts>
</head></html>"#;
        let found = inline_scripts(html);
        assert_eq!(
            found,
            vec![
                "import init from '/app.js';\nawait init('/app_bg.wasm');",
                "{\"a\":1}"
            ]
        );
    }

    #[test]
    fn hash_matches_known_value() {
        // echo -n "alert('Hello, world.');" | openssl sha256 -binary | base64
        assert_eq!(
            csp_hash("alert('Hello, world.');"),
            "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
    }

    #[test]
    fn hashed_assets_are_told_apart() {
        for hashed in [
            "/ccm-console-5f3c2a9b8e7d6c1f_bg.wasm",
            "/ccm-console-5f3c2a9b8e7d6c1f.js",
            "/main-0a1b2c3d4e5f6071.css",
            "/favicon-0123456789abcdef.svg",
            // The Rust pipeline does not pad its hash to 16 digits.
            "/ccm-console-f3c2a9b8e7d6c1f_bg.wasm",
            "/chunks-9a8b7c6d5e4f3a2b/route_cas.wasm",
            "/9a8b7c6d5e4f3a2b/route_cas.wasm",
            // scripts/build-console.sh: the split build's folder.
            "/wasm-05c6ec5b8f200879/split_activity_page.wasm",
            "/wasm-05c6ec5b8f200879/ccm_console.js",
        ] {
            assert!(is_hashed_asset(hashed), "{hashed}");
        }
        for plain in [
            "/",
            "/index.html",
            "/assets/logo.svg",
            "/ccm-console.js",
            "/ccm-console-1a2b.js",
            "/x-facadefacade.js",
            "/snippets/leptos-0123456789abcdef/inline0.js",
            "/ccm-console-5f3c2a9b8e7d6c1f0a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdef0.js",
        ] {
            assert!(!is_hashed_asset(plain), "{plain}");
        }
    }

    #[test]
    fn csp_lists_hashes_and_connect_sources() {
        let csp = content_security_policy(
            &["'sha256-abc'".into()],
            &["https://proxy.example.com".parse().unwrap()],
        );
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';"));
        assert!(csp.contains("connect-src 'self' https://proxy.example.com;"));
        assert!(csp.ends_with("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
    }
}

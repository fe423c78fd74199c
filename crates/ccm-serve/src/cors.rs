//! CORS for `/proxy`: who may use this proxy from a browser.
//!
//! Hand-written rather than tower-http's `CorsLayer` because the policy here
//! is not only about response headers: a request from a foreign origin must
//! be *refused* (403 with the API's error shape) before anything is
//! forwarded, otherwise any web site the user visits could drive the user's
//! proxy with the user's network position. The server's own origin is taken
//! from the request's Host, so it works behind any name without settings.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, Response, StatusCode};
use axum::middleware::Next;
use axum::response::IntoResponse;

use crate::proxy::ProxyError;

pub const ALLOW_METHODS: &str = "GET, POST, PUT, DELETE, HEAD";
pub const ALLOW_HEADERS: &str =
    "Content-Type, X-Auth-Token, X-Sdk-Date, Authorization, X-Project-Id, X-Domain-Id, X-Subject-Token";
pub const EXPOSE_HEADERS: &str = "X-Subject-Token, Content-Disposition, X-Request-Id, Retry-After";
pub const MAX_AGE_SECS: &str = "600";

/// A web origin, `scheme://host[:port]`, normalised (lower case, no path).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid origin {value:?}: {reason} (expected scheme://host[:port], e.g. https://console.example.com)")]
pub struct OriginError {
    pub value: String,
    pub reason: &'static str,
}

impl FromStr for Origin {
    type Err = OriginError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |reason| OriginError {
            value: s.to_string(),
            reason,
        };
        let trimmed = s.strip_suffix('/').unwrap_or(s);
        let (scheme, authority) = trimmed.split_once("://").ok_or_else(|| err("no scheme"))?;
        let scheme = scheme.to_ascii_lowercase();
        if !matches!(scheme.as_str(), "http" | "https") {
            return Err(err("scheme must be http or https"));
        }
        if authority.is_empty() {
            return Err(err("no host"));
        }
        // These characters would let a value escape its place in the CSP
        // header or smuggle a path, userinfo, query or fragment.
        if authority
            .bytes()
            .any(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']')))
        {
            return Err(err("only a host and an optional port are allowed"));
        }
        Ok(Origin(format!(
            "{scheme}://{}",
            authority.to_ascii_lowercase()
        )))
    }
}

impl Origin {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How a request's `Origin` relates to the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OriginVerdict {
    /// No Origin header (curl, SDKs) or the server's own origin: nothing to add.
    SameOrigin,
    /// An allowed other origin: echo it back.
    AllowedCross(HeaderValue),
    Refused,
}

/// Decides on a request's origin. `allowed` are the `--allow-origin` values.
pub fn judge(headers: &HeaderMap, authority: Option<&str>, allowed: &[Origin]) -> OriginVerdict {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return OriginVerdict::SameOrigin;
    };
    let Ok(text) = origin.to_str() else {
        return OriginVerdict::Refused;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or(authority);
    if let Some(host) = host {
        for scheme in ["http://", "https://"] {
            if let Some(rest) = text.strip_prefix(scheme) {
                if rest.eq_ignore_ascii_case(host) {
                    return OriginVerdict::SameOrigin;
                }
            }
        }
    }
    // `null` and anything unparsable are simply not in the list.
    match text.parse::<Origin>() {
        Ok(o) if allowed.contains(&o) => OriginVerdict::AllowedCross(origin.clone()),
        _ => OriginVerdict::Refused,
    }
}

/// Middleware for the `/proxy` routes: refuses foreign origins, answers
/// preflights, and adds the CORS headers to allowed cross-origin responses
/// (errors included, so the console can read the error body).
pub async fn guard(
    State(allowed): State<Arc<Vec<Origin>>>,
    req: Request,
    next: Next,
) -> Response<Body> {
    let verdict = judge(
        req.headers(),
        req.uri().authority().map(|a| a.as_str()),
        &allowed,
    );
    if verdict == OriginVerdict::Refused {
        return with_vary(ProxyError::OriginNotAllowed.into_response());
    }
    let mut resp = if req.method() == Method::OPTIONS {
        // Preflight (or a bare OPTIONS): answered here, never forwarded.
        let mut r = StatusCode::NO_CONTENT.into_response();
        if let OriginVerdict::AllowedCross(_) = verdict {
            let h = r.headers_mut();
            h.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static(ALLOW_METHODS),
            );
            h.insert(
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static(ALLOW_HEADERS),
            );
            h.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static(MAX_AGE_SECS),
            );
        } else {
            r.headers_mut().insert(
                header::ALLOW,
                HeaderValue::from_static("GET, POST, PUT, DELETE, HEAD, OPTIONS"),
            );
        }
        r
    } else {
        let mut r = next.run(req).await;
        if let OriginVerdict::AllowedCross(_) = verdict {
            r.headers_mut().insert(
                header::ACCESS_CONTROL_EXPOSE_HEADERS,
                HeaderValue::from_static(EXPOSE_HEADERS),
            );
        }
        r
    };
    if let OriginVerdict::AllowedCross(origin) = verdict {
        resp.headers_mut()
            .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    }
    with_vary(resp)
}

/// The answer depends on Origin, so caches must key on it.
fn with_vary(mut resp: Response<Body>) -> Response<Body> {
    resp.headers_mut()
        .append(header::VARY, HeaderValue::from_static("Origin"));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(origin: Option<&str>, host: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(o) = origin {
            h.insert(header::ORIGIN, HeaderValue::from_str(o).unwrap());
        }
        if let Some(o) = host {
            h.insert(header::HOST, HeaderValue::from_str(o).unwrap());
        }
        h
    }

    #[test]
    fn verdicts() {
        let allowed = vec!["https://console.example.com".parse::<Origin>().unwrap()];
        let j = |o, h| judge(&headers(o, h), None, &allowed);
        assert_eq!(j(None, Some("127.0.0.1:8080")), OriginVerdict::SameOrigin);
        assert_eq!(
            j(Some("http://127.0.0.1:8080"), Some("127.0.0.1:8080")),
            OriginVerdict::SameOrigin
        );
        assert_eq!(
            j(Some("https://Console.Local"), Some("console.local")),
            OriginVerdict::SameOrigin
        );
        assert!(matches!(
            j(Some("https://console.example.com"), Some("x")),
            OriginVerdict::AllowedCross(_)
        ));
        assert_eq!(
            j(Some("https://evil.example"), Some("127.0.0.1:8080")),
            OriginVerdict::Refused
        );
        assert_eq!(
            j(Some("null"), Some("127.0.0.1:8080")),
            OriginVerdict::Refused
        );
        assert_eq!(
            j(Some("http://127.0.0.1:8081"), Some("127.0.0.1:8080")),
            OriginVerdict::Refused
        );
        assert_eq!(
            j(Some("http://console.example.com"), Some("x")),
            OriginVerdict::Refused
        );
    }

    #[test]
    fn origins_parse_strictly() {
        assert_eq!(
            "HTTPS://A.example.com/".parse::<Origin>().unwrap().as_str(),
            "https://a.example.com"
        );
        assert_eq!(
            "http://127.0.0.1:8080".parse::<Origin>().unwrap().as_str(),
            "http://127.0.0.1:8080"
        );
        for bad in [
            "a.example.com",
            "ftp://a.com",
            "https://",
            "https://a.com/path",
            "https://a.com; script-src *",
            "https://u@a.com",
            "https://a.com?x",
        ] {
            assert!(bad.parse::<Origin>().is_err(), "{bad}");
        }
    }
}

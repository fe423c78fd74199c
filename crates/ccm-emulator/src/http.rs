//! The emulator's view of one HTTP exchange, free of any server framework.

use ccm_api::{ErrorBody, Method};
use serde::Serialize;

/// A request as a real server behind the proxy would see it.
#[derive(Debug, Clone)]
pub struct EmuRequest {
    pub method: Method,
    /// The upstream host (`ccm.ap-southeast-3.myhuaweicloud.com`), or the
    /// emulator's own address when called at the server's root.
    pub host: String,
    /// Path as received (still percent-encoded).
    pub path: String,
    /// Query string as received, without `?`.
    pub raw_query: String,
    /// Header names in any case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl EmuRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// Decoded query pairs.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        self.raw_query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                let dec = |s: &str| ccm_api::sign::decode_component(&s.replace('+', " "));
                (dec(k), dec(v))
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmuResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl EmuResponse {
    pub fn json(status: u16, body: &impl Serialize) -> Self {
        EmuResponse {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: serde_json::to_vec(body).unwrap_or_default(),
        }
    }

    /// 204, as the live service answers most state changes.
    pub fn no_content() -> Self {
        EmuResponse { status: 204, headers: Vec::new(), body: Vec::new() }
    }

    pub fn error(status: u16, code: &str, message: impl Into<String>) -> Self {
        Self::json(status, &ErrorBody { error_code: code.to_owned(), error_msg: message.into() })
    }

    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    pub fn body_json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

//! The request description: everything needed to send one API call, built
//! by typed constructors and shared by the console, the emulator and tests.

use serde::{Deserialize, Serialize};

use crate::endpoints::Service;
use crate::sign::{canonical_query, encode_component};

/// HTTP methods used by the CCM, SCM and IAM APIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
    Head,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
        }
    }

    /// Safe to repeat automatically (a retry never duplicates a change).
    pub fn is_idempotent_read(self) -> bool {
        matches!(self, Method::Get | Method::Head)
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a successful answer carries, so the transport knows how to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResponseKind {
    /// A JSON document.
    Json,
    /// No body (the live service answers 204 to most state changes).
    Empty,
    /// Bytes to hand to the user as a file (ZIP exports).
    Binary,
}

/// One API call, described without sending it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiRequest {
    /// The official SDK's name for the operation (`show_certificate_authority_quota`),
    /// used in the activity log and when showing the equivalent SDK call.
    pub operation: String,
    pub service: Service,
    pub method: Method,
    /// Path as sent, starting with `/`, path parameters already encoded.
    pub path: String,
    /// Query pairs in the order they were given; [`ApiRequest::query_string`] sorts them.
    pub query: Vec<(String, String)>,
    /// JSON body, if the operation takes one.
    pub body: Option<serde_json::Value>,
    pub response: ResponseKind,
}

impl ApiRequest {
    pub fn new(operation: &str, service: Service, method: Method, path: impl Into<String>) -> Self {
        ApiRequest {
            operation: operation.to_owned(),
            service,
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            response: ResponseKind::Json,
        }
    }

    pub fn get(operation: &str, service: Service, path: impl Into<String>) -> Self {
        Self::new(operation, service, Method::Get, path)
    }

    pub fn post(operation: &str, service: Service, path: impl Into<String>) -> Self {
        Self::new(operation, service, Method::Post, path)
    }

    /// Adds a query parameter; `None` values are left out.
    pub fn query(mut self, key: &str, value: Option<impl ToString>) -> Self {
        if let Some(v) = value {
            self.query.push((key.to_owned(), v.to_string()));
        }
        self
    }

    pub fn json(mut self, body: serde_json::Value) -> Self {
        self.body = Some(body);
        self
    }

    pub fn expect(mut self, kind: ResponseKind) -> Self {
        self.response = kind;
        self
    }

    /// The query string as sent and as signed: pairs sorted by key then
    /// value, each part percent-encoded with the unreserved set.
    pub fn query_string(&self) -> String {
        canonical_query(&self.query)
    }

    /// Path plus `?query` when there is one.
    pub fn path_and_query(&self) -> String {
        let q = self.query_string();
        if q.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, q)
        }
    }

    /// The exact body bytes (compact JSON), or empty.
    pub fn body_bytes(&self) -> Vec<u8> {
        match &self.body {
            Some(v) => serde_json::to_vec(v).unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// The URL this request is sent to: through the proxy as
    /// `{proxy}/{host}{path}?{query}`, or straight to `https://{host}` when
    /// no proxy is configured.
    pub fn url(&self, host: &str, proxy: Option<&str>) -> String {
        match proxy.map(|p| p.trim_end_matches('/')) {
            Some(p) => format!("{p}/{host}{}", self.path_and_query()),
            None => format!("https://{host}{}", self.path_and_query()),
        }
    }
}

/// Encodes one path parameter (an id) for use inside a path.
pub fn path_param(value: &str) -> String {
    encode_component(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_is_sorted_and_encoded() {
        let req = ApiRequest::get("list", Service::Ccm, "/v1/private-certificate-authorities")
            .query("limit", Some(10))
            .query("name", Some("my root/CA"))
            .query("status", None::<&str>)
            .query("offset", Some(0));
        assert_eq!(req.query_string(), "limit=10&name=my%20root%2FCA&offset=0");
    }

    #[test]
    fn url_through_proxy_and_direct() {
        let req = ApiRequest::get("q", Service::Ccm, "/v1/private-certificate-authorities/quotas");
        assert_eq!(
            req.url("ccm.ap-southeast-3.myhuaweicloud.com", Some("/proxy/")),
            "/proxy/ccm.ap-southeast-3.myhuaweicloud.com/v1/private-certificate-authorities/quotas"
        );
        assert_eq!(
            req.url("ccm.ap-southeast-3.myhuaweicloud.com", None),
            "https://ccm.ap-southeast-3.myhuaweicloud.com/v1/private-certificate-authorities/quotas"
        );
        let listed = req.clone().query("limit", Some(50));
        assert_eq!(
            listed.url("h.example", Some("https://proxy.example/p")),
            "https://proxy.example/p/h.example/v1/private-certificate-authorities/quotas?limit=50"
        );
    }

    #[test]
    fn body_bytes_are_compact_json() {
        let req = ApiRequest::post("r", Service::Ccm, "/x").json(serde_json::json!({}));
        assert_eq!(req.body_bytes(), b"{}");
        assert!(ApiRequest::get("g", Service::Ccm, "/x").body_bytes().is_empty());
    }

    #[test]
    fn path_params_are_encoded() {
        assert_eq!(path_param("a/b c"), "a%2Fb%20c");
    }
}

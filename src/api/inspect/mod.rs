//! What the activity log and the "show request" panels display: a request
//! as it was (or will be) sent, with secrets masked, and the same call as a
//! curl command and as the official Python SDK. Pure, tested natively.

pub mod curl;
pub mod mask;
pub mod python;

use ccm_api::{ApiRequest, Method, Service};

/// How the console signs its calls; decides what the curl form can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthKind {
    /// An IAM token: a curl with `X-Auth-Token` does the same thing.
    Token,
    /// AK/SK signing: not reproducible by a plain curl.
    AccessKey,
    /// The token request itself, or not signed in yet.
    None,
}

/// One request, secrets already masked.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestSnapshot {
    pub operation: String,
    pub service: Service,
    pub method: Method,
    /// The upstream host (`scm.ap-southeast-1.myhuaweicloud.com`).
    pub host: String,
    /// Path and sorted query as signed and sent.
    pub path_and_query: String,
    /// The URL the browser used, absolute (through the proxy when there is one).
    pub url: String,
    /// Headers as sent, credential values masked.
    pub headers: Vec<(String, String)>,
    /// JSON body with secret fields replaced.
    pub body: Option<serde_json::Value>,
    pub auth: AuthKind,
    pub domain_id: String,
}

impl RequestSnapshot {
    /// `origin` resolves a relative proxy (`/proxy`) against the page
    /// (`http://127.0.0.1:8080`), so the URL works outside the browser.
    pub fn new(
        req: &ApiRequest,
        host: &str,
        url: &str,
        origin: &str,
        headers: &[(String, String)],
        auth: AuthKind,
        domain_id: &str,
    ) -> Self {
        let url = if url.starts_with('/') { format!("{}{url}", origin.trim_end_matches('/')) } else { url.to_owned() };
        RequestSnapshot {
            operation: req.operation.clone(),
            service: req.service,
            method: req.method,
            host: host.to_owned(),
            path_and_query: req.path_and_query(),
            url,
            headers: headers.iter().map(|(k, v)| (k.clone(), mask::header_value(k, v))).collect(),
            body: req.body.as_ref().map(mask::body),
            auth,
            domain_id: domain_id.to_owned(),
        }
    }

    /// The request line, headers and body as text (an HTTP message).
    pub fn as_http(&self) -> String {
        let mut out = format!("{} {}\nHost: {}\n", self.method, self.path_and_query, self.host);
        for (k, v) in &self.headers {
            out.push_str(&format!("{k}: {v}\n"));
        }
        if let Some(b) = &self.body {
            out.push('\n');
            out.push_str(&serde_json::to_string_pretty(b).unwrap_or_default());
            out.push('\n');
        }
        out
    }

    /// The service's own address, without the proxy.
    pub fn direct_url(&self) -> String {
        format!("https://{}{}", self.host, self.path_and_query)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn push_snapshot(auth: AuthKind) -> RequestSnapshot {
        let req = ccm_api::scm::push_certificate(
            "scs1554192131150",
            &ccm_api::scm::PushCertificateBody {
                target_project: "ap-southeast-1".into(),
                target_service: ccm_api::scm::PushService::Cdn,
            },
        );
        let headers = vec![
            ("Content-Type".to_owned(), "application/json".to_owned()),
            ("X-Auth-Token".to_owned(), "MIIsecret-token-value".to_owned()),
        ];
        RequestSnapshot::new(
            &req,
            "scm.ap-southeast-1.myhuaweicloud.com",
            "/proxy/scm.ap-southeast-1.myhuaweicloud.com/v3/scm/certificates/scs1554192131150/push",
            "http://127.0.0.1:8080",
            &headers,
            auth,
            "0123456789abcdef0123456789abcdef",
        )
    }

    #[test]
    fn relative_proxy_urls_become_absolute() {
        let s = push_snapshot(AuthKind::Token);
        assert_eq!(
            s.url,
            "http://127.0.0.1:8080/proxy/scm.ap-southeast-1.myhuaweicloud.com/v3/scm/certificates/scs1554192131150/push"
        );
        assert_eq!(s.direct_url(), "https://scm.ap-southeast-1.myhuaweicloud.com/v3/scm/certificates/scs1554192131150/push");
    }

    #[test]
    fn the_http_form_never_holds_the_token() {
        let text = push_snapshot(AuthKind::Token).as_http();
        assert!(text.starts_with("POST /v3/scm/certificates/scs1554192131150/push\nHost: scm.ap-southeast-1"));
        assert!(!text.contains("secret-token"));
        assert!(text.contains("\"target_service\": \"CDN\""));
    }
}

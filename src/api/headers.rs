//! Which headers a request carries, from the connection's credential.
//! Pure, so the signing path is tested natively.

use ccm_api::sign::{sdk_date, SigningInput};
use ccm_api::{ApiError, ApiRequest};

use super::connection::Connection;
use crate::state::credential::Credential;

/// Headers for `req`, signed for the upstream host when the credential is
/// an access key. `now_ms` is the browser clock (Unix millis).
pub fn request_headers(
    conn: &Connection,
    req: &ApiRequest,
    credential: Option<&Credential>,
    now_ms: f64,
) -> Vec<(String, String)> {
    let mut headers = vec![("Content-Type".to_owned(), "application/json".to_owned())];
    match credential {
        None => {}
        Some(Credential::Token { token, .. }) => headers.push(("X-Auth-Token".into(), token.clone())),
        Some(Credential::AccessKey { ak, sk }) => {
            let date = sdk_date(now_ms);
            headers.push(("X-Sdk-Date".into(), date.clone()));
            if !conn.domain_id.is_empty() {
                headers.push(("X-Domain-Id".into(), conn.domain_id.clone()));
            }
            let signed: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let query = req.query_string();
            let body = req.body_bytes();
            let input = SigningInput {
                method: req.method.as_str(),
                host: conn.endpoints.host(req.service),
                path: &req.path,
                canonical_query: &query,
                headers: &signed,
                body: &body,
            };
            let authorization = input.authorization(&date, ak, sk);
            headers.push(("Authorization".into(), authorization));
        }
    }
    headers
}

/// The credential a request needs: every call but the token request itself.
pub fn credential_for<'a>(conn: &'a Connection, req: &ApiRequest) -> Result<Option<&'a Credential>, ApiError> {
    if is_sign_in_call(req) {
        return Ok(None);
    }
    match &conn.credential {
        Some(c) => Ok(Some(c)),
        None => Err(ApiError::NotSignedIn("sign in on the Settings page first".into())),
    }
}

fn is_sign_in_call(req: &ApiRequest) -> bool {
    req.operation == "keystone_create_user_token_by_password"
}

#[cfg(test)]
mod tests {
    use super::*;
    use ccm_api::Endpoints;

    fn conn(credential: Option<Credential>) -> Connection {
        Connection {
            endpoints: Endpoints::for_regions("ap-southeast-3", "ap-southeast-1"),
            proxy: Some("/proxy".into()),
            domain_id: "0123456789abcdef0123456789abcdef".into(),
            credential,
        }
    }

    #[test]
    fn token_goes_in_x_auth_token() {
        let c = conn(Some(Credential::Token { token: "MIItoken".into(), expires_at: None }));
        let req = ccm_api::quota::show_certificate_authority_quota();
        let h = request_headers(&c, &req, credential_for(&c, &req).unwrap(), 0.0);
        assert!(h.contains(&("X-Auth-Token".into(), "MIItoken".into())));
        assert!(!h.iter().any(|(k, _)| k == "Authorization"));
    }

    /// Same inputs as the SDK's first vector: the signature must match it.
    #[test]
    fn access_key_signature_matches_the_sdk_vector() {
        let c = conn(Some(Credential::AccessKey {
            ak: "HPUAEXAMPLEAK0000001".into(),
            sk: "exampleSecretKey0123456789abcdefghijKLMN".into(),
        }));
        let req = ApiRequest::get("list_certificate_authority", ccm_api::Service::Ccm, "/v1/private-certificate-authorities")
            .query("limit", Some(10))
            .query("offset", Some(0))
            .query("status", Some("ACTIVED"))
            .query("name", Some("my root/CA"))
            .query("sort_dir", Some("DESC"))
            .query("type", Some("ROOT"));
        // 2024-01-15T08:30:00Z
        let h = request_headers(&c, &req, c.credential.as_ref(), 1_705_307_400_000.0);
        let auth = &h.iter().find(|(k, _)| k == "Authorization").unwrap().1;
        assert_eq!(
            auth,
            "SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, SignedHeaders=content-type;host;x-domain-id;x-sdk-date, Signature=9e2f258581b655dddf40fab0ce74065500b623442e6b8a3da2b9621f7d3990a1"
        );
        assert!(h.contains(&("X-Sdk-Date".into(), "20240115T083000Z".into())));
    }

    #[test]
    fn calls_without_a_credential_are_refused_except_sign_in() {
        let c = conn(None);
        let quota = ccm_api::quota::show_certificate_authority_quota();
        assert!(matches!(credential_for(&c, &quota), Err(ApiError::NotSignedIn(_))));
        let token = ccm_api::iam::token_by_password("a", "u", "p", &ccm_api::iam::TokenScope::Domain);
        assert_eq!(credential_for(&c, &token), Ok(None));
    }
}

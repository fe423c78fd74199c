//! Who may call: IAM users (password → token) and access keys (AK/SK
//! signatures checked exactly as the service does, with the ccm-api signer).

use ccm_api::sign::{canonical_query_from_raw, parse_authorization, parse_sdk_date, SigningInput};
use serde::{Deserialize, Serialize};

use crate::http::EmuRequest;

/// Tokens live 24 hours, like IAM's.
pub const TOKEN_LIFETIME_MS: i64 = 24 * 3600 * 1000;
/// Largest accepted difference between `X-Sdk-Date` and the clock.
pub const MAX_SKEW_SECS: i64 = 15 * 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub name: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessKey {
    pub ak: String,
    pub sk: String,
}

/// The one account the emulator serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The account (domain) name users sign in with.
    pub name: String,
    pub domain_id: String,
    pub users: Vec<User>,
    pub access_keys: Vec<AccessKey>,
}

impl Default for Account {
    fn default() -> Self {
        Account {
            name: "demo".into(),
            domain_id: "0123456789abcdef0123456789abcdef".into(),
            users: vec![User { name: "demo".into(), password: "demo-password".into() }],
            access_keys: vec![AccessKey {
                ak: "EMULATORAK0000000001".into(),
                sk: "emulatorSecretKey0000000000000000000000".into(),
            }],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedToken {
    pub token: String,
    pub user: String,
    pub issued_at_ms: i64,
    pub expires_at_ms: i64,
}

/// Why a call was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("no X-Auth-Token or Authorization header")]
    Missing,
    #[error("the token is not valid")]
    UnknownToken,
    #[error("the token has expired")]
    Expired,
    #[error("the access key is unknown")]
    UnknownAccessKey,
    #[error("the Authorization header is malformed")]
    Malformed,
    #[error("X-Sdk-Date is missing or malformed")]
    BadDate,
    #[error("X-Sdk-Date is more than 15 minutes away from the server's clock")]
    ClockSkew,
    #[error("the signature does not match")]
    BadSignature,
}

/// Checks the credential of `req` at time `now_ms`.
pub fn authenticate(req: &EmuRequest, account: &Account, tokens: &[IssuedToken], now_ms: i64) -> Result<String, AuthError> {
    if let Some(token) = req.header("X-Auth-Token") {
        let t = tokens.iter().find(|t| t.token == token).ok_or(AuthError::UnknownToken)?;
        if t.expires_at_ms <= now_ms {
            return Err(AuthError::Expired);
        }
        return Ok(t.user.clone());
    }
    let auth = req.header("Authorization").ok_or(AuthError::Missing)?;
    let parsed = parse_authorization(auth).ok_or(AuthError::Malformed)?;
    let key = account.access_keys.iter().find(|k| k.ak == parsed.access).ok_or(AuthError::UnknownAccessKey)?;
    let date = req.header("X-Sdk-Date").ok_or(AuthError::BadDate)?;
    let signed_at = parse_sdk_date(date).ok_or(AuthError::BadDate)?;
    if (signed_at - now_ms.div_euclid(1000)).abs() > MAX_SKEW_SECS {
        return Err(AuthError::ClockSkew);
    }
    // Rebuild the canonical request from what arrived, with the headers the
    // client says it signed.
    let mut headers = Vec::new();
    for name in &parsed.signed_headers {
        if name == "host" {
            continue;
        }
        let value = req.header(name).ok_or(AuthError::BadSignature)?;
        headers.push((name.as_str(), value));
    }
    let query = canonical_query_from_raw(&req.raw_query);
    let input = SigningInput {
        method: req.method.as_str(),
        host: &req.host,
        path: &req.path,
        canonical_query: &query,
        headers: &headers,
        body: &req.body,
    };
    if input.signed_header_names() != parsed.signed_headers.join(";") {
        return Err(AuthError::BadSignature);
    }
    if input.signature(date, &key.sk) != parsed.signature {
        return Err(AuthError::BadSignature);
    }
    Ok(format!("ak:{}", key.ak))
}

//! IAM: password tokens, the account's domain and its projects.

use ccm_api::endpoints::CCM_REGIONS;
use rand::Rng;
use serde_json::json;

use crate::auth::{IssuedToken, TOKEN_LIFETIME_MS};
use crate::{Call, EmuRequest, EmuResponse, Emulator};

fn iam_error(status: u16, message: &str, title: &str) -> EmuResponse {
    EmuResponse::json(status, &json!({"error": {"code": status, "message": message, "title": title}}))
}

/// `POST /v3/auth/tokens` with a password identity.
pub fn create_token(emu: &mut Emulator, req: &EmuRequest, now_ms: i64) -> EmuResponse {
    let Ok(body) = serde_json::from_slice::<serde_json::Value>(&req.body) else {
        return iam_error(400, "The request body is not JSON.", "Bad Request");
    };
    let user = &body["auth"]["identity"]["password"]["user"];
    let (Some(name), Some(password)) = (user["name"].as_str(), user["password"].as_str()) else {
        return iam_error(400, "A password identity needs user.name and user.password.", "Bad Request");
    };
    let account = &emu.config.account;
    let domain_ok = match (user["domain"]["name"].as_str(), user["domain"]["id"].as_str()) {
        (Some(n), _) => n == account.name,
        (None, Some(id)) => id == account.domain_id,
        _ => false,
    };
    let known = account.users.iter().any(|u| u.name == name && u.password == password);
    if !domain_ok || !known {
        return iam_error(401, "The username or password is wrong.", "Unauthorized");
    }
    let token = format!("MIIemu{}", random_hex(96));
    let issued = IssuedToken {
        token: token.clone(),
        user: name.to_owned(),
        issued_at_ms: now_ms,
        expires_at_ms: now_ms + TOKEN_LIFETIME_MS,
    };
    emu.state.tokens.push(issued);
    let answer = json!({
        "token": {
            "methods": ["password"],
            "issued_at": iso8601(now_ms),
            "expires_at": iso8601(now_ms + TOKEN_LIFETIME_MS),
            "user": {
                "id": format!("u{}", &account.domain_id[..16]),
                "name": name,
                "domain": { "id": account.domain_id, "name": account.name }
            },
            "catalog": []
        }
    });
    EmuResponse::json(201, &answer).with_header("X-Subject-Token", token)
}

pub fn handle(emu: &mut Emulator, call: &Call) -> EmuResponse {
    let account = &emu.config.account;
    match call.op {
        "keystone_list_auth_domains" => EmuResponse::json(
            200,
            &json!({ "domains": [ { "id": account.domain_id, "name": account.name, "enabled": true } ] }),
        ),
        "keystone_list_auth_projects" | "keystone_list_projects" => {
            let wanted = call.query("name");
            // Ids follow the full list, so a filtered answer gives the same id.
            let projects: Vec<_> = CCM_REGIONS
                .iter()
                .enumerate()
                .filter(|(_, r)| wanted.is_none_or(|w| w == **r))
                .map(|(i, r)| json!({ "id": format!("{:032x}", i + 1), "name": r, "domain_id": account.domain_id, "enabled": true }))
                .collect();
            EmuResponse::json(200, &json!({ "projects": projects }))
        }
        other => EmuResponse::error(501, "EMU.NOT_IMPLEMENTED", format!("the emulator does not implement {other} yet")),
    }
}

fn random_hex(len: usize) -> String {
    let mut rng = rand::thread_rng();
    (0..len).map(|_| char::from_digit(rng.gen_range(0..16), 16).unwrap_or('0')).collect()
}

/// `2026-11-24T10:00:00.000000Z` from Unix milliseconds.
pub fn iso8601(ms: i64) -> String {
    let date = ccm_api::sign::sdk_date(ms as f64); // YYYYMMDDTHHMMSSZ
    format!(
        "{}-{}-{}T{}:{}:{}.{:06}Z",
        &date[0..4],
        &date[4..6],
        &date[6..8],
        &date[9..11],
        &date[11..13],
        &date[13..15],
        (ms.rem_euclid(1000)) * 1000
    )
}

//! Sign-in and authentication as the service does them.

use ccm_api::sign::{sdk_date, SigningInput};
use ccm_api::Method;
use ccm_emulator::{EmuRequest, Emulator, EmulatorConfig, State};

const NOW: i64 = 1_764_000_000_000;
const CCM: &str = "ccm.ap-southeast-3.myhuaweicloud.com";

fn emulator() -> Emulator {
    Emulator::new(EmulatorConfig::default(), State::default())
}

fn request(method: Method, host: &str, path: &str, query: &str, headers: &[(&str, &str)], body: &str) -> EmuRequest {
    EmuRequest {
        method,
        host: host.into(),
        path: path.into(),
        raw_query: query.into(),
        headers: headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        body: body.as_bytes().to_vec(),
    }
}

fn password_body(account: &str, user: &str, password: &str) -> String {
    serde_json::json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": user, "password": password, "domain": {"name": account}}}}, "scope": {"domain": {"name": account}}}})
    .to_string()
}

fn sign_in(emu: &mut Emulator) -> String {
    let r = emu.handle(
        &request(Method::Post, "iam.ap-southeast-3.myhuaweicloud.com", "/v3/auth/tokens", "", &[], &password_body("demo", "demo", "demo-password")),
        NOW,
    );
    assert_eq!(r.status, 201);
    r.headers.iter().find(|(k, _)| k == "X-Subject-Token").unwrap().1.clone()
}

#[test]
fn password_sign_in_returns_a_token_that_opens_the_api() {
    let mut emu = emulator();
    let token = sign_in(&mut emu);
    let r = emu.handle(&request(Method::Get, CCM, "/v1/private-certificate-authorities/quotas", "", &[("X-Auth-Token", &token)], ""), NOW);
    assert_eq!(r.status, 200);
    assert_eq!(r.body_json()["quotas"]["resources"][0]["quota"], 100);
    // A day later the token has expired.
    let later = NOW + 24 * 3600 * 1000 + 1;
    let r = emu.handle(&request(Method::Get, CCM, "/v1/private-certificate-authorities/quotas", "", &[("X-Auth-Token", &token)], ""), later);
    assert_eq!(r.status, 401);
    assert_eq!(r.body_json()["error_code"], "PCA.00010001");
}

#[test]
fn wrong_password_account_or_missing_credential_is_refused() {
    let mut emu = emulator();
    for body in [password_body("demo", "demo", "nope"), password_body("other", "demo", "demo-password")] {
        let r = emu.handle(&request(Method::Post, "iam.x.myhuaweicloud.com", "/v3/auth/tokens", "", &[], &body), NOW);
        assert_eq!(r.status, 401);
        assert_eq!(r.body_json()["error"]["title"], "Unauthorized");
    }
    let r = emu.handle(&request(Method::Get, CCM, "/v1/private-certificates/quotas", "", &[], ""), NOW);
    assert_eq!(r.status, 401);
    let r = emu.handle(&request(Method::Get, "scm.ap-southeast-1.myhuaweicloud.com", "/v3/scm/certificates", "", &[("X-Auth-Token", "MIIforged")], ""), NOW);
    assert_eq!(r.status, 401);
    assert_eq!(r.body_json()["error_code"], "SCM.1000");
}

fn signed(host: &str, path: &str, query: &str, date_ms: i64, sk: &str) -> EmuRequest {
    let date = sdk_date(date_ms as f64);
    let headers = [("Content-Type", "application/json"), ("X-Domain-Id", "0123456789abcdef0123456789abcdef"), ("X-Sdk-Date", date.as_str())];
    let input = SigningInput { method: "GET", host, path, canonical_query: query, headers: &headers, body: b"" };
    let auth = input.authorization(&date, "EMULATORAK0000000001", sk);
    let mut all: Vec<(&str, &str)> = headers.to_vec();
    all.push(("Authorization", &auth));
    request(Method::Get, host, path, query, &all, "")
}

#[test]
fn access_key_signatures_are_verified_against_host_path_and_query() {
    let mut emu = emulator();
    let sk = EmulatorConfig::default().account.access_keys[0].sk.clone();
    let ok = signed(CCM, "/v1/private-certificates/quotas", "", NOW, &sk);
    assert_eq!(emu.handle(&ok, NOW).status, 200);

    // Signed for another host (e.g. replayed against a different endpoint).
    let mut moved = ok.clone();
    moved.host = "ccm.cn-north-4.myhuaweicloud.com".into();
    assert_eq!(emu.handle(&moved, NOW).status, 401);

    // Wrong secret.
    let bad = signed(CCM, "/v1/private-certificates/quotas", "", NOW, "not-the-secret");
    assert_eq!(emu.handle(&bad, NOW).status, 401);

    // Clock skew over 15 minutes, either way.
    let old = signed(CCM, "/v1/private-certificates/quotas", "", NOW - 16 * 60 * 1000, &sk);
    let r = emu.handle(&old, NOW);
    assert_eq!(r.status, 401);
    assert!(r.body_json()["error_msg"].as_str().unwrap().contains("15 minutes"));
    let near = signed(CCM, "/v1/private-certificates/quotas", "", NOW - 14 * 60 * 1000, &sk);
    assert_eq!(emu.handle(&near, NOW).status, 200);
}

#[test]
fn domains_and_projects_are_listed() {
    let mut emu = emulator();
    let token = sign_in(&mut emu);
    let r = emu.handle(&request(Method::Get, "iam.x.myhuaweicloud.com", "/v3/auth/domains", "", &[("X-Auth-Token", &token)], ""), NOW);
    assert_eq!(r.body_json()["domains"][0]["id"], "0123456789abcdef0123456789abcdef");
    let r = emu.handle(&request(Method::Get, "iam.x.myhuaweicloud.com", "/v3/projects", "name=ap-southeast-3", &[("X-Auth-Token", &token)], ""), NOW);
    let projects = r.body_json()["projects"].as_array().unwrap().clone();
    assert_eq!(projects.len(), 1);
    assert_eq!(projects[0]["name"], "ap-southeast-3");
}

#[test]
fn unknown_paths_and_invalid_queries_get_the_documented_families() {
    let mut emu = emulator();
    let token = sign_in(&mut emu);
    let r = emu.handle(&request(Method::Get, CCM, "/v1/nothing-here", "", &[("X-Auth-Token", &token)], ""), NOW);
    assert_eq!(r.status, 404);
    assert_eq!(r.body_json()["error_code"], "PCA.00030102");
    // The API's own validation applies on receipt.
    let r = emu.handle(&request(Method::Get, CCM, "/v1/private-certificate-authorities", "limit=5000", &[("X-Auth-Token", &token)], ""), NOW);
    assert_eq!(r.status, 400, "{:?}", r.body_json());
    assert!(r.body_json()["error_code"].as_str().unwrap().starts_with("PCA."));
}

#[test]
fn state_round_trips_through_json() {
    let mut emu = emulator();
    sign_in(&mut emu);
    let text = emu.state.to_json();
    assert_eq!(ccm_emulator::State::from_json(&text).unwrap(), emu.state);
}

//! CA list and the lifecycle rules that need no signing.

use ccm_api::Method;
use ccm_emulator::state::CaRecord;
use ccm_emulator::{EmuRequest, EmuResponse, Emulator, EmulatorConfig, State};

const NOW: i64 = 1_764_000_000_000;
const DAY: i64 = 86_400_000;
const CA: &str = "/v1/private-certificate-authorities";

fn record(id: &str, cn: &str, kind: &str, status: &str, created: i64, not_after: i64) -> CaRecord {
    CaRecord {
        info: serde_json::from_value(serde_json::json!({
            "ca_id": id, "type": kind, "status": status, "create_time": created, "not_after": not_after,
            "distinguished_name": {"common_name": cn}
        }))
        .unwrap(),
        key_pem: String::new(),
        certificate_pem: None,
        chain_pem: Vec::new(),
        revoked: None,
        tags: Vec::new(),
        revoked_serials: Vec::new(),
    }
}

const ROOT: &str = "11111111-1111-4111-8111-111111111111";
const SUB: &str = "22222222-2222-4222-8222-222222222222";
const PENDING: &str = "33333333-3333-4333-8333-333333333333";
const OLD: &str = "44444444-4444-4444-8444-444444444444";

fn emulator() -> (Emulator, String) {
    let state = State { cas: vec![
        record(ROOT, "Acme Root", "ROOT", "ACTIVED", NOW - 40 * DAY, NOW + 3000 * DAY),
        record(SUB, "Acme Issuing", "SUBORDINATE", "ACTIVED", NOW - 30 * DAY, NOW + 1000 * DAY),
        record(PENDING, "Team Pending", "SUBORDINATE", "PENDING", NOW - 20 * DAY, 0),
        record(OLD, "Old Issuing", "SUBORDINATE", "ACTIVED", NOW - 50 * DAY, NOW - DAY),
    ], ..Default::default() };
    let mut emu = Emulator::new(EmulatorConfig::default(), state);
    let token = sign_in(&mut emu, NOW);
    (emu, token)
}

/// A token valid from `at` (tokens live 24 hours).
fn sign_in(emu: &mut Emulator, at: i64) -> String {
    let body = serde_json::json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}}});
    let mut sign_in = req(Method::Post, "/v3/auth/tokens", "", "", &body.to_string());
    sign_in.host = "iam.ap-southeast-3.myhuaweicloud.com".into();
    let r = emu.handle(&sign_in, at);
    r.headers.iter().find(|(k, _)| k == "X-Subject-Token").unwrap().1.clone()
}

fn req(method: Method, path: &str, query: &str, token: &str, body: &str) -> EmuRequest {
    EmuRequest {
        method,
        host: "ccm.ap-southeast-3.myhuaweicloud.com".into(),
        path: path.into(),
        raw_query: query.into(),
        headers: vec![("X-Auth-Token".into(), token.into())],
        body: body.as_bytes().to_vec(),
    }
}

fn get(emu: &mut Emulator, token: &str, path: &str, query: &str) -> EmuResponse {
    emu.handle(&req(Method::Get, path, query, token, ""), NOW)
}

fn names(r: &EmuResponse) -> Vec<String> {
    r.body_json()["certificate_authorities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["distinguished_name"]["common_name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn list_filters_sorts_and_pages() {
    let (mut emu, t) = emulator();
    let all = get(&mut emu, &t, CA, "");
    assert_eq!(all.body_json()["total"], 4);
    // Default: newest first.
    assert_eq!(names(&all), vec!["Team Pending", "Acme Issuing", "Acme Root", "Old Issuing"]);
    assert_eq!(names(&get(&mut emu, &t, CA, "name=issuing&sort_key=common_name&sort_dir=ASC")), vec!["Acme Issuing", "Old Issuing"]);
    assert_eq!(names(&get(&mut emu, &t, CA, "type=ROOT")), vec!["Acme Root"]);
    assert_eq!(names(&get(&mut emu, &t, CA, "status=PENDING")), vec!["Team Pending"]);
    let page = get(&mut emu, &t, CA, "limit=2&offset=1&sort_dir=ASC");
    assert_eq!(page.body_json()["total"], 4);
    assert_eq!(names(&page), vec!["Acme Root", "Acme Issuing"]);
}

#[test]
fn expiry_is_derived_from_the_clock() {
    let (mut emu, t) = emulator();
    let r = get(&mut emu, &t, &format!("{CA}/{OLD}"), "");
    assert_eq!(r.body_json()["status"], "EXPIRED");
}

#[test]
fn disable_enable_delete_restore_follow_the_status_rules() {
    let (mut emu, t) = emulator();
    let post = |emu: &mut Emulator, path: String| emu.handle(&req(Method::Post, &path, "", &t, ""), NOW);
    // Enabling an active CA is refused with the status code and a reason.
    let r = post(&mut emu, format!("{CA}/{SUB}/enable"));
    assert_eq!(r.status, 403);
    assert_eq!(r.body_json()["error_code"], "PCA.00030201");
    // An active CA cannot be deleted; disabled it can.
    let r = emu.handle(&req(Method::Delete, &format!("{CA}/{SUB}"), "pending_days=7", &t, ""), NOW);
    assert_eq!(r.body_json()["error_code"], "PCA.00030201");
    assert_eq!(post(&mut emu, format!("{CA}/{SUB}/disable")).status, 204);
    let r = emu.handle(&req(Method::Delete, &format!("{CA}/{SUB}"), "pending_days=10", &t, ""), NOW);
    assert_eq!(r.status, 204);
    let shown = get(&mut emu, &t, &format!("{CA}/{SUB}"), "").body_json();
    assert_eq!(shown["status"], "DELETED");
    assert_eq!(shown["delete_time"], NOW + 10 * DAY);
    assert_eq!(post(&mut emu, format!("{CA}/{SUB}/restore")).status, 204);
    assert_eq!(get(&mut emu, &t, &format!("{CA}/{SUB}"), "").body_json()["status"], "DISABLED");
    assert_eq!(post(&mut emu, format!("{CA}/{SUB}/enable")).status, 204);
    assert_eq!(get(&mut emu, &t, &format!("{CA}/{SUB}"), "").body_json()["status"], "ACTIVED");
}

#[test]
fn pending_days_are_bounded_and_pending_cas_go_at_once() {
    let (mut emu, t) = emulator();
    let r = emu.handle(&req(Method::Delete, &format!("{CA}/{PENDING}"), "pending_days=6", &t, ""), NOW);
    assert_eq!(r.status, 400);
    let r = emu.handle(&req(Method::Delete, &format!("{CA}/{PENDING}"), "pending_days=7", &t, ""), NOW);
    assert_eq!(r.status, 204);
    assert_eq!(get(&mut emu, &t, &format!("{CA}/{PENDING}"), "").status, 404);
}

#[test]
fn a_deleted_ca_is_gone_after_its_grace_period() {
    let (mut emu, t) = emulator();
    emu.handle(&req(Method::Post, &format!("{CA}/{SUB}/disable"), "", &t, ""), NOW);
    emu.handle(&req(Method::Delete, &format!("{CA}/{SUB}"), "pending_days=7", &t, ""), NOW);
    let later = NOW + 7 * DAY + 1;
    let t = sign_in(&mut emu, later);
    let r = emu.handle(&req(Method::Get, &format!("{CA}/{SUB}"), "", &t, ""), later);
    assert_eq!(r.status, 404);
    assert_eq!(r.body_json()["error_code"], "PCA.00030102");
}

#[test]
fn a_root_ca_cannot_be_revoked_or_activated() {
    let (mut emu, t) = emulator();
    let r = emu.handle(&req(Method::Get, &format!("{CA}/{ROOT}"), "", &t, ""), NOW);
    assert_eq!(r.body_json()["type"], "ROOT");
    let unknown = emu.handle(&req(Method::Get, &format!("{CA}/55555555-5555-4555-8555-555555555555"), "", &t, ""), NOW);
    assert_eq!(unknown.status, 404);
}

#[test]
fn intermediates_issued_from_a_csr_are_neither_listed_nor_counted() {
    let (mut emu, t) = emulator();
    let mut from_csr = record("66666666-6666-4666-8666-666666666666", "Partner intermediate", "SUBORDINATE", "ACTIVED", NOW, NOW + DAY);
    from_csr.info.gen_mode = Some(ccm_api::common::GenMode::Csr);
    emu.state.cas.push(from_csr);
    assert_eq!(get(&mut emu, &t, CA, "").body_json()["total"], 4);
    let quota = get(&mut emu, &t, "/v1/private-certificate-authorities/quotas", "");
    assert_eq!(quota.body_json()["quotas"]["resources"][0]["used"], 4);
}

#[test]
fn a_revoked_ca_cannot_be_enabled_again() {
    let (mut emu, t) = emulator();
    emu.state.ca_mut(SUB).unwrap().revoked = Some(ccm_emulator::state::Revocation { at_ms: NOW, reason: "KEY_COMPROMISE".into() });
    emu.state.ca_mut(SUB).unwrap().info.status = ccm_api::common::CaStatus::Disabled;
    let r = emu.handle(&req(Method::Post, &format!("{CA}/{SUB}/enable"), "", &t, ""), NOW);
    assert_eq!(r.status, 403);
    assert!(r.body_json()["error_msg"].as_str().unwrap().contains("revoked"));
}

#[test]
fn console_flags_and_the_ocsp_switch() {
    let (mut emu, t) = emulator();
    let flags = get(&mut emu, &t, "/v1/pca/config/console", "").body_json();
    assert_eq!(flags["is_support_ocsp"], true);
    assert_eq!(flags["is_support_sm2"], false);
    let switch = |emu: &mut Emulator, on: bool| {
        emu.handle(&req(Method::Post, &format!("{CA}/{ROOT}/ocsp/switch"), "", &t, &format!("{{\"ocsp_switch\":{on}}}")), NOW)
    };
    assert_eq!(switch(&mut emu, true).status, 204);
    assert_eq!(switch(&mut emu, true).body_json()["error_code"], "PCA.10010071");
    assert_eq!(switch(&mut emu, false).status, 204);
    assert_eq!(switch(&mut emu, false).body_json()["error_code"], "PCA.10010072");
}

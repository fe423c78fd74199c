//! Fault injection: each fault, its routes, and that none is on by default.

use ccm_api::Method;
use ccm_emulator::faults::{FaultConfig, FaultPlan, DELAY_HEADER, DROP_HEADER};
use ccm_emulator::state::ScmRecord;
use ccm_emulator::{EmuRequest, EmuResponse, Emulator, EmulatorConfig, State};
use serde_json::json;

const NOW: i64 = 1_764_000_000_000;
const SCM: &str = "/v3/scm/certificates";
const CA: &str = "/v1/private-certificate-authorities";

fn record(id: &str) -> ScmRecord {
    ScmRecord {
        info: serde_json::from_value(json!({"id": id, "name": id, "status": "UPLOAD", "domain": "a.example.com"})).unwrap(),
        certificate_pem: String::new(),
        chain_pem: String::new(),
        key_pem: String::new(),
        pushes: Vec::new(),
        updated_at_ms: NOW,
        tags: Vec::new(),
        notices: Vec::new(),
        application: None,
    }
}

fn emulator(faults: FaultConfig) -> (Emulator, String) {
    let state = State { scm: vec![record("scs0000000000001"), record("scs0000000000002")], ..State::default() };
    let mut emu = Emulator::new(EmulatorConfig::default(), state);
    let token = sign_in(&mut emu, NOW).headers.iter().find(|(k, _)| k == "X-Subject-Token").unwrap().1.clone();
    emu.faults = FaultPlan::new(faults).unwrap();
    (emu, token)
}

fn sign_in(emu: &mut Emulator, at: i64) -> EmuResponse {
    let body = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}}});
    emu.handle(&req("iam.ap-southeast-1.myhuaweicloud.com", Method::Post, "/v3/auth/tokens", "", &body.to_string()), at)
}

fn req(host: &str, method: Method, path: &str, token: &str, body: &str) -> EmuRequest {
    EmuRequest {
        method,
        host: host.into(),
        path: path.into(),
        raw_query: String::new(),
        headers: if token.is_empty() { Vec::new() } else { vec![("X-Auth-Token".into(), token.into())] },
        body: body.as_bytes().to_vec(),
    }
}

fn scm(emu: &mut Emulator, token: &str, method: Method, path: &str) -> EmuResponse {
    emu.handle(&req("scm.ap-southeast-1.myhuaweicloud.com", method, path, token, ""), NOW)
}

fn ccm(emu: &mut Emulator, token: &str, path: &str) -> EmuResponse {
    emu.handle(&req("ccm.ap-southeast-3.myhuaweicloud.com", Method::Get, path, token, ""), NOW)
}

fn header<'a>(r: &'a EmuResponse, name: &str) -> Option<&'a str> {
    r.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

#[test]
fn no_fault_by_default() {
    let (mut emu, t) = emulator(FaultConfig::default());
    assert!(emu.faults.is_off());
    let r = scm(&mut emu, &t, Method::Get, SCM);
    assert_eq!(r.status, 200);
    assert!(header(&r, DELAY_HEADER).is_none() && header(&r, DROP_HEADER).is_none());
}

#[test]
fn error_rate_one_fails_every_matching_request_before_the_service_sees_it() {
    let config = FaultConfig {
        error_rate: [("scm.delete_certificate".to_owned(), 1.0), ("list_certificate_authority".to_owned(), 1.0)].into(),
        ..Default::default()
    };
    let (mut emu, t) = emulator(config);
    let r = scm(&mut emu, &t, Method::Delete, &format!("{SCM}/scs0000000000001"));
    assert_eq!((r.status, r.body_json()["error_code"].as_str()), (500, Some("SCM.0504")));
    assert_eq!(emu.state.scm.len(), 2, "the service never saw the delete");
    let r = ccm(&mut emu, &t, CA);
    assert_eq!((r.status, r.body_json()["error_code"].as_str()), (500, Some("PCA.00000001")));
    // Other routes answer normally.
    assert_eq!(scm(&mut emu, &t, Method::Get, SCM).status, 200);
    assert_eq!(ccm(&mut emu, &t, &format!("{CA}/quotas")).status, 200);
}

#[test]
fn error_rate_is_a_share_and_repeatable_with_a_seed() {
    let config = FaultConfig { error_rate: [("/v3/scm".to_owned(), 0.3)].into(), seed: Some(42), ..Default::default() };
    let run = || {
        let (mut emu, t) = emulator(config.clone());
        (0..1000).map(|_| scm(&mut emu, &t, Method::Get, SCM).status).collect::<Vec<_>>()
    };
    let first = run();
    let failed = first.iter().filter(|s| **s == 500).count();
    assert!((230..370).contains(&failed), "{failed} of 1000 failed at rate 0.3");
    assert!(first.iter().all(|s| *s == 500 || *s == 200));
    assert_eq!(run(), first, "the same seed gives the same sequence");
}

#[test]
fn malformed_answers_are_not_json_but_the_change_happened() {
    let config = FaultConfig { malformed: vec!["DELETE /v3/scm/certificates".into(), "list_certificates".into()], ..Default::default() };
    let (mut emu, t) = emulator(config);
    let r = scm(&mut emu, &t, Method::Get, SCM);
    assert_eq!(r.status, 200);
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err());
    let r = scm(&mut emu, &t, Method::Delete, &format!("{SCM}/scs0000000000001"));
    assert_eq!(r.status, 200, "a 204 comes back as a 200 with a broken body");
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err());
    assert_eq!(emu.state.scm.len(), 1, "the delete was done");
    // Details are not on the route.
    assert_eq!(scm(&mut emu, &t, Method::Get, &format!("{SCM}/scs0000000000002")).body_json()["id"], "scs0000000000002");
}

#[test]
fn dropped_answers_are_marked_for_the_server() {
    let config = FaultConfig { drop: vec!["scm.show_certificate".into()], ..Default::default() };
    let (mut emu, t) = emulator(config);
    let r = scm(&mut emu, &t, Method::Get, &format!("{SCM}/scs0000000000001"));
    assert_eq!(header(&r, DROP_HEADER), Some("1"));
    assert_eq!(r.body_json()["id"], "scs0000000000001", "the body is whole until the server cuts it");
    assert!(header(&scm(&mut emu, &t, Method::Get, SCM), DROP_HEADER).is_none());
}

#[test]
fn latency_is_announced_on_every_answer() {
    let config = FaultConfig { latency_ms: 250, error_rate: [("list_certificates".to_owned(), 1.0)].into(), ..Default::default() };
    let (mut emu, t) = emulator(config);
    for r in [scm(&mut emu, &t, Method::Get, SCM), scm(&mut emu, &t, Method::Get, &format!("{SCM}/scs0000000000001")), ccm(&mut emu, "", CA)] {
        assert_eq!(header(&r, DELAY_HEADER), Some("250"), "{}", r.status);
    }
}

#[test]
fn token_ttl_shortens_new_tokens() {
    let config = FaultConfig { token_ttl_secs: Some(60), ..Default::default() };
    let (mut emu, old) = emulator(config);
    let answer = sign_in(&mut emu, NOW);
    assert_eq!(answer.status, 201);
    assert_eq!(answer.body_json()["token"]["expires_at"], "2025-11-24T16:01:00.000000Z");
    let token = header(&answer, "X-Subject-Token").unwrap().to_owned();
    let at = |emu: &mut Emulator, token: &str, ms: i64| emu.handle(&req("scm.ap-southeast-1.myhuaweicloud.com", Method::Get, SCM, token, ""), ms).status;
    assert_eq!(at(&mut emu, &token, NOW + 59_000), 200);
    assert_eq!(at(&mut emu, &token, NOW + 60_000), 401);
    // A token issued before the fault keeps its day.
    assert_eq!(at(&mut emu, &old, NOW + 3_600_000), 200);
}

#[test]
fn bad_plans_are_refused() {
    for config in [
        FaultConfig { error_rate: [("*".to_owned(), 2.0)].into(), ..Default::default() },
        FaultConfig { drop: vec!["no_such_operation".into()], ..Default::default() },
        FaultConfig { malformed: vec!["PATCH /v3".into()], ..Default::default() },
        FaultConfig { token_ttl_secs: Some(0), ..Default::default() },
    ] {
        assert!(FaultPlan::new(config.clone()).is_err(), "{config:?}");
    }
    let json: FaultConfig = serde_json::from_str(r#"{"latency_ms": 10, "error_rate": {"*": 0.1}, "drop": ["/v1"], "seed": 7}"#).unwrap();
    assert!(FaultPlan::new(json).is_ok());
}

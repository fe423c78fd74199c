//! `--emulate`: the SSL domain validation admin endpoint (at the root only,
//! never through `/proxy`), its refusals, the state file, and the
//! `--auto-validate-secs` flag of the binary.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use ccm_emulator::{Emulator, EmulatorConfig, State};
use ccm_serve::emulate::{EmulatorUpstream, VALIDATE_PATH};
use ccm_serve::{Config, HostPattern, LocalUpstream};
use serde_json::{json, Value};

const SCM_HOST: &str = "scm.ap-southeast-1.myhuaweicloud.com";
const IAM_HOST: &str = "iam.ap-southeast-1.myhuaweicloud.com";
const BIN: &str = env!("CARGO_BIN_EXE_ccm-serve");

fn config(state_file: Option<std::path::PathBuf>) -> Config {
    let upstream = EmulatorUpstream::new(Emulator::new(EmulatorConfig::default(), State::default()), state_file);
    let shared = Arc::new(upstream.clone());
    let mut config = Config { dist: std::path::PathBuf::from("no-such-dist"), ..Config::default() };
    for host in [SCM_HOST, IAM_HOST] {
        config.local_upstreams.push((host.parse::<HostPattern>().unwrap(), shared.clone() as Arc<dyn LocalUpstream>));
    }
    config.root_api = Some(shared);
    config.emulator_admin = Some(upstream);
    config
}

async fn token(base: &str) -> String {
    let body = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}}});
    let r = common::client().post(format!("{base}/v3/auth/tokens")).header("Content-Type", "application/json").body(body.to_string()).send().await.unwrap();
    assert_eq!(r.status(), 201);
    r.headers()["x-subject-token"].to_str().unwrap().to_owned()
}

async fn scm(base: &str, token: &str, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
    let mut req = common::client().request(method, format!("{base}{path}")).header("X-Auth-Token", token);
    if let Some(b) = body {
        req = req.header("Content-Type", "application/json").body(b.to_string());
    }
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// Buys one single-domain certificate and applies for `domain`; its id.
async fn applied(base: &str, token: &str, domain: &str) -> String {
    let order = json!({"cert_brand": "GEOTRUST", "cert_type": "DV_SSL_CERT", "domain_type": "SINGLE_DOMAIN",
        "effective_time": 1, "domain_numbers": 1, "order_number": 1, "agree_privacy_protection": true});
    let (status, bought) = scm(base, token, reqwest::Method::POST, "/v3/scm/certificates/buy", Some(order)).await;
    assert_eq!(status, 200, "{bought}");
    let id = bought["cert"][0]["cert_id"].as_str().unwrap().to_owned();
    let apply = json!({"domain": domain, "agree_privacy_protection": true, "key_algorithm": "EC_P256"});
    let (status, answer) = scm(base, token, reqwest::Method::POST, &format!("/v3/scm/certificates/{id}/apply"), Some(apply)).await;
    assert_eq!(status, 200, "{answer}");
    id
}

async fn validate(url: String, body: Value, origin: Option<&str>) -> (u16, Value) {
    let mut req = common::client().post(url).header("Content-Type", "application/json").body(body.to_string());
    if let Some(o) = origin {
        req = req.header("Origin", o);
    }
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    (status, serde_json::from_str(&r.text().await.unwrap()).unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_endpoint_validates_issues_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let state_file = dir.path().join("state.json");
    let addr = common::serve(ccm_serve::app(config(Some(state_file.clone())))).await;
    let base = format!("http://{addr}");
    let t = token(&base).await;
    let id = applied(&base, &t, "www.example.com").await;

    // Only at the root: through the proxy it is an upstream path like any other.
    let (status, _) = validate(format!("{base}/proxy/{SCM_HOST}{VALIDATE_PATH}"), json!({"certificate_id": id}), None).await;
    assert_ne!(status, 200);
    // A page of another origin cannot validate.
    let (status, body) = validate(format!("{base}{VALIDATE_PATH}"), json!({"certificate_id": id}), Some("http://evil.example")).await;
    assert_eq!((status, body["error_code"].as_str()), (403, Some("EMU.BAD_VALIDATION")));
    // A name the certificate does not cover, then the right one.
    let (status, body) = validate(format!("{base}{VALIDATE_PATH}"), json!({"certificate_id": id, "domain": "x.example.com"}), None).await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = validate(format!("{base}{VALIDATE_PATH}"), json!({"certificate_id": id, "domain": "www.example.com"}), None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, json!({"certificate_id": id, "status": "ISSUED", "domains": [{"domain": "www.example.com", "validation_status": "VALIDATED"}]}));
    // Issued: nothing left to validate.
    let (status, _) = validate(format!("{base}{VALIDATE_PATH}"), json!({"certificate_id": id}), None).await;
    assert_eq!(status, 409);
    let (status, exported) = scm(&base, &t, reqwest::Method::POST, &format!("/v3/scm/certificates/{id}/export"), None).await;
    assert_eq!(status, 200);
    assert!(exported["private_key"].as_str().unwrap().contains("PRIVATE KEY"));
    // The issuance is on disk.
    let saved = State::from_json(&std::fs::read_to_string(&state_file).unwrap()).unwrap();
    let record = saved.scm.iter().find(|r| r.info.id == id).unwrap();
    assert_eq!(record.info.status.as_ref().map(|s| s.as_str()), Some("ISSUED"));
    assert!(saved.public_ca.is_some());
    // Not JSON, or not POST.
    let r = common::client().post(format!("{base}{VALIDATE_PATH}")).body("x").send().await.unwrap();
    assert_eq!(r.status(), 415);
    let r = common::client().get(format!("{base}{VALIDATE_PATH}")).send().await.unwrap();
    assert_eq!(r.status(), 405);
}

fn spawn(args: &[&str]) -> (Child, String) {
    let mut child = Command::new(BIN)
        .args(["--listen", "127.0.0.1:0", "--dist", "no-such-dist", "--emulate"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line.trim().strip_prefix("ccm-serve listening on ").expect("it started").trim_end_matches('/').to_owned();
    (child, url)
}

#[test]
fn auto_validate_flag_issues_after_the_delay() {
    let (mut child, base) = spawn(&["--auto-validate-secs", "1"]);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let (before, after) = rt.block_on(async {
        let t = token(&base).await;
        let id = applied(&base, &t, "auto.example.com").await;
        let path = format!("/v3/scm/certificates/{id}");
        let before = scm(&base, &t, reqwest::Method::GET, &path, None).await.1["status"].clone();
        tokio::time::sleep(Duration::from_millis(1200)).await;
        let after = scm(&base, &t, reqwest::Method::GET, &path, None).await.1["status"].clone();
        (before, after)
    });
    child.kill().ok();
    child.wait().ok();
    assert_eq!((before, after), (json!("CHECKING"), json!("ISSUED")));
    let out = Command::new(BIN).args(["--listen", "127.0.0.1:0", "--auto-validate-secs", "5"]).output().unwrap();
    assert!(!out.status.success(), "the flag needs --emulate");
}

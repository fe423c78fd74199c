//! `--emulate` faults over HTTP: the admin endpoint, latency, 5xx,
//! malformed bodies, dropped connections and short tokens; the --seed and
//! --fault-* flags of the binary.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ccm_emulator::faults::{FaultConfig, FaultPlan};
use ccm_emulator::{Emulator, EmulatorConfig, State};
use ccm_serve::emulate::EmulatorUpstream;
use ccm_serve::{Config, HostPattern, LocalUpstream};
use serde_json::json;

const SCM_HOST: &str = "scm.ap-southeast-1.myhuaweicloud.com";
const IAM_HOST: &str = "iam.ap-southeast-1.myhuaweicloud.com";
const CCM_HOST: &str = "ccm.ap-southeast-1.myhuaweicloud.com";
const BIN: &str = env!("CARGO_BIN_EXE_ccm-serve");

async fn start(faults: FaultConfig) -> std::net::SocketAddr {
    common::serve(ccm_serve::app(config_with(faults, State::default()))).await
}

fn config_with(faults: FaultConfig, state: State) -> Config {
    let mut emu = Emulator::new(EmulatorConfig::default(), state);
    emu.faults = FaultPlan::new(faults).unwrap();
    let upstream = EmulatorUpstream::new(emu, None);
    let shared = Arc::new(upstream.clone());
    let mut config = Config { dist: std::path::PathBuf::from("no-such-dist"), ..Config::default() };
    for host in [SCM_HOST, IAM_HOST, CCM_HOST] {
        config.local_upstreams.push((host.parse::<HostPattern>().unwrap(), shared.clone() as Arc<dyn LocalUpstream>));
    }
    config.root_api = Some(shared);
    config.emulator_admin = Some(upstream);
    config
}

fn client() -> reqwest::Client {
    common::client()
}

async fn token(addr: std::net::SocketAddr) -> (String, serde_json::Value) {
    let body = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}}});
    let r = client()
        .post(format!("http://{addr}/proxy/{IAM_HOST}/v3/auth/tokens"))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let token = r.headers()["x-subject-token"].to_str().unwrap().to_owned();
    (token, common::json(r).await)
}

async fn set_faults(addr: std::net::SocketAddr, body: serde_json::Value) -> reqwest::Response {
    client()
        .post(format!("http://{addr}/__emulator/faults"))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

async fn list(addr: std::net::SocketAddr, token: &str, through_proxy: bool) -> reqwest::Result<reqwest::Response> {
    let url = if through_proxy {
        format!("http://{addr}/proxy/{SCM_HOST}/v3/scm/certificates")
    } else {
        format!("http://{addr}/v3/scm/certificates")
    };
    client().get(url).header("X-Auth-Token", token).send().await
}

#[tokio::test]
async fn the_admin_endpoint_reads_changes_and_clears_the_faults() {
    let addr = start(FaultConfig::default()).await;
    let url = format!("http://{addr}/__emulator/faults");
    let r = client().get(&url).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(common::json(r).await, json!({"latency_ms": 0, "error_rate": {}, "malformed": [], "drop": [], "throttle": {}}));

    let r = set_faults(addr, json!({"error_rate": {"list_certificates": 1.0}, "latency_ms": 5})).await;
    assert_eq!(r.status(), 200);
    assert_eq!(common::json(r).await["error_rate"]["list_certificates"], 1.0);
    let (t, _) = token(addr).await;
    let r = list(addr, &t, true).await.unwrap();
    assert_eq!(r.status(), 500);
    assert_eq!(common::json(r).await["error_code"], "SCM.0504");

    // Typos and bad numbers are refused and change nothing.
    for bad in [json!({"error_rate": {"list_certificates_typo": 0.5}}), json!({"error_rate": {"*": 3}}), json!({"latency": 1})] {
        let r = set_faults(addr, bad.clone()).await;
        assert_eq!(r.status(), 400, "{bad}");
        assert_eq!(common::json(r).await["error_code"], "EMU.BAD_FAULTS");
    }
    assert_eq!(list(addr, &t, false).await.unwrap().status(), 500);

    // Not JSON, or from another origin: refused.
    let r = client().post(&url).header("Content-Type", "text/plain").body("{}").send().await.unwrap();
    assert_eq!(r.status(), 415);
    let r = client()
        .delete(&url)
        .header("Origin", "http://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let r = client().delete(&url).header("Origin", format!("http://{addr}")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(list(addr, &t, true).await.unwrap().status(), 200);
}

#[tokio::test]
async fn the_admin_endpoint_is_not_reachable_through_the_proxy() {
    let addr = start(FaultConfig::default()).await;
    for host in [SCM_HOST, IAM_HOST, &addr.to_string()] {
        let r = client()
            .post(format!("http://{addr}/proxy/{host}/__emulator/faults"))
            .header("Content-Type", "application/json")
            .body(json!({"latency_ms": 9}).to_string())
            .send()
            .await
            .unwrap();
        assert_ne!(r.status(), 200, "{host}");
    }
    let now = common::json(client().get(format!("http://{addr}/__emulator/faults")).send().await.unwrap()).await;
    assert_eq!(now["latency_ms"], 0);
}

#[tokio::test]
async fn throttled_requests_get_429_with_retry_after_until_the_count_is_spent() {
    let addr = start(FaultConfig::default()).await;
    let (t, _) = token(addr).await;
    assert_eq!(set_faults(addr, json!({"throttle": {"list_certificates": 2}})).await.status(), 200);
    for _ in 0..2 {
        let r = list(addr, &t, true).await.unwrap();
        assert_eq!(r.status(), 429);
        assert_eq!(r.headers()["retry-after"], "1", "the proxy passes Retry-After on");
        assert_eq!(common::json(r).await["error_code"], "APIGW.0308");
    }
    assert_eq!(list(addr, &t, true).await.unwrap().status(), 200);
    let now = common::json(client().get(format!("http://{addr}/__emulator/faults")).send().await.unwrap()).await;
    assert_eq!(now["throttle"]["list_certificates"], 0);
}

#[tokio::test]
async fn latency_is_slept() {
    let addr = start(FaultConfig { latency_ms: 300, ..Default::default() }).await;
    let (t, _) = token(addr).await;
    for through_proxy in [true, false] {
        let started = Instant::now();
        let r = list(addr, &t, through_proxy).await.unwrap();
        assert_eq!(r.status(), 200);
        assert!(started.elapsed() >= Duration::from_millis(300), "{:?}", started.elapsed());
        assert!(r.headers().get("x-emulator-delay-ms").is_none());
    }
}

#[tokio::test]
async fn malformed_bodies_arrive_cut() {
    let addr = start(FaultConfig { malformed: vec!["list_certificates".into()], ..Default::default() }).await;
    let (t, _) = token(addr).await;
    for through_proxy in [true, false] {
        let r = list(addr, &t, through_proxy).await.unwrap();
        assert_eq!(r.status(), 200);
        let body = r.bytes().await.unwrap();
        assert!(serde_json::from_slice::<serde_json::Value>(&body).is_err(), "{body:?}");
    }
}

#[tokio::test]
async fn dropped_connections_break_mid_answer() {
    let addr = start(FaultConfig { drop: vec!["/v3/scm".into()], ..Default::default() }).await;
    let (t, _) = token(addr).await;
    for through_proxy in [true, false] {
        let outcome = match list(addr, &t, through_proxy).await {
            Ok(r) => r.bytes().await.map(|_| ()),
            Err(e) => Err(e),
        };
        assert!(outcome.is_err(), "through proxy {through_proxy}: the answer arrived whole");
    }
    // A 204 is cut too, and the delete happened.
    let r = client()
        .delete(format!("http://{addr}/v3/scm/certificates/scs0000000000001"))
        .header("X-Auth-Token", &t)
        .send()
        .await;
    assert!(r.is_err() || r.unwrap().bytes().await.is_err());
    // Other hosts are untouched.
    assert!(token(addr).await.0.len() > 10);
}

#[tokio::test]
async fn a_dropped_answer_is_cut_even_for_a_client_that_takes_compression() {
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;
    // In process: over a socket the cut often comes before the headers are
    // flushed, and here they are what shows whether the answer was compressed.
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    let faults = FaultConfig { drop: vec!["GET /v1/private-certificate-authorities".into()], ..Default::default() };
    let app = ccm_serve::app(config_with(faults, ccm_emulator::seed::demo(now)));
    let call = |req: axum::http::Request<axum::body::Body>| app.clone().oneshot(req);
    let login = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}}});
    let r = call(
        axum::http::Request::post(format!("/proxy/{IAM_HOST}/v3/auth/tokens"))
            .header("content-type", "application/json")
            .body(login.to_string().into())
            .unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 201);
    let t = r.headers()["x-subject-token"].to_str().unwrap().to_owned();
    let list = |prefix: &str| {
        axum::http::Request::get(format!("{prefix}/v1/private-certificate-authorities?limit=50"))
            .header("x-auth-token", &t)
            .header("accept-encoding", "br, gzip")
            .body(axum::body::Body::empty())
            .unwrap()
    };
    for prefix in [format!("/proxy/{CCM_HOST}"), String::new()] {
        let r = call(list(&prefix)).await.unwrap();
        // Sent as is, announcing the whole length, then cut.
        assert!(r.headers().get("content-encoding").is_none(), "{prefix}");
        let announced: usize = r.headers()["content-length"].to_str().unwrap().parse().unwrap();
        assert!(announced > usize::from(ccm_serve::proxy::COMPRESS_MIN_SIZE), "{prefix}: {announced}");
        assert!(r.into_body().collect().await.is_err(), "{prefix}: the answer arrived whole");
    }
    // Without the fault the same answer is compressed.
    let r = call(axum::http::Request::delete(ccm_serve::emulate::FAULTS_PATH).body(axum::body::Body::empty()).unwrap()).await.unwrap();
    assert_eq!(r.status(), 200);
    for prefix in [format!("/proxy/{CCM_HOST}"), String::new()] {
        let r = call(list(&prefix)).await.unwrap();
        assert_eq!(r.headers()["content-encoding"], "br", "{prefix}");
        assert!(r.into_body().collect().await.is_ok(), "{prefix}");
    }
}

#[tokio::test]
async fn short_tokens_expire() {
    let addr = start(FaultConfig { token_ttl_secs: Some(1), ..Default::default() }).await;
    let (t, body) = token(addr).await;
    assert!(body["token"]["expires_at"].is_string());
    assert_eq!(list(addr, &t, true).await.unwrap().status(), 200);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let r = list(addr, &t, true).await.unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(common::json(r).await["error_code"], "SCM.1000");
}

// ----------------------------------------------------------------- binary

/// Starts the binary with `args`; returns it and its URL (None when it
/// exited instead), and its stderr so far is not read.
fn spawn(args: &[&str]) -> (Child, Option<String>) {
    let mut child = Command::new(BIN)
        .args(["--listen", "127.0.0.1:0", "--dist", "no-such-dist", "--emulate"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line.trim().strip_prefix("ccm-serve listening on ").map(|u| u.trim_end_matches('/').to_owned());
    (child, url)
}

fn stop(mut child: Child) -> String {
    child.kill().ok();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn get_json(url: &str) -> serde_json::Value {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async { common::json(client().get(url).send().await.unwrap()).await })
}

#[test]
fn fault_flags_set_the_faults() {
    let (child, url) = spawn(&[
        "--fault-latency-ms",
        "20",
        "--fault-error-rate",
        "list_certificates=0.25",
        "--fault-error-rate",
        "POST /v1/private-certificates=1",
        "--fault-malformed",
        "scm.export_certificate",
        "--fault-drop",
        "/v3/scm/certificates",
        "--fault-throttle",
        "ccm.list_certificate_authority=2",
        "--fault-token-ttl-secs",
        "90",
        "--fault-seed",
        "3",
    ]);
    let faults = url.as_deref().map(|u| get_json(&format!("{u}/__emulator/faults")));
    let log = stop(child);
    let faults = faults.unwrap_or_else(|| panic!("did not start: {log}"));
    assert_eq!(
        faults,
        json!({"latency_ms": 20, "error_rate": {"list_certificates": 0.25, "POST /v1/private-certificates": 1.0},
               "malformed": ["scm.export_certificate"], "drop": ["/v3/scm/certificates"], "throttle": {"ccm.list_certificate_authority": 2},
               "token_ttl_secs": 90, "seed": 3})
    );
    assert!(log.contains("faults on"), "{log}");
}

#[test]
fn bad_fault_and_seed_flags_are_refused() {
    for args in [
        &["--emulate", "--fault-error-rate", "list_certificates=2"][..],
        &["--emulate", "--fault-error-rate", "list_certificates"],
        &["--emulate", "--fault-drop", "no_such_operation"],
        &["--emulate", "--fault-token-ttl-secs", "0"],
        &["--emulate", "--seed", "full"],
        &["--fault-latency-ms", "5"],
        &["--seed", "demo"],
    ] {
        let out = Command::new(BIN).args(["--listen", "127.0.0.1:0", "--dist", "no-such-dist"]).args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn seeds_fill_a_fresh_emulator_and_a_missing_state_file() {
    // Without --seed the emulator is empty; the admin endpoint is only there with --emulate.
    let (child, url) = spawn(&[]);
    let url = url.unwrap();
    let faults = get_json(&format!("{url}/__emulator/faults"));
    stop(child);
    assert_eq!(faults["latency_ms"], 0);

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("state.json");
    let (child, url) = spawn(&["--seed", "demo", "--state", file.to_str().unwrap()]);
    let log = stop(child);
    assert!(url.is_some(), "{log}");
    assert!(log.contains("seeded the emulator (demo)"), "{log}");
    let saved = State::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved.cas.len(), 4);
    assert!(!saved.scm.is_empty());

    // The file now exists, so the seed is not used again.
    let (child, url) = spawn(&["--seed", "scale", "--state", file.to_str().unwrap()]);
    let log = stop(child);
    assert!(url.is_some(), "{log}");
    assert!(log.contains("--seed is not used"), "{log}");
    assert_eq!(State::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap().cas.len(), 4);
}

#[test]
fn the_scale_seed_starts_in_seconds() {
    let started = Instant::now();
    let (child, url) = spawn(&["--seed", "scale"]);
    let up = started.elapsed();
    let log = stop(child);
    assert!(url.is_some(), "{log}");
    assert!(log.contains("1000 CAs, 10000 private certificates, 500 SSL certificates"), "{log}");
    println!("ccm-serve --seed scale listening after {up:?}; {}", log.lines().find(|l| l.contains("seeded")).unwrap_or_default());
}

#[test]
fn without_emulate_there_is_no_admin_endpoint() {
    let mut child = Command::new(BIN)
        .args(["--listen", "127.0.0.1:0", "--dist", "no-such-dist"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line.trim().strip_prefix("ccm-serve listening on ").unwrap().trim_end_matches('/').to_owned();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let status = rt.block_on(async {
        client()
            .post(format!("{url}/__emulator/faults"))
            .header("Content-Type", "application/json")
            .body("{}")
            .send()
            .await
            .unwrap()
            .status()
    });
    stop(child);
    assert_ne!(status, 200);
}

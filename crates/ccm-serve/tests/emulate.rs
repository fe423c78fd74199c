//! `--emulate`: the emulator answers behind /proxy (seeing the upstream
//! host) and at the server's root (seeing this server's host), with
//! signatures checked against what it received.

mod common;

use std::sync::Arc;

use ccm_api::sign::{sdk_date, SigningInput};
use ccm_emulator::{Emulator, EmulatorConfig, State};
use ccm_serve::emulate::EmulatorUpstream;
use ccm_serve::{Config, HostPattern, LocalUpstream};

async fn start() -> std::net::SocketAddr {
    let upstream = Arc::new(EmulatorUpstream::new(Emulator::new(EmulatorConfig::default(), State::default()), None));
    let mut config = Config { dist: std::path::PathBuf::from("no-such-dist"), ..Config::default() };
    for host in ["ccm.ap-southeast-3.myhuaweicloud.com", "iam.ap-southeast-3.myhuaweicloud.com"] {
        config.local_upstreams.push((host.parse::<HostPattern>().unwrap(), upstream.clone() as Arc<dyn LocalUpstream>));
    }
    config.root_api = Some(upstream);
    common::serve(ccm_serve::app(config)).await
}

fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

#[tokio::test]
async fn password_token_then_quota_through_the_proxy() {
    let addr = start().await;
    let body = serde_json::json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}, "scope": {"domain": {"name": "demo"}}}});
    let r = client()
        .post(format!("http://{addr}/proxy/iam.ap-southeast-3.myhuaweicloud.com/v3/auth/tokens"))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let token = r.headers()["x-subject-token"].to_str().unwrap().to_owned();

    let r = client()
        .get(format!("http://{addr}/proxy/ccm.ap-southeast-3.myhuaweicloud.com/v1/private-certificate-authorities/quotas"))
        .header("X-Auth-Token", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let q = common::json(r).await;
    assert_eq!(q["quotas"]["resources"][0]["type"], "CERTIFICATE_AUTHORITY");

    let r = client()
        .get(format!("http://{addr}/proxy/ccm.ap-southeast-3.myhuaweicloud.com/v1/private-certificates/quotas"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn root_paths_answer_signed_requests_for_this_servers_host() {
    let addr = start().await;
    let host = addr.to_string();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as f64;
    let date = sdk_date(now);
    let headers = [("Content-Type", "application/json"), ("X-Sdk-Date", date.as_str())];
    let input = SigningInput {
        method: "GET",
        host: &host,
        path: "/v1/private-certificates/quotas",
        canonical_query: "",
        headers: &headers,
        body: b"",
    };
    let defaults = EmulatorConfig::default();
    let key = &defaults.account.access_keys[0];
    let auth = input.authorization(&date, &key.ak, &key.sk);
    let r = client()
        .get(format!("http://{addr}/v1/private-certificates/quotas"))
        .header("Content-Type", "application/json")
        .header("X-Sdk-Date", &date)
        .header("Authorization", &auth)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    // The same signature does not open another path.
    let r = client()
        .get(format!("http://{addr}/v1/private-certificate-authorities/quotas"))
        .header("Content-Type", "application/json")
        .header("X-Sdk-Date", &date)
        .header("Authorization", &auth)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

//! `--emulate`: the emulator answers behind /proxy (seeing the upstream
//! host) and at the server's root (seeing this server's host), with
//! signatures checked against what it received.

mod common;

use std::io::Read as _;
use std::sync::Arc;

use ccm_api::sign::{sdk_date, SigningInput};
use ccm_emulator::{Emulator, EmulatorConfig, State};
use ccm_serve::emulate::EmulatorUpstream;
use ccm_serve::{Config, HostPattern, LocalUpstream};

async fn start() -> std::net::SocketAddr {
    start_with(State::default()).await
}

async fn start_with(state: State) -> std::net::SocketAddr {
    let upstream = Arc::new(EmulatorUpstream::new(Emulator::new(EmulatorConfig::default(), state), None));
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

#[tokio::test]
async fn emulated_answers_are_compressed_when_the_client_accepts_it() {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    let addr = start_with(ccm_emulator::seed::demo(now)).await;
    let body = serde_json::json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}, "scope": {"domain": {"name": "demo"}}}});
    let r = common::client()
        .post(format!("http://{addr}/proxy/iam.ap-southeast-3.myhuaweicloud.com/v3/auth/tokens"))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let token = r.headers()["x-subject-token"].to_str().unwrap().to_owned();

    let path = "/v1/private-certificate-authorities?limit=50";
    let list = |prefix: &'static str, accept: Option<&'static str>| {
        let mut req = common::client().get(format!("http://{addr}{prefix}{path}")).header("X-Auth-Token", &token);
        if let Some(a) = accept {
            req = req.header("Accept-Encoding", a);
        }
        req.send()
    };
    let plain = list("", None).await.unwrap();
    assert_eq!(plain.status(), 200);
    assert!(plain.headers().get("content-encoding").is_none());
    let plain: serde_json::Value = serde_json::from_slice(&plain.bytes().await.unwrap()).unwrap();
    assert!(plain.to_string().len() > usize::from(ccm_serve::proxy::COMPRESS_MIN_SIZE), "big enough to compress: {plain}");

    // Behind the proxy and at the root alike.
    for prefix in ["/proxy/ccm.ap-southeast-3.myhuaweicloud.com", ""] {
        let r = list(prefix, Some("gzip")).await.unwrap();
        assert_eq!(r.status(), 200, "{prefix}");
        assert_eq!(r.headers()["content-encoding"], "gzip", "{prefix}");
        let mut text = Vec::new();
        flate2::read::GzDecoder::new(&r.bytes().await.unwrap()[..]).read_to_end(&mut text).unwrap();
        assert_eq!(serde_json::from_slice::<serde_json::Value>(&text).unwrap(), plain, "{prefix}");

        let r = list(prefix, Some("br")).await.unwrap();
        assert_eq!(r.headers()["content-encoding"], "br", "{prefix}");
        let mut text = Vec::new();
        brotli_decompressor::Decompressor::new(&r.bytes().await.unwrap()[..], 4096).read_to_end(&mut text).unwrap();
        assert_eq!(serde_json::from_slice::<serde_json::Value>(&text).unwrap(), plain, "{prefix}");
    }
}

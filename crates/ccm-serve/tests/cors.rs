//! Who may use the proxy from a browser.

mod common;

use ccm_serve::{app, Config};
use common::{assert_proxy_error, client, proxy_config, serve, Upstream, CCM_HOST};

const CONSOLE: &str = "https://console.example.com";

async fn setup() -> (Upstream, std::net::SocketAddr) {
    let up = Upstream::start().await;
    let config = Config {
        allow_origins: vec![CONSOLE.parse().unwrap()],
        ..proxy_config(&up)
    };
    let addr = serve(app(config)).await;
    (up, addr)
}

#[tokio::test]
async fn preflight_from_allowed_origin() {
    let (up, addr) = setup().await;
    let resp = client()
        .request(
            reqwest::Method::OPTIONS,
            format!("http://{addr}/proxy/{CCM_HOST}/v1/cas"),
        )
        .header("origin", CONSOLE)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type,x-auth-token",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    let h = resp.headers();
    assert_eq!(h["access-control-allow-origin"], CONSOLE);
    assert!(h.get_all("vary").iter().any(|v| v == "Origin"));
    assert_eq!(
        h["access-control-allow-methods"],
        "GET, POST, PUT, DELETE, HEAD"
    );
    assert_eq!(
        h["access-control-allow-headers"],
        "Content-Type, X-Auth-Token, X-Sdk-Date, Authorization, X-Project-Id, X-Domain-Id, X-Subject-Token"
    );
    assert_eq!(h["access-control-max-age"], "600");
    assert!(h.get("access-control-allow-credentials").is_none());
    assert_eq!(
        up.hits(),
        0,
        "preflights are answered here, never forwarded"
    );
}

#[tokio::test]
async fn foreign_origin_is_refused_before_forwarding() {
    let (up, addr) = setup().await;
    let c = client();
    let url = format!("http://{addr}/proxy/{CCM_HOST}/v1/cas");
    for origin in [
        "https://evil.example",
        "null",
        "http://console.example.com",
        "https://console.example.com.evil.net",
    ] {
        let resp = c
            .request(reqwest::Method::OPTIONS, &url)
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .send()
            .await
            .unwrap();
        assert!(resp.headers().get("access-control-allow-origin").is_none());
        assert_proxy_error(resp, 403, "PROXY.ORIGIN_NOT_ALLOWED").await;

        let resp = c
            .get(&url)
            .header("origin", origin)
            .header("x-auth-token", "t")
            .send()
            .await
            .unwrap();
        assert!(resp.headers().get("access-control-allow-origin").is_none());
        assert_proxy_error(resp, 403, "PROXY.ORIGIN_NOT_ALLOWED").await;
    }
    assert_eq!(up.hits(), 0);
}

#[tokio::test]
async fn allowed_cross_origin_response_exposes_headers() {
    let (up, addr) = setup().await;
    let resp = client()
        .get(format!("http://{addr}/proxy/{CCM_HOST}/v1/cas?limit=1"))
        .header("origin", CONSOLE)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let h = resp.headers();
    assert_eq!(h["access-control-allow-origin"], CONSOLE);
    assert_eq!(
        h["access-control-expose-headers"],
        "X-Subject-Token, Content-Disposition, X-Request-Id, Retry-After"
    );
    assert!(h.get_all("vary").iter().any(|v| v == "Origin"));
    assert_eq!(h["x-subject-token"], "MIIsubjecttoken");
    assert_eq!(up.hits(), 1);

    // Proxy errors carry the CORS headers too, so the console can read them.
    let resp = client()
        .get(format!("http://{addr}/proxy/127.0.0.1/v1/cas"))
        .header("origin", CONSOLE)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["access-control-allow-origin"], CONSOLE);
    assert_proxy_error(resp, 403, "PROXY.HOST_IP_LITERAL").await;
}

#[tokio::test]
async fn same_origin_and_originless_requests_need_nothing() {
    let (up, addr) = setup().await;
    let c = client();
    let url = format!("http://{addr}/proxy/{CCM_HOST}/v1/cas");
    for origin in [
        Some(format!("http://{addr}")),
        Some(format!("https://{addr}")),
        None,
    ] {
        let mut req = c.post(&url).body("{}");
        if let Some(o) = &origin {
            req = req.header("origin", o);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), 200, "{origin:?}");
        assert!(resp.headers().get("access-control-allow-origin").is_none());
    }
    assert_eq!(up.hits(), 3);
}

#[tokio::test]
async fn no_allow_origin_means_same_origin_only() {
    let up = Upstream::start().await;
    let addr = serve(app(proxy_config(&up))).await;
    let resp = client()
        .get(format!("http://{addr}/proxy/{CCM_HOST}/v1/cas"))
        .header("origin", CONSOLE)
        .send()
        .await
        .unwrap();
    assert_proxy_error(resp, 403, "PROXY.ORIGIN_NOT_ALLOWED").await;
    assert_eq!(up.hits(), 0);
}

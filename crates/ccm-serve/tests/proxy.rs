//! Forwarding through /proxy/{host}/... to a local upstream.

mod common;

use std::future::Future;
use std::io::{Read, Write};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use ccm_serve::{app, Config, HostPattern, LocalUpstream, UpstreamOverride};
use common::{assert_proxy_error, client, json, proxy_config, serve, Upstream, CCM_HOST};

#[tokio::test]
async fn forwards_method_path_query_body_and_allowed_headers_only() {
    let up = Upstream::start().await;
    let addr = serve(app(proxy_config(&up))).await;
    // Raw bytes the signature covers: encoded slash, encoded space, empty
    // value, key without value, repeated key, odd order.
    let query = "offset=0&limit=50&name=a%20b&x=%2F&empty=&flag&limit=10&sort_dir=DESC";
    let url = format!(
        "http://{addr}/proxy/{CCM_HOST}/v1/private-certificate-authorities/ca%2F1/export?{query}"
    );
    let resp = client()
        .post(&url)
        .header("content-type", "application/json;charset=UTF-8")
        .header("x-auth-token", "MIItoken")
        .header("x-sdk-date", "20240101T000000Z")
        .header(
            "authorization",
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=abc",
        )
        .header("x-project-id", "p1")
        .header("cookie", "session=browser-secret")
        .header("user-agent", "test-browser")
        .header("x-forwarded-for", "10.0.0.1")
        .header("proxy-authorization", "Basic eDp5")
        .header("x-custom", "1")
        .body(r#"{"type":"PEM"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);

    // Response headers: only the allowed ones come back.
    let h = resp.headers().clone();
    assert_eq!(h["x-subject-token"], "MIIsubjecttoken");
    assert_eq!(h["x-request-id"], "req-123");
    assert_eq!(
        h["content-disposition"],
        "attachment; filename=\"cert.zip\""
    );
    assert_eq!(h["content-type"], "application/json;charset=UTF-8");
    assert!(
        h.get("set-cookie").is_none(),
        "Set-Cookie must never come back"
    );
    assert!(h.get("x-internal-debug").is_none());
    assert!(
        h.get("access-control-allow-origin").is_none(),
        "upstream CORS headers are dropped"
    );
    assert_eq!(h["x-content-type-options"], "nosniff");

    let echo = json(resp).await;
    assert_eq!(echo["method"], "POST");
    assert_eq!(
        echo["path"],
        "/v1/private-certificate-authorities/ca%2F1/export"
    );
    assert_eq!(echo["query"], query);
    assert_eq!(echo["body"], r#"{"type":"PEM"}"#);
    let seen = echo["headers"].as_object().unwrap();
    assert_eq!(
        seen["host"], CCM_HOST,
        "Host is the upstream host, not the override's address"
    );
    assert_eq!(seen["x-auth-token"], "MIItoken");
    assert_eq!(seen["x-sdk-date"], "20240101T000000Z");
    assert_eq!(seen["x-project-id"], "p1");
    assert_eq!(seen["content-type"], "application/json;charset=UTF-8");
    assert!(seen["authorization"]
        .as_str()
        .unwrap()
        .starts_with("SDK-HMAC-SHA256"));
    for dropped in [
        "cookie",
        "user-agent",
        "x-forwarded-for",
        "proxy-authorization",
        "x-custom",
        "origin",
    ] {
        assert!(
            !seen.contains_key(dropped),
            "{dropped} must not be forwarded: {seen:?}"
        );
    }
}

#[tokio::test]
async fn other_methods_and_statuses_pass_through() {
    let up = Upstream::start().await;
    let addr = serve(app(proxy_config(&up))).await;
    let c = client();

    let resp = c
        .delete(format!("http://{addr}/proxy/{CCM_HOST}/nocontent"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    assert!(resp.bytes().await.unwrap().is_empty());

    let resp = c
        .put(format!("http://{addr}/proxy/{CCM_HOST}/v3/x"))
        .body("abc")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let echo = json(resp).await;
    assert_eq!(
        (echo["method"].as_str(), echo["body"].as_str()),
        (Some("PUT"), Some("abc"))
    );
    assert_eq!(
        echo["query"],
        serde_json::Value::Null,
        "no query stays no query"
    );

    let resp = c
        .head(format!("http://{addr}/proxy/{CCM_HOST}/v1/cas"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let len: usize = resp.headers()["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(len > 0, "HEAD keeps the upstream's Content-Length");
    assert!(resp.bytes().await.unwrap().is_empty());

    let resp = c
        .get(format!("http://{addr}/proxy/{CCM_HOST}/"))
        .send()
        .await
        .unwrap();
    assert_eq!(json(resp).await["path"], "/");

    // Upper-case host names are normalised, then allowed.
    let upper = CCM_HOST.to_ascii_uppercase();
    let resp = c
        .get(format!("http://{addr}/proxy/{upper}/v1/y"))
        .send()
        .await
        .unwrap();
    assert_eq!(json(resp).await["headers"]["host"], CCM_HOST);

    let resp = c
        .request(
            reqwest::Method::TRACE,
            format!("http://{addr}/proxy/{CCM_HOST}/v1/y"),
        )
        .send()
        .await
        .unwrap();
    assert_proxy_error(resp, 405, "PROXY.METHOD_NOT_ALLOWED").await;
}

#[tokio::test]
async fn redirect_from_upstream_is_refused() {
    let up = Upstream::start().await;
    let addr = serve(app(proxy_config(&up))).await;
    let resp = client()
        .get(format!("http://{addr}/proxy/{CCM_HOST}/redirect"))
        .send()
        .await
        .unwrap();
    assert!(resp.headers().get("location").is_none());
    assert_proxy_error(resp, 502, "PROXY.REDIRECT_REFUSED").await;
    assert_eq!(up.hits(), 1);
}

#[tokio::test]
async fn oversize_body_is_413() {
    let up = Upstream::start().await;
    let addr = serve(app(proxy_config(&up))).await;
    let c = client();
    let url = format!("http://{addr}/proxy/{CCM_HOST}/v1/import");

    let just_fits = vec![b'a'; ccm_serve::proxy::BODY_LIMIT];
    let resp = c.post(&url).body(just_fits).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(json(resp).await["body_len"], ccm_serve::proxy::BODY_LIMIT);

    let too_big = vec![b'a'; ccm_serve::proxy::BODY_LIMIT + 1];
    let resp = c.post(&url).body(too_big).send().await.unwrap();
    assert_proxy_error(resp, 413, "PROXY.BODY_TOO_LARGE").await;
    assert_eq!(up.hits(), 1, "the oversize request never reached upstream");
}

#[tokio::test]
async fn unreachable_upstream_is_502() {
    // Bind then drop: nothing listens on that port any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = Config {
        dist: std::env::temp_dir().join("ccm-serve-test-no-dist-here"),
        upstream_overrides: vec![format!("{CCM_HOST}=http://127.0.0.1:{port}")
            .parse()
            .unwrap()],
        ..Config::default()
    };
    let addr = serve(app(config)).await;
    let resp = client()
        .get(format!("http://{addr}/proxy/{CCM_HOST}/v1/x"))
        .send()
        .await
        .unwrap();
    assert_proxy_error(resp, 502, "PROXY.UPSTREAM_UNREACHABLE").await;
}

#[tokio::test]
async fn oversize_upstream_answer_is_502_not_relayed() {
    let up = Upstream::start().await;
    let addr = serve(app(proxy_config(&up))).await;
    let resp = client()
        .get(format!("http://{addr}/proxy/{CCM_HOST}/huge"))
        .send()
        .await
        .unwrap();
    assert_proxy_error(resp, 502, "PROXY.UPSTREAM_TOO_LARGE").await;
}

#[tokio::test]
async fn slow_upstream_is_504() {
    let up = Upstream::start().await;
    let config = Config {
        upstream_timeout: Duration::from_millis(300),
        ..proxy_config(&up)
    };
    let addr = serve(app(config)).await;
    let resp = client()
        .get(format!("http://{addr}/proxy/{CCM_HOST}/slow"))
        .send()
        .await
        .unwrap();
    assert_proxy_error(resp, 504, "PROXY.UPSTREAM_TIMEOUT").await;
}

#[tokio::test]
async fn ssrf_tricks_are_refused_with_403() {
    let up = Upstream::start().await;
    let config = Config {
        allow_hosts: ccm_serve::AllowList::with_extra(["*.example.com".parse().unwrap()]),
        ..proxy_config(&up)
    };
    let addr = serve(app(config)).await;
    let c = client();
    let table: &[(&str, &str)] = &[
        ("127.0.0.1", "PROXY.HOST_IP_LITERAL"),
        ("169.254.169.254", "PROXY.HOST_IP_LITERAL"),
        ("2130706433", "PROXY.HOST_IP_LITERAL"),
        ("0177.0.0.1", "PROXY.HOST_IP_LITERAL"),
        ("0x7f.0.0.1", "PROXY.HOST_IP_LITERAL"),
        ("0x7f000001", "PROXY.HOST_IP_LITERAL"),
        ("127.1", "PROXY.HOST_IP_LITERAL"),
        ("[::1]", "PROXY.HOST_IP_LITERAL"),
        ("::1", "PROXY.HOST_IP_LITERAL"),
        ("::ffff:127.0.0.1", "PROXY.HOST_IP_LITERAL"),
        ("[::ffff:127.0.0.1]", "PROXY.HOST_IP_LITERAL"),
        ("127.0.0.1:9001", "PROXY.HOST_IP_LITERAL"),
        (
            "user@ccm.ap-southeast-3.myhuaweicloud.com",
            "PROXY.HOST_USERINFO",
        ),
        (
            "ccm.ap-southeast-3.myhuaweicloud.com@127.0.0.1",
            "PROXY.HOST_USERINFO",
        ),
        (
            "ccm.ap-southeast-3.myhuaweicloud.com:443",
            "PROXY.HOST_PORT",
        ),
        (
            "ccm.ap-southeast-3.myhuaweicloud.com:9001",
            "PROXY.HOST_PORT",
        ),
        (
            "ccm%2eap-southeast-3.myhuaweicloud.com",
            "PROXY.HOST_PERCENT_ENCODED",
        ),
        ("%31%32%37.0.0.1", "PROXY.HOST_PERCENT_ENCODED"),
        // A browser percent-encodes unicode in the path, so it arrives encoded.
        ("ccm.myhuaweiclоud.com", "PROXY.HOST_PERCENT_ENCODED"),
        (
            "ccm.ap-southeast-3.myhuaweicloud.com.",
            "PROXY.HOST_TRAILING_DOT",
        ),
        ("ccm..myhuaweicloud.com", "PROXY.HOST_EMPTY_LABEL"),
        (".myhuaweicloud.com", "PROXY.HOST_EMPTY_LABEL"),
        ("ccm_1.myhuaweicloud.com", "PROXY.HOST_INVALID"),
        ("myhuaweicloud.com", "PROXY.HOST_NOT_ALLOWED"),
        ("evilmyhuaweicloud.com", "PROXY.HOST_NOT_ALLOWED"),
        ("myhuaweicloud.com.evil.com", "PROXY.HOST_NOT_ALLOWED"),
        (
            "ccm.ap-southeast-3.myhuaweicloud.com.evil.com",
            "PROXY.HOST_NOT_ALLOWED",
        ),
        ("localhost", "PROXY.HOST_NOT_ALLOWED"),
        ("example.com", "PROXY.HOST_NOT_ALLOWED"),
        ("evilexample.com", "PROXY.HOST_NOT_ALLOWED"),
    ];
    for (host, code) in table {
        let resp = c
            .get(format!("http://{addr}/proxy/{host}/v1/x?limit=1"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 403, "{host}");
        let body = json(resp).await;
        assert_eq!(body["error_code"], *code, "{host}: {body}");
    }
    for path in ["/proxy", "/proxy/"] {
        let resp = c.get(format!("http://{addr}{path}")).send().await.unwrap();
        assert_proxy_error(resp, 403, "PROXY.HOST_MISSING").await;
    }
    assert_eq!(up.hits(), 0, "nothing refused reached the upstream");
}

#[tokio::test]
async fn rewritten_paths_are_refused_not_changed() {
    // reqwest would normalise this URL itself, so speak HTTP/1.1 by hand.
    let up = Upstream::start().await;
    let addr = serve(app(proxy_config(&up))).await;
    let status_line = tokio::task::spawn_blocking(move || {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        write!(
            s,
            "GET /proxy/{CCM_HOST}/v1/a/%2e%2e/b HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    })
    .await
    .unwrap();
    assert!(status_line.starts_with("HTTP/1.1 400"), "{status_line}");
    assert!(
        status_line.contains("PROXY.URL_NOT_FORWARDABLE"),
        "{status_line}"
    );
    assert_eq!(up.hits(), 0);
}

#[tokio::test]
async fn override_hosts_must_be_allowed() {
    let o: UpstreamOverride = "api.internal.corp=http://127.0.0.1:9".parse().unwrap();
    let config = Config {
        upstream_overrides: vec![o],
        ..Config::default()
    };
    assert!(config.validate().is_err());
    let config = Config {
        allow_hosts: ccm_serve::AllowList::with_extra(["api.internal.corp".parse().unwrap()]),
        ..config
    };
    assert!(config.validate().is_ok());
}

/// What `--emulate` will plug in: an in-process answerer for some hosts.
struct FakeLocal;

impl LocalUpstream for FakeLocal {
    fn handle(
        &self,
        req: axum::http::Request<Bytes>,
    ) -> Pin<Box<dyn Future<Output = axum::http::Response<Bytes>> + Send>> {
        Box::pin(async move {
            let text = format!(
                "{} {} host={} body={}",
                req.method(),
                req.uri(),
                req.headers()["host"].to_str().unwrap(),
                String::from_utf8_lossy(req.body())
            );
            axum::http::Response::builder()
                .status(201)
                .header("content-type", "text/plain")
                .header("set-cookie", "a=b")
                .header("x-request-id", "local-1")
                .body(Bytes::from(text))
                .unwrap()
        })
    }
}

#[tokio::test]
async fn local_upstreams_answer_in_process_under_the_same_rules() {
    let pattern: HostPattern = "*.myhuaweicloud.com".parse().unwrap();
    let outside: HostPattern = "*.example.org".parse().unwrap();
    let config = Config {
        dist: std::env::temp_dir().join("ccm-serve-test-no-dist-here"),
        local_upstreams: vec![
            (pattern, Arc::new(FakeLocal)),
            (outside, Arc::new(FakeLocal)),
        ],
        ..Config::default()
    };
    let addr = serve(app(config)).await;
    let c = client();
    let resp = c
        .post(format!(
            "http://{addr}/proxy/{CCM_HOST}/v1/cas/a%2Fb?limit=5&x=%2F"
        ))
        .header("cookie", "c=1")
        .body("hi")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    assert_eq!(resp.headers()["x-request-id"], "local-1");
    assert!(resp.headers().get("set-cookie").is_none());
    assert_eq!(
        resp.text().await.unwrap(),
        format!("POST /v1/cas/a%2Fb?limit=5&x=%2F host={CCM_HOST} body=hi")
    );

    // The allowlist still decides, even for a host a local answerer claims.
    let resp = c
        .get(format!("http://{addr}/proxy/api.example.org/v1/x"))
        .send()
        .await
        .unwrap();
    assert_proxy_error(resp, 403, "PROXY.HOST_NOT_ALLOWED").await;
}

// ---------------------------------------------------------------- compression

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli_decompressor::Decompressor::new(bytes, 4096).read_to_end(&mut out).unwrap();
    out
}

fn header(resp: &reqwest::Response, name: &str) -> Option<String> {
    resp.headers().get(name).map(|v| v.to_str().unwrap().to_string())
}

#[tokio::test]
async fn big_answers_are_compressed_as_the_client_accepts() {
    let up = Upstream::start().await;
    let addr = serve(app(proxy_config(&up))).await;
    let url = format!("http://{addr}/proxy/{CCM_HOST}/v1/export");
    // The echo repeats the 8 KiB body: well above the threshold.
    let body = "a".repeat(8 * 1024);
    let send = |accept: Option<&'static str>| {
        let mut req = client().post(&url).body(body.clone());
        if let Some(a) = accept {
            req = req.header("accept-encoding", a);
        }
        req.send()
    };

    let plain = send(None).await.unwrap();
    assert_eq!(plain.status(), 200);
    assert_eq!(header(&plain, "content-encoding"), None);
    let plain_len: usize = header(&plain, "content-length").unwrap().parse().unwrap();
    let plain_bytes = plain.bytes().await.unwrap().to_vec();
    assert_eq!(plain_bytes.len(), plain_len);

    for (accept, encoding, decode) in [
        ("br", "br", unbrotli as fn(&[u8]) -> Vec<u8>),
        ("gzip", "gzip", gunzip),
        ("gzip, deflate, br, zstd", "br", unbrotli),
    ] {
        let r = send(Some(accept)).await.unwrap();
        assert_eq!(r.status(), 200, "{accept}");
        assert_eq!(header(&r, "content-encoding").as_deref(), Some(encoding), "{accept}");
        let vary: Vec<_> = r.headers().get_all("vary").iter().map(|v| v.to_str().unwrap().to_ascii_lowercase()).collect();
        assert!(vary.iter().any(|v| v.contains("accept-encoding")), "{vary:?}");
        assert!(vary.iter().any(|v| v.contains("origin")), "the CORS Vary stays: {vary:?}");
        // The download headers survive; the length is the compressed one's
        // business now, so the upstream's is dropped.
        assert_eq!(header(&r, "content-disposition").as_deref(), Some("attachment; filename=\"cert.zip\""));
        assert_eq!(header(&r, "content-type").as_deref(), Some("application/json;charset=UTF-8"));
        assert_eq!(header(&r, "x-content-type-options").as_deref(), Some("nosniff"));
        assert_ne!(header(&r, "content-length"), Some(plain_len.to_string()), "{accept}");
        let sent = r.bytes().await.unwrap();
        assert!(sent.len() < plain_len / 4, "{accept}: {} of {plain_len} bytes", sent.len());
        let echo: serde_json::Value = serde_json::from_slice(&decode(&sent)).unwrap();
        assert_eq!(echo["body"], body.as_str(), "{accept}");
        // The client's Accept-Encoding went upstream (it may compress itself).
        assert_eq!(echo["headers"]["accept-encoding"], accept);
    }

    // Small answers are not worth it.
    let r = client()
        .get(format!("http://{addr}/proxy/{CCM_HOST}/v1/small"))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "content-encoding"), None);
    let len: usize = header(&r, "content-length").unwrap().parse().unwrap();
    assert!(len < usize::from(ccm_serve::proxy::COMPRESS_MIN_SIZE), "{len}");
    assert_eq!(json(r).await["path"], "/v1/small");

    // The size limit still answers first.
    let r = client()
        .post(&url)
        .header("accept-encoding", "br, gzip")
        .body(vec![b'a'; ccm_serve::proxy::BODY_LIMIT + 1])
        .send()
        .await
        .unwrap();
    assert_proxy_error(r, 413, "PROXY.BODY_TOO_LARGE").await;
}

#[tokio::test]
async fn an_answer_the_upstream_compressed_is_relayed_as_it_came() {
    let up = Upstream::start().await;
    let addr = serve(app(proxy_config(&up))).await;
    let r = client()
        .get(format!("http://{addr}/proxy/{CCM_HOST}/gzipped"))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let encodings: Vec<_> = r.headers().get_all("content-encoding").iter().collect();
    assert_eq!(encodings, ["gzip"], "one encoding, the upstream's: never br on top");
    let len: usize = header(&r, "content-length").unwrap().parse().unwrap();
    let sent = r.bytes().await.unwrap();
    assert_eq!(sent.len(), len);
    assert_eq!(gunzip(&sent), common::gzipped_answer().as_bytes());
}

#[tokio::test]
async fn zip_downloads_are_sent_as_they_are() {
    let up = Upstream::start().await;
    let addr = serve(app(proxy_config(&up))).await;
    let r = client()
        .get(format!("http://{addr}/proxy/{CCM_HOST}/export.zip"))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "content-encoding"), None);
    assert_eq!(header(&r, "content-type").as_deref(), Some("application/zip"));
    assert_eq!(header(&r, "content-disposition").as_deref(), Some("attachment; filename=\"cert.zip\""));
    assert_eq!(header(&r, "content-length"), Some(common::zip_bytes().len().to_string()));
    assert_eq!(r.bytes().await.unwrap(), common::zip_bytes());
}

//! Serving dist/: SPA fallback, 404 for assets, security headers, CSP.

mod common;

use base64::Engine as _;
use ccm_serve::{app, Config};
use common::{assert_proxy_error, client, serve};
use sha2::{Digest, Sha256};

/// What trunk writes: an external script, the inline module loader, a preload.
const LOADER: &str = "\nimport init, * as bindings from '/ccm-console-1a2b.js';\nconst wasm = await init({ module_or_path: '/ccm-console-1a2b_bg.wasm' });\nwindow.wasmBindings = bindings;\n";

fn index_html() -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\n\
         <link rel=\"modulepreload\" href=\"/ccm-console-1a2b.js\" crossorigin=\"anonymous\">\n\
         <script src=\"/extra.js\"></script>\n\
         <script type=\"module\">{LOADER}</script>\n\
         </head><body></body></html>\n"
    )
}

fn expected_hash() -> String {
    let digest = Sha256::digest(LOADER.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), index_html()).unwrap();
    std::fs::write(
        dir.path().join("ccm-console-1a2b.js"),
        "export default function(){}",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("assets")).unwrap();
    std::fs::write(dir.path().join("assets/logo.svg"), "<svg/>").unwrap();
    dir
}

fn assert_security_headers(h: &reqwest::header::HeaderMap) {
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert_eq!(h["x-frame-options"], "DENY");
    assert!(h.contains_key("content-security-policy"));
}

#[tokio::test]
async fn index_deep_links_and_assets() {
    let dir = dist();
    let config = Config {
        dist: dir.path().to_path_buf(),
        connect_src: vec!["https://proxy.example.com".parse().unwrap()],
        ..Config::default()
    };
    let addr = serve(app(config)).await;
    let c = client();

    let resp = c.get(format!("http://{addr}/")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_security_headers(resp.headers());
    let csp = resp.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(
        csp,
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; \
             img-src 'self' data:; connect-src 'self' https://proxy.example.com; font-src 'self'; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            expected_hash()
        )
    );
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(resp.text().await.unwrap(), index_html());

    // Deep links (with a query) get the SPA.
    for path in [
        "/pca/cas?status=ACTIVED",
        "/scm/certificates/scs123",
        "/index.html",
        "/assets",
    ] {
        let resp = c.get(format!("http://{addr}{path}")).send().await.unwrap();
        assert_eq!(resp.status(), 200, "{path}");
        assert_security_headers(resp.headers());
        assert_eq!(resp.text().await.unwrap(), index_html(), "{path}");
    }

    // Real files are served; missing files with an extension are 404.
    let resp = c
        .get(format!("http://{addr}/ccm-console-1a2b.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_security_headers(resp.headers());
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("javascript"));
    assert_eq!(resp.text().await.unwrap(), "export default function(){}");
    let resp = c
        .get(format!("http://{addr}/assets/logo.svg"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);

    for path in [
        "/ccm-console-0000_bg.wasm",
        "/pca/missing.js",
        "/favicon.ico",
        "/../Cargo.toml",
    ] {
        let resp = c.get(format!("http://{addr}{path}")).send().await.unwrap();
        assert_eq!(resp.status(), 404, "{path}");
        assert_security_headers(resp.headers());
    }
}

#[tokio::test]
async fn proxy_responses_carry_security_headers_too() {
    let dir = dist();
    let addr = serve(app(Config {
        dist: dir.path().to_path_buf(),
        ..Config::default()
    }))
    .await;
    let resp = client()
        .get(format!("http://{addr}/proxy/localhost/x"))
        .send()
        .await
        .unwrap();
    assert_security_headers(resp.headers());
    assert_proxy_error(resp, 403, "PROXY.HOST_NOT_ALLOWED").await;
}

#[tokio::test]
async fn missing_build_serves_503_but_proxy_still_works() {
    let dir = tempfile::tempdir().unwrap(); // empty: no index.html
    let addr = serve(app(Config {
        dist: dir.path().to_path_buf(),
        ..Config::default()
    }))
    .await;
    let c = client();
    for path in ["/", "/pca/cas"] {
        let resp = c.get(format!("http://{addr}{path}")).send().await.unwrap();
        assert_eq!(resp.status(), 503, "{path}");
        assert_security_headers(resp.headers());
        let csp = resp.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(!csp.contains("sha256-"), "no index, no script hash: {csp}");
        let text = resp.text().await.unwrap();
        assert!(text.contains("trunk build"), "{text}");
    }
    let resp = c
        .get(format!("http://{addr}/proxy/0x7f.1/x"))
        .send()
        .await
        .unwrap();
    assert_proxy_error(resp, 403, "PROXY.HOST_IP_LITERAL").await;
}

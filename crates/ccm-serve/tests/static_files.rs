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

// ------------------------------------------------------ precompressed copies

const WASM: &str = "/ccm-console-5f3c2a9b8e7d6c1f_bg.wasm";
const CHUNK: &str = "/chunks-9a8b7c6d5e4f3a2b/route_cas.wasm";

/// A build as scripts/compress-dist.sh leaves it. The copies are not real
/// brotli or gzip: distinct bytes show which file was sent.
fn compressed_dist() -> tempfile::TempDir {
    let dir = dist();
    let p = dir.path();
    let write = |name: &str, bytes: &[u8]| std::fs::write(p.join(name.trim_start_matches('/')), bytes).unwrap();
    write(WASM, b"\0asm plain module");
    write(&format!("{WASM}.br"), b"brotli copy");
    write(&format!("{WASM}.gz"), b"gzip copy");
    std::fs::create_dir(p.join("chunks-9a8b7c6d5e4f3a2b")).unwrap();
    write(CHUNK, b"\0asm plain chunk");
    write(&format!("{CHUNK}.br"), b"brotli chunk");
    // Only a gzip copy: a brotli client gets gzip, not an error.
    write("/ccm-console-1a2b.js.gz", b"gzip js");
    dir
}

async fn get(addr: std::net::SocketAddr, path: &str, accept: Option<&str>) -> reqwest::Response {
    let mut req = client().get(format!("http://{addr}{path}"));
    if let Some(a) = accept {
        req = req.header("accept-encoding", a);
    }
    req.send().await.unwrap()
}

/// (status, content-encoding, body) of one request.
async fn fetch(addr: std::net::SocketAddr, path: &str, accept: Option<&str>) -> (u16, Option<String>, Vec<u8>) {
    let r = get(addr, path, accept).await;
    let enc = r.headers().get("content-encoding").map(|v| v.to_str().unwrap().to_string());
    (r.status().as_u16(), enc, r.bytes().await.unwrap().to_vec())
}

fn vary(h: &reqwest::header::HeaderMap) -> String {
    h.get_all("vary").iter().map(|v| v.to_str().unwrap().to_ascii_lowercase()).collect::<Vec<_>>().join(", ")
}

#[tokio::test]
async fn the_copy_the_browser_accepts_is_sent() {
    let dir = compressed_dist();
    let addr = serve(app(Config { dist: dir.path().to_path_buf(), ..Config::default() })).await;
    let br = (200, Some("br".to_string()), b"brotli copy".to_vec());
    let gz = (200, Some("gzip".to_string()), b"gzip copy".to_vec());
    let plain = (200, None, b"\0asm plain module".to_vec());
    for (accept, expected) in [
        (Some("br"), &br),
        // What Chromium sends: brotli is preferred over gzip.
        (Some("gzip, deflate, br, zstd"), &br),
        (Some("gzip"), &gz),
        (Some("br;q=0, gzip"), &gz),
        (Some("deflate"), &plain),
        (Some("identity"), &plain),
        (None, &plain),
    ] {
        assert_eq!(&fetch(addr, WASM, accept).await, expected, "Accept-Encoding: {accept:?}");
    }

    // Whatever was picked, the type is the original's (streaming wasm
    // compilation needs application/wasm) and caches know it varies.
    for (accept, sent) in [(Some("br"), &br.2), (Some("gzip"), &gz.2), (None, &plain.2)] {
        let r = get(addr, WASM, accept).await;
        let h = r.headers();
        assert_eq!(h["content-type"], "application/wasm", "{accept:?}");
        assert_eq!(h["content-length"], sent.len().to_string().as_str(), "{accept:?}");
        assert!(vary(h).contains("accept-encoding"), "{accept:?}: {:?}", vary(h));
        assert_eq!(h["cache-control"], "public, max-age=31536000, immutable", "{accept:?}");
        assert_security_headers(h);
    }

    // Under a content-hashed folder; a missing .br falls back to .gz.
    assert_eq!(fetch(addr, CHUNK, Some("br, gzip")).await, (200, Some("br".into()), b"brotli chunk".to_vec()));
    assert_eq!(get(addr, CHUNK, None).await.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(
        fetch(addr, "/ccm-console-1a2b.js", Some("br, gzip")).await,
        (200, Some("gzip".into()), b"gzip js".to_vec())
    );
    // No copy at all: the plain file.
    assert_eq!(fetch(addr, "/assets/logo.svg", Some("br, gzip")).await, (200, None, b"<svg/>".to_vec()));
}

#[tokio::test]
async fn only_hashed_files_are_cached_for_good() {
    let dir = compressed_dist();
    let addr = serve(app(Config { dist: dir.path().to_path_buf(), ..Config::default() })).await;

    // The page names the current build's files: always revalidated, and
    // the same for the SPA's deep links.
    for path in ["/", "/index.html", "/pca/cas?status=ACTIVED", "/chunks-9a8b7c6d5e4f3a2b/deep"] {
        let r = get(addr, path, Some("gzip, deflate, br, zstd")).await;
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(r.headers()["cache-control"], "no-cache", "{path}");
        assert!(r.headers().get("content-encoding").is_none(), "{path}");
        assert_security_headers(r.headers());
        assert_eq!(r.text().await.unwrap(), index_html(), "{path}");
    }

    // A file whose name does not change with its content is revalidated too.
    let r = get(addr, "/assets/logo.svg", None).await;
    assert_eq!(r.headers()["cache-control"], "no-cache");
    assert!(vary(r.headers()).contains("accept-encoding"));

    // A missing asset is a 404 nobody keeps.
    for path in ["/ccm-console-0000000000000000_bg.wasm", "/chunks-9a8b7c6d5e4f3a2b/gone.wasm"] {
        let r = get(addr, path, Some("br")).await;
        assert_eq!(r.status(), 404, "{path}");
        assert!(r.headers().get("cache-control").is_none(), "{path}");
        assert_security_headers(r.headers());
    }
}

/// Sends one request with the path exactly as given (an HTTP client would
/// resolve the dot segments) and returns the status line.
async fn raw_status(addr: std::net::SocketAddr, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept-Encoding: br, gzip\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).await.unwrap();
    String::from_utf8_lossy(&out).lines().next().unwrap_or_default().to_string()
}

#[tokio::test]
async fn copies_outside_dist_stay_out_of_reach() {
    let root = tempfile::tempdir().unwrap();
    let dist_dir = root.path().join("dist");
    std::fs::create_dir(&dist_dir).unwrap();
    std::fs::write(dist_dir.join("index.html"), index_html()).unwrap();
    std::fs::write(root.path().join("secret.txt"), "secret").unwrap();
    std::fs::write(root.path().join("secret.txt.br"), "secret br").unwrap();
    std::fs::write(root.path().join("secret.txt.gz"), "secret gz").unwrap();
    let addr = serve(app(Config { dist: dist_dir, ..Config::default() })).await;
    for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/assets/../../secret.txt"] {
        let status = raw_status(addr, path).await;
        assert!(status.starts_with("HTTP/1.1 404"), "{path}: {status}");
    }
}

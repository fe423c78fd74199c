//! The binary: --print-csp, start-up message, flag validation.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ccm-serve");

fn dist_with_loader(script: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let html = format!("<html><head><script type=\"module\">{script}</script></head></html>");
    std::fs::write(dir.path().join("index.html"), html).unwrap();
    dir
}

#[test]
fn print_csp_hashes_the_loader_and_adds_connect_src() {
    let dir = dist_with_loader("alert('Hello, world.');");
    let out = Command::new(BIN)
        .arg("--dist")
        .arg(dir.path())
        .args(["--print-csp", "--connect-src", "https://proxy.example.com"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csp = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csp.lines().count(), 1);
    // Known value from the CSP specification's example.
    assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=';"), "{csp}");
    assert!(
        csp.contains("connect-src 'self' https://proxy.example.com;"),
        "{csp}"
    );
}

#[test]
fn print_csp_without_a_build_fails() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .arg("--dist")
        .arg(dir.path())
        .arg("--print-csp")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("index.html"));
}

#[test]
fn bad_flags_are_refused() {
    for args in [
        &["--allow-host", "*"][..],
        &["--allow-host", "127.0.0.1"],
        &["--allow-origin", "console.example.com"],
        &["--connect-src", "https://x.com; script-src *"],
        &[
            "--upstream-override",
            "api.internal.corp=http://127.0.0.1:9",
        ],
        &["--upstream-override", "no-equals-sign"],
        &["--upstream-timeout", "0"],
    ] {
        let out = Command::new(BIN)
            .args(args)
            .arg("--print-csp")
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?}");
    }
}

#[test]
fn prints_the_listening_url_and_serves() {
    let dir = dist_with_loader("1");
    let mut child = Command::new(BIN)
        .arg("--dist")
        .arg(dir.path())
        .args(["--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("ccm-serve listening on ")
        .map(str::to_string);
    let result = url.as_ref().map(|u| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            reqwest::Client::builder()
                .no_proxy()
                .build()
                .unwrap()
                .get(u)
                .send()
                .await
                .map(|r| r.status())
        })
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        url.as_deref()
            .is_some_and(|u| u.starts_with("http://127.0.0.1:")),
        "{line}"
    );
    assert_eq!(result.unwrap().unwrap(), 200);
}

//! How fast the emulator answers the calls the console leans on: issuing a
//! private certificate (EC256, RSA2048) and listing 10,000 of them.
//! `make bench` runs it; the figures go into the closing notes, never into
//! a test's pass/fail.

use ccm_api::Method;
use ccm_emulator::{EmuRequest, Emulator, EmulatorConfig, State};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

const HOST: &str = "ccm.ap-southeast-3.myhuaweicloud.com";

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

fn request(method: Method, host: &str, path: &str, query: &str, token: &str, body: serde_json::Value) -> EmuRequest {
    EmuRequest {
        method,
        host: host.into(),
        path: path.into(),
        raw_query: query.into(),
        headers: vec![("X-Auth-Token".into(), token.into()), ("Content-Type".into(), "application/json".into())],
        body: if body.is_null() { Vec::new() } else { body.to_string().into_bytes() },
    }
}

fn sign_in(emu: &mut Emulator) -> String {
    let body = serde_json::json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}}});
    let r = emu.handle(&request(Method::Post, "iam.ap-southeast-3.myhuaweicloud.com", "/v3/auth/tokens", "", "", body), now_ms());
    r.headers.iter().find(|(k, _)| k == "X-Subject-Token").expect("token").1.clone()
}

/// An emulator with an active root CA; returns it, a token and the CA id.
fn with_root_ca() -> (Emulator, String, String) {
    let mut emu = Emulator::new(EmulatorConfig::default(), State::default());
    let token = sign_in(&mut emu);
    let body = serde_json::json!({
        "type": "ROOT", "key_algorithm": "EC256", "signature_algorithm": "SHA256",
        "validity": {"type": "YEAR", "value": 10},
        "distinguished_name": {"common_name": "Bench Root", "country": "DE", "state": "Berlin", "locality": "Berlin",
            "organization": "Acme", "organizational_unit": "PKI"}
    });
    let r = emu.handle(&request(Method::Post, HOST, "/v1/private-certificate-authorities", "", &token, body), now_ms());
    assert_eq!(r.status, 200, "create root: {:?}", r.body_json());
    let id = r.body_json()["ca_id"].as_str().expect("ca_id").to_owned();
    (emu, token, id)
}

fn issue(c: &mut Criterion) {
    let (mut emu, token, ca) = with_root_ca();
    let mut group = c.benchmark_group("issue private certificate");
    group.sample_size(20);
    for key in ["EC256", "RSA2048"] {
        group.bench_function(key, |b| {
            b.iter_batched(
                || {
                    serde_json::json!({
                        "issuer_id": ca, "key_algorithm": key, "signature_algorithm": "SHA256",
                        "distinguished_name": {"common_name": "bench.example.com"},
                        "validity": {"type": "DAY", "value": 30},
                        "subject_alternative_names": [{"type": "DNS", "value": "bench.example.com"}]
                    })
                },
                |body| {
                    let r = emu.handle(&request(Method::Post, HOST, "/v1/private-certificates", "", &token, body), now_ms());
                    assert_eq!(r.status, 200, "{:?}", r.body_json());
                },
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

fn list(c: &mut Criterion) {
    let started = std::time::Instant::now();
    let mut emu = Emulator::new(EmulatorConfig::default(), ccm_emulator::seed::scale(now_ms()));
    eprintln!("scale seed built in {:?} ({} certificates)", started.elapsed(), emu.state.certificates.len());
    let token = sign_in(&mut emu);
    let mut group = c.benchmark_group("list private certificates of 10,000");
    group.bench_function("first page of 1000", |b| {
        b.iter(|| {
            let r = emu.handle(&request(Method::Get, HOST, "/v1/private-certificates", "limit=1000&offset=0", &token, serde_json::Value::Null), now_ms());
            assert_eq!(r.status, 200);
        })
    });
    group.bench_function("all 10 pages of 1000", |b| {
        b.iter(|| {
            for page in 0..10 {
                let q = format!("limit=1000&offset={}", page * 1000);
                let r = emu.handle(&request(Method::Get, HOST, "/v1/private-certificates", &q, &token, serde_json::Value::Null), now_ms());
                assert_eq!(r.status, 200);
            }
        })
    });
    group.finish();
}

criterion_group!(benches, issue, list);
criterion_main!(benches);

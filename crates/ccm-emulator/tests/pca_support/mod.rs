//! Shared by the CA issuance, CRL and tag tests: a signed-in emulator that
//! takes ccm-api request descriptions, CA bodies, and openssl.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use ccm_api::common::{DistinguishedName, KeyAlgorithm, SignatureAlgorithm, Validity};
use ccm_api::pca::cas::{self, CreateCertificateAuthorityBody};
use ccm_api::{ApiRequest, Method};
use ccm_emulator::{EmuRequest, EmuResponse, Emulator, EmulatorConfig, State};
use serde_json::Value;

/// 2025-11-24T16:00:00Z.
pub const NOW: i64 = 1_764_000_000_000;
pub const DAY_MS: i64 = 86_400_000;
pub const HOST: &str = "ccm.ap-southeast-3.myhuaweicloud.com";

pub struct Api {
    pub emu: Emulator,
    token: String,
    /// The clock of every request; change it with [`Api::set_now`].
    pub now: i64,
}

impl Api {
    pub fn new() -> Self {
        Self::with_config(EmulatorConfig::default())
    }

    pub fn with_config(config: EmulatorConfig) -> Self {
        let mut api = Api { emu: Emulator::new(config, State::default()), token: String::new(), now: NOW };
        api.sign_in();
        api
    }

    /// Moves the clock and signs in again (tokens live 24 hours).
    pub fn set_now(&mut self, now: i64) {
        self.now = now;
        self.sign_in();
    }

    fn sign_in(&mut self) {
        let body = serde_json::json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}}});
        let sign_in = EmuRequest {
            method: Method::Post,
            host: "iam.ap-southeast-3.myhuaweicloud.com".into(),
            path: "/v3/auth/tokens".into(),
            raw_query: String::new(),
            headers: Vec::new(),
            body: body.to_string().into_bytes(),
        };
        let r = self.emu.handle(&sign_in, self.now);
        self.token = r.headers.iter().find(|(k, _)| k == "X-Subject-Token").expect("a token").1.clone();
    }

    /// Sends a request described by ccm-api.
    pub fn send(&mut self, req: ApiRequest) -> EmuResponse {
        let body = if req.body.is_some() { req.body_bytes() } else { Vec::new() };
        self.raw(req.method, &req.path, &req.query_string(), body)
    }

    pub fn raw(&mut self, method: Method, path: &str, query: &str, body: Vec<u8>) -> EmuResponse {
        let r = EmuRequest {
            method,
            host: HOST.into(),
            path: path.into(),
            raw_query: query.into(),
            headers: vec![("X-Auth-Token".into(), self.token.clone())],
            body,
        };
        self.emu.handle(&r, self.now)
    }

    /// A GET without credentials (published CRLs).
    pub fn public_get(&mut self, url_path: &str) -> EmuResponse {
        let r = EmuRequest {
            method: Method::Get,
            host: HOST.into(),
            path: url_path.into(),
            raw_query: String::new(),
            headers: Vec::new(),
            body: Vec::new(),
        };
        self.emu.handle(&r, self.now)
    }

    /// Creates a CA and returns its id; panics unless the answer is 200.
    pub fn create(&mut self, body: &CreateCertificateAuthorityBody) -> String {
        let r = self.send(cas::create_certificate_authority(body));
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        let id = r.body_json()["ca_id"].as_str().expect("ca_id").to_owned();
        assert!(ccm_api::validate::is_uuid(&id), "{id}");
        id
    }

    pub fn show(&mut self, id: &str) -> Value {
        let r = self.send(cas::show_certificate_authority(id));
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        r.body_json()
    }

    /// The CA certificate and its chain as exported.
    pub fn export(&mut self, id: &str) -> (String, String) {
        let r = self.send(cas::export_certificate_authority_certificate(id));
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        let v = r.body_json();
        (v["certificate"].as_str().unwrap().to_owned(), v["certificate_chain"].as_str().unwrap_or_default().to_owned())
    }
}

/// Status and code of a refusal.
#[track_caller]
pub fn assert_refused(r: &EmuResponse, status: u16, code: &str) {
    let body = r.body_json();
    assert_eq!((r.status, body["error_code"].as_str().unwrap_or_default()), (status, code), "{body}");
}

pub fn dn(cn: &str) -> DistinguishedName {
    DistinguishedName::full(cn, "CN", "Sichuan", "Chengdu", "Example", "PKI")
}

pub fn root(cn: &str, years: i64) -> CreateCertificateAuthorityBody {
    CreateCertificateAuthorityBody::root(
        dn(cn),
        KeyAlgorithm::Ec384,
        SignatureAlgorithm::Sha384,
        Validity::years(years),
    )
}

pub fn sub(cn: &str, issuer: &str, validity: Validity, path_length: Option<i64>) -> CreateCertificateAuthorityBody {
    CreateCertificateAuthorityBody::subordinate(
        dn(cn),
        KeyAlgorithm::Ec256,
        issuer,
        SignatureAlgorithm::Sha256,
        validity,
        path_length,
    )
}

pub fn pending(cn: &str) -> CreateCertificateAuthorityBody {
    CreateCertificateAuthorityBody::pending_subordinate(dn(cn), KeyAlgorithm::Ec256)
}

/// Runs openssl in `dir`; gives (success, stdout and stderr).
pub fn openssl(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new("openssl").args(args).current_dir(dir).output().expect("openssl runs");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

/// `openssl verify` of `leaf` up to `root` through `intermediates`, at `at_ms`.
pub fn openssl_verify(root: &str, intermediates: &str, leaf: &str, at_ms: i64) -> (bool, String) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("root.pem"), root).unwrap();
    std::fs::write(dir.path().join("leaf.pem"), leaf).unwrap();
    let at = (at_ms / 1000).to_string();
    let mut args = vec!["verify", "-attime", &at, "-CAfile", "root.pem"];
    if !intermediates.trim().is_empty() {
        std::fs::write(dir.path().join("chain.pem"), intermediates).unwrap();
        args.extend(["-untrusted", "chain.pem"]);
    }
    args.push("leaf.pem");
    openssl(dir.path(), &args)
}

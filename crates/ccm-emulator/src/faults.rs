//! Fault injection, off by default, for testing how clients cope: added
//! latency, 5xx answers, malformed bodies, dropped connections and
//! short-lived tokens. Each emulator has its own [`FaultPlan`]
//! ([`crate::Emulator::faults`]); ccm-serve sets it from flags and from
//! its admin endpoint.
//!
//! The emulator has no transport and no clock of its own, so latency and
//! dropped connections are described on the response, in two headers the
//! server adapter acts on and removes: [`DELAY_HEADER`] (sleep that many
//! milliseconds before answering) and [`DROP_HEADER`] (send the headers and
//! part of the body, then close the connection).
//!
//! Routes name what a fault applies to:
//!
//! - `*`: every request;
//! - an operation of the contract, as the SDK names it:
//!   `list_certificates`, or qualified by service when the name exists in
//!   more than one: `scm.export_certificate`, `ccm.export_certificate`;
//! - a path prefix, whole segments: `/v3/scm/certificates` (also matches
//!   `/v3/scm/certificates/{id}/export`), optionally after a method:
//!   `POST /v1/private-certificates`.
//!
//! What each fault does to a request:
//!
//! - `error_rate`: that share of matching requests is answered with HTTP
//!   500 and the service's internal-error code (`SCM.0504`,
//!   `PCA.00000001`, IAM's error object); the service never sees them.
//! - `malformed`: the service handles the request (changes happen), then
//!   the body is cut in half, so it is no longer JSON; a 204 becomes a 200
//!   with such a body.
//! - `drop`: the service handles the request, then the connection is closed
//!   before the answer is complete.
//! - `throttle`: the next N matching requests are refused with HTTP 429 and
//!   the API gateway's throttling code `APIGW.0308`, with a `Retry-After`
//!   of one second; the service never sees them. Counted down per request,
//!   so a client that backs off gets through.
//! - `latency_ms`: every answer waits that long.
//! - `token_ttl_secs`: IAM tokens issued from now on expire after that many
//!   seconds instead of 24 hours.

use std::collections::BTreeMap;

use ccm_api::operations::{route, OPERATIONS};
use ccm_api::{Method, Service};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::{service_of, EmuRequest, EmuResponse, Emulator};

/// Milliseconds the server adapter waits before sending the answer.
pub const DELAY_HEADER: &str = "X-Emulator-Delay-Ms";
/// Present when the server adapter must cut the connection short.
pub const DROP_HEADER: &str = "X-Emulator-Drop";

/// The faults, as flags and the admin endpoint's JSON describe them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FaultConfig {
    /// Added to every answer.
    pub latency_ms: u64,
    /// Route → share of matching requests (0 to 1) answered with a 500.
    pub error_rate: BTreeMap<String, f64>,
    /// Routes whose answers come back cut short.
    pub malformed: Vec<String>,
    /// Routes whose connection is closed before the answer is complete.
    pub drop: Vec<String>,
    /// Route → how many of the next matching requests are throttled (429).
    pub throttle: BTreeMap<String, u32>,
    /// Lifetime of IAM tokens issued from now on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_ttl_secs: Option<u64>,
    /// Seed of the generator behind `error_rate`, for repeatable runs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

impl FaultConfig {
    /// True when no fault is set.
    pub fn is_off(&self) -> bool {
        self.latency_ms == 0
            && self.error_rate.values().all(|r| *r == 0.0)
            && self.malformed.is_empty()
            && self.drop.is_empty()
            && self.throttle.values().all(|n| *n == 0)
            && self.token_ttl_secs.is_none()
    }

    /// Checks every route and number, so that a typo is refused rather
    /// than silently matching nothing.
    pub fn validate(&self) -> Result<(), String> {
        for (route, rate) in &self.error_rate {
            Route::parse(route)?;
            if !(0.0..=1.0).contains(rate) {
                return Err(format!("error rate of {route} must be between 0 and 1, not {rate}"));
            }
        }
        for route in self.malformed.iter().chain(&self.drop).chain(self.throttle.keys()) {
            Route::parse(route)?;
        }
        if self.token_ttl_secs == Some(0) {
            return Err("token_ttl_secs must be at least 1".into());
        }
        Ok(())
    }
}

/// One route of a fault (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Any,
    Operation { service: Option<Service>, name: String },
    Path { method: Option<Method>, prefix: String },
}

impl Route {
    pub fn parse(text: &str) -> Result<Route, String> {
        let text = text.trim();
        if text == "*" {
            return Ok(Route::Any);
        }
        if let Some((method, path)) = text.split_once(' ') {
            let method = match method.to_ascii_uppercase().as_str() {
                "GET" => Method::Get,
                "POST" => Method::Post,
                "PUT" => Method::Put,
                "DELETE" => Method::Delete,
                "HEAD" => Method::Head,
                other => return Err(format!("unknown method {other} in route {text}")),
            };
            return match Route::parse(path)? {
                Route::Path { prefix, .. } => Ok(Route::Path { method: Some(method), prefix }),
                _ => Err(format!("a method goes with a path: {text}")),
            };
        }
        if text.starts_with('/') {
            let prefix = text.trim_end_matches('/');
            return Ok(Route::Path { method: None, prefix: if prefix.is_empty() { "/".into() } else { prefix.into() } });
        }
        let (service, name) = match text.split_once(['.', ':']) {
            Some((s, n)) => {
                let service = match s.to_ascii_lowercase().as_str() {
                    "ccm" | "pca" => Service::Ccm,
                    "scm" => Service::Scm,
                    "iam" => Service::Iam,
                    other => return Err(format!("unknown service {other} in route {text}")),
                };
                (Some(service), n)
            }
            None => (None, text),
        };
        if !OPERATIONS.iter().any(|o| o.name == name && service.is_none_or(|s| s == o.service)) {
            return Err(format!("no operation {text}: use an SDK operation name such as list_certificates, a path such as /v3/scm/certificates, or *"));
        }
        Ok(Route::Operation { service, name: name.to_owned() })
    }

    /// Whether a request (`op`: its service and operation, when routed)
    /// falls under this route.
    pub fn matches(&self, method: Method, path: &str, op: Option<(Service, &str)>) -> bool {
        match self {
            Route::Any => true,
            Route::Operation { service, name } => {
                op.is_some_and(|(s, n)| n == name && service.is_none_or(|want| want == s))
            }
            Route::Path { method: m, prefix } => {
                let path = path.trim_end_matches('/');
                let under = prefix == "/" || path == prefix || path.strip_prefix(prefix.as_str()).is_some_and(|rest| rest.starts_with('/'));
                under && m.is_none_or(|m| m == method)
            }
        }
    }
}

/// The faults of one emulator and the generator that decides error rates.
#[derive(Debug, Clone)]
pub struct FaultPlan {
    config: FaultConfig,
    error_routes: Vec<(Route, f64)>,
    malformed: Vec<Route>,
    drop: Vec<Route>,
    /// Each throttled route with the requests it still refuses.
    throttle: Vec<(Route, String, u32)>,
    rng: StdRng,
}

impl Default for FaultPlan {
    fn default() -> Self {
        FaultPlan::new(FaultConfig::default()).expect("no faults is a valid plan")
    }
}

impl FaultPlan {
    pub fn new(config: FaultConfig) -> Result<FaultPlan, String> {
        config.validate()?;
        let parse = |routes: &[String]| routes.iter().filter_map(|r| Route::parse(r).ok()).collect::<Vec<_>>();
        Ok(FaultPlan {
            error_routes: config.error_rate.iter().filter_map(|(r, rate)| Some((Route::parse(r).ok()?, *rate))).collect(),
            malformed: parse(&config.malformed),
            drop: parse(&config.drop),
            throttle: config.throttle.iter().filter_map(|(r, n)| Some((Route::parse(r).ok()?, r.clone(), *n))).collect(),
            rng: match config.seed {
                Some(s) => StdRng::seed_from_u64(s),
                None => StdRng::from_entropy(),
            },
            config,
        })
    }

    pub fn config(&self) -> &FaultConfig {
        &self.config
    }

    pub fn is_off(&self) -> bool {
        self.config.is_off()
    }

    fn fails(&mut self, method: Method, path: &str, op: Option<(Service, &str)>) -> bool {
        let rate = self
            .error_routes
            .iter()
            .filter(|(r, _)| r.matches(method, path, op))
            .map(|(_, rate)| *rate)
            .fold(0.0_f64, f64::max);
        rate > 0.0 && self.rng.gen::<f64>() < rate
    }

    /// Whether this request is throttled; counts it against its route, and
    /// keeps the published settings in step so they show what is left.
    fn throttles(&mut self, method: Method, path: &str, op: Option<(Service, &str)>) -> bool {
        let Some((_, text, left)) = self.throttle.iter_mut().find(|(r, _, left)| *left > 0 && r.matches(method, path, op)) else {
            return false;
        };
        *left -= 1;
        self.config.throttle.insert(text.clone(), *left);
        true
    }
}

/// Answers `req` with the emulator's faults applied.
pub fn apply(emu: &mut Emulator, req: &EmuRequest, now_ms: i64) -> EmuResponse {
    let path = req.path.trim_end_matches('/');
    let service = service_of(&req.host, if path.is_empty() { "/" } else { path });
    let op = service.and_then(|s| route(Some(s), req.method, path).map(|(o, _)| (s, o.name)));
    let plan = &mut emu.faults;
    let throttled = plan.throttles(req.method, path, op);
    let fails = !throttled && plan.fails(req.method, path, op);
    let malformed = plan.malformed.iter().any(|r| r.matches(req.method, path, op));
    let dropped = plan.drop.iter().any(|r| r.matches(req.method, path, op));
    let latency = plan.config.latency_ms;
    let ttl = plan.config.token_ttl_secs;

    let mut answer = if throttled {
        EmuResponse::error(429, "APIGW.0308", "The throttling threshold has been reached (injected by the emulator's fault settings)")
            .with_header("Retry-After", "1")
    } else if fails {
        internal_error(service)
    } else {
        let mut answer = emu.answer(req, now_ms);
        if let (Some(ttl), Some((Service::Iam, "keystone_create_user_token_by_password"))) = (ttl, op) {
            shorten_token(emu, &mut answer, now_ms, ttl);
        }
        if malformed {
            garble(&mut answer);
        }
        answer
    };
    if dropped {
        answer = answer.with_header(DROP_HEADER, "1");
    }
    if latency > 0 {
        answer = answer.with_header(DELAY_HEADER, latency.to_string());
    }
    answer
}

fn internal_error(service: Option<Service>) -> EmuResponse {
    let msg = "internal error injected by the emulator's fault settings";
    match service {
        Some(Service::Scm) => EmuResponse::error(500, "SCM.0504", msg),
        Some(Service::Ccm) => EmuResponse::error(500, "PCA.00000001", msg),
        Some(Service::Iam) => EmuResponse::json(500, &serde_json::json!({"error": {"code": 500, "message": msg, "title": "Internal Server Error"}})),
        None => EmuResponse::error(500, "EMU.FAULT", msg),
    }
}

/// Makes the body a strict prefix of itself: a cut JSON object or array is
/// never valid JSON.
fn garble(answer: &mut EmuResponse) {
    if answer.body.is_empty() {
        answer.status = if answer.status == 204 { 200 } else { answer.status };
        answer.body = b"{\"".to_vec();
        if !answer.headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("Content-Type")) {
            answer.headers.push(("Content-Type".into(), "application/json".into()));
        }
    } else {
        let keep = (answer.body.len() / 2).max(1).min(answer.body.len() - 1);
        answer.body.truncate(keep);
    }
}

/// Gives the token just issued the shorter lifetime, in the state and in
/// the answer's `expires_at`.
fn shorten_token(emu: &mut Emulator, answer: &mut EmuResponse, now_ms: i64, ttl_secs: u64) {
    if answer.status != 201 {
        return;
    }
    let Some(token) = answer.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("X-Subject-Token")).map(|(_, v)| v.clone()) else {
        return;
    };
    let expires = now_ms + (ttl_secs as i64).saturating_mul(1000);
    if let Some(t) = emu.state.tokens.iter_mut().find(|t| t.token == token) {
        t.expires_at_ms = expires;
    }
    let mut body = answer.body_json();
    if body["token"].is_object() {
        body["token"]["expires_at"] = serde_json::json!(crate::iam::iso8601(expires));
        answer.body = serde_json::to_vec(&body).unwrap_or_default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_parse_and_match() {
        let list = Route::parse("list_certificates").unwrap();
        assert!(list.matches(Method::Get, "/v3/scm/certificates", Some((Service::Scm, "list_certificates"))));
        assert!(!list.matches(Method::Get, "/v3/scm/certificates", Some((Service::Scm, "show_certificate"))));
        let export = Route::parse("scm.export_certificate").unwrap();
        assert!(export.matches(Method::Post, "/x", Some((Service::Scm, "export_certificate"))));
        assert!(!export.matches(Method::Post, "/x", Some((Service::Ccm, "export_certificate"))));
        let path = Route::parse("POST /v3/scm/certificates/").unwrap();
        assert!(path.matches(Method::Post, "/v3/scm/certificates/scs1554192131150/push", None));
        assert!(!path.matches(Method::Get, "/v3/scm/certificates", None));
        assert!(!path.matches(Method::Post, "/v3/scm/certificatesX", None));
        assert!(Route::parse("*").unwrap().matches(Method::Get, "/anything", None));
        for bad in ["list_certificate_authorities_typo", "xyz.list_certificates", "FETCH /v1", "GET list_certificates"] {
            assert!(Route::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn config_checks_numbers() {
        let mut c = FaultConfig::default();
        assert!(c.is_off());
        c.error_rate.insert("*".into(), 1.5);
        assert!(c.validate().is_err());
        c.error_rate.insert("*".into(), 0.0);
        assert!(c.is_off() && c.validate().is_ok());
        c.token_ttl_secs = Some(0);
        assert!(c.validate().is_err());
        let parsed: Result<FaultConfig, _> = serde_json::from_str(r#"{"latency": 5}"#);
        assert!(parsed.is_err(), "unknown fields are refused");
    }

    #[test]
    fn throttling_counts_down_then_lets_requests_through() {
        let mut config = FaultConfig::default();
        config.throttle.insert("list_certificates".into(), 2);
        assert!(!config.is_off());
        let mut plan = FaultPlan::new(config).unwrap();
        let list = Some((Service::Scm, "list_certificates"));
        assert!(!plan.throttles(Method::Get, "/v3/scm/certificates/x", Some((Service::Scm, "show_certificate"))));
        assert!(plan.throttles(Method::Get, "/v3/scm/certificates", list));
        assert_eq!(plan.config().throttle["list_certificates"], 1);
        assert!(plan.throttles(Method::Get, "/v3/scm/certificates", list));
        assert!(!plan.throttles(Method::Get, "/v3/scm/certificates", list));
        assert!(plan.is_off(), "a spent throttle is no fault any more");
        let mut bad = FaultConfig::default();
        bad.throttle.insert("no_such_operation".into(), 1);
        assert!(bad.validate().is_err());
    }

    #[test]
    fn garbled_bodies_are_not_json() {
        for body in [&b"{\"a\":1}"[..], b"[]", b"{}", b""] {
            let mut r = EmuResponse { status: if body.is_empty() { 204 } else { 200 }, headers: Vec::new(), body: body.to_vec() };
            garble(&mut r);
            assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err(), "{:?}", r.body);
            assert_eq!(r.status, 200);
        }
    }
}

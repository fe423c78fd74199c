//! `--emulate`: the CCM, SCM and IAM hosts answered in-process by
//! ccm-emulator, behind the proxy and at the server's root (`/v1/…`,
//! `/v3/…`) so that SDKs and curl can use this server as their endpoint.
//!
//! The emulator's injected faults that need a transport happen here: the
//! added latency is slept, and a dropped connection is a body cut short
//! (see [`crate::proxy::CutShort`]).
//!
//! With `--emulate` the server also has an admin endpoint for the faults,
//! at its root only (never through `/proxy`):
//!
//! - `GET /__emulator/faults`: the current settings, as JSON;
//! - `POST` or `PUT /__emulator/faults` with a JSON body (`Content-Type:
//!   application/json`): replaces them, answers the new settings, or 400
//!   with `EMU.BAD_FAULTS` and the reason;
//! - `DELETE /__emulator/faults`: no faults any more.
//!
//! And one for SSL domain validation, which a real service learns from
//! DNS, a web server or a mail answer:
//!
//! - `POST /__emulator/validate` with `{"certificate_id": "scs…",
//!   "domain": "www.example.com", "fail": false}` (`domain` optional: all
//!   names; `fail: true` rejects the application): marks the names of a
//!   certificate under review validated and, once all are, issues it from
//!   the emulated public CA. Answers `{certificate_id, status, domains:
//!   [{domain, validation_status}]}`, or 404 (no such certificate or name),
//!   409 (not under review) with `EMU.BAD_VALIDATION` and the reason. The
//!   change is saved to `--state` like any other.
//!
//! The fault body has the fields of [`ccm_emulator::faults::FaultConfig`], all
//! optional: `{"latency_ms": 300, "error_rate": {"list_certificates": 0.5},
//! "malformed": ["scm.export_certificate"], "drop": ["POST
//! /v1/private-certificates"], "token_ttl_secs": 60, "seed": 7}`. A
//! cross-origin page cannot change them: a JSON body needs a CORS
//! preflight this route never grants, and an `Origin` other than the
//! server's own is refused.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::http::{header, HeaderValue, Request, Response, StatusCode};
use axum::routing::any;
use axum::Router;
use bytes::Bytes;
use ccm_api::Method;
use ccm_emulator::faults::{FaultConfig, FaultPlan, DELAY_HEADER, DROP_HEADER};
use ccm_emulator::ssl_orders::{ValidateError, ValidateRequest};
use ccm_emulator::{EmuRequest, Emulator};

use crate::proxy::{CutShort, LocalUpstream};
use crate::state_file::StateSaver;

/// Path of the fault admin endpoint.
pub const FAULTS_PATH: &str = "/__emulator/faults";
/// Path of the domain validation admin endpoint.
pub const VALIDATE_PATH: &str = "/__emulator/validate";

/// The emulator shared by every request; saved to `state_file` after each
/// change when one is given, before the change is answered.
#[derive(Clone)]
pub struct EmulatorUpstream {
    emulator: Arc<Mutex<Emulator>>,
    saver: Option<Arc<StateSaver>>,
    /// Changes made so far; only counted under the emulator's lock, so the
    /// numbers follow the order of the snapshots.
    changes: Arc<AtomicU64>,
}

/// One answer of the emulator and what the transport must do with it.
struct Answer {
    response: Response<Bytes>,
    delay: Option<Duration>,
    /// The state after this request's change, to be on disk before the
    /// answer leaves.
    snapshot: Option<Snapshot>,
}

struct Snapshot {
    number: u64,
    json: String,
}

impl EmulatorUpstream {
    pub fn new(emulator: Emulator, state_file: Option<PathBuf>) -> Self {
        EmulatorUpstream {
            emulator: Arc::new(Mutex::new(emulator)),
            saver: state_file.map(|path| Arc::new(StateSaver::new(path))),
            changes: Arc::new(AtomicU64::new(0)),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Emulator> {
        self.emulator.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The fault settings in force.
    pub fn faults(&self) -> FaultConfig {
        self.lock().faults.config().clone()
    }

    /// Replaces the fault settings; refused (unchanged) when not valid.
    pub fn set_faults(&self, config: FaultConfig) -> Result<(), String> {
        let plan = FaultPlan::new(config)?;
        self.lock().faults = plan;
        Ok(())
    }

    /// Validates domains of an SSL application (the admin endpoint); the
    /// change is saved like an API call's.
    pub fn validate(&self, req: &ValidateRequest) -> Result<serde_json::Value, ValidateError> {
        let now_ms = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or_default();
        let (answer, snapshot) = {
            let mut emu = self.lock();
            let answer = ccm_emulator::ssl_orders::validate(&mut emu, req, now_ms)?;
            let snapshot = self.saver.is_some().then(|| Snapshot {
                number: self.changes.fetch_add(1, Ordering::SeqCst) + 1,
                json: emu.state.to_json(),
            });
            (answer, snapshot)
        };
        if let Some(s) = snapshot {
            self.save(s);
        }
        Ok(answer)
    }

    /// Answers one request synchronously (the emulator does no I/O). An
    /// added latency is not waited for here; [`LocalUpstream::handle`]
    /// does that.
    pub fn answer(&self, req: &Request<Bytes>) -> Response<Bytes> {
        let answer = self.answer_with_faults(req);
        if let Some(snapshot) = answer.snapshot {
            self.save(snapshot);
        }
        answer.response
    }

    /// Writes a snapshot (blocking). A failed write is logged, and the
    /// change stays in memory.
    fn save(&self, snapshot: Snapshot) {
        if let Some(saver) = &self.saver {
            if let Err(e) = saver.save(snapshot.number, &snapshot.json) {
                tracing::warn!("could not save the emulator state: {e}");
            }
        }
    }

    fn answer_with_faults(&self, req: &Request<Bytes>) -> Answer {
        let Some(method) = method_of(req.method()) else {
            return Answer {
                response: plain(StatusCode::METHOD_NOT_ALLOWED, "method not supported"),
                delay: None,
                snapshot: None,
            };
        };
        let host = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let emu_req = EmuRequest {
            method,
            host,
            path: req.uri().path().to_owned(),
            raw_query: req.uri().query().unwrap_or_default().to_owned(),
            headers: req
                .headers()
                .iter()
                .filter_map(|(k, v)| Some((k.as_str().to_owned(), v.to_str().ok()?.to_owned())))
                .collect(),
            body: req.body().to_vec(),
        };
        let now_ms = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or_default();
        let (mut answer, snapshot) = {
            let mut emu = self.lock();
            let answer = emu.handle(&emu_req, now_ms);
            let changed = !method.is_idempotent_read();
            let snapshot = (changed && self.saver.is_some()).then(|| Snapshot {
                number: self.changes.fetch_add(1, Ordering::SeqCst) + 1,
                json: emu.state.to_json(),
            });
            (answer, snapshot)
        };
        // The fault headers are instructions for us, not for the client.
        let take = |answer: &mut ccm_emulator::EmuResponse, name: &str| {
            let found = answer.headers.iter().position(|(k, _)| k.eq_ignore_ascii_case(name));
            found.map(|i| answer.headers.remove(i).1)
        };
        let delay = take(&mut answer, DELAY_HEADER).and_then(|v| v.parse().ok()).map(Duration::from_millis);
        let dropped = take(&mut answer, DROP_HEADER).is_some();
        if dropped && answer.body.is_empty() {
            // A 204 has no body to cut: announce one that never comes.
            answer.status = if answer.status == 204 { 200 } else { answer.status };
            answer.body = b"{}".to_vec();
        }
        let mut response = Response::builder().status(answer.status);
        for (k, v) in &answer.headers {
            response = response.header(k, v);
        }
        if dropped {
            response = response
                .header(header::CONTENT_LENGTH, answer.body.len())
                .extension(CutShort { keep: answer.body.len() / 2 });
        }
        let response = response
            .body(Bytes::from(answer.body))
            .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "bad emulator answer"));
        Answer { response, delay, snapshot }
    }
}

impl LocalUpstream for EmulatorUpstream {
    fn handle(&self, req: Request<Bytes>) -> Pin<Box<dyn Future<Output = Response<Bytes>> + Send>> {
        let Answer { response, delay, snapshot } = self.answer_with_faults(&req);
        let this = self.clone();
        Box::pin(async move {
            // The write waits for the disk (fsync): off the async workers.
            if let Some(snapshot) = snapshot {
                let saved = tokio::task::spawn_blocking(move || this.save(snapshot)).await;
                if let Err(e) = saved {
                    tracing::warn!("the emulator state save did not finish: {e}");
                }
            }
            if let Some(d) = delay {
                tokio::time::sleep(d).await;
            }
            response
        })
    }
}

/// The admin endpoints (faults, domain validation), for the server's root
/// router.
pub fn admin_routes(upstream: EmulatorUpstream) -> Router {
    let for_validate = upstream.clone();
    Router::new()
        .route(FAULTS_PATH, any(move |req: Request<Body>| admin(upstream.clone(), req)))
        .route(VALIDATE_PATH, any(move |req: Request<Body>| validate(for_validate.clone(), req)))
}

async fn validate(upstream: EmulatorUpstream, req: Request<Body>) -> Response<Body> {
    let refuse = |status: StatusCode, message: &str| admin_error(VALIDATE_ERROR, status, message);
    if !same_origin(&req) {
        return refuse(StatusCode::FORBIDDEN, "domains can only be validated from this server's own origin");
    }
    if req.method() != axum::http::Method::POST {
        return refuse(StatusCode::METHOD_NOT_ALLOWED, "use POST");
    }
    let request: ValidateRequest = match read_json_body(req, "{\"certificate_id\": …}", "a validation request").await {
        Ok(r) => r,
        Err((status, message)) => return refuse(status, &message),
    };
    match upstream.validate(&request) {
        Ok(answer) => {
            tracing::info!(certificate = %request.certificate_id, domain = ?request.domain, fail = request.fail, "emulator domain validation");
            json_response(StatusCode::OK, serde_json::to_vec(&answer).unwrap_or_default())
        }
        Err(ValidateError { status, message }) => {
            refuse(StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST), &message)
        }
    }
}

async fn admin(upstream: EmulatorUpstream, req: Request<Body>) -> Response<Body> {
    if !same_origin(&req) {
        return admin_error(FAULTS_ERROR, StatusCode::FORBIDDEN, "the fault settings can only be changed from this server's own origin");
    }
    match req.method().as_str() {
        "GET" => {}
        "DELETE" => {
            let _ = upstream.set_faults(FaultConfig::default());
            tracing::info!("emulator faults cleared");
        }
        "POST" | "PUT" => {
            let config: FaultConfig = match read_json_body(req, "the fault settings", "fault settings").await {
                Ok(c) => c,
                Err((status, message)) => return admin_error(FAULTS_ERROR, status, &message),
            };
            if let Err(e) = upstream.set_faults(config) {
                return admin_error(FAULTS_ERROR, StatusCode::BAD_REQUEST, &e);
            }
            tracing::info!(faults = %serde_json::to_string(&upstream.faults()).unwrap_or_default(), "emulator faults changed");
        }
        _ => return admin_error(FAULTS_ERROR, StatusCode::METHOD_NOT_ALLOWED, "use GET, POST, PUT or DELETE"),
    }
    json_response(StatusCode::OK, serde_json::to_vec(&upstream.faults()).unwrap_or_default())
}

/// No `Origin` (curl, scripts, Playwright's request API) or this server's own.
fn same_origin(req: &Request<Body>) -> bool {
    let Some(origin) = req.headers().get(header::ORIGIN).and_then(|o| o.to_str().ok()) else { return true };
    let host = req.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://")).is_some_and(|o| !host.is_empty() && o == host)
}

/// The error codes of the two admin endpoints.
const FAULTS_ERROR: &str = "EMU.BAD_FAULTS";
const VALIDATE_ERROR: &str = "EMU.BAD_VALIDATION";

fn admin_error(code: &str, status: StatusCode, message: &str) -> Response<Body> {
    let body = serde_json::json!({ "error_code": code, "error_msg": message });
    json_response(status, serde_json::to_vec(&body).unwrap_or_default())
}

/// An admin call's JSON body, or the status and message to refuse it with:
/// `shape` says what to send, `kind` what the body should have been.
async fn read_json_body<T: serde::de::DeserializeOwned>(req: Request<Body>, shape: &str, kind: &str) -> Result<T, (StatusCode, String)> {
    let json = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !json {
        return Err((StatusCode::UNSUPPORTED_MEDIA_TYPE, format!("send {shape} as application/json")));
    }
    let Ok(body) = axum::body::to_bytes(req.into_body(), 64 * 1024).await else {
        return Err((StatusCode::PAYLOAD_TOO_LARGE, "the body is too large".to_owned()));
    };
    serde_json::from_slice(&body).map_err(|e| (StatusCode::BAD_REQUEST, format!("not {kind}: {e}")))
}

fn json_response(status: StatusCode, body: Vec<u8>) -> Response<Body> {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn method_of(m: &axum::http::Method) -> Option<Method> {
    Some(match m.as_str() {
        "GET" => Method::Get,
        "POST" => Method::Post,
        "PUT" => Method::Put,
        "DELETE" => Method::Delete,
        "HEAD" => Method::Head,
        _ => return None,
    })
}

fn plain(status: StatusCode, text: &'static str) -> Response<Bytes> {
    let mut r = Response::new(Bytes::from_static(text.as_bytes()));
    *r.status_mut() = status;
    r
}

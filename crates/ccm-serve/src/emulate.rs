//! `--emulate`: the CCM, SCM and IAM hosts answered in-process by
//! ccm-emulator, behind the proxy and at the server's root (`/v1/…`,
//! `/v3/…`) so that SDKs and curl can use this server as their endpoint.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::{header, Request, Response, StatusCode};
use bytes::Bytes;
use ccm_api::Method;
use ccm_emulator::{EmuRequest, Emulator};

use crate::proxy::LocalUpstream;

/// The emulator shared by every request; saved to `state_file` after each
/// change when one is given.
#[derive(Clone)]
pub struct EmulatorUpstream {
    emulator: Arc<Mutex<Emulator>>,
    state_file: Option<PathBuf>,
}

impl EmulatorUpstream {
    pub fn new(emulator: Emulator, state_file: Option<PathBuf>) -> Self {
        EmulatorUpstream { emulator: Arc::new(Mutex::new(emulator)), state_file }
    }

    /// Answers one request synchronously (the emulator does no I/O).
    pub fn answer(&self, req: &Request<Bytes>) -> Response<Bytes> {
        let Some(method) = method_of(req.method()) else {
            return plain(StatusCode::METHOD_NOT_ALLOWED, "method not supported");
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
        let (answer, snapshot) = {
            let mut emu = self.emulator.lock().unwrap_or_else(|p| p.into_inner());
            let answer = emu.handle(&emu_req, now_ms);
            let changed = !method.is_idempotent_read();
            (answer, (changed && self.state_file.is_some()).then(|| emu.state.to_json()))
        };
        if let (Some(path), Some(json)) = (&self.state_file, snapshot) {
            if let Err(e) = std::fs::write(path, json) {
                tracing::warn!("could not save the emulator state: {e}");
            }
        }
        let mut response = Response::builder().status(answer.status);
        for (k, v) in &answer.headers {
            response = response.header(k, v);
        }
        response.body(Bytes::from(answer.body)).unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "bad emulator answer"))
    }
}

impl LocalUpstream for EmulatorUpstream {
    fn handle(&self, req: Request<Bytes>) -> Pin<Box<dyn Future<Output = Response<Bytes>> + Send>> {
        let answer = self.answer(&req);
        Box::pin(async move { answer })
    }
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

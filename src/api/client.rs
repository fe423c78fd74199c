//! The API handle a view uses. Requests it sends are aborted when the view
//! goes away; reads are retried with backoff, writes never.

use ccm_api::{ApiError, ApiRequest};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use web_sys::AbortController;

use super::activity::{use_activity_log, ActivityEntry, ActivityLog};
use super::inspect::{AuthKind, RequestSnapshot};
use super::retry::next_delay;
use super::transport::{prepare, send_once, Connection, Prepared, RawResponse};
use crate::state::credential::Credential;
use crate::state::session::{use_session, Session};

#[derive(Clone, Copy)]
pub struct Api {
    session: Session,
    aborter: StoredValue<SendWrapper<Option<AbortController>>>,
    activity: Option<ActivityLog>,
}

/// An API handle tied to the calling view's lifetime.
pub fn use_api() -> Api {
    let controller = SendWrapper::new(AbortController::new().ok());
    let aborter = StoredValue::new(controller);
    Owner::on_cleanup(move || {
        aborter.try_with_value(|c| {
            if let Some(c) = c.as_ref() {
                c.abort();
            }
        });
    });
    Api { session: use_session(), aborter, activity: use_activity_log() }
}

impl Api {
    /// Sends `req` and returns the raw answer. Every attempt is written to
    /// the activity log (masked), whatever its outcome.
    pub async fn raw(&self, req: ApiRequest) -> Result<RawResponse, ApiError> {
        let conn = self
            .session
            .connection()
            .ok_or_else(|| ApiError::NotSignedIn("create a connection profile on the Settings page".into()))?;
        let signal = self
            .aborter
            .try_with_value(|c| c.as_ref().map(|c| c.signal()))
            .ok_or(ApiError::Aborted)?;
        let mut attempt = 0;
        loop {
            let started = js_sys::Date::now();
            let result = match prepare(&conn, &req, started) {
                Ok(prepared) => {
                    let r = send_once(&prepared, &req, signal.as_ref()).await;
                    self.log(&conn, &req, &prepared, started, attempt + 1, &r);
                    r
                }
                Err(e) => Err(e),
            };
            match result {
                Ok(r) => return Ok(r),
                Err(e) => match next_delay(req.method, attempt, &e) {
                    Some(ms) => {
                        gloo_timers::future::TimeoutFuture::new(ms).await;
                        attempt += 1;
                    }
                    None => return Err(e),
                },
            }
        }
    }

    /// What `req` would look like if sent now, masked: for the "show
    /// request" panel of a form, before anything is sent.
    pub fn preview(&self, req: &ApiRequest) -> Option<RequestSnapshot> {
        let conn = self.session.connection()?;
        let prepared = prepare(&conn, req, js_sys::Date::now()).ok()?;
        Some(snapshot(&conn, req, &prepared))
    }

    fn log(
        &self,
        conn: &Connection,
        req: &ApiRequest,
        prepared: &Prepared,
        started: f64,
        attempt: usize,
        result: &Result<RawResponse, ApiError>,
    ) {
        let Some(log) = self.activity else { return };
        let (status, error_code, error_message) = match result {
            Ok(r) => (Some(r.status), None, None),
            Err(e) => (e.status(), Some(error_code(e)), Some(e.to_string())),
        };
        log.record(ActivityEntry {
            id: 0,
            at_ms: started,
            duration_ms: js_sys::Date::now() - started,
            status,
            error_code,
            error_message,
            attempt,
            request: snapshot(conn, req, prepared),
        });
    }

    /// Sends `req` and reads the JSON answer as `T`.
    pub async fn json<T: DeserializeOwned>(&self, req: ApiRequest) -> Result<T, ApiError> {
        let r = self.raw(req).await?;
        serde_json::from_slice(&r.body).map_err(|e| ApiError::Decode { status: r.status, detail: e.to_string() })
    }

    /// Sends `req` for its effect (the live service answers 204).
    pub async fn send(&self, req: ApiRequest) -> Result<(), ApiError> {
        self.raw(req).await.map(|_| ())
    }

    pub fn session(&self) -> Session {
        self.session
    }
}

/// The masked record of one prepared request.
fn snapshot(conn: &Connection, req: &ApiRequest, prepared: &Prepared) -> RequestSnapshot {
    let auth = match (&conn.credential, req.operation.as_str()) {
        (_, "keystone_create_user_token_by_password") | (None, _) => AuthKind::None,
        (Some(Credential::Token { .. }), _) => AuthKind::Token,
        (Some(Credential::AccessKey { .. }), _) => AuthKind::AccessKey,
    };
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    RequestSnapshot::new(
        req,
        conn.endpoints.host(req.service),
        &prepared.url,
        &origin,
        &prepared.headers,
        auth,
        &conn.domain_id,
    )
}

/// The log's "error code": the service's, or what kind of failure it was.
fn error_code(e: &ApiError) -> String {
    match e {
        ApiError::Service { code, .. } => code.clone(),
        ApiError::Http { status, .. } => format!("HTTP {status}"),
        ApiError::Network(_) => "network".into(),
        ApiError::Decode { .. } => "unreadable answer".into(),
        ApiError::Aborted => "cancelled".into(),
        ApiError::NotSignedIn(_) => "not signed in".into(),
    }
}

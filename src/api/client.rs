//! The API handle a view uses. Requests it sends are aborted when the view
//! goes away; reads are retried with backoff, writes never.

use ccm_api::{ApiError, ApiRequest};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use web_sys::AbortSignal;

use super::activity::{use_activity_log, ActivityEntry, ActivityLog};
use super::in_flight::{use_in_flight, Backoff, InFlight};
use super::inspect::{AuthKind, RequestSnapshot};
use super::retry::{max_attempts, next_delay, BackoffReason};
use super::connection::Connection;
use super::transport::{prepare, send_once, Prepared, RawResponse};
use crate::state::credential::Credential;
use crate::state::session::{use_session, Session};

#[derive(Clone, Copy)]
pub struct Api {
    session: Session,
    in_flight: InFlight,
    /// This handle's id: its requests are abandoned when the view goes.
    owner: u64,
    /// Disposed with the view: a request started after that is abandoned.
    alive: StoredValue<()>,
    activity: Option<ActivityLog>,
}

/// An API handle tied to the calling view's lifetime.
pub fn use_api() -> Api {
    let in_flight = use_in_flight();
    let owner = in_flight.next_id();
    Owner::on_cleanup(move || in_flight.abandon_owner(owner));
    Api { session: use_session(), in_flight, owner, alive: StoredValue::new(()), activity: use_activity_log() }
}

impl Api {
    /// Sends `req` and returns the raw answer. Reads are tried again after
    /// transient failures (see `retry.rs`); the wait shows in the
    /// pending-requests indicator, where the user can cancel it. Every
    /// attempt is written to the activity log (masked), whatever its outcome.
    pub async fn raw(&self, req: ApiRequest) -> Result<RawResponse, ApiError> {
        // The route may have sent this read already, while the page's code
        // was loading (prefetch.rs).
        if let Some(arriving) = super::prefetch::take(&req) {
            match arriving.await {
                // Abandoned with the route that started it: ask ourselves.
                Err(ApiError::Aborted) => {}
                answer => return answer,
            }
        }
        self.send_now(req).await
    }

    /// Sends each read in `reqs` now, for the page that is about to ask for
    /// it: a route's first reads, while its page's code loads
    /// (prefetch.rs). [`Api::raw`] then takes the answer on its way.
    pub fn prefetch(self, reqs: Vec<ApiRequest>) {
        super::prefetch::start(reqs, move |req| self.send_now(req));
    }

    /// [`Api::raw`] without looking for a prefetched answer.
    async fn send_now(self, req: ApiRequest) -> Result<RawResponse, ApiError> {
        let conn = self
            .session
            .connection()
            .ok_or_else(|| ApiError::NotSignedIn("create a connection profile on the Settings page".into()))?;
        if self.alive.try_get_value().is_none() {
            return Err(ApiError::Aborted);
        }
        let (id, signal) = self.in_flight.start(self.owner, &req.operation, req.method);
        let result = self.attempts(&conn, &req, id, signal.as_ref()).await;
        let result = match result {
            Err(ApiError::Aborted) if self.in_flight.was_cancelled(id) => Err(ApiError::Cancelled),
            other => other,
        };
        self.in_flight.finish(id);
        if let Err(e) = &result {
            // Only a credential the service refused: someone who never
            // signed in gets the page's own "not signed in" error instead.
            if e.status() == Some(401) && self.session.is_signed_in() && !is_sign_in_call(&req) {
                // The credential expired or was refused: ask for a new one
                // where the user is, without losing what is on the page.
                self.session.needs_sign_in.try_set(true);
            }
        }
        result
    }

    async fn attempts(
        &self,
        conn: &Connection,
        req: &ApiRequest,
        id: u64,
        signal: Option<&AbortSignal>,
    ) -> Result<RawResponse, ApiError> {
        let mut attempt = 0;
        loop {
            let started = js_sys::Date::now();
            // Prepared (and signed) again each time: an AK/SK signature is dated.
            let prepared = prepare(conn, req, started)?;
            let result = send_once(&prepared, req, signal).await;
            self.log(conn, req, &prepared, started, attempt + 1, result.as_ref().map_err(|f| &f.error));
            let failure = match result {
                Ok(r) => return Ok(r),
                Err(f) => f,
            };
            let Some(delay) = next_delay(req.method, attempt, &failure.error, failure.retry_after_secs) else {
                return Err(failure.error);
            };
            attempt += 1;
            self.in_flight.set_backoff(
                id,
                Some(Backoff {
                    until_ms: js_sys::Date::now() + f64::from(delay),
                    next_attempt: attempt + 1,
                    max_attempts: max_attempts(&failure.error),
                    reason: BackoffReason::of(&failure.error),
                }),
            );
            wait_unless_aborted(delay, signal).await?;
            self.in_flight.set_backoff(id, None);
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
        result: Result<&RawResponse, &ApiError>,
    ) {
        let Some(log) = self.activity else { return };
        let (status, error) = match result {
            Ok(r) => (Some(r.status), None),
            Err(e) => (e.status(), Some(e.clone())),
        };
        log.record(ActivityEntry {
            id: 0,
            at_ms: started,
            duration_ms: js_sys::Date::now() - started,
            status,
            error,
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

/// Sleeps `ms`, waking early with [`ApiError::Aborted`] when the request is
/// cancelled or its view goes away.
async fn wait_unless_aborted(ms: u32, signal: Option<&AbortSignal>) -> Result<(), ApiError> {
    const STEP_MS: u32 = 100;
    let mut left = ms;
    while left > 0 {
        if signal.is_some_and(AbortSignal::aborted) {
            return Err(ApiError::Aborted);
        }
        let step = left.min(STEP_MS);
        gloo_timers::future::TimeoutFuture::new(step).await;
        left -= step;
    }
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(ApiError::Aborted);
    }
    Ok(())
}

/// The sign-in call itself answers 401 for a wrong password: that is the
/// form's error, not an expired session.
fn is_sign_in_call(req: &ApiRequest) -> bool {
    req.operation == "keystone_create_user_token_by_password"
}

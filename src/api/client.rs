//! The API handle a view uses. Requests it sends are aborted when the view
//! goes away; reads are retried with backoff, writes never.

use ccm_api::{ApiError, ApiRequest};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use web_sys::AbortController;

use super::retry::next_delay;
use super::transport::{send_once, RawResponse};
use crate::state::session::{use_session, Session};

#[derive(Clone, Copy)]
pub struct Api {
    session: Session,
    aborter: StoredValue<SendWrapper<Option<AbortController>>>,
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
    Api { session: use_session(), aborter }
}

impl Api {
    /// Sends `req` and returns the raw answer.
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
            match send_once(&conn, &req, signal.as_ref()).await {
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

//! The requests on their way, app-wide: what the pending-requests
//! indicator shows, and how one is cancelled. Each request has its own
//! `AbortController`; a view that goes away aborts the requests it started
//! (nobody waits for them), the Cancel button aborts one the user no longer
//! wants to wait for, and the caller then gets [`ApiError::Cancelled`].
//!
//! [`ApiError::Cancelled`]: ccm_api::ApiError::Cancelled

use std::collections::HashMap;

use ccm_api::Method;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use web_sys::{AbortController, AbortSignal};

/// One request, as the indicator shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingRequest {
    pub id: u64,
    /// The `use_api` handle (one per view) that sent it.
    pub owner: u64,
    pub operation: String,
    pub method: Method,
    pub started_ms: f64,
    /// Set while the request waits to be tried again.
    pub backoff: Option<Backoff>,
    /// The user pressed Cancel.
    pub cancelled: bool,
}

/// A read waiting before its next attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct Backoff {
    /// When the next attempt goes (browser clock, ms).
    pub until_ms: f64,
    /// The attempt that will be sent next (2 for the first repeat).
    pub next_attempt: usize,
    pub max_attempts: usize,
    /// Why it waits; the indicator words it.
    pub reason: super::retry::BackoffReason,
}

#[derive(Clone, Copy)]
pub struct InFlight {
    pending: RwSignal<Vec<PendingRequest>>,
    controllers: StoredValue<SendWrapper<HashMap<u64, AbortController>>>,
    next_id: StoredValue<u64>,
}

pub fn provide_in_flight() {
    provide_context(InFlight::new());
}

/// The app's tracker, or a private one where none is provided (native
/// tests of components, a view rendered on its own).
pub fn use_in_flight() -> InFlight {
    use_context::<InFlight>().unwrap_or_else(InFlight::new)
}

impl InFlight {
    fn new() -> InFlight {
        InFlight {
            pending: RwSignal::new(Vec::new()),
            controllers: StoredValue::new(SendWrapper::new(HashMap::new())),
            next_id: StoredValue::new(1),
        }
    }

    /// A fresh id, for a request or for a `use_api` owner.
    pub fn next_id(&self) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    /// Registers a request about to be sent; its signal aborts on Cancel or
    /// when its owner goes away.
    pub fn start(&self, owner: u64, operation: &str, method: Method) -> (u64, Option<AbortSignal>) {
        let id = self.next_id();
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        if let Some(c) = controller {
            self.controllers.update_value(|m| {
                m.insert(id, c);
            });
        }
        self.pending.update(|list| {
            list.push(PendingRequest {
                id,
                owner,
                operation: operation.to_owned(),
                method,
                started_ms: js_sys::Date::now(),
                backoff: None,
                cancelled: false,
            })
        });
        (id, signal)
    }

    pub fn set_backoff(&self, id: u64, backoff: Option<Backoff>) {
        self.pending.update(|list| {
            if let Some(p) = list.iter_mut().find(|p| p.id == id) {
                p.backoff = backoff;
            }
        });
    }

    /// The request is over, whatever its outcome.
    pub fn finish(&self, id: u64) {
        self.controllers.update_value(|m| {
            m.remove(&id);
        });
        self.pending.update(|list| list.retain(|p| p.id != id));
    }

    /// The user's Cancel: aborts the request and remembers why.
    pub fn cancel(&self, id: u64) {
        self.pending.update(|list| {
            if let Some(p) = list.iter_mut().find(|p| p.id == id) {
                p.cancelled = true;
            }
        });
        self.abort(id);
    }

    pub fn was_cancelled(&self, id: u64) -> bool {
        self.pending.with_untracked(|list| list.iter().any(|p| p.id == id && p.cancelled))
    }

    /// A view went away: abort every request it is still waiting for.
    pub fn abandon_owner(&self, owner: u64) {
        let ids: Vec<u64> = self
            .pending
            .try_with_untracked(|list| list.iter().filter(|p| p.owner == owner).map(|p| p.id).collect())
            .unwrap_or_default();
        for id in ids {
            self.abort(id);
        }
    }

    fn abort(&self, id: u64) {
        self.controllers.try_with_value(|m| {
            if let Some(c) = m.get(&id) {
                c.abort();
            }
        });
    }

    /// The requests now on their way, oldest first.
    pub fn pending(&self) -> Signal<Vec<PendingRequest>> {
        self.pending.into()
    }
}

//! One helper for every lifecycle action (disable, revoke, delete, …): the
//! confirmation that is open, the request behind it, the notice and the
//! refresh once the service confirmed, and the error otherwise, titled so
//! that a cut-off answer says the change may have been made.

use ccm_api::{ApiError, ApiRequest};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::Api;
use crate::components::api_error::{change_failed_title, ApiErrorView};
use crate::components::notifications::{use_notifications, Notifications};

pub struct ActionRunner<A: Send + Sync + 'static> {
    open: RwSignal<Option<A>>,
    pending: RwSignal<bool>,
    error: RwSignal<Option<ApiError>>,
    notify: Notifications,
}

impl<A: Send + Sync + 'static> Clone for ActionRunner<A> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<A: Send + Sync + 'static> Copy for ActionRunner<A> {}

impl<A: Clone + Send + Sync + 'static> ActionRunner<A> {
    pub fn new() -> Self {
        ActionRunner { open: RwSignal::new(None), pending: RwSignal::new(false), error: RwSignal::new(None), notify: use_notifications() }
    }

    /// Opens the confirmation for `action`, clearing the last error.
    pub fn open(&self, action: A) {
        self.error.set(None);
        self.open.set(Some(action));
    }

    pub fn cancel(&self) {
        self.open.set(None);
    }

    /// The action whose confirmation is open (tracked).
    pub fn opened(&self) -> Option<A> {
        self.open.get()
    }

    /// True while a request runs: the confirm button is disabled.
    pub fn pending(&self) -> RwSignal<bool> {
        self.pending
    }

    /// Sends `req`; once the service confirms, closes the confirmation,
    /// shows `notice` and runs `then` (record, refresh the rows, leave).
    pub fn send(&self, api: Api, req: ApiRequest, notice: String, then: impl FnOnce() + 'static) {
        let runner = *self;
        runner.pending.set(true);
        runner.error.set(None);
        spawn_local(async move {
            let result = api.send(req).await;
            runner.pending.try_set(false);
            match result {
                Ok(()) => {
                    runner.open.try_set(None);
                    runner.notify.success(notice);
                    then();
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    runner.error.try_set(Some(e));
                }
            }
        });
    }

    /// The error of the last send, if it failed (tracked).
    pub fn error(&self) -> Option<ApiError> {
        self.error.get()
    }
}

impl<A: Clone + Send + Sync + 'static> Default for ActionRunner<A> {
    fn default() -> Self {
        Self::new()
    }
}

/// The failed action's error: `not_done` when the service refused, or a
/// warning that the change may have been made when the answer was lost.
#[component]
pub fn ActionError<A: Clone + Send + Sync + 'static>(
    runner: ActionRunner<A>,
    #[prop(default = "The action failed")] not_done: &'static str,
) -> impl IntoView {
    move || {
        runner.error().map(|e| {
            let title = change_failed_title(&e, not_done, "No confirmation from the service: the change may have been made; reload to see");
            view! { <ApiErrorView title error=e /> }
        })
    }
}

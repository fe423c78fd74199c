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
use crate::i18n::{td_string, use_locale};

/// The confirmation that is open (which action, of the page's own type)
/// and the state every action shares.
pub struct ActionRunner<A: Send + Sync + 'static> {
    open: RwSignal<Option<A>>,
    pub state: ActionState,
}

/// What does not depend on the kind of action: the pending flag, the
/// error, and the send itself (one copy of it for every action page).
#[derive(Clone, Copy)]
pub struct ActionState {
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
        let state = ActionState { pending: RwSignal::new(false), error: RwSignal::new(None), notify: use_notifications() };
        ActionRunner { open: RwSignal::new(None), state }
    }

    /// Opens the confirmation for `action`, clearing the last error.
    pub fn open(&self, action: A) {
        self.state.error.set(None);
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
        self.state.pending
    }

    /// Sends `req`; once the service confirms, closes the confirmation,
    /// shows `notice` and runs `then` (record, refresh the rows, leave).
    pub fn send(&self, api: Api, req: ApiRequest, notice: String, then: impl FnOnce() + 'static) {
        let open = self.open;
        self.state.send(
            api,
            req,
            notice,
            Box::new(move || {
                open.try_set(None);
                then();
            }),
        );
    }
}

impl ActionState {
    fn send(self, api: Api, req: ApiRequest, notice: String, done: Box<dyn FnOnce()>) {
        self.pending.set(true);
        self.error.set(None);
        spawn_local(async move {
            let result = api.send(req).await;
            self.pending.try_set(false);
            match result {
                Ok(()) => {
                    self.notify.success(notice);
                    done();
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    self.error.try_set(Some(e));
                }
            }
        });
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
pub fn ActionError(
    state: ActionState,
    /// "The action failed" unless the page says what was not done.
    #[prop(optional)]
    not_done: Option<&'static str>,
) -> impl IntoView {
    let locale = use_locale();
    let not_done = not_done.unwrap_or(td_string!(locale, forms.action_failed));
    move || {
        state.error.get().map(|e| {
            let title = change_failed_title(&e, not_done, td_string!(locale, forms.action_unsure));
            view! { <ApiErrorView title error=e /> }
        })
    }
}

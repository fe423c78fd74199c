//! A request form's state, shared by every form: the draft checked into a
//! request on every edit, the errors shown (see `shown.rs`), the required
//! markers from the contract's field rules, the request previewed before
//! sending, and the send itself (one click, one request; a failure keeps
//! the input and shows the service's error).

use ccm_api::validate::{rule_set, RuleSet, ValidationError};
use ccm_api::{ApiError, ApiRequest, Service};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;

use super::rule_words::localized;
use super::shown::{message_at, message_under, Shown};
use crate::api::client::Api;
use crate::api::transport::RawResponse;
use crate::components::submit_guard::SubmitGuard;
use crate::i18n::use_locale;

/// What a draft checks into: the request, or every problem by wire path.
pub type Checked = Result<ApiRequest, Vec<ValidationError>>;

#[derive(Clone, Copy)]
pub struct RequestForm {
    rules: Option<&'static RuleSet>,
    checked: Memo<Checked>,
    shown: RwSignal<Shown>,
    /// The request the user reviewed; any edit clears it.
    pub preview: RwSignal<Option<ApiRequest>>,
    guard: SubmitGuard,
    /// The service's answer to the last send, when it failed.
    pub api_error: RwSignal<Option<ApiError>>,
}

impl RequestForm {
    /// `check` turns the current draft into the request (reading the
    /// draft's signals, so it runs again on every edit); `operation` names
    /// the contract's rules for the required markers.
    pub fn new(service: Service, operation: &str, check: impl Fn() -> Checked + Send + Sync + 'static) -> RequestForm {
        // The rules' problems in the user's language (the app is drawn
        // again when it changes).
        let locale = use_locale();
        let checked = Memo::new(move |_| check().map_err(|e| localized(e, locale)));
        let preview = RwSignal::new(None::<ApiRequest>);
        // An edit changes the request (or its errors): what was reviewed
        // is no longer what would be sent.
        Effect::new(move |_| {
            checked.track();
            preview.set(None);
        });
        RequestForm {
            rules: rule_set(service, operation),
            checked,
            shown: RwSignal::new(Shown::default()),
            preview,
            guard: SubmitGuard::new(),
            api_error: RwSignal::new(None),
        }
    }

    /// Whether the contract requires the field at this wire path.
    pub fn required(&self, path: &str) -> bool {
        self.rules.and_then(|r| r.field(path)).is_some_and(|f| f.required)
    }

    fn shown_errors(&self) -> Vec<ValidationError> {
        let errors = self.checked.with(|c| c.as_ref().err().cloned().unwrap_or_default());
        self.shown.with(|s| s.filter(&errors))
    }

    /// The message shown for a field (or a field inside it).
    pub fn error_for(&self, path: &'static str) -> Signal<Option<String>> {
        let form = *self;
        Signal::derive(move || message_under(&form.shown_errors(), path))
    }

    /// The message for exactly one path (list entries: `…[2].value`).
    pub fn exact_error_lookup(&self) -> Callback<String, Option<String>> {
        let form = *self;
        Callback::new(move |path: String| message_at(&form.shown_errors(), &path))
    }

    /// The user left the field: its errors show from now on.
    pub fn leave(&self, path: &str) {
        if !self.shown.with_untracked(|s| s.left.contains(path)) {
            self.shown.update(|s| {
                s.left.insert(path.to_owned());
            });
        }
    }

    pub fn on_leave(&self, path: &'static str) -> Callback<()> {
        let form = *self;
        Callback::new(move |_| form.leave(path))
    }

    /// "Review request": every error shows, and a valid request is
    /// previewed.
    pub fn review(&self, ev: leptos::ev::SubmitEvent) {
        ev.prevent_default();
        self.preview.set(self.request_now());
    }

    /// Every error shows from now on; the request when nothing is wrong.
    /// (A confirmation dialog sends it at once, without a preview.)
    pub fn request_now(&self) -> Option<ApiRequest> {
        self.shown.update(|s| s.reviewed = true);
        self.checked.get_untracked().ok()
    }

    /// Reviewed, and something is still wrong (nothing was sent).
    pub fn needs_attention(&self) -> bool {
        self.shown.with(|s| s.reviewed) && self.checked.with(|c| c.is_err())
    }

    /// True while the request runs (and just after: see `SubmitGuard`).
    pub fn pending(&self) -> Signal<bool> {
        self.guard.pending.into()
    }

    /// Sends the previewed request once; `on_ok` gets the decoded answer.
    /// A failure lands in `api_error`, and the draft stays as typed.
    pub fn sender<T: DeserializeOwned + 'static>(&self, api: Api, on_ok: impl Fn(T) + Copy + Send + Sync + 'static) -> Callback<()> {
        // Only the decoding is per answer type; the send is one function
        // for every form (wasm size).
        self.send_and(
            api,
            Callback::new(move |r: RawResponse| {
                let answer = serde_json::from_slice::<T>(&r.body).map_err(|e| ApiError::Decode { status: r.status, detail: e.to_string() })?;
                on_ok(answer);
                Ok(())
            }),
        )
    }

    fn send_and(&self, api: Api, on_answer: Callback<RawResponse, Result<(), ApiError>>) -> Callback<()> {
        let form = *self;
        Callback::new(move |_| {
            let Some(req) = form.preview.get_untracked() else { return };
            // Checked before anything changes: an ignored second click
            // must not clear the error the first one is showing.
            if !form.guard.ready() || !form.guard.begin() {
                return;
            }
            form.api_error.set(None);
            spawn_local(async move {
                let answer = api.raw(req).await;
                form.guard.end();
                // `try_run`: the page may be gone by the time the answer is.
                match answer.and_then(|r| on_answer.try_run(r).unwrap_or(Ok(()))) {
                    Ok(()) | Err(ApiError::Aborted) => {}
                    Err(e) => {
                        form.api_error.try_set(Some(e));
                    }
                }
            });
        })
    }
}

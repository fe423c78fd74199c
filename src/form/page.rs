//! What every request page shares around its own fields: the opening
//! (the API handle, notifications, where to go once sent) and the frame
//! (heading, the error of a failed read the form needs, the `<form>` that
//! reviews on submit, "Review request", then the request and its send).

use ccm_api::ApiError;
use leptos::prelude::*;

use super::request_form::RequestForm;
use super::review::{ReviewButton, SendPanel};
use crate::api::client::{use_api, Api};
use crate::components::api_error::ApiErrorView;
use crate::components::notifications::{use_notifications, Notifications};
use crate::i18n::{td_string, use_locale};

/// The page's handles, taken once at its start.
#[derive(Clone, Copy)]
pub struct FormPage {
    pub api: Api,
    pub notify: Notifications,
    go_to: RwSignal<Option<String>>,
}

impl FormPage {
    pub fn open() -> FormPage {
        let go_to = RwSignal::new(None::<String>);
        let navigate = leptos_router::hooks::use_navigate();
        // A signal rather than the navigate function: the send callback
        // sets it and stays `Copy`.
        Effect::new(move |_| {
            if let Some(path) = go_to.get() {
                navigate(&path, Default::default());
            }
        });
        FormPage { api: use_api(), notify: use_notifications(), go_to }
    }

    /// The service confirmed: say so and open `path`.
    pub fn done(&self, message: String, path: String) {
        self.notify.success(message);
        self.go_to.try_set(Some(path));
    }
}

/// The frame of a request page; `children` are its fieldsets.
#[component]
pub fn FormFrame(
    form: RequestForm,
    heading: &'static str,
    /// A link above the form: (href, text).
    #[prop(optional)]
    back: Option<(&'static str, &'static str)>,
    /// What the form reads first (the CAs) and could not; a form that
    /// reads nothing first leaves both out.
    #[prop(optional)]
    load_error: Option<RwSignal<Option<ApiError>>>,
    #[prop(optional)]
    load_title: &'static str,
    on_send: Callback<()>,
    send_label: &'static str,
    #[prop(optional)] sending_label: Option<&'static str>,
    not_done: &'static str,
    unsure: &'static str,
    children: Children,
) -> impl IntoView {
    let sending_label = sending_label.unwrap_or(td_string!(use_locale(), forms.sending));
    view! {
        <h1>{heading}</h1>
        {back.map(|(href, text)| view! { <p><a href=href>{text}</a></p> })}
        {move || load_error.and_then(|e| e.get()).map(|e| view! { <ApiErrorView title=load_title error=e /> })}
        <form class="panel wizard" on:submit=move |ev| form.review(ev) novalidate>
            {children()}
            <ReviewButton form />
        </form>
        <SendPanel form on_send send_label sending_label not_done unsure />
    }
}

//! The end of every request form: "Review request" (errors all show, a
//! valid request is previewed), then the exact request with the button
//! that sends it, and the service's error if sending failed.

use leptos::prelude::*;

use super::request_form::RequestForm;
use crate::components::api_error::{change_failed_title, ApiErrorView};
use crate::i18n::{td_string, use_locale};

/// The submit button and, after a review with problems, the notice that
/// nothing was sent.
#[component]
pub fn ReviewButton(form: RequestForm) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="actions">
            // No blur on press: leaving the field would show its error,
            // move the button down, and the release would miss it.
            <button type="submit" class="primary" on:mousedown=|ev| ev.prevent_default()>{td_string!(locale, forms.review_request)}</button>
        </div>
        {move || form.needs_attention().then(|| view! {
            <p class="field-error" role="alert">{td_string!(locale, forms.needs_attention)}</p>
        })}
    }
}

/// The reviewed request (method, path, JSON body) with its send button,
/// disabled while it runs so one click sends one request; then the error,
/// titled `not_done`, or `unsure` when the answer was cut off and the
/// change may have been made.
#[component]
pub fn SendPanel(
    form: RequestForm,
    on_send: Callback<()>,
    send_label: &'static str,
    /// "Sending…" unless the page says otherwise.
    #[prop(optional)]
    sending_label: Option<&'static str>,
    not_done: &'static str,
    unsure: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let sending_label = sending_label.unwrap_or(td_string!(locale, forms.sending));
    let pending = form.pending();
    view! {
        {move || form.preview.get().map(|req| {
            let text = format!(
                "{} {}\n\n{}",
                req.method,
                req.path_and_query(),
                req.body.as_ref().map(|b| serde_json::to_string_pretty(b).unwrap_or_default()).unwrap_or_default()
            );
            view! {
                <section class="panel" aria-label=td_string!(locale, forms.request_to_send)>
                    <h2>{td_string!(locale, forms.request_to_send)}</h2>
                    <pre class="request-preview"><code>{text}</code></pre>
                    <button class="primary" disabled=move || pending.get() on:click=move |_| on_send.run(())>
                        {move || if pending.get() { sending_label } else { send_label }}
                    </button>
                </section>
            }
        })}
        {move || form.api_error.get().map(|e| view! {
            <ApiErrorView title=change_failed_title(&e, not_done, unsure) error=e />
        })}
    }
}

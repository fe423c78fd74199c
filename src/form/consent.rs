//! The privacy consent an order and an application both need
//! (`agree_privacy_protection`): a checkbox bound to the draft, its error
//! shown like any field's.

use leptos::prelude::*;

use super::message::message_view;
use super::request_form::RequestForm;
use crate::i18n::{td_string, use_locale};

#[component]
pub fn PrivacyConsent(form: RequestForm, value: RwSignal<bool>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <fieldset>
            <legend>{td_string!(locale, forms.terms)}</legend>
            <label class="check">
                // No focus change on press: leaving a field above would show
                // its error, move the box down, and the release would miss it.
                <input type="checkbox" prop:checked=move || value.get() on:mousedown=|ev| ev.prevent_default()
                    on:change=move |ev| { value.set(event_target_checked(&ev)); form.leave("agree_privacy_protection") } />
                {td_string!(locale, forms.privacy_consent)}
            </label>
            <p class="field-error" role="alert">{move || message_view(form.error_for("agree_privacy_protection").get())}</p>
        </fieldset>
    }
}

//! The privacy consent an order and an application both need
//! (`agree_privacy_protection`): a checkbox bound to the draft, its error
//! shown like any field's.

use leptos::prelude::*;

use super::request_form::RequestForm;

#[component]
pub fn PrivacyConsent(form: RequestForm, value: RwSignal<bool>) -> impl IntoView {
    view! {
        <fieldset>
            <legend>"Terms"</legend>
            <label class="check">
                // No focus change on press: leaving a field above would show
                // its error, move the box down, and the release would miss it.
                <input type="checkbox" prop:checked=move || value.get() on:mousedown=|ev| ev.prevent_default()
                    on:change=move |ev| { value.set(event_target_checked(&ev)); form.leave("agree_privacy_protection") } />
                "I agree that the certificate authority may process the applicant's details (privacy protection)"
            </label>
            <p class="field-error" role="alert">{move || form.error_for("agree_privacy_protection").get()}</p>
        </fieldset>
    }
}

use leptos::prelude::*;

use crate::components::notifications::use_notifications;
use crate::components::sign_in_form::SignInForm;
use crate::components::with_data::{marked, DataMarked};
use crate::i18n::{td_string, use_locale};
use crate::state::credential::SecretStore;
use crate::state::session::use_session;

/// Sign-in for the active profile: who is signed in, sign-out, and the form.
#[component]
pub fn SignInPanel() -> impl IntoView {
    let session = use_session();
    let notify = use_notifications();
    let locale = use_locale();
    // The profile's name is data (the user may rename "Default"): not translated.
    let signed_in_text = move || {
        let profile = session.active_profile().map(|p| p.name).unwrap_or_default();
        let method = session.credential.with(|c| c.as_ref().map(|c| c.credential.describe_marked(locale, marked))).unwrap_or_default();
        view! { <DataMarked text=td_string!(locale, settings.signed_in_to, profile = marked(&profile), method = method).to_string() /> }
    };
    view! {
        <section class="panel" aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">{td_string!(locale, settings.sign_in_title)}</h2>
            <Show when=move || session.is_signed_in()>
                <div class="signed-in">
                    <p>{signed_in_text}</p>
                    <p class="field-hint">
                        {move || session.credential.with(|c| c.as_ref().map(|c| SecretStore::for_choice(c.remember).explanation_in(locale)))}
                    </p>
                    <button on:click=move |_| { session.sign_out(); notify.success(td_string!(locale, settings.signed_out)); }>{td_string!(locale, settings.sign_out)}</button>
                </div>
            </Show>
            <SignInForm />
        </section>
    }
}

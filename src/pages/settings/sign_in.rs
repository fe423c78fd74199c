use leptos::prelude::*;

use crate::components::notifications::use_notifications;
use crate::components::sign_in_form::SignInForm;
use crate::state::credential::SecretStore;
use crate::state::session::use_session;

/// Sign-in for the active profile: who is signed in, sign-out, and the form.
#[component]
pub fn SignInPanel() -> impl IntoView {
    let session = use_session();
    let notify = use_notifications();
    view! {
        <section class="panel" aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">"Sign in"</h2>
            <Show when=move || session.is_signed_in()>
                <div class="signed-in">
                    <p>
                        "Signed in to " <strong>{move || session.active_profile().map(|p| p.name)}</strong> " with "
                        {move || session.credential.with(|c| c.as_ref().map(|c| c.credential.describe()))} "."
                    </p>
                    <p class="field-hint">
                        {move || session.credential.with(|c| c.as_ref().map(|c| SecretStore::for_choice(c.remember).explanation()))}
                    </p>
                    <button on:click=move |_| { session.sign_out(); notify.success("Signed out: credentials wiped"); }>"Sign out"</button>
                </div>
            </Show>
            <SignInForm />
        </section>
    }
}

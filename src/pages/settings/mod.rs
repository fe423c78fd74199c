//! Settings: connection profiles, sign-in and a connection test.

mod connection_test;
mod problem_words;
mod profile_form;
mod profile_list;
mod sign_in;

use leptos::prelude::*;

use crate::i18n::{td_string, use_locale};

use connection_test::ConnectionTest;
use profile_form::ProfileForm;
use profile_list::ProfileList;
use sign_in::SignInPanel;

#[component]
pub fn SettingsPage() -> impl IntoView {
    // Bumped to open an empty form for a new profile.
    let editing_new = RwSignal::new(false);
    let locale = use_locale();
    view! {
        <h1>{td_string!(locale, settings.title)}</h1>
        <div class="settings-grid">
            <ProfileList editing_new />
            <ProfileForm editing_new />
            <SignInPanel />
            <ConnectionTest />
        </div>
    }
}

//! The top bar's view of who is connected where.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{td_string, use_locale};
use crate::state::session::use_session;

#[component]
pub fn SessionBadge() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let profile_name = move || session.active_profile().map(|p| p.name).unwrap_or_default();
    view! {
        <div class="session-badge" aria-label=td_string!(locale, layout.connection)>
            <span class="session-profile" translate="no">{profile_name}</span>
            {move || {
                if session.is_signed_in() {
                    view! { <span class="pill pill-ok">{td_string!(locale, layout.signed_in)}</span> }.into_any()
                } else {
                    view! { <A href="/settings" attr:class="pill pill-warn">{td_string!(locale, layout.not_signed_in)}</A> }.into_any()
                }
            }}
        </div>
    }
}

//! The top bar's view of who is connected where.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::session::use_session;

#[component]
pub fn SessionBadge() -> impl IntoView {
    let session = use_session();
    let profile_name = move || session.active_profile().map(|p| p.name).unwrap_or_default();
    view! {
        <div class="session-badge" aria-label="Connection">
            <span class="session-profile">{profile_name}</span>
            {move || {
                if session.is_signed_in() {
                    view! { <span class="pill pill-ok">"Signed in"</span> }.into_any()
                } else {
                    view! { <A href="/settings" attr:class="pill pill-warn">"Not signed in"</A> }.into_any()
                }
            }}
        </div>
    }
}

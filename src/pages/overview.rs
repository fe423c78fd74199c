use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::quota_cards::QuotaCards;
use crate::state::session::use_session;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="panel">
            <h1>"Overview"</h1>
            <Show
                when=move || session.is_signed_in()
                fallback=|| view! {
                    <p class="lead">
                        "Not signed in. Choose where the API is and how to sign in on the "
                        <A href="/settings">"Settings"</A> " page."
                    </p>
                }
            >
                <p class="lead">"Quotas of the private CA service for this account."</p>
            </Show>
            <p class="planned-note">
                <strong>"Not built yet. "</strong>
                "Counts by status, the expiry radar and the inventory export arrive with the SSL certificate and overview work."
            </p>
        </section>
        <Show when=move || session.is_signed_in()>
            <QuotaCards />
        </Show>
    }
}

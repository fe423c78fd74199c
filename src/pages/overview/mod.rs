//! The Overview: counts by status of SSL certificates, private CAs and
//! private certificates, the quotas, and the expiry radar with the
//! inventory's CSV export.

mod counts;
pub mod inventory;
mod loader;
mod radar;

use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::client::use_api;
use crate::components::quota_cards::QuotaCards;
use crate::state::session::use_session;
use counts::StatusCounts;
use inventory::Kind;
use loader::{index, load_kind, Progress};
use radar::ExpiryRadar;

/// What each kind's loading came to.
pub type Loaded = [RwSignal<Option<Result<Vec<inventory::Item>, ApiError>>>; 3];

pub const KINDS: [Kind; 3] = [Kind::Ssl, Kind::Ca, Kind::Private];

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
                <p class="lead">"Your SSL certificates, private CAs and private certificates at a glance, and what expires soon."</p>
            </Show>
        </section>
        <Show when=move || session.is_signed_in()>
            <Inventory />
            <QuotaCards />
        </Show>
    }
}

#[component]
fn Inventory() -> impl IntoView {
    let api = use_api();
    let progress = [RwSignal::new(Progress::default()), RwSignal::new(Progress::default()), RwSignal::new(Progress::default())];
    let loaded: Loaded = [RwSignal::new(None), RwSignal::new(None), RwSignal::new(None)];
    let now = RwSignal::new(js_sys::Date::now() as i64);
    let load = move || {
        now.set(js_sys::Date::now() as i64);
        for kind in KINDS {
            let i = index(kind);
            loaded[i].set(None);
            progress[i].set(Progress::default());
        }
        // One kind after the other: three short sequences of calls rather
        // than a burst.
        spawn_local(async move {
            for kind in KINDS {
                let i = index(kind);
                let result = load_kind(api, kind, progress[i]).await;
                if result == Err(ApiError::Aborted) {
                    return;
                }
                loaded[i].try_set(Some(result));
            }
        });
    };
    load();
    let busy = move || loaded.iter().any(|l| l.with(Option::is_none));
    view! {
        <section class="panel" aria-label="Loading progress" hidden=move || !busy()>
            <h2>"Reading the inventory…"</h2>
            {KINDS.map(|kind| {
                let p = progress[index(kind)];
                view! {
                    <p role="status">
                        {move || { let p = p.get(); format!("{}s: {} of {} read ({} calls)", kind.label(), p.loaded, p.total, p.calls) }}
                    </p>
                    <progress max=move || p.get().total.max(1) value=move || p.get().loaded aria-label=format!("{}s read", kind.label())></progress>
                }
            }).into_iter().collect::<Vec<_>>()}
        </section>
        <StatusCounts loaded on_retry=Callback::new(move |_| load()) />
        <ExpiryRadar loaded now on_reload=Callback::new(move |_| load()) />
    }
}

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
use crate::i18n::{td_string, use_locale};
use crate::i18n::format::number;
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
    let i18n = use_locale();
    view! {
        <section class="panel">
            <h1>{td_string!(i18n, overview.title)}</h1>
            <Show
                when=move || session.is_signed_in()
                fallback=move || view! {
                    <p class="lead">
                        {td_string!(i18n, overview.signed_out_before)}
                        <A href="/settings">{td_string!(i18n, overview.signed_out_link)}</A>{td_string!(i18n, overview.signed_out_after)}
                    </p>
                }
            >
                <p class="lead">{td_string!(i18n, overview.lead)}</p>
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
    let i18n = use_locale();
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
        <section class="panel" aria-label=move || td_string!(i18n, overview.loading_progress) hidden=move || !busy()>
            <h2>{td_string!(i18n, overview.reading)}</h2>
            {KINDS.map(|kind| {
                let p = progress[index(kind)];
                view! {
                    <p role="status">
                        {move || {
                            let (p, l) = (p.get(), i18n);
                            td_string!(i18n, overview.read_progress, kinds = kind.plural(l), loaded = number(l, p.loaded as i64),
                                total = number(l, p.total), calls = number(l, p.calls as i64)).to_string()
                        }}
                    </p>
                    <progress max=move || p.get().total.max(1) value=move || p.get().loaded
                        aria-label=move || td_string!(i18n, overview.read_progress_label, kinds = kind.plural(i18n)).to_string()></progress>
                }
            }).into_iter().collect::<Vec<_>>()}
        </section>
        <StatusCounts loaded on_retry=Callback::new(move |_| load()) />
        <ExpiryRadar loaded now on_reload=Callback::new(move |_| load()) />
    }
}

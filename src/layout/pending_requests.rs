//! What the console is waiting for: requests that take longer than a
//! moment, with how long they have been on their way, any backoff before
//! the next attempt, and a Cancel button for each. The rest of the page
//! stays usable meanwhile.

use leptos::prelude::*;

use crate::api::in_flight::{use_in_flight, PendingRequest};
use crate::i18n::format::seconds;
use crate::i18n::{td_string, use_locale};

/// Requests younger than this are not shown, so quick calls do not flicker.
const SHOW_AFTER_MS: f64 = 400.0;

#[component]
pub fn PendingRequests() -> impl IntoView {
    let locale = use_locale();
    let in_flight = use_in_flight();
    let pending = in_flight.pending();
    // Ticks while anything is pending, to update the waiting times.
    let now = RwSignal::new(js_sys::Date::now());
    let ticking = StoredValue::new(None::<send_wrapper::SendWrapper<gloo_timers::callback::Interval>>);
    Effect::new(move |_| {
        let busy = pending.with(|p| !p.is_empty());
        if busy && ticking.with_value(Option::is_none) {
            let interval = gloo_timers::callback::Interval::new(250, move || {
                now.try_set(js_sys::Date::now());
            });
            ticking.set_value(Some(send_wrapper::SendWrapper::new(interval)));
        } else if !busy {
            ticking.set_value(None);
        }
    });
    let shown = move || {
        let t = now.get();
        pending.with(|p| p.iter().filter(|r| t - r.started_ms >= SHOW_AFTER_MS).cloned().collect::<Vec<_>>())
    };

    view! {
        <div class="pending-requests" role="status" aria-label=td_string!(locale, layout.requests_in_progress)>
            <For each=shown key=|r| (r.id, r.backoff.as_ref().map(|b| b.next_attempt)) let:request>
                <PendingRow request now=now.into() on_cancel=Callback::new(move |id| in_flight.cancel(id)) />
            </For>
        </div>
    }
}

#[component]
fn PendingRow(request: PendingRequest, now: Signal<f64>, on_cancel: Callback<u64>) -> impl IntoView {
    let locale = use_locale();
    let id = request.id;
    let started = request.started_ms;
    let operation = request.operation.clone();
    let backoff = request.backoff.clone();
    let elapsed = move || seconds(locale, whole_ms(now.get() - started));
    let state = move || match &backoff {
        Some(b) => td_string!(
            locale,
            layout.retry_planned,
            reason = b.reason.text(locale),
            attempt = b.next_attempt,
            max = b.max_attempts,
            wait = seconds(locale, whole_ms(b.until_ms - now.get()))
        )
        .into_owned(),
        None => td_string!(locale, layout.waiting_for_service).to_owned(),
    };
    let cancel_label = td_string!(locale, layout.cancel_request, operation = operation.clone()).into_owned();
    view! {
        <div class="pending-request">
            <span class="spinner" aria-hidden="true"></span>
            <span class="pending-text">
                <code translate="no">{operation.clone()}</code>" "{state}" · "{elapsed}
            </span>
            <button type="button" aria-label=cancel_label on:click=move |_| on_cancel.run(id)>{td_string!(locale, common.cancel)}</button>
        </div>
    }
}

/// Milliseconds as a whole number: the float is never printed (a float
/// formatter would add about 10 kB to the first download).
fn whole_ms(ms: f64) -> i64 {
    ms.max(0.0) as i64
}

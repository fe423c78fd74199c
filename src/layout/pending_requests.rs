//! What the console is waiting for: requests that take longer than a
//! moment, with how long they have been on their way, any backoff before
//! the next attempt, and a Cancel button for each. The rest of the page
//! stays usable meanwhile.

use leptos::prelude::*;

use crate::api::in_flight::{use_in_flight, PendingRequest};

/// Requests younger than this are not shown, so quick calls do not flicker.
const SHOW_AFTER_MS: f64 = 400.0;

#[component]
pub fn PendingRequests() -> impl IntoView {
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
        <div class="pending-requests" role="status" aria-label="Requests in progress">
            <For each=shown key=|r| (r.id, r.backoff.as_ref().map(|b| b.next_attempt)) let:request>
                <PendingRow request now=now.into() on_cancel=Callback::new(move |id| in_flight.cancel(id)) />
            </For>
        </div>
    }
}

#[component]
fn PendingRow(request: PendingRequest, now: Signal<f64>, on_cancel: Callback<u64>) -> impl IntoView {
    let id = request.id;
    let started = request.started_ms;
    let operation = request.operation.clone();
    let backoff = request.backoff.clone();
    let elapsed = move || waited_text(now.get() - started);
    let state = move || match &backoff {
        Some(b) => format!(
            "{}; attempt {} of {} in {}",
            b.reason,
            b.next_attempt,
            b.max_attempts,
            waited_text((b.until_ms - now.get()).max(0.0))
        ),
        None => "waiting for the service".to_owned(),
    };
    view! {
        <div class="pending-request">
            <span class="spinner" aria-hidden="true"></span>
            <span class="pending-text">
                <code>{operation.clone()}</code>" "{state}" · "{elapsed}
            </span>
            <button type="button" aria-label=format!("Cancel {operation}") on:click=move |_| on_cancel.run(id)>"Cancel"</button>
        </div>
    }
}

/// "0.4 s", "12 s": precise while short, whole seconds after. Rounded
/// with whole numbers: formatting a float would bring the float printing
/// code (about 10 kB of wasm) into the first download.
pub fn waited_text(ms: f64) -> String {
    let ms = ms.max(0.0) as u64;
    if ms < 9_950 {
        let tenths = (ms + 50) / 100;
        format!("{}.{} s", tenths / 10, tenths % 10)
    } else {
        format!("{} s", (ms + 500) / 1000)
    }
}

#[cfg(test)]
mod tests {
    use super::waited_text;

    #[test]
    fn waiting_times_read_naturally() {
        assert_eq!(waited_text(400.0), "0.4 s");
        assert_eq!(waited_text(9_949.0), "9.9 s");
        assert_eq!(waited_text(12_400.0), "12 s");
        assert_eq!(waited_text(12_500.0), "13 s");
        assert_eq!(waited_text(9_960.0), "10 s");
        assert_eq!(waited_text(0.0), "0.0 s");
        assert_eq!(waited_text(-5.0), "0.0 s");
    }
}

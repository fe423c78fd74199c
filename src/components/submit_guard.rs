//! One click, one request. A form's submit is refused while its request is
//! on its way, and for a moment after it started: a double click whose
//! second click lands after a fast failure must not send the change again.
//! The moment is part of `pending`, so the button shows it (disabled).

use leptos::prelude::*;

/// How long after a submission another one is ignored.
pub const REPEAT_AFTER_MS: f64 = 800.0;

#[derive(Clone, Copy)]
pub struct SubmitGuard {
    /// True while the request runs: disables the button, changes its label.
    pub pending: RwSignal<bool>,
    started_ms: StoredValue<Option<f64>>,
}

impl SubmitGuard {
    pub fn new() -> SubmitGuard {
        SubmitGuard { pending: RwSignal::new(false), started_ms: StoredValue::new(None) }
    }

    /// Whether a submission would be accepted now. Checked first, before
    /// anything on the page changes, so an ignored click leaves no trace
    /// (it must not clear the error the first click is showing).
    pub fn ready(&self) -> bool {
        may_start(self.pending.get_untracked(), self.started_ms.get_value(), js_sys::Date::now())
    }

    /// Claims the submission; false when it must not be sent.
    pub fn begin(&self) -> bool {
        let now = js_sys::Date::now();
        if !may_start(self.pending.get_untracked(), self.started_ms.get_value(), now) {
            return false;
        }
        self.started_ms.set_value(Some(now));
        self.pending.set(true);
        true
    }

    /// The request is over (the view may be gone by then). The button comes
    /// back once the double-click window has passed too.
    pub fn end(&self) {
        let pending = self.pending;
        let left = self.started_ms.get_value().map_or(0.0, |t| REPEAT_AFTER_MS - (js_sys::Date::now() - t));
        if left > 0.0 {
            gloo_timers::callback::Timeout::new(left.ceil() as u32, move || {
                pending.try_set(false);
            })
            .forget();
        } else {
            pending.try_set(false);
        }
    }
}

impl Default for SubmitGuard {
    fn default() -> Self {
        SubmitGuard::new()
    }
}

/// Whether a submission may start now.
pub fn may_start(pending: bool, last_start_ms: Option<f64>, now_ms: f64) -> bool {
    !pending && last_start_ms.is_none_or(|t| now_ms - t >= REPEAT_AFTER_MS)
}

#[cfg(test)]
mod tests {
    use super::may_start;

    #[test]
    fn a_second_click_is_ignored_while_pending_and_just_after() {
        assert!(may_start(false, None, 0.0));
        assert!(!may_start(true, Some(0.0), 5_000.0), "still on its way");
        assert!(!may_start(false, Some(1_000.0), 1_050.0), "the second click of a double click");
        assert!(may_start(false, Some(1_000.0), 1_800.0), "a deliberate new try");
    }
}

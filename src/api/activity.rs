//! The activity log: every request this tab sends, newest first, kept in
//! memory only (gone with the tab, never written to storage). Entries hold
//! masked snapshots, so the log never holds a secret.

use ccm_api::ApiError;
use leptos::prelude::*;

use super::inspect::RequestSnapshot;

/// Oldest entries are dropped past this many, to bound memory.
pub const MAX_ENTRIES: usize = 500;

#[derive(Debug, Clone, PartialEq)]
pub struct ActivityEntry {
    pub id: u64,
    /// Unix milliseconds when it was sent.
    pub at_ms: f64,
    pub duration_ms: f64,
    /// HTTP status; `None` when no answer came (network error, aborted).
    pub status: Option<u16>,
    /// What went wrong, when it did: the log words it in the reader's
    /// language (the service's code and message are shown as they came).
    pub error: Option<ApiError>,
    /// 1 for the first try of a read, 2 and 3 for retries.
    pub attempt: usize,
    pub request: RequestSnapshot,
}

impl ActivityEntry {
    pub fn ok(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

/// Newest first by the time each request started (answers can arrive in
/// another order); `push` keeps at most [`MAX_ENTRIES`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entries {
    pub list: Vec<ActivityEntry>,
    next_id: u64,
}

impl Entries {
    pub fn push(&mut self, mut entry: ActivityEntry) -> u64 {
        entry.id = self.next_id;
        self.next_id += 1;
        let at = self.list.iter().position(|e| e.at_ms <= entry.at_ms).unwrap_or(self.list.len());
        self.list.insert(at, entry);
        self.list.truncate(MAX_ENTRIES);
        self.next_id - 1
    }
}

/// App-wide context.
#[derive(Clone, Copy)]
pub struct ActivityLog(pub RwSignal<Entries>);

pub fn provide_activity_log() {
    provide_context(ActivityLog(RwSignal::new(Entries::default())));
}

/// The log, when the app provides one (unit-mounted views may not).
pub fn use_activity_log() -> Option<ActivityLog> {
    use_context::<ActivityLog>()
}

impl ActivityLog {
    pub fn record(&self, entry: ActivityEntry) {
        self.0.try_update(|e| {
            e.push(entry);
        });
    }

    pub fn clear(&self) {
        self.0.update(|e| e.list.clear());
    }
}

#[cfg(test)]
mod tests {
    use super::super::inspect::{tests::push_snapshot, AuthKind};
    use super::*;

    fn entry(at: f64) -> ActivityEntry {
        ActivityEntry {
            id: 0,
            at_ms: at,
            duration_ms: 3.0,
            status: Some(204),
            error: None,
            attempt: 1,
            request: push_snapshot(AuthKind::Token),
        }
    }

    #[test]
    fn newest_first_and_bounded() {
        let mut e = Entries::default();
        for i in 0..(MAX_ENTRIES + 5) {
            e.push(entry(i as f64));
        }
        assert_eq!(e.list.len(), MAX_ENTRIES);
        assert_eq!(e.list[0].at_ms, (MAX_ENTRIES + 4) as f64);
        assert_eq!(e.list[0].id, (MAX_ENTRIES + 4) as u64);
        assert!(e.list[0].ok());
    }

    #[test]
    fn a_late_answer_goes_below_requests_started_after_it() {
        let mut e = Entries::default();
        e.push(entry(10.0));
        e.push(entry(30.0));
        e.push(entry(20.0));
        let starts: Vec<f64> = e.list.iter().map(|x| x.at_ms).collect();
        assert_eq!(starts, vec![30.0, 20.0, 10.0]);
    }
}

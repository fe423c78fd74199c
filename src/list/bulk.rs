//! Bookkeeping of a bulk action on picked rows: what happens to each, and
//! how far the run is. A row the status rules refuse is skipped without a
//! request; one failure never stops the others. Pure.

use ccm_api::ApiRequest;

use super::selection::Picked;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Waiting,
    Done,
    /// Not sent: the status rules refuse it (the reason).
    Skipped(String),
    /// Sent and refused, or not answered (code and message).
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct BulkItem {
    pub row: Picked,
    pub outcome: Outcome,
    /// The request to send; `None` when skipped.
    request: Option<ApiRequest>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BulkRun {
    /// The action: "Revoke", "Delete".
    pub verb: &'static str,
    /// What a done item reads as: "revoked", "deleted".
    pub done_word: &'static str,
    pub items: Vec<BulkItem>,
}

/// Per row: its request, or why the rules refuse it.
pub type Planned = (Picked, Result<ApiRequest, String>);

impl BulkRun {
    pub fn plan(verb: &'static str, done_word: &'static str, rows: Vec<Planned>) -> BulkRun {
        let items = rows
            .into_iter()
            .map(|(row, planned)| match planned {
                Ok(req) => BulkItem { row, outcome: Outcome::Waiting, request: Some(req) },
                Err(why) => BulkItem { row, outcome: Outcome::Skipped(why), request: None },
            })
            .collect();
        BulkRun { verb, done_word, items }
    }

    /// The next item to send, with its index.
    pub fn next(&self) -> Option<(usize, ApiRequest)> {
        self.items
            .iter()
            .enumerate()
            .find(|(_, i)| i.outcome == Outcome::Waiting)
            .and_then(|(n, i)| i.request.clone().map(|r| (n, r)))
    }

    pub fn record(&mut self, index: usize, result: Result<(), String>) {
        if let Some(item) = self.items.get_mut(index) {
            item.outcome = match result {
                Ok(()) => Outcome::Done,
                Err(e) => Outcome::Failed(e),
            };
        }
    }

    /// Items finished (done, failed or skipped) out of all.
    pub fn progress(&self) -> (usize, usize) {
        (self.items.iter().filter(|i| i.outcome != Outcome::Waiting).count(), self.items.len())
    }

    pub fn finished(&self) -> bool {
        self.items.iter().all(|i| i.outcome != Outcome::Waiting)
    }

    /// "2 of 4 revoked, 1 failed, 1 skipped".
    pub fn summary(&self) -> String {
        let count = |f: fn(&Outcome) -> bool| self.items.iter().filter(|i| f(&i.outcome)).count();
        let done = count(|o| *o == Outcome::Done);
        let failed = count(|o| matches!(o, Outcome::Failed(_)));
        let skipped = count(|o| matches!(o, Outcome::Skipped(_)));
        let mut s = format!("{done} of {} {}", self.items.len(), self.done_word);
        if failed > 0 {
            s.push_str(&format!(", {failed} failed"));
        }
        if skipped > 0 {
            s.push_str(&format!(", {skipped} skipped"));
        }
        s
    }

    /// The status line: the summary once finished, the count meanwhile.
    pub fn status(&self) -> String {
        let (done, total) = self.progress();
        if self.finished() {
            self.summary()
        } else {
            format!("{done} of {total} done…")
        }
    }
}

impl BulkItem {
    /// The item's line in the results ("web.example.com: failed: …") and
    /// its style.
    pub fn line(&self, done_word: &str) -> (&'static str, String) {
        let (class, text) = match &self.outcome {
            Outcome::Waiting => ("bulk-muted", "waiting".to_owned()),
            Outcome::Done => ("bulk-ok", done_word.to_owned()),
            Outcome::Skipped(why) => ("bulk-warn", format!("skipped: {why}")),
            Outcome::Failed(why) => ("bulk-danger", format!("failed: {why}")),
        };
        (class, format!("{}: {text}", self.row.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ccm_api::pca::certs::delete_certificate;

    fn req(id: &str) -> ApiRequest {
        delete_certificate(id)
    }

    fn planned(id: &str, ok: bool) -> Planned {
        (Picked::new(id, &format!("cn-{id}")), if ok { Ok(req(id)) } else { Err("already revoked".into()) })
    }

    #[test]
    fn a_failure_does_not_stop_the_rest_and_skipped_rows_send_nothing() {
        let mut run = BulkRun::plan("Revoke", "revoked", vec![planned("a", true), planned("b", false), planned("c", true), planned("d", true)]);
        assert_eq!(run.items[1].outcome, Outcome::Skipped("already revoked".into()));
        assert_eq!(run.progress(), (1, 4));
        assert_eq!(run.status(), "1 of 4 done…");

        let (i, r) = run.next().unwrap();
        assert_eq!((i, r.path.as_str()), (0, "/v1/private-certificates/a"));
        run.record(i, Ok(()));
        let (i, _) = run.next().unwrap();
        assert_eq!(i, 2, "the skipped row is passed over");
        run.record(i, Err("PCA.00000001: boom".into()));
        let (i, _) = run.next().unwrap();
        assert_eq!(i, 3);
        run.record(i, Ok(()));
        assert!(run.next().is_none() && run.finished());
        assert_eq!(run.progress(), (4, 4));
        assert_eq!(run.summary(), "2 of 4 revoked, 1 failed, 1 skipped");
        assert_eq!(run.status(), run.summary());
    }

    #[test]
    fn each_item_reads_as_its_name_and_outcome() {
        let mut run = BulkRun::plan("Delete", "deleted", vec![planned("a", true), planned("b", true), planned("c", false)]);
        assert_eq!(run.items[0].line(run.done_word), ("bulk-muted", "cn-a: waiting".to_owned()));
        run.record(0, Ok(()));
        run.record(1, Err("PCA.1: gone".into()));
        assert_eq!(run.items[0].line(run.done_word).1, "cn-a: deleted");
        assert_eq!(run.items[1].line(run.done_word), ("bulk-danger", "cn-b: failed: PCA.1: gone".to_owned()));
        assert_eq!(run.items[2].line(run.done_word), ("bulk-warn", "cn-c: skipped: already revoked".to_owned()));
        assert_eq!(run.summary(), "1 of 3 deleted, 1 failed, 1 skipped");
    }
}

//! Bookkeeping of a bulk action on picked rows: what happens to each, and
//! how far the run is. A row the status rules refuse is skipped without a
//! request; one failure never stops the others. Pure.

use ccm_api::ApiRequest;

use super::selection::Picked;
use crate::i18n::{td_string, Locale};

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
    /// The action, in the run's language: "Revoke", "Delete".
    pub verb: &'static str,
    /// What a done item reads as: "revoked", "deleted" / "已吊销".
    pub done_word: &'static str,
    pub items: Vec<BulkItem>,
    /// The language of its status and result lines.
    pub locale: Locale,
}

/// Per row: its request, or why the rules refuse it.
pub type Planned = (Picked, Result<ApiRequest, String>);

impl BulkRun {
    pub fn plan(verb: &'static str, done_word: &'static str, rows: Vec<Planned>, locale: Locale) -> BulkRun {
        let items = rows
            .into_iter()
            .map(|(row, planned)| match planned {
                Ok(req) => BulkItem { row, outcome: Outcome::Waiting, request: Some(req) },
                Err(why) => BulkItem { row, outcome: Outcome::Skipped(why), request: None },
            })
            .collect();
        BulkRun { verb, done_word, items, locale }
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
        let (l, total, done_word) = (self.locale, self.items.len(), self.done_word);
        match (failed > 0, skipped > 0) {
            (false, false) => td_string!(l, common.bulk_summary, done = done, total = total, done_word = done_word),
            (true, false) => td_string!(l, common.bulk_summary_failed, done = done, total = total, done_word = done_word, failed = failed),
            (false, true) => td_string!(l, common.bulk_summary_skipped, done = done, total = total, done_word = done_word, skipped = skipped),
            (true, true) => td_string!(l, common.bulk_summary_failed_skipped, done = done, total = total, done_word = done_word, failed = failed, skipped = skipped),
        }
        .to_string()
    }

    /// The status line: the summary once finished, the count meanwhile.
    pub fn status(&self) -> String {
        let (done, total) = self.progress();
        if self.finished() {
            self.summary()
        } else {
            td_string!(self.locale, common.bulk_status, done = done, total = total).to_string()
        }
    }
}

impl BulkItem {
    /// The item's outcome in the results ("failed: …", after its name)
    /// and its style.
    pub fn outcome_text(&self, done_word: &str, l: Locale) -> (&'static str, String) {
        match &self.outcome {
            Outcome::Waiting => ("bulk-muted", td_string!(l, common.bulk_waiting).to_owned()),
            Outcome::Done => ("bulk-ok", done_word.to_owned()),
            Outcome::Skipped(why) => ("bulk-warn", td_string!(l, common.bulk_skipped, why = why).to_string()),
            Outcome::Failed(why) => ("bulk-danger", td_string!(l, common.bulk_failed, why = why).to_string()),
        }
    }

    /// The whole line ("web.example.com: failed: …") and its style.
    #[cfg(test)]
    pub fn line(&self, done_word: &str, l: Locale) -> (&'static str, String) {
        let (class, text) = self.outcome_text(done_word, l);
        (class, format!("{}{}{text}", self.row.name, td_string!(l, common.name_sep)))
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
        let mut run = BulkRun::plan("Revoke", "revoked", vec![planned("a", true), planned("b", false), planned("c", true), planned("d", true)], Locale::en);
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
        let mut run = BulkRun::plan("Delete", "deleted", vec![planned("a", true), planned("b", true), planned("c", false)], Locale::en);
        assert_eq!(run.items[0].line(run.done_word, Locale::en), ("bulk-muted", "cn-a: waiting".to_owned()));
        run.record(0, Ok(()));
        run.record(1, Err("PCA.1: gone".into()));
        assert_eq!(run.items[0].line(run.done_word, Locale::en).1, "cn-a: deleted");
        assert_eq!(run.items[1].line(run.done_word, Locale::en), ("bulk-danger", "cn-b: failed: PCA.1: gone".to_owned()));
        assert_eq!(run.items[2].line(run.done_word, Locale::en), ("bulk-warn", "cn-c: skipped: already revoked".to_owned()));
        assert_eq!(run.summary(), "1 of 3 deleted, 1 failed, 1 skipped");
    }

    #[test]
    fn a_run_in_chinese() {
        let mut run = BulkRun::plan("吊销", "已吊销", vec![planned("a", true), planned("b", true), planned("c", false)], Locale::zh_CN);
        assert_eq!(run.status(), "已完成 1/3…");
        assert_eq!(run.items[0].line(run.done_word, Locale::zh_CN).1, "cn-a：等待中");
        run.record(0, Ok(()));
        assert_eq!(run.items[0].line(run.done_word, Locale::zh_CN).1, "cn-a：已吊销");
        assert_eq!(run.items[2].line(run.done_word, Locale::zh_CN).1, "cn-c：已跳过：already revoked");
        run.record(1, Err("PCA.1: gone".into()));
        assert_eq!(run.summary(), "已吊销 1/3，1 个失败，1 个已跳过");
        assert_eq!(run.status(), run.summary());
        let all = BulkRun::plan("续期", "已续期", vec![planned("a", true)], Locale::zh_CN);
        assert_eq!(all.summary(), "已续期 0/1");
    }
}

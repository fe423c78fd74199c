//! Bookkeeping of a bulk revoke or delete: which certificates, what
//! happened to each, and how far the run is. One failure never stops the
//! others. Items the status rules refuse are skipped without a request.
//! Pure.

use ccm_api::catalogue::{cert_action_allowed_for, CertAction};
use ccm_api::common::RevocationReason;
use ccm_api::pca::certs::{delete_certificate, revoke_certificate, PrivateCertificate};
use ccm_api::ApiRequest;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkAction {
    Revoke,
    Delete,
}

impl BulkAction {
    pub fn verb(self) -> &'static str {
        match self {
            BulkAction::Revoke => "Revoke",
            BulkAction::Delete => "Delete",
        }
    }

    pub fn done(self) -> &'static str {
        match self {
            BulkAction::Revoke => "revoked",
            BulkAction::Delete => "deleted",
        }
    }

    fn rule(self) -> CertAction {
        match self {
            BulkAction::Revoke => CertAction::Revoke,
            BulkAction::Delete => CertAction::Delete,
        }
    }
}

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
    pub id: String,
    pub name: String,
    pub outcome: Outcome,
    /// The request to send; `None` when skipped.
    request: Option<ApiRequest>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BulkRun {
    pub action: BulkAction,
    pub items: Vec<BulkItem>,
}

impl BulkRun {
    /// Plans the run: a request per certificate the rules allow.
    pub fn plan(action: BulkAction, certs: &[PrivateCertificate], reason: Option<RevocationReason>) -> Self {
        let items = certs
            .iter()
            .map(|c| {
                let (outcome, request) = match cert_action_allowed_for(action.rule(), c) {
                    Err(denied) => (Outcome::Skipped(denied.reason), None),
                    Ok(()) => (
                        Outcome::Waiting,
                        Some(match action {
                            BulkAction::Revoke => revoke_certificate(&c.certificate_id, reason.clone()),
                            BulkAction::Delete => delete_certificate(&c.certificate_id),
                        }),
                    ),
                };
                BulkItem { id: c.certificate_id.clone(), name: c.distinguished_name.common_name.clone(), outcome, request }
            })
            .collect();
        BulkRun { action, items }
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

    pub fn summary(&self) -> String {
        let count = |f: fn(&Outcome) -> bool| self.items.iter().filter(|i| f(&i.outcome)).count();
        let done = count(|o| *o == Outcome::Done);
        let failed = count(|o| matches!(o, Outcome::Failed(_)));
        let skipped = count(|o| matches!(o, Outcome::Skipped(_)));
        let mut s = format!("{done} of {} {}", self.items.len(), self.action.done());
        if failed > 0 {
            s.push_str(&format!(", {failed} failed"));
        }
        if skipped > 0 {
            s.push_str(&format!(", {skipped} skipped"));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cert(id: &str, status: &str) -> PrivateCertificate {
        serde_json::from_value(json!({"certificate_id": id, "status": status, "distinguished_name": {"common_name": format!("cn-{id}")}})).unwrap()
    }

    #[test]
    fn a_failure_does_not_stop_the_rest() {
        let certs = [cert("a", "ISSUED"), cert("b", "REVOKED"), cert("c", "ISSUED"), cert("d", "ISSUED")];
        let mut run = BulkRun::plan(BulkAction::Revoke, &certs, Some(RevocationReason::Superseded));
        assert!(matches!(run.items[1].outcome, Outcome::Skipped(_)), "a revoked certificate is not sent again");
        assert_eq!(run.progress(), (1, 4));

        let (i, req) = run.next().unwrap();
        assert_eq!((i, req.path.as_str()), (0, "/v1/private-certificates/a/revoke"));
        assert_eq!(req.body.unwrap(), json!({"reason": "SUPERSEDED"}));
        run.record(i, Ok(()));
        let (i, _) = run.next().unwrap();
        assert_eq!(i, 2);
        run.record(i, Err("PCA.00000001: boom".into()));
        let (i, _) = run.next().unwrap();
        assert_eq!(i, 3);
        run.record(i, Ok(()));
        assert!(run.next().is_none() && run.finished());
        assert_eq!(run.progress(), (4, 4));
        assert_eq!(run.summary(), "2 of 4 revoked, 1 failed, 1 skipped");
    }

    #[test]
    fn delete_sends_for_every_status_and_revoke_without_reason_sends_an_empty_object() {
        let run = BulkRun::plan(BulkAction::Delete, &[cert("a", "REVOKED"), cert("b", "EXPIRED")], None);
        assert_eq!(run.progress(), (0, 2));
        assert_eq!(run.next().unwrap().1.path, "/v1/private-certificates/a");
        let run = BulkRun::plan(BulkAction::Revoke, &[cert("a", "ISSUED")], None);
        assert_eq!(run.next().unwrap().1.body_bytes(), b"{}");
    }
}

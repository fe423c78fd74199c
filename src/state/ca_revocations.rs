//! Revocations of CAs made from this console. The service does not report
//! that a CA was revoked: it shows it as DISABLED from then on, and refuses
//! to enable or revoke it again. So the console keeps the date and reason
//! of each revocation it makes (localStorage, by CA id: ids are unique
//! UUIDs), and a CA it knows as revoked reads "Revoked" everywhere and is
//! offered only what the service still allows.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use ccm_api::common::{CaStatus, RevocationReason};
use ccm_api::pca::cas::CertificateAuthority;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::storage;

pub const KEY: &str = "ccm-console/ca-revocations";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaRevocation {
    pub at_ms: i64,
    /// The RFC 5280 reason's wire name; empty when none was given.
    pub reason: String,
}

impl CaRevocation {
    /// "Revoked on 2026-12-05 (key compromise)".
    pub fn describe(&self) -> String {
        let date = crate::expiry::date(self.at_ms);
        if self.reason.is_empty() || self.reason == "UNSPECIFIED" {
            format!("Revoked on {date}")
        } else {
            format!("Revoked on {date} ({})", RevocationReason::from_wire(&self.reason).label().to_lowercase())
        }
    }
}

/// Every recorded revocation, by CA id.
pub type Revocations = BTreeMap<String, CaRevocation>;

/// Reads what was stored; anything unreadable counts as nothing.
pub fn parse(text: Option<&str>) -> Revocations {
    text.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default()
}

/// What this browser has recorded.
pub fn stored() -> Revocations {
    parse(storage::read_local(KEY).as_deref())
}

/// Whether the CA reads as revoked: recorded, and the service still shows
/// it disabled (a revoked CA scheduled for deletion reads as deleted).
pub fn is_revoked(revocations: &Revocations, ca: &CertificateAuthority) -> bool {
    ca.status == CaStatus::Disabled && revocations.contains_key(&ca.ca_id)
}

/// The console's record, shared by every view (context).
#[derive(Clone, Copy)]
pub struct CaRevocations(RwSignal<Revocations>);

impl CaRevocations {
    /// The app-wide record, made on first use.
    pub fn get_or_provide() -> CaRevocations {
        use_context::<CaRevocations>().unwrap_or_else(|| {
            let r = CaRevocations(RwSignal::new(stored()));
            provide_context(r);
            r
        })
    }

    /// The revocation of a CA that still reads as revoked (not tracked:
    /// views are rebuilt when the list reloads after an action).
    pub fn of(&self, ca: &CertificateAuthority) -> Option<CaRevocation> {
        self.0.with_untracked(|r| is_revoked(r, ca).then(|| r[&ca.ca_id].clone()))
    }

    /// The ids recorded as revoked (for the "Revoked" filter).
    pub fn ids(&self) -> Arc<BTreeSet<String>> {
        Arc::new(self.0.with(|r| r.keys().cloned().collect()))
    }

    pub fn record(&self, ca_id: &str, reason: &str, at_ms: i64) {
        self.0.update(|r| {
            r.insert(ca_id.to_owned(), CaRevocation { at_ms, reason: reason.to_owned() });
        });
        self.0.with_untracked(|r| storage::write_local(KEY, &serde_json::to_string(r).unwrap_or_default()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ca(id: &str, status: &str) -> CertificateAuthority {
        serde_json::from_value(serde_json::json!({
            "ca_id": id, "type": "SUBORDINATE", "status": status, "distinguished_name": {"common_name": id}
        }))
        .unwrap()
    }

    #[test]
    fn a_recorded_disabled_ca_reads_as_revoked() {
        let mut r = parse(None);
        r.insert("a".into(), CaRevocation { at_ms: 1_764_892_800_000, reason: "KEY_COMPROMISE".into() });
        assert!(is_revoked(&r, &ca("a", "DISABLED")));
        assert!(!is_revoked(&r, &ca("a", "DELETED")), "scheduled for deletion: reads as deleted");
        assert!(!is_revoked(&r, &ca("b", "DISABLED")), "disabled by hand");
        assert_eq!(r["a"].describe(), "Revoked on 2025-12-05 (key compromise)");
        assert_eq!(CaRevocation { at_ms: 1_764_892_800_000, reason: String::new() }.describe(), "Revoked on 2025-12-05");
    }

    #[test]
    fn what_was_stored_reads_back_and_garbage_reads_as_nothing() {
        let mut r = Revocations::new();
        r.insert("a".into(), CaRevocation { at_ms: 5, reason: "SUPERSEDED".into() });
        assert_eq!(parse(Some(&serde_json::to_string(&r).unwrap())), r);
        assert!(parse(Some("{not json")).is_empty());
    }
}

//! Revocations of CAs made from this console. The service does not report
//! that a CA was revoked: it shows it as DISABLED from then on, and refuses
//! to enable or revoke it again. So the console keeps the date and reason
//! of each revocation it makes (localStorage, by CA id: ids are unique
//! UUIDs), and a CA it knows as revoked reads "Revoked" everywhere and is
//! offered only what the service still allows.

use std::collections::BTreeSet;
use std::sync::Arc;

use ccm_api::common::{CaStatus, RevocationReason};
use ccm_api::pca::cas::CertificateAuthority;
use leptos::prelude::*;

use super::storage;
use crate::i18n::{Locale, format, td_string};
use crate::pages::pca::labels;

pub const KEY: &str = "ccm-console/ca-revocations";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaRevocation {
    pub at_ms: i64,
    /// The RFC 5280 reason's wire name; empty when none was given.
    pub reason: String,
}

impl CaRevocation {
    /// "Revoked on 2026-12-05 (key compromise)" / "已于 2026年12月5日 吊销（密钥泄露）".
    pub fn describe(&self, locale: Locale) -> String {
        let date = format::date(locale, self.at_ms);
        if self.reason.is_empty() || self.reason == "UNSPECIFIED" {
            td_string!(locale, pca.revoked_on, date = date).to_string()
        } else {
            let reason = labels::reason(&RevocationReason::from_wire(&self.reason), locale).to_lowercase();
            td_string!(locale, pca.revoked_on_reason, date = date, reason = reason).to_string()
        }
    }
}

/// Every recorded revocation: (CA id, revocation), one per CA. A plain
/// list and a plain text form rather than a map and JSON: the overview
/// (the first download) reads it, and this keeps it small.
pub type Revocations = Vec<(String, CaRevocation)>;

/// Reads what was stored, a line per CA: `id TAB at_ms TAB reason`, or
/// the JSON object an earlier release stored (see `old_format`); the next
/// `record` writes it back as lines. A record that does not read is left
/// out.
pub fn parse(text: Option<&str>) -> Revocations {
    let text = text.unwrap_or_default();
    if text.trim_start().starts_with('{') {
        return old_format::parse(text);
    }
    text.lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let (id, at, reason) = (parts.next()?, parts.next()?, parts.next()?);
            let at_ms = at.parse().ok()?;
            (!id.is_empty()).then(|| (id.to_owned(), CaRevocation { at_ms, reason: reason.to_owned() }))
        })
        .collect()
}

/// What releases before the line format stored: serde_json's compact text
/// of a map from CA id to revocation,
/// `{"<id>":{"at_ms":N,"reason":"…"},"<id>":{…}}`. Read by hand, and only
/// that exact shape, so the overview (the first download) needs no JSON
/// decoder for it. Pure.
mod old_format {
    use super::{CaRevocation, Revocations};

    /// Every record of that shape; one that is not (a wrong type, a field
    /// missing, cut off) is skipped, and the rest kept.
    pub fn parse(text: &str) -> Revocations {
        // A record ends at its closing brace: the shape nests no deeper.
        text.split('}').filter_map(record).collect()
    }

    /// One record up to its closing brace, cut at its quotes:
    /// `{"<id>":{"at_ms":N,"reason":"…"` (a comma before the later ones).
    /// Ids and wire names hold no quote, so an escaped one breaks the shape.
    fn record(entry: &str) -> Option<(String, CaRevocation)> {
        let parts: Vec<&str> = entry.split('"').collect();
        let [_, id, ":{", "at_ms", at, "reason", ":", reason, ""] = parts[..] else { return None };
        let at_ms = at.strip_prefix(':')?.strip_suffix(',')?.parse().ok()?;
        (!id.is_empty()).then(|| (id.to_owned(), CaRevocation { at_ms, reason: reason.to_owned() }))
    }
}

/// The stored text of `revocations` (what `parse` reads).
pub fn to_text(revocations: &Revocations) -> String {
    revocations.iter().map(|(id, r)| format!("{id}\t{}\t{}\n", r.at_ms, r.reason)).collect()
}

/// What this browser has recorded.
pub fn stored() -> Revocations {
    parse(storage::read_local(KEY).as_deref())
}

/// The revocation recorded for a CA that still reads as revoked: the
/// service still shows it disabled (a revoked CA scheduled for deletion
/// reads as deleted).
pub fn revocation_of<'a>(revocations: &'a Revocations, ca: &CertificateAuthority) -> Option<&'a CaRevocation> {
    if ca.status != CaStatus::Disabled {
        return None;
    }
    revocations.iter().find(|(id, _)| *id == ca.ca_id).map(|(_, r)| r)
}

/// Whether the CA reads as revoked.
pub fn is_revoked(revocations: &Revocations, ca: &CertificateAuthority) -> bool {
    revocation_of(revocations, ca).is_some()
}

/// Records a revocation (a second one of the same CA replaces the first).
pub fn add(revocations: &mut Revocations, ca_id: &str, revocation: CaRevocation) {
    revocations.retain(|(id, _)| id != ca_id);
    revocations.push((ca_id.to_owned(), revocation));
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
        self.0.with_untracked(|r| revocation_of(r, ca).cloned())
    }

    /// The ids recorded as revoked (for the "Revoked" filter).
    pub fn ids(&self) -> Arc<BTreeSet<String>> {
        Arc::new(self.0.with(|r| r.iter().map(|(id, _)| id.clone()).collect()))
    }

    pub fn record(&self, ca_id: &str, reason: &str, at_ms: i64) {
        self.0.update(|r| add(r, ca_id, CaRevocation { at_ms, reason: reason.to_owned() }));
        self.0.with_untracked(|r| storage::write_local(KEY, &to_text(r)));
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
        add(&mut r, "a", CaRevocation { at_ms: 1_764_892_800_000, reason: "KEY_COMPROMISE".into() });
        assert!(is_revoked(&r, &ca("a", "DISABLED")));
        assert!(!is_revoked(&r, &ca("a", "DELETED")), "scheduled for deletion: reads as deleted");
        assert!(!is_revoked(&r, &ca("b", "DISABLED")), "disabled by hand");
        assert_eq!(revocation_of(&r, &ca("a", "DISABLED")).unwrap().describe(Locale::en), "Revoked on 2025-12-05 (key compromise)");
        assert_eq!(revocation_of(&r, &ca("a", "DISABLED")).unwrap().describe(Locale::zh_CN), "已于 2025年12月5日 吊销（密钥泄露）");
        assert_eq!(CaRevocation { at_ms: 1_764_892_800_000, reason: String::new() }.describe(Locale::en), "Revoked on 2025-12-05");
    }

    #[test]
    fn what_was_stored_reads_back_and_garbage_reads_as_nothing() {
        let mut r = Revocations::new();
        add(&mut r, "a", CaRevocation { at_ms: 5, reason: "SUPERSEDED".into() });
        add(&mut r, "b", CaRevocation { at_ms: 6, reason: String::new() });
        add(&mut r, "a", CaRevocation { at_ms: 7, reason: "KEY_COMPROMISE".into() });
        assert_eq!(r.len(), 2, "one record per CA, the last one kept");
        assert_eq!(parse(Some(&to_text(&r))), r);
        assert!(parse(Some("{not json")).is_empty());
        assert_eq!(parse(Some("a\tsoon\tX\n\tb\t1\tY\nc\t3\t\n")), vec![("c".to_owned(), CaRevocation { at_ms: 3, reason: String::new() })]);
    }

    /// What the release before the line format wrote (serde_json of a
    /// map from id to revocation).
    const OLD: &str = r#"{"0a1b-root":{"at_ms":1764892800000,"reason":"KEY_COMPROMISE"},"9f8e-sub":{"at_ms":1764979200000,"reason":""}}"#;

    #[test]
    fn records_stored_by_the_previous_release_still_read_as_revoked() {
        let r = parse(Some(OLD));
        assert_eq!(
            r,
            vec![
                ("0a1b-root".to_owned(), CaRevocation { at_ms: 1_764_892_800_000, reason: "KEY_COMPROMISE".into() }),
                ("9f8e-sub".to_owned(), CaRevocation { at_ms: 1_764_979_200_000, reason: String::new() }),
            ]
        );
        assert!(is_revoked(&r, &ca("0a1b-root", "DISABLED")));
        assert_eq!(revocation_of(&r, &ca("0a1b-root", "DISABLED")).unwrap().describe(Locale::en), "Revoked on 2025-12-05 (key compromise)");
    }

    #[test]
    fn a_malformed_old_record_is_dropped_and_the_others_kept() {
        let text = concat!(
            r#"{"a":{"at_ms":"soon","reason":"X"},"b":{"at_ms":6,"reason":"SUPERSEDED"},"#,
            r#""c":{"at_ms":7},"":{"at_ms":1,"reason":"X"},"d":{"at_ms":1,"reason":"A\"B"},"#,
            r#""e":{"at_ms":8,"reason":"CA_COMPROMISE"},"f":{"at_ms":9,"reas"#,
        );
        let ids: Vec<_> = parse(Some(text)).into_iter().map(|(id, r)| (id, r.at_ms, r.reason)).collect();
        assert_eq!(ids, [("b".to_owned(), 6, "SUPERSEDED".to_owned()), ("e".to_owned(), 8, "CA_COMPROMISE".to_owned())]);
        assert!(parse(Some("{}")).is_empty());
        assert!(parse(Some("{not json")).is_empty());
    }

    #[test]
    fn old_records_are_written_back_as_lines_with_the_new_ones() {
        let mut r = parse(Some(OLD));
        add(&mut r, "77aa-new", CaRevocation { at_ms: 9, reason: "SUPERSEDED".into() });
        let text = to_text(&r);
        assert!(!text.contains('{'), "the next save writes the line format: {text}");
        assert_eq!(text.lines().count(), 3);
        assert_eq!(parse(Some(&text)), r);
    }
}

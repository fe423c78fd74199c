//! The CA view's state in the URL: filters, sort, layout and the selected
//! CA, so every view of the hierarchy can be linked. Pure.

use ccm_api::common::{CaStatus, CaType, SortDir};
use ccm_api::pca::cas::{CaSortKey, CertificateAuthority};
use std::collections::BTreeSet;
use std::sync::Arc;

use crate::list::sort::Sorted;
use crate::pages::pca::hierarchy::compare;
use crate::list::url_state::{QueryReader, QueryWriter, UrlState};
use crate::tags::TagFilter;

/// The status filter's value for "revoked from here".
pub const REVOKED: &str = "REVOKED";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Tree,
    Table,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaViewQuery {
    /// Part of the common name, as the API's `name` filter.
    pub name: String,
    pub status: Option<CaStatus>,
    /// Only CAs revoked from this console (`status=REVOKED`: the service
    /// itself shows them as disabled; see state/ca_revocations.rs).
    pub revoked: bool,
    /// The ids recorded as revoked; not in the URL, filled in by the page.
    pub revoked_ids: Arc<BTreeSet<String>>,
    pub kind: Option<CaType>,
    pub sort_key: CaSortKey,
    pub sort_dir: SortDir,
    pub layout: Layout,
    pub selected: Option<String>,
    /// Only CAs carrying this tag (found with the resource-instance search).
    pub tag: Option<TagFilter>,
    /// The ids that search returned; not in the URL, filled in by the page.
    /// `None` while a tag filter is still being looked up.
    pub tagged: Option<Arc<BTreeSet<String>>>,
}

impl Default for CaViewQuery {
    fn default() -> Self {
        CaViewQuery {
            name: String::new(),
            status: None,
            revoked: false,
            revoked_ids: Arc::default(),
            kind: None,
            sort_key: CaSortKey::CreateTime,
            sort_dir: SortDir::Asc,
            layout: Layout::Tree,
            selected: None,
            tag: None,
            tagged: None,
        }
    }
}

impl UrlState for CaViewQuery {
    fn read(q: &QueryReader<'_>) -> Self {
        let d = CaViewQuery::default();
        CaViewQuery {
            name: q.text("name"),
            status: q.wire("status"),
            revoked: q.is("status", REVOKED),
            revoked_ids: Arc::default(),
            kind: q.wire("type"),
            sort_key: q.wire("sort_key").unwrap_or(d.sort_key),
            sort_dir: q.wire("sort_dir").unwrap_or(d.sort_dir),
            layout: if q.is("view", "table") { Layout::Table } else { Layout::Tree },
            selected: q.id("ca"),
            tag: q.raw("tag").and_then(|t| TagFilter::from_param(&t)),
            tagged: None,
        }
    }

    fn write(&self, w: &mut QueryWriter) {
        let d = CaViewQuery::default();
        w.text("name", &self.name);
        w.wire("status", self.status.as_ref());
        w.flag("status", REVOKED, self.revoked);
        w.wire("type", self.kind.as_ref());
        w.wire_unless("sort_key", &self.sort_key, &d.sort_key);
        w.wire_unless("sort_dir", &self.sort_dir, &d.sort_dir);
        w.flag("view", "table", self.layout == Layout::Table);
        w.id("tag", self.tag.as_ref().map(TagFilter::to_param).as_deref());
        w.id("ca", self.selected.as_deref());
    }
}

impl Sorted for CaViewQuery {
    type Key = CaSortKey;

    fn sort_key(&self) -> &CaSortKey {
        &self.sort_key
    }

    fn sort_dir(&self) -> &SortDir {
        &self.sort_dir
    }

    fn sorted_by(&self, key: CaSortKey, dir: SortDir) -> Self {
        CaViewQuery { sort_key: key, sort_dir: dir, ..self.clone() }
    }
}

impl CaViewQuery {
    /// The same filter the API applies: name contained in the common name
    /// (case-insensitive), exact status and type; with a tag filter, one of
    /// the ids the tag search found.
    pub fn matches(&self, ca: &CertificateAuthority) -> bool {
        let name = self.name.trim().to_lowercase();
        (name.is_empty() || ca.distinguished_name.common_name.to_lowercase().contains(&name))
            && self.status.as_ref().is_none_or(|s| &ca.status == s)
            && (!self.revoked || (ca.status == CaStatus::Disabled && self.revoked_ids.contains(&ca.ca_id)))
            && self.kind.as_ref().is_none_or(|k| &ca.kind == k)
            && (self.tag.is_none() || self.tagged.as_ref().is_some_and(|ids| ids.contains(&ca.ca_id)))
    }

    /// The CAs the table shows: those that match, in the chosen order.
    pub fn table_rows(&self, cas: &[CertificateAuthority]) -> Vec<CertificateAuthority> {
        let mut rows: Vec<CertificateAuthority> = cas.iter().filter(|c| self.matches(c)).cloned().collect();
        rows.sort_by(|a, b| compare(a, b, &self.sort_key, &self.sort_dir));
        rows
    }

    pub fn has_filter(&self) -> bool {
        !self.name.trim().is_empty() || self.status.is_some() || self.revoked || self.kind.is_some() || self.tag.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::url_state::{assert_round_trip, from_pairs};

    fn parse(q: &[(&str, &str)]) -> CaViewQuery {
        from_pairs(q)
    }

    #[test]
    fn round_trips_every_field() {
        let q = CaViewQuery {
            name: "team ca".into(),
            status: Some(CaStatus::Disabled),
            revoked: false,
            revoked_ids: Arc::default(),
            kind: Some(CaType::Subordinate),
            sort_key: CaSortKey::NotAfter,
            sort_dir: SortDir::Desc,
            layout: Layout::Table,
            selected: Some("4c0e772e".into()),
            tag: Some(TagFilter { key: "env".into(), value: Some("prod".into()) }),
            tagged: None,
        };
        assert_round_trip(
            q,
            "?name=team%20ca&status=DISABLED&type=SUBORDINATE&sort_key=not_after&sort_dir=DESC&view=table&tag=env%3Dprod&ca=4c0e772e",
        );
    }

    #[test]
    fn unknown_values_are_ignored() {
        let q = parse(&[("status", "BOGUS"), ("sort_key", "x"), ("view", "grid")]);
        assert_eq!(q, CaViewQuery::default());
    }

    #[test]
    fn filter_matches_like_the_api() {
        let ca: CertificateAuthority = serde_json::from_value(serde_json::json!({
            "ca_id": "a", "type": "ROOT", "status": "ACTIVED", "distinguished_name": {"common_name": "Acme Root CA"}
        }))
        .unwrap();
        assert!(parse(&[("name", "root")]).matches(&ca));
        assert!(!parse(&[("name", "issuing")]).matches(&ca));
        assert!(parse(&[("status", "ACTIVED"), ("type", "ROOT")]).matches(&ca));
        assert!(!parse(&[("type", "SUBORDINATE")]).matches(&ca));
        // A tag filter matches nothing until the search answered, then its ids.
        let mut tagged = parse(&[("tag", "env=prod")]);
        assert!(tagged.has_filter() && !tagged.matches(&ca));
        tagged.tagged = Some(Arc::new(BTreeSet::from(["a".to_owned()])));
        assert!(tagged.matches(&ca));
        tagged.tagged = Some(Arc::new(BTreeSet::new()));
        assert!(!tagged.matches(&ca));
    }

    #[test]
    fn the_revoked_filter_keeps_disabled_cas_recorded_as_revoked() {
        let ca = |id: &str, status: &str| -> CertificateAuthority {
            serde_json::from_value(serde_json::json!({
                "ca_id": id, "type": "SUBORDINATE", "status": status, "distinguished_name": {"common_name": id}
            }))
            .unwrap()
        };
        let mut q = parse(&[("status", "REVOKED")]);
        assert!(q.revoked && q.status.is_none() && q.has_filter());
        assert_eq!(q.to_query(), "?status=REVOKED");
        q.revoked_ids = Arc::new(BTreeSet::from(["a".to_owned()]));
        assert!(q.matches(&ca("a", "DISABLED")));
        assert!(!q.matches(&ca("a", "DELETED")));
        assert!(!q.matches(&ca("b", "DISABLED")));
    }

    #[test]
    fn the_table_shows_the_matching_cas_in_the_chosen_order() {
        let ca = |id: &str, cn: &str| -> CertificateAuthority {
            serde_json::from_value(serde_json::json!({
                "ca_id": id, "type": "ROOT", "status": "ACTIVED", "distinguished_name": {"common_name": cn}
            }))
            .unwrap()
        };
        let cas = [ca("1", "Beta Root"), ca("2", "alpha Root"), ca("3", "Gamma Lab")];
        let names = |q: &CaViewQuery| q.table_rows(&cas).into_iter().map(|c| c.ca_id).collect::<Vec<_>>();
        assert_eq!(names(&parse(&[("name", "root"), ("sort_key", "common_name")])), ["2", "1"]);
        assert_eq!(names(&parse(&[("name", "root"), ("sort_key", "common_name"), ("sort_dir", "DESC")])), ["1", "2"]);
    }
}

//! The CA view's state in the URL: filters, sort, layout and the selected
//! CA, so every view of the hierarchy can be linked. Pure.

use ccm_api::common::{CaStatus, CaType, SortDir};
use ccm_api::pca::cas::{CaSortKey, CertificateAuthority};
use ccm_api::sign::encode_component;
use std::collections::BTreeSet;
use std::sync::Arc;

use crate::tags::TagFilter;

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

impl CaViewQuery {
    /// Reads the query; unknown or empty values fall back to defaults.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Self {
        let d = CaViewQuery::default();
        let known = |v: Option<String>, wire: &[&str]| v.filter(|v| wire.contains(&v.as_str()));
        CaViewQuery {
            name: get("name").unwrap_or_default(),
            status: known(get("status"), CaStatus::WIRE).map(|s| CaStatus::from_wire(&s)),
            kind: known(get("type"), CaType::WIRE).map(|s| CaType::from_wire(&s)),
            sort_key: known(get("sort_key"), CaSortKey::WIRE).map(|s| CaSortKey::from_wire(&s)).unwrap_or(d.sort_key),
            sort_dir: known(get("sort_dir"), SortDir::WIRE).map(|s| SortDir::from_wire(&s)).unwrap_or(d.sort_dir),
            layout: if get("view").as_deref() == Some("table") { Layout::Table } else { Layout::Tree },
            selected: get("ca").filter(|s| !s.is_empty()),
            tag: get("tag").and_then(|t| TagFilter::from_param(&t)),
            tagged: None,
        }
    }

    /// `?name=…&status=…` with defaults left out (short, stable links).
    pub fn to_query(&self) -> String {
        let d = CaViewQuery::default();
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.name.is_empty() {
            pairs.push(("name", self.name.clone()));
        }
        if let Some(s) = &self.status {
            pairs.push(("status", s.as_str().to_owned()));
        }
        if let Some(k) = &self.kind {
            pairs.push(("type", k.as_str().to_owned()));
        }
        if self.sort_key != d.sort_key {
            pairs.push(("sort_key", self.sort_key.as_str().to_owned()));
        }
        if self.sort_dir != d.sort_dir {
            pairs.push(("sort_dir", self.sort_dir.as_str().to_owned()));
        }
        if self.layout == Layout::Table {
            pairs.push(("view", "table".to_owned()));
        }
        if let Some(t) = &self.tag {
            pairs.push(("tag", t.to_param()));
        }
        if let Some(id) = &self.selected {
            pairs.push(("ca", id.clone()));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode_component(v))).collect();
        format!("?{}", body.join("&"))
    }

    /// The same filter the API applies: name contained in the common name
    /// (case-insensitive), exact status and type; with a tag filter, one of
    /// the ids the tag search found.
    pub fn matches(&self, ca: &CertificateAuthority) -> bool {
        let name = self.name.trim().to_lowercase();
        (name.is_empty() || ca.distinguished_name.common_name.to_lowercase().contains(&name))
            && self.status.as_ref().is_none_or(|s| &ca.status == s)
            && self.kind.as_ref().is_none_or(|k| &ca.kind == k)
            && (self.tag.is_none() || self.tagged.as_ref().is_some_and(|ids| ids.contains(&ca.ca_id)))
    }

    pub fn has_filter(&self) -> bool {
        !self.name.trim().is_empty() || self.status.is_some() || self.kind.is_some() || self.tag.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(q: &[(&str, &str)]) -> CaViewQuery {
        let map: HashMap<String, String> = q.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        CaViewQuery::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_make_an_empty_query() {
        assert_eq!(CaViewQuery::default().to_query(), "");
        assert_eq!(parse(&[]), CaViewQuery::default());
    }

    #[test]
    fn round_trips_every_field() {
        let q = CaViewQuery {
            name: "team ca".into(),
            status: Some(CaStatus::Disabled),
            kind: Some(CaType::Subordinate),
            sort_key: CaSortKey::NotAfter,
            sort_dir: SortDir::Desc,
            layout: Layout::Table,
            selected: Some("4c0e772e".into()),
            tag: Some(TagFilter { key: "env".into(), value: Some("prod".into()) }),
            tagged: None,
        };
        let text = q.to_query();
        assert_eq!(
            text,
            "?name=team%20ca&status=DISABLED&type=SUBORDINATE&sort_key=not_after&sort_dir=DESC&view=table&tag=env%3Dprod&ca=4c0e772e"
        );
        let pairs: Vec<(String, String)> = text[1..]
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_owned(), ccm_api::sign::decode_component(v))
            })
            .collect();
        let back = CaViewQuery::from_lookup(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()));
        assert_eq!(back, q);
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
}

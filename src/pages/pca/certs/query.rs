//! The certificate list's state in the URL: filters, sort, page, the
//! issuing CA and the tag filter, so every list can be linked. Pure, but
//! for [`SetQuery`], the handle the list's parts write it through.

use ccm_api::common::{CertificateStatus, SortDir};
use ccm_api::pca::certs::{CertListQuery, CertSortKey};
use ccm_api::sign::encode_component;
use leptos::prelude::Callback;

use crate::tags::TagFilter;

/// Page sizes offered; the API accepts up to 1000.
pub const PAGE_SIZES: [i64; 4] = [10, 20, 50, 100];
const DEFAULT_LIMIT: i64 = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertViewQuery {
    /// Part of the common name, as the API's `name` filter.
    pub name: String,
    pub status: Option<CertificateStatus>,
    pub sort_key: CertSortKey,
    pub sort_dir: SortDir,
    pub limit: i64,
    pub offset: i64,
    /// Only certificates this CA issued (the list call has no such filter:
    /// the console reads every page and filters itself).
    pub ca_id: Option<String>,
    /// Only certificates with this tag (the resource-instance search).
    pub tag: Option<TagFilter>,
}

/// Writes a new list state into the URL (history entry replaced, so the
/// back button leaves the view rather than undoing each keystroke).
#[derive(Clone, Copy)]
pub struct SetQuery(pub Callback<CertViewQuery>);

impl Default for CertViewQuery {
    fn default() -> Self {
        CertViewQuery {
            name: String::new(),
            status: None,
            sort_key: CertSortKey::CreateTime,
            sort_dir: SortDir::Desc,
            limit: DEFAULT_LIMIT,
            offset: 0,
            ca_id: None,
            tag: None,
        }
    }
}

/// Where a list comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListSource {
    /// One page of the list call, filtered and sorted by the service.
    Api(CertListQuery),
    /// Every certificate matching the service-side filters, then filtered,
    /// sorted and paged in the browser (issuer or tag filter set).
    Everything,
}

impl CertViewQuery {
    /// Reads the query; unknown or empty values fall back to defaults.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Self {
        let d = CertViewQuery::default();
        let known = |v: Option<String>, wire: &[&str]| v.filter(|v| wire.contains(&v.as_str()));
        let number = |k: &str| get(k).and_then(|v| v.trim().parse::<i64>().ok());
        CertViewQuery {
            name: get("name").unwrap_or_default(),
            status: known(get("status"), CertificateStatus::WIRE).map(|s| CertificateStatus::from_wire(&s)),
            sort_key: known(get("sort_key"), CertSortKey::WIRE).map(|s| CertSortKey::from_wire(&s)).unwrap_or(d.sort_key),
            sort_dir: known(get("sort_dir"), SortDir::WIRE).map(|s| SortDir::from_wire(&s)).unwrap_or(d.sort_dir),
            limit: number("limit").filter(|l| PAGE_SIZES.contains(l)).unwrap_or(d.limit),
            offset: number("offset").filter(|o| *o >= 0).unwrap_or(0),
            ca_id: get("ca_id").filter(|s| !s.trim().is_empty()),
            tag: get("tag").and_then(|t| TagFilter::from_param(t.trim())),
        }
    }

    /// `?name=…&status=…` with defaults left out (short, stable links).
    pub fn to_query(&self) -> String {
        let d = CertViewQuery::default();
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.name.is_empty() {
            pairs.push(("name", self.name.clone()));
        }
        if let Some(s) = &self.status {
            pairs.push(("status", s.as_str().to_owned()));
        }
        if self.sort_key != d.sort_key {
            pairs.push(("sort_key", self.sort_key.as_str().to_owned()));
        }
        if self.sort_dir != d.sort_dir {
            pairs.push(("sort_dir", self.sort_dir.as_str().to_owned()));
        }
        if self.limit != d.limit {
            pairs.push(("limit", self.limit.to_string()));
        }
        if self.offset != 0 {
            pairs.push(("offset", self.offset.to_string()));
        }
        if let Some(id) = &self.ca_id {
            pairs.push(("ca_id", id.clone()));
        }
        if let Some(t) = &self.tag {
            pairs.push(("tag", t.to_param()));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode_component(v))).collect();
        format!("?{}", body.join("&"))
    }

    /// The same view from its first page (after a filter changed).
    pub fn first_page(mut self) -> Self {
        self.offset = 0;
        self
    }

    /// The service-side part: name, status and sort, with this page's
    /// window when `paged`.
    pub fn api_query(&self, paged: bool) -> CertListQuery {
        let name = self.name.trim();
        CertListQuery {
            limit: paged.then_some(self.limit),
            offset: paged.then_some(self.offset),
            name: (!name.is_empty()).then(|| name.to_owned()),
            status: self.status.clone(),
            sort_key: Some(self.sort_key.clone()),
            sort_dir: Some(self.sort_dir.clone()),
        }
    }

    pub fn source(&self) -> ListSource {
        if self.ca_id.is_some() || self.tag.is_some() {
            ListSource::Everything
        } else {
            ListSource::Api(self.api_query(true))
        }
    }

    pub fn has_filter(&self) -> bool {
        !self.name.trim().is_empty() || self.status.is_some() || self.ca_id.is_some() || self.tag.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(q: &[(&str, &str)]) -> CertViewQuery {
        let map: HashMap<String, String> = q.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        CertViewQuery::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_make_an_empty_query() {
        assert_eq!(CertViewQuery::default().to_query(), "");
        assert_eq!(parse(&[]), CertViewQuery::default());
    }

    #[test]
    fn round_trips_every_field() {
        let q = CertViewQuery {
            name: "web 01".into(),
            status: Some(CertificateStatus::Revoked),
            sort_key: CertSortKey::NotAfter,
            sort_dir: SortDir::Asc,
            limit: 50,
            offset: 100,
            ca_id: Some("a0000000-0000-4000-8000-000000000001".into()),
            tag: Some(TagFilter { key: "env".into(), value: Some("prod".into()) }),
        };
        let text = q.to_query();
        assert_eq!(
            text,
            "?name=web%2001&status=REVOKED&sort_key=not_after&sort_dir=ASC&limit=50&offset=100&ca_id=a0000000-0000-4000-8000-000000000001&tag=env%3Dprod"
        );
        let pairs: Vec<(String, String)> = text[1..]
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_owned(), ccm_api::sign::decode_component(v))
            })
            .collect();
        let back = CertViewQuery::from_lookup(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()));
        assert_eq!(back, q);
    }

    #[test]
    fn unknown_values_are_ignored() {
        let q = parse(&[("status", "BOGUS"), ("sort_key", "x"), ("limit", "7"), ("offset", "-5"), ("tag", " ")]);
        assert_eq!(q, CertViewQuery::default());
    }

    #[test]
    fn the_api_gets_one_page_unless_the_browser_filters() {
        let q = parse(&[("name", " web "), ("status", "ISSUED"), ("offset", "40")]);
        let ListSource::Api(api) = q.source() else { panic!("plain filters go to the API") };
        assert_eq!(api.name.as_deref(), Some("web"));
        assert_eq!((api.limit, api.offset), (Some(20), Some(40)));
        assert_eq!(ccm_api::pca::certs::list_certificate(&api).query_string(), "limit=20&name=web&offset=40&sort_dir=DESC&sort_key=create_time&status=ISSUED");
        assert_eq!(parse(&[("ca_id", "x")]).source(), ListSource::Everything);
        assert_eq!(parse(&[("tag", "env")]).source(), ListSource::Everything);
        assert_eq!(parse(&[("ca_id", "x")]).api_query(false).limit, None);
    }
}

//! The SSL certificate list's state in the URL: status filter, search,
//! sort, page size, offset and the selected certificate. Pure.

use ccm_api::common::SortDir;
use ccm_api::scm::{ScmListQuery, ScmSortKey, ScmStatus, SCM_PAGE_SIZES};
use ccm_api::sign::encode_component;
use ccm_api::validate::SCM_STATUS_FILTERS;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScmViewQuery {
    /// `None`: every status.
    pub status: Option<ScmStatus>,
    /// Part of the name or a domain (the API's `content`).
    pub search: String,
    pub sort_key: ScmSortKey,
    pub sort_dir: SortDir,
    /// 10, 20 or 50.
    pub limit: i64,
    pub offset: i64,
    pub selected: Option<String>,
}

impl Default for ScmViewQuery {
    fn default() -> Self {
        // The service's own default order: last updated first.
        ScmViewQuery {
            status: None,
            search: String::new(),
            sort_key: ScmSortKey::CertUpdateTime,
            sort_dir: SortDir::Desc,
            limit: 10,
            offset: 0,
            selected: None,
        }
    }
}

/// The statuses the list can be filtered by (the reference's list).
pub fn status_filters() -> Vec<ScmStatus> {
    SCM_STATUS_FILTERS.iter().filter(|s| **s != "ALL").map(|s| ScmStatus::from_wire(s)).collect()
}

impl ScmViewQuery {
    /// Reads the query; unknown or malformed values fall back to defaults.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Self {
        let d = ScmViewQuery::default();
        let known = |v: Option<String>, wire: &[&str]| v.filter(|v| wire.contains(&v.as_str()));
        let limit = get("limit").and_then(|l| l.parse().ok()).filter(|l| SCM_PAGE_SIZES.contains(l)).unwrap_or(d.limit);
        let offset = get("offset").and_then(|o| o.parse::<i64>().ok()).filter(|o| *o >= 0).unwrap_or(0);
        ScmViewQuery {
            status: known(get("status"), SCM_STATUS_FILTERS).filter(|s| s != "ALL").map(|s| ScmStatus::from_wire(&s)),
            search: get("q").unwrap_or_default(),
            sort_key: known(get("sort_key"), ScmSortKey::WIRE).map(|s| ScmSortKey::from_wire(&s)).unwrap_or(d.sort_key),
            sort_dir: known(get("sort_dir"), SortDir::WIRE).map(|s| SortDir::from_wire(&s)).unwrap_or(d.sort_dir),
            limit,
            // Offsets are whole pages.
            offset: offset - offset % limit,
            selected: get("cert").filter(|s| !s.is_empty()),
        }
    }

    /// `?status=…&q=…` with defaults left out.
    pub fn to_query(&self) -> String {
        let d = ScmViewQuery::default();
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(s) = &self.status {
            pairs.push(("status", s.as_str().to_owned()));
        }
        if !self.search.is_empty() {
            pairs.push(("q", self.search.clone()));
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
        if let Some(id) = &self.selected {
            pairs.push(("cert", id.clone()));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode_component(v))).collect();
        format!("?{}", body.join("&"))
    }

    /// The list call for this view.
    pub fn to_list_query(&self) -> ScmListQuery {
        let search = self.search.trim();
        ScmListQuery {
            limit: Some(self.limit),
            offset: Some(self.offset),
            sort_dir: Some(self.sort_dir.clone()),
            sort_key: Some(self.sort_key.clone()),
            status: Some(self.status.clone().unwrap_or(ScmStatus::All)),
            content: (!search.is_empty()).then(|| search.to_owned()),
            ..Default::default()
        }
    }

    /// A changed filter, sort or page size starts again at the first page.
    pub fn with_filter(&self, change: impl FnOnce(&mut ScmViewQuery)) -> ScmViewQuery {
        let mut q = self.clone();
        change(&mut q);
        q.offset = 0;
        q
    }

    pub fn page(&self, total: i64) -> Page {
        Page::of(self.offset, self.limit, total)
    }

    pub fn at_offset(&self, offset: i64) -> ScmViewQuery {
        ScmViewQuery { offset: offset.max(0), ..self.clone() }
    }
}

/// Where a page sits in the whole list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// 1-based first and last row shown; 0, 0 when empty.
    pub first: i64,
    pub last: i64,
    pub total: i64,
    /// 1-based.
    pub number: i64,
    pub count: i64,
    pub previous: Option<i64>,
    pub next: Option<i64>,
}

impl Page {
    pub fn of(offset: i64, limit: i64, total: i64) -> Page {
        let count = ((total + limit - 1) / limit).max(1);
        let last = (offset + limit).min(total);
        Page {
            first: if total == 0 || offset >= total { 0 } else { offset + 1 },
            last: if offset >= total { 0 } else { last },
            total,
            number: offset / limit + 1,
            count,
            previous: (offset > 0).then(|| (offset - limit).max(0)),
            next: (offset + limit < total).then_some(offset + limit),
        }
    }

    /// "11–20 of 60".
    pub fn describe(&self) -> String {
        if self.total == 0 {
            "No certificates".to_owned()
        } else if self.first == 0 {
            format!("Past the end of the list ({} in all)", self.total)
        } else {
            format!("{}–{} of {}", self.first, self.last, self.total)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(q: &[(&str, &str)]) -> ScmViewQuery {
        let map: HashMap<String, String> = q.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        ScmViewQuery::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_make_an_empty_query() {
        assert_eq!(ScmViewQuery::default().to_query(), "");
        assert_eq!(parse(&[]), ScmViewQuery::default());
    }

    #[test]
    fn round_trips_every_field() {
        let q = ScmViewQuery {
            status: Some(ScmStatus::Upload),
            search: "shop example".into(),
            sort_key: ScmSortKey::CertExpiredTime,
            sort_dir: SortDir::Asc,
            limit: 20,
            offset: 40,
            selected: Some("scs1554192131150".into()),
        };
        let text = q.to_query();
        assert_eq!(text, "?status=UPLOAD&q=shop%20example&sort_key=certExpiredTime&sort_dir=ASC&limit=20&offset=40&cert=scs1554192131150");
        let pairs: Vec<(String, String)> = text[1..]
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_owned(), ccm_api::sign::decode_component(v))
            })
            .collect();
        assert_eq!(ScmViewQuery::from_lookup(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())), q);
    }

    #[test]
    fn bad_values_fall_back() {
        let q = parse(&[("status", "NOPE"), ("limit", "25"), ("offset", "-3"), ("sort_key", "name"), ("sort_dir", "UP")]);
        assert_eq!(q, ScmViewQuery::default());
        // An offset inside a page snaps to the page start.
        assert_eq!(parse(&[("limit", "20"), ("offset", "45")]).offset, 40);
    }

    #[test]
    fn every_documented_filter_status_is_offered() {
        let statuses = status_filters();
        assert_eq!(statuses.len(), SCM_STATUS_FILTERS.len() - 1);
        assert!(statuses.contains(&ScmStatus::SupplementChecking));
        assert!(!statuses.contains(&ScmStatus::All));
    }

    #[test]
    fn the_list_call_carries_the_view() {
        let q = parse(&[("status", "ISSUED"), ("q", " shop "), ("limit", "50"), ("offset", "50")]);
        let req = ccm_api::scm::list_certificates(&q.to_list_query());
        assert_eq!(req.query_string(), "content=shop&limit=50&offset=50&sort_dir=DESC&sort_key=certUpdateTime&status=ISSUED");
        assert!(ccm_api::validate::validate_request(&req, &ccm_api::validate::Context { now_millis: 0 }).is_empty());
        let all = ccm_api::scm::list_certificates(&ScmViewQuery::default().to_list_query());
        assert!(all.query_string().contains("status=ALL"));
    }

    #[test]
    fn changing_a_filter_goes_back_to_the_first_page() {
        let q = parse(&[("offset", "20")]);
        assert_eq!(q.with_filter(|q| q.search = "x".into()).offset, 0);
    }

    #[test]
    fn pages() {
        let p = Page::of(10, 10, 60);
        assert_eq!((p.first, p.last, p.number, p.count, p.previous, p.next), (11, 20, 2, 6, Some(0), Some(20)));
        assert_eq!(p.describe(), "11–20 of 60");
        let last = Page::of(50, 50, 60);
        assert_eq!((last.first, last.last, last.next, last.previous), (51, 60, None, Some(0)));
        assert_eq!(Page::of(0, 10, 0).describe(), "No certificates");
        assert_eq!(Page::of(0, 10, 0).count, 1);
    }
}

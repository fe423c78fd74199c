//! The SSL certificate list's state in the URL: status filter, search,
//! deployable / own / expired-within filters, sort, page size, offset and
//! the selected certificate. Pure.

use ccm_api::common::SortDir;
use ccm_api::scm::{ScmListQuery, ScmSortKey, ScmStatus, SCM_PAGE_SIZES};
use ccm_api::validate::SCM_STATUS_FILTERS;

use crate::list::page::PageInfo;
use crate::list::sort::Sorted;
use crate::list::url_state::{QueryReader, QueryWriter, UrlState};
use crate::tags::TagFilter;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScmViewQuery {
    /// `None`: every status.
    pub status: Option<ScmStatus>,
    /// Part of the name or a domain (the API's `content`).
    pub search: String,
    /// Only certificates that can be deployed to cloud resources.
    pub deployable: bool,
    /// Only the account's own certificates (not shared with it).
    pub own: bool,
    /// Leave out certificates that expired more than this many days ago
    /// (`expired_days_since`: valid ones and those expired within N days).
    pub expired_within: Option<i64>,
    /// Only certificates with this tag (the tag search, `tag_list.rs`).
    pub tag: Option<TagFilter>,
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
            deployable: false,
            own: false,
            expired_within: None,
            tag: None,
            sort_key: ScmSortKey::CertUpdateTime,
            sort_dir: SortDir::Desc,
            limit: 10,
            offset: 0,
            selected: None,
        }
    }
}

/// The "expired within" choices, in days.
pub const EXPIRY_WINDOWS: &[i64] = &[7, 30, 60, 90, 180];

/// The statuses the list can be filtered by (the reference's list).
pub fn status_filters() -> Vec<ScmStatus> {
    SCM_STATUS_FILTERS.iter().filter(|s| **s != "ALL").map(|s| ScmStatus::from_wire(s)).collect()
}

impl UrlState for ScmViewQuery {
    fn read(q: &QueryReader<'_>) -> Self {
        let d = ScmViewQuery::default();
        let limit = q.number_in("limit", SCM_PAGE_SIZES).unwrap_or(d.limit);
        let offset = q.offset("offset");
        ScmViewQuery {
            status: q.wire_among("status", SCM_STATUS_FILTERS).filter(|s| *s != ScmStatus::All),
            search: q.text("q"),
            deployable: q.is("deployable", "1"),
            own: q.is("own", "1"),
            expired_within: q.number_in("expired_within", EXPIRY_WINDOWS),
            tag: q.raw("tag").and_then(|t| TagFilter::from_param(&t)),
            sort_key: q.wire("sort_key").unwrap_or(d.sort_key),
            sort_dir: q.wire("sort_dir").unwrap_or(d.sort_dir),
            limit,
            // Offsets are whole pages.
            offset: offset - offset % limit,
            selected: q.id("cert"),
        }
    }

    fn write(&self, w: &mut QueryWriter) {
        let d = ScmViewQuery::default();
        w.wire("status", self.status.as_ref());
        w.text("q", &self.search);
        w.flag("deployable", "1", self.deployable);
        w.flag("own", "1", self.own);
        w.number_unless("expired_within", self.expired_within.unwrap_or(0), 0);
        w.id("tag", self.tag.as_ref().map(TagFilter::to_param).as_deref());
        w.wire_unless("sort_key", &self.sort_key, &d.sort_key);
        w.wire_unless("sort_dir", &self.sort_dir, &d.sort_dir);
        w.number_unless("limit", self.limit, d.limit);
        w.number_unless("offset", self.offset, 0);
        w.id("cert", self.selected.as_deref());
    }
}

impl Sorted for ScmViewQuery {
    type Key = ScmSortKey;

    fn sort_key(&self) -> &ScmSortKey {
        &self.sort_key
    }

    fn sort_dir(&self) -> &SortDir {
        &self.sort_dir
    }

    fn sorted_by(&self, key: ScmSortKey, dir: SortDir) -> Self {
        self.with_filter(|q| {
            q.sort_key = key;
            q.sort_dir = dir;
        })
    }
}

impl ScmViewQuery {
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
            // A filter that is off is left out rather than sent as false.
            deploy_support: self.deployable.then_some(true),
            owned_by_self: self.own.then_some(true),
            expired_days_since: self.expired_within,
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

    pub fn page(&self, total: i64) -> PageInfo {
        PageInfo { total, limit: self.limit, offset: self.offset }
    }

    pub fn at_offset(&self, offset: i64) -> ScmViewQuery {
        ScmViewQuery { offset: offset.max(0), ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::url_state::{assert_round_trip, from_pairs};

    fn parse(q: &[(&str, &str)]) -> ScmViewQuery {
        from_pairs(q)
    }

    #[test]
    fn round_trips_every_field() {
        let q = ScmViewQuery {
            status: Some(ScmStatus::Upload),
            search: "shop example".into(),
            deployable: true,
            own: true,
            expired_within: Some(30),
            tag: Some(TagFilter { key: "env".into(), value: Some("prod".into()) }),
            sort_key: ScmSortKey::CertExpiredTime,
            sort_dir: SortDir::Asc,
            limit: 20,
            offset: 40,
            selected: Some("scs1554192131150".into()),
        };
        assert_round_trip(q, "?status=UPLOAD&q=shop%20example&deployable=1&own=1&expired_within=30&tag=env%3Dprod&sort_key=certExpiredTime&sort_dir=ASC&limit=20&offset=40&cert=scs1554192131150");
    }

    #[test]
    fn bad_values_fall_back() {
        let q = parse(&[
            ("status", "NOPE"),
            ("limit", "25"),
            ("offset", "-3"),
            ("sort_key", "name"),
            ("sort_dir", "UP"),
            ("deployable", "yes"),
            ("own", "0"),
            ("expired_within", "45"),
        ]);
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
    fn the_new_filters_reach_the_list_call_only_when_set() {
        let q = parse(&[("deployable", "1"), ("own", "1"), ("expired_within", "90")]);
        let req = ccm_api::scm::list_certificates(&q.to_list_query());
        let qs = req.query_string();
        assert!(qs.contains("deploy_support=true") && qs.contains("owned_by_self=true") && qs.contains("expired_days_since=90"), "{qs}");
        assert!(ccm_api::validate::validate_request(&req, &ccm_api::validate::Context { now_millis: 0 }).is_empty());
        let plain = ccm_api::scm::list_certificates(&ScmViewQuery::default().to_list_query()).query_string();
        assert!(!plain.contains("deploy_support") && !plain.contains("owned_by_self") && !plain.contains("expired_days_since"), "{plain}");
    }

    #[test]
    fn changing_a_filter_goes_back_to_the_first_page() {
        let q = parse(&[("offset", "20")]);
        assert_eq!(q.with_filter(|q| q.search = "x".into()).offset, 0);
    }

    #[test]
    fn pages_are_whole_windows_of_the_list() {
        let p = parse(&[("offset", "10")]).page(60);
        assert_eq!((p.first(), p.last(), p.page(), p.pages(), p.previous(), p.next()), (11, 20, 2, 6, Some(0), Some(20)));
        assert_eq!(p.summary("No certificates", crate::i18n::Locale::en), "11–20 of 60");
        assert_eq!(ScmViewQuery::default().page(0).summary("No certificates", crate::i18n::Locale::en), "No certificates");
    }
}

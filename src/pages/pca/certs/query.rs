//! The certificate list's state in the URL: filters, sort, page, the
//! issuing CA and the tag filter, so every list can be linked. Pure.

use ccm_api::common::{CertificateStatus, SortDir};
use ccm_api::pca::certs::{CertListQuery, CertSortKey};

use crate::list::sort::Sorted;
use crate::list::url_state::{QueryReader, QueryWriter, UrlState};
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

impl UrlState for CertViewQuery {
    fn read(q: &QueryReader<'_>) -> Self {
        let d = CertViewQuery::default();
        CertViewQuery {
            name: q.text("name"),
            status: q.wire("status"),
            sort_key: q.wire("sort_key").unwrap_or(d.sort_key),
            sort_dir: q.wire("sort_dir").unwrap_or(d.sort_dir),
            limit: q.number_in("limit", &PAGE_SIZES).unwrap_or(d.limit),
            offset: q.offset("offset"),
            ca_id: q.id("ca_id"),
            tag: q.raw("tag").and_then(|t| TagFilter::from_param(t.trim())),
        }
    }

    fn write(&self, w: &mut QueryWriter) {
        let d = CertViewQuery::default();
        w.text("name", &self.name);
        w.wire("status", self.status.as_ref());
        w.wire_unless("sort_key", &self.sort_key, &d.sort_key);
        w.wire_unless("sort_dir", &self.sort_dir, &d.sort_dir);
        w.number_unless("limit", self.limit, d.limit);
        w.number_unless("offset", self.offset, 0);
        w.id("ca_id", self.ca_id.as_deref());
        w.id("tag", self.tag.as_ref().map(TagFilter::to_param).as_deref());
    }
}

impl Sorted for CertViewQuery {
    type Key = CertSortKey;

    fn sort_key(&self) -> &CertSortKey {
        &self.sort_key
    }

    fn sort_dir(&self) -> &SortDir {
        &self.sort_dir
    }

    fn sorted_by(&self, key: CertSortKey, dir: SortDir) -> Self {
        CertViewQuery { sort_key: key, sort_dir: dir, ..self.clone() }.first_page()
    }
}

impl CertViewQuery {
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
    use crate::list::url_state::{assert_round_trip, from_pairs};

    fn parse(q: &[(&str, &str)]) -> CertViewQuery {
        from_pairs(q)
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
        assert_round_trip(
            q,
            "?name=web%2001&status=REVOKED&sort_key=not_after&sort_dir=ASC&limit=50&offset=100&ca_id=a0000000-0000-4000-8000-000000000001&tag=env%3Dprod",
        );
    }

    #[test]
    fn a_new_sort_starts_at_the_first_page() {
        let q = parse(&[("offset", "40")]).sorted_by(CertSortKey::NotAfter, SortDir::Asc);
        assert_eq!((q.offset, q.sort_key, q.sort_dir), (0, CertSortKey::NotAfter, SortDir::Asc));
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

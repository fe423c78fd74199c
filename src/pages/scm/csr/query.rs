//! The CSR manager's state in the URL: name search, key algorithm, page
//! size, offset and the selected CSR. Pure.

use ccm_api::scm::{CsrListQuery, PrivateKeyAlgo, CSR_PAGE_SIZES};

use crate::list::url_state::{QueryReader, QueryWriter, UrlState};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsrViewQuery {
    /// Part of the name.
    pub name: String,
    pub algo: Option<PrivateKeyAlgo>,
    pub limit: i64,
    pub offset: i64,
    pub selected: Option<String>,
}

impl Default for CsrViewQuery {
    fn default() -> Self {
        CsrViewQuery { name: String::new(), algo: None, limit: CSR_PAGE_SIZES[0], offset: 0, selected: None }
    }
}

impl UrlState for CsrViewQuery {
    fn read(q: &QueryReader<'_>) -> Self {
        let d = CsrViewQuery::default();
        let limit = q.number_in("limit", CSR_PAGE_SIZES).unwrap_or(d.limit);
        let offset = q.offset("offset");
        CsrViewQuery {
            name: q.text("name"),
            algo: q.wire("algo"),
            limit,
            offset: offset - offset % limit,
            selected: q.id("csr"),
        }
    }

    fn write(&self, w: &mut QueryWriter) {
        w.text("name", &self.name);
        w.wire("algo", self.algo.as_ref());
        w.number_unless("limit", self.limit, CsrViewQuery::default().limit);
        w.number_unless("offset", self.offset, 0);
        w.id("csr", self.selected.as_deref());
    }
}

impl CsrViewQuery {
    /// The list call for this view (the selection does not change it).
    pub fn to_list_query(&self) -> CsrListQuery {
        let name = self.name.trim();
        CsrListQuery {
            limit: Some(self.limit),
            offset: Some(self.offset),
            name: (!name.is_empty()).then(|| name.to_owned()),
            private_key_algo: self.algo.clone(),
        }
    }

    /// A changed filter or page size starts again at the first page.
    pub fn with_filter(&self, change: impl FnOnce(&mut CsrViewQuery)) -> CsrViewQuery {
        let mut q = self.clone();
        change(&mut q);
        q.offset = 0;
        q
    }

    /// The same view with `id` selected (or none).
    pub fn select(&self, id: Option<String>) -> CsrViewQuery {
        CsrViewQuery { selected: id, ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::url_state::{assert_round_trip, from_pairs};

    #[test]
    fn round_trips_every_field() {
        let q = CsrViewQuery {
            name: "web shop".into(),
            algo: Some(PrivateKeyAlgo::EcP256),
            limit: 20,
            offset: 40,
            selected: Some("csr-1".into()),
        };
        assert_round_trip(q, "?name=web%20shop&algo=EC_P256&limit=20&offset=40&csr=csr-1");
    }

    #[test]
    fn bad_values_fall_back_and_offsets_snap_to_pages() {
        let q: CsrViewQuery = from_pairs(&[("algo", "DSA_1024"), ("limit", "7"), ("offset", "-1"), ("csr", " ")]);
        assert_eq!(q, CsrViewQuery::default());
        assert_eq!(from_pairs::<CsrViewQuery>(&[("limit", "20"), ("offset", "45")]).offset, 40);
    }

    #[test]
    fn the_list_call_carries_the_view_and_passes_the_contract() {
        let q: CsrViewQuery = from_pairs(&[("name", " shop "), ("algo", "RSA_2048"), ("offset", "10"), ("csr", "x")]);
        let req = ccm_api::scm::list_csr(&q.to_list_query());
        assert_eq!(req.query_string(), "limit=10&name=shop&offset=10&private_key_algo=RSA_2048");
        assert!(ccm_api::validate::validate_request(&req, &ccm_api::validate::Context { now_millis: 0 }).is_empty());
        assert_eq!(q.with_filter(|q| q.name.clear()).offset, 0);
        assert_eq!(q.select(None).selected, None);
    }
}

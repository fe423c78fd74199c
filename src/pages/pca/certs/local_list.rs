//! Filtering, sorting and paging in the browser, for the lists the service
//! cannot narrow itself (by issuing CA, and the tag search, which returns
//! every match at once). Rules follow the service's list call. Pure.

use std::cmp::Ordering;

use ccm_api::common::SortDir;
use ccm_api::pca::certs::{CertSortKey, PrivateCertificate};
use ccm_api::pca::tags::ResourceInstancesResponse;

use super::query::CertViewQuery;

/// The list call's filters: name contained in the common name (any case),
/// exact status, and the issuing CA when one is chosen.
pub fn matches(q: &CertViewQuery, c: &PrivateCertificate) -> bool {
    let name = q.name.trim().to_lowercase();
    (name.is_empty() || c.distinguished_name.common_name.to_lowercase().contains(&name))
        && q.status.as_ref().is_none_or(|s| &c.status == s)
        && q.ca_id.as_ref().is_none_or(|id| c.issuer_id.as_ref() == Some(id))
}

pub fn compare(a: &PrivateCertificate, b: &PrivateCertificate, key: &CertSortKey, dir: &SortDir) -> Ordering {
    let ord = match key {
        CertSortKey::CommonName => a.distinguished_name.common_name.to_lowercase().cmp(&b.distinguished_name.common_name.to_lowercase()),
        CertSortKey::IssuerName => a.issuer_name.cmp(&b.issuer_name),
        CertSortKey::NotAfter => a.not_after.cmp(&b.not_after),
        _ => a.create_time.cmp(&b.create_time),
    }
    .then_with(|| a.certificate_id.cmp(&b.certificate_id));
    match dir {
        SortDir::Desc => ord.reverse(),
        _ => ord,
    }
}

/// The total after filtering and the page the query asks for.
pub fn local_page(all: Vec<PrivateCertificate>, q: &CertViewQuery) -> (i64, Vec<PrivateCertificate>) {
    let mut rows: Vec<PrivateCertificate> = all.into_iter().filter(|c| matches(q, c)).collect();
    rows.sort_by(|a, b| compare(a, b, &q.sort_key, &q.sort_dir));
    let total = rows.len() as i64;
    let page = rows.into_iter().skip(q.offset.max(0) as usize).take(q.limit.max(1) as usize).collect();
    (total, page)
}

/// The certificates of a tag search: each resource carries the
/// certificate as the list returns it. Entries of another shape are
/// skipped (counted in the second value) rather than failing the list.
pub fn certificates_of(found: ResourceInstancesResponse) -> (Vec<PrivateCertificate>, usize) {
    let mut skipped = 0;
    let certs = found
        .resources
        .into_iter()
        .filter_map(|r| {
            let parsed = r.resource_detail.and_then(|d| serde_json::from_value::<PrivateCertificate>(d).ok());
            if parsed.is_none() {
                skipped += 1;
            }
            parsed
        })
        .collect();
    (certs, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cert(id: &str, cn: &str, status: &str, issuer: &str, created: i64) -> PrivateCertificate {
        serde_json::from_value(json!({
            "certificate_id": id, "status": status, "issuer_id": issuer, "issuer_name": format!("CA {issuer}"),
            "create_time": created, "not_after": 1000 - created, "distinguished_name": {"common_name": cn}
        }))
        .unwrap()
    }

    fn all() -> Vec<PrivateCertificate> {
        vec![
            cert("1", "web-01.example.com", "ISSUED", "a", 1),
            cert("2", "Web-02.example.com", "REVOKED", "a", 2),
            cert("3", "mail.example.com", "ISSUED", "b", 3),
            cert("4", "web-03.example.com", "ISSUED", "b", 4),
        ]
    }

    #[test]
    fn filters_by_issuer_name_and_status_then_pages() {
        let q = CertViewQuery { ca_id: Some("a".into()), ..Default::default() };
        let (total, page) = local_page(all(), &q);
        assert_eq!(total, 2);
        assert_eq!(page.iter().map(|c| c.certificate_id.as_str()).collect::<Vec<_>>(), ["2", "1"], "newest first");

        let q = CertViewQuery { name: "WEB".into(), status: Some(ccm_api::common::CertificateStatus::Issued), limit: 1, offset: 1, ..Default::default() };
        let (total, page) = local_page(all(), &q);
        assert_eq!(total, 2);
        assert_eq!(page[0].certificate_id, "1");
    }

    #[test]
    fn sorts_by_every_key_both_ways() {
        let ids = |key: CertSortKey, dir: SortDir| {
            let q = CertViewQuery { sort_key: key, sort_dir: dir, ..Default::default() };
            local_page(all(), &q).1.into_iter().map(|c| c.certificate_id).collect::<Vec<_>>().join("")
        };
        assert_eq!(ids(CertSortKey::CommonName, SortDir::Asc), "3124");
        assert_eq!(ids(CertSortKey::NotAfter, SortDir::Asc), "4321");
        assert_eq!(ids(CertSortKey::IssuerName, SortDir::Desc), "4321");
        assert_eq!(ids(CertSortKey::CreateTime, SortDir::Asc), "1234");
    }

    #[test]
    fn tag_search_results_become_certificates() {
        let found: ResourceInstancesResponse = serde_json::from_value(json!({
            "total_count": 2,
            "resources": [
                {"resource_id": "1", "resource_detail": serde_json::to_value(cert("1", "x", "ISSUED", "a", 1)).unwrap(), "tags": []},
                {"resource_id": "2", "resource_detail": {"unexpected": true}, "tags": []}
            ]
        }))
        .unwrap();
        let (certs, skipped) = certificates_of(found);
        assert_eq!(certs.len(), 1);
        assert_eq!(skipped, 1);
    }
}

//! The SSL list with a tag chosen: the tag search
//! (`list_certificates_by_tag`) instead of the list call, its hits turned
//! into list rows. The search takes the name text (`matches`) but none of
//! the status, expiry or deployability filters. Pure.

use ccm_api::scm::{
    list_certificates_by_tag, ListCertificatesByTagBody, ListCertificatesByTagResponse, ScmBrand, ScmCertType,
    ScmCertificateSummary, ScmDomainType, ScmListResponse, ScmMatch, ScmStatus, ScmTagValues,
};
use ccm_api::ApiRequest;

use super::ScmViewQuery;
use crate::tags::TagFilter;

/// The tag search for this view.
pub fn tag_request(q: &ScmViewQuery, tag: &TagFilter) -> ApiRequest {
    let search = q.search.trim();
    list_certificates_by_tag(&ListCertificatesByTagBody {
        tags: Some(vec![ScmTagValues { key: tag.key.clone(), values: tag.value.iter().cloned().collect() }]),
        limit: Some(q.limit),
        offset: Some(q.offset),
        matches: (!search.is_empty()).then(|| vec![ScmMatch { key: "resource_name".into(), value: search.to_owned() }]),
        ..Default::default()
    })
}

/// The hits as a page of the list.
pub fn rows_from_hits(found: ListCertificatesByTagResponse) -> ScmListResponse {
    let certificates = found
        .resources
        .into_iter()
        .map(|hit| {
            let d = hit.resource_detail.unwrap_or_default();
            let wire = |v: &Option<String>| v.clone().filter(|s| !s.is_empty());
            ScmCertificateSummary {
                id: hit.resource_id,
                name: hit.resource_name.or(d.cert_name),
                domain: d.domain,
                sans: d.sans,
                signature_algorithm: d.signature_algorithm,
                deploy_support: None,
                kind: wire(&d.cert_type).map(|t| ScmCertType::from_wire(&t)),
                brand: wire(&d.cert_brand).map(|b| ScmBrand::from_wire(&b)),
                expire_time: d.expired_time,
                domain_type: wire(&d.domain_type).map(|t| ScmDomainType::from_wire(&t)),
                validity_period: d.purchase_period,
                status: wire(&d.order_status).map(|s| ScmStatus::from_wire(&s)),
                domain_count: d.domain_num,
                wildcard_count: d.wildcard_number,
                description: None,
                domain_id: None,
                enterprise_project_id: d.enterprise_project_id,
            }
        })
        .collect();
    ScmListResponse { certificates, total_count: found.total_count }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::url_state::from_pairs;
    use ccm_api::validate::{validate_request, Context};

    #[test]
    fn the_tag_search_carries_tag_name_and_page() {
        let q: ScmViewQuery = from_pairs(&[("tag", "env=prod"), ("q", " shop "), ("limit", "20"), ("offset", "20")]);
        let req = tag_request(&q, q.tag.as_ref().unwrap());
        assert_eq!(req.path, "/v3/scm/resource_instances/action");
        assert_eq!(
            req.body.clone().unwrap(),
            serde_json::json!({"tags":[{"key":"env","values":["prod"]}],"limit":20,"offset":20,"action":"filter",
                "matches":[{"key":"resource_name","value":"shop"}]})
        );
        assert!(validate_request(&req, &Context { now_millis: 0 }).is_empty());
        let any: ScmViewQuery = from_pairs(&[("tag", "team")]);
        let body = tag_request(&any, any.tag.as_ref().unwrap()).body.unwrap();
        assert_eq!(body["tags"], serde_json::json!([{"key":"team","values":[]}]));
        assert!(body.get("matches").is_none());
    }

    #[test]
    fn hits_become_rows() {
        let found: ListCertificatesByTagResponse = serde_json::from_value(serde_json::json!({
            "total_count": 11,
            "resources": [{"resource_id": "scs1", "resource_name": "shop", "tags": [{"key":"env","value":"prod"}],
                "resource_detail": {"domain": "shop.example.com", "cert_type": "DV_SSL_CERT", "order_status": "ISSUED",
                    "expired_time": "2027-01-02 03:04:05.0", "domain_type": "SINGLE_DOMAIN"}}]
        }))
        .unwrap();
        let page = rows_from_hits(found);
        assert_eq!(page.total_count, 11);
        let row = &page.certificates[0];
        assert_eq!((row.id.as_str(), row.name.as_deref(), row.domain.as_deref()), ("scs1", Some("shop"), Some("shop.example.com")));
        assert_eq!((row.kind.clone(), row.status.clone()), (Some(ScmCertType::DvSslCert), Some(ScmStatus::Issued)));
        assert_eq!(row.expire_time.as_deref(), Some("2027-01-02 03:04:05.0"));
    }
}

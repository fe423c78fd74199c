//! Reads the whole CA list, page by page, reporting progress. The tree
//! needs every CA (ancestors of a match included), and no per-CA calls.

use std::collections::BTreeSet;

use ccm_api::pca::cas::{list_certificate_authority, CaListQuery, CaListResponse, CertificateAuthority};
use ccm_api::pca::tags::{list_resource_instances, ResourceInstancesBody, ResourceInstancesResponse, TagTarget};
use ccm_api::ApiError;
use leptos::prelude::*;

use crate::api::client::Api;
use crate::tags::TagFilter;

/// Largest page the list call accepts, to keep the number of calls low.
const PAGE: i64 = 1000;

/// Loaded so far, and the total the service reported.
pub type Progress = RwSignal<Option<(usize, i64)>>;

pub async fn load_all(api: Api, progress: Progress) -> Result<Vec<CertificateAuthority>, ApiError> {
    let mut all = Vec::new();
    loop {
        let query = CaListQuery { limit: Some(PAGE), offset: Some(all.len() as i64), ..Default::default() };
        let page: CaListResponse = api.json(list_certificate_authority(&query)).await?;
        let got = page.certificate_authorities.len();
        all.extend(page.certificate_authorities);
        progress.try_set(Some((all.len(), page.total)));
        if got == 0 || all.len() as i64 >= page.total {
            return Ok(all);
        }
    }
}

/// The ids of every CA carrying the tag, page by page.
pub async fn load_tagged(api: Api, filter: &TagFilter) -> Result<BTreeSet<String>, ApiError> {
    let mut ids = BTreeSet::new();
    let mut offset = 0;
    loop {
        let body = ResourceInstancesBody {
            tags: Some(filter.to_domain_tags()),
            limit: Some(PAGE),
            offset: Some(offset),
            matches: None,
        };
        let page: ResourceInstancesResponse = api.json(list_resource_instances(TagTarget::Ca, &body)).await?;
        let got = page.resources.len() as i64;
        ids.extend(page.resources.into_iter().map(|r| r.resource_id));
        offset += got;
        if got == 0 || offset >= page.total_count {
            return Ok(ids);
        }
    }
}

//! Reads the whole CA list, page by page, reporting progress. The tree
//! needs every CA (ancestors of a match included), and no per-CA calls.

use std::collections::BTreeSet;

use ccm_api::pca::cas::{list_certificate_authority, CaListQuery, CaListResponse, CertificateAuthority};
use ccm_api::pca::tags::{list_resource_instances, ResourceInstancesBody, ResourceInstancesResponse, TagTarget};
use ccm_api::{ApiError, ApiRequest, Service};
use leptos::prelude::*;

use crate::api::client::Api;
use crate::form::request_form::{Checked, RequestForm};
use crate::components::quota_cards::quota_reads;
use crate::tags::TagFilter;

/// Largest page the list call accepts, to keep the number of calls low.
const PAGE: i64 = 1000;

/// Loaded so far, and the total the service reported.
pub type Progress = RwSignal<Option<(usize, i64)>>;

/// One page of the CA list, from `offset`.
fn page_request(offset: usize) -> ApiRequest {
    list_certificate_authority(&CaListQuery { limit: Some(PAGE), offset: Some(offset as i64), ..Default::default() })
}

/// What the hierarchy page reads first; its route sends these while the
/// page's code loads (api/prefetch.rs).
pub fn first_reads() -> Vec<ApiRequest> {
    let mut reads = vec![page_request(0)];
    reads.extend(quota_reads());
    reads
}

pub async fn load_all(api: Api, progress: Progress) -> Result<Vec<CertificateAuthority>, ApiError> {
    let mut all = Vec::new();
    loop {
        let page: CaListResponse = api.json(page_request(all.len())).await?;
        let got = page.certificate_authorities.len();
        all.extend(page.certificate_authorities);
        progress.try_set(Some((all.len(), page.total)));
        if got == 0 || all.len() as i64 >= page.total {
            return Ok(all);
        }
    }
}

/// The CAs a form picks its issuer from: every CA, loaded in the
/// background into the first signal; a failure goes into the second.
pub fn load_all_into(api: Api) -> (RwSignal<Vec<CertificateAuthority>>, RwSignal<Option<ApiError>>) {
    let cas = RwSignal::new(Vec::new());
    let error = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        match load_all(api, RwSignal::new(None)).await {
            Ok(list) => {
                cas.try_set(list);
            }
            Err(ApiError::Aborted) => {}
            Err(e) => {
                error.try_set(Some(e));
            }
        }
    });
    (cas, error)
}

/// A request form whose check needs every CA (the forms that pick an
/// issuer): the CAs load in the background and `check(cas, now_ms)` runs
/// on every edit; a failed load lands in the error signal.
pub fn form_over_cas(
    api: Api,
    operation: &str,
    check: impl Fn(&[CertificateAuthority], i64) -> Checked + Send + Sync + 'static,
) -> (RequestForm, RwSignal<Vec<CertificateAuthority>>, RwSignal<Option<ApiError>>) {
    let (cas, error) = load_all_into(api);
    let form = RequestForm::new(Service::Ccm, operation, move || cas.with(|c| check(c, js_sys::Date::now() as i64)));
    (form, cas, error)
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

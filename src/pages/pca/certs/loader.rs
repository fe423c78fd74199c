//! Reads what the list shows: one page from the list call, or, when the
//! issuer or tag filter is set, every match (then filtered and paged in
//! the browser). Requests are checked with the contract's rules first.

use ccm_api::pca::certs::{list_certificate, CertListResponse, PrivateCertificate};
use ccm_api::pca::tags::{list_resource_instances, ResourceInstancesBody, ResourceInstancesResponse, TagTarget};
use ccm_api::validate::{validate_request, Context, ValidationError};
use ccm_api::{ApiError, ApiRequest};

use super::local_list::{certificates_of, local_page};
use super::query::{CertViewQuery, ListSource};
use crate::tags::TagFilter;
use crate::api::client::Api;

/// Largest page the list and tag calls accept.
const MAX_PAGE: i64 = 1000;

/// One page of the list and the total behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct CertPage {
    pub total: i64,
    pub certificates: Vec<PrivateCertificate>,
    /// Filtered in the browser from this many certificates.
    pub scanned: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// A filter the contract refuses; nothing was sent.
    Invalid(Vec<ValidationError>),
    Api(ApiError),
}

impl From<ApiError> for LoadError {
    fn from(e: ApiError) -> Self {
        LoadError::Api(e)
    }
}

fn checked(req: ApiRequest) -> Result<ApiRequest, LoadError> {
    let errors = validate_request(&req, &Context { now_millis: js_sys::Date::now() as i64 });
    if errors.is_empty() {
        Ok(req)
    } else {
        Err(LoadError::Invalid(errors))
    }
}

/// The body of a tag search for `tag`. The name filter is applied in the
/// browser with the rest, so that it behaves as in the plain list.
pub fn tag_search(tag: &TagFilter, offset: i64) -> ResourceInstancesBody {
    ResourceInstancesBody {
        tags: Some(tag.to_domain_tags()),
        limit: Some(MAX_PAGE),
        offset: Some(offset),
        matches: None,
    }
}

pub async fn load(api: Api, q: &CertViewQuery) -> Result<CertPage, LoadError> {
    match q.source() {
        ListSource::Api(query) => {
            let page: CertListResponse = api.json(checked(list_certificate(&query))?).await?;
            Ok(CertPage { total: page.total, certificates: page.certificates, scanned: None })
        }
        ListSource::Everything => {
            let all = match &q.tag {
                Some(tag) => by_tag(api, tag).await?,
                None => everything(api, q).await?,
            };
            let scanned = all.len();
            let (total, certificates) = local_page(all, q);
            Ok(CertPage { total, certificates, scanned: Some(scanned) })
        }
    }
}

/// What the list reads first for `q`; its route sends it while the page's
/// code loads (api/prefetch.rs). A query the contract refuses reads nothing.
pub fn first_reads(q: &CertViewQuery) -> Vec<ApiRequest> {
    let first = match q.source() {
        ListSource::Api(query) => Some(list_certificate(&query)),
        ListSource::Everything if q.tag.is_none() => Some(everything_page(q, 0)),
        ListSource::Everything => None,
    };
    first.and_then(|req| checked(req).ok()).into_iter().collect()
}

/// One page of the list call for the name and status filters, from `offset`.
fn everything_page(q: &CertViewQuery, offset: usize) -> ApiRequest {
    let mut query = q.api_query(false);
    query.limit = Some(MAX_PAGE);
    query.offset = Some(offset as i64);
    list_certificate(&query)
}

/// Every certificate the list call returns for the name and status filters.
async fn everything(api: Api, q: &CertViewQuery) -> Result<Vec<PrivateCertificate>, LoadError> {
    let mut all = Vec::new();
    loop {
        let page: CertListResponse = api.json(checked(everything_page(q, all.len()))?).await?;
        let got = page.certificates.len();
        all.extend(page.certificates);
        if got == 0 || all.len() as i64 >= page.total {
            return Ok(all);
        }
    }
}

async fn by_tag(api: Api, tag: &TagFilter) -> Result<Vec<PrivateCertificate>, LoadError> {
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        let req = checked(list_resource_instances(TagTarget::Certificate, &tag_search(tag, offset)))?;
        let found: ResourceInstancesResponse = api.json(req).await?;
        let got = found.resources.len() as i64;
        let total = found.total_count;
        all.extend(certificates_of(found).0);
        offset += got;
        if got == 0 || offset >= total {
            return Ok(all);
        }
    }
}

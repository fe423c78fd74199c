//! PCA, the private CA hierarchy and private certificates (API v1,
//! chapter 4.2), plus what the SDK adds: CRL and OCSP switches, tags and
//! the console feature flags. Quotas live in [`crate::quota`].

pub mod cas;
pub mod certs;
pub mod console;
pub mod crl;
pub mod tags;

use crate::common::SortDir;
use crate::request::ApiRequest;

/// Largest `limit` the PCA lists accept (the default is 10).
pub const MAX_PAGE_SIZE: i64 = 1000;

/// Adds the paging and sorting parameters shared by the PCA lists.
pub(crate) fn paging(
    req: ApiRequest,
    limit: Option<i64>,
    offset: Option<i64>,
    sort_dir: Option<&SortDir>,
) -> ApiRequest {
    req.query("limit", limit).query("offset", offset).query("sort_dir", sort_dir)
}

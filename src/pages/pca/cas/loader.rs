//! Reads the whole CA list, page by page, reporting progress. The tree
//! needs every CA (ancestors of a match included), and no per-CA calls.

use ccm_api::pca::cas::{list_certificate_authority, CaListQuery, CaListResponse, CertificateAuthority};
use ccm_api::ApiError;
use leptos::prelude::*;

use crate::api::client::Api;

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

//! Reads the three lists with the largest page each accepts (CAs and
//! private certificates 1,000, SSL certificates 50): a bounded number of
//! calls and none per item. Progress is reported after every page.

use ccm_api::pca::cas::{list_certificate_authority, CaListQuery, CaListResponse};
use ccm_api::pca::certs::{list_certificate, CertListQuery, CertListResponse};
use ccm_api::scm::{list_certificates, ScmListQuery, ScmListResponse, ScmStatus};
use ccm_api::ApiError;
use leptos::prelude::*;

use super::inventory::{from_ca, from_private, from_ssl, Item, Kind};
use crate::state::ca_revocations;
use crate::api::client::Api;

const PCA_PAGE: i64 = 1000;
const SCM_PAGE: i64 = 50;

/// Loaded so far and the total, per kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub loaded: usize,
    pub total: i64,
    pub calls: usize,
    pub done: bool,
}


pub fn index(kind: Kind) -> usize {
    match kind {
        Kind::Ssl => 0,
        Kind::Ca => 1,
        Kind::Private => 2,
    }
}

/// Reads every page of one kind.
pub async fn load_kind(api: Api, kind: Kind, progress: RwSignal<Progress>) -> Result<Vec<Item>, ApiError> {
    let mut items = Vec::new();
    let mut calls = 0;
    loop {
        let offset = items.len() as i64;
        let (page, total): (Vec<Item>, i64) = match kind {
            Kind::Ssl => {
                let q = ScmListQuery { limit: Some(SCM_PAGE), offset: Some(offset), status: Some(ScmStatus::All), ..Default::default() };
                let r: ScmListResponse = api.json(list_certificates(&q)).await?;
                (r.certificates.iter().map(from_ssl).collect(), r.total_count)
            }
            Kind::Ca => {
                let q = CaListQuery { limit: Some(PCA_PAGE), offset: Some(offset), ..Default::default() };
                let r: CaListResponse = api.json(list_certificate_authority(&q)).await?;
                let revoked = ca_revocations::stored();
                (r.certificate_authorities.iter().map(|c| from_ca(c, ca_revocations::is_revoked(&revoked, c))).collect(), r.total)
            }
            Kind::Private => {
                let q = CertListQuery { limit: Some(PCA_PAGE), offset: Some(offset), ..Default::default() };
                let r: CertListResponse = api.json(list_certificate(&q)).await?;
                (r.certificates.iter().map(from_private).collect(), r.total)
            }
        };
        calls += 1;
        let got = page.len();
        items.extend(page);
        let done = got == 0 || items.len() as i64 >= total;
        progress.try_set(Progress { loaded: items.len(), total, calls, done });
        if done {
            return Ok(items);
        }
    }
}

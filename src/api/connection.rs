//! Where one profile reaches the API, and with which credential. Plain
//! data, shared by `headers.rs` (what a request carries) and
//! `transport.rs` (sending it).

use ccm_api::{ApiRequest, Endpoints};

use crate::state::credential::Credential;

/// Everything needed to reach the API for one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Connection {
    pub endpoints: Endpoints,
    pub proxy: Option<String>,
    pub domain_id: String,
    pub credential: Option<Credential>,
}

impl Connection {
    pub fn url(&self, req: &ApiRequest) -> String {
        req.url(self.endpoints.host(req.service), self.proxy.as_deref())
    }
}

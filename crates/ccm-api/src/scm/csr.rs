//! The CSR manager (API v3, SDK only): certificate signing requests kept
//! by the service, created there (the service keeps the key) or uploaded,
//! listed, renamed, deleted; the key of a created one can be fetched.

use serde::{Deserialize, Serialize};

use crate::common::{to_json, wire_enum};
use crate::endpoints::Service;
use crate::operations::request;
use crate::request::ApiRequest;

wire_enum! {
    /// Key algorithm of a CSR the service creates (also the key an
    /// application asks the service to generate).
    PrivateKeyAlgo {
        Rsa2048 = "RSA_2048" => "RSA 2048",
        Rsa3072 = "RSA_3072" => "RSA 3072",
        Rsa4096 = "RSA_4096" => "RSA 4096",
        EcP256 = "EC_P256" => "ECDSA P-256",
        EcP384 = "EC_P384" => "ECDSA P-384",
        Sm2 = "SM2" => "SM2",
    }
}

wire_enum! {
    /// Who the certificate is for; ENTERPRISE needs the company fields.
    CsrUsage {
        Personal = "PERSONAL" => "Personal",
        Enterprise = "ENTERPRISE" => "Enterprise",
    }
}

/// Body of `POST /v3/scm/csr` (answered 201 with the new CSR).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateCsrBody {
    pub name: String,
    pub domain_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sans: Option<String>,
    pub private_key_algo: PrivateKeyAlgo,
    pub usage: CsrUsage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_province: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
}

pub fn create_csr(body: &CreateCsrBody) -> ApiRequest {
    request(Service::Scm, "create_csr", &[]).json(to_json(body))
}

/// One CSR as the manager shows it (`CSRResponseBody`; the create, show
/// and update answers carry the same fields, create without `csr`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsrInfo {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The PEM request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sans: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_key_algo: Option<PrivateKeyAlgo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<CsrUsage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_province: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_time: Option<i64>,
}

/// Body of `POST /v3/scm/csr/upload`: a CSR made elsewhere, with its key
/// when the service should keep it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadCsrBody {
    pub name: String,
    pub csr: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_key: Option<String>,
}

pub fn upload_csr(body: &UploadCsrBody) -> ApiRequest {
    request(Service::Scm, "upload_csr", &[]).json(to_json(body))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadCsrResponse {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<i64>,
}

/// Page sizes of the CSR list (this project's choice; the SDK gives none).
pub const CSR_PAGE_SIZES: &[i64] = &[10, 20, 50];

/// Query of `GET /v3/scm/csr`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsrListQuery {
    pub limit: Option<i64>,
    pub offset: Option<i64>,
    /// Part of the name.
    pub name: Option<String>,
    pub private_key_algo: Option<PrivateKeyAlgo>,
}

pub fn list_csr(q: &CsrListQuery) -> ApiRequest {
    request(Service::Scm, "list_csr", &[])
        .query("limit", q.limit)
        .query("offset", q.offset)
        .query("name", q.name.as_ref())
        .query("private_key_algo", q.private_key_algo.as_ref())
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsrListResponse {
    #[serde(default)]
    pub csr_list: Vec<CsrInfo>,
    #[serde(default)]
    pub total: i64,
}

pub fn show_csr(id: &str) -> ApiRequest {
    request(Service::Scm, "show_csr", &[("id", id)])
}

/// Body of `PUT /v3/scm/csr/{id}`: only the name can change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateCsrBody {
    pub name: String,
}

pub fn update_csr(id: &str, body: &UpdateCsrBody) -> ApiRequest {
    request(Service::Scm, "update_csr", &[("id", id)]).json(to_json(body))
}

/// `DELETE /v3/scm/csr/{id}` (204).
pub fn delete_csr(id: &str) -> ApiRequest {
    request(Service::Scm, "delete_csr", &[("id", id)])
}

/// `GET /v3/scm/csr/{id}/private-key`: the key the service keeps. Show it
/// once; never log or store it.
pub fn show_csr_private_key(id: &str) -> ApiRequest {
    request(Service::Scm, "show_csr_private_key", &[("id", id)])
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsrPrivateKeyResponse {
    pub private_key: String,
}

/// Never prints the key (debug output ends up in logs).
impl std::fmt::Debug for CsrPrivateKeyResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CsrPrivateKeyResponse {{ private_key: <{} characters> }}", self.private_key.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{Method, ResponseKind};

    #[test]
    fn csr_requests() {
        let c = create_csr(&CreateCsrBody {
            name: "web".into(),
            domain_name: "www.example.com".into(),
            sans: None,
            private_key_algo: PrivateKeyAlgo::Rsa3072,
            usage: CsrUsage::Personal,
            company_country: None,
            company_province: None,
            company_city: None,
            company_name: None,
        });
        assert_eq!((c.method, c.path.as_str()), (Method::Post, "/v3/scm/csr"));
        assert_eq!(c.body.clone().unwrap(), serde_json::json!({"name":"web","domain_name":"www.example.com","private_key_algo":"RSA_3072","usage":"PERSONAL"}));
        assert_eq!(crate::operations::of_request(&c).unwrap().success, 201);
        let l = list_csr(&CsrListQuery { limit: Some(10), private_key_algo: Some(PrivateKeyAlgo::EcP256), ..Default::default() });
        assert_eq!(l.query_string(), "limit=10&private_key_algo=EC_P256");
        assert_eq!(show_csr("c1").path, "/v3/scm/csr/c1");
        let u = update_csr("c1", &UpdateCsrBody { name: "n".into() });
        assert_eq!((u.method, u.body.unwrap()), (Method::Put, serde_json::json!({"name":"n"})));
        assert_eq!(delete_csr("c1").response, ResponseKind::Empty);
        assert_eq!(show_csr_private_key("c1").path, "/v3/scm/csr/c1/private-key");
        assert_eq!(upload_csr(&UploadCsrBody::default()).path, "/v3/scm/csr/upload");
    }

    #[test]
    fn private_key_never_shows_in_debug() {
        let k = CsrPrivateKeyResponse { private_key: "-----BEGIN PRIVATE KEY-----secret".into() };
        assert!(!format!("{k:?}").contains("secret"));
    }
}

//! The table of every operation this crate describes: service, SDK name,
//! method, path template, success status and what the answer carries.
//!
//! The console uses it to name calls and to find a request's path
//! parameters; the emulator uses [`route`] to map a received method and
//! path to an operation and its parameters.

use crate::endpoints::Service;
use crate::request::{ApiRequest, Method, ResponseKind};
use crate::sign::decode_component;

/// Where an operation is documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Chapter 4 of the API reference.
    Reference,
    /// Only in the official SDK (and seen live).
    Sdk,
}

/// One operation of the wire contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    pub service: Service,
    /// The official SDK's method name.
    pub name: &'static str,
    pub method: Method,
    /// Path with `{param}` placeholders.
    pub path: &'static str,
    /// Status of a successful answer (the live service's, see NOTES).
    pub success: u16,
    pub response: ResponseKind,
    pub source: Source,
}

const fn op(
    service: Service,
    name: &'static str,
    method: Method,
    path: &'static str,
    success: u16,
    source: Source,
) -> Operation {
    let response = if success == 204 { ResponseKind::Empty } else { ResponseKind::Json };
    Operation { service, name, method, path, success, response, source }
}

use Method::{Delete, Get, Post, Put};
use Service::{Ccm, Iam, Scm};
use Source::{Reference as Ref, Sdk};

const CA: &str = "/v1/private-certificate-authorities";

/// Every operation, reference ones first in chapter 4's order.
pub const OPERATIONS: &[Operation] = &[
    // 4.1 SCM (SSL certificates, v3)
    op(Scm, "list_certificates", Get, "/v3/scm/certificates", 200, Ref),
    op(Scm, "import_certificate", Post, "/v3/scm/certificates/import", 200, Ref),
    op(Scm, "show_certificate", Get, "/v3/scm/certificates/{certificate_id}", 200, Ref),
    op(Scm, "delete_certificate", Delete, "/v3/scm/certificates/{certificate_id}", 204, Ref),
    op(Scm, "export_certificate", Post, "/v3/scm/certificates/{certificate_id}/export", 200, Ref),
    op(Scm, "push_certificate", Post, "/v3/scm/certificates/{certificate_id}/push", 204, Ref),
    // SDK only: SSL lifecycle (orders, applications), deployment, CSR
    // manager, tags and notifications. Chapter 6 has the v2 forms.
    op(Scm, "subscribe_certificate", Post, "/v3/scm/certificates/buy", 200, Sdk),
    op(Scm, "apply_certificate", Post, "/v3/scm/certificates/{certificate_id}/apply", 200, Sdk),
    op(Scm, "cancel_certificate_request", Post, "/v3/scm/certificates/{certificate_id}/cancel-cert", 200, Sdk),
    op(Scm, "unsubscribe_certificate", Delete, "/v3/scm/certificates/{cert_id}/unsubscribe", 200, Sdk),
    op(Scm, "deploy_certificate", Post, "/v3/scm/certificates/{certificate_id}/deploy", 200, Sdk),
    op(Scm, "list_deployed_resources", Post, "/v3/scm/deployed-resources", 200, Sdk),
    op(Scm, "batch_push_certificate", Post, "/v3/scm/certificates/{certificate_id}/batch-push", 200, Sdk),
    op(Scm, "create_csr", Post, "/v3/scm/csr", 201, Sdk),
    op(Scm, "upload_csr", Post, "/v3/scm/csr/upload", 200, Sdk),
    op(Scm, "list_csr", Get, "/v3/scm/csr", 200, Sdk),
    op(Scm, "show_csr", Get, "/v3/scm/csr/{id}", 200, Sdk),
    op(Scm, "update_csr", Put, "/v3/scm/csr/{id}", 200, Sdk),
    op(Scm, "delete_csr", Delete, "/v3/scm/csr/{id}", 204, Sdk),
    op(Scm, "show_csr_private_key", Get, "/v3/scm/csr/{id}/private-key", 200, Sdk),
    op(Scm, "create_certificate_tag", Post, "/v3/scm/{resource_id}/tags", 200, Sdk),
    op(Scm, "batch_create_or_delete_tags", Post, "/v3/scm/{resource_id}/tags/action", 200, Sdk),
    op(Scm, "list_all_tags", Get, "/v3/scm/tags", 200, Sdk),
    op(Scm, "list_tags_by_certificate", Get, "/v3/scm/{resource_id}/tags", 200, Sdk),
    op(Scm, "list_certificates_by_tag", Post, "/v3/scm/{resource_instances}/action", 200, Sdk),
    op(Scm, "enable_notification", Post, "/v3/scm/notification/enable", 204, Sdk),
    op(Scm, "disable_notification", Post, "/v3/scm/notification/disable", 204, Sdk),
    // 4.2.1 private CAs
    op(Ccm, "list_certificate_authority", Get, CA, 200, Ref),
    op(Ccm, "create_certificate_authority", Post, CA, 200, Ref),
    op(Ccm, "show_certificate_authority_quota", Get, "/v1/private-certificate-authorities/quotas", 200, Ref),
    op(Ccm, "show_certificate_authority", Get, "/v1/private-certificate-authorities/{ca_id}", 200, Ref),
    op(Ccm, "delete_certificate_authority", Delete, "/v1/private-certificate-authorities/{ca_id}", 204, Ref),
    op(
        Ccm,
        "issue_certificate_authority_certificate",
        Post,
        "/v1/private-certificate-authorities/{ca_id}/activate",
        204,
        Ref,
    ),
    op(Ccm, "export_certificate_authority_csr", Get, "/v1/private-certificate-authorities/{ca_id}/csr", 200, Ref),
    op(Ccm, "disable_certificate_authority", Post, "/v1/private-certificate-authorities/{ca_id}/disable", 204, Ref),
    op(Ccm, "enable_certificate_authority", Post, "/v1/private-certificate-authorities/{ca_id}/enable", 204, Ref),
    op(
        Ccm,
        "export_certificate_authority_certificate",
        Post,
        "/v1/private-certificate-authorities/{ca_id}/export",
        200,
        Ref,
    ),
    op(
        Ccm,
        "import_certificate_authority_certificate",
        Post,
        "/v1/private-certificate-authorities/{ca_id}/import",
        204,
        Ref,
    ),
    op(Ccm, "restore_certificate_authority", Post, "/v1/private-certificate-authorities/{ca_id}/restore", 204, Ref),
    op(Ccm, "revoke_certificate_authority", Post, "/v1/private-certificate-authorities/{ca_id}/revoke", 204, Ref),
    // 4.2.2 private certificates
    op(Ccm, "list_certificate", Get, "/v1/private-certificates", 200, Ref),
    op(Ccm, "create_certificate", Post, "/v1/private-certificates", 200, Ref),
    op(Ccm, "create_certificate_by_csr", Post, "/v1/private-certificates/csr", 200, Ref),
    op(Ccm, "parse_certificate_signing_request", Post, "/v1/private-certificates/csr/parse", 200, Ref),
    op(Ccm, "show_certificate_quota", Get, "/v1/private-certificates/quotas", 200, Ref),
    op(Ccm, "show_certificate", Get, "/v1/private-certificates/{certificate_id}", 200, Ref),
    op(Ccm, "delete_certificate", Delete, "/v1/private-certificates/{certificate_id}", 204, Ref),
    op(Ccm, "export_certificate", Post, "/v1/private-certificates/{certificate_id}/export", 200, Ref),
    op(Ccm, "revoke_certificate", Post, "/v1/private-certificates/{certificate_id}/revoke", 204, Ref),
    // 4.2.3 CRL agency and OBS buckets
    op(Ccm, "show_certificate_authority_obs_agency", Get, "/v1/private-certificate-authorities/obs/agencies", 200, Ref),
    op(
        Ccm,
        "create_certificate_authority_obs_agency",
        Post,
        "/v1/private-certificate-authorities/obs/agencies",
        200,
        Ref,
    ),
    op(Ccm, "list_certificate_authority_obs_bucket", Get, "/v1/private-certificate-authorities/obs/buckets", 200, Ref),
    // SDK only: CRL switch, OCSP switch, console feature flags
    op(
        Ccm,
        "enable_certificate_authority_crl",
        Post,
        "/v1/private-certificate-authorities/{ca_id}/crl/enable",
        204,
        Sdk,
    ),
    op(
        Ccm,
        "disable_certificate_authority_crl",
        Post,
        "/v1/private-certificate-authorities/{ca_id}/crl/disable",
        204,
        Sdk,
    ),
    op(Ccm, "update_ocsp_switch", Post, "/v1/private-certificate-authorities/{ca_id}/ocsp/switch", 204, Sdk),
    op(Ccm, "show_console_config", Get, "/v1/pca/config/console", 200, Sdk),
    // SDK only: tags on CAs
    op(Ccm, "list_domain_ca_tags", Get, "/v1/private-certificate-authorities/tags", 200, Sdk),
    op(Ccm, "list_ca_tags", Get, "/v1/private-certificate-authorities/{ca_id}/tags", 200, Sdk),
    op(Ccm, "create_ca_tag", Post, "/v1/private-certificate-authorities/{ca_id}/tags", 204, Sdk),
    op(Ccm, "batch_create_ca_tags", Post, "/v1/private-certificate-authorities/{ca_id}/tags/create", 204, Sdk),
    op(Ccm, "batch_delete_ca_tags", Delete, "/v1/private-certificate-authorities/{ca_id}/tags/delete", 204, Sdk),
    op(
        Ccm,
        "list_ca_resource_instances",
        Post,
        "/v1/private-certificate-authorities/resource-instances/filter",
        200,
        Sdk,
    ),
    op(
        Ccm,
        "count_ca_resource_instances",
        Post,
        "/v1/private-certificate-authorities/resource-instances/count",
        200,
        Sdk,
    ),
    // SDK only: tags on private certificates
    op(Ccm, "list_domain_cert_tags", Get, "/v1/private-certificates/tags", 200, Sdk),
    op(Ccm, "list_cert_tags", Get, "/v1/private-certificates/{certificate_id}/tags", 200, Sdk),
    op(Ccm, "create_cert_tag", Post, "/v1/private-certificates/{certificate_id}/tags", 204, Sdk),
    op(Ccm, "batch_create_cert_tags", Post, "/v1/private-certificates/{certificate_id}/tags/create", 204, Sdk),
    op(Ccm, "batch_delete_cert_tags", Delete, "/v1/private-certificates/{certificate_id}/tags/delete", 204, Sdk),
    op(Ccm, "list_cert_resource_instances", Post, "/v1/private-certificates/resource-instances/filter", 200, Sdk),
    op(Ccm, "count_cert_resource_instances", Post, "/v1/private-certificates/resource-instances/count", 200, Sdk),
    // IAM (token answer is 201 with the token in X-Subject-Token)
    op(Iam, "keystone_create_user_token_by_password", Post, "/v3/auth/tokens", 201, Sdk),
    op(Iam, "keystone_list_auth_domains", Get, "/v3/auth/domains", 200, Sdk),
    op(Iam, "keystone_list_auth_projects", Get, "/v3/auth/projects", 200, Sdk),
    op(Iam, "keystone_list_projects", Get, "/v3/projects", 200, Sdk),
];

/// The operation with this service and SDK name.
pub fn find(service: Service, name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|o| o.service == service && o.name == name)
}

/// The operation an [`ApiRequest`] describes.
pub fn of_request(req: &ApiRequest) -> Option<&'static Operation> {
    find(req.service, &req.operation)
}

impl Operation {
    /// Names of the path parameters, in order.
    pub fn path_params(&self) -> Vec<&'static str> {
        self.path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}'))).collect()
    }

    /// Matches a received path (no query) against the template; gives the
    /// decoded path parameters. A trailing `/` is ignored.
    pub fn match_path(&self, path: &str) -> Option<Vec<(&'static str, String)>> {
        let path = path.split('?').next().unwrap_or("");
        let trim = |p: &str| p.trim_end_matches('/').to_owned();
        let got = trim(path);
        let want: Vec<&'static str> = self.path.split('/').collect();
        let have: Vec<&str> = got.split('/').collect();
        if want.len() != have.len() {
            return None;
        }
        let mut params = Vec::new();
        for (w, h) in want.iter().zip(have.iter()) {
            match w.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => {
                    if h.is_empty() {
                        return None;
                    }
                    params.push((name, decode_component(h)));
                }
                None => {
                    if w != h {
                        return None;
                    }
                }
            }
        }
        Some(params)
    }

    /// True for the operations the reference lists in chapter 4.
    pub fn in_reference(&self) -> bool {
        self.source == Source::Reference
    }
}

/// Finds the operation for a received request. Literal segments win over
/// parameters (`…/quotas` is not a CA id). `service` narrows the search
/// when the host is known.
pub fn route(
    service: Option<Service>,
    method: Method,
    path: &str,
) -> Option<(&'static Operation, Vec<(&'static str, String)>)> {
    OPERATIONS
        .iter()
        .filter(|o| o.method == method && service.is_none_or(|s| s == o.service))
        .filter_map(|o| o.match_path(path).map(|p| (o, p)))
        .min_by_key(|(_, p)| p.len())
}

/// Replaces the `{param}` placeholders of `template` with encoded values.
pub(crate) fn fill(template: &str, params: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (k, v) in params {
        out = out.replace(&format!("{{{k}}}"), &crate::request::path_param(v));
    }
    out
}

/// Builds the request description of a registered operation.
pub(crate) fn request(service: Service, name: &str, params: &[(&str, &str)]) -> ApiRequest {
    let o = find(service, name).unwrap_or_else(|| panic!("operation {name} is not registered"));
    ApiRequest::new(o.name, o.service, o.method, fill(o.path, params)).expect(o.response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_per_service() {
        for (i, a) in OPERATIONS.iter().enumerate() {
            for b in &OPERATIONS[i + 1..] {
                assert!(!(a.service == b.service && a.name == b.name), "{} twice", a.name);
                assert!(!(a.method == b.method && a.path == b.path), "{} and {} share a route", a.name, b.name);
            }
        }
    }

    #[test]
    fn chapter_four_has_thirty_one_operations() {
        let by = |s: Service| OPERATIONS.iter().filter(|o| o.in_reference() && o.service == s).count();
        assert_eq!(by(Service::Scm), 6);
        let ccm: Vec<_> = OPERATIONS.iter().filter(|o| o.in_reference() && o.service == Service::Ccm).collect();
        assert_eq!(ccm.iter().filter(|o| o.path.starts_with(CA) && !o.path.contains("/obs/")).count(), 13);
        assert_eq!(ccm.iter().filter(|o| o.path.starts_with("/v1/private-certificates")).count(), 9);
        assert_eq!(ccm.iter().filter(|o| o.path.contains("/obs/")).count(), 3);
    }

    #[test]
    fn routes_prefer_literal_segments() {
        let (o, p) = route(None, Method::Get, "/v1/private-certificate-authorities/quotas").unwrap();
        assert_eq!(o.name, "show_certificate_authority_quota");
        assert!(p.is_empty());
        let (o, p) = route(None, Method::Get, "/v1/private-certificate-authorities/obs/agencies/").unwrap();
        assert_eq!(o.name, "show_certificate_authority_obs_agency");
        assert!(p.is_empty());
        let (o, p) = route(Some(Service::Ccm), Method::Get, "/v1/private-certificate-authorities/abc/csr").unwrap();
        assert_eq!(o.name, "export_certificate_authority_csr");
        assert_eq!(p, vec![("ca_id", "abc".to_owned())]);
        let (o, _) = route(None, Method::Post, "/v3/scm/certificates/import").unwrap();
        assert_eq!(o.name, "import_certificate");
        let (o, p) = route(None, Method::Delete, "/v3/scm/certificates/scs1554192131150").unwrap();
        assert_eq!((o.service, o.name), (Service::Scm, "delete_certificate"));
        assert_eq!(p[0].1, "scs1554192131150");
        assert!(route(None, Method::Put, "/v3/scm/certificates").is_none());
        let (o, _) = route(Some(Service::Scm), Method::Post, "/v3/scm/certificates/buy").unwrap();
        assert_eq!(o.name, "subscribe_certificate");
        let (o, _) = route(Some(Service::Scm), Method::Post, "/v3/scm/csr/upload").unwrap();
        assert_eq!(o.name, "upload_csr");
        let (o, p) = route(Some(Service::Scm), Method::Get, "/v3/scm/csr/c-1/private-key").unwrap();
        assert_eq!((o.name, p[0].1.as_str()), ("show_csr_private_key", "c-1"));
        let (o, _) = route(Some(Service::Scm), Method::Get, "/v3/scm/tags").unwrap();
        assert_eq!(o.name, "list_all_tags");
        let (o, p) = route(Some(Service::Scm), Method::Get, "/v3/scm/scs1554192131150/tags").unwrap();
        assert_eq!((o.name, p[0].1.as_str()), ("list_tags_by_certificate", "scs1554192131150"));
        let (o, _) = route(Some(Service::Scm), Method::Post, "/v3/scm/resource_instances/action").unwrap();
        assert_eq!(o.name, "list_certificates_by_tag");
        let (o, _) = route(Some(Service::Scm), Method::Post, "/v3/scm/notification/enable").unwrap();
        assert_eq!(o.name, "enable_notification");
        let (o, p) = route(Some(Service::Scm), Method::Delete, "/v3/scm/certificates/scs1554192131150/unsubscribe").unwrap();
        assert_eq!((o.name, p[0].0), ("unsubscribe_certificate", "cert_id"));
        assert!(route(None, Method::Get, "/v1/nothing").is_none());
    }

    #[test]
    fn fill_encodes_parameters() {
        assert_eq!(fill("/a/{id}/b", &[("id", "x y")]), "/a/x%20y/b");
        let req = request(Service::Ccm, "disable_certificate_authority", &[("ca_id", "c1")]);
        assert_eq!(req.path, "/v1/private-certificate-authorities/c1/disable");
        assert_eq!(req.response, ResponseKind::Empty);
        assert_eq!(of_request(&req).unwrap().success, 204);
    }
}

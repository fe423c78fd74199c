//! Deploying an SSL certificate to the cloud resources that serve it (ELB
//! listeners, WAF domains, CDN domains), listing where it is deployed, and
//! pushing it to several regions at once (API v3, SDK only).

use serde::{Deserialize, Serialize};

use crate::common::{to_json, wire_enum};
use crate::endpoints::Service;
use crate::operations::request;
use crate::request::ApiRequest;
use crate::scm::PushService;

wire_enum! {
    /// Mode of a WAF resource (the `type` of a WAF deployment target).
    WafResourceType {
        Cloud = "cloud" => "Cloud mode",
        Premium = "premium" => "Dedicated mode",
    }
}

/// Most resources in one deployment.
pub const MAX_DEPLOY_RESOURCES: usize = 20;
/// Most regions in one batch push.
pub const MAX_PUSH_TARGETS: usize = 10;
/// Most certificates (and service names) in one deployed-resources query.
pub const MAX_DEPLOYED_QUERY: usize = 50;
/// Service names the deployed-resources query takes (`ALL` = every one).
pub const DEPLOYED_SERVICE_NAMES: &[&str] = &["WAF", "CDN", "ELB", "ALL"];

/// One deployment target. Which fields matter depends on the service: ELB
/// and WAF need `id`, WAF also `type` and `enterprise_project_id`, CDN
/// needs `domain_name` (which the certificate must cover).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DeployedResource {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<WafResourceType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
}

/// Body of `POST …/{certificate_id}/deploy`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeployCertificateBody {
    /// The region (project name) of the resources; the main project's is
    /// the region id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_name: Option<String>,
    pub service_name: PushService,
    /// 1 to 20.
    pub resources: Vec<DeployedResource>,
}

pub fn deploy_certificate(certificate_id: &str, body: &DeployCertificateBody) -> ApiRequest {
    request(Service::Scm, "deploy_certificate", &[("certificate_id", certificate_id)]).json(to_json(body))
}

/// Answer of a deployment: the resources that failed (empty = all done).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeployCertificateResponse {
    #[serde(default)]
    pub failure_list: Vec<FailureResource>,
}

/// `FaiureResource` (sic) in the SDK.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureResource {
    #[serde(default)]
    pub resource: String,
    #[serde(default)]
    pub failure_info: String,
}

/// Body of `POST /v3/scm/deployed-resources`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListDeployedResourcesBody {
    pub certificate_ids: Vec<String>,
    /// WAF, CDN, ELB or ALL.
    pub service_names: Vec<String>,
}

pub fn list_deployed_resources(body: &ListDeployedResourcesBody) -> ApiRequest {
    request(Service::Scm, "list_deployed_resources", &[]).json(to_json(body))
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListDeployedResourcesResponse {
    #[serde(default)]
    pub results: Vec<DeployedResult>,
}

/// Where one certificate is deployed (`ResultDetail`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeployedResult {
    pub certificate_id: String,
    #[serde(default)]
    pub total_num: i64,
    #[serde(default)]
    pub deployed_resources: Vec<DeployedResourceDetail>,
}

/// The deployments of one service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeployedResourceDetail {
    pub service: String,
    #[serde(default)]
    pub resource_num: i64,
    /// Global or regional service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_location: Option<String>,
    #[serde(default)]
    pub region_resources: Vec<RegionResourceDetail>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionResourceDetail {
    #[serde(default)]
    pub region_id: String,
    #[serde(default)]
    pub is_error: bool,
    #[serde(default)]
    pub resources: Vec<ResourceDetail>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceDetail {
    pub resource_id: String,
    #[serde(default)]
    pub resource_name: String,
}

impl DeployedResult {
    /// Every deployed resource as (service, region, resource), for a flat
    /// table and for the warning before a delete.
    pub fn flatten(&self) -> Vec<(&str, &str, &ResourceDetail)> {
        self.deployed_resources
            .iter()
            .flat_map(|s| {
                s.region_resources
                    .iter()
                    .flat_map(move |r| r.resources.iter().map(move |x| (s.service.as_str(), r.region_id.as_str(), x)))
            })
            .collect()
    }
}

/// Body of `POST …/{certificate_id}/batch-push`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchPushCertificateBody {
    /// Region project names, 1 to 10.
    pub target_projects: Vec<String>,
    pub target_service: PushService,
}

pub fn batch_push_certificate(certificate_id: &str, body: &BatchPushCertificateBody) -> ApiRequest {
    request(Service::Scm, "batch_push_certificate", &[("certificate_id", certificate_id)]).json(to_json(body))
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchPushCertificateResponse {
    #[serde(default)]
    pub results: Vec<BatchPushResult>,
}

/// The outcome in one region: `message` is `success` or why not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchPushResult {
    #[serde(default)]
    pub project_name: String,
    /// The certificate's id in the target service.
    #[serde(default)]
    pub cert_id: String,
    #[serde(default)]
    pub message: String,
}

impl BatchPushResult {
    pub fn succeeded(&self) -> bool {
        self.message.eq_ignore_ascii_case("success")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn deploy_requests() {
        let d = deploy_certificate(
            "scs1554192131150",
            &DeployCertificateBody {
                project_name: Some("ap-southeast-1".into()),
                service_name: PushService::Waf,
                resources: vec![DeployedResource {
                    id: Some("w1".into()),
                    kind: Some(WafResourceType::Cloud),
                    enterprise_project_id: Some("0".into()),
                    ..Default::default()
                }],
            },
        );
        assert_eq!(d.path, "/v3/scm/certificates/scs1554192131150/deploy");
        assert_eq!(
            d.body.unwrap(),
            json!({"project_name":"ap-southeast-1","service_name":"WAF","resources":[{"id":"w1","type":"cloud","enterprise_project_id":"0"}]})
        );
        let l = list_deployed_resources(&ListDeployedResourcesBody {
            certificate_ids: vec!["scs1554192131150".into()],
            service_names: vec!["ALL".into()],
        });
        assert_eq!(l.path, "/v3/scm/deployed-resources");
        let p = batch_push_certificate(
            "scs1554192131150",
            &BatchPushCertificateBody { target_projects: vec!["a".into(), "b".into()], target_service: PushService::Elb },
        );
        assert_eq!(p.path, "/v3/scm/certificates/scs1554192131150/batch-push");
        assert_eq!(p.body.unwrap()["target_projects"], json!(["a", "b"]));
    }

    #[test]
    fn deployed_results_flatten() {
        let r: ListDeployedResourcesResponse = serde_json::from_value(json!({"results":[{"certificate_id":"scs1","total_num":2,
            "deployed_resources":[{"service":"ELB","resource_num":2,"region_resources":[{"region_id":"r1","is_error":false,
            "resources":[{"resource_id":"l1","resource_name":"web-443"},{"resource_id":"l2","resource_name":"api-443"}]}]}]}]}))
        .unwrap();
        let flat = r.results[0].flatten();
        assert_eq!(flat.len(), 2);
        assert_eq!((flat[1].0, flat[1].1, flat[1].2.resource_name.as_str()), ("ELB", "r1", "api-443"));
        assert!(BatchPushResult { message: "success".into(), ..Default::default() }.succeeded());
        assert!(!BatchPushResult { message: "SCM.0028".into(), ..Default::default() }.succeeded());
    }
}

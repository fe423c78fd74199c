//! Tags on CAs and private certificates (SDK only): list the tags of one
//! resource or of the whole account, add one or several, delete several,
//! and find resources by tag.

use serde::{Deserialize, Serialize};

use crate::common::{to_json, DomainTags, ResourceTag};
use crate::endpoints::Service;
use crate::operations::request;
use crate::request::ApiRequest;

/// Which kind of resource the tags are on; the paths and SDK names differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TagTarget {
    Ca,
    Certificate,
}

impl TagTarget {
    fn param(self) -> &'static str {
        match self {
            TagTarget::Ca => "ca_id",
            TagTarget::Certificate => "certificate_id",
        }
    }

    fn op(self, ca: &'static str, cert: &'static str) -> &'static str {
        match self {
            TagTarget::Ca => ca,
            TagTarget::Certificate => cert,
        }
    }
}

/// Every tag key in use on CAs (or certificates) of the account, with its
/// values.
pub fn list_domain_tags(target: TagTarget) -> ApiRequest {
    request(Service::Ccm, target.op("list_domain_ca_tags", "list_domain_cert_tags"), &[])
}

/// Tags of one resource.
pub fn list_tags(target: TagTarget, id: &str) -> ApiRequest {
    request(Service::Ccm, target.op("list_ca_tags", "list_cert_tags"), &[(target.param(), id)])
}

/// Body of a single-tag create: `{"tag": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagBody {
    pub tag: ResourceTag,
}

/// Body of a batch create or delete: `{"tags": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagsBody {
    pub tags: Vec<ResourceTag>,
}

/// Adds (or replaces) one tag.
pub fn create_tag(target: TagTarget, id: &str, tag: &ResourceTag) -> ApiRequest {
    request(Service::Ccm, target.op("create_ca_tag", "create_cert_tag"), &[(target.param(), id)])
        .json(to_json(&TagBody { tag: tag.clone() }))
}

/// Adds several tags at once.
pub fn batch_create_tags(target: TagTarget, id: &str, tags: &[ResourceTag]) -> ApiRequest {
    request(Service::Ccm, target.op("batch_create_ca_tags", "batch_create_cert_tags"), &[(target.param(), id)])
        .json(to_json(&TagsBody { tags: tags.to_vec() }))
}

/// Removes several tags: a `DELETE` that carries a body.
pub fn batch_delete_tags(target: TagTarget, id: &str, tags: &[ResourceTag]) -> ApiRequest {
    request(Service::Ccm, target.op("batch_delete_ca_tags", "batch_delete_cert_tags"), &[(target.param(), id)])
        .json(to_json(&TagsBody { tags: tags.to_vec() }))
}

/// Answer of the tag lists of one resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagsResponse {
    #[serde(default)]
    pub tags: Vec<ResourceTag>,
}

/// Answer of the account-wide tag lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainTagsResponse {
    #[serde(default)]
    pub tags: Vec<DomainTags>,
}

/// Tag filter of the resource-instance searches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceInstancesBody {
    /// Resources having all these keys, each with one of the values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<DomainTags>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Field matches, e.g. `{"key": "resource_name", "value": "…"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<Vec<ResourceTag>>,
}

/// Finds CAs (or certificates) by tag.
pub fn list_resource_instances(target: TagTarget, body: &ResourceInstancesBody) -> ApiRequest {
    request(Service::Ccm, target.op("list_ca_resource_instances", "list_cert_resource_instances"), &[])
        .json(to_json(body))
}

/// Counts CAs (or certificates) matching a tag filter.
pub fn count_resource_instances(target: TagTarget, body: &ResourceInstancesBody) -> ApiRequest {
    request(Service::Ccm, target.op("count_ca_resource_instances", "count_cert_resource_instances"), &[])
        .json(to_json(body))
}

/// One resource found by tag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagResource {
    pub resource_id: String,
    /// The CA or certificate object; its shape follows the resource type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_detail: Option<serde_json::Value>,
    #[serde(default)]
    pub tags: Vec<ResourceTag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceInstancesResponse {
    #[serde(default)]
    pub total_count: i64,
    #[serde(default)]
    pub resources: Vec<TagResource>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountResponse {
    pub total_count: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{Method, ResponseKind};
    use serde_json::json;

    #[test]
    fn tag_requests_for_both_targets() {
        let t = ResourceTag::new("env", "prod");
        let ca = create_tag(TagTarget::Ca, "c1", &t);
        assert_eq!(ca.operation, "create_ca_tag");
        assert_eq!(ca.path, "/v1/private-certificate-authorities/c1/tags");
        assert_eq!(ca.body.unwrap(), json!({"tag": {"key": "env", "value": "prod"}}));
        let del = batch_delete_tags(TagTarget::Certificate, "x1", std::slice::from_ref(&t));
        assert_eq!(del.method, Method::Delete);
        assert_eq!(del.path, "/v1/private-certificates/x1/tags/delete");
        assert_eq!(del.body.unwrap(), json!({"tags": [{"key": "env", "value": "prod"}]}));
        assert_eq!(del.response, ResponseKind::Empty);
        assert_eq!(list_domain_tags(TagTarget::Certificate).path, "/v1/private-certificates/tags");
        assert_eq!(list_tags(TagTarget::Ca, "c1").operation, "list_ca_tags");
        assert_eq!(batch_create_tags(TagTarget::Ca, "c1", &[]).operation, "batch_create_ca_tags");
        let f =
            list_resource_instances(TagTarget::Ca, &ResourceInstancesBody { limit: Some(10), ..Default::default() });
        assert_eq!(f.path, "/v1/private-certificate-authorities/resource-instances/filter");
        assert_eq!(count_resource_instances(TagTarget::Certificate, &Default::default()).body.unwrap(), json!({}));
    }
}

//! Tags on SSL certificates and the expiry notification switch (API v3,
//! SDK only). The tag operations name the certificate `resource_id`.

use serde::{Deserialize, Serialize};

use crate::common::{to_json, wire_enum};
use crate::endpoints::Service;
use crate::operations::request;
use crate::request::ApiRequest;

/// One tag on one certificate (`ScsResourceTag`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ScmTag {
    pub key: String,
    #[serde(default)]
    pub value: String,
}

/// A key with every value in use (`ScsTag`); also a filter: the key with
/// any of the values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScmTagValues {
    pub key: String,
    #[serde(default)]
    pub values: Vec<String>,
}

/// Most tags on one certificate (Huawei Cloud's common tag limit).
pub const MAX_TAGS_PER_CERTIFICATE: usize = 20;

/// Body of `POST /v3/scm/{resource_id}/tags`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateCertificateTagBody {
    pub tag: ScmTag,
}

pub fn create_certificate_tag(resource_id: &str, body: &CreateCertificateTagBody) -> ApiRequest {
    request(Service::Scm, "create_certificate_tag", &[("resource_id", resource_id)]).json(to_json(body))
}

wire_enum! {
    /// What a batch tag request does.
    TagAction {
        Create = "create" => "Add",
        Delete = "delete" => "Remove",
    }
}

/// Body of `POST /v3/scm/{resource_id}/tags/action`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchTagsBody {
    pub action: TagAction,
    pub tags: Vec<ScmTag>,
}

pub fn batch_create_or_delete_tags(resource_id: &str, body: &BatchTagsBody) -> ApiRequest {
    request(Service::Scm, "batch_create_or_delete_tags", &[("resource_id", resource_id)]).json(to_json(body))
}

/// Answer of the tag changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagDesc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
}

/// `GET /v3/scm/tags`: every key in use with its values.
pub fn list_all_tags() -> ApiRequest {
    request(Service::Scm, "list_all_tags", &[])
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListAllTagsResponse {
    #[serde(default)]
    pub tags: Vec<ScmTagValues>,
}

/// `GET /v3/scm/{resource_id}/tags`.
pub fn list_tags_by_certificate(resource_id: &str) -> ApiRequest {
    request(Service::Scm, "list_tags_by_certificate", &[("resource_id", resource_id)])
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListTagsByCertificateResponse {
    #[serde(default)]
    pub tags: Vec<ScmTag>,
}

wire_enum! {
    /// Whether the tag query lists certificates or only counts them.
    TagQueryAction {
        Filter = "filter" => "List",
        Count = "count" => "Count",
    }
}

/// A text match on the resource name (`ScsMatch`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScmMatch {
    pub key: String,
    pub value: String,
}

/// Body of `POST /v3/scm/resource_instances/action`: certificates with all
/// of `tags` (each key with any of its values), any of `tags_any`, none of
/// `not_tags`, not all of `not_tags_any`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListCertificatesByTagBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub without_any_tag: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<ScmTagValues>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags_any: Option<Vec<ScmTagValues>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_tags: Option<Vec<ScmTagValues>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_tags_any: Option<Vec<ScmTagValues>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    pub action: TagQueryAction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<Vec<ScmMatch>>,
}

impl Default for ListCertificatesByTagBody {
    fn default() -> Self {
        ListCertificatesByTagBody {
            without_any_tag: None,
            tags: None,
            tags_any: None,
            not_tags: None,
            not_tags_any: None,
            limit: None,
            offset: None,
            action: TagQueryAction::Filter,
            matches: None,
        }
    }
}

/// The SDK makes `resource_instances` a path parameter; it is always that
/// literal word.
pub fn list_certificates_by_tag(body: &ListCertificatesByTagBody) -> ApiRequest {
    request(Service::Scm, "list_certificates_by_tag", &[("resource_instances", "resource_instances")]).json(to_json(body))
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListCertificatesByTagResponse {
    #[serde(default)]
    pub total_count: i64,
    #[serde(default)]
    pub resources: Vec<TagResource>,
}

/// One certificate found by tag.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagResource {
    pub resource_id: String,
    #[serde(default)]
    pub tags: Vec<ScmTag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_detail: Option<TagResourceDetail>,
}

/// The certificate behind a tag hit (`TagResourceResourceDetail`), the
/// fields a list row shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagResourceDetail {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_brand: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_period: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_num: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wildcard_number: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sans: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_algorithm: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub push_support: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsubscribe_support: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
}

wire_enum! {
    /// Kind of notification switched per certificate. The SDK types this
    /// as free text and no page lists values; this is the one the console
    /// offers (expiry reminders), the emulator keeps any text as sent.
    NoticeType {
        CertExpiration = "CERT_EXPIRATION" => "Expiry reminder",
    }
}

/// One entry of the notification switch bodies (the body is a JSON list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeRequest {
    pub resource_id: String,
    pub notice_type: Vec<NoticeType>,
}

/// Most entries in one notification switch request (this project's
/// choice; the SDK gives none).
pub const MAX_NOTICE_ENTRIES: usize = 50;

/// `POST /v3/scm/notification/enable` (204).
pub fn enable_notification(entries: &[NoticeRequest]) -> ApiRequest {
    request(Service::Scm, "enable_notification", &[]).json(to_json(&entries))
}

/// `POST /v3/scm/notification/disable` (204).
pub fn disable_notification(entries: &[NoticeRequest]) -> ApiRequest {
    request(Service::Scm, "disable_notification", &[]).json(to_json(&entries))
}

/// The switch for one certificate's expiry reminders.
pub fn expiry_notice(certificate_id: &str) -> NoticeRequest {
    NoticeRequest { resource_id: certificate_id.to_owned(), notice_type: vec![NoticeType::CertExpiration] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{Method, ResponseKind};
    use serde_json::json;

    #[test]
    fn tag_requests() {
        let c = create_certificate_tag("scs1554192131150", &CreateCertificateTagBody { tag: ScmTag { key: "env".into(), value: "prod".into() } });
        assert_eq!((c.method, c.path.as_str()), (Method::Post, "/v3/scm/scs1554192131150/tags"));
        let b = batch_create_or_delete_tags(
            "scs1554192131150",
            &BatchTagsBody { action: TagAction::Delete, tags: vec![ScmTag { key: "env".into(), value: String::new() }] },
        );
        assert_eq!(b.path, "/v3/scm/scs1554192131150/tags/action");
        assert_eq!(b.body.unwrap()["action"], "delete");
        assert_eq!(list_all_tags().path, "/v3/scm/tags");
        assert_eq!(list_tags_by_certificate("scs1554192131150").method, Method::Get);
        let q = list_certificates_by_tag(&ListCertificatesByTagBody {
            tags: Some(vec![ScmTagValues { key: "env".into(), values: vec!["prod".into()] }]),
            limit: Some(10),
            ..Default::default()
        });
        assert_eq!(q.path, "/v3/scm/resource_instances/action");
        assert_eq!(q.body.unwrap(), json!({"tags":[{"key":"env","values":["prod"]}],"limit":10,"action":"filter"}));
    }

    #[test]
    fn notification_bodies_are_lists() {
        let e = enable_notification(&[expiry_notice("scs1554192131150")]);
        assert_eq!(e.path, "/v3/scm/notification/enable");
        assert_eq!(e.body.unwrap(), json!([{"resource_id":"scs1554192131150","notice_type":["CERT_EXPIRATION"]}]));
        assert_eq!(e.response, ResponseKind::Empty);
        assert_eq!(disable_notification(&[]).path, "/v3/scm/notification/disable");
    }
}

//! Tags on CAs and on private certificates (SDK only): the tags of one
//! resource, every key and value in use, add one or several, delete
//! several, and find or count resources by tag. One implementation serves
//! both kinds of resource, chosen by [`TagTarget`].

use std::collections::{BTreeMap, BTreeSet};

use ccm_api::catalogue::codes;
use ccm_api::common::{DomainTags, ResourceTag};
use ccm_api::pca::tags::{ResourceInstancesBody, TagBody, TagTarget, TagsBody};
use serde_json::{json, Value};

use crate::answer::{refuse, Answer};
use crate::{pca_cas, Call, EmuResponse, Emulator};

/// What a tag operation does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Every key in use with its values.
    Domain,
    /// The tags of one resource.
    List,
    CreateOne,
    CreateMany,
    Delete,
    /// Resources matching a filter.
    Filter,
    /// How many resources match a filter.
    Count,
}

/// Operation name → resource kind and action.
const TABLE: &[(&str, TagTarget, Action)] = &[
    ("list_domain_ca_tags", TagTarget::Ca, Action::Domain),
    ("list_ca_tags", TagTarget::Ca, Action::List),
    ("create_ca_tag", TagTarget::Ca, Action::CreateOne),
    ("batch_create_ca_tags", TagTarget::Ca, Action::CreateMany),
    ("batch_delete_ca_tags", TagTarget::Ca, Action::Delete),
    ("list_ca_resource_instances", TagTarget::Ca, Action::Filter),
    ("count_ca_resource_instances", TagTarget::Ca, Action::Count),
    ("list_domain_cert_tags", TagTarget::Certificate, Action::Domain),
    ("list_cert_tags", TagTarget::Certificate, Action::List),
    ("create_cert_tag", TagTarget::Certificate, Action::CreateOne),
    ("batch_create_cert_tags", TagTarget::Certificate, Action::CreateMany),
    ("batch_delete_cert_tags", TagTarget::Certificate, Action::Delete),
    ("list_cert_resource_instances", TagTarget::Certificate, Action::Filter),
    ("count_cert_resource_instances", TagTarget::Certificate, Action::Count),
];

/// Operations this module answers.
pub const OPERATIONS: &[&str] = &[
    "list_domain_ca_tags",
    "list_ca_tags",
    "create_ca_tag",
    "batch_create_ca_tags",
    "batch_delete_ca_tags",
    "list_ca_resource_instances",
    "count_ca_resource_instances",
    "list_domain_cert_tags",
    "list_cert_tags",
    "create_cert_tag",
    "batch_create_cert_tags",
    "batch_delete_cert_tags",
    "list_cert_resource_instances",
    "count_cert_resource_instances",
];

/// The page size of a tag search when none is given: Huawei Cloud's
/// resource-tag searches default to their maximum.
const DEFAULT_LIMIT: usize = 1000;

pub fn handle(emu: &mut Emulator, call: &Call) -> EmuResponse {
    pca_cas::refresh(emu, call.now_ms);
    let Some(&(_, target, action)) = TABLE.iter().find(|(op, _, _)| *op == call.op) else {
        return refuse(501, "EMU.NOT_IMPLEMENTED", format!("tags does not answer {}", call.op));
    };
    let result = match action {
        Action::Domain => Ok(domain_tags(emu, target)),
        Action::List => list(emu, call, target),
        Action::CreateOne => body_as::<TagBody>(call).and_then(|b| add(emu, call, target, vec![b.tag])),
        Action::CreateMany => body_as::<TagsBody>(call).and_then(|b| add(emu, call, target, b.tags)),
        Action::Delete => body_as::<TagsBody>(call).and_then(|b| delete(emu, call, target, &b.tags)),
        Action::Filter | Action::Count => {
            body_as::<ResourceInstancesBody>(call).and_then(|b| search(emu, target, &b, action))
        }
    };
    result.unwrap_or_else(|refused| refused)
}

fn body_as<T: serde::de::DeserializeOwned>(call: &Call) -> Answer<T> {
    let body = call.body.clone().unwrap_or_else(|| json!({}));
    serde_json::from_value(body).map_err(|e| refuse(400, codes::PCA_BAD_PARAMETER, format!("body: {e}")))
}

fn id_param(target: TagTarget) -> &'static str {
    match target {
        TagTarget::Ca => "ca_id",
        TagTarget::Certificate => "certificate_id",
    }
}

fn not_found(target: TagTarget, id: &str) -> EmuResponse {
    match target {
        TagTarget::Ca => pca_cas::not_found(id),
        TagTarget::Certificate => refuse(404, codes::PCA_NOT_FOUND, format!("no private certificate with id {id}")),
    }
}

/// One taggable resource as the searches see it.
struct Resource<'a> {
    id: &'a str,
    name: &'a str,
    detail: Value,
    tags: &'a [ResourceTag],
}

/// Every resource of a kind, in creation order.
fn resources(emu: &Emulator, target: TagTarget) -> Vec<Resource<'_>> {
    match target {
        TagTarget::Ca => emu
            .state
            .cas
            .iter()
            .map(|c| Resource {
                id: &c.info.ca_id,
                name: &c.info.distinguished_name.common_name,
                detail: serde_json::to_value(&c.info).unwrap_or_default(),
                tags: &c.tags,
            })
            .collect(),
        TagTarget::Certificate => emu
            .state
            .certificates
            .iter()
            .map(|c| Resource {
                id: &c.info.certificate_id,
                name: &c.info.distinguished_name.common_name,
                detail: serde_json::to_value(&c.info).unwrap_or_default(),
                tags: &c.tags,
            })
            .collect(),
    }
}

fn tags_mut<'a>(emu: &'a mut Emulator, target: TagTarget, id: &str) -> Option<&'a mut Vec<ResourceTag>> {
    match target {
        TagTarget::Ca => emu.state.ca_mut(id).map(|c| &mut c.tags),
        TagTarget::Certificate => {
            emu.state.certificates.iter_mut().find(|c| c.info.certificate_id == id).map(|c| &mut c.tags)
        }
    }
}

/// Every key used on resources of the kind, with its values, sorted.
fn domain_tags(emu: &Emulator, target: TagTarget) -> EmuResponse {
    let mut keys: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in resources(emu, target) {
        for t in r.tags {
            let values = keys.entry(&t.key).or_default();
            if let Some(v) = &t.value {
                values.insert(v);
            }
        }
    }
    let tags: Vec<DomainTags> = keys
        .into_iter()
        .map(|(k, vs)| DomainTags { key: k.to_owned(), values: vs.into_iter().map(str::to_owned).collect() })
        .collect();
    EmuResponse::json(200, &json!({ "tags": tags }))
}

fn list(emu: &Emulator, call: &Call, target: TagTarget) -> Answer<EmuResponse> {
    let id = call.param(id_param(target));
    let found = resources(emu, target).into_iter().find(|r| r.id == id).ok_or_else(|| not_found(target, id))?;
    Ok(EmuResponse::json(200, &json!({ "tags": found.tags })))
}

/// Adds tags; a key already there takes the new value.
fn add(emu: &mut Emulator, call: &Call, target: TagTarget, new: Vec<ResourceTag>) -> Answer<EmuResponse> {
    let id = call.param(id_param(target)).to_owned();
    let tags = tags_mut(emu, target, &id).ok_or_else(|| not_found(target, &id))?;
    for tag in new {
        match tags.iter_mut().find(|t| t.key == tag.key) {
            Some(existing) => existing.value = tag.value,
            None => tags.push(tag),
        }
    }
    Ok(EmuResponse::no_content())
}

/// Removes tags by key; one that names a value is removed only when the
/// value matches too. Keys that are not there are ignored.
fn delete(emu: &mut Emulator, call: &Call, target: TagTarget, gone: &[ResourceTag]) -> Answer<EmuResponse> {
    let id = call.param(id_param(target)).to_owned();
    let tags = tags_mut(emu, target, &id).ok_or_else(|| not_found(target, &id))?;
    tags.retain(|t| !gone.iter().any(|g| g.key == t.key && (g.value.is_none() || g.value == t.value)));
    Ok(EmuResponse::no_content())
}

/// Does `r` have every key of the filter, each with one of its values (any
/// value when the filter lists none), and a name containing each
/// `resource_name` match?
fn matches(r: &Resource<'_>, filter: &ResourceInstancesBody) -> bool {
    let tags_ok = filter.tags.iter().flatten().all(|f| {
        r.tags
            .iter()
            .any(|t| t.key == f.key && (f.values.is_empty() || t.value.as_ref().is_some_and(|v| f.values.contains(v))))
    });
    let names_ok = filter.matches.iter().flatten().all(|m| m.value.as_deref().is_none_or(|v| r.name.contains(v)));
    tags_ok && names_ok
}

fn search(emu: &Emulator, target: TagTarget, filter: &ResourceInstancesBody, action: Action) -> Answer<EmuResponse> {
    if let Some(m) = filter.matches.iter().flatten().find(|m| m.key != "resource_name") {
        return Err(refuse(400, codes::PCA_BAD_PARAMETER, format!("matches: key '{}' is not resource_name", m.key)));
    }
    let found: Vec<Resource<'_>> = resources(emu, target).into_iter().filter(|r| matches(r, filter)).collect();
    if action == Action::Count {
        return Ok(EmuResponse::json(200, &json!({ "total_count": found.len() })));
    }
    let offset = usize::try_from(filter.offset.unwrap_or(0)).unwrap_or(0);
    let limit = filter.limit.and_then(|l| usize::try_from(l).ok()).unwrap_or(DEFAULT_LIMIT);
    let total = found.len();
    let page: Vec<Value> = found
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|r| json!({ "resource_id": r.id, "resource_name": r.name, "resource_detail": r.detail, "tags": r.tags }))
        .collect();
    Ok(EmuResponse::json(200, &json!({ "total_count": total, "resources": page })))
}

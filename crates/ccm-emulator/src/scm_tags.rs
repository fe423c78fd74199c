//! Tags on SSL certificates and the per-certificate notification switch.
//!
//! A key is unique per certificate (adding it again replaces the value);
//! at most [`MAX_TAGS_PER_CERTIFICATE`] tags (SCM.0302); removing a key the
//! certificate does not have is SCM.0301. The tag query follows Huawei
//! Cloud's tag filter: `tags` all match (each key with any of its values,
//! no values = any value), `tags_any` one matches, `not_tags` none
//! matches, `not_tags_any` not all match, `matches` a part of the name.

use std::collections::{BTreeMap, BTreeSet};

use ccm_api::catalogue::codes;
use ccm_api::scm::{
    BatchTagsBody, CreateCertificateTagBody, ListCertificatesByTagBody, NoticeRequest, ScmTag, ScmTagValues, TagAction,
    TagQueryAction, MAX_TAGS_PER_CERTIFICATE,
};
use serde_json::json;

use crate::scm::error;
use crate::state::ScmRecord;
use crate::{Call, EmuResponse, Emulator};

pub const OPERATIONS: &[&str] = &[
    "create_certificate_tag",
    "batch_create_or_delete_tags",
    "list_all_tags",
    "list_tags_by_certificate",
    "list_certificates_by_tag",
    "enable_notification",
    "disable_notification",
];

fn parse<T: serde::de::DeserializeOwned>(call: &Call) -> Result<T, EmuResponse> {
    serde_json::from_value(call.body.clone().unwrap_or_default())
        .map_err(|e| error(codes::SCM_BAD_PARAMETER, format!("the body does not fit the request: {e}")))
}

pub fn handle(emu: &mut Emulator, call: &Call) -> EmuResponse {
    let result = match call.op {
        "list_all_tags" => Ok(all_tags(emu)),
        "list_certificates_by_tag" => parse(call).map(|b| by_tag(emu, &b)),
        "enable_notification" => parse(call).and_then(|b: Vec<NoticeRequest>| switch(emu, &b, true)),
        "disable_notification" => parse(call).and_then(|b: Vec<NoticeRequest>| switch(emu, &b, false)),
        _ => {
            let id = call.param("resource_id").to_owned();
            match emu.state.scm.iter().position(|r| r.info.id == id) {
                None => Err(error(codes::SCM_NOT_FOUND, format!("no certificate with id {id}"))),
                Some(i) => {
                    let record = &mut emu.state.scm[i];
                    match call.op {
                        "list_tags_by_certificate" => Ok(EmuResponse::json(200, &json!({ "tags": record.tags }))),
                        "create_certificate_tag" => {
                            parse(call).and_then(|b: CreateCertificateTagBody| add(record, &[b.tag]))
                        }
                        _ => parse(call).and_then(|b: BatchTagsBody| match b.action {
                            TagAction::Delete => remove(record, &b.tags),
                            _ => add(record, &b.tags),
                        }),
                    }
                }
            }
        }
    };
    result.unwrap_or_else(|e| e)
}

fn done() -> EmuResponse {
    EmuResponse::json(200, &json!({ "desc": "success" }))
}

/// Adds or replaces; all or nothing.
fn add(record: &mut ScmRecord, tags: &[ScmTag]) -> Result<EmuResponse, EmuResponse> {
    let mut next = record.tags.clone();
    for t in tags {
        match next.iter_mut().find(|x| x.key == t.key) {
            Some(x) => x.value = t.value.clone(),
            None => next.push(t.clone()),
        }
    }
    if next.len() > MAX_TAGS_PER_CERTIFICATE {
        return Err(error(
            codes::SCM_TAG_QUOTA,
            format!("a certificate holds at most {MAX_TAGS_PER_CERTIFICATE} tags; this would make {}", next.len()),
        ));
    }
    record.tags = next;
    Ok(done())
}

/// Removes by key (a given value must match too); all or nothing.
fn remove(record: &mut ScmRecord, tags: &[ScmTag]) -> Result<EmuResponse, EmuResponse> {
    for t in tags {
        let found = record.tags.iter().any(|x| x.key == t.key && (t.value.is_empty() || x.value == t.value));
        if !found {
            return Err(error(codes::SCM_TAG_NOT_FOUND, format!("certificate {} has no tag {}", record.info.id, t.key)));
        }
    }
    record.tags.retain(|x| !tags.iter().any(|t| t.key == x.key));
    Ok(done())
}

/// `GET /v3/scm/tags`: every key with its values, sorted.
fn all_tags(emu: &Emulator) -> EmuResponse {
    let mut keys: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for t in emu.state.scm.iter().flat_map(|r| r.tags.iter()) {
        keys.entry(t.key.as_str()).or_default().insert(t.value.as_str());
    }
    let tags: Vec<ScmTagValues> = keys
        .into_iter()
        .map(|(k, v)| ScmTagValues { key: k.to_owned(), values: v.into_iter().map(str::to_owned).collect() })
        .collect();
    EmuResponse::json(200, &json!({ "tags": tags }))
}

fn has(record: &ScmRecord, want: &ScmTagValues) -> bool {
    record.tags.iter().any(|t| t.key == want.key && (want.values.is_empty() || want.values.contains(&t.value)))
}

/// Does a record pass the tag query's filters?
pub fn matches(record: &ScmRecord, q: &ListCertificatesByTagBody) -> bool {
    let list = |l: &Option<Vec<ScmTagValues>>| l.clone().unwrap_or_default();
    if q.without_any_tag == Some(true) && !record.tags.is_empty() {
        return false;
    }
    let (all, any, none, not_all) = (list(&q.tags), list(&q.tags_any), list(&q.not_tags), list(&q.not_tags_any));
    let name = record.info.name.clone().unwrap_or_default().to_lowercase();
    all.iter().all(|t| has(record, t))
        && (any.is_empty() || any.iter().any(|t| has(record, t)))
        && !none.iter().any(|t| has(record, t))
        && (not_all.is_empty() || !not_all.iter().all(|t| has(record, t)))
        && q.matches.iter().flatten().all(|m| name.contains(&m.value.to_lowercase()))
}

/// `POST /v3/scm/resource_instances/action`.
fn by_tag(emu: &Emulator, q: &ListCertificatesByTagBody) -> EmuResponse {
    let found: Vec<&ScmRecord> = emu.state.scm.iter().filter(|r| matches(r, q)).collect();
    if q.action == TagQueryAction::Count {
        return EmuResponse::json(200, &json!({ "total_count": found.len(), "resources": [] }));
    }
    let offset = q.offset.unwrap_or(0).max(0) as usize;
    let limit = q.limit.unwrap_or(10).max(0) as usize;
    let resources: Vec<_> = found
        .iter()
        .skip(offset)
        .take(limit)
        .map(|r| {
            let i = &r.info;
            json!({
                "resource_id": i.id, "resource_name": i.name, "tags": r.tags,
                "resource_detail": {
                    "cert_id": i.id, "cert_name": i.name, "domain": i.domain, "cert_type": i.kind, "cert_brand": i.brand,
                    "domain_type": i.domain_type, "purchase_period": i.validity_period, "expired_time": i.not_after,
                    "order_status": i.status, "domain_num": i.domain_count, "wildcard_number": i.wildcard_count,
                    "sans": i.sans, "signature_algorithm": i.signature_algorithm,
                    "push_support": i.push_support.as_deref() == Some("ON"),
                    "unsubscribe_support": i.status.as_ref().is_some_and(|s| matches!(s.as_str(), "PAID" | "UNPASSED")),
                    "enterprise_project_id": i.enterprise_project_id,
                },
            })
        })
        .collect();
    EmuResponse::json(200, &json!({ "total_count": found.len(), "resources": resources }))
}

/// `POST /v3/scm/notification/enable|disable`: 204; every certificate must
/// exist or nothing changes.
fn switch(emu: &mut Emulator, entries: &[NoticeRequest], on: bool) -> Result<EmuResponse, EmuResponse> {
    if let Some(missing) = entries.iter().find(|e| !emu.state.scm.iter().any(|r| r.info.id == e.resource_id)) {
        return Err(error(codes::SCM_NOT_FOUND, format!("no certificate with id {}", missing.resource_id)));
    }
    for e in entries {
        let record = emu.state.scm.iter_mut().find(|r| r.info.id == e.resource_id).expect("checked above");
        for t in &e.notice_type {
            let t = t.as_str().to_owned();
            record.notices.retain(|x| *x != t);
            if on {
                record.notices.push(t);
            }
        }
    }
    Ok(EmuResponse::no_content())
}

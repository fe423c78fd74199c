//! Tags on CAs, private certificates and SSL certificates: the calls of
//! each, the checks of the add form and the filter the lists use. Pure; the
//! components are in `components/tags.rs`.

use ccm_api::common::{DomainTags, ResourceTag};
use ccm_api::pca::tags::{batch_delete_tags, create_tag, list_tags, TagTarget};
use ccm_api::scm::{
    batch_create_or_delete_tags, create_certificate_tag, list_tags_by_certificate, BatchTagsBody, CreateCertificateTagBody,
    ScmTag, TagAction,
};
use ccm_api::validate::{validate_request, Context, ValidationError};
use ccm_api::ApiRequest;

use crate::form::own_problem::OwnProblem;
use crate::form::rule_words::localized;
use crate::components::with_data::marked;
use crate::i18n::{td_string, Locale};

/// Whose tags: a CA or private certificate (CCM) or an SSL certificate
/// (SCM). The answers of both list calls read as `TagsResponse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagOwner {
    Pca(TagTarget),
    Ssl,
}

impl From<TagTarget> for TagOwner {
    fn from(t: TagTarget) -> Self {
        TagOwner::Pca(t)
    }
}

fn ssl_tag(tag: &ResourceTag) -> ScmTag {
    ScmTag { key: tag.key.clone(), value: tag.value.clone().unwrap_or_default() }
}

impl TagOwner {
    pub fn list(self, id: &str) -> ApiRequest {
        match self {
            TagOwner::Pca(t) => list_tags(t, id),
            TagOwner::Ssl => list_tags_by_certificate(id),
        }
    }

    pub fn create(self, id: &str, tag: &ResourceTag) -> ApiRequest {
        match self {
            TagOwner::Pca(t) => create_tag(t, id, tag),
            TagOwner::Ssl => create_certificate_tag(id, &CreateCertificateTagBody { tag: ssl_tag(tag) }),
        }
    }

    pub fn delete(self, id: &str, tag: &ResourceTag) -> ApiRequest {
        match self {
            TagOwner::Pca(t) => batch_delete_tags(t, id, std::slice::from_ref(tag)),
            TagOwner::Ssl => batch_create_or_delete_tags(id, &BatchTagsBody { action: TagAction::Delete, tags: vec![ssl_tag(tag)] }),
        }
    }
}

/// Checks a new tag with the contract's rules (key 1-128 characters, value
/// up to 255) and refuses a key the resource already has with the same value.
pub fn check_new_tag(
    target: impl Into<TagOwner>,
    id: &str,
    key: &str,
    value: &str,
    existing: &[ResourceTag],
    l: Locale,
) -> Result<ResourceTag, Vec<ValidationError>> {
    let tag = ResourceTag { key: key.trim().to_owned(), value: Some(value.trim().to_owned()) };
    let problems = validate_request(&target.into().create(id, &tag), &Context { now_millis: 0 });
    if !problems.is_empty() {
        return Err(localized(problems, l));
    }
    if existing.iter().any(|t| t == &tag) {
        return Err(vec![OwnProblem::TagAlreadyThere.at("tag.key", l)]);
    }
    Ok(tag)
}

/// "key = value", or the key alone when it has no value.
pub fn tag_text(tag: &ResourceTag) -> String {
    match tag.value.as_deref().filter(|v| !v.is_empty()) {
        Some(v) => format!("{} = {v}", tag.key),
        None => tag.key.clone(),
    }
}

/// A tag filter as the lists keep it in the URL: a key, and a value or any.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TagFilter {
    pub key: String,
    pub value: Option<String>,
}

impl TagFilter {
    /// The resource-instance search's `tags` entry.
    pub fn to_domain_tags(&self) -> Vec<DomainTags> {
        vec![DomainTags { key: self.key.clone(), values: self.value.iter().cloned().collect() }]
    }

    /// The choices of a tag picker from the account's tags: each key with any
    /// value, then each key with each of its values, sorted.
    pub fn choices(domain: &[DomainTags]) -> Vec<TagFilter> {
        let mut keys: Vec<&DomainTags> = domain.iter().collect();
        keys.sort_by(|a, b| a.key.cmp(&b.key));
        let mut out = Vec::new();
        for d in keys {
            out.push(TagFilter { key: d.key.clone(), value: None });
            let mut values = d.values.clone();
            values.sort();
            values.dedup();
            out.extend(values.into_iter().map(|v| TagFilter { key: d.key.clone(), value: Some(v) }));
        }
        out
    }

    /// How the picker shows it: key and value are data (`with_data::marked`).
    pub fn label(&self, l: Locale) -> String {
        match &self.value {
            Some(v) => format!("{} = {}", marked(&self.key), marked(v)),
            None => td_string!(l, common.tag_any_value, key = marked(&self.key)).to_string(),
        }
    }

    /// One URL value: `key` or `key=value` (the first `=` splits; keys hold none in practice).
    pub fn to_param(&self) -> String {
        match &self.value {
            Some(v) => format!("{}={v}", self.key),
            None => self.key.clone(),
        }
    }

    pub fn from_param(text: &str) -> Option<TagFilter> {
        let (key, value) = match text.split_once('=') {
            Some((k, v)) => (k, Some(v.to_owned())),
            None => (text, None),
        };
        (!key.is_empty()).then(|| TagFilter { key: key.to_owned(), value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::with_data::unmarked;

    const CA: &str = "4c0e772e-5d4d-4d88-a3a3-0f6c59b8e2a1";
    const CERT: &str = "6434f74f-2d13-4e6a-89eb-93ee313f1a43";

    #[test]
    fn new_tags_are_checked_against_the_contract() {
        let ok = check_new_tag(TagTarget::Ca, CA, " env ", "prod", &[], Locale::en).unwrap();
        assert_eq!(ok, ResourceTag::new("env", "prod"));
        let empty = check_new_tag(TagTarget::Ca, CA, "", "x", &[], Locale::en).unwrap_err();
        assert_eq!(empty[0].field, "tag.key");
        let long_key = check_new_tag(TagTarget::Certificate, CERT, &"k".repeat(129), "", &[], Locale::en).unwrap_err();
        assert_eq!(long_key[0].field, "tag.key");
        assert!(check_new_tag(TagTarget::Ca, CA, &"k".repeat(128), &"v".repeat(255), &[], Locale::en).is_ok());
        let long_value = check_new_tag(TagTarget::Ca, CA, "k", &"v".repeat(256), &[], Locale::en).unwrap_err();
        assert_eq!(long_value[0].field, "tag.value");
        let twice = check_new_tag(TagTarget::Ca, CA, "env", "prod", &[ResourceTag::new("env", "prod")], Locale::en).unwrap_err();
        assert_eq!(twice[0].message, "this tag is already there");
        // Same key, new value: allowed, the service replaces the value.
        assert!(check_new_tag(TagTarget::Ca, CA, "env", "dev", &[ResourceTag::new("env", "prod")], Locale::en).is_ok());
    }

    #[test]
    fn ssl_certificate_tags_use_the_scm_calls() {
        const SSL: &str = "scs1554192131150";
        let tag = check_new_tag(TagOwner::Ssl, SSL, "env", "prod", &[], Locale::en).unwrap();
        let create = TagOwner::Ssl.create(SSL, &tag);
        assert_eq!(create.path, format!("/v3/scm/{SSL}/tags"));
        assert_eq!(create.body.unwrap(), serde_json::json!({"tag": {"key": "env", "value": "prod"}}));
        let delete = TagOwner::Ssl.delete(SSL, &tag).body.unwrap();
        assert_eq!(delete, serde_json::json!({"action": "delete", "tags": [{"key": "env", "value": "prod"}]}));
        assert_eq!(TagOwner::Ssl.list(SSL).path, format!("/v3/scm/{SSL}/tags"));
        assert_eq!(check_new_tag(TagOwner::Ssl, SSL, "", "x", &[], Locale::en).unwrap_err()[0].field, "tag.key");
        assert_eq!(check_new_tag(TagOwner::Ssl, SSL, "k", &"v".repeat(256), &[], Locale::en).unwrap_err()[0].field, "tag.value");
        // The same call as before for the CCM resources.
        assert_eq!(TagOwner::from(TagTarget::Ca).list(CA).operation, "list_ca_tags");
    }

    #[test]
    fn filters_round_trip_and_list_their_choices() {
        let f = TagFilter { key: "env".into(), value: Some("prod".into()) };
        assert_eq!(TagFilter::from_param(&f.to_param()), Some(f.clone()));
        assert_eq!(TagFilter::from_param("team"), Some(TagFilter { key: "team".into(), value: None }));
        assert_eq!(TagFilter::from_param(""), None);
        assert_eq!(f.to_domain_tags()[0].values, ["prod"]);
        let domain = vec![
            DomainTags { key: "team".into(), values: vec!["web".into()] },
            DomainTags { key: "env".into(), values: vec!["prod".into(), "dev".into(), "prod".into()] },
        ];
        let labels: Vec<String> = TagFilter::choices(&domain).iter().map(|t| unmarked(&t.label(Locale::en)).0).collect();
        assert_eq!(labels, ["env (any value)", "env = dev", "env = prod", "team (any value)", "team = web"]);
        let zh = TagFilter::choices(&domain)[0].label(Locale::zh_CN);
        assert_eq!(unmarked(&zh), ("env（任意值）".to_owned(), Some("env".to_owned())));
        assert_eq!(tag_text(&ResourceTag { key: "k".into(), value: None }), "k");
        assert_eq!(tag_text(&ResourceTag::new("k", "v")), "k = v");
    }
}

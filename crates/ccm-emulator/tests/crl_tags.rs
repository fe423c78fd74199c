//! CRL publication (OBS agency, buckets, the CRL switch, the CRL served by
//! the emulator and read back with openssl) and tags on CAs and
//! certificates.

mod pca_support;

use ccm_api::common::{DomainTags, ResourceTag, RevocationReason, Validity};
use ccm_api::pca::cas;
use ccm_api::pca::crl::{self, EnableCrlBody};
use ccm_api::pca::tags::{self, ResourceInstancesBody, TagTarget};
use ccm_emulator::state::CertRecord;
use ccm_pki::decode_certificate;
use pca_support::*;
use serde_json::json;

fn enable_crl(bucket: &str, name: Option<&str>, valid_days: i64) -> EnableCrlBody {
    EnableCrlBody { crl_name: name.map(str::to_owned), obs_bucket_name: bucket.into(), valid_days }
}

/// The path part of a URL the emulator handed out.
fn path_of(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    rest.find('/').map(|i| rest[i..].to_owned()).unwrap_or_default()
}

#[test]
fn the_agency_comes_first() {
    let mut api = Api::new();
    let root_id = api.create(&root("Root", 5));
    let r = api.send(crl::show_certificate_authority_obs_agency());
    assert_eq!(r.body_json(), json!({"agency_granted": "false"}));
    assert_refused(&api.send(crl::list_certificate_authority_obs_bucket()), 403, "PCA.00000006");
    let r = api.send(crl::enable_certificate_authority_crl(&root_id, &enable_crl("pki-crl", None, 7)));
    assert_refused(&r, 400, "PCA.00020204");

    let r = api.send(crl::create_certificate_authority_obs_agency());
    assert_eq!(r.status, 200);
    let agency = r.body_json()["agency_id"].as_str().unwrap().to_owned();
    assert!(agency.len() == 32 && agency.bytes().all(|b| b.is_ascii_hexdigit()), "{agency}");
    let r = api.send(crl::show_certificate_authority_obs_agency());
    assert_eq!(r.body_json(), json!({"agency_granted": "true"}));
    let r = api.send(crl::list_certificate_authority_obs_bucket());
    assert_eq!(r.status, 200);
    let buckets: crl::ObsBucketsResponse = serde_json::from_value(r.body_json()).unwrap();
    assert_eq!(buckets.total, 2);
    let names: Vec<&str> = buckets.obs_buckets.iter().map(|b| b.bucket_name.as_str()).collect();
    assert_eq!(names, ["pki-crl", "team-artifacts"]);
}

#[test]
fn crl_settings_are_checked() {
    let mut api = Api::new();
    api.send(crl::create_certificate_authority_obs_agency());
    let a = api.create(&root("A", 5));
    let b = api.create(&root("B", 5));
    let enable = |id: &str, body: EnableCrlBody| crl::enable_certificate_authority_crl(id, &body);
    assert_refused(&api.send(enable(&a, enable_crl("no-such-bucket", None, 7))), 400, "PCA.00020204");
    assert_refused(&api.send(enable(&a, enable_crl("pki-crl", None, 6))), 400, "PCA.00020204");
    assert_refused(&api.send(enable(&a, enable_crl("pki-crl", None, 31))), 400, "PCA.00020204");
    assert_eq!(api.send(enable(&a, enable_crl("pki-crl", Some("shared"), 30))).status, 204);
    // One name per bucket.
    assert_refused(&api.send(enable(&b, enable_crl("pki-crl", Some("shared"), 7))), 400, "PCA.00020204");
    assert_eq!(api.send(enable(&b, enable_crl("team-artifacts", Some("shared"), 7))).status, 204);
    let unknown = "55555555-5555-4555-8555-555555555555";
    assert_refused(&api.send(enable(unknown, enable_crl("pki-crl", None, 7))), 404, "PCA.00030102");

    // Off again: settings kept, no distribution point, nothing served.
    let url = api.show(&a)["crl_configuration"]["crl_dis_point"].as_str().unwrap().to_owned();
    assert_eq!(api.public_get(&path_of(&url)).status, 200);
    assert_eq!(api.send(crl::disable_certificate_authority_crl(&a)).status, 204);
    let shown = api.show(&a);
    assert_eq!(
        shown["crl_configuration"],
        json!({"enabled": false, "crl_name": "shared", "obs_bucket_name": "pki-crl", "valid_days": 30})
    );
    assert_refused(&api.public_get(&path_of(&url)), 404, "PCA.00030102");

    // Given at creation.
    let mut body = root("C", 5);
    body.crl_configuration = Some(ccm_api::common::CrlConfiguration {
        enabled: true,
        obs_bucket_name: Some("pki-crl".into()),
        valid_days: Some(10),
        ..Default::default()
    });
    let c = api.create(&body);
    let config = &api.show(&c)["crl_configuration"];
    assert_eq!(config["crl_name"], c.as_str());
    assert_eq!(config["crl_dis_point"], format!("https://{HOST}/v1/crl/pki-crl/{c}.crl").as_str());
    let mut body = root("D", 5);
    body.crl_configuration = Some(ccm_api::common::CrlConfiguration {
        enabled: true,
        obs_bucket_name: Some("missing".into()),
        valid_days: Some(10),
        ..Default::default()
    });
    assert_refused(&api.send(cas::create_certificate_authority(&body)), 400, "PCA.00020204");
}

#[test]
fn a_revoked_subordinate_is_listed_in_the_published_crl() {
    let mut api = Api::new();
    api.send(crl::create_certificate_authority_obs_agency());
    let root_id = api.create(&root("Acme Root", 10));
    let r = api.send(crl::enable_certificate_authority_crl(&root_id, &enable_crl("pki-crl", Some("acme root"), 7)));
    assert_eq!(r.status, 204, "{}", r.body_json());
    let config = api.show(&root_id)["crl_configuration"].clone();
    let url = config["crl_dis_point"].as_str().unwrap().to_owned();
    assert_eq!(url, format!("https://{HOST}/v1/crl/pki-crl/acme%20root.crl"));
    assert_eq!(config["enabled"], true);
    assert_eq!(config["valid_days"], 7);

    // What the root signs from now on points at its CRL.
    let kept = api.create(&sub("Kept", &root_id, Validity::years(1), None));
    let gone = api.create(&sub("Gone", &root_id, Validity::years(1), None));
    let (root_pem, _) = api.export(&root_id);
    let (gone_pem, _) = api.export(&gone);
    let (kept_pem, _) = api.export(&kept);
    assert_eq!(decode_certificate(gone_pem.as_bytes()).unwrap().crl_distribution_points, vec![url.clone()]);

    // An empty CRL first.
    let empty = api.public_get(&path_of(&url));
    assert_eq!(empty.status, 200);
    assert!(empty.headers.iter().any(|(k, v)| k == "Content-Type" && v == "application/pkix-crl"));

    api.set_now(NOW + 60_000);
    let r = api.send(cas::revoke_certificate_authority(&gone, Some(RevocationReason::KeyCompromise)));
    assert_eq!(r.status, 204, "{}", r.body_json());
    let served = api.public_get(&path_of(&url));
    assert_eq!(served.status, 200);

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("root.pem"), &root_pem).unwrap();
    std::fs::write(dir.path().join("empty.crl"), &empty.body).unwrap();
    std::fs::write(dir.path().join("root.crl"), &served.body).unwrap();
    std::fs::write(dir.path().join("gone.pem"), &gone_pem).unwrap();
    std::fs::write(dir.path().join("kept.pem"), &kept_pem).unwrap();

    let (ok, text) = openssl(dir.path(), &["crl", "-inform", "DER", "-in", "root.crl", "-noout", "-text"]);
    assert!(ok, "{text}");
    let serial = api.show(&gone)["serial_number"].as_str().unwrap().to_owned();
    assert!(text.contains(&format!("Serial Number: {serial}")), "{text}");
    assert!(text.contains("Key Compromise"), "{text}");
    assert!(
        text.contains("Issuer: C = CN, ST = Sichuan, L = Chengdu, O = Example, OU = PKI, CN = Acme Root"),
        "{text}"
    );
    assert!(text.contains("Next Update: Dec  1 16:01:00 2025 GMT"), "{text}");
    let (ok, text) = openssl(dir.path(), &["crl", "-inform", "DER", "-in", "empty.crl", "-noout", "-text"]);
    assert!(ok && text.contains("No Revoked Certificates"), "{text}");
    // Signed by the root.
    let (ok, text) =
        openssl(dir.path(), &["crl", "-inform", "DER", "-in", "root.crl", "-noout", "-CAfile", "root.pem"]);
    assert!(ok && text.contains("verify OK"), "{text}");

    // openssl's own revocation check agrees.
    let (ok, text) = openssl(dir.path(), &["crl", "-inform", "DER", "-in", "root.crl", "-out", "root.crl.pem"]);
    assert!(ok, "{text}");
    let at = ((NOW + 120_000) / 1000).to_string();
    let check = |leaf: &str| {
        openssl(
            dir.path(),
            &["verify", "-attime", &at, "-crl_check", "-CRLfile", "root.crl.pem", "-CAfile", "root.pem", leaf],
        )
    };
    let (ok, text) = check("gone.pem");
    assert!(!ok && text.contains("certificate revoked"), "{text}");
    let (ok, text) = check("kept.pem");
    assert!(ok, "{text}");

    // Other paths under the CRL prefix are not found; no credentials needed.
    assert_eq!(api.public_get("/v1/crl/pki-crl/nothing.crl").status, 404);
}

// ---------------------------------------------------------------------------
// Tags.
// ---------------------------------------------------------------------------

fn certificate_record(id: &str, cn: &str) -> CertRecord {
    serde_json::from_value(json!({
        "info": {"certificate_id": id, "status": "ISSUED", "distinguished_name": {"common_name": cn}},
        "certificate_pem": "",
    }))
    .unwrap()
}

fn tag(key: &str, value: &str) -> ResourceTag {
    ResourceTag::new(key, value)
}

fn key_only(key: &str) -> ResourceTag {
    ResourceTag { key: key.into(), value: None }
}

#[test]
fn tags_on_cas() {
    let mut api = Api::new();
    let a = api.create(&root("Alpha Root", 5));
    let b = api.create(&pending("Beta Pending"));
    let t = TagTarget::Ca;

    assert_eq!(api.send(tags::create_tag(t, &a, &tag("env", "prod"))).status, 204);
    assert_eq!(api.send(tags::batch_create_tags(t, &a, &[tag("team", "pki"), tag("env", "staging")])).status, 204);
    assert_eq!(api.send(tags::batch_create_tags(t, &b, &[tag("env", "prod"), tag("owner", "ana")])).status, 204);
    let r = api.send(tags::list_tags(t, &a));
    assert_eq!(r.body_json(), json!({"tags": [{"key": "env", "value": "staging"}, {"key": "team", "value": "pki"}]}));

    let r = api.send(tags::list_domain_tags(t));
    let domain: tags::DomainTagsResponse = serde_json::from_value(r.body_json()).unwrap();
    assert_eq!(
        domain.tags,
        vec![
            DomainTags { key: "env".into(), values: vec!["prod".into(), "staging".into()] },
            DomainTags { key: "owner".into(), values: vec!["ana".into()] },
            DomainTags { key: "team".into(), values: vec!["pki".into()] },
        ]
    );

    let filter = |tags: Vec<DomainTags>| ResourceInstancesBody { tags: Some(tags), ..Default::default() };
    let env =
        |values: &[&str]| DomainTags { key: "env".into(), values: values.iter().map(|v| v.to_string()).collect() };
    let r = api.send(tags::list_resource_instances(t, &filter(vec![env(&["staging"])])));
    let found: tags::ResourceInstancesResponse = serde_json::from_value(r.body_json()).unwrap();
    assert_eq!(found.total_count, 1);
    assert_eq!(found.resources[0].resource_id, a);
    assert_eq!(found.resources[0].resource_name.as_deref(), Some("Alpha Root"));
    assert_eq!(found.resources[0].resource_detail.as_ref().unwrap()["status"], "ACTIVED");
    let r = api.send(tags::count_resource_instances(t, &filter(vec![env(&[])])));
    assert_eq!(r.body_json(), json!({"total_count": 2}));
    let r = api.send(tags::count_resource_instances(
        t,
        &filter(vec![env(&["prod", "staging"]), DomainTags { key: "owner".into(), values: vec![] }]),
    ));
    assert_eq!(r.body_json(), json!({"total_count": 1}));
    let by_name = ResourceInstancesBody { matches: Some(vec![tag("resource_name", "Beta")]), ..Default::default() };
    let r = api.send(tags::list_resource_instances(t, &by_name));
    assert_eq!(r.body_json()["resources"][0]["resource_id"], b.as_str());
    let page = ResourceInstancesBody { limit: Some(1), offset: Some(1), ..Default::default() };
    let r = api.send(tags::list_resource_instances(t, &page)).body_json();
    assert_eq!((r["total_count"].as_i64(), r["resources"][0]["resource_id"].as_str()), (Some(2), Some(b.as_str())));
    let odd = ResourceInstancesBody { matches: Some(vec![tag("resource_id", "x")]), ..Default::default() };
    assert_refused(&api.send(tags::list_resource_instances(t, &odd)), 400, "PCA.00020001");

    // Delete by key, or by key and value when the value matches.
    let r = api.send(tags::batch_delete_tags(t, &a, &[key_only("team"), tag("env", "prod"), key_only("absent")]));
    assert_eq!(r.status, 204);
    assert_eq!(api.send(tags::list_tags(t, &a)).body_json(), json!({"tags": [{"key": "env", "value": "staging"}]}));
    api.send(tags::batch_delete_tags(t, &a, &[tag("env", "staging")]));
    assert_eq!(api.send(tags::list_tags(t, &a)).body_json(), json!({"tags": []}));

    // Refusals: unknown CA, keys the tag rules do not allow.
    let unknown = "55555555-5555-4555-8555-555555555555";
    assert_refused(&api.send(tags::list_tags(t, unknown)), 404, "PCA.00030102");
    assert_refused(&api.send(tags::create_tag(t, unknown, &tag("k", "v"))), 404, "PCA.00030102");
    assert_eq!(api.send(tags::create_tag(t, &a, &tag("", "v"))).status, 400);
    assert_eq!(api.send(tags::batch_create_tags(t, &a, &[])).status, 400);
    assert_eq!(api.send(tags::create_tag(t, &a, &tag(&"k".repeat(129), "v"))).status, 400);
}

#[test]
fn tags_on_certificates_use_the_same_rules() {
    let mut api = Api::new();
    let id = "66666666-6666-4666-8666-666666666666";
    api.emu.state.certificates.push(certificate_record(id, "www.example.com"));
    let t = TagTarget::Certificate;
    assert_eq!(api.send(tags::create_tag(t, id, &tag("app", "web"))).status, 204);
    assert_eq!(api.send(tags::list_tags(t, id)).body_json(), json!({"tags": [{"key": "app", "value": "web"}]}));
    let r = api.send(tags::list_domain_tags(t));
    assert_eq!(r.body_json(), json!({"tags": [{"key": "app", "values": ["web"]}]}));
    let filter = ResourceInstancesBody {
        tags: Some(vec![DomainTags { key: "app".into(), values: vec!["web".into()] }]),
        ..Default::default()
    };
    let r = api.send(tags::list_resource_instances(t, &filter)).body_json();
    assert_eq!(r["resources"][0]["resource_name"], "www.example.com");
    assert_eq!(api.send(tags::count_resource_instances(t, &filter)).body_json(), json!({"total_count": 1}));
    // CA tags are another list.
    assert_eq!(api.send(tags::list_domain_tags(TagTarget::Ca)).body_json(), json!({"tags": []}));
    assert_eq!(api.send(tags::batch_delete_tags(t, id, &[key_only("app")])).status, 204);
    assert_refused(&api.send(tags::list_tags(t, "77777777-7777-4777-8777-777777777777")), 404, "PCA.00030102");
}

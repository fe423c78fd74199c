//! SCM (SSL certificates, API v3): list, import, details, delete, export
//! and push, with real certificates made by ccm-pki.

use ccm_api::Method;
use ccm_emulator::state::ScmRecord;
use ccm_emulator::{EmuRequest, EmuResponse, Emulator, EmulatorConfig, State};
use ccm_pki::pem::{encode_pem, LABEL_CERTIFICATE};
use ccm_pki::{
    generate_key, issue_certificate, self_signed_certificate, DistinguishedName, IssueRequest, KeyAlgorithm,
    PrivateKey, SubjectAltName,
};
use serde_json::{json, Value};

const NOW: i64 = 1_764_000_000_000;
const DAY: i64 = 86_400_000;
const SCM: &str = "/v3/scm/certificates";

/// A root, an intermediate and helpers to issue leaves under it.
struct Pki {
    root_der: Vec<u8>,
    ca_der: Vec<u8>,
    ca_key: PrivateKey,
}

struct Leaf {
    cert: String,
    key: PrivateKey,
    key_pem: String,
}

impl Pki {
    fn new() -> Pki {
        let root_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let secs = NOW / 1000;
        let root_req = IssueRequest::new(DistinguishedName::new("Test Root"), secs - 400 * 86_400, secs + 4000 * 86_400).ca(None);
        let root_der = self_signed_certificate(&root_req, &root_key).unwrap();
        let ca_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let ca_req = IssueRequest::new(DistinguishedName::new("Test TLS CA"), secs - 300 * 86_400, secs + 2000 * 86_400).ca(Some(0));
        let ca_der = issue_certificate(&ca_req, &ca_key.public_key_der().unwrap(), &root_der, &root_key).unwrap();
        Pki { root_der, ca_der, ca_key }
    }

    fn chain(&self) -> String {
        encode_pem(LABEL_CERTIFICATE, &self.ca_der) + &encode_pem(LABEL_CERTIFICATE, &self.root_der)
    }

    /// A leaf for `names` (the first is the common name), valid from
    /// `from_days` to `to_days` around NOW.
    fn leaf(&self, names: &[&str], from_days: i64, to_days: i64) -> Leaf {
        let key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let secs = NOW / 1000;
        let mut req = IssueRequest::new(DistinguishedName::new(names[0]), secs + from_days * 86_400, secs + to_days * 86_400);
        req.subject_alt_names = names.iter().map(|n| SubjectAltName::Dns(n.to_string())).collect();
        let der = issue_certificate(&req, &key.public_key_der().unwrap(), &self.ca_der, &self.ca_key).unwrap();
        let key_pem = key.to_pkcs8_pem().unwrap().to_string();
        Leaf { cert: encode_pem(LABEL_CERTIFICATE, &der), key, key_pem }
    }
}

fn req(method: Method, path: &str, query: &str, token: &str, body: &str) -> EmuRequest {
    EmuRequest {
        method,
        host: "scm.ap-southeast-1.myhuaweicloud.com".into(),
        path: path.into(),
        raw_query: query.into(),
        headers: vec![("X-Auth-Token".into(), token.into())],
        body: body.as_bytes().to_vec(),
    }
}

fn sign_in(emu: &mut Emulator, at: i64) -> String {
    let body = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}}});
    let mut r = req(Method::Post, "/v3/auth/tokens", "", "", &body.to_string());
    r.host = "iam.ap-southeast-1.myhuaweicloud.com".into();
    let answer = emu.handle(&r, at);
    answer.headers.iter().find(|(k, _)| k == "X-Subject-Token").unwrap().1.clone()
}

fn emulator(records: Vec<ScmRecord>) -> (Emulator, String) {
    let state = State { scm: records, ..State::default() };
    let mut emu = Emulator::new(EmulatorConfig::default(), state);
    let token = sign_in(&mut emu, NOW);
    (emu, token)
}

fn import(emu: &mut Emulator, token: &str, body: &Value) -> EmuResponse {
    emu.handle(&req(Method::Post, &format!("{SCM}/import"), "", token, &body.to_string()), NOW)
}

fn import_body(name: &str, leaf: &Leaf, chain: &str) -> Value {
    json!({ "name": name, "certificate": leaf.cert, "certificate_chain": chain, "private_key": leaf.key_pem })
}

fn get(emu: &mut Emulator, token: &str, path: &str, query: &str) -> EmuResponse {
    emu.handle(&req(Method::Get, path, query, token, ""), NOW)
}

fn code(r: &EmuResponse) -> String {
    r.body_json()["error_code"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn import_show_export_delete() {
    let pki = Pki::new();
    let (mut emu, t) = emulator(Vec::new());
    let leaf = pki.leaf(&["shop.example.com", "www.shop.example.com", "*.cdn.example.com"], -1, 90);
    let r = import(&mut emu, &t, &import_body("shop", &leaf, &pki.chain()));
    assert_eq!(r.status, 200, "{:?}", r.body_json());
    let id = r.body_json()["certificate_id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 16);
    assert!(id.starts_with("scs") && id[3..].bytes().all(|b| b.is_ascii_digit()), "{id}");

    let shown = get(&mut emu, &t, &format!("{SCM}/{id}"), "").body_json();
    assert_eq!(shown["id"], id.as_str());
    assert_eq!(shown["name"], "shop");
    assert_eq!(shown["status"], "UPLOAD");
    assert_eq!(shown["domain"], "shop.example.com");
    assert_eq!(shown["sans"], "www.shop.example.com;*.cdn.example.com");
    assert_eq!(shown["domain_type"], "MULTI_DOMAIN");
    assert_eq!(shown["domain_count"], 3);
    assert_eq!(shown["wildcard_count"], 1);
    assert_eq!(shown["signature_algorithm"], "SHA256WITHECDSA");
    assert_eq!(shown["push_support"], "ON");
    assert_eq!(shown["validity_period"], 3);
    let not_after = ccm_emulator::scm::parse_scm_time(shown["not_after"].as_str().unwrap()).unwrap();
    assert_eq!(not_after, NOW + 90 * DAY);

    let exported = emu.handle(&req(Method::Post, &format!("{SCM}/{id}/export"), "", &t, ""), NOW);
    assert_eq!(exported.status, 200);
    let e = exported.body_json();
    assert_eq!(e["certificate"].as_str().unwrap().trim(), leaf.cert.trim());
    assert_eq!(e["certificate_chain"].as_str().unwrap(), pki.chain());
    assert!(e["entire_certificate"].as_str().unwrap().starts_with(e["certificate"].as_str().unwrap()));
    let key = ccm_pki::parse_private_key(e["private_key"].as_str().unwrap().as_bytes()).unwrap();
    let leaf_der = ccm_pki::pem::certificates_from_pem(&leaf.cert).unwrap().remove(0);
    assert!(key.matches_certificate(&leaf_der).unwrap());
    assert!(leaf.key.matches_certificate(&leaf_der).unwrap());

    let r = emu.handle(&req(Method::Delete, &format!("{SCM}/{id}"), "", &t, ""), NOW);
    assert_eq!(r.status, 204);
    assert!(r.body.is_empty());
    let r = get(&mut emu, &t, &format!("{SCM}/{id}"), "");
    assert_eq!((r.status, code(&r).as_str()), (404, "SCM.0094"));
}

#[test]
fn import_refuses_what_the_service_refuses() {
    let pki = Pki::new();
    let (mut emu, t) = emulator(Vec::new());
    let leaf = pki.leaf(&["api.example.com"], -1, 30);
    let other = pki.leaf(&["other.example.com"], -1, 30);
    let ok = import_body("api", &leaf, &pki.chain());

    // Not a certificate.
    let mut body = ok.clone();
    body["certificate"] = json!("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assert_eq!(code(&import(&mut emu, &t, &body)), "SCM.0031");
    // A password-protected key.
    let mut body = ok.clone();
    body["private_key"] = json!(leaf.key.to_encrypted_pkcs8_pem("secret").unwrap().to_string());
    assert_eq!(code(&import(&mut emu, &t, &body)), "SCM.0012");
    // Another certificate's key.
    let mut body = ok.clone();
    body["private_key"] = json!(other.key_pem);
    let r = import(&mut emu, &t, &body);
    assert_eq!((r.status, code(&r).as_str()), (400, "SCM.0014"));
    // A chain that does not lead up from the certificate.
    let stranger = Pki::new();
    let mut body = ok.clone();
    body["certificate_chain"] = json!(stranger.chain());
    let r = import(&mut emu, &t, &body);
    assert_eq!(code(&r), "SCM.0013");
    assert!(r.body_json()["error_msg"].as_str().unwrap().contains("issued the certificate"));
    // A stray certificate in an otherwise good chain.
    let mut body = ok.clone();
    body["certificate_chain"] = json!(pki.chain() + &encode_pem(LABEL_CERTIFICATE, &stranger.root_der));
    assert_eq!(code(&import(&mut emu, &t, &body)), "SCM.0013");
    // Name too long (the reference's 63 characters).
    let mut body = ok.clone();
    body["name"] = json!("n".repeat(64));
    let r = import(&mut emu, &t, &body);
    assert_eq!((r.status, code(&r).as_str()), (400, "SCM.0032"));
    // Expired.
    let old = pki.leaf(&["old.example.com"], -400, -35);
    assert_eq!(code(&import(&mut emu, &t, &import_body("old", &old, &pki.chain()))), "SCM.0042");
    // Nothing was stored by the refusals; the good one goes in once, and
    // duplicate_check refuses it a second time.
    assert!(emu.state.scm.is_empty());
    assert_eq!(import(&mut emu, &t, &ok).status, 200);
    let mut again = ok.clone();
    again["duplicate_check"] = json!(true);
    assert_eq!(code(&import(&mut emu, &t, &again)), "SCM.0005");
    assert_eq!(import(&mut emu, &t, &ok).status, 200);
    assert_eq!(emu.state.scm.len(), 2);
}

#[test]
fn the_chain_may_come_in_any_order() {
    let pki = Pki::new();
    let (mut emu, t) = emulator(Vec::new());
    let leaf = pki.leaf(&["a.example.com"], -1, 30);
    let reversed = encode_pem(LABEL_CERTIFICATE, &pki.root_der) + &encode_pem(LABEL_CERTIFICATE, &pki.ca_der);
    assert_eq!(import(&mut emu, &t, &import_body("a", &leaf, &reversed)).status, 200);
    // The intermediate alone is enough.
    let intermediate = encode_pem(LABEL_CERTIFICATE, &pki.ca_der);
    assert_eq!(import(&mut emu, &t, &import_body("b", &leaf, &intermediate)).status, 200);
}

/// A list-only record (no key material): enough for filters and sorting.
fn row(id: &str, name: &str, domain: &str, status: &str, expires: Option<i64>, updated: i64, extra: Value) -> ScmRecord {
    let mut info = json!({ "id": id, "name": name, "domain": domain, "status": status, "push_support": "ON" });
    if let Some(t) = expires {
        info["not_after"] = json!(ccm_emulator::scm::scm_time(t));
    }
    for (k, v) in extra.as_object().unwrap() {
        info[k] = v.clone();
    }
    ScmRecord {
        info: serde_json::from_value(info).unwrap(),
        certificate_pem: String::new(),
        chain_pem: String::new(),
        key_pem: String::new(),
        pushes: Vec::new(),
        updated_at_ms: updated,
        tags: Vec::new(),
        notices: Vec::new(),
        application: None,
    }
}

fn rows() -> Vec<ScmRecord> {
    vec![
        row("scs0000000000001", "shop", "shop.example.com", "ISSUED", Some(NOW + 200 * DAY), NOW - 5 * DAY, json!({})),
        row("scs0000000000002", "api", "api.example.com", "UPLOAD", Some(NOW + 20 * DAY), NOW - 4 * DAY, json!({"sans": "v2.api.example.com"})),
        row("scs0000000000003", "legacy", "legacy.example.net", "ISSUED", Some(NOW - 10 * DAY), NOW - 3 * DAY, json!({})),
        row("scs0000000000004", "ancient", "ancient.example.net", "EXPIRED", Some(NOW - 100 * DAY), NOW - 300 * DAY, json!({})),
        row("scs0000000000005", "order", "new.example.org", "PAID", None, NOW - 2 * DAY, json!({"push_support": "OFF"})),
        row("scs0000000000006", "partner", "partner.example.org", "ISSUED", Some(NOW + 100 * DAY), NOW - DAY, json!({"shared": true})),
        row("scs0000000000007", "team", "team.example.org", "CHECKING", None, NOW, json!({"enterprise_project_id": "5f0e7c1a-1111-4222-8333-444455556666"})),
    ]
}

fn names(r: &EmuResponse) -> Vec<String> {
    let body = r.body_json();
    assert!(body["certificates"].is_array(), "{body}");
    body["certificates"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn list_filters() {
    let (mut emu, t) = emulator(rows());
    let all = get(&mut emu, &t, SCM, "");
    assert_eq!(all.body_json()["total_count"], 7);
    // Default: last updated first.
    assert_eq!(names(&all), ["team", "partner", "order", "legacy", "api", "shop", "ancient"]);
    // The clock makes "legacy" EXPIRED.
    assert_eq!(names(&get(&mut emu, &t, SCM, "status=EXPIRED")), ["legacy", "ancient"]);
    assert_eq!(names(&get(&mut emu, &t, SCM, "status=ISSUED")), ["partner", "shop"]);
    assert_eq!(names(&get(&mut emu, &t, SCM, "status=ALL")).len(), 7);
    for status in ccm_api::validate::SCM_STATUS_FILTERS {
        let r = get(&mut emu, &t, SCM, &format!("status={status}"));
        assert_eq!(r.status, 200, "{status}");
    }
    // content: name, domain or additional names, any case.
    assert_eq!(names(&get(&mut emu, &t, SCM, "content=EXAMPLE.NET")), ["legacy", "ancient"]);
    assert_eq!(names(&get(&mut emu, &t, SCM, "content=v2.api")), ["api"]);
    assert_eq!(names(&get(&mut emu, &t, SCM, "content=partner")), ["partner"]);
    // Pushable only; own only.
    assert!(!names(&get(&mut emu, &t, SCM, "deploy_support=true")).contains(&"order".to_owned()));
    assert_eq!(names(&get(&mut emu, &t, SCM, "deploy_support=false")).len(), 7);
    assert!(!names(&get(&mut emu, &t, SCM, "owned_by_self=true")).contains(&"partner".to_owned()));
    assert_eq!(names(&get(&mut emu, &t, SCM, "owned_by_self=false")).len(), 7);
    // Valid ones plus those expired at most N days ago.
    assert_eq!(names(&get(&mut emu, &t, SCM, "expired_days_since=30")), ["team", "partner", "order", "legacy", "api", "shop"]);
    assert_eq!(names(&get(&mut emu, &t, SCM, "expired_days_since=0")), ["team", "partner", "order", "api", "shop"]);
    // Enterprise projects: all, the default one, a named one.
    assert_eq!(names(&get(&mut emu, &t, SCM, "enterprise_project_id=all")).len(), 7);
    assert_eq!(names(&get(&mut emu, &t, SCM, "enterprise_project_id=0")).len(), 6);
    assert_eq!(names(&get(&mut emu, &t, SCM, "enterprise_project_id=5f0e7c1a-1111-4222-8333-444455556666")), ["team"]);
}

#[test]
fn list_sorts_and_pages() {
    let (mut emu, t) = emulator(rows());
    let expiry = names(&get(&mut emu, &t, SCM, "sort_key=certExpiredTime&sort_dir=ASC&status=ISSUED"));
    assert_eq!(expiry, ["partner", "shop"]);
    let expiry = names(&get(&mut emu, &t, SCM, "sort_key=certExpiredTime&sort_dir=DESC&expired_days_since=1000"));
    assert_eq!(&expiry[..4], ["shop", "partner", "api", "legacy"]);
    let by_status = names(&get(&mut emu, &t, SCM, "sort_key=certStatus&sort_dir=ASC"));
    assert_eq!(by_status, ["team", "legacy", "ancient", "shop", "partner", "order", "api"]);
    let by_update = names(&get(&mut emu, &t, SCM, "sort_key=certUpdateTime&sort_dir=ASC"));
    assert_eq!(by_update, ["ancient", "shop", "api", "legacy", "order", "partner", "team"]);

    // 25 more for paging: 10, 20 and 50 per page.
    let (mut emu, t) = emulator(
        (0..32).map(|i| row(&format!("scs1{i:015}"), &format!("n{i:02}"), "x.example.com", "ISSUED", Some(NOW + DAY), NOW - i * 1000, json!({}))).collect(),
    );
    let page = get(&mut emu, &t, SCM, "");
    assert_eq!(names(&page).len(), 10);
    assert_eq!(page.body_json()["total_count"], 32);
    let page = get(&mut emu, &t, SCM, "limit=20&offset=20");
    assert_eq!(names(&page), (20..32).map(|i| format!("n{i:02}")).collect::<Vec<_>>());
    assert_eq!(page.body_json()["total_count"], 32);
    assert_eq!(names(&get(&mut emu, &t, SCM, "limit=50")).len(), 32);
    assert!(names(&get(&mut emu, &t, SCM, "offset=40")).is_empty());
    for bad in ["limit=11", "limit=100", "offset=-1", "sort_key=name", "sort_dir=UP", "status=GONE", "expired_days_since=-2"] {
        let r = get(&mut emu, &t, SCM, bad);
        assert_eq!(r.status, 400, "{bad}");
        assert!(code(&r).starts_with("SCM."), "{bad}: {}", code(&r));
    }
}

#[test]
fn list_rows_have_the_documented_fields() {
    let pki = Pki::new();
    let (mut emu, t) = emulator(Vec::new());
    let leaf = pki.leaf(&["*.example.com"], -1, 365);
    assert_eq!(import(&mut emu, &t, &import_body("wild", &leaf, &pki.chain())).status, 200);
    let body = get(&mut emu, &t, SCM, "").body_json();
    let row = &body["certificates"][0];
    for field in ["id", "name", "domain", "signature_algorithm", "deploy_support", "expire_time", "domain_type", "validity_period", "status", "domain_count", "wildcard_count"] {
        assert!(!row[field].is_null(), "{field} missing: {row}");
    }
    assert_eq!(row["domain_type"], "WILDCARD");
    assert_eq!(row["deploy_support"], true);
    assert_eq!(row["validity_period"], 12);
    assert_eq!(row["domain_id"], "0123456789abcdef0123456789abcdef");
    assert!(row.get("sans").is_none());
}

#[test]
fn push_records_the_target() {
    let pki = Pki::new();
    let (mut emu, t) = emulator(rows());
    let leaf = pki.leaf(&["push.example.com"], -1, 90);
    let id = import(&mut emu, &t, &import_body("push", &leaf, &pki.chain())).body_json()["certificate_id"].as_str().unwrap().to_owned();
    let push = |emu: &mut Emulator, id: &str, body: Value| {
        emu.handle(&req(Method::Post, &format!("{SCM}/{id}/push"), "", &t, &body.to_string()), NOW)
    };
    for service in ["ELB", "WAF", "CDN", "ELB"] {
        let r = push(&mut emu, &id, json!({"target_project": "ap-southeast-1", "target_service": service}));
        assert_eq!(r.status, 204, "{service}: {:?}", r.body_json());
    }
    let record = emu.state.scm.iter().find(|r| r.info.id == id).unwrap();
    assert_eq!(record.pushes, [("ELB".into(), "ap-southeast-1".into()), ("WAF".into(), "ap-southeast-1".into()), ("CDN".into(), "ap-southeast-1".into())]);

    let r = push(&mut emu, &id, json!({"target_project": "ap-southeast-1", "target_service": "OBS"}));
    assert_eq!((r.status, code(&r).as_str()), (400, "SCM.0030"));
    let r = push(&mut emu, &id, json!({"target_project": "", "target_service": "ELB"}));
    assert_eq!(r.status, 400);
    let r = push(&mut emu, &id, json!({"target_project": "nowhere", "target_service": "ELB"}));
    assert_eq!(code(&r), "SCM.0075");
    // Expired (by the clock), not issued yet: refused by status.
    for other in ["scs0000000000003", "scs0000000000005"] {
        let r = push(&mut emu, other, json!({"target_project": "ap-southeast-1", "target_service": "ELB"}));
        assert_eq!(code(&r), "SCM.0010", "{other}");
    }
    let r = push(&mut emu, "scs9999999999999", json!({"target_project": "ap-southeast-1", "target_service": "ELB"}));
    assert_eq!(r.status, 404);
    let r = push(&mut emu, "short", json!({"target_project": "ap-southeast-1", "target_service": "ELB"}));
    assert_eq!((r.status, code(&r).as_str()), (400, "SCM.0008"));
}

#[test]
fn status_rules_for_delete_and_export() {
    let (mut emu, t) = emulator(rows());
    // Under review: cannot be deleted.
    let r = emu.handle(&req(Method::Delete, &format!("{SCM}/scs0000000000007"), "", &t, ""), NOW);
    assert_eq!(code(&r), "SCM.0010");
    // Not issued: nothing to export.
    let r = emu.handle(&req(Method::Post, &format!("{SCM}/scs0000000000005/export"), "", &t, ""), NOW);
    assert_eq!(code(&r), "SCM.0010");
    // An expired one can be deleted.
    let r = emu.handle(&req(Method::Delete, &format!("{SCM}/scs0000000000004"), "", &t, ""), NOW);
    assert_eq!(r.status, 204);
    assert_eq!(emu.state.scm.len(), 6);
    // Unknown and malformed ids.
    let r = emu.handle(&req(Method::Delete, &format!("{SCM}/scs9999999999999"), "", &t, ""), NOW);
    assert_eq!((r.status, code(&r).as_str()), (404, "SCM.0094"));
    let r = get(&mut emu, &t, &format!("{SCM}/scs-not-an-id"), "");
    assert_eq!((r.status, code(&r).as_str()), (400, "SCM.0008"));
}

#[test]
fn show_spells_authentification_as_the_sdk_does() {
    let mut checking = row("scs0000000000008", "pending", "pending.example.com", "CHECKING", None, NOW, json!({}));
    checking.info.authentification = Some(vec![serde_json::from_value(json!({
        "record_name": "_dnsauth.pending.example.com", "record_type": "TXT", "record_value": "2025abc", "domain": "pending.example.com"
    }))
    .unwrap()]);
    let (mut emu, t) = emulator(vec![checking]);
    let shown = get(&mut emu, &t, &format!("{SCM}/scs0000000000008"), "").body_json();
    assert_eq!(shown["authentification"][0]["record_type"], "TXT");
    assert!(shown.get("authentication").is_none());
}

#[test]
fn scm_calls_need_a_credential() {
    let (mut emu, _) = emulator(rows());
    let r = get(&mut emu, "not-a-token", SCM, "");
    assert_eq!((r.status, code(&r).as_str()), (401, "SCM.1000"));
}

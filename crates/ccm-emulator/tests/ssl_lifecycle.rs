//! The SSL lifecycle (issue 15): buy, apply, validate, issue, cancel,
//! unsubscribe; deployment; the CSR manager; tags and notifications. Each
//! status transition and each refused one, driven through ccm-api's
//! request builders like a client would, certificates checked with openssl.

mod pca_support;

use ccm_api::scm::*;
use ccm_api::{ApiRequest, Method};
use ccm_emulator::ssl_orders::{validate, ValidateRequest};
use ccm_emulator::{EmuRequest, EmuResponse, Emulator, EmulatorConfig, State};
use ccm_pki::pem::{encode_pem, LABEL_CSR};
use ccm_pki::{build_csr, generate_key, DistinguishedName, KeyAlgorithm, SignatureHash, SubjectAltName};
use pca_support::{assert_refused, openssl, openssl_verify, NOW};
use serde_json::{json, Value};

const HOST: &str = "scm.ap-southeast-1.myhuaweicloud.com";

struct Scm {
    emu: Emulator,
    token: String,
    now: i64,
}

impl Scm {
    fn new() -> Scm {
        Self::with(EmulatorConfig::default(), State::default())
    }

    fn with(config: EmulatorConfig, state: State) -> Scm {
        let mut s = Scm { emu: Emulator::new(config, state), token: String::new(), now: NOW };
        let body = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}}});
        let r = s.emu.handle(
            &EmuRequest {
                method: Method::Post,
                host: "iam.ap-southeast-1.myhuaweicloud.com".into(),
                path: "/v3/auth/tokens".into(),
                raw_query: String::new(),
                headers: Vec::new(),
                body: body.to_string().into_bytes(),
            },
            NOW,
        );
        s.token = r.headers.iter().find(|(k, _)| k == "X-Subject-Token").expect("a token").1.clone();
        s
    }

    fn send(&mut self, req: ApiRequest) -> EmuResponse {
        let body = if req.body.is_some() { req.body_bytes() } else { Vec::new() };
        let r = EmuRequest {
            method: req.method,
            host: HOST.into(),
            path: req.path.clone(),
            raw_query: req.query_string(),
            headers: vec![("X-Auth-Token".into(), self.token.clone())],
            body,
        };
        self.emu.handle(&r, self.now)
    }

    #[track_caller]
    fn ok(&mut self, req: ApiRequest) -> Value {
        let want = ccm_api::operations::of_request(&req).unwrap().success;
        let r = self.send(req);
        assert_eq!(r.status, want, "{}", String::from_utf8_lossy(&r.body));
        if r.body.is_empty() {
            Value::Null
        } else {
            r.body_json()
        }
    }

    fn show(&mut self, id: &str) -> ScmCertificate {
        serde_json::from_value(self.ok(show_certificate(id))).unwrap()
    }

    fn status(&mut self, id: &str) -> String {
        self.show(id).status.unwrap().as_str().to_owned()
    }

    /// Buys `n` certificates of one kind; their ids.
    fn buy(&mut self, body: SubscribeCertificateBody) -> Vec<String> {
        let v = self.ok(subscribe_certificate(&body));
        let r: SubscribeCertificateResponse = serde_json::from_value(v).unwrap();
        assert!(r.order_id.starts_with("CS"), "{}", r.order_id);
        r.cert.into_iter().map(|c| c.cert_id).collect()
    }

    fn buy_one(&mut self, domain_type: ScmDomainType, domains: i64) -> String {
        self.buy(SubscribeCertificateBody { domain_type, domain_numbers: domains, ..Default::default() }).remove(0)
    }

    fn validate(&mut self, id: &str, domain: Option<&str>, fail: bool) -> Value {
        let req = ValidateRequest { certificate_id: id.into(), domain: domain.map(Into::into), fail };
        validate(&mut self.emu, &req, self.now).expect("validation accepted")
    }
}

fn apply_body(domain: &str) -> ApplyCertificateBody {
    ApplyCertificateBody {
        domain: domain.into(),
        applicant_name: Some("Tom".into()),
        applicant_email: Some("tom@example.com".into()),
        agree_privacy_protection: true,
        domain_method: Some(ValidationMethod::Dns),
        key_algorithm: Some(PrivateKeyAlgo::EcP256),
        ..Default::default()
    }
}

/// A CSR for `names` with a fresh P-256 key: (PEM, key PEM).
fn own_csr(names: &[&str]) -> (String, String) {
    let key = generate_key(KeyAlgorithm::Ec256).unwrap();
    let sans: Vec<SubjectAltName> = names.iter().map(|n| SubjectAltName::Dns((*n).into())).collect();
    let der = build_csr(&DistinguishedName::new(names[0]), &sans, &key, SignatureHash::Sha256).unwrap();
    (encode_pem(LABEL_CSR, &der), key.to_pkcs8_pem().unwrap().to_string())
}

/// `openssl` says the key belongs to the certificate (or the CSR).
fn same_public_key(key_pem: &str, pem: &str, kind: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("key.pem"), key_pem).unwrap();
    std::fs::write(dir.path().join("obj.pem"), pem).unwrap();
    let (ok1, from_key) = openssl(dir.path(), &["pkey", "-in", "key.pem", "-pubout"]);
    let (ok2, from_obj) = match kind {
        "csr" => openssl(dir.path(), &["req", "-in", "obj.pem", "-noout", "-pubkey"]),
        _ => openssl(dir.path(), &["x509", "-in", "obj.pem", "-noout", "-pubkey"]),
    };
    ok1 && ok2 && from_key.trim() == from_obj.trim()
}

#[test]
fn buying_records_paid_orders() {
    let mut s = Scm::new();
    let ids = s.buy(SubscribeCertificateBody {
        cert_type: ScmCertType::OvSslCert,
        domain_type: ScmDomainType::MultiDomain,
        domain_numbers: 3,
        order_number: 2,
        effective_time: 2,
        tags: Some(vec![ScmTag { key: "env".into(), value: "prod".into() }]),
        ..Default::default()
    });
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
    let c = s.show(&ids[1]);
    assert_eq!(c.status, Some(ScmStatus::Paid));
    assert_eq!((c.domain_count, c.validity_period, c.domain.as_deref()), (Some(3), Some(24), None));
    assert_eq!(c.kind, Some(ScmCertType::OvSslCert));
    let tags: ListTagsByCertificateResponse = serde_json::from_value(s.ok(list_tags_by_certificate(&ids[0]))).unwrap();
    assert_eq!(tags.tags[0].key, "env");
    // The product rules.
    let bad = s.send(subscribe_certificate(&SubscribeCertificateBody { domain_numbers: 2, ..Default::default() }));
    assert_refused(&bad, 400, "SCM.0036");
    let basic = s.send(subscribe_certificate(&SubscribeCertificateBody {
        cert_type: ScmCertType::DvSslCertBasic,
        domain_type: ScmDomainType::Wildcard,
        ..Default::default()
    }));
    assert_refused(&basic, 400, "SCM.0051");
    let no_consent = s.send(subscribe_certificate(&SubscribeCertificateBody { agree_privacy_protection: false, ..Default::default() }));
    assert_refused(&no_consent, 400, "SCM.0005");
}

#[test]
fn paid_to_checking_to_issued_with_a_service_key() {
    let mut s = Scm::new();
    let id = s.buy_one(ScmDomainType::SingleDomain, 1);
    // Not issued yet: nothing to export, deploy or push.
    assert_refused(&s.send(export_certificate(&id)), 400, "SCM.0010");
    s.ok(apply_certificate(&id, &apply_body("www.example.com")));
    let c = s.show(&id);
    assert_eq!(c.status, Some(ScmStatus::Checking));
    assert_eq!(c.validation_method, Some(ValidationMethod::Dns));
    let rec = &c.validation_records()[0];
    assert_eq!(rec.domain.as_deref(), Some("www.example.com"));
    assert_eq!(rec.validation_status, Some(DomainValidationStatus::Pending));
    match rec.step(c.validation_method.as_ref()) {
        ValidationStep::Dns { host, record_type, value } => {
            assert_eq!((host.as_str(), record_type.as_str()), ("_dnsauth.www.example.com", "TXT"));
            assert!(value.len() > 20);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(c.application_info.unwrap().applicant_name.as_deref(), Some("Tom"));
    // Refused while under review.
    assert_refused(&s.send(apply_certificate(&id, &apply_body("www.example.com"))), 400, "SCM.0010");
    assert_refused(&s.send(export_certificate(&id)), 400, "SCM.0010");
    assert_refused(&s.send(unsubscribe_certificate(&id)), 400, "SCM.0010");
    assert_refused(&s.send(delete_certificate(&id)), 400, "SCM.0010");
    let deploy = DeployCertificateBody { project_name: None, service_name: PushService::Elb, resources: vec![DeployedResource { id: Some("x".into()), ..Default::default() }] };
    assert_refused(&s.send(deploy_certificate(&id, &deploy)), 400, "SCM.0010");
    // Validated → issued by the public CA, with the key the service made.
    s.now += 60_000;
    let report = s.validate(&id, None, false);
    assert_eq!(report["status"], "ISSUED");
    let c = s.show(&id);
    assert_eq!(c.status, Some(ScmStatus::Issued));
    assert!(c.not_after.is_some() && c.fingerprint.is_some());
    let e: ScmExportResponse = serde_json::from_value(s.ok(export_certificate(&id))).unwrap();
    let (cert, chain, key) = (e.certificate.unwrap(), e.certificate_chain.unwrap(), e.private_key.expect("the service kept the key"));
    assert!(same_public_key(&key, &cert, "x509"));
    let root = s.emu.state.public_ca.clone().unwrap().root_pem;
    let (ok, text) = openssl_verify(&root, &chain, &cert, s.now);
    assert!(ok, "{text}");
    // Issued: no more cancel, unsubscribe or apply.
    assert_refused(&s.send(cancel_certificate_request(&id)), 400, "SCM.0010");
    assert_refused(&s.send(unsubscribe_certificate(&id)), 400, "SCM.0010");
    assert_refused(&s.send(apply_certificate(&id, &apply_body("www.example.com"))), 400, "SCM.0010");
}

#[test]
fn a_pasted_csr_is_issued_per_domain_and_exports_without_a_key() {
    let mut s = Scm::new();
    let id = s.buy_one(ScmDomainType::MultiDomain, 3);
    let (csr, key) = own_csr(&["a.example.com", "b.example.com"]);
    let body = ApplyCertificateBody {
        csr: Some(csr),
        sans: Some("b.example.com;c.example.com".into()),
        domain_method: Some(ValidationMethod::File),
        ..apply_body("a.example.com")
    };
    s.ok(apply_certificate(&id, &body));
    let c = s.show(&id);
    assert_eq!(c.validation_records().len(), 3);
    assert!(matches!(c.validation_records()[1].step(None), ValidationStep::File { url, content } if url.contains("b.example.com") && !content.is_empty()));
    // One name at a time: still under review until the last.
    assert_eq!(s.validate(&id, Some("a.example.com"), false)["status"], "CHECKING");
    assert_eq!(s.validate(&id, Some("C.EXAMPLE.COM"), false)["status"], "CHECKING");
    let unknown = validate(&mut s.emu, &ValidateRequest { certificate_id: id.clone(), domain: Some("z.example.com".into()), fail: false }, NOW);
    assert_eq!(unknown.unwrap_err().status, 404);
    let report = s.validate(&id, Some("b.example.com"), false);
    assert_eq!(report["status"], "ISSUED");
    assert!(report["domains"].as_array().unwrap().iter().all(|d| d["validation_status"] == "VALIDATED"));
    let e: ScmExportResponse = serde_json::from_value(s.ok(export_certificate(&id))).unwrap();
    assert!(e.private_key.is_none(), "the service never had this key");
    let cert = e.certificate.unwrap();
    assert!(same_public_key(&key, &cert, "x509"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.pem"), &cert).unwrap();
    let (_, text) = openssl(dir.path(), &["x509", "-in", "c.pem", "-noout", "-ext", "subjectAltName"]);
    assert!(text.contains("DNS:a.example.com") && text.contains("DNS:c.example.com"), "{text}");
    // Validation only happens under review.
    let again = validate(&mut s.emu, &ValidateRequest { certificate_id: id, domain: None, fail: false }, NOW);
    assert_eq!(again.unwrap_err().status, 409);
}

#[test]
fn applications_are_checked_against_the_order() {
    let mut s = Scm::new();
    let single = s.buy_one(ScmDomainType::SingleDomain, 1);
    assert_refused(&s.send(apply_certificate(&single, &apply_body("*.example.com"))), 400, "SCM.0015");
    let two = ApplyCertificateBody { sans: Some("b.example.com".into()), ..apply_body("a.example.com") };
    assert_refused(&s.send(apply_certificate(&single, &two)), 400, "SCM.0015");
    let wild = s.buy_one(ScmDomainType::Wildcard, 1);
    assert_refused(&s.send(apply_certificate(&wild, &apply_body("www.example.com"))), 400, "SCM.0015");
    let mail = ApplyCertificateBody { domain_method: Some(ValidationMethod::Email), ..apply_body("*.example.com") };
    assert_refused(&s.send(apply_certificate(&wild, &mail)), 400, "SCM.0015");
    let multi = s.buy_one(ScmDomainType::MultiDomain, 2);
    let three = ApplyCertificateBody { sans: Some("b.example.com;c.example.com".into()), ..apply_body("a.example.com") };
    assert_refused(&s.send(apply_certificate(&multi, &three)), 400, "SCM.0036");
    let dup = ApplyCertificateBody { sans: Some("A.example.com".into()), ..apply_body("a.example.com") };
    assert_refused(&s.send(apply_certificate(&multi, &dup)), 400, "SCM.0108");
    // A CSR for another name, or a broken one.
    let (csr, _) = own_csr(&["other.example.com"]);
    let mismatch = ApplyCertificateBody { csr: Some(csr), ..apply_body("www.example.com") };
    assert_refused(&s.send(apply_certificate(&single, &mismatch)), 400, "SCM.0035");
    let broken = ApplyCertificateBody {
        csr: Some("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n".into()),
        ..apply_body("www.example.com")
    };
    assert_refused(&s.send(apply_certificate(&single, &broken)), 400, "SCM.0034");
    let sm2 = ApplyCertificateBody { key_algorithm: Some(PrivateKeyAlgo::Sm2), ..apply_body("www.example.com") };
    let r = s.send(apply_certificate(&single, &sm2));
    assert_refused(&r, 400, "SCM.0005");
    assert!(r.body_json()["error_msg"].as_str().unwrap().contains("SM2"));
    // OV needs the organisation.
    let ov = s.buy(SubscribeCertificateBody { cert_type: ScmCertType::OvSslCert, ..Default::default() }).remove(0);
    assert_refused(&s.send(apply_certificate(&ov, &apply_body("www.example.com"))), 400, "SCM.0080");
    let org = ApplyCertificateBody {
        company_name: Some("Example Ltd".into()),
        company_province: Some("Sichuan".into()),
        company_city: Some("Chengdu".into()),
        country: Some("CN".into()),
        ..apply_body("www.example.com")
    };
    s.ok(apply_certificate(&ov, &org));
    // Nothing refused changed anything.
    assert_eq!(s.status(&single), "PAID");
    assert_eq!(s.status(&multi), "PAID");
}

#[test]
fn cancel_goes_back_to_paid_and_failure_allows_unsubscribe() {
    let mut s = Scm::new();
    let id = s.buy_one(ScmDomainType::SingleDomain, 1);
    assert_refused(&s.send(cancel_certificate_request(&id)), 400, "SCM.0010");
    s.ok(apply_certificate(&id, &apply_body("www.example.com")));
    let v = s.ok(cancel_certificate_request(&id));
    assert_eq!((v["cert_id"].as_str(), v["message"].as_str()), (Some(id.as_str()), Some("success")));
    let c = s.show(&id);
    assert_eq!(c.status, Some(ScmStatus::Paid));
    assert!(c.validation_records().is_empty());
    // Apply again, fail the validation: rejected, may apply again or be refunded.
    s.ok(apply_certificate(&id, &apply_body("www.example.com")));
    assert_eq!(s.validate(&id, None, true)["status"], "UNPASSED");
    assert_eq!(s.show(&id).validation_records()[0].validation_status, Some(DomainValidationStatus::Failed));
    assert_eq!(s.ok(unsubscribe_certificate(&id))["unsubscribe_results"], "success");
    assert_refused(&s.send(show_certificate(&id)), 404, "SCM.0094");
    // A paid order can be refunded too.
    let paid = s.buy_one(ScmDomainType::SingleDomain, 1);
    s.ok(unsubscribe_certificate(&paid));
    assert_refused(&s.send(unsubscribe_certificate(&paid)), 404, "SCM.0094");
}

#[test]
fn automatic_validation_issues_after_the_delay() {
    let config = EmulatorConfig { auto_validate_after_ms: Some(30_000), ..Default::default() };
    let mut s = Scm::with(config, State::default());
    let id = s.buy_one(ScmDomainType::SingleDomain, 1);
    s.ok(apply_certificate(&id, &apply_body("auto.example.com")));
    s.now += 29_000;
    assert_eq!(s.status(&id), "CHECKING");
    s.now += 2_000;
    assert_eq!(s.status(&id), "ISSUED");
    assert!(s.show(&id).validation_records().iter().all(DomainValidationRecord::is_validated));
}

fn issued(s: &mut Scm, domain: &str) -> String {
    let id = s.buy_one(ScmDomainType::SingleDomain, 1);
    s.ok(apply_certificate(&id, &apply_body(domain)));
    s.validate(&id, None, false);
    id
}

fn resource(s: &Scm, service: &str, project: &str, name: &str) -> String {
    s.emu.state.inventory.0.iter().find(|r| r.service == service && r.project == project && r.name == name).unwrap().id.clone()
}

#[test]
fn deploy_list_and_delete_rules() {
    let mut s = Scm::new();
    let www = issued(&mut s, "www.example.com");
    let listener = resource(&s, "ELB", "ap-southeast-1", "web-https-443");
    let waf = resource(&s, "WAF", "ap-southeast-1", "www.example.com");
    let body = DeployCertificateBody {
        project_name: Some("ap-southeast-1".into()),
        service_name: PushService::Elb,
        resources: vec![
            DeployedResource { id: Some(listener.clone()), ..Default::default() },
            DeployedResource { id: Some("no-such-listener".into()), ..Default::default() },
        ],
    };
    let r: DeployCertificateResponse = serde_json::from_value(s.ok(deploy_certificate(&www, &body))).unwrap();
    assert_eq!(r.failure_list.len(), 1);
    assert!(r.failure_list[0].failure_info.starts_with("SCM.0103"), "{:?}", r.failure_list);
    // Again: already there.
    let again = DeployCertificateBody { resources: vec![body.resources[0].clone()], ..body.clone() };
    let r: DeployCertificateResponse = serde_json::from_value(s.ok(deploy_certificate(&www, &again))).unwrap();
    assert!(r.failure_list[0].failure_info.starts_with("SCM.0102"));
    // WAF and CDN check the domain.
    let waf_body = DeployCertificateBody {
        project_name: Some("ap-southeast-1".into()),
        service_name: PushService::Waf,
        resources: vec![DeployedResource { id: Some(waf), kind: Some(WafResourceType::Cloud), enterprise_project_id: Some("0".into()), ..Default::default() }],
    };
    assert!(serde_json::from_value::<DeployCertificateResponse>(s.ok(deploy_certificate(&www, &waf_body))).unwrap().failure_list.is_empty());
    let cdn = DeployCertificateBody {
        project_name: None,
        service_name: PushService::Cdn,
        resources: vec![DeployedResource { domain_name: Some("static.example.com".into()), ..Default::default() }],
    };
    let r: DeployCertificateResponse = serde_json::from_value(s.ok(deploy_certificate(&www, &cdn))).unwrap();
    assert!(r.failure_list[0].failure_info.starts_with("SCM.0106"), "{:?}", r.failure_list);
    // Where is it deployed?
    let q = ListDeployedResourcesBody { certificate_ids: vec![www.clone()], service_names: vec!["ALL".into()] };
    let l: ListDeployedResourcesResponse = serde_json::from_value(s.ok(list_deployed_resources(&q))).unwrap();
    assert_eq!(l.results[0].total_num, 2);
    let flat = l.results[0].flatten();
    assert_eq!((flat[0].0, flat[0].1, flat[0].2.resource_name.as_str()), ("ELB", "ap-southeast-1", "web-https-443"));
    let only_waf = ListDeployedResourcesBody { service_names: vec!["WAF".into()], ..q.clone() };
    let l: ListDeployedResourcesResponse = serde_json::from_value(s.ok(list_deployed_resources(&only_waf))).unwrap();
    assert_eq!(l.results[0].total_num, 1);
    // A deployed certificate cannot be deleted; moving its resources frees it.
    let r = s.send(delete_certificate(&www));
    assert_refused(&r, 400, "SCM.0105");
    assert!(r.body_json()["error_msg"].as_str().unwrap().contains("web-https-443"));
    let other = issued(&mut s, "www.example.com");
    s.ok(deploy_certificate(&other, &again));
    s.ok(deploy_certificate(&other, &waf_body));
    let l: ListDeployedResourcesResponse = serde_json::from_value(s.ok(list_deployed_resources(&q))).unwrap();
    assert_eq!(l.results[0].total_num, 0);
    s.ok(delete_certificate(&www));
}

#[test]
fn batch_push_answers_per_region() {
    let mut s = Scm::new();
    let id = issued(&mut s, "push.example.com");
    let body = BatchPushCertificateBody {
        target_projects: vec!["ap-southeast-1".into(), "cn-north-4".into(), "mars-north-1".into()],
        target_service: PushService::Waf,
    };
    let r: BatchPushCertificateResponse = serde_json::from_value(s.ok(batch_push_certificate(&id, &body))).unwrap();
    let ok: Vec<bool> = r.results.iter().map(BatchPushResult::succeeded).collect();
    assert_eq!(ok, vec![true, true, false]);
    assert!(r.results[2].message.starts_with("SCM.0075"));
    let paid = s.buy_one(ScmDomainType::SingleDomain, 1);
    assert_refused(&s.send(batch_push_certificate(&paid, &body)), 400, "SCM.0010");
}

#[test]
fn csr_manager() {
    let mut s = Scm::new();
    let create = |name: &str, algo: PrivateKeyAlgo| CreateCsrBody {
        name: name.into(),
        domain_name: "www.example.com".into(),
        sans: Some("api.example.com".into()),
        private_key_algo: algo,
        usage: CsrUsage::Enterprise,
        company_country: Some("CN".into()),
        company_province: Some("Sichuan".into()),
        company_city: Some("Chengdu".into()),
        company_name: Some("Example Ltd".into()),
    };
    let made: CsrInfo = serde_json::from_value(s.ok(create_csr(&create("web", PrivateKeyAlgo::EcP256)))).unwrap();
    assert!(made.csr.is_none(), "the create answer carries no PEM");
    s.now += 1;
    s.ok(create_csr(&create("api", PrivateKeyAlgo::EcP384)));
    s.now += 1;
    s.ok(create_csr(&create("rsa", PrivateKeyAlgo::Rsa3072)));
    let sm2 = s.send(create_csr(&create("sm2", PrivateKeyAlgo::Sm2)));
    assert_refused(&sm2, 400, "SCM.0005");
    let shown: CsrInfo = serde_json::from_value(s.ok(show_csr(&made.id))).unwrap();
    let pem = shown.csr.unwrap();
    let key: CsrPrivateKeyResponse = serde_json::from_value(s.ok(show_csr_private_key(&made.id))).unwrap();
    assert!(same_public_key(&key.private_key, &pem, "csr"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.pem"), &pem).unwrap();
    let (ok, text) = openssl(dir.path(), &["req", "-in", "r.pem", "-noout", "-verify", "-subject"]);
    assert!(ok && text.contains("CN") && text.contains("www.example.com") && text.contains("Example Ltd"), "{text}");
    let (_, rsa_text) = {
        let id = s.emu.state.csrs[2].info.id.clone();
        let pem = s.emu.state.csrs[2].info.csr.clone().unwrap();
        std::fs::write(dir.path().join("rsa.pem"), pem).unwrap();
        (id, openssl(dir.path(), &["req", "-in", "rsa.pem", "-noout", "-text"]).1)
    };
    assert!(rsa_text.contains("3072 bit"), "{rsa_text}");
    // List: newest first, filters, paging.
    let all: CsrListResponse = serde_json::from_value(s.ok(list_csr(&CsrListQuery::default()))).unwrap();
    assert_eq!((all.total, all.csr_list[0].name.as_deref()), (3, Some("rsa")));
    let p384: CsrListResponse = serde_json::from_value(s.ok(list_csr(&CsrListQuery { private_key_algo: Some(PrivateKeyAlgo::EcP384), ..Default::default() }))).unwrap();
    assert_eq!((p384.total, p384.csr_list[0].name.as_deref()), (1, Some("api")));
    let named: CsrListResponse = serde_json::from_value(s.ok(list_csr(&CsrListQuery { name: Some("WE".into()), ..Default::default() }))).unwrap();
    assert_eq!(named.total, 1);
    let page: CsrListResponse = serde_json::from_value(s.ok(list_csr(&CsrListQuery { limit: Some(1), offset: Some(1), ..Default::default() }))).unwrap();
    assert_eq!((page.total, page.csr_list.len(), page.csr_list[0].name.as_deref()), (3, 1, Some("api")));
    // Rename, delete.
    let renamed: CsrInfo = serde_json::from_value(s.ok(update_csr(&made.id, &UpdateCsrBody { name: "web-2".into() }))).unwrap();
    assert_eq!(renamed.name.as_deref(), Some("web-2"));
    s.ok(delete_csr(&made.id));
    assert_refused(&s.send(show_csr(&made.id)), 404, "SCM.0094");
    // Upload: with its key, with a wrong key, without a key.
    let (csr, key_pem) = own_csr(&["up.example.com"]);
    let up: UploadCsrResponse = serde_json::from_value(s.ok(upload_csr(&UploadCsrBody { name: "up".into(), csr: csr.clone(), private_key: Some(key_pem.clone()) }))).unwrap();
    let info: CsrInfo = serde_json::from_value(s.ok(show_csr(&up.id))).unwrap();
    assert_eq!((info.domain_name.as_deref(), info.private_key_algo), (Some("up.example.com"), Some(PrivateKeyAlgo::EcP256)));
    let (_, other_key) = own_csr(&["x.example.com"]);
    assert_refused(&s.send(upload_csr(&UploadCsrBody { name: "bad".into(), csr: csr.clone(), private_key: Some(other_key) })), 400, "SCM.0014");
    let bare: UploadCsrResponse = serde_json::from_value(s.ok(upload_csr(&UploadCsrBody { name: "bare".into(), csr, private_key: None }))).unwrap();
    assert_refused(&s.send(show_csr_private_key(&bare.id)), 400, "SCM.0059");
}

#[test]
fn an_application_from_the_csr_manager_keeps_its_key() {
    let mut s = Scm::new();
    let made: CsrInfo = serde_json::from_value(s.ok(create_csr(&CreateCsrBody {
        name: "shop".into(),
        domain_name: "shop.example.com".into(),
        sans: None,
        private_key_algo: PrivateKeyAlgo::EcP256,
        usage: CsrUsage::Personal,
        company_country: None,
        company_province: None,
        company_city: None,
        company_name: None,
    })))
    .unwrap();
    let pem = s.emu.state.csrs[0].info.csr.clone().unwrap().replace('\n', "\r\n");
    let id = s.buy_one(ScmDomainType::SingleDomain, 1);
    s.ok(apply_certificate(&id, &ApplyCertificateBody { csr: Some(pem), ..apply_body("shop.example.com") }));
    s.validate(&id, None, false);
    let e: ScmExportResponse = serde_json::from_value(s.ok(export_certificate(&id))).unwrap();
    let key: CsrPrivateKeyResponse = serde_json::from_value(s.ok(show_csr_private_key(&made.id))).unwrap();
    assert_eq!(e.private_key.as_deref(), Some(key.private_key.as_str()));
    assert!(same_public_key(&key.private_key, &e.certificate.unwrap(), "x509"));
}

#[test]
fn tags_and_notifications() {
    let mut s = Scm::new();
    let a = s.buy_one(ScmDomainType::SingleDomain, 1);
    let b = s.buy_one(ScmDomainType::SingleDomain, 1);
    let tag = |k: &str, v: &str| ScmTag { key: k.into(), value: v.into() };
    s.ok(create_certificate_tag(&a, &CreateCertificateTagBody { tag: tag("env", "prod") }));
    s.ok(create_certificate_tag(&a, &CreateCertificateTagBody { tag: tag("env", "staging") }));
    s.ok(batch_create_or_delete_tags(&b, &BatchTagsBody { action: TagAction::Create, tags: vec![tag("env", "prod"), tag("team", "web")] }));
    let mine: ListTagsByCertificateResponse = serde_json::from_value(s.ok(list_tags_by_certificate(&a))).unwrap();
    assert_eq!(mine.tags, vec![tag("env", "staging")]);
    let all: ListAllTagsResponse = serde_json::from_value(s.ok(list_all_tags())).unwrap();
    assert_eq!(all.tags[0], ScmTagValues { key: "env".into(), values: vec!["prod".into(), "staging".into()] });
    // Queries.
    let q = |tags: Vec<ScmTagValues>| ListCertificatesByTagBody { tags: Some(tags), ..Default::default() };
    let prod: ListCertificatesByTagResponse = serde_json::from_value(s.ok(list_certificates_by_tag(&q(vec![ScmTagValues { key: "env".into(), values: vec!["prod".into()] }])))).unwrap();
    assert_eq!((prod.total_count, prod.resources[0].resource_id.as_str()), (1, b.as_str()));
    assert_eq!(prod.resources[0].resource_detail.as_ref().unwrap().unsubscribe_support, Some(true));
    let any_env: ListCertificatesByTagResponse = serde_json::from_value(s.ok(list_certificates_by_tag(&q(vec![ScmTagValues { key: "env".into(), values: vec![] }])))).unwrap();
    assert_eq!(any_env.total_count, 2);
    let count = ListCertificatesByTagBody { action: TagQueryAction::Count, not_tags: Some(vec![ScmTagValues { key: "team".into(), values: vec![] }]), ..Default::default() };
    let c: ListCertificatesByTagResponse = serde_json::from_value(s.ok(list_certificates_by_tag(&count))).unwrap();
    assert_eq!((c.total_count, c.resources.len()), (1, 0));
    // Removal, refusals.
    assert_refused(&s.send(batch_create_or_delete_tags(&a, &BatchTagsBody { action: TagAction::Delete, tags: vec![tag("team", "")] })), 400, "SCM.0301");
    s.ok(batch_create_or_delete_tags(&b, &BatchTagsBody { action: TagAction::Delete, tags: vec![tag("team", "")] }));
    let many: Vec<ScmTag> = (0..20).map(|i| tag(&format!("k{i}"), "v")).collect();
    assert_refused(&s.send(batch_create_or_delete_tags(&a, &BatchTagsBody { action: TagAction::Create, tags: many })), 400, "SCM.0302");
    assert_eq!(s.emu.state.scm[0].tags.len(), 1, "a refused batch changes nothing");
    // Expiry notification on and off.
    assert_eq!(s.show(&a).notification_enabled, Some(false));
    s.ok(enable_notification(&[expiry_notice(&a)]));
    assert_eq!(s.show(&a).notification_enabled, Some(true));
    assert_eq!(s.show(&b).notification_enabled, Some(false));
    s.ok(disable_notification(&[expiry_notice(&a)]));
    assert_eq!(s.show(&a).notification_enabled, Some(false));
    assert_refused(&s.send(enable_notification(&[expiry_notice("scs0000000000000")])), 404, "SCM.0094");
}

#[test]
fn new_list_filters() {
    let mut s = Scm::with(EmulatorConfig::default(), ccm_emulator::seed::demo(NOW));
    let list = |s: &mut Scm, q: ScmListQuery| -> ScmListResponse { serde_json::from_value(s.ok(list_certificates(&q))).unwrap() };
    let all = list(&mut s, ScmListQuery { limit: Some(50), ..Default::default() });
    let own = list(&mut s, ScmListQuery { limit: Some(50), owned_by_self: Some(true), ..Default::default() });
    assert_eq!(own.total_count, all.total_count - 1, "partner-shared is shared with the account");
    let content = list(&mut s, ScmListQuery { content: Some("WILDCARD".into()), ..Default::default() });
    assert_eq!(content.certificates[0].name.as_deref(), Some("wildcard-example"));
    let recent = list(&mut s, ScmListQuery { limit: Some(50), expired_days_since: Some(10), ..Default::default() });
    assert!(recent.certificates.iter().all(|c| c.name.as_deref() != Some("legacy-portal")));
    let deployable = list(&mut s, ScmListQuery { limit: Some(50), deploy_support: Some(true), ..Default::default() });
    assert!(deployable.total_count > 0);
}

#[test]
fn the_demo_shows_the_whole_lifecycle() {
    let mut s = Scm::with(EmulatorConfig::default(), ccm_emulator::seed::demo(NOW));
    let id_of = |s: &Scm, name: &str| s.emu.state.scm.iter().find(|r| r.info.name.as_deref() == Some(name)).unwrap().info.id.clone();
    let paid = id_of(&s, "new-order");
    assert_eq!(s.status(&paid), "PAID");
    let pending = id_of(&s, "pending-validation");
    let c = s.show(&pending);
    assert_eq!((c.status.clone(), c.validation_records()[0].validation_status.clone()), (Some(ScmStatus::Checking), Some(DomainValidationStatus::Pending)));
    // It can be validated and then exports the key the service made.
    assert_eq!(s.validate(&pending, None, false)["status"], "ISSUED");
    let e: ScmExportResponse = serde_json::from_value(s.ok(export_certificate(&pending))).unwrap();
    assert!(same_public_key(&e.private_key.unwrap(), &e.certificate.unwrap(), "x509"));
    let wildcard = id_of(&s, "wildcard-example");
    let q = ListDeployedResourcesBody { certificate_ids: vec![wildcard.clone()], service_names: vec!["ALL".into()] };
    let l: ListDeployedResourcesResponse = serde_json::from_value(s.ok(list_deployed_resources(&q))).unwrap();
    assert_eq!(l.results[0].total_num, 2);
    assert_refused(&s.send(delete_certificate(&wildcard)), 400, "SCM.0105");
    // The demo's issued certificates chain to the same public CA.
    let ca = s.emu.state.public_ca.clone().unwrap();
    let e: ScmExportResponse = serde_json::from_value(s.ok(export_certificate(&wildcard))).unwrap();
    let (ok, text) = openssl_verify(&ca.root_pem, &ca.intermediate_pem, &e.certificate.unwrap(), NOW);
    assert!(ok, "{text}");
    // Applying for the paid order works too.
    s.ok(apply_certificate(&paid, &apply_body("blog.example.org")));
}

#[test]
fn state_files_keep_the_lifecycle_and_old_files_load() {
    let mut s = Scm::new();
    let id = s.buy_one(ScmDomainType::SingleDomain, 1);
    s.ok(apply_certificate(&id, &apply_body("keep.example.com")));
    s.ok(create_csr(&CreateCsrBody {
        name: "kept".into(),
        domain_name: "keep.example.com".into(),
        sans: None,
        private_key_algo: PrivateKeyAlgo::EcP256,
        usage: CsrUsage::Personal,
        company_country: None,
        company_province: None,
        company_city: None,
        company_name: None,
    }));
    s.ok(create_certificate_tag(&id, &CreateCertificateTagBody { tag: ScmTag { key: "k".into(), value: "v".into() } }));
    let text = s.emu.state.to_json();
    let back = State::from_json(&text).unwrap();
    assert_eq!(back, s.emu.state);
    // After a reload the application still issues.
    let mut again = Scm::with(EmulatorConfig::default(), back);
    assert_eq!(again.validate(&id, None, false)["status"], "ISSUED");
    // A file written before this feature: no CSRs, inventory or public CA.
    let old: Value = json!({"scm": [{"info": {"id": "scs1700000000000", "status": "PAID"}, "certificate_pem": ""}]});
    let loaded = State::from_json(&old.to_string()).unwrap();
    assert!(loaded.csrs.is_empty() && loaded.public_ca.is_none());
    assert!(loaded.inventory.0.iter().any(|r| r.service == "CDN"), "the seeded inventory fills in");
    assert!(loaded.scm[0].application.is_none() && loaded.scm[0].tags.is_empty());
}

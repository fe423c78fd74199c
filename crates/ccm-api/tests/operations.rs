//! Every operation has a constructor, and every constructor builds the
//! method, path, body and answer kind its table entry says.

use ccm_api::common::*;
use ccm_api::operations::{find, route, Source, OPERATIONS};
use ccm_api::pca::{cas, certs, console, crl, tags};
use ccm_api::request::{ApiRequest, Method, ResponseKind};
use ccm_api::{iam, quota, scm, Service};

const CA: &str = "4c0e772e-a30c-4029-b929-b7acb04143f7";
const CERT: &str = "6434f74f-2d13-4e6a-89eb-93ee313f1a43";
const SCM: &str = "scs1554192131150";

fn all_requests() -> Vec<ApiRequest> {
    let dn = DistinguishedName::full("ca", "CN", "s", "l", "o", "ou");
    let tag = ResourceTag::new("env", "prod");
    vec![
        scm::list_certificates(&Default::default()),
        scm::import_certificate(&Default::default()),
        scm::show_certificate(SCM),
        scm::delete_certificate(SCM),
        scm::export_certificate(SCM),
        scm::push_certificate(
            SCM,
            &scm::PushCertificateBody { target_project: "p".into(), target_service: scm::PushService::Cdn },
        ),
        scm::subscribe_certificate(&Default::default()),
        scm::apply_certificate(SCM, &Default::default()),
        scm::cancel_certificate_request(SCM),
        scm::unsubscribe_certificate(SCM),
        scm::deploy_certificate(
            SCM,
            &scm::DeployCertificateBody { project_name: None, service_name: scm::PushService::Elb, resources: vec![] },
        ),
        scm::list_deployed_resources(&scm::ListDeployedResourcesBody { certificate_ids: vec![], service_names: vec![] }),
        scm::batch_push_certificate(
            SCM,
            &scm::BatchPushCertificateBody { target_projects: vec![], target_service: scm::PushService::Waf },
        ),
        scm::create_csr(&scm::CreateCsrBody {
            name: "n".into(),
            domain_name: "d".into(),
            sans: None,
            private_key_algo: scm::PrivateKeyAlgo::EcP256,
            usage: scm::CsrUsage::Personal,
            company_country: None,
            company_province: None,
            company_city: None,
            company_name: None,
        }),
        scm::upload_csr(&Default::default()),
        scm::list_csr(&Default::default()),
        scm::show_csr("c1"),
        scm::update_csr("c1", &Default::default()),
        scm::delete_csr("c1"),
        scm::show_csr_private_key("c1"),
        scm::create_certificate_tag(SCM, &scm::CreateCertificateTagBody { tag: Default::default() }),
        scm::batch_create_or_delete_tags(SCM, &scm::BatchTagsBody { action: scm::TagAction::Create, tags: vec![] }),
        scm::list_all_tags(),
        scm::list_tags_by_certificate(SCM),
        scm::list_certificates_by_tag(&Default::default()),
        scm::enable_notification(&[scm::expiry_notice(SCM)]),
        scm::disable_notification(&[scm::expiry_notice(SCM)]),
        cas::list_certificate_authority(&Default::default()),
        cas::create_certificate_authority(&cas::CreateCertificateAuthorityBody::root(
            dn.clone(),
            KeyAlgorithm::Rsa2048,
            SignatureAlgorithm::Sha256,
            Validity::years(10),
        )),
        quota::show_certificate_authority_quota(),
        cas::show_certificate_authority(CA),
        cas::delete_certificate_authority(CA, 7),
        cas::issue_certificate_authority_certificate(
            CA,
            &cas::ActivateCertificateAuthorityBody {
                issuer_id: CA.into(),
                path_length: 0,
                signature_algorithm: SignatureAlgorithm::Sha256,
                validity: Validity::years(1),
            },
        ),
        cas::export_certificate_authority_csr(CA),
        cas::disable_certificate_authority(CA),
        cas::enable_certificate_authority(CA),
        cas::export_certificate_authority_certificate(CA),
        cas::import_certificate_authority_certificate(
            CA,
            &cas::ImportCaCertificateBody { certificate: "c".into(), certificate_chain: None },
        ),
        cas::restore_certificate_authority(CA),
        cas::revoke_certificate_authority(CA, None),
        certs::list_certificate(&Default::default()),
        certs::create_certificate(&certs::CreateCertificateBody::new(
            CA,
            KeyAlgorithm::Ec256,
            SignatureAlgorithm::Sha256,
            DistinguishedName::common_name("x"),
            Validity::days(30),
        )),
        certs::create_certificate_by_csr(&certs::CreateCertificateByCsrBody {
            issuer_id: CA.into(),
            csr: "csr".into(),
            validity: Validity::days(30),
            kind: None,
            path_length: None,
            subject_alternative_names: None,
            enterprise_project_id: None,
        }),
        certs::parse_certificate_signing_request("csr"),
        quota::show_certificate_quota(),
        certs::show_certificate(CERT),
        certs::delete_certificate(CERT),
        certs::export_certificate(CERT, &certs::ExportCertificateBody::new(certs::ExportType::Pem, false)),
        certs::revoke_certificate(CERT, Some(RevocationReason::KeyCompromise)),
        crl::show_certificate_authority_obs_agency(),
        crl::create_certificate_authority_obs_agency(),
        crl::list_certificate_authority_obs_bucket(),
        crl::enable_certificate_authority_crl(
            CA,
            &crl::EnableCrlBody { crl_name: None, obs_bucket_name: "b".into(), valid_days: 7 },
        ),
        crl::disable_certificate_authority_crl(CA),
        crl::update_ocsp_switch(CA, true),
        console::show_console_config(),
        tags::list_domain_tags(tags::TagTarget::Ca),
        tags::list_tags(tags::TagTarget::Ca, CA),
        tags::create_tag(tags::TagTarget::Ca, CA, &tag),
        tags::batch_create_tags(tags::TagTarget::Ca, CA, std::slice::from_ref(&tag)),
        tags::batch_delete_tags(tags::TagTarget::Ca, CA, std::slice::from_ref(&tag)),
        tags::list_resource_instances(tags::TagTarget::Ca, &Default::default()),
        tags::count_resource_instances(tags::TagTarget::Ca, &Default::default()),
        tags::list_domain_tags(tags::TagTarget::Certificate),
        tags::list_tags(tags::TagTarget::Certificate, CERT),
        tags::create_tag(tags::TagTarget::Certificate, CERT, &tag),
        tags::batch_create_tags(tags::TagTarget::Certificate, CERT, std::slice::from_ref(&tag)),
        tags::batch_delete_tags(tags::TagTarget::Certificate, CERT, std::slice::from_ref(&tag)),
        tags::list_resource_instances(tags::TagTarget::Certificate, &Default::default()),
        tags::count_resource_instances(tags::TagTarget::Certificate, &Default::default()),
        iam::token_by_password("acme", "alice", "pw", &iam::TokenScope::Domain),
        iam::list_auth_domains(),
        iam::list_auth_projects(),
        iam::list_projects(Some("ap-southeast-3")),
    ]
}

#[test]
fn every_operation_has_one_constructor_that_matches_its_entry() {
    let reqs = all_requests();
    assert_eq!(reqs.len(), OPERATIONS.len());
    for (req, op) in reqs.iter().zip(OPERATIONS) {
        assert_eq!((req.service, req.operation.as_str()), (op.service, op.name));
        assert_eq!(req.method, op.method, "{}", op.name);
        let (routed, _) = route(Some(req.service), req.method, &req.path).unwrap();
        assert_eq!(routed.name, op.name, "{} routes elsewhere", req.path);
        let expected_kind = if op.success == 204 { ResponseKind::Empty } else { ResponseKind::Json };
        assert_eq!(req.response, expected_kind, "{}", op.name);
        // A body exactly when the SDK sends one.
        let bodiless_post = [
            (Service::Scm, "export_certificate"),
            (Service::Scm, "cancel_certificate_request"),
            (Service::Ccm, "export_certificate_authority_certificate"),
            (Service::Ccm, "disable_certificate_authority"),
            (Service::Ccm, "enable_certificate_authority"),
            (Service::Ccm, "restore_certificate_authority"),
            (Service::Ccm, "create_certificate_authority_obs_agency"),
            (Service::Ccm, "disable_certificate_authority_crl"),
        ]
        .contains(&(op.service, op.name));
        let needs_body = (req.method == Method::Post && !bodiless_post)
            || req.method == Method::Put
            || op.name.starts_with("batch_delete");
        assert_eq!(req.body.is_some(), needs_body, "{}", op.name);
    }
}

#[test]
fn operation_counts() {
    let reference = OPERATIONS.iter().filter(|o| o.source == Source::Reference).count();
    let sdk = OPERATIONS.iter().filter(|o| o.source == Source::Sdk).count();
    assert_eq!(reference, 31);
    // 22, then 21 for the SSL lifecycle (issue 15).
    assert_eq!(sdk, 43);
    assert_eq!(OPERATIONS.len(), 74);
    assert!(find(Service::Scm, "delete_certificate").is_some() && find(Service::Ccm, "delete_certificate").is_some());
    assert_eq!(find(Service::Scm, "push_certificate").unwrap().success, 204);
    assert_eq!(find(Service::Ccm, "create_certificate_authority").unwrap().success, 200);
}

#[test]
fn zip_exports_expect_bytes() {
    let req = certs::export_certificate(CERT, &certs::ExportCertificateBody::new(certs::ExportType::Apache, true));
    assert_eq!(req.response, ResponseKind::Binary);
}

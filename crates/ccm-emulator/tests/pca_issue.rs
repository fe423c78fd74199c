//! CA issuance through the API: create (root, subordinate signed at once,
//! PENDING), activate, CSR export, import of a certificate signed elsewhere,
//! certificate export, revoke; chains checked with ccm-pki and openssl.

mod pca_support;

use ccm_api::common::{
    KeyAlgorithm, KeyUsage as ApiKeyUsage, RevocationReason, SignatureAlgorithm, Validity, ValidityType,
};
use ccm_api::pca::cas::{self, ActivateCertificateAuthorityBody, ImportCaCertificateBody};
use ccm_api::Method;
use ccm_emulator::{EmulatorConfig, Quotas};
use ccm_pki::pem::{certificates_from_pem, encode_pem, LABEL_CERTIFICATE};
use ccm_pki::{
    decode_certificate, decode_csr, generate_key, issue_certificate, self_signed_certificate, verify_chain,
    BasicConstraints, DistinguishedName as PkiName, IssueRequest, KeyUsage, PrivateKey, SignatureHash, Subject,
};
use pca_support::*;

const NOW_S: i64 = NOW / 1000;
const CA_USAGES: [KeyUsage; 3] = [KeyUsage::DigitalSignature, KeyUsage::KeyCertSign, KeyUsage::CrlSign];

fn activate_body(issuer: &str, path_length: i64, validity: Validity) -> ActivateCertificateAuthorityBody {
    ActivateCertificateAuthorityBody {
        issuer_id: issuer.into(),
        path_length,
        signature_algorithm: SignatureAlgorithm::Sha512,
        validity,
    }
}

fn ders(pem: &str) -> Vec<Vec<u8>> {
    certificates_from_pem(pem).expect("PEM certificates")
}

/// An issuer made outside the emulator, as a test's own root.
fn outside_root(cn: &str) -> (PrivateKey, Vec<u8>) {
    let key = generate_key(ccm_pki::KeyAlgorithm::Ec384).unwrap();
    let req = IssueRequest {
        hash: SignatureHash::Sha384,
        ..IssueRequest::new(PkiName::new(cn), NOW_S - 3600, NOW_S + 20 * 365 * 86_400).ca(None)
    };
    let cert = self_signed_certificate(&req, &key).unwrap();
    (key, cert)
}

/// Signs a pending CA's exported CSR as a CA certificate (path length 0).
fn sign_csr(csr_pem: &str, issuer_cert: &[u8], issuer_key: &PrivateKey, ca: bool) -> String {
    let csr = decode_csr(csr_pem.as_bytes()).unwrap();
    let mut req = IssueRequest::new(Subject::Der(csr.subject_der.clone()), NOW_S, NOW_S + 5 * 365 * 86_400);
    if ca {
        req = req.ca(Some(0));
    } else {
        req.basic_constraints = Some(BasicConstraints { ca: false, path_len: None });
    }
    let der = issue_certificate(&req, &csr.public_key.spki_der, issuer_cert, issuer_key).unwrap();
    encode_pem(LABEL_CERTIFICATE, &der)
}

fn export_csr(api: &mut Api, id: &str) -> String {
    let r = api.send(cas::export_certificate_authority_csr(id));
    assert_eq!(r.status, 200, "{}", r.body_json());
    r.body_json()["csr"].as_str().unwrap().to_owned()
}

fn import(api: &mut Api, id: &str, certificate: &str, chain: Option<String>) -> ccm_emulator::EmuResponse {
    api.send(cas::import_certificate_authority_certificate(
        id,
        &ImportCaCertificateBody { certificate: certificate.into(), certificate_chain: chain },
    ))
}

#[test]
fn root_subordinate_and_activated_pending_ca_form_a_verified_hierarchy() {
    let mut api = Api::new();
    let root_id = api.create(&root("Acme Root", 10));
    let root = api.show(&root_id);
    assert_eq!(root["status"], "ACTIVED");
    assert_eq!(root["type"], "ROOT");
    assert_eq!(root["path_length"], 7);
    assert_eq!(root["gen_mode"], "GENERATE");
    assert_eq!(root["freeze_flag"], 0);
    assert_eq!(root["key_algorithm"], "EC384");
    assert_eq!(root["signature_algorithm"], "SHA384");
    assert_eq!(root["create_time"], NOW);
    assert_eq!(root["not_before"], NOW);
    // Ten calendar years: 2025-11-24T16:00Z to 2035-11-24T16:00Z.
    assert_eq!(root["not_after"], 2_079_532_800_000i64);
    assert!(root.get("issuer_id").is_none() && root.get("issuer_name").is_none());
    assert_eq!(root["crl_configuration"]["enabled"], false);
    let serial = root["serial_number"].as_str().unwrap().to_owned();
    assert!(serial.starts_with("20251124160000") && serial.len() == 24, "{serial}");

    let issuing_id = api.create(&sub("Acme Issuing", &root_id, Validity::years(5), Some(1)));
    let issuing = api.show(&issuing_id);
    assert_eq!(issuing["status"], "ACTIVED");
    assert_eq!(issuing["issuer_id"], root_id.as_str());
    assert_eq!(issuing["issuer_name"], "Acme Root");
    assert_eq!(issuing["path_length"], 1);
    assert_eq!(issuing["signature_algorithm"], "SHA256");

    let team_id = api.create(&pending("Team CA"));
    let team = api.show(&team_id);
    assert_eq!(team["status"], "PENDING");
    for absent in ["serial_number", "not_before", "not_after", "signature_algorithm", "issuer_id", "path_length"] {
        assert!(team.get(absent).is_none(), "{absent}: {team}");
    }
    // Activated a day later, for twelve 31-day months.
    api.set_now(NOW + DAY_MS);
    let r = api.send(cas::issue_certificate_authority_certificate(
        &team_id,
        &activate_body(&issuing_id, 0, Validity::new(ValidityType::Month, 12)),
    ));
    assert_eq!(r.status, 204, "{}", r.body_json());
    let team = api.show(&team_id);
    assert_eq!(team["status"], "ACTIVED");
    assert_eq!(team["issuer_id"], issuing_id.as_str());
    assert_eq!(team["path_length"], 0);
    assert_eq!(team["signature_algorithm"], "SHA512");
    assert_eq!(team["not_before"], NOW + DAY_MS);
    assert_eq!(team["not_after"], NOW + DAY_MS + 12 * 31 * DAY_MS);

    // Exports: PEM with \r\n, chains from the direct issuer to the root; a
    // root's chain is the root.
    let (root_pem, root_chain) = api.export(&root_id);
    assert!(root_pem.contains("-----BEGIN CERTIFICATE-----\r\n"));
    assert_eq!(ders(&root_chain), ders(&root_pem));
    let (issuing_pem, issuing_chain) = api.export(&issuing_id);
    assert_eq!(ders(&issuing_chain), ders(&root_pem));
    let (team_pem, team_chain) = api.export(&team_id);
    let chain = ders(&team_chain);
    assert_eq!(chain, [ders(&issuing_pem), ders(&root_pem)].concat());

    // What the certificates say.
    let r = decode_certificate(root_pem.as_bytes()).unwrap();
    assert!(r.self_issued);
    assert_eq!(r.basic_constraints, Some(BasicConstraints { ca: true, path_len: None }));
    assert_eq!(r.key_usage, CA_USAGES);
    assert_eq!(r.serial_hex, serial);
    assert_eq!(r.subject, "CN=Acme Root,OU=PKI,O=Example,L=Chengdu,ST=Sichuan,C=CN");
    let t = decode_certificate(team_pem.as_bytes()).unwrap();
    assert_eq!(t.basic_constraints, Some(BasicConstraints { ca: true, path_len: Some(0) }));
    assert_eq!(t.key_usage, CA_USAGES);
    assert_eq!(t.signature_algorithm, "SHA512withECDSA");
    assert_eq!(t.serial_hex, team["serial_number"].as_str().unwrap());
    assert_eq!(t.not_after * 1000, team["not_after"].as_i64().unwrap());
    assert!(t.crl_distribution_points.is_empty());

    // ccm-pki and openssl agree that the chain holds.
    let at = NOW_S + 2 * 86_400;
    let mut path = ders(&team_pem);
    path.extend(chain.iter().take(1).cloned());
    let verified = verify_chain(&path, &ders(&root_pem), at).unwrap();
    assert_eq!(verified.subjects.len(), 3);
    assert!(verified.anchored);
    let (ok, out) = openssl_verify(&root_pem, &team_chain, &team_pem, at * 1000);
    assert!(ok, "{out}");
    assert!(out.contains("leaf.pem: OK"), "{out}");
    let (ok, out) = openssl_verify(&root_pem, "", &issuing_pem, at * 1000);
    assert!(ok, "{out}");
    // Not once the team CA's twelve months are over.
    let (ok, _) = openssl_verify(&root_pem, &team_chain, &team_pem, NOW + 380 * DAY_MS);
    assert!(!ok);
}

#[test]
fn a_pending_ca_exports_its_csr_and_imports_the_certificate_signed_elsewhere() {
    let mut api = Api::new();
    let id = api.create(&pending("Partner CA"));
    let csr = export_csr(&mut api, &id);
    assert!(csr.starts_with("-----BEGIN CERTIFICATE REQUEST-----\r\n"), "{csr}");
    assert_eq!(export_csr(&mut api, &id), csr, "the same CSR every time");
    let info = decode_csr(csr.as_bytes()).unwrap();
    assert!(info.signature_valid);
    assert_eq!(info.subject, "CN=Partner CA,OU=PKI,O=Example,L=Chengdu,ST=Sichuan,C=CN");

    let (outside_key, outside) = outside_root("Outside Root");
    let outside_pem = encode_pem(LABEL_CERTIFICATE, &outside);
    let signed = sign_csr(&csr, &outside, &outside_key, true);

    // A certificate for another key.
    let stranger = generate_key(ccm_pki::KeyAlgorithm::Ec256).unwrap();
    let other = ccm_pki::build_csr(&PkiName::new("Partner CA"), &[], &stranger, SignatureHash::Sha256).unwrap();
    let other_pem = sign_csr(&encode_pem("CERTIFICATE REQUEST", &other), &outside, &outside_key, true);
    assert_refused(&import(&mut api, &id, &other_pem, Some(outside_pem.clone())), 403, "PCA.00030301");
    // A chain that leads elsewhere: another root under the same name.
    let (_, impostor) = outside_root("Outside Root");
    let impostor_pem = encode_pem(LABEL_CERTIFICATE, &impostor);
    assert_refused(&import(&mut api, &id, &signed, Some(impostor_pem)), 400, "PCA.00020403");
    // A chain with a gap: an unrelated root only.
    let (_, unrelated) = outside_root("Unrelated Root");
    let unrelated_pem = encode_pem(LABEL_CERTIFICATE, &unrelated);
    assert_refused(&import(&mut api, &id, &signed, Some(unrelated_pem)), 400, "PCA.00020403");
    // Not a CA certificate.
    let leaf = sign_csr(&csr, &outside, &outside_key, false);
    assert_refused(&import(&mut api, &id, &leaf, Some(outside_pem.clone())), 400, "PCA.00020402");
    // Not a certificate at all.
    let r = import(&mut api, &id, &csr, None);
    assert_eq!(r.status, 400);
    assert_eq!(api.show(&id)["status"], "PENDING");

    let r = import(&mut api, &id, &signed, Some(outside_pem.clone()));
    assert_eq!(r.status, 204, "{}", r.body_json());
    let shown = api.show(&id);
    let cert = decode_certificate(signed.as_bytes()).unwrap();
    assert_eq!(shown["status"], "ACTIVED");
    assert_eq!(shown["gen_mode"], "IMPORT");
    assert_eq!(shown["path_length"], 0);
    assert_eq!(shown["issuer_name"], "Outside Root");
    assert!(shown.get("issuer_id").is_none(), "the issuer is not one of the emulator's CAs");
    assert_eq!(
        shown["serial_number"].as_str().unwrap(),
        ccm_emulator::ids::serial_text(&ccm_emulator::ids::hex_to_bytes(&cert.serial_hex).unwrap())
    );
    assert_eq!(shown["not_after"], cert.not_after * 1000);
    assert_eq!(shown["signature_algorithm"], "SHA256");

    let (exported, chain) = api.export(&id);
    assert_eq!(ders(&exported), ders(&signed));
    assert_eq!(ders(&chain), vec![outside.clone()]);
    let (ok, out) = openssl_verify(&outside_pem, "", &exported, NOW + DAY_MS);
    assert!(ok, "{out}");

    // The CA is no longer pending.
    assert_refused(&import(&mut api, &id, &signed, Some(outside_pem)), 403, "PCA.00030201");
    assert_refused(&api.send(cas::export_certificate_authority_csr(&id)), 403, "PCA.00030201");
}

#[test]
fn an_import_without_a_chain_is_completed_from_the_emulators_own_cas() {
    let mut api = Api::new();
    let root_id = api.create(&root("Acme Root", 10));
    let id = api.create(&pending("Signed By Hand"));
    // Sign with the root's own key, as an operator with access to it would.
    let (root_pem, _) = api.export(&root_id);
    let root_der = ders(&root_pem).remove(0);
    let root_key = ccm_pki::parse_private_key(api.emu.state.ca(&root_id).unwrap().key_pem.as_bytes()).unwrap();
    let signed = sign_csr(&export_csr(&mut api, &id), &root_der, &root_key, true);
    let r = import(&mut api, &id, &signed, None);
    assert_eq!(r.status, 204, "{}", r.body_json());
    let shown = api.show(&id);
    assert_eq!(shown["issuer_id"], root_id.as_str());
    assert_eq!(shown["issuer_name"], "Acme Root");
    let (_, chain) = api.export(&id);
    assert_eq!(ders(&chain), vec![root_der]);
    // Its certificate's path length 0 holds: no CA below it.
    assert_eq!(shown["path_length"], 0);
    let r = api.send(cas::create_certificate_authority(&sub("Below Import", &id, Validity::years(1), None)));
    assert_refused(&r, 403, "PCA.00030201");
}

#[test]
fn key_usages_asked_for_at_creation_are_applied_at_activation() {
    let mut api = Api::new();
    let root_id = api.create(&root("Root", 10));
    let mut body = pending("Narrow CA");
    body.key_usages = Some(vec![ApiKeyUsage::KeyCertSign, ApiKeyUsage::CrlSign]);
    let id = api.create(&body);
    assert!(api.emu.state.pending_key_usages.contains_key(&id));
    let r =
        api.send(cas::issue_certificate_authority_certificate(&id, &activate_body(&root_id, 0, Validity::years(1))));
    assert_eq!(r.status, 204, "{}", r.body_json());
    let (pem, _) = api.export(&id);
    assert_eq!(decode_certificate(pem.as_bytes()).unwrap().key_usage, [KeyUsage::KeyCertSign, KeyUsage::CrlSign]);
    assert!(api.emu.state.pending_key_usages.is_empty());
    // A root's usages are fixed whatever is asked.
    let mut body = root("Fixed Root", 1);
    body.key_usages = Some(vec![ApiKeyUsage::KeyCertSign]);
    let fixed = api.create(&body);
    let (pem, _) = api.export(&fixed);
    assert_eq!(decode_certificate(pem.as_bytes()).unwrap().key_usage, CA_USAGES);
}

#[test]
fn rsa_keys_work_too() {
    let mut api = Api::new();
    let mut body = root("RSA Root", 5);
    body.key_algorithm = KeyAlgorithm::Rsa2048;
    body.signature_algorithm = Some(SignatureAlgorithm::Sha256);
    let root_id = api.create(&body);
    let sub_id = api.create(&sub("EC under RSA", &root_id, Validity::days(30), None));
    let (root_pem, _) = api.export(&root_id);
    let (sub_pem, chain) = api.export(&sub_id);
    assert_eq!(decode_certificate(root_pem.as_bytes()).unwrap().signature_algorithm, "SHA256withRSA");
    assert_eq!(decode_certificate(sub_pem.as_bytes()).unwrap().signature_algorithm, "SHA256withRSA");
    let (ok, out) = openssl_verify(&root_pem, &chain, &sub_pem, NOW + DAY_MS);
    assert!(ok, "{out}");
}

#[test]
fn creation_and_activation_refusals() {
    let mut api = Api::new();
    let root_id = api.create(&root("Root", 2));
    let issuing = api.create(&sub("Issuing", &root_id, Validity::years(1), Some(1)));
    let waiting = api.create(&pending("Waiting"));

    // Validity limits: 30 years for a root, 20 for a subordinate (ccm-api's rules).
    assert_refused(&api.send(cas::create_certificate_authority(&root("Too Long", 31))), 400, "PCA.00020109");
    let r = api.send(cas::create_certificate_authority(&sub("Too Long", &root_id, Validity::years(21), None)));
    assert_refused(&r, 400, "PCA.00020109");
    // ... and never past the issuer's own end.
    let r = api.send(cas::create_certificate_authority(&sub("Outlives", &root_id, Validity::years(3), None)));
    assert_refused(&r, 400, "PCA.00020109");
    assert!(r.body_json()["error_msg"].as_str().unwrap().contains("after its issuing CA"));
    let r = api.send(cas::create_certificate_authority(&sub(
        "Outlives",
        &root_id,
        Validity::new(ValidityType::Month, 24),
        None,
    )));
    assert_refused(&r, 400, "PCA.00020109");

    // Issuers: unknown, pending, disabled.
    let unknown = "55555555-5555-4555-8555-555555555555";
    assert_refused(
        &api.send(cas::create_certificate_authority(&sub("x", unknown, Validity::days(1), None))),
        404,
        "PCA.00030103",
    );
    assert_refused(
        &api.send(cas::create_certificate_authority(&sub("x", &waiting, Validity::days(1), None))),
        403,
        "PCA.00030201",
    );
    let r = api
        .send(cas::issue_certificate_authority_certificate(&waiting, &activate_body(&waiting, 0, Validity::days(1))));
    assert_refused(&r, 403, "PCA.00030201");

    // Path lengths: below path length 1 only 0; nothing below 0.
    let r = api.send(cas::create_certificate_authority(&sub("x", &issuing, Validity::days(1), Some(1))));
    assert_refused(&r, 400, "PCA.00020203");
    let leaf_ca = api.create(&sub("Last", &issuing, Validity::days(10), Some(0)));
    let r = api.send(cas::create_certificate_authority(&sub("x", &leaf_ca, Validity::days(1), None)));
    assert_refused(&r, 403, "PCA.00030201");
    assert!(r.body_json()["error_msg"].as_str().unwrap().contains("path length 0"));
    let r = api
        .send(cas::issue_certificate_authority_certificate(&waiting, &activate_body(&leaf_ca, 0, Validity::days(1))));
    assert_refused(&r, 403, "PCA.00030201");
    // Out of the documented range: the validation rules.
    let r = api.send(cas::create_certificate_authority(&sub("x", &root_id, Validity::days(1), Some(7))));
    assert_refused(&r, 400, "PCA.00020203");

    // Algorithms the emulator cannot make.
    let mut body = root("SM2", 1);
    body.key_algorithm = KeyAlgorithm::Sm2;
    assert_refused(&api.send(cas::create_certificate_authority(&body)), 400, "PCA.00020102");
    let mut body = root("SM3", 1);
    body.signature_algorithm = Some(SignatureAlgorithm::Sm3);
    assert_refused(&api.send(cas::create_certificate_authority(&body)), 400, "PCA.00020103");

    // A disabled issuer signs nothing.
    assert_eq!(api.send(cas::disable_certificate_authority(&issuing)).status, 204);
    let r = api.send(cas::create_certificate_authority(&sub("x", &issuing, Validity::days(1), Some(0))));
    assert_refused(&r, 403, "PCA.00030201");

    // Nothing refused left a CA behind.
    assert_eq!(api.emu.state.cas.len(), 4);
}

#[test]
fn status_rules_of_the_signing_operations() {
    let mut api = Api::new();
    let root_id = api.create(&root("Root", 5));
    let active = api.create(&sub("Active", &root_id, Validity::years(1), None));
    let waiting = api.create(&pending("Waiting"));
    let unknown = "55555555-5555-4555-8555-555555555555";

    let activate =
        |id: &str| cas::issue_certificate_authority_certificate(id, &activate_body(&root_id, 0, Validity::days(1)));
    assert_refused(&api.send(activate(&root_id)), 403, "PCA.00030201");
    assert_refused(&api.send(activate(&active)), 403, "PCA.00030201");
    assert_refused(&api.send(activate(unknown)), 404, "PCA.00030102");
    assert_refused(&api.send(cas::export_certificate_authority_csr(&active)), 403, "PCA.00030201");
    assert_refused(&api.send(cas::export_certificate_authority_csr(&root_id)), 403, "PCA.00030201");
    let (pem, _) = api.export(&active);
    assert_refused(&import(&mut api, &active, &pem, None), 403, "PCA.00030201");
    assert_refused(&api.send(cas::export_certificate_authority_certificate(&waiting)), 403, "PCA.00030201");
    assert_refused(&api.send(cas::revoke_certificate_authority(&root_id, None)), 403, "PCA.00030201");
    assert_refused(&api.send(cas::revoke_certificate_authority(&waiting, None)), 403, "PCA.00030201");
    // A disabled CA still exports its certificate? No: ACTIVED or EXPIRED only.
    assert_eq!(api.send(cas::disable_certificate_authority(&active)).status, 204);
    assert_refused(&api.send(cas::export_certificate_authority_certificate(&active)), 403, "PCA.00030201");
    // An expired one does.
    api.set_now(NOW + 400 * DAY_MS);
    assert_eq!(api.send(cas::enable_certificate_authority(&active)).status, 204);
    assert_eq!(api.show(&active)["status"], "EXPIRED");
    assert_eq!(api.send(cas::export_certificate_authority_certificate(&active)).status, 200);
}

#[test]
fn the_ca_quota_is_enforced() {
    let config =
        EmulatorConfig { quotas: Quotas { certificate_authorities: 2, certificates: 10 }, ..Default::default() };
    let mut api = Api::with_config(config);
    let root_id = api.create(&root("Root", 5));
    api.create(&pending("Waiting"));
    let r = api.send(cas::create_certificate_authority(&sub("Third", &root_id, Validity::years(1), None)));
    assert_refused(&r, 403, "PCA.00030001");
    assert_eq!(api.emu.state.cas.len(), 2);
}

#[test]
fn revoking_a_subordinate_disables_it_and_lists_it_with_its_issuer() {
    let mut api = Api::new();
    let root_id = api.create(&root("Root", 5));
    let a = api.create(&sub("A", &root_id, Validity::years(1), None));
    let b = api.create(&sub("B", &root_id, Validity::years(1), None));
    // The body must be a JSON object, {} when there is no reason.
    let r = api.raw(Method::Post, &format!("/v1/private-certificate-authorities/{a}/revoke"), "", Vec::new());
    assert_eq!(r.status, 400);
    let r = api.send(cas::revoke_certificate_authority(&a, None));
    assert_eq!(r.status, 204, "{}", r.body_json());
    api.set_now(NOW + 1000);
    let r = api.send(cas::revoke_certificate_authority(&b, Some(RevocationReason::KeyCompromise)));
    assert_eq!(r.status, 204, "{}", r.body_json());

    let shown = api.show(&a);
    assert_eq!(shown["status"], "DISABLED");
    assert_refused(&api.send(cas::revoke_certificate_authority(&a, None)), 403, "PCA.00030201");
    // A revoked CA issues nothing.
    let r = api.send(cas::create_certificate_authority(&sub("x", &a, Validity::days(1), None)));
    assert_refused(&r, 403, "PCA.00030201");

    let serial_a = shown["serial_number"].as_str().unwrap().to_owned();
    let serial_b = api.show(&b)["serial_number"].as_str().unwrap().to_owned();
    let root = api.emu.state.ca(&root_id).unwrap();
    let listed: Vec<(&str, &str, i64)> =
        root.revoked_serials.iter().map(|r| (r.serial.as_str(), r.reason.as_str(), r.at_ms)).collect();
    assert_eq!(
        listed,
        vec![(serial_a.as_str(), "UNSPECIFIED", NOW), (serial_b.as_str(), "KEY_COMPROMISE", NOW + 1000)]
    );
    let a_record = api.emu.state.ca(&a).unwrap();
    assert_eq!(a_record.revoked.as_ref().unwrap().reason, "UNSPECIFIED");
}

//! The error catalogue against appendix A.2, and the status rules table.

use ccm_api::catalogue::{
    ca_action_allowed, ca_action_allowed_for, cert_action_allowed, cert_action_allowed_for, code_for_field, codes,
    lookup, CaAction, Category, CertAction, EntrySource, RuleOrigin, CATALOGUE, CA_STATUS_RULES, CERT_STATUS_RULES,
};
use ccm_api::common::{CaStatus, CertificateStatus};
use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::pca::certs::PrivateCertificate;
use ccm_api::Service;
use serde_json::json;

/// The codes of appendix A.2, in its order (codes only).
const APPENDIX: &str = include_str!("data/appendix_a2_codes.txt");

#[test]
fn catalogue_holds_every_appendix_code_in_order() {
    let appendix: Vec<&str> = APPENDIX.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    assert_eq!(appendix.len(), 164);
    let reference: Vec<&str> =
        CATALOGUE.iter().filter(|e| e.source == EntrySource::Reference).map(|e| e.code).collect();
    assert_eq!(reference, appendix);
    assert_eq!(appendix.iter().filter(|c| c.starts_with("SCM.")).count(), 130);
    assert_eq!(appendix.iter().filter(|c| c.starts_with("PCA.")).count(), 34);
}

#[test]
fn live_codes_follow_the_reference_ones() {
    let live: Vec<&str> = CATALOGUE.iter().filter(|e| e.source == EntrySource::Live).map(|e| e.code).collect();
    assert_eq!(live, vec!["PCA.10010002", "PCA.10010105", "PCA.10010071", "PCA.10010072"]);
    assert_eq!(lookup(codes::PCA_LIVE_NOT_FOUND).unwrap().status, 400);
    assert_eq!(lookup(codes::PCA_LIVE_BAD_FORMAT).unwrap().category(), Category::Parameter);
    assert_eq!(CATALOGUE.len(), 168);
}

#[test]
fn statuses_follow_the_appendix_sections() {
    let status = |c: &str| lookup(c).unwrap().status;
    assert_eq!(status("SCM.0003"), 400);
    assert_eq!(status("SCM.0508"), 400);
    assert_eq!(status("SCM.0092"), 401);
    assert_eq!(status("SCM.4002"), 401);
    assert_eq!(status("SCM.0001"), 403);
    assert_eq!(status("SCM.0069"), 404);
    assert_eq!(status("SCM.4001"), 500);
    assert_eq!(status("PCA.00020404"), 400);
    assert_eq!(status("PCA.00010004"), 401);
    assert_eq!(status("PCA.00030301"), 403);
    assert_eq!(status("PCA.00030103"), 404);
    assert_eq!(status("PCA.00000005"), 500);
    // Within each family the appendix groups by status; so does the catalogue.
    for family in ["SCM.", "PCA.0"] {
        let statuses: Vec<u16> = CATALOGUE.iter().filter(|e| e.code.starts_with(family)).map(|e| e.status).collect();
        assert!(statuses.windows(2).all(|w| w[0] <= w[1]), "{family} not grouped by status");
    }
}

#[test]
fn categories() {
    let cat = |c: &str| lookup(c).unwrap().category();
    assert_eq!(cat("PCA.00030201"), Category::State);
    assert_eq!(cat("PCA.00030202"), Category::State);
    assert_eq!(cat("PCA.00030001"), Category::Quota);
    assert_eq!(cat("PCA.00010001"), Category::Auth);
    assert_eq!(cat("PCA.00030102"), Category::NotFound);
    assert_eq!(cat("SCM.0005"), Category::Parameter);
    assert_eq!(cat("SCM.0202"), Category::Permission);
    assert_eq!(cat("SCM.0100"), Category::Service);
}

#[test]
fn validation_errors_map_to_reference_codes() {
    let body = json!({"subject_alternative_names":[{"type":"DNS","value":"x"},{"type":"IP","value":"y"}]});
    let code = |op: &str, field: &str| code_for_field(Service::Ccm, op, field, &body).unwrap();
    assert_eq!(code("create_certificate_authority", "distinguished_name.country"), "PCA.00020101");
    assert_eq!(code("create_certificate_authority", "key_algorithm"), "PCA.00020102");
    assert_eq!(code("create_certificate", "signature_algorithm"), "PCA.00020103");
    assert_eq!(code("create_certificate", "validity.value"), "PCA.00020109");
    assert_eq!(code("create_certificate", "subject_alternative_names[0].value"), "PCA.00020110");
    assert_eq!(code("create_certificate", "subject_alternative_names[1].value"), "PCA.00020111");
    assert_eq!(code("create_certificate", "subject_alternative_names[1].type"), "PCA.00020112");
    assert_eq!(code("show_certificate_authority", "ca_id"), "PCA.00020201");
    assert_eq!(code("create_certificate_authority", "type"), "PCA.00020202");
    assert_eq!(code("create_certificate_by_csr", "type"), "PCA.00020001");
    assert_eq!(code("create_certificate_authority", "path_length"), "PCA.00020203");
    assert_eq!(code("create_certificate_authority", "crl_configuration.valid_days"), "PCA.00020204");
    assert_eq!(code("enable_certificate_authority_crl", "valid_days"), "PCA.00020204");
    assert_eq!(code("show_certificate", "certificate_id"), "PCA.00020301");
    assert_eq!(code("parse_certificate_signing_request", "csr"), "PCA.00020401");
    assert_eq!(code("import_certificate_authority_certificate", "certificate"), "PCA.00020402");
    assert_eq!(code("import_certificate_authority_certificate", "certificate_chain"), "PCA.00020403");
    assert_eq!(code("list_certificate_authority", "status"), "PCA.00020404");
    assert_eq!(code("export_certificate", "password"), "PCA.00020001");
    let scm = |f: &str| code_for_field(Service::Scm, "import_certificate", f, &json!({})).unwrap();
    assert_eq!(scm("certificate_id"), "SCM.0008");
    assert_eq!(scm("name"), "SCM.0032");
    assert_eq!(scm("private_key"), "SCM.0012");
    assert_eq!(scm("limit"), "SCM.0005");
    assert_eq!(code_for_field(Service::Iam, "x", "auth", &json!({})), None);
    for op in ["create_certificate", "import_certificate"] {
        for f in ["validity", "name", "x"] {
            for s in [Service::Ccm, Service::Scm] {
                assert!(lookup(code_for_field(s, op, f, &body).unwrap()).is_some());
            }
        }
    }
}

// Status rules ------------------------------------------------------------------

const CA_STATUSES: [&str; 5] = ["PENDING", "ACTIVED", "DISABLED", "DELETED", "EXPIRED"];

/// Expected matrix, one row per action, columns in `CA_STATUSES` order.
const CA_MATRIX: &[(CaAction, [bool; 5])] = &[
    //                              PENDING ACTIVED DISABLED DELETED EXPIRED
    (CaAction::Disable, [false, true, false, false, true]),
    (CaAction::Enable, [false, false, true, false, false]),
    (CaAction::Delete, [true, false, true, false, false]),
    (CaAction::Restore, [false, false, false, true, false]),
    (CaAction::ExportCsr, [true, false, false, false, false]),
    (CaAction::ExportCertificate, [false, true, false, false, true]),
    (CaAction::Activate, [true, false, false, false, false]),
    (CaAction::Issue, [false, true, false, false, false]),
    (CaAction::ImportCertificate, [true, false, false, false, false]),
    (CaAction::Revoke, [false, true, true, false, false]),
];

#[test]
fn ca_status_matrix() {
    assert_eq!(CA_MATRIX.len(), CaAction::ALL.len());
    assert_eq!(CA_STATUS_RULES.len(), CaAction::ALL.len());
    for (action, row) in CA_MATRIX {
        for (status, expected) in CA_STATUSES.iter().zip(row) {
            let r = ca_action_allowed(*action, &CaStatus::from_wire(status));
            assert_eq!(r.is_ok(), *expected, "{action:?} in {status}");
            if let Err(d) = r {
                assert_eq!(d.code, "PCA.00030201");
                assert!(d.reason.contains(CaStatus::from_wire(status).label()), "{}", d.reason);
            }
        }
        // Unknown statuses allow nothing.
        assert!(ca_action_allowed(*action, &CaStatus::Other("FROZEN".into())).is_err());
    }
    // The eight rules of the appendix are marked as such.
    let from_appendix = CA_STATUS_RULES.iter().filter(|(_, _, o)| matches!(o, RuleOrigin::Appendix(_))).count();
    assert_eq!(from_appendix, 8);
}

#[test]
fn reasons_read_well() {
    let d = ca_action_allowed(CaAction::Enable, &CaStatus::Actived).unwrap_err();
    assert_eq!(d.reason, "Only a CA that is Disabled can be enabled; this CA is Active.");
    let d = ca_action_allowed(CaAction::Disable, &CaStatus::Pending).unwrap_err();
    assert_eq!(d.reason, "Only a CA that is Active or Expired can be disabled; this CA is Pending activation.");
    let d = ca_action_allowed(CaAction::Issue, &CaStatus::Disabled).unwrap_err();
    assert_eq!(d.reason, "Only a CA that is Active can issue certificates; this CA is Disabled.");
    let d = cert_action_allowed(CertAction::Export, &CertificateStatus::Revoked).unwrap_err();
    assert_eq!(d.reason, "Only an issued certificate can be exported; this one is revoked.");
    assert_eq!(d.to_string(), d.reason);
}

#[test]
fn certificate_status_matrix() {
    assert_eq!(CERT_STATUS_RULES.len(), CertAction::ALL.len());
    let expect = [
        (CertAction::Export, [true, false, false]),
        (CertAction::Revoke, [true, false, false]),
        (CertAction::Delete, [true, true, true]),
    ];
    for (action, row) in expect {
        for (status, ok) in ["ISSUED", "REVOKED", "EXPIRED"].iter().zip(row) {
            assert_eq!(
                cert_action_allowed(action, &CertificateStatus::from_wire(status)).is_ok(),
                ok,
                "{action:?} {status}"
            );
        }
    }
}

fn ca(kind: &str, status: &str, freeze: i64) -> CertificateAuthority {
    serde_json::from_value(json!({
        "ca_id": "4c0e772e-a30c-4029-b929-b7acb04143f7", "type": kind, "status": status,
        "freeze_flag": freeze, "distinguished_name": {"common_name": "x"}
    }))
    .unwrap()
}

#[test]
fn type_and_freeze_rules() {
    assert!(ca_action_allowed_for(CaAction::Revoke, &ca("SUBORDINATE", "ACTIVED", 0)).is_ok());
    let d = ca_action_allowed_for(CaAction::Revoke, &ca("ROOT", "ACTIVED", 0)).unwrap_err();
    assert_eq!(d.reason, "Only a subordinate CA can be revoked; this is a root CA.");
    assert!(ca_action_allowed_for(CaAction::ExportCsr, &ca("ROOT", "PENDING", 0)).is_err());
    assert!(ca_action_allowed_for(CaAction::Disable, &ca("ROOT", "ACTIVED", 0)).is_ok());
    let d = ca_action_allowed_for(CaAction::Disable, &ca("ROOT", "ACTIVED", 1)).unwrap_err();
    assert_eq!(d.code, "PCA.00030202");
    let cert: PrivateCertificate = serde_json::from_value(json!({
        "certificate_id": "c", "status": "ISSUED", "freeze_flag": 2, "distinguished_name": {"common_name": "x"}
    }))
    .unwrap();
    assert_eq!(cert_action_allowed_for(CertAction::Export, &cert).unwrap_err().code, "PCA.00030202");
    assert!(cert_action_allowed_for(CertAction::Delete, &cert).is_ok());
}

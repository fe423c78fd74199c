//! Ordered SSL certificates: buy, apply, prove the domains, issue; cancel
//! an application, unsubscribe (refund) an order.
//!
//! Statuses (wire values) and what moves them:
//!
//! - buy: a new certificate per ordered one, `PAID` (no billing: the order
//!   is recorded as paid);
//! - apply (`PAID` or `UNPASSED`): everything is checked against the order,
//!   a CSR is taken (pasted, from the CSR manager, or generated here with
//!   the key kept), each name gets its validation record, → `CHECKING`;
//! - domain validation (the admin endpoint [`validate`], or automatically
//!   after [`crate::EmulatorConfig::auto_validate_after_ms`]): once every
//!   name is validated the emulated public CA signs the CSR, → `ISSUED`; a
//!   failed validation → `UNPASSED` (apply again, or unsubscribe);
//! - cancel (`CHECKING`, `CHECKING_ORG`): the application is dropped, →
//!   `PAID`;
//! - unsubscribe (`PAID`, `UNPASSED`): the certificate goes away (refunded).
//!
//! Any other move is refused with SCM.0010 and the reason from
//! [`ccm_api::scm::scm_action_allowed`].

use ccm_api::catalogue::codes;
use ccm_api::scm::{
    names_fit_order, scm_action_allowed, ApplicationInfo, ApplyCertificateBody, DomainValidationRecord,
    DomainValidationStatus, PrivateKeyAlgo, ScmAction, ScmCertType, ScmCertificate, ScmDomainType, ScmStatus,
    SubscribeCertificateBody, ValidationMethod,
};
use ccm_pki::decode::{decode_csr_verified, CertificateInfo, SubjectAltName};
use ccm_pki::pem::{encode_pem, LABEL_CERTIFICATE, LABEL_CSR};
use ccm_pki::{build_csr, DistinguishedName, SignatureHash};
use rand::Rng;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::scm::{describe, error, new_id, scm_time};
use crate::scm_csr::{generate, same_csr};
use crate::state::{Application, ScmRecord};
use crate::{Call, EmuResponse, Emulator};

pub const OPERATIONS: &[&str] =
    &["subscribe_certificate", "apply_certificate", "cancel_certificate_request", "unsubscribe_certificate"];

pub fn handle(emu: &mut Emulator, call: &Call) -> EmuResponse {
    match call.op {
        "subscribe_certificate" => subscribe(emu, call),
        "unsubscribe_certificate" => with_record(emu, call, "cert_id", unsubscribe),
        "cancel_certificate_request" => with_record(emu, call, "certificate_id", cancel),
        _ => with_record(emu, call, "certificate_id", apply),
    }
}

fn with_record(
    emu: &mut Emulator,
    call: &Call,
    param: &str,
    f: fn(&mut Emulator, usize, &Call) -> EmuResponse,
) -> EmuResponse {
    let id = call.param(param).to_owned();
    match emu.state.scm.iter().position(|r| r.info.id == id) {
        Some(i) => f(emu, i, call),
        None => error(codes::SCM_NOT_FOUND, format!("no certificate with id {id}")),
    }
}

fn status_of(info: &ScmCertificate) -> ScmStatus {
    info.status.clone().unwrap_or(ScmStatus::Other(String::new()))
}

fn allowed(action: ScmAction, info: &ScmCertificate) -> Result<(), EmuResponse> {
    scm_action_allowed(action, &status_of(info)).map_err(|d| error(d.code, d.reason))
}

fn body<T: serde::de::DeserializeOwned>(call: &Call, what: &str) -> Result<T, EmuResponse> {
    serde_json::from_value(call.body.clone().unwrap_or_default())
        .map_err(|e| error(codes::SCM_BAD_PARAMETER, format!("the body does not fit the {what} request: {e}")))
}

// ---------------------------------------------------------------------------
// Buy
// ---------------------------------------------------------------------------

/// `POST /v3/scm/certificates/buy`: one `PAID` certificate per ordered one.
fn subscribe(emu: &mut Emulator, call: &Call) -> EmuResponse {
    let b: SubscribeCertificateBody = match body(call, "purchase") {
        Ok(b) => b,
        Err(e) => return e,
    };
    // The validation rules checked each field; what is left is the product.
    if b.cert_type == ScmCertType::DvSslCertBasic && b.domain_type != ScmDomainType::SingleDomain {
        return error("SCM.0051", "a DV basic certificate covers a single domain only");
    }
    let order_id = format!("CS{}{:04}", &scm_time(call.now_ms).replace(['-', ' ', ':', '.'], "")[..14], rand::thread_rng().gen_range(0..10_000));
    let wildcards = match b.domain_type {
        ScmDomainType::Wildcard => 1,
        ScmDomainType::MultiDomain => b.wildcard_domain_number.unwrap_or(0),
        _ => 0,
    };
    let mut ids = Vec::new();
    for n in 0..b.order_number {
        let id = new_id(emu, call.now_ms);
        let info: ScmCertificate = serde_json::from_value(json!({
            "id": id, "status": "PAID", "order_id": order_id,
            "name": format!("{}-{}", b.cert_type.as_str().to_lowercase().replace('_', "-"), &id[id.len() - 6..]),
            "type": b.cert_type, "brand": b.cert_brand, "push_support": "ON",
            "validity_period": 12 * b.effective_time, "domain_type": b.domain_type,
            "domain_count": b.domain_numbers, "wildcard_count": wildcards,
            "shared": false, "enterprise_project_id": b.enterprise_project_id.clone().unwrap_or_else(|| "0".into()),
            "notification_enabled": false,
        }))
        .expect("an order record fits the wire type");
        emu.state.scm.push(ScmRecord {
            info,
            certificate_pem: String::new(),
            chain_pem: String::new(),
            key_pem: String::new(),
            pushes: Vec::new(),
            updated_at_ms: call.now_ms + n,
            tags: b.tags.clone().unwrap_or_default(),
            notices: Vec::new(),
            application: None,
        });
        ids.push(json!({ "cert_id": id }));
    }
    EmuResponse::json(200, &json!({ "order_id": order_id, "cert": ids }))
}

// ---------------------------------------------------------------------------
// Apply
// ---------------------------------------------------------------------------

/// Every name of an application: the domain, then the additional names.
pub fn application_names(b: &ApplyCertificateBody) -> Vec<String> {
    b.names()
}

/// Does `name` (a certificate name, maybe `*.x`) cover `host`?
pub fn covers(name: &str, host: &str) -> bool {
    let (name, host) = (name.to_ascii_lowercase(), host.to_ascii_lowercase());
    match name.strip_prefix("*.") {
        Some(base) => host.split_once('.').is_some_and(|(_, rest)| rest == base),
        None => name == host,
    }
}

/// The order's limits on names and the organisation of OV/EV: the same
/// functions the console checks with.
fn check_against_order(info: &ScmCertificate, b: &ApplyCertificateBody, names: &[String]) -> Result<(), EmuResponse> {
    names_fit_order(info, names).map_err(|d| error(d.code, d.reason))?;
    let missing = b.missing_organisation(info);
    if missing.is_empty() {
        Ok(())
    } else {
        Err(error(
            codes::SCM_CERTIFICATE_INFO_MISSING,
            format!("an OV or EV certificate needs the organisation: {} missing", missing.join(", ")),
        ))
    }
}

/// The CSR the certificate will be issued for, and the key if the service
/// holds it. A given CSR must be well signed and name the domain; one from
/// the CSR manager brings its kept key along.
fn take_csr(emu: &Emulator, b: &ApplyCertificateBody, names: &[String]) -> Result<(String, Option<String>), EmuResponse> {
    if let Some(pem) = b.csr.as_deref().filter(|c| !c.trim().is_empty()) {
        let info = decode_csr_verified(pem.as_bytes()).map_err(|e| error(codes::SCM_CSR_UNREADABLE, format!("csr: {e}")))?;
        let mut named: Vec<String> = info.common_name.iter().cloned().collect();
        named.extend(info.subject_alt_names.iter().filter_map(|s| match s {
            SubjectAltName::Dns(d) => Some(d.clone()),
            _ => None,
        }));
        if named.is_empty() {
            return Err(error("SCM.0033", "csr: the request names no domain in its subject or alternative names"));
        }
        if !named.iter().any(|n| n.eq_ignore_ascii_case(&names[0])) {
            return Err(error(
                codes::SCM_CSR_DOMAIN_MISMATCH,
                format!("csr: the request is for {} but the domain entered is {}", named.join(", "), names[0]),
            ));
        }
        let kept = emu.state.csrs.iter().find(|c| c.info.csr.as_deref().is_some_and(|k| same_csr(k, pem))).and_then(|c| c.key_pem.clone());
        return Ok((pem.trim().to_owned() + "\n", kept));
    }
    let algo = b.key_algorithm.clone().unwrap_or(PrivateKeyAlgo::Rsa2048);
    let key = generate(&algo).map_err(|why| error(codes::SCM_BAD_PARAMETER, format!("key_algorithm: {why}")))?;
    let sans: Vec<SubjectAltName> = names.iter().map(|n| SubjectAltName::Dns(n.clone())).collect();
    let der = build_csr(&subject(b), &sans, &key, SignatureHash::Sha256)
        .map_err(|e| error("SCM.0095", format!("the CSR could not be made: {e}")))?;
    let key_pem = key.to_pkcs8_pem().map_err(|e| error("SCM.0095", e.to_string()))?.to_string();
    Ok((encode_pem(LABEL_CSR, &der), Some(key_pem)))
}

/// The subject of the certificate: the domain, and the organisation when
/// the application names one.
fn subject(b: &ApplyCertificateBody) -> DistinguishedName {
    let text = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    DistinguishedName {
        common_name: b.domain.trim().to_owned(),
        country: text(&b.country).map(|c| c.to_ascii_uppercase()),
        state: text(&b.company_province),
        locality: text(&b.company_city),
        organization: text(&b.company_name),
        organizational_unit: text(&b.company_unit),
    }
}

fn token() -> String {
    let mut rng = rand::thread_rng();
    (0..40).map(|_| char::from_digit(rng.gen_range(0..36), 36).unwrap_or('0')).collect()
}

/// What proves `name`, by method (see [`DomainValidationRecord`]).
pub fn validation_record(method: &ValidationMethod, name: &str, at_ms: i64) -> DomainValidationRecord {
    let base = name.trim_start_matches("*.");
    let stamp = scm_time(at_ms).replace(['-', ' ', ':', '.'], "");
    let (record_name, record_type, record_value) = match method {
        ValidationMethod::File => (
            format!("http://{base}/.well-known/pki-validation/fileauth.txt"),
            "FILE".to_owned(),
            format!("{}{}", &stamp[..14], token()),
        ),
        ValidationMethod::Email => (
            ["admin", "administrator", "hostmaster", "postmaster", "webmaster"].map(|u| format!("{u}@{base}")).join(";"),
            "EMAIL".to_owned(),
            String::new(),
        ),
        _ => (format!("_dnsauth.{base}"), "TXT".to_owned(), format!("{}{}", &stamp[..14], token())),
    };
    DomainValidationRecord {
        record_name: Some(record_name),
        record_type: Some(record_type),
        record_value: Some(record_value),
        domain: Some(name.to_owned()),
        validation_status: Some(DomainValidationStatus::Pending),
    }
}

fn application_info(b: &ApplyCertificateBody) -> ApplicationInfo {
    ApplicationInfo {
        country: b.country.clone(),
        company_name: b.company_name.clone(),
        company_province: b.company_province.clone(),
        company_city: b.company_city.clone(),
        applicant_name: b.applicant_name.clone(),
        applicant_phone: b.applicant_phone.clone(),
        applicant_email: b.applicant_email.clone(),
        contact_name: b.contact_name.clone(),
        contact_phone: b.contact_phone.clone(),
        contact_email: b.contact_email.clone(),
    }
}

/// `POST …/{id}/apply`.
fn apply(emu: &mut Emulator, index: usize, call: &Call) -> EmuResponse {
    if let Err(e) = allowed(ScmAction::Apply, &emu.state.scm[index].info) {
        return e;
    }
    let b: ApplyCertificateBody = match body(call, "application") {
        Ok(b) => b,
        Err(e) => return e,
    };
    let names = application_names(&b);
    let info = &emu.state.scm[index].info;
    if let Err(e) = check_against_order(info, &b, &names) {
        return e;
    }
    if b.domain_method == Some(ValidationMethod::Email) && names.iter().any(|n| n.starts_with("*.")) {
        // Approval mail goes to the domain's admin addresses; a wildcard has
        // no mailbox of its own.
        return error("SCM.0015", "a wildcard name cannot be validated by e-mail; choose DNS");
    }
    let (csr_pem, key_pem) = match take_csr(emu, &b, &names) {
        Ok(x) => x,
        Err(e) => return e,
    };
    let method = b.domain_method.clone().map(|m| ValidationMethod::from_wire(&m.as_str().to_ascii_uppercase())).unwrap_or(ValidationMethod::Dns);
    let records: Vec<DomainValidationRecord> = names.iter().map(|n| validation_record(&method, n, call.now_ms)).collect();
    let record = &mut emu.state.scm[index];
    record.info.status = Some(ScmStatus::Checking);
    record.info.domain = Some(names[0].clone());
    record.info.sans = (names.len() > 1).then(|| names[1..].join(";"));
    record.info.validation_method = Some(method);
    record.info.application_info = Some(application_info(&b));
    record.info.authentification = Some(records);
    record.application = Some(Application { body: ApplyCertificateBody { csr: None, ..b }, csr_pem, key_pem, applied_at_ms: call.now_ms });
    record.updated_at_ms = call.now_ms;
    EmuResponse::json(200, &json!({ "request_info": "success" }))
}

// ---------------------------------------------------------------------------
// Cancel, unsubscribe
// ---------------------------------------------------------------------------

/// `POST …/{id}/cancel-cert`: the application is withdrawn; the order
/// waits for a new one.
fn cancel(emu: &mut Emulator, index: usize, call: &Call) -> EmuResponse {
    if let Err(e) = allowed(ScmAction::CancelApplication, &emu.state.scm[index].info) {
        return e;
    }
    let record = &mut emu.state.scm[index];
    record.info.status = Some(ScmStatus::Paid);
    record.info.authentification = None;
    record.info.validation_method = None;
    record.application = None;
    record.updated_at_ms = call.now_ms;
    EmuResponse::json(200, &json!({ "cert_id": record.info.id, "message": "success" }))
}

/// `DELETE …/{cert_id}/unsubscribe`: refund; the certificate goes away.
fn unsubscribe(emu: &mut Emulator, index: usize, _call: &Call) -> EmuResponse {
    if let Err(e) = allowed(ScmAction::Unsubscribe, &emu.state.scm[index].info) {
        return e;
    }
    emu.state.scm.remove(index);
    EmuResponse::json(200, &json!({ "unsubscribe_results": "success" }))
}

// ---------------------------------------------------------------------------
// Domain validation and issuance
// ---------------------------------------------------------------------------

/// What the admin endpoint takes: the certificate, optionally one of its
/// names (all when absent), and whether validation failed instead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidateRequest {
    pub certificate_id: String,
    #[serde(default)]
    pub domain: Option<String>,
    /// Fail the validation: the application is rejected (`UNPASSED`).
    #[serde(default)]
    pub fail: bool,
}

/// Why the admin endpoint refused, with its HTTP status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidateError {
    pub status: u16,
    pub message: String,
}

fn refused(status: u16, message: impl Into<String>) -> ValidateError {
    ValidateError { status, message: message.into() }
}

/// Marks names of a certificate under review validated (or failed) and
/// issues it once all are. Answers the certificate's status and its names.
pub fn validate(emu: &mut Emulator, req: &ValidateRequest, now_ms: i64) -> Result<serde_json::Value, ValidateError> {
    auto_validate(emu, now_ms);
    crate::scm::refresh(emu, now_ms);
    let index = emu
        .state
        .scm
        .iter()
        .position(|r| r.info.id == req.certificate_id)
        .ok_or_else(|| refused(404, format!("no certificate with id {}", req.certificate_id)))?;
    let record = &mut emu.state.scm[index];
    if record.info.status != Some(ScmStatus::Checking) {
        let status = status_of(&record.info);
        return Err(refused(409, format!("certificate {} is {status}; only one under review (CHECKING) has domains to validate", req.certificate_id)));
    }
    let records = record.info.authentification.get_or_insert_with(Vec::new);
    let mut hit = false;
    for r in records.iter_mut() {
        let matches = req.domain.as_deref().is_none_or(|d| r.domain.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(d)));
        if matches {
            hit = true;
            r.validation_status = Some(if req.fail { DomainValidationStatus::Failed } else { DomainValidationStatus::Validated });
        }
    }
    if !hit {
        let known: Vec<String> = records.iter().filter_map(|r| r.domain.clone()).collect();
        return Err(refused(404, format!("certificate {} does not cover {}; its names: {}", req.certificate_id, req.domain.as_deref().unwrap_or(""), known.join(", "))));
    }
    record.updated_at_ms = now_ms;
    if req.fail {
        record.info.status = Some(ScmStatus::Unpassed);
    } else if records.iter().all(DomainValidationRecord::is_validated) {
        issue(emu, index, now_ms).map_err(|e| refused(500, e))?;
    }
    Ok(report(&emu.state.scm[index].info))
}

fn report(info: &ScmCertificate) -> serde_json::Value {
    json!({
        "certificate_id": info.id,
        "status": info.status,
        "domains": info.validation_records().iter().map(|r| json!({"domain": r.domain, "validation_status": r.validation_status})).collect::<Vec<_>>(),
    })
}

/// Signs the application's CSR with the public CA: `ISSUED`.
fn issue(emu: &mut Emulator, index: usize, now_ms: i64) -> Result<(), String> {
    let ca = crate::public_ca::ensure(&mut emu.state, now_ms)?;
    let record = &mut emu.state.scm[index];
    let app = record.application.clone().ok_or("no application to issue from")?;
    let csr = decode_csr_verified(app.csr_pem.as_bytes()).map_err(|e| e.to_string())?;
    let names = application_names(&app.body);
    let der = ca.issue(&csr.public_key, subject(&app.body), &names, now_ms)?;
    let leaf = CertificateInfo::from_der(&der).map_err(|e| e.to_string())?;
    let made = describe(&record.info.id, "", &leaf);
    let info = &mut record.info;
    info.status = Some(ScmStatus::Issued);
    info.issue_time = made.issue_time;
    info.not_before = made.not_before;
    info.not_after = made.not_after;
    info.signature_algorithm = made.signature_algorithm;
    info.fingerprint = made.fingerprint;
    record.certificate_pem = encode_pem(LABEL_CERTIFICATE, &der);
    record.chain_pem = ca.chain_pem();
    record.key_pem = app.key_pem.clone().unwrap_or_default();
    record.updated_at_ms = now_ms;
    Ok(())
}

/// `--auto-validate-secs`: applications older than the delay get every
/// name validated and are issued.
pub fn auto_validate(emu: &mut Emulator, now_ms: i64) {
    let Some(delay) = emu.config.auto_validate_after_ms else { return };
    let due: Vec<String> = emu
        .state
        .scm
        .iter()
        .filter(|r| r.info.status == Some(ScmStatus::Checking))
        .filter(|r| r.application.as_ref().is_some_and(|a| a.applied_at_ms + delay <= now_ms))
        .map(|r| r.info.id.clone())
        .collect();
    for id in due {
        if let Some(i) = emu.state.scm.iter().position(|r| r.info.id == id) {
            for r in emu.state.scm[i].info.authentification.iter_mut().flatten() {
                r.validation_status = Some(DomainValidationStatus::Validated);
            }
            let _ = issue(emu, i, now_ms);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_cover_one_level() {
        assert!(covers("*.example.com", "www.example.com"));
        assert!(!covers("*.example.com", "a.b.example.com"));
        assert!(!covers("*.example.com", "example.com"));
        assert!(covers("WWW.example.com", "www.EXAMPLE.com"));
    }

    #[test]
    fn records_per_method() {
        let dns = validation_record(&ValidationMethod::Dns, "*.example.com", 1_700_000_000_000);
        assert_eq!(dns.record_name.as_deref(), Some("_dnsauth.example.com"));
        assert_eq!(dns.record_type.as_deref(), Some("TXT"));
        assert_eq!(dns.record_value.as_ref().map(String::len), Some(54));
        let file = validation_record(&ValidationMethod::File, "www.example.com", 0);
        assert!(matches!(file.step(None), ccm_api::scm::ValidationStep::File { url, .. } if url == "http://www.example.com/.well-known/pki-validation/fileauth.txt"));
        let mail = validation_record(&ValidationMethod::Email, "www.example.com", 0);
        match mail.step(None) {
            ccm_api::scm::ValidationStep::Email { addresses } => assert_eq!(addresses[0], "admin@www.example.com"),
            other => panic!("{other:?}"),
        }
    }
}

//! SCM, SSL certificates (API v3, reference chapter 4.1): list, import,
//! details, delete, export and push.
//!
//! Ids are `scs` and thirteen digits (`scs1554192131150`), as the reference
//! shows them. Times travel as `YYYY-MM-DD HH:MM:SS.0` text (UTC here; the
//! reference does not name a zone). An imported certificate is `UPLOAD`
//! ("managed"); past its `not_after` it reads `EXPIRED`, like the live list.

use ccm_api::catalogue::lookup;
use ccm_api::scm::{
    ImportCertificateBody, PushCertificateBody, ScmCertificate, ScmCertificateSummary, ScmDomainType, ScmStatus,
};
use ccm_pki::decode::{CertificateInfo, SubjectAltName};
use ccm_pki::pem::{certificates_from_pem, chain_to_pem, encode_pem, LABEL_CERTIFICATE};
use ccm_pki::verify::verify_issued_by;
use serde_json::json;

use crate::state::ScmRecord;
use crate::{Call, EmuResponse, Emulator};

/// Operations this module answers (every SCM operation of the contract).
pub const OPERATIONS: &[&str] = &[
    "list_certificates",
    "import_certificate",
    "show_certificate",
    "delete_certificate",
    "export_certificate",
    "push_certificate",
];

const DAY_MS: i64 = 86_400_000;

/// Statuses in which a review or order step is still running: such a
/// certificate cannot be deleted until that step ends.
const BUSY: &[ScmStatus] = &[
    ScmStatus::Checking,
    ScmStatus::CancelChecking,
    ScmStatus::Revoking,
    ScmStatus::CancelRevoking,
    ScmStatus::CheckingOrg,
    ScmStatus::Issuing,
    ScmStatus::SupplementChecking,
    ScmStatus::CancelSupplementing,
];

/// An SCM error; the HTTP status is the catalogue's for the code.
pub fn error(code: &str, message: impl Into<String>) -> EmuResponse {
    let status = lookup(code).map_or(400, |e| e.status);
    EmuResponse::error(status, code, message)
}

fn not_found(id: &str) -> EmuResponse {
    error(ccm_api::catalogue::codes::SCM_NOT_FOUND, format!("no certificate with id {id}"))
}

/// `2021-05-27 16:46:25.0` from Unix milliseconds (UTC).
pub fn scm_time(ms: i64) -> String {
    let d = ccm_api::sign::sdk_date(ms as f64); // YYYYMMDDTHHMMSSZ
    format!("{}-{}-{} {}:{}:{}.{}", &d[0..4], &d[4..6], &d[6..8], &d[9..11], &d[11..13], &d[13..15], ms.rem_euclid(1000) / 100)
}

/// Unix milliseconds from [`scm_time`]'s form (tenths optional).
pub fn parse_scm_time(s: &str) -> Option<i64> {
    let (main, tenths) = match s.split_once('.') {
        Some((m, f)) => (m, f.get(..1).and_then(|t| t.parse::<i64>().ok()).unwrap_or(0)),
        None => (s, 0),
    };
    let b = main.as_bytes();
    if b.len() != 19 || b[4] != b'-' || b[7] != b'-' || b[10] != b' ' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let compact = format!("{}{}{}T{}{}{}Z", &main[0..4], &main[5..7], &main[8..10], &main[11..13], &main[14..16], &main[17..19]);
    Some(ccm_api::sign::parse_sdk_date(&compact)? * 1000 + tenths * 100)
}

/// `not_after` of a record in Unix milliseconds, when it has a certificate.
pub fn not_after_ms(info: &ScmCertificate) -> Option<i64> {
    info.not_after.as_deref().and_then(parse_scm_time)
}

/// What the service derives from a certificate: names, dates, algorithm.
/// Status `UPLOAD`, no product type or brand (an imported certificate has
/// neither); a seed sets those for "purchased" ones.
pub fn describe(id: &str, name: &str, leaf: &CertificateInfo) -> ScmCertificate {
    let mut names: Vec<String> = Vec::new();
    if let Some(cn) = leaf.common_name.as_ref().filter(|c| looks_like_domain(c)) {
        names.push(cn.clone());
    }
    for san in &leaf.subject_alt_names {
        if let SubjectAltName::Dns(d) = san {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(d)) {
                names.push(d.clone());
            }
        }
    }
    let domain = names.first().cloned();
    let sans = (names.len() > 1).then(|| names[1..].join(";"));
    let wildcards = names.iter().filter(|n| n.starts_with("*.")).count() as i64;
    let domain_type = if names.len() > 1 {
        ScmDomainType::MultiDomain
    } else if wildcards > 0 {
        ScmDomainType::Wildcard
    } else {
        ScmDomainType::SingleDomain
    };
    let months = ((leaf.not_after - leaf.not_before) as f64 / (30.44 * 86_400.0)).round() as i64;
    ScmCertificate {
        id: id.to_owned(),
        status: Some(ScmStatus::Upload),
        order_id: None,
        name: Some(name.to_owned()),
        kind: None,
        brand: None,
        push_support: Some("ON".into()),
        revoke_reason: None,
        // `SHA256withRSA` → `SHA256WITHRSA`, the reference's spelling.
        signature_algorithm: Some(leaf.signature_algorithm.to_uppercase()),
        issue_time: Some(scm_time(leaf.not_before * 1000)),
        not_before: Some(scm_time(leaf.not_before * 1000)),
        not_after: Some(scm_time(leaf.not_after * 1000)),
        validity_period: Some(months.max(1)),
        validation_method: None,
        domain_type: Some(domain_type),
        multi_domain_type: None,
        domain,
        sans,
        domain_count: Some(names.len() as i64),
        wildcard_count: Some(wildcards),
        fingerprint: Some(leaf.sha256_fingerprint.replace(':', "")),
        shared: Some(false),
        application_info: None,
        description: None,
        enterprise_project_id: Some("0".into()),
        authentification: None,
        authentication: None,
        notification_enabled: None,
    }
}

fn looks_like_domain(s: &str) -> bool {
    s.contains('.') && !s.contains(' ') && s.is_ascii()
}

/// A fresh id: `scs` and the clock's thirteen digits, moved on while taken.
pub fn new_id(emu: &Emulator, now_ms: i64) -> String {
    let mut n = now_ms.max(1_000_000_000_000);
    loop {
        let id = format!("scs{n}");
        if !emu.state.scm.iter().any(|r| r.info.id == id) {
            return id;
        }
        n += 1;
    }
}

/// Brings derived statuses up to date: an issued or managed certificate
/// past its `not_after` is EXPIRED. (Automatic domain validation runs
/// before, from the dispatcher: `ssl_orders::auto_validate`.)
pub fn refresh(emu: &mut Emulator, now_ms: i64) {
    for r in &mut emu.state.scm {
        let live = matches!(r.info.status, Some(ScmStatus::Issued) | Some(ScmStatus::Upload));
        if live && not_after_ms(&r.info).is_some_and(|t| t <= now_ms) {
            r.info.status = Some(ScmStatus::Expired);
        }
    }
}

pub fn handle(emu: &mut Emulator, call: &Call) -> EmuResponse {
    refresh(emu, call.now_ms);
    match call.op {
        "list_certificates" => return list(emu, call),
        "import_certificate" => return import(emu, call),
        _ => {}
    }
    let id = call.param("certificate_id").to_owned();
    let Some(index) = emu.state.scm.iter().position(|r| r.info.id == id) else { return not_found(&id) };
    match call.op {
        "show_certificate" => show(&emu.state.scm[index]),
        "delete_certificate" => delete(emu, index),
        "export_certificate" => export(&emu.state.scm[index]),
        _ => push(emu, index, call),
    }
}

/// The list row of a record.
pub fn summary(record: &ScmRecord, domain_id: &str) -> ScmCertificateSummary {
    let i = &record.info;
    ScmCertificateSummary {
        id: i.id.clone(),
        name: i.name.clone(),
        domain: i.domain.clone(),
        sans: i.sans.clone(),
        signature_algorithm: i.signature_algorithm.clone(),
        deploy_support: Some(i.push_support.as_deref() == Some("ON")),
        kind: i.kind.clone(),
        brand: i.brand.clone(),
        expire_time: i.not_after.clone(),
        domain_type: i.domain_type.clone(),
        validity_period: i.validity_period,
        status: i.status.clone(),
        domain_count: i.domain_count,
        wildcard_count: i.wildcard_count,
        description: i.description.clone(),
        domain_id: Some(domain_id.to_owned()),
        enterprise_project_id: i.enterprise_project_id.clone(),
    }
}

/// `GET /v3/scm/certificates`. Filters: `status` (ALL is none), `content`
/// (name, domain or additional names, any case), `deploy_support=true`
/// (pushable only), `owned_by_self=true` (no certificates shared with the
/// account), `expired_days_since=N` (valid ones and those expired at most N
/// days ago, the SDK's meaning), `enterprise_project_id` (`all` is none,
/// `0` the default project). Sort by `certUpdateTime` (default),
/// `certExpiredTime` or `certStatus`, DESC by default; `offset` counts
/// records; 10 per page by default.
fn list(emu: &Emulator, call: &Call) -> EmuResponse {
    let now = call.now_ms;
    let status = call.query("status").filter(|s| !s.is_empty() && *s != "ALL");
    let content = call.query("content").map(str::to_lowercase).filter(|c| !c.is_empty());
    let deploy_only = call.query("deploy_support") == Some("true");
    let own_only = call.query("owned_by_self") == Some("true");
    let expired_days: Option<i64> = call.query("expired_days_since").and_then(|v| v.parse().ok());
    let project = call.query("enterprise_project_id").filter(|p| !p.is_empty() && *p != "all");
    let mut found: Vec<&ScmRecord> = emu
        .state
        .scm
        .iter()
        .filter(|r| status.is_none_or(|s| r.info.status.as_ref().is_some_and(|st| st.as_str() == s)))
        .filter(|r| {
            content.as_ref().is_none_or(|c| {
                [&r.info.name, &r.info.domain, &r.info.sans]
                    .iter()
                    .any(|f| f.as_ref().is_some_and(|v| v.to_lowercase().contains(c.as_str())))
            })
        })
        .filter(|r| !deploy_only || r.info.push_support.as_deref() == Some("ON"))
        .filter(|r| !own_only || r.info.shared != Some(true))
        .filter(|r| expired_days.is_none_or(|d| not_after_ms(&r.info).is_none_or(|t| t > now - d * DAY_MS)))
        .filter(|r| {
            project.is_none_or(|p| {
                let own = r.info.enterprise_project_id.as_deref().unwrap_or("0");
                own == p
            })
        })
        .collect();
    match call.query("sort_key").unwrap_or("certUpdateTime") {
        "certExpiredTime" => found.sort_by_key(|r| (not_after_ms(&r.info), r.info.id.clone())),
        "certStatus" => found.sort_by_key(|r| (r.info.status.as_ref().map(|s| s.as_str().to_owned()), r.info.id.clone())),
        _ => found.sort_by_key(|r| (r.updated_at_ms, r.info.id.clone())),
    }
    if call.query("sort_dir").unwrap_or("DESC") == "DESC" {
        found.reverse();
    }
    let total = found.len();
    let offset: usize = call.query("offset").and_then(|v| v.parse().ok()).unwrap_or(0);
    let limit: usize = call.query("limit").and_then(|v| v.parse().ok()).unwrap_or(10);
    let domain_id = &emu.config.account.domain_id;
    let page: Vec<_> = found.into_iter().skip(offset).take(limit).map(|r| summary(r, domain_id)).collect();
    EmuResponse::json(200, &json!({ "certificates": page, "total_count": total }))
}

/// `POST …/import`: the certificate must parse, be valid now and name a
/// domain; the key must be plain (no password) and belong to it; the chain
/// must lead up from it, each certificate signed by the next one.
fn import(emu: &mut Emulator, call: &Call) -> EmuResponse {
    let body: ImportCertificateBody = match serde_json::from_value(call.body.clone().unwrap_or_default()) {
        Ok(b) => b,
        Err(e) => return error("SCM.0005", format!("the body does not fit the import request: {e}")),
    };
    let mut certs = match certificates_from_pem(&body.certificate) {
        Ok(c) => c,
        Err(e) => return error("SCM.0031", format!("certificate: {e}")),
    };
    let leaf_der = certs.remove(0);
    let leaf = match CertificateInfo::from_der(&leaf_der) {
        Ok(i) => i,
        Err(e) => return error("SCM.0031", format!("certificate: {e}")),
    };
    let key = match ccm_pki::parse_private_key(body.private_key.as_bytes()) {
        Ok(k) => k,
        Err(ccm_pki::Error::EncryptedKey) => {
            return error("SCM.0012", "private_key: the key is protected by a password; upload it without one")
        }
        Err(e) => return error("SCM.0012", format!("private_key: {e}")),
    };
    if !key.matches_certificate(&leaf_der).unwrap_or(false) {
        return error("SCM.0014", "private_key: the key does not belong to the certificate");
    }
    // Certificates after the first in `certificate` count as chain.
    let mut chain = certs;
    match certificates_from_pem(&body.certificate_chain) {
        Ok(c) => chain.extend(c),
        Err(e) => return error("SCM.0013", format!("certificate_chain: {e}")),
    }
    if let Err(why) = check_chain(&leaf_der, &chain) {
        return error("SCM.0013", format!("certificate_chain: {why}"));
    }
    if leaf.not_after * 1000 <= call.now_ms {
        return error("SCM.0042", "certificate: the certificate has expired");
    }
    let id = new_id(emu, call.now_ms);
    let mut info = describe(&id, &body.name, &leaf);
    if info.domain.is_none() {
        return error("SCM.0009", "certificate: neither the subject nor the alternative names hold a domain name");
    }
    if body.duplicate_check == Some(true) {
        if let Some(twin) = emu.state.scm.iter().find(|r| r.info.fingerprint == info.fingerprint) {
            return error("SCM.0005", format!("certificate: this certificate is already managed as {}", twin.info.id));
        }
    }
    if let Some(p) = body.enterprise_project_id.filter(|p| !p.is_empty()) {
        info.enterprise_project_id = Some(p);
    }
    emu.state.scm.push(ScmRecord {
        info,
        certificate_pem: encode_pem(LABEL_CERTIFICATE, &leaf_der),
        chain_pem: chain_to_pem(&chain),
        key_pem: body.private_key.trim().to_owned() + "\n",
        pushes: Vec::new(),
        updated_at_ms: call.now_ms,
        tags: Vec::new(),
        notices: Vec::new(),
        application: None,
    });
    EmuResponse::json(200, &json!({ "certificate_id": id }))
}

/// Follows the chain up from `leaf`: each step's issuer must be in the
/// chain and have signed it; every chain certificate must be on the path.
fn check_chain(leaf: &[u8], chain: &[Vec<u8>]) -> Result<(), String> {
    let mut unused: Vec<&Vec<u8>> = chain.iter().collect();
    let mut current: &[u8] = leaf;
    let mut steps = 0;
    while !unused.is_empty() {
        let Some(pos) = unused.iter().position(|c| verify_issued_by(current, c).is_ok()) else { break };
        current = unused.remove(pos);
        steps += 1;
    }
    if steps == 0 {
        return Err("no certificate in the chain issued the certificate".into());
    }
    if let Some(stray) = unused.first() {
        let subject = CertificateInfo::from_der(stray).map(|i| i.subject).unwrap_or_else(|_| "?".into());
        return Err(format!("\"{subject}\" is not on the path from the certificate upwards"));
    }
    Ok(())
}

/// `GET …/{id}`: the record, with the notification switch.
fn show(record: &ScmRecord) -> EmuResponse {
    let mut info = record.info.clone();
    info.notification_enabled = Some(record.notices.iter().any(|n| n == ccm_api::scm::NoticeType::CertExpiration.as_str()));
    EmuResponse::json(200, &info)
}

/// `DELETE …/{id}`: 204; refused while a review of the certificate runs,
/// and while it is deployed (SCM.0105, naming the resources).
fn delete(emu: &mut Emulator, index: usize) -> EmuResponse {
    let info = &emu.state.scm[index].info;
    if let Some(status) = info.status.as_ref().filter(|s| BUSY.contains(s)) {
        return error("SCM.0010", format!("a certificate in status {status} cannot be deleted until its review ends"));
    }
    let deployed = emu.state.inventory.deployed_to(&info.id);
    if !deployed.is_empty() {
        let list: Vec<String> = deployed.iter().map(|r| format!("{} {} ({}, {})", r.service, r.name, r.id, r.project)).collect();
        return error(
            ccm_api::catalogue::codes::SCM_DEPLOYED,
            format!("the certificate is deployed to {}; deploy another certificate there first", list.join("; ")),
        );
    }
    emu.state.scm.remove(index);
    EmuResponse::no_content()
}

/// `POST …/{id}/export`: the PEM texts. A certificate not issued yet has
/// nothing to export; one whose key SCM does not hold exports without it.
fn export(record: &ScmRecord) -> EmuResponse {
    if record.certificate_pem.is_empty() {
        let status = record.info.status.as_ref().map_or("unknown", |s| s.as_str());
        return error("SCM.0010", format!("a certificate in status {status} has not been issued, so there is nothing to export"));
    }
    let mut answer = json!({
        "entire_certificate": format!("{}{}", record.certificate_pem, record.chain_pem),
        "certificate": record.certificate_pem,
        "certificate_chain": record.chain_pem,
    });
    if !record.key_pem.is_empty() {
        answer["private_key"] = json!(record.key_pem);
    }
    EmuResponse::json(200, &answer)
}

/// `POST …/{id}/push`: CDN, WAF or ELB (the validation rules refuse any
/// other service), in a region; only valid, pushable certificates. The
/// target is recorded once.
fn push(emu: &mut Emulator, index: usize, call: &Call) -> EmuResponse {
    let body: PushCertificateBody = match serde_json::from_value(call.body.clone().unwrap_or_default()) {
        Ok(b) => b,
        Err(e) => return error("SCM.0005", format!("the body does not fit the push request: {e}")),
    };
    if !looks_like_region(&body.target_project) {
        return error("SCM.0075", format!("target_project: {} is not a region id such as ap-southeast-1", body.target_project));
    }
    let record = &mut emu.state.scm[index];
    let status = record.info.status.clone().unwrap_or(ScmStatus::Other(String::new()));
    if !matches!(status, ScmStatus::Issued | ScmStatus::Upload) {
        return error("SCM.0010", format!("a certificate in status {status} cannot be pushed; only issued or managed ones can"));
    }
    if record.info.push_support.as_deref() == Some("OFF") {
        return error("SCM.0010", "this certificate type cannot be pushed to other services");
    }
    let target = (body.target_service.as_str().to_owned(), body.target_project);
    if !record.pushes.contains(&target) {
        record.pushes.push(target);
    }
    EmuResponse::no_content()
}

/// `ap-southeast-1`, `cn-north-4`, `eu-west-101`: letters, dashes, a number.
fn looks_like_region(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 3
        && parts[..parts.len() - 1].iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts[parts.len() - 1].parse::<u32>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_round_trip() {
        let ms = 1_622_134_385_000;
        assert_eq!(scm_time(ms), "2021-05-27 16:53:05.0");
        assert_eq!(parse_scm_time("2021-05-27 16:53:05.0"), Some(ms));
        assert_eq!(parse_scm_time("2021-05-27 16:53:05"), Some(ms));
        assert_eq!(parse_scm_time("2021-05-27T16:53:05"), None);
    }

    #[test]
    fn regions() {
        assert!(looks_like_region("ap-southeast-1"));
        assert!(looks_like_region("eu-west-101"));
        assert!(!looks_like_region("nowhere"));
        assert!(!looks_like_region("ap-southeast-x"));
    }
}

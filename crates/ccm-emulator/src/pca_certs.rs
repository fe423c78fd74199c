//! Private certificates (reference 4.2.2): apply with a key made here,
//! issue from a CSR (an end-entity certificate, or a subordinate CA whose
//! key stays with the requester), parse a CSR, list, details, delete and
//! revoke. Export is in [`crate::export`].
//!
//! Every certificate is real: signed by the issuing CA's key with
//! `ccm-pki`, so that openssl, keytool and the SDK's `cryptography` checks
//! see what a client of the live service would see.

use ccm_api::catalogue::{cert_action_allowed_for, CertAction};
use ccm_api::common::{
    CaStatus, CaType, CertificateStatus, DistinguishedName, ExtendedKeyUsage as ApiEku, GenMode, KeyAlgorithm,
    SignatureAlgorithm, Validity,
};
use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::pca::certs::{CreateCertificateBody, CreateCertificateByCsrBody, CsrCertType, PrivateCertificate};
use ccm_pki::decode::decode_csr;
use ccm_pki::pem::{encode_pem, LABEL_CERTIFICATE};
use ccm_pki::{
    BasicConstraints, CsrInfo, CustomExtension, ExtendedKeyUsage, IssueRequest, KeyUsage, SignatureHash, Subject,
    SubjectAltName,
};
use serde_json::{json, Value};

use crate::answer::{certificate_not_found, crlf, denied, refuse, Answer};
use crate::ca_keys::signature_hash;
use crate::pca_issue::{pki_name, Issuer};
use crate::state::{CaRecord, CertRecord, RevokedSerial};
use crate::validity::{period, Period};
use crate::{ids, pca_cas, Call, EmuResponse, Emulator};

/// Operations this module answers (export included, through [`crate::export`]).
pub const OPERATIONS: &[&str] = &[
    "list_certificate",
    "create_certificate",
    "create_certificate_by_csr",
    "parse_certificate_signing_request",
    "show_certificate",
    "delete_certificate",
    "export_certificate",
    "revoke_certificate",
];

/// ISSUED certificates past `not_after` are EXPIRED.
pub fn refresh(emu: &mut Emulator, now_ms: i64) {
    for c in &mut emu.state.certificates {
        if c.info.status == CertificateStatus::Issued && c.info.not_after.is_some_and(|t| t <= now_ms) {
            c.info.status = CertificateStatus::Expired;
        }
    }
}

pub fn handle(emu: &mut Emulator, call: &Call) -> EmuResponse {
    pca_cas::refresh(emu, call.now_ms);
    refresh(emu, call.now_ms);
    let result = match call.op {
        "list_certificate" => Ok(list(emu, call)),
        "create_certificate" => create(emu, call),
        "create_certificate_by_csr" => create_by_csr(emu, call),
        "parse_certificate_signing_request" => parse_csr(call),
        "export_certificate" => crate::export::export_certificate(emu, call),
        "show_certificate" | "delete_certificate" | "revoke_certificate" => by_id(emu, call),
        other => Err(refuse(501, "EMU.NOT_IMPLEMENTED", format!("pca_certs does not answer {other}"))),
    };
    result.unwrap_or_else(|refused| refused)
}

fn body_as<T: serde::de::DeserializeOwned>(call: &Call) -> Answer<T> {
    serde_json::from_value(call.body.clone().unwrap_or(Value::Null))
        .map_err(|e| refuse(400, "PCA.00020001", format!("the body does not fit the operation: {e}")))
}

// ---------------------------------------------------------------------------
// List, details, delete, revoke.
// ---------------------------------------------------------------------------

/// `GET /v1/private-certificates`: name (part of the common name, any
/// case) and status filters, the four sort keys, newest first and 10 per
/// page by default.
fn list(emu: &Emulator, call: &Call) -> EmuResponse {
    let name = call.query("name").map(str::to_lowercase);
    let status = call.query("status");
    let mut found: Vec<&PrivateCertificate> = emu
        .state
        .certificates
        .iter()
        .map(|c| &c.info)
        .filter(|c| name.as_ref().is_none_or(|n| c.distinguished_name.common_name.to_lowercase().contains(n)))
        .filter(|c| status.is_none_or(|s| c.status.as_str() == s))
        .collect();
    match call.query("sort_key").unwrap_or("create_time") {
        "common_name" => found.sort_by(|a, b| a.distinguished_name.common_name.cmp(&b.distinguished_name.common_name)),
        "issuer_name" => found.sort_by(|a, b| a.issuer_name.cmp(&b.issuer_name)),
        "not_after" => found.sort_by_key(|c| c.not_after),
        _ => found.sort_by_key(|c| c.create_time),
    }
    let (total, page) = call.direction_and_page(found);
    EmuResponse::json(200, &json!({ "total": total, "certificates": page }))
}

fn by_id(emu: &mut Emulator, call: &Call) -> Answer<EmuResponse> {
    let id = call.param("certificate_id").to_owned();
    let Some(record) = emu.state.certificate(&id) else { return Err(certificate_not_found(&id)) };
    let info = record.info.clone();
    match call.op {
        "show_certificate" => Ok(EmuResponse::json(200, &info)),
        "delete_certificate" => {
            cert_action_allowed_for(CertAction::Delete, &info).map_err(denied)?;
            emu.state.certificates.retain(|c| c.info.certificate_id != id);
            Ok(EmuResponse::no_content())
        }
        _ => {
            cert_action_allowed_for(CertAction::Revoke, &info).map_err(denied)?;
            // Validation has checked the reason against the documented list;
            // none given means UNSPECIFIED, the reference's default.
            let reason = call
                .body
                .as_ref()
                .and_then(|b| b.get("reason"))
                .and_then(Value::as_str)
                .unwrap_or("UNSPECIFIED")
                .to_owned();
            if let Some(cert) = emu.state.certificates.iter_mut().find(|c| c.info.certificate_id == id) {
                cert.info.status = CertificateStatus::Revoked;
            }
            // The issuer's CRL lists the serial from now on. An issuer that is
            // gone for good publishes no CRL, so there is nothing to record.
            let issuer = info.issuer_id.clone().unwrap_or_default();
            if let (Some(ca), Some(serial)) = (emu.state.ca_mut(&issuer), info.serial_number.clone()) {
                ca.revoked_serials.push(RevokedSerial { serial, at_ms: call.now_ms, reason });
            }
            Ok(EmuResponse::no_content())
        }
    }
}

fn check_quota(emu: &Emulator) -> Answer<()> {
    let quota = emu.config.quotas.certificates;
    if emu.state.certificates.len() as u64 >= quota {
        return Err(refuse(
            403,
            "PCA.00030001",
            format!("the private certificate quota ({quota}) is used up; delete certificates you no longer need"),
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Apply: the service makes the key.
// ---------------------------------------------------------------------------

fn create(emu: &mut Emulator, call: &Call) -> Answer<EmuResponse> {
    let body: CreateCertificateBody = body_as(call)?;
    let algorithm = ccm_pki::KeyAlgorithm::from_api_name(body.key_algorithm.as_str()).ok_or_else(|| {
        refuse(
            400,
            "PCA.00020102",
            format!("key_algorithm {} is not offered here: RSA2048, RSA4096, EC256 or EC384", body.key_algorithm),
        )
    })?;
    let hash = signature_hash(&body.signature_algorithm)?;
    let issuer = Issuer::load(emu, &body.issuer_id)?;
    let window = window(&body.validity, call.now_ms)?;
    issuer.check_window(window)?;
    check_quota(emu)?;

    let dn = inherit(&body.distinguished_name, &issuer.info.distinguished_name);
    let mut req = IssueRequest::new(pki_name(&dn), window.not_before, window.not_after);
    req.serial = Some(ids::new_serial(call.now_ms));
    req.hash = hash;
    req.basic_constraints = Some(BasicConstraints { ca: false, path_len: None });
    req.key_usage = match &body.key_usages {
        Some(list) => list.iter().filter_map(|k| KeyUsage::from_name(k.as_str())).collect(),
        None => DEFAULT_ENTITY_USAGES.to_vec(),
    };
    req.extended_key_usage = body.extended_key_usage.as_ref().map(extended_key_usages).unwrap_or_default();
    req.subject_alt_names = body
        .subject_alternative_names
        .iter()
        .flatten()
        .map(|s| {
            SubjectAltName::from_api(s.kind.as_str(), &s.value)
                .map_err(|e| refuse(400, "PCA.00020112", format!("subject_alternative_names: {e}")))
        })
        .collect::<Answer<_>>()?;
    if let Some(ext) = &body.customized_extension {
        match (&ext.object_identifier, &ext.value) {
            (Some(oid), Some(value)) => req.custom_extensions.push(
                CustomExtension::utf8(oid.clone(), value)
                    .map_err(|e| refuse(400, "PCA.00020001", format!("customized_extension: {e}")))?,
            ),
            (None, None) => {}
            _ => {
                return Err(refuse(
                    400,
                    "PCA.00020001",
                    "customized_extension: give both object_identifier and value, or neither",
                ))
            }
        }
    }
    req.crl_distribution_point = issuer.crl_distribution_point();

    let key = ccm_pki::generate_key(algorithm)
        .map_err(|e| refuse(500, "PCA.00000004", format!("key generation failed: {e}")))?;
    let public = key.public_key_der().map_err(|e| refuse(500, "PCA.00000004", e.to_string()))?;
    let der = issuer.sign(&req, &public)?;
    let key_pem = key.to_pkcs8_pem().map_err(|e| refuse(500, "PCA.00000004", e.to_string()))?.to_string();

    let id = ids::uuid_v4();
    let info = certificate_info(CertificateFacts {
        id: &id,
        issuer: &issuer,
        key_algorithm: body.key_algorithm.clone(),
        signature_algorithm: body.signature_algorithm.clone(),
        gen_mode: GenMode::Generate,
        serial: req.serial.as_deref().unwrap_or_default(),
        now_ms: call.now_ms,
        window,
        dn,
    });
    emu.state.certificates.push(CertRecord {
        info,
        key_pem: Some(key_pem),
        certificate_pem: encode_pem(LABEL_CERTIFICATE, &der),
        chain_pem: issuer.chain_pem,
        tags: Vec::new(),
    });
    Ok(EmuResponse::json(200, &json!({ "certificate_id": id })))
}

/// Key usages of an end-entity certificate when none are asked for: the
/// reference's default for certificates issued from a CSR, used for
/// applications too.
const DEFAULT_ENTITY_USAGES: [KeyUsage; 2] = [KeyUsage::DigitalSignature, KeyUsage::KeyAgreement];
/// The reference's default for a subordinate CA issued from a CSR.
const DEFAULT_CA_USAGES: [KeyUsage; 3] = [KeyUsage::DigitalSignature, KeyUsage::KeyCertSign, KeyUsage::CrlSign];

fn extended_key_usages(e: &ApiEku) -> Vec<ExtendedKeyUsage> {
    let on = |f: Option<bool>| f == Some(true);
    let mut out = Vec::new();
    if on(e.server_auth) {
        out.push(ExtendedKeyUsage::ServerAuth);
    }
    if on(e.client_auth) {
        out.push(ExtendedKeyUsage::ClientAuth);
    }
    if on(e.code_signing) {
        out.push(ExtendedKeyUsage::CodeSigning);
    }
    if on(e.email_protection) {
        out.push(ExtendedKeyUsage::EmailProtection);
    }
    if on(e.time_stamping) {
        out.push(ExtendedKeyUsage::TimeStamping);
    }
    if on(e.smart_card_logon) {
        // Microsoft's smart card logon (SDK only).
        out.push(ExtendedKeyUsage::Other("1.3.6.1.4.1.311.20.2.2".into()));
    }
    out
}

/// The request's name with every part it leaves out taken from the issuer.
fn inherit(asked: &DistinguishedName, issuer: &DistinguishedName) -> DistinguishedName {
    let or = |mine: &Option<String>, theirs: &Option<String>| mine.clone().or_else(|| theirs.clone());
    DistinguishedName {
        common_name: asked.common_name.clone(),
        country: or(&asked.country, &issuer.country),
        state: or(&asked.state, &issuer.state),
        locality: or(&asked.locality, &issuer.locality),
        organization: or(&asked.organization, &issuer.organization),
        organizational_unit: or(&asked.organizational_unit, &issuer.organizational_unit),
    }
}

struct CertificateFacts<'a> {
    id: &'a str,
    issuer: &'a Issuer,
    key_algorithm: KeyAlgorithm,
    signature_algorithm: SignatureAlgorithm,
    gen_mode: GenMode,
    serial: &'a [u8],
    now_ms: i64,
    window: Period,
    dn: DistinguishedName,
}

fn certificate_info(f: CertificateFacts<'_>) -> PrivateCertificate {
    PrivateCertificate {
        certificate_id: f.id.to_owned(),
        status: CertificateStatus::Issued,
        issuer_id: Some(f.issuer.info.ca_id.clone()),
        issuer_name: Some(f.issuer.name()),
        key_algorithm: Some(f.key_algorithm),
        signature_algorithm: Some(f.signature_algorithm),
        freeze_flag: Some(0),
        gen_mode: Some(f.gen_mode),
        serial_number: Some(ids::serial_text(f.serial)),
        create_time: Some(f.now_ms),
        delete_time: None,
        not_before: Some(f.window.not_before_ms()),
        not_after: Some(f.window.not_after_ms()),
        distinguished_name: f.dn,
        enc_cert_info: None,
        enterprise_project_id: None,
    }
}

// ---------------------------------------------------------------------------
// CSRs.
// ---------------------------------------------------------------------------

/// The CSR text as a client may send it: real line breaks, or the
/// reference's `\n` / `\r\n` written out as two characters each.
fn csr_text(raw: &str) -> String {
    raw.replace("\\r\\n", "\n").replace("\\n", "\n")
}

/// Reads a CSR and checks that it is signed by the key it carries.
fn read_csr(raw: &str) -> Answer<CsrInfo> {
    let info = decode_csr(csr_text(raw).as_bytes())
        .map_err(|e| refuse(400, "PCA.00020401", format!("csr: the certificate request cannot be read: {e}")))?;
    if !info.signature_valid {
        return Err(refuse(
            400,
            "PCA.00020401",
            "csr: the request's signature does not verify with the public key it carries; create it again with its own key",
        ));
    }
    Ok(info)
}

/// The subject of a CSR as the API's distinguished name (first value of
/// each attribute).
fn csr_name(info: &CsrInfo) -> DistinguishedName {
    let field = |short: &str| info.subject_fields.iter().find(|f| f.short_name == short).map(|f| f.value.clone());
    DistinguishedName {
        common_name: field("CN").unwrap_or_default(),
        country: field("C"),
        state: field("ST"),
        locality: field("L"),
        organization: field("O"),
        organizational_unit: field("OU"),
    }
}

/// `POST …/csr/parse`: what the request asks for, in the reference's shape.
fn parse_csr(call: &Call) -> Answer<EmuResponse> {
    let raw = call.body.as_ref().and_then(|b| b.get("csr")).and_then(Value::as_str).unwrap_or_default();
    let info = read_csr(raw)?;
    let public_key = encode_pem(ccm_pki::pem::LABEL_PUBLIC_KEY, &info.public_key.spki_der);
    let mut dn = serde_json::to_value(csr_name(&info)).unwrap_or(Value::Null);
    if info.common_name.is_none() {
        if let Some(o) = dn.as_object_mut() {
            o.remove("common_name");
        }
    }
    let mut answer = json!({
        "key_algorithm": info.public_key.algorithm,
        "signature_algorithm": info.signature_algorithm,
        "public_key": crlf(&public_key),
        "distinguished_name": dn,
    });
    // An integer, as the reference's example and the SDK's model have it.
    if let Some(bits) = info.public_key.bits {
        answer["key_algorithm_length"] = json!(bits);
    }
    Ok(EmuResponse::json(200, &answer))
}

/// `POST …/csr`: an end-entity certificate or (`INTERMEDIATE_CA`) a
/// subordinate CA for the CSR's key. The service keeps no key for either.
fn create_by_csr(emu: &mut Emulator, call: &Call) -> Answer<EmuResponse> {
    let body: CreateCertificateByCsrBody = body_as(call)?;
    let csr = read_csr(&body.csr)?;
    let Some(key_algorithm) = csr.public_key.key_algorithm else {
        return Err(refuse(
            400,
            "PCA.00020401",
            format!(
                "csr: its key ({}) is not one the service signs: RSA 2048 or 4096 bits, EC P-256 or P-384",
                csr.public_key.description()
            ),
        ));
    };
    let dn = csr_name(&csr);
    if dn.common_name.is_empty() {
        return Err(refuse(400, "PCA.00020401", "csr: the request's subject has no common name (CN)"));
    }
    let issuer = Issuer::load(emu, &body.issuer_id)?;
    let window = window(&body.validity, call.now_ms)?;
    issuer.check_window(window)?;
    let as_ca = body.kind.as_ref() == Some(&CsrCertType::IntermediateCa);
    // A subordinate CA's path length is 0 unless asked (reference 4.2.2.3).
    let path_length = if as_ca { Some(issuer.check_path_length(body.path_length.unwrap_or(0))?) } else { None };
    if !as_ca {
        // A subordinate CA from a CSR uses no quota (reference 4.2.2.3).
        check_quota(emu)?;
    }

    // The subject is kept exactly as the CSR encodes it. The request's own
    // subject_alternative_names are reserved and ignored (reference): the
    // names come from the CSR, and so do its key usages when it asks for
    // any. The hash is the reference's default for this call, SHA-384.
    let mut req = IssueRequest::new(Subject::Der(csr.subject_der.clone()), window.not_before, window.not_after);
    req.serial = Some(ids::new_serial(call.now_ms));
    req.hash = SignatureHash::Sha384;
    req.basic_constraints = Some(BasicConstraints { ca: as_ca, path_len: path_length });
    req.key_usage = match (csr.key_usage.is_empty(), as_ca) {
        (false, _) => csr.key_usage.clone(),
        (true, true) => DEFAULT_CA_USAGES.to_vec(),
        (true, false) => DEFAULT_ENTITY_USAGES.to_vec(),
    };
    req.extended_key_usage = csr.extended_key_usage.clone();
    req.subject_alt_names =
        csr.subject_alt_names.iter().filter(|s| !matches!(s, SubjectAltName::Other(_))).cloned().collect();
    req.crl_distribution_point = issuer.crl_distribution_point();
    let der = issuer.sign(&req, &csr.public_key.spki_der)?;

    let id = ids::uuid_v4();
    let serial = req.serial.as_deref().unwrap_or_default();
    let key_algorithm = KeyAlgorithm::from_wire(key_algorithm.api_name());
    let certificate_pem = encode_pem(LABEL_CERTIFICATE, &der);
    if let Some(path_length) = path_length {
        emu.state.cas.push(CaRecord {
            info: CertificateAuthority {
                ca_id: id.clone(),
                kind: CaType::Subordinate,
                status: CaStatus::Actived,
                path_length: Some(i64::from(path_length)),
                issuer_id: Some(issuer.info.ca_id.clone()),
                issuer_name: Some(issuer.name()),
                key_algorithm: Some(key_algorithm),
                signature_algorithm: Some(SignatureAlgorithm::Sha384),
                freeze_flag: Some(0),
                gen_mode: Some(GenMode::Csr),
                serial_number: Some(ids::serial_text(serial)),
                create_time: Some(call.now_ms),
                delete_time: None,
                not_before: Some(window.not_before_ms()),
                not_after: Some(window.not_after_ms()),
                distinguished_name: dn,
                crl_configuration: None,
                enterprise_project_id: None,
                free_quota: None,
                charging_mode: None,
                cluster_id: None,
                domain_id: None,
            },
            // Empty: the key is the requester's.
            key_pem: String::new(),
            certificate_pem: Some(certificate_pem),
            chain_pem: issuer.chain_pem,
            revoked: None,
            tags: Vec::new(),
            revoked_serials: Vec::new(),
        });
    } else {
        let info = certificate_info(CertificateFacts {
            id: &id,
            issuer: &issuer,
            key_algorithm,
            signature_algorithm: SignatureAlgorithm::Sha384,
            gen_mode: GenMode::Csr,
            serial,
            now_ms: call.now_ms,
            window,
            dn,
        });
        emu.state.certificates.push(CertRecord {
            info,
            key_pem: None,
            certificate_pem,
            chain_pem: issuer.chain_pem,
            tags: Vec::new(),
        });
    }
    // For a subordinate CA the id is its ca_id (reference 4.2.2.3).
    Ok(EmuResponse::json(200, &json!({ "certificate_id": id })))
}

/// The validity's start and end; a unit or value that makes no period is
/// the validity's error.
fn window(v: &Validity, now_ms: i64) -> Answer<Period> {
    period(v, now_ms).map_err(|m| refuse(400, "PCA.00020109", format!("validity: {m}")))
}

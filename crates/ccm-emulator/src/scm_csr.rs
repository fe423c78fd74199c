//! The SCM CSR manager: create (the service makes and keeps the key),
//! upload (with or without the key), list, show, rename, delete, and fetch
//! a kept key.
//!
//! SM2 is refused: the emulator's crates (RustCrypto's RSA and NIST
//! curves) have no SM2, so it cannot make such a key. The refusal names the
//! algorithms it can make.

use ccm_api::catalogue::codes;
use ccm_api::scm::{CreateCsrBody, CsrInfo, CsrUsage, PrivateKeyAlgo, UpdateCsrBody, UploadCsrBody};
use ccm_api::validate::split_names;
use ccm_pki::decode::{decode_csr_verified, PublicKeyInfo, SubjectAltName};
use ccm_pki::pem::{encode_pem, LABEL_CSR};
use ccm_pki::{build_csr, generate_key, generate_rsa_key, DistinguishedName, KeyAlgorithm, PrivateKey, SignatureHash};
use serde_json::json;

use crate::scm::error;
use crate::state::CsrRecord;
use crate::{Call, EmuResponse, Emulator};

pub const OPERATIONS: &[&str] =
    &["create_csr", "upload_csr", "list_csr", "show_csr", "update_csr", "delete_csr", "show_csr_private_key"];

/// A new key of a CSR-manager algorithm; `Err` says why not (SM2).
pub fn generate(algo: &PrivateKeyAlgo) -> Result<PrivateKey, String> {
    let made = match algo {
        PrivateKeyAlgo::Rsa2048 => generate_key(KeyAlgorithm::Rsa2048),
        PrivateKeyAlgo::Rsa3072 => generate_rsa_key(3072),
        PrivateKeyAlgo::Rsa4096 => generate_key(KeyAlgorithm::Rsa4096),
        PrivateKeyAlgo::EcP256 => generate_key(KeyAlgorithm::Ec256),
        PrivateKeyAlgo::EcP384 => generate_key(KeyAlgorithm::Ec384),
        PrivateKeyAlgo::Sm2 | PrivateKeyAlgo::Other(_) => {
            return Err(format!(
                "{} keys cannot be made by this emulator (it has no SM2 implementation); choose RSA_2048, RSA_3072, RSA_4096, EC_P256 or EC_P384",
                algo.as_str()
            ))
        }
    };
    made.map_err(|e| e.to_string())
}

/// The CSR-manager name of a public key's algorithm, when it has one.
pub fn algo_of(key: &PublicKeyInfo) -> Option<PrivateKeyAlgo> {
    Some(match (key.algorithm.as_str(), key.bits, key.curve.as_deref()) {
        ("RSA", Some(2048), _) => PrivateKeyAlgo::Rsa2048,
        ("RSA", Some(3072), _) => PrivateKeyAlgo::Rsa3072,
        ("RSA", Some(4096), _) => PrivateKeyAlgo::Rsa4096,
        ("EC", _, Some("P-256")) => PrivateKeyAlgo::EcP256,
        ("EC", _, Some("P-384")) => PrivateKeyAlgo::EcP384,
        _ => return None,
    })
}

/// Two PEM texts of one CSR (line ends and surrounding space ignored).
pub fn same_csr(a: &str, b: &str) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    squash(a) == squash(b)
}

fn new_id(emu: &Emulator, now_ms: i64) -> String {
    let mut n = now_ms.max(1);
    loop {
        let id = format!("csr{n}");
        if !emu.state.csrs.iter().any(|c| c.info.id == id) {
            return id;
        }
        n += 1;
    }
}

fn not_found(id: &str) -> EmuResponse {
    error(codes::SCM_NOT_FOUND, format!("no CSR with id {id}"))
}

pub fn handle(emu: &mut Emulator, call: &Call) -> EmuResponse {
    match call.op {
        "create_csr" => return create(emu, call),
        "upload_csr" => return upload(emu, call),
        "list_csr" => return list(emu, call),
        _ => {}
    }
    let id = call.param("id").to_owned();
    let Some(index) = emu.state.csrs.iter().position(|c| c.info.id == id) else { return not_found(&id) };
    match call.op {
        "show_csr" => EmuResponse::json(200, &emu.state.csrs[index].info),
        "update_csr" => {
            let body: UpdateCsrBody = match serde_json::from_value(call.body.clone().unwrap_or_default()) {
                Ok(b) => b,
                Err(e) => return error(codes::SCM_BAD_PARAMETER, format!("the body does not fit the update request: {e}")),
            };
            let info = &mut emu.state.csrs[index].info;
            info.name = Some(body.name);
            info.update_time = Some(call.now_ms);
            EmuResponse::json(200, &*info)
        }
        "delete_csr" => {
            emu.state.csrs.remove(index);
            EmuResponse::no_content()
        }
        _ => match &emu.state.csrs[index].key_pem {
            Some(key) => EmuResponse::json(200, &json!({ "private_key": key })),
            None => error(codes::SCM_NO_PRIVATE_KEY, format!("the service holds no private key for CSR {id}: it was uploaded without one")),
        },
    }
}

/// `POST /v3/scm/csr`: 201 with the CSR's details (without the PEM).
fn create(emu: &mut Emulator, call: &Call) -> EmuResponse {
    let b: CreateCsrBody = match serde_json::from_value(call.body.clone().unwrap_or_default()) {
        Ok(b) => b,
        Err(e) => return error(codes::SCM_BAD_PARAMETER, format!("the body does not fit the CSR request: {e}")),
    };
    let key = match generate(&b.private_key_algo) {
        Ok(k) => k,
        Err(why) => return error(codes::SCM_BAD_PARAMETER, format!("private_key_algo: {why}")),
    };
    let enterprise = b.usage == CsrUsage::Enterprise;
    let text = |v: &Option<String>| v.clone().filter(|s| enterprise && !s.trim().is_empty());
    let subject = DistinguishedName {
        common_name: b.domain_name.clone(),
        country: text(&b.company_country).map(|c| c.to_ascii_uppercase()),
        state: text(&b.company_province),
        locality: text(&b.company_city),
        organization: text(&b.company_name),
        organizational_unit: None,
    };
    let mut names = vec![b.domain_name.clone()];
    for n in split_names(b.sans.as_deref().unwrap_or(""), true) {
        if !names.iter().any(|x| x.eq_ignore_ascii_case(n)) {
            names.push(n.to_owned());
        }
    }
    let sans: Vec<SubjectAltName> = names.iter().map(|n| SubjectAltName::Dns(n.clone())).collect();
    let der = match build_csr(&subject, &sans, &key, SignatureHash::Sha256) {
        Ok(d) => d,
        Err(e) => return error("SCM.0095", format!("the CSR could not be made: {e}")),
    };
    let key_pem = match key.to_pkcs8_pem() {
        Ok(k) => k.to_string(),
        Err(e) => return error("SCM.0095", e.to_string()),
    };
    let id = new_id(emu, call.now_ms);
    let info = CsrInfo {
        id,
        name: Some(b.name),
        csr: Some(encode_pem(LABEL_CSR, &der)),
        domain_name: Some(b.domain_name),
        sans: (names.len() > 1).then(|| names[1..].join(";")),
        private_key_algo: Some(b.private_key_algo),
        usage: Some(b.usage),
        company_country: b.company_country,
        company_province: b.company_province,
        company_city: b.company_city,
        company_name: b.company_name,
        create_time: Some(call.now_ms),
        update_time: Some(call.now_ms),
    };
    let answer = CsrInfo { csr: None, ..info.clone() };
    emu.state.csrs.push(CsrRecord { info, key_pem: Some(key_pem) });
    EmuResponse::json(201, &answer)
}

/// `POST /v3/scm/csr/upload`: a CSR made elsewhere; its key, if given,
/// must be the CSR's.
fn upload(emu: &mut Emulator, call: &Call) -> EmuResponse {
    let b: UploadCsrBody = match serde_json::from_value(call.body.clone().unwrap_or_default()) {
        Ok(b) => b,
        Err(e) => return error(codes::SCM_BAD_PARAMETER, format!("the body does not fit the upload request: {e}")),
    };
    let csr = match decode_csr_verified(b.csr.as_bytes()) {
        Ok(c) => c,
        Err(e) => return error(codes::SCM_CSR_UNREADABLE, format!("csr: {e}")),
    };
    let key_pem = match b.private_key.as_deref().filter(|k| !k.trim().is_empty()) {
        None => None,
        Some(pem) => {
            let key = match ccm_pki::parse_private_key(pem.as_bytes()) {
                Ok(k) => k,
                Err(e) => return error("SCM.0012", format!("private_key: {e}")),
            };
            if !key.matches_public_key_der(&csr.public_key.spki_der) {
                return error("SCM.0014", "private_key: the key does not belong to the CSR");
            }
            Some(key.to_pkcs8_pem().map(|k| k.to_string()).unwrap_or_else(|_| pem.to_owned()))
        }
    };
    let dns: Vec<String> = csr
        .subject_alt_names
        .iter()
        .filter_map(|s| match s {
            SubjectAltName::Dns(d) => Some(d.clone()),
            _ => None,
        })
        .collect();
    let domain = csr.common_name.clone().or_else(|| dns.first().cloned());
    let sans: Vec<&String> = dns.iter().filter(|d| Some(*d) != domain.as_ref()).collect();
    let field = |short: &str| {
        csr.subject_fields.iter().find(|f| f.short_name == short).map(|f| f.value.clone())
    };
    let id = new_id(emu, call.now_ms);
    let info = CsrInfo {
        id: id.clone(),
        name: Some(b.name.clone()),
        csr: Some(b.csr.trim().to_owned() + "\n"),
        domain_name: domain,
        sans: (!sans.is_empty()).then(|| sans.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(";")),
        private_key_algo: algo_of(&csr.public_key),
        usage: Some(if field("O").is_some() { CsrUsage::Enterprise } else { CsrUsage::Personal }),
        company_country: field("C"),
        company_province: field("ST"),
        company_city: field("L"),
        company_name: field("O"),
        create_time: Some(call.now_ms),
        update_time: Some(call.now_ms),
    };
    emu.state.csrs.push(CsrRecord { info, key_pem });
    EmuResponse::json(200, &json!({ "id": id, "name": b.name, "create_time": call.now_ms }))
}

/// `GET /v3/scm/csr`: newest first; `name` is a part of the name (any
/// case), `private_key_algo` exact; 10 per page by default.
fn list(emu: &Emulator, call: &Call) -> EmuResponse {
    let name = call.query("name").map(str::to_lowercase);
    let algo = call.query("private_key_algo");
    let found: Vec<&CsrInfo> = emu
        .state
        .csrs
        .iter()
        .rev()
        .map(|c| &c.info)
        .filter(|c| name.as_ref().is_none_or(|n| c.name.as_deref().is_some_and(|x| x.to_lowercase().contains(n.as_str()))))
        .filter(|c| algo.is_none_or(|a| c.private_key_algo.as_ref().is_some_and(|x| x.as_str() == a)))
        .collect();
    let offset: usize = call.query("offset").and_then(|v| v.parse().ok()).unwrap_or(0);
    let limit: usize = call.query("limit").and_then(|v| v.parse().ok()).unwrap_or(10);
    let total = found.len();
    let page: Vec<&CsrInfo> = found.into_iter().skip(offset).take(limit).collect();
    EmuResponse::json(200, &json!({ "csr_list": page, "total": total }))
}

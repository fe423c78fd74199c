//! Private CAs: the operations that sign or take in a CA certificate.
//! Create (root, subordinate signed at once, or PENDING), activate a
//! PENDING subordinate, export its CSR, import a certificate signed
//! elsewhere, export the CA certificate and chain, revoke a subordinate.
//!
//! Every CA certificate is real (ccm-pki), so that openssl and the SDK's
//! `cryptography` checks see what a client of the live service would see.
//! [`Issuer`] is the signing side, shared with whatever else a CA signs.

use ccm_api::catalogue::{ca_action_allowed_for, codes, CaAction};
use ccm_api::common::{
    CaStatus, CaType, CrlConfiguration, DistinguishedName, GenMode, KeyAlgorithm, KeyUsage as ApiKeyUsage,
    SignatureAlgorithm, Validity,
};
use ccm_api::pca::cas::{
    ActivateCertificateAuthorityBody, CertificateAuthority, CreateCertificateAuthorityBody, ImportCaCertificateBody,
    RevokeBody,
};
use ccm_pki::pem::{certificates_from_pem, encode_pem, LABEL_CERTIFICATE, LABEL_CSR};
use ccm_pki::{
    build_csr, generate_key, self_signed_certificate, verify_chain, verify_issued_by, BasicConstraints,
    CertificateInfo, IssueRequest, KeyUsage, PrivateKey, SignatureHash, ValidityStatus,
};
use serde_json::json;

use crate::answer::{crlf, denied, refuse, Answer};
use crate::ca_keys::{ca_certificate_der, ca_private_key, signature_hash};
use crate::state::{CaRecord, Revocation, RevokedSerial};
use crate::validity::{period, utc_text, Period};
use crate::{crl, ids, pca_cas, Call, EmuResponse, Emulator};

/// Operations this module answers.
pub const OPERATIONS: &[&str] = &[
    "create_certificate_authority",
    "issue_certificate_authority_certificate",
    "export_certificate_authority_csr",
    "import_certificate_authority_certificate",
    "export_certificate_authority_certificate",
    "revoke_certificate_authority",
];

/// The stored path length of a CA whose certificate sets no limit (a root,
/// or an imported CA without pathLenConstraint): the reference says the
/// service keeps 7 for "unlimited".
pub const UNLIMITED_PATH_LENGTH: i64 = 7;

/// Key usages of every root CA, and of a subordinate CA unless asked
/// otherwise (reference 4.2.1.2).
const CA_USAGES: [KeyUsage; 3] = [KeyUsage::DigitalSignature, KeyUsage::KeyCertSign, KeyUsage::CrlSign];

pub fn handle(emu: &mut Emulator, call: &Call, host: &str) -> EmuResponse {
    pca_cas::refresh(emu, call.now_ms);
    let result = match call.op {
        "create_certificate_authority" => create(emu, call, host),
        "issue_certificate_authority_certificate" => activate(emu, call),
        "export_certificate_authority_csr" => export_csr(emu, call),
        "import_certificate_authority_certificate" => import(emu, call),
        "export_certificate_authority_certificate" => export_certificate(emu, call),
        "revoke_certificate_authority" => revoke(emu, call),
        other => Err(refuse(501, "EMU.NOT_IMPLEMENTED", format!("pca_issue does not answer {other}"))),
    };
    result.unwrap_or_else(|refused| refused)
}

/// The body as the operation's type. Validation has run, so a failure here
/// is a shape the rules do not describe.
fn body_as<T: serde::de::DeserializeOwned>(call: &Call) -> Answer<T> {
    let body = call.body.clone().unwrap_or_else(|| json!({}));
    serde_json::from_value(body).map_err(|e| refuse(400, codes::PCA_BAD_PARAMETER, format!("body: {e}")))
}

/// The CA named by the path, with a copy of its details.
fn ca_of(emu: &Emulator, call: &Call) -> Answer<(String, CertificateAuthority)> {
    let id = call.param("ca_id").to_owned();
    let info = emu.state.ca(&id).map(|r| r.info.clone()).ok_or_else(|| pca_cas::not_found(&id))?;
    Ok((id, info))
}

// ---------------------------------------------------------------------------
// Conversions between the API's names and ccm-pki's.
// ---------------------------------------------------------------------------

fn key_algorithm(k: &KeyAlgorithm) -> Answer<ccm_pki::KeyAlgorithm> {
    ccm_pki::KeyAlgorithm::from_api_name(k.as_str()).ok_or_else(|| {
        refuse(400, "PCA.00020102", format!("key_algorithm {k} is not offered here: RSA2048, RSA4096, EC256 or EC384"))
    })
}

pub fn pki_name(dn: &DistinguishedName) -> ccm_pki::DistinguishedName {
    ccm_pki::DistinguishedName {
        common_name: dn.common_name.clone(),
        country: dn.country.clone(),
        state: dn.state.clone(),
        locality: dn.locality.clone(),
        organization: dn.organization.clone(),
        organizational_unit: dn.organizational_unit.clone(),
    }
}

fn pki_usages(list: &[ApiKeyUsage]) -> Vec<KeyUsage> {
    list.iter().filter_map(|k| KeyUsage::from_name(k.as_str())).collect()
}

/// `SHA256withRSA`, `SHA384withECDSA`, ... → the API's hash name.
fn signature_algorithm_of(name: &str) -> SignatureAlgorithm {
    ["SHA256", "SHA384", "SHA512"]
        .into_iter()
        .find(|h| name.starts_with(h))
        .map(SignatureAlgorithm::from_wire)
        .unwrap_or_else(|| SignatureAlgorithm::Other(name.to_owned()))
}

// ---------------------------------------------------------------------------
// The issuing CA.
// ---------------------------------------------------------------------------

/// An ACTIVED CA that holds its key, ready to sign a subordinate CA or a
/// certificate.
pub struct Issuer {
    pub info: CertificateAuthority,
    pub certificate_der: Vec<u8>,
    pub key: PrivateKey,
    /// The issuer's certificate, then its own chain up to the root: the
    /// chain of whatever it issues.
    pub chain_pem: Vec<String>,
}

impl Issuer {
    /// The CA `id` as an issuer: it must exist (404 PCA.00030103), be
    /// allowed to issue (ACTIVED, not frozen) and hold its key.
    pub fn load(emu: &Emulator, id: &str) -> Answer<Issuer> {
        let Some(record) = emu.state.ca(id) else {
            return Err(refuse(404, codes::PCA_ISSUER_NOT_FOUND, format!("no issuing CA with id {id}")));
        };
        ca_action_allowed_for(CaAction::Issue, &record.info).map_err(denied)?;
        let key = ca_private_key(record)?;
        let certificate_der = ca_certificate_der(record)?;
        let mut chain_pem = vec![encode_pem(LABEL_CERTIFICATE, &certificate_der)];
        chain_pem.extend(record.chain_pem.iter().cloned());
        Ok(Issuer { info: record.info.clone(), certificate_der, key, chain_pem })
    }

    pub fn name(&self) -> String {
        self.info.distinguished_name.common_name.clone()
    }

    /// The CRL URL to put in what it issues, while its CRL is published.
    pub fn crl_distribution_point(&self) -> Option<String> {
        crl::distribution_point(&self.info)
    }

    /// What it signs must lie within its own validity.
    pub fn check_window(&self, p: Period) -> Answer<()> {
        if let Some(until) = self.info.not_after.map(|t| t.div_euclid(1000)).filter(|u| p.not_after > *u) {
            return Err(refuse(
                400,
                "PCA.00020109",
                format!(
                    "validity: it would end {}, after its issuing CA '{}' ends ({}); choose a shorter validity",
                    utc_text(p.not_after),
                    self.name(),
                    utc_text(until)
                ),
            ));
        }
        if let Some(from) = self.info.not_before.map(|t| t.div_euclid(1000)).filter(|f| p.not_before < *f) {
            return Err(refuse(
                400,
                "PCA.00020109",
                format!(
                    "validity.start_from: it would start {}, before its issuing CA '{}' starts ({})",
                    utc_text(p.not_before),
                    self.name(),
                    utc_text(from)
                ),
            ));
        }
        Ok(())
    }

    /// The path length of a subordinate CA it signs: below a root anything
    /// from 0 to 6 (a root's 7 means "no limit"); below a subordinate
    /// strictly shorter than its own, and nothing at all below path length 0.
    pub fn check_path_length(&self, asked: i64) -> Answer<u8> {
        let limit = match (&self.info.kind, self.info.path_length) {
            (CaType::Root, _) | (_, None) => None,
            (_, Some(p)) if p >= UNLIMITED_PATH_LENGTH => None,
            (_, Some(p)) => Some(p),
        };
        match limit {
            Some(0) => Err(refuse(
                403,
                codes::PCA_STATUS_NOT_ALLOWED,
                format!(
                    "the issuing CA '{}' has path length 0: it may issue certificates but no subordinate CA",
                    self.name()
                ),
            )),
            Some(p) if asked >= p => Err(refuse(
                400,
                "PCA.00020203",
                format!("path_length {asked} is too long below '{}' (path length {p}): at most {}", self.name(), p - 1),
            )),
            _ => u8::try_from(asked)
                .ok()
                .filter(|n| *n <= 6)
                .ok_or_else(|| refuse(400, "PCA.00020203", "path_length: 0 to 6")),
        }
    }

    /// Signs `req` for the public key `subject_public_key_der`.
    pub fn sign(&self, req: &IssueRequest, subject_public_key_der: &[u8]) -> Answer<Vec<u8>> {
        ccm_pki::issue_certificate(req, subject_public_key_der, &self.certificate_der, &self.key).map_err(|e| match e {
            ccm_pki::Error::Invalid(why) => {
                refuse(400, codes::PCA_BAD_PARAMETER, format!("the certificate cannot be issued: {why}"))
            }
            other => refuse(500, "PCA.00000003", format!("signing failed: {other}")),
        })
    }
}

// ---------------------------------------------------------------------------
// Signing a CA certificate.
// ---------------------------------------------------------------------------

/// Everything decided before a CA certificate is signed.
struct Signing {
    /// `None` for a root (self-signed).
    issuer: Option<Issuer>,
    period: Period,
    hash: SignatureHash,
    signature_algorithm: SignatureAlgorithm,
    /// `None`: no limit (a root).
    path_length: Option<u8>,
    key_usage: Vec<KeyUsage>,
}

fn plan_root(
    signature_algorithm: Option<&SignatureAlgorithm>,
    validity: Option<&Validity>,
    now_ms: i64,
) -> Answer<Signing> {
    // The validation rules require both for a root; this is their shape only.
    let (Some(alg), Some(validity)) = (signature_algorithm, validity) else {
        return Err(refuse(400, codes::PCA_BAD_PARAMETER, "a root CA needs signature_algorithm and validity"));
    };
    Ok(Signing {
        issuer: None,
        period: period(validity, now_ms).map_err(|m| refuse(400, "PCA.00020109", format!("validity: {m}")))?,
        hash: signature_hash(alg)?,
        signature_algorithm: alg.clone(),
        path_length: None,
        key_usage: CA_USAGES.to_vec(),
    })
}

fn plan_subordinate(
    emu: &Emulator,
    issuer_id: &str,
    path_length: i64,
    alg: &SignatureAlgorithm,
    validity: &Validity,
    key_usages: Option<&[ApiKeyUsage]>,
    now_ms: i64,
) -> Answer<Signing> {
    let hash = signature_hash(alg)?;
    let issuer = Issuer::load(emu, issuer_id)?;
    let path_length = issuer.check_path_length(path_length)?;
    let p = period(validity, now_ms).map_err(|m| refuse(400, "PCA.00020109", format!("validity: {m}")))?;
    issuer.check_window(p)?;
    let key_usage = match key_usages {
        Some(list) if !list.is_empty() => pki_usages(list),
        _ => CA_USAGES.to_vec(),
    };
    Ok(Signing {
        issuer: Some(issuer),
        period: p,
        hash,
        signature_algorithm: alg.clone(),
        path_length: Some(path_length),
        key_usage,
    })
}

/// Signs the CA certificate for `key` and `dn`; gives its DER and serial.
fn sign(s: &Signing, dn: &DistinguishedName, key: &PrivateKey, now_ms: i64) -> Answer<(Vec<u8>, Vec<u8>)> {
    let serial = ids::new_serial(now_ms);
    let mut req = IssueRequest::new(pki_name(dn), s.period.not_before, s.period.not_after);
    req.serial = Some(serial.clone());
    req.hash = s.hash;
    req.basic_constraints = Some(BasicConstraints { ca: true, path_len: s.path_length });
    req.key_usage = s.key_usage.clone();
    let der = match &s.issuer {
        None => self_signed_certificate(&req, key)
            .map_err(|e| refuse(500, "PCA.00000003", format!("signing failed: {e}")))?,
        Some(issuer) => {
            req.crl_distribution_point = issuer.crl_distribution_point();
            let public = key.public_key_der().map_err(|e| refuse(500, "PCA.00000004", e.to_string()))?;
            issuer.sign(&req, &public)?
        }
    };
    Ok((der, serial))
}

/// Records a signed certificate on the CA: ACTIVED from now on.
fn install(record: &mut CaRecord, s: Signing, der: &[u8], serial: &[u8]) {
    let info = &mut record.info;
    info.status = CaStatus::Actived;
    info.serial_number = Some(ids::serial_text(serial));
    info.not_before = Some(s.period.not_before_ms());
    info.not_after = Some(s.period.not_after_ms());
    info.signature_algorithm = Some(s.signature_algorithm);
    info.path_length = Some(s.path_length.map_or(UNLIMITED_PATH_LENGTH, i64::from));
    info.issuer_id = s.issuer.as_ref().map(|i| i.info.ca_id.clone());
    info.issuer_name = s.issuer.as_ref().map(Issuer::name);
    record.certificate_pem = Some(encode_pem(LABEL_CERTIFICATE, der));
    record.chain_pem = s.issuer.map(|i| i.chain_pem).unwrap_or_default();
}

// ---------------------------------------------------------------------------
// Create and activate.
// ---------------------------------------------------------------------------

fn create(emu: &mut Emulator, call: &Call, host: &str) -> Answer<EmuResponse> {
    let body: CreateCertificateAuthorityBody = body_as(call)?;
    let quota = emu.config.quotas.certificate_authorities;
    // CA certificates issued from someone's CSR hold no place in the quota.
    let used = emu.state.cas.iter().filter(|c| c.info.gen_mode != Some(GenMode::Csr)).count();
    if used as u64 >= quota {
        return Err(refuse(
            403,
            codes::PCA_QUOTA,
            format!("the CA quota ({quota}) is used up; delete CAs you no longer need"),
        ));
    }
    let algorithm = key_algorithm(&body.key_algorithm)?;
    let signing = match body.kind {
        CaType::Root => Some(plan_root(body.signature_algorithm.as_ref(), body.validity.as_ref(), call.now_ms)?),
        CaType::Subordinate => match (&body.issuer_id, &body.signature_algorithm, &body.validity) {
            // The reference: path length 0 unless given.
            (Some(issuer), Some(alg), Some(validity)) => Some(plan_subordinate(
                emu,
                issuer,
                body.path_length.unwrap_or(0),
                alg,
                validity,
                body.key_usages.as_deref(),
                call.now_ms,
            )?),
            _ => None,
        },
        CaType::Other(ref t) => {
            return Err(refuse(400, "PCA.00020202", format!("type: {t} is not ROOT or SUBORDINATE")))
        }
    };
    if let Some(alg) = body.signature_algorithm.as_ref().filter(|_| signing.is_none()) {
        // Kept for activation; still refuse what can never be used.
        signature_hash(alg)?;
    }
    let id = ids::uuid_v4();
    let crl_configuration = match &body.crl_configuration {
        Some(c) if c.enabled => crl::configure(
            emu,
            &id,
            c.crl_name.as_deref(),
            c.obs_bucket_name.as_deref().unwrap_or_default(),
            c.valid_days.unwrap_or_default(),
            host,
        )?,
        Some(c) => CrlConfiguration { enabled: false, crl_dis_point: None, ..c.clone() },
        None => CrlConfiguration::default(),
    };

    let key =
        generate_key(algorithm).map_err(|e| refuse(500, "PCA.00000004", format!("key generation failed: {e}")))?;
    let key_pem = key.to_pkcs8_pem().map_err(|e| refuse(500, "PCA.00000004", e.to_string()))?.to_string();
    let mut record = CaRecord {
        info: CertificateAuthority {
            ca_id: id.clone(),
            kind: body.kind.clone(),
            status: CaStatus::Pending,
            path_length: None,
            issuer_id: None,
            issuer_name: None,
            key_algorithm: Some(body.key_algorithm.clone()),
            signature_algorithm: None,
            freeze_flag: Some(0),
            gen_mode: Some(GenMode::Generate),
            serial_number: None,
            create_time: Some(call.now_ms),
            delete_time: None,
            not_before: None,
            not_after: None,
            distinguished_name: body.distinguished_name.clone(),
            crl_configuration: Some(crl_configuration),
            enterprise_project_id: Some(body.enterprise_project_id.clone().unwrap_or_else(|| "0".into())),
            free_quota: None,
            charging_mode: None,
            cluster_id: None,
            domain_id: Some(emu.config.account.domain_id.clone()),
        },
        key_pem,
        certificate_pem: None,
        chain_pem: Vec::new(),
        revoked: None,
        tags: Vec::new(),
        revoked_serials: Vec::new(),
    };
    match signing {
        Some(s) => {
            let (der, serial) = sign(&s, &body.distinguished_name, &key, call.now_ms)?;
            install(&mut record, s, &der, &serial);
        }
        None => {
            if let Some(usages) = body.key_usages.clone().filter(|u| !u.is_empty()) {
                emu.state.pending_key_usages.insert(id.clone(), usages);
            }
        }
    }
    emu.state.cas.push(record);
    Ok(EmuResponse::json(200, &json!({ "ca_id": id })))
}

/// `POST …/{ca_id}/activate`: signs a PENDING subordinate CA.
fn activate(emu: &mut Emulator, call: &Call) -> Answer<EmuResponse> {
    let (id, info) = ca_of(emu, call)?;
    ca_action_allowed_for(CaAction::Activate, &info).map_err(denied)?;
    let body: ActivateCertificateAuthorityBody = body_as(call)?;
    // The SDK's activation model also carries key_usages; they win over
    // those asked for at creation.
    let asked: Option<Vec<ApiKeyUsage>> = call
        .body
        .as_ref()
        .and_then(|b| b.get("key_usages"))
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .or_else(|| emu.state.pending_key_usages.get(&id).cloned());
    let signing = plan_subordinate(
        emu,
        &body.issuer_id,
        body.path_length,
        &body.signature_algorithm,
        &body.validity,
        asked.as_deref(),
        call.now_ms,
    )?;
    let record = emu.state.ca(&id).ok_or_else(|| pca_cas::not_found(&id))?;
    let key = ca_private_key(record)?;
    let (der, serial) = sign(&signing, &info.distinguished_name, &key, call.now_ms)?;
    if let Some(record) = emu.state.ca_mut(&id) {
        install(record, signing, &der, &serial);
    }
    emu.state.pending_key_usages.remove(&id);
    Ok(EmuResponse::no_content())
}

// ---------------------------------------------------------------------------
// CSR out, certificate in.
// ---------------------------------------------------------------------------

/// `GET …/{ca_id}/csr`: the request of a PENDING CA, built from its key
/// and subject. ECDSA (RFC 6979) and RSA PKCS#1 v1.5 signatures are
/// deterministic, so every export gives the same CSR.
fn export_csr(emu: &mut Emulator, call: &Call) -> Answer<EmuResponse> {
    let (id, info) = ca_of(emu, call)?;
    ca_action_allowed_for(CaAction::ExportCsr, &info).map_err(denied)?;
    let record = emu.state.ca(&id).ok_or_else(|| pca_cas::not_found(&id))?;
    let key = ca_private_key(record)?;
    let der = build_csr(&pki_name(&info.distinguished_name), &[], &key, SignatureHash::Sha256)
        .map_err(|e| refuse(500, "PCA.00000004", format!("the CSR cannot be built: {e}")))?;
    Ok(EmuResponse::json(200, &json!({ "csr": crlf(&encode_pem(LABEL_CSR, &der)) })))
}

/// The chain above `cert_der` from the emulator's own CAs, when one of them
/// issued it: that CA's certificate, then its chain.
fn chain_from_emulator(emu: &Emulator, cert_der: &[u8]) -> Vec<Vec<u8>> {
    for record in &emu.state.cas {
        let Ok(issuer) = ca_certificate_der(record) else { continue };
        if verify_issued_by(cert_der, &issuer).is_ok() {
            let mut chain = vec![issuer];
            chain.extend(record.chain_pem.iter().filter_map(|p| certificates_from_pem(p).ok()).flatten());
            return chain;
        }
    }
    Vec::new()
}

/// The subject of a certificate in the API's terms; `None` without a CN.
fn name_of(cert: &CertificateInfo) -> Option<DistinguishedName> {
    let field = |short: &str| cert.subject_fields.iter().find(|f| f.short_name == short).map(|f| f.value.clone());
    Some(DistinguishedName {
        common_name: field("CN")?,
        country: field("C"),
        state: field("ST"),
        locality: field("L"),
        organization: field("O"),
        organizational_unit: field("OU"),
    })
}

/// `POST …/{ca_id}/import`: a PENDING CA takes a certificate signed
/// elsewhere from its CSR. The certificate must carry the CA's public key
/// (PCA.00030301) and be a CA certificate valid now (PCA.00020402); a chain,
/// when given, must lead from it to a self-signed root with every signature
/// and constraint holding (PCA.00020403). Without a chain the emulator's own
/// CAs complete it when one of them issued the certificate; otherwise it is
/// taken alone, as the reference allows.
fn import(emu: &mut Emulator, call: &Call) -> Answer<EmuResponse> {
    let (id, info) = ca_of(emu, call)?;
    ca_action_allowed_for(CaAction::ImportCertificate, &info).map_err(denied)?;
    let body: ImportCaCertificateBody = body_as(call)?;
    let bad_cert = |why: String| refuse(400, "PCA.00020402", format!("certificate: {why}"));
    let bad_chain = |why: String| refuse(400, "PCA.00020403", format!("certificate_chain: {why}"));

    let der = certificates_from_pem(&body.certificate)
        .map_err(|e| bad_cert(e.to_string()))?
        .into_iter()
        .next()
        .ok_or_else(|| bad_cert("no certificate found".into()))?;
    let cert = CertificateInfo::from_der(&der).map_err(|e| bad_cert(e.to_string()))?;
    let record = emu.state.ca(&id).ok_or_else(|| pca_cas::not_found(&id))?;
    let key = ca_private_key(record)?;
    if !key.matches_public_key_der(&cert.public_key.spki_der) {
        return Err(refuse(
            403,
            codes::PCA_KEY_MISMATCH,
            "the certificate's public key is not this CA's: sign the CSR exported from this CA",
        ));
    }
    if !cert.is_ca() {
        return Err(bad_cert("it is not a CA certificate (basicConstraints CA is not set)".into()));
    }
    if cert.self_issued {
        return Err(bad_cert("it is self-signed; a subordinate CA's certificate comes from another CA".into()));
    }
    let now_s = call.now_ms.div_euclid(1000);
    match cert.validity_at(now_s) {
        ValidityStatus::Valid => {}
        ValidityStatus::NotYetValid => {
            return Err(bad_cert(format!("it is not valid before {}", utc_text(cert.not_before))))
        }
        ValidityStatus::Expired => return Err(bad_cert(format!("it expired {}", utc_text(cert.not_after)))),
    }

    let given = match body.certificate_chain.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(text) => certificates_from_pem(text).map_err(|e| bad_chain(e.to_string()))?,
        None => Vec::new(),
    };
    let given: Vec<Vec<u8>> = given.into_iter().filter(|c| *c != der).collect();
    let chain = if given.is_empty() { chain_from_emulator(emu, &der) } else { given };
    let chain = if chain.is_empty() {
        Vec::new()
    } else {
        let mut path = vec![der.clone()];
        path.extend(chain);
        let verified = verify_chain(&path, &[], now_s).map_err(|e| bad_chain(e.to_string()))?;
        verified.certificates[1..].to_vec()
    };

    // The direct issuer, when it is one of the emulator's CAs.
    let issuer_id = chain.first().and_then(|top| {
        emu.state.cas.iter().find(|r| ca_certificate_der(r).is_ok_and(|d| d == *top)).map(|r| r.info.ca_id.clone())
    });
    let issuer_name = cert
        .issuer_fields
        .iter()
        .find(|f| f.short_name == "CN")
        .map(|f| f.value.clone())
        .or_else(|| Some(cert.issuer.clone()));
    let serial = ids::hex_to_bytes(&cert.serial_hex).map(|b| ids::serial_text(&b)).unwrap_or(cert.serial_hex.clone());
    let path_length = cert.basic_constraints.and_then(|b| b.path_len).map_or(UNLIMITED_PATH_LENGTH, i64::from);

    let Some(record) = emu.state.ca_mut(&id) else { return Err(pca_cas::not_found(&id)) };
    let info = &mut record.info;
    info.status = CaStatus::Actived;
    info.gen_mode = Some(GenMode::Import);
    info.serial_number = Some(serial);
    info.not_before = Some(cert.not_before * 1000);
    info.not_after = Some(cert.not_after * 1000);
    info.signature_algorithm = Some(signature_algorithm_of(&cert.signature_algorithm));
    info.path_length = Some(path_length);
    info.issuer_id = issuer_id;
    info.issuer_name = issuer_name;
    if let Some(dn) = name_of(&cert) {
        info.distinguished_name = dn;
    }
    record.certificate_pem = Some(encode_pem(LABEL_CERTIFICATE, &der));
    record.chain_pem = chain.iter().map(|c| encode_pem(LABEL_CERTIFICATE, c)).collect();
    emu.state.pending_key_usages.remove(&id);
    Ok(EmuResponse::no_content())
}

/// `POST …/{ca_id}/export`: the certificate and its chain from the direct
/// issuer up to the root, PEM with `\r\n`. A root's chain is the root
/// itself, so that every chain handed out ends with its root.
fn export_certificate(emu: &mut Emulator, call: &Call) -> Answer<EmuResponse> {
    let (id, info) = ca_of(emu, call)?;
    ca_action_allowed_for(CaAction::ExportCertificate, &info).map_err(denied)?;
    let record = emu.state.ca(&id).ok_or_else(|| pca_cas::not_found(&id))?;
    let certificate = encode_pem(LABEL_CERTIFICATE, &ca_certificate_der(record)?);
    let chain = if info.is_root() { certificate.clone() } else { record.chain_pem.concat() };
    let mut answer = json!({ "certificate": crlf(&certificate) });
    if !chain.is_empty() {
        answer["certificate_chain"] = json!(crlf(&chain));
    }
    Ok(EmuResponse::json(200, &answer))
}

// ---------------------------------------------------------------------------
// Revoke.
// ---------------------------------------------------------------------------

/// `POST …/{ca_id}/revoke` (`{}` or a reason): the issuer's CRL lists the
/// subordinate's serial from now on. The reference names no status for a
/// revoked CA; it becomes DISABLED (it can no longer issue) and stays
/// revoked: a second revocation is refused.
fn revoke(emu: &mut Emulator, call: &Call) -> Answer<EmuResponse> {
    let (id, info) = ca_of(emu, call)?;
    ca_action_allowed_for(CaAction::Revoke, &info).map_err(denied)?;
    let body: RevokeBody = body_as(call)?;
    let record = emu.state.ca(&id).ok_or_else(|| pca_cas::not_found(&id))?;
    if let Some(r) = &record.revoked {
        return Err(refuse(
            403,
            codes::PCA_STATUS_NOT_ALLOWED,
            format!("this CA was already revoked ({}, {})", utc_text(r.at_ms.div_euclid(1000)), r.reason),
        ));
    }
    // Every ACTIVED or DISABLED CA has its certificate's serial here.
    let serial = info.serial_number.clone().unwrap_or_default();
    let reason = body.reason.map(|r| r.as_str().to_owned()).unwrap_or_else(|| "UNSPECIFIED".into());
    if let Some(record) = emu.state.ca_mut(&id) {
        record.revoked = Some(Revocation { at_ms: call.now_ms, reason: reason.clone() });
        record.info.status = CaStatus::Disabled;
    }
    // An issuer outside the emulator (an imported CA) publishes no CRL here.
    if let Some(issuer) = info.issuer_id.as_deref().and_then(|i| emu.state.ca_mut(i)) {
        issuer.revoked_serials.push(RevokedSerial { serial, at_ms: call.now_ms, reason });
    }
    Ok(EmuResponse::no_content())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_line_ends() {
        assert_eq!(crlf("a\nb\r\nc\n"), "a\r\nb\r\nc\r\n");
        assert_eq!(signature_algorithm_of("SHA384withECDSA"), SignatureAlgorithm::Sha384);
        assert_eq!(signature_algorithm_of("SHA512withRSA"), SignatureAlgorithm::Sha512);
        assert_eq!(signature_algorithm_of("1.2.3"), SignatureAlgorithm::Other("1.2.3".into()));
        assert!(key_algorithm(&KeyAlgorithm::Sm2).is_err());
        assert!(signature_hash(&SignatureAlgorithm::Sm3).is_err());
        assert_eq!(
            pki_usages(&[ApiKeyUsage::KeyCertSign, ApiKeyUsage::CrlSign]),
            vec![KeyUsage::KeyCertSign, KeyUsage::CrlSign]
        );
    }
}

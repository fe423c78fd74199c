//! Ready-made emulator states, dated from the `now_ms` they are made at.
//!
//! - [`demo`]: a small account that shows every view with something in it:
//!   a root CA, an active, a disabled and a pending subordinate, a dozen
//!   private certificates in every status (two expire within 30 days),
//!   and SSL certificates in the usual SCM statuses (one expires within 30
//!   days). Every certificate and key is real X.509 made with ccm-pki, and
//!   every chain verifies, so exports, previews and CRLs work on them.
//! - [`scale`]: 1,000 CAs, 10,000 private certificates and 500 SSL
//!   certificates, for paging, sorting and filtering at size. It loads in a
//!   fraction of a second because it signs only a handful of certificates:
//!   the records are built directly (the list and details views read only
//!   `info`), and every record shares one of a few real template
//!   certificates and one key. Their PEMs parse and export, but the subject
//!   of a template is not the record's name. Ids and serials come from a
//!   seeded generator, so both seeds give the same ids on every run.
//!
//! Both seeds build records directly rather than through the API, so they
//! need none of the issuing operations.

use std::str::FromStr;

use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::pca::certs::PrivateCertificate;
use ccm_api::scm::{ApplyCertificateBody, NoticeType, PrivateKeyAlgo, ScmCertificate, ScmTag, ValidationMethod};
use ccm_pki::decode::{CertificateInfo, ExtendedKeyUsage, KeyUsage, SubjectAltName};
use ccm_pki::pem::{encode_pem, LABEL_CERTIFICATE};
use ccm_pki::{
    generate_key, issue_certificate, self_signed_certificate, DistinguishedName, IssueRequest, KeyAlgorithm,
    PrivateKey, SignatureHash,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

use crate::scm::{describe, scm_time};
use crate::state::{Application, CaRecord, CertRecord, PublicCa, Quotas, RevokedSerial, ScmRecord, State};

const DAY_MS: i64 = 86_400_000;

/// Which state a fresh emulator starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Seed {
    /// Nothing: a new account.
    #[default]
    Empty,
    Demo,
    Scale,
}

impl Seed {
    pub fn state(self, now_ms: i64) -> State {
        match self {
            Seed::Empty => State::default(),
            Seed::Demo => demo(now_ms),
            Seed::Scale => scale(now_ms),
        }
    }

    /// Quotas that fit the seed (the scale seed holds more CAs than the
    /// reference's default quota of 100).
    pub fn quotas(self) -> Quotas {
        match self {
            Seed::Scale => SCALE_QUOTAS,
            _ => Quotas::default(),
        }
    }
}

impl FromStr for Seed {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "empty" => Ok(Seed::Empty),
            "demo" => Ok(Seed::Demo),
            "scale" => Ok(Seed::Scale),
            other => Err(format!("unknown seed {other}: use demo, scale or empty")),
        }
    }
}

/// Room for the scale seed's 1,000 CAs and 10,000 certificates, and more.
pub const SCALE_QUOTAS: Quotas = Quotas { certificate_authorities: 2_000, certificates: 100_000 };

pub const SCALE_CAS: usize = 1_000;
pub const SCALE_CERTIFICATES: usize = 10_000;
pub const SCALE_SSL_CERTIFICATES: usize = 500;

// ---------------------------------------------------------------------------
// Ids, serials, names
// ---------------------------------------------------------------------------

/// Ids and serial numbers from a seeded generator.
struct Ids(StdRng);

impl Ids {
    fn new(seed: u64) -> Ids {
        Ids(StdRng::seed_from_u64(seed))
    }

    /// A version 4 UUID.
    fn uuid(&mut self) -> String {
        let mut b: [u8; 16] = self.0.gen();
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
        format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
    }

    /// A serial in the service's style: `yyyyMMddHHmmss` of the issue time
    /// and ten random digits, read as hexadecimal, so that the API's
    /// `serial_number` and `openssl x509 -serial` show the same text.
    /// Returns the bytes and that text.
    fn serial(&mut self, at_ms: i64) -> (Vec<u8>, String) {
        let d = ccm_api::sign::sdk_date(at_ms as f64); // YYYYMMDDTHHMMSSZ
        let tail: u64 = self.0.gen_range(0..10_000_000_000);
        let text = format!("{}{}{tail:010}", &d[0..8], &d[9..15]);
        let bytes = text.as_bytes().chunks(2).map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap_or("00"), 16).unwrap_or(0)).collect();
        (bytes, text)
    }
}

/// A subject with the organisation fields the demo uses.
#[derive(Clone)]
struct Name {
    cn: String,
    org: &'static str,
    unit: &'static str,
}

impl Name {
    fn new(cn: impl Into<String>, org: &'static str, unit: &'static str) -> Name {
        Name { cn: cn.into(), org, unit }
    }

    fn pki(&self) -> DistinguishedName {
        DistinguishedName {
            common_name: self.cn.clone(),
            country: Some("SG".into()),
            state: Some("Singapore".into()),
            locality: Some("Singapore".into()),
            organization: Some(self.org.into()),
            organizational_unit: Some(self.unit.into()),
        }
    }

    fn api(&self) -> Value {
        json!({ "common_name": self.cn, "country": "SG", "state": "Singapore", "locality": "Singapore",
                "organization": self.org, "organizational_unit": self.unit })
    }
}

fn pem(der: &[u8]) -> String {
    encode_pem(LABEL_CERTIFICATE, der)
}

fn key_pem(key: &PrivateKey) -> String {
    key.to_pkcs8_pem().map(|p| p.to_string()).unwrap_or_default()
}

fn key(alg: KeyAlgorithm) -> PrivateKey {
    generate_key(alg).expect("the platform's random generator works")
}

fn ca_info(v: Value) -> CertificateAuthority {
    serde_json::from_value(v).expect("seed CA records fit the wire type")
}

fn cert_info(v: Value) -> PrivateCertificate {
    serde_json::from_value(v).expect("seed certificate records fit the wire type")
}

// ---------------------------------------------------------------------------
// Demo
// ---------------------------------------------------------------------------

/// A CA made for the demo, with what is needed to issue under it.
struct MadeCa {
    id: String,
    name: Name,
    key: PrivateKey,
    der: Vec<u8>,
    /// This CA's certificate and its issuers up to the root: the chain of
    /// what it issues.
    chain_down: Vec<String>,
}

/// A demo CA: record plus signing material. `issuer` None makes a root.
#[allow(clippy::too_many_arguments)]
fn demo_ca(
    ids: &mut Ids,
    name: Name,
    alg: KeyAlgorithm,
    hash: SignatureHash,
    issuer: Option<&MadeCa>,
    path_len: u8,
    created: i64,
    not_after: i64,
    status: &str,
) -> (CaRecord, MadeCa) {
    let id = ids.uuid();
    let key = key(alg);
    let (serial, serial_text) = ids.serial(created);
    let mut req = IssueRequest::new(name.pki(), created / 1000, not_after / 1000).ca(issuer.map(|_| path_len));
    req.serial = Some(serial);
    req.hash = hash;
    let der = match issuer {
        None => self_signed_certificate(&req, &key),
        Some(i) => issue_certificate(&req, &key.public_key_der().expect("public key"), &i.der, &i.key),
    }
    .expect("demo CA certificates are well formed");
    let mut info = json!({
        "ca_id": id, "type": if issuer.is_some() { "SUBORDINATE" } else { "ROOT" }, "status": status,
        "path_length": if issuer.is_some() { i64::from(path_len) } else { 7 },
        "key_algorithm": alg.api_name(), "signature_algorithm": hash.api_name(),
        "freeze_flag": 0, "gen_mode": "GENERATE", "serial_number": serial_text,
        "create_time": created, "not_before": created, "not_after": not_after,
        "distinguished_name": name.api(), "crl_configuration": { "enabled": false },
        "enterprise_project_id": "0", "charging_mode": 0,
    });
    if let Some(i) = issuer {
        info["issuer_id"] = json!(i.id);
        info["issuer_name"] = json!(i.name.cn);
    }
    let chain_pem: Vec<String> = issuer.map(|i| i.chain_down.clone()).unwrap_or_default();
    let mut chain_down = vec![pem(&der)];
    chain_down.extend(chain_pem.iter().cloned());
    let record = CaRecord {
        info: ca_info(info),
        key_pem: key_pem(&key),
        certificate_pem: Some(pem(&der)),
        chain_pem,
        revoked: None,
        tags: Vec::new(),
        revoked_serials: Vec::new(),
    };
    (record, MadeCa { id, name, key, der, chain_down })
}

/// One demo private certificate.
struct DemoCert {
    cn: &'static str,
    sans: &'static [&'static str],
    client: bool,
    /// Days from now: issued at, expires at.
    from_days: i64,
    to_days: i64,
    /// ISSUED, or REVOKED with a reason; EXPIRED follows from the dates.
    revoked: Option<(&'static str, i64)>,
    /// Issued from a CSR: the service holds no key.
    csr: bool,
}

const fn dc(cn: &'static str, sans: &'static [&'static str], from_days: i64, to_days: i64) -> DemoCert {
    DemoCert { cn, sans, client: false, from_days, to_days, revoked: None, csr: false }
}

fn demo_cert(ids: &mut Ids, issuer: &MadeCa, c: &DemoCert, now_ms: i64) -> CertRecord {
    let created = now_ms + c.from_days * DAY_MS;
    let not_after = now_ms + c.to_days * DAY_MS;
    let key = key(KeyAlgorithm::Ec256);
    let (serial, serial_text) = ids.serial(created);
    let name = Name::new(c.cn, "Example Corp", if c.client { "People" } else { "Platform" });
    let mut req = IssueRequest::new(name.pki(), created / 1000, not_after / 1000);
    req.serial = Some(serial);
    req.basic_constraints = Some(ccm_pki::decode::BasicConstraints { ca: false, path_len: None });
    req.key_usage = vec![KeyUsage::DigitalSignature, KeyUsage::KeyAgreement];
    req.extended_key_usage = vec![if c.client { ExtendedKeyUsage::ClientAuth } else { ExtendedKeyUsage::ServerAuth }];
    req.subject_alt_names = c.sans.iter().map(|s| SubjectAltName::Dns((*s).to_owned())).collect();
    let der = issue_certificate(&req, &key.public_key_der().expect("public key"), &issuer.der, &issuer.key)
        .expect("demo certificates are well formed");
    let status = if c.revoked.is_some() {
        "REVOKED"
    } else if not_after <= now_ms {
        "EXPIRED"
    } else {
        "ISSUED"
    };
    let info = json!({
        "certificate_id": ids.uuid(), "status": status, "issuer_id": issuer.id, "issuer_name": issuer.name.cn,
        "key_algorithm": "EC256", "signature_algorithm": "SHA256", "freeze_flag": 0,
        "gen_mode": if c.csr { "CSR" } else { "GENERATE" }, "serial_number": serial_text,
        "create_time": created, "not_before": created, "not_after": not_after,
        "distinguished_name": name.api(), "enterprise_project_id": "0",
    });
    CertRecord {
        info: cert_info(info),
        key_pem: (!c.csr).then(|| key_pem(&key)),
        certificate_pem: pem(&der),
        chain_pem: issuer.chain_down.clone(),
        tags: Vec::new(),
    }
}

/// One demo SSL certificate; `None` dates mean "not issued yet".
struct DemoSsl {
    name: &'static str,
    names: &'static [&'static str],
    dates: Option<(i64, i64)>,
    status: &'static str,
    kind: Option<&'static str>,
    brand: Option<&'static str>,
}

/// The demo account, as of `now_ms`. Takes well under a second in an
/// optimised build (one RSA key; the rest are P-256 and P-384).
pub fn demo(now_ms: i64) -> State {
    let mut ids = Ids::new(0x00de_0001);
    let mut state = State::default();
    let years = |n: i64| n * 365 * DAY_MS;

    // The private hierarchy.
    let (root_rec, root) = demo_ca(
        &mut ids,
        Name::new("Example Corp Root CA", "Example Corp", "Security"),
        KeyAlgorithm::Rsa2048,
        SignatureHash::Sha256,
        None,
        0,
        now_ms - 400 * DAY_MS,
        now_ms + years(20),
        "ACTIVED",
    );
    let (issuing_rec, issuing) = demo_ca(
        &mut ids,
        Name::new("Example Corp Issuing CA", "Example Corp", "Platform"),
        KeyAlgorithm::Ec384,
        SignatureHash::Sha256,
        Some(&root),
        0,
        now_ms - 390 * DAY_MS,
        now_ms + years(5),
        "ACTIVED",
    );
    let (lab_rec, lab) = demo_ca(
        &mut ids,
        Name::new("Example Corp Lab CA", "Example Corp", "Lab"),
        KeyAlgorithm::Ec256,
        SignatureHash::Sha256,
        Some(&root),
        0,
        now_ms - 200 * DAY_MS,
        now_ms + years(3),
        "DISABLED",
    );
    // Pending: a key and no certificate, waiting for activation.
    let pending_key = key(KeyAlgorithm::Ec256);
    let pending_name = Name::new("Team Pending CA", "Example Corp", "Payments");
    let pending = CaRecord {
        info: ca_info(json!({
            "ca_id": ids.uuid(), "type": "SUBORDINATE", "status": "PENDING", "key_algorithm": "EC256",
            "freeze_flag": 0, "gen_mode": "GENERATE", "create_time": now_ms - 2 * DAY_MS,
            "distinguished_name": pending_name.api(), "crl_configuration": { "enabled": false },
            "enterprise_project_id": "0", "charging_mode": 0,
        })),
        key_pem: key_pem(&pending_key),
        certificate_pem: None,
        chain_pem: Vec::new(),
        revoked: None,
        tags: Vec::new(),
        revoked_serials: Vec::new(),
    };

    // A dozen private certificates: issued, two expiring within 30 days,
    // revoked, expired, one from a CSR, and one under the disabled CA.
    let certs = [
        dc("web-01.internal.example.com", &["web-01.internal.example.com"], -60, 305),
        dc("web-02.internal.example.com", &["web-02.internal.example.com"], -58, 307),
        dc("api.internal.example.com", &["api.internal.example.com", "api-v2.internal.example.com"], -30, 335),
        DemoCert { csr: true, ..dc("db-primary.internal.example.com", &["db-primary.internal.example.com"], -90, 275) },
        dc("vpn.internal.example.com", &["vpn.internal.example.com"], -353, 12),
        dc("mail.internal.example.com", &["mail.internal.example.com", "smtp.internal.example.com"], -340, 25),
        dc("grafana.internal.example.com", &["grafana.internal.example.com"], -10, 355),
        DemoCert { client: true, ..dc("alice@example.com", &[], -20, 345) },
        DemoCert { client: true, revoked: Some(("KEY_COMPROMISE", -5)), ..dc("bob@example.com", &[], -120, 245) },
        DemoCert { revoked: Some(("SUPERSEDED", -40)), ..dc("build.internal.example.com", &["build.internal.example.com"], -200, 165) },
        dc("legacy.internal.example.com", &["legacy.internal.example.com"], -385, -20),
        dc("staging.internal.example.com", &["staging.internal.example.com"], -368, -3),
    ];
    let mut issuing_rec = issuing_rec;
    for c in &certs {
        let record = demo_cert(&mut ids, &issuing, c, now_ms);
        if let (Some((reason, days)), Some(serial)) = (c.revoked, record.info.serial_number.clone()) {
            issuing_rec.revoked_serials.push(RevokedSerial { serial, at_ms: now_ms + days * DAY_MS, reason: reason.into() });
        }
        state.certificates.push(record);
    }
    state.certificates.push(demo_cert(&mut ids, &lab, &dc("lab-device-01.lab.example.com", &["lab-device-01.lab.example.com"], -150, 215), now_ms));
    state.cas = vec![root_rec, issuing_rec, lab_rec, pending];

    // SSL certificates, under a stand-in public CA.
    let (_, public_root) = demo_ca(
        &mut ids,
        Name::new("Emulated Trust Root R1", "Emulated Trust", "Roots"),
        KeyAlgorithm::Ec256,
        SignatureHash::Sha256,
        None,
        0,
        now_ms - years(8),
        now_ms + years(12),
        "ACTIVED",
    );
    let (_, public_ca) = demo_ca(
        &mut ids,
        Name::new("Emulated Trust TLS CA G2", "Emulated Trust", "TLS"),
        KeyAlgorithm::Ec256,
        SignatureHash::Sha256,
        Some(&public_root),
        0,
        now_ms - years(3),
        now_ms + years(5),
        "ACTIVED",
    );
    let ssl = [
        DemoSsl { name: "shop-example-com", names: &["shop.example.com", "www.shop.example.com"], dates: Some((-100, 265)), status: "ISSUED", kind: Some("OV_SSL_CERT"), brand: Some("GEOTRUST") },
        DemoSsl { name: "api-gateway", names: &["api.example.com"], dates: Some((-344, 21)), status: "UPLOAD", kind: None, brand: None },
        DemoSsl { name: "wildcard-example", names: &["*.example.com"], dates: Some((-30, 335)), status: "ISSUED", kind: Some("DV_SSL_CERT"), brand: Some("GLOBALSIGN") },
        DemoSsl { name: "legacy-portal", names: &["portal.example.net"], dates: Some((-380, -15)), status: "EXPIRED", kind: Some("DV_SSL_CERT_BASIC"), brand: Some("GEOTRUST") },
        DemoSsl { name: "partner-shared", names: &["partner.example.com"], dates: Some((-60, 305)), status: "ISSUED", kind: Some("EV_SSL_CERT"), brand: Some("GLOBALSIGN") },
        DemoSsl { name: "new-order", names: &["blog.example.org"], dates: None, status: "PAID", kind: Some("DV_SSL_CERT"), brand: Some("GEOTRUST") },
        DemoSsl { name: "pending-validation", names: &["docs.example.org"], dates: None, status: "CHECKING", kind: Some("DV_SSL_CERT"), brand: Some("GLOBALSIGN") },
    ];
    let mut scm_id = now_ms - 400 * DAY_MS;
    for (n, s) in ssl.iter().enumerate() {
        scm_id += DAY_MS;
        let id = format!("scs{scm_id}");
        let updated = now_ms - (ssl.len() - n) as i64 * DAY_MS;
        let record = match s.dates {
            Some((from, to)) => {
                let leaf_key = key(KeyAlgorithm::Ec256);
                let mut req = IssueRequest::new(
                    Name::new(s.names[0], "Example Corp", "Web").pki(),
                    (now_ms + from * DAY_MS) / 1000,
                    (now_ms + to * DAY_MS) / 1000,
                );
                req.basic_constraints = Some(ccm_pki::decode::BasicConstraints { ca: false, path_len: None });
                req.key_usage = vec![KeyUsage::DigitalSignature];
                req.extended_key_usage = vec![ExtendedKeyUsage::ServerAuth, ExtendedKeyUsage::ClientAuth];
                req.subject_alt_names = s.names.iter().map(|d| SubjectAltName::Dns((*d).to_owned())).collect();
                let der = issue_certificate(&req, &leaf_key.public_key_der().expect("public key"), &public_ca.der, &public_ca.key)
                    .expect("demo SSL certificates are well formed");
                let leaf = CertificateInfo::from_der(&der).expect("just built");
                let mut info = describe(&id, s.name, &leaf);
                info.status = Some(s.status.into());
                info.kind = s.kind.map(Into::into);
                info.brand = s.brand.map(Into::into);
                if s.kind.is_some() {
                    info.order_id = Some(format!("CS{}", &id[3..]));
                    info.validation_method = Some("DNS".into());
                }
                info.shared = Some(s.name == "partner-shared");
                ScmRecord {
                    info,
                    certificate_pem: pem(&der),
                    chain_pem: public_ca.chain_down.concat(),
                    key_pem: key_pem(&leaf_key),
                    pushes: if s.name == "wildcard-example" { vec![("ELB".into(), "ap-southeast-1".into())] } else { Vec::new() },
                    updated_at_ms: updated,
                    tags: Vec::new(),
                    notices: Vec::new(),
                    application: None,
                }
            }
            None => ScmRecord {
                info: ordered_ssl(&id, s, now_ms),
                certificate_pem: String::new(),
                chain_pem: String::new(),
                key_pem: String::new(),
                pushes: Vec::new(),
                updated_at_ms: updated,
                tags: Vec::new(),
                notices: Vec::new(),
                application: None,
            },
        };
        state.scm.push(record);
    }
    state.public_ca = Some(PublicCa {
        root_pem: pem(&public_root.der),
        intermediate_pem: pem(&public_ca.der),
        intermediate_key_pem: key_pem(&public_ca.key),
    });
    demo_lifecycle(&mut state, now_ms);
    state
}

/// The SSL lifecycle in the demo: `new-order` waits for an application,
/// `pending-validation` has one (the service made its key) and waits for
/// its domain to be validated, `wildcard-example` is deployed to an ELB
/// listener and a WAF domain, `shop-example-com` to a CDN domain; a few
/// tags and one expiry notification.
fn demo_lifecycle(state: &mut State, now_ms: i64) {
    let by_name = |state: &State, name: &str| state.scm.iter().position(|r| r.info.name.as_deref() == Some(name));
    if let Some(i) = by_name(state, "pending-validation") {
        let domain = state.scm[i].info.domain.clone().unwrap_or_default();
        let key = key(KeyAlgorithm::Ec256);
        let csr = ccm_pki::build_csr(
            &DistinguishedName::new(domain.clone()),
            &[SubjectAltName::Dns(domain.clone())],
            &key,
            SignatureHash::Sha256,
        )
        .expect("demo CSR");
        let body = ApplyCertificateBody {
            domain: domain.clone(),
            applicant_name: Some("Dana Demo".into()),
            applicant_phone: Some("+65 6000 0000".into()),
            applicant_email: Some("dana@example.org".into()),
            agree_privacy_protection: true,
            domain_method: Some(ValidationMethod::Dns),
            key_algorithm: Some(PrivateKeyAlgo::EcP256),
            ..Default::default()
        };
        let r = &mut state.scm[i];
        r.info.authentification = Some(vec![crate::ssl_orders::validation_record(&ValidationMethod::Dns, &domain, now_ms)]);
        r.application = Some(Application {
            body,
            csr_pem: encode_pem(ccm_pki::pem::LABEL_CSR, &csr),
            key_pem: Some(key_pem(&key)),
            applied_at_ms: now_ms,
        });
    }
    let deploy = |state: &mut State, name: &str, service: &str, project: &str, resource: &str| {
        let Some(i) = by_name(state, name) else { return };
        let id = state.scm[i].info.id.clone();
        if let Some(r) = state.inventory.0.iter_mut().find(|r| r.service == service && r.project == project && r.name == resource) {
            r.certificate_id = Some(id);
            r.deployed_at_ms = Some(now_ms - 7 * DAY_MS);
        }
    };
    deploy(state, "wildcard-example", "ELB", "ap-southeast-1", "web-https-443");
    deploy(state, "wildcard-example", "WAF", "ap-southeast-1", "*.example.com");
    deploy(state, "shop-example-com", "CDN", crate::inventory::GLOBAL, "shop.example.com");
    let tag = |k: &str, v: &str| ScmTag { key: k.into(), value: v.into() };
    if let Some(i) = by_name(state, "shop-example-com") {
        state.scm[i].tags = vec![tag("env", "prod"), tag("team", "web")];
        state.scm[i].notices = vec![NoticeType::CertExpiration.as_str().to_owned()];
    }
    if let Some(i) = by_name(state, "wildcard-example") {
        state.scm[i].tags = vec![tag("env", "prod")];
    }
    if let Some(i) = by_name(state, "api-gateway") {
        state.scm[i].tags = vec![tag("env", "staging")];
    }
}

/// An SSL certificate that is ordered but not issued: no dates, no PEMs;
/// one under review carries its DNS validation record.
fn ordered_ssl(id: &str, s: &DemoSsl, now_ms: i64) -> ScmCertificate {
    let mut info = json!({
        "id": id, "status": s.status, "order_id": format!("CS{}", &id[3..]), "name": s.name,
        "type": s.kind, "brand": s.brand, "push_support": "ON", "validity_period": 12,
        "validation_method": "DNS", "domain_type": "SINGLE_DOMAIN", "domain": s.names[0],
        "domain_count": 1, "wildcard_count": 0, "shared": false, "enterprise_project_id": "0",
    });
    if s.status == "CHECKING" {
        info["validation_method"] = json!("DNS");
    } else {
        // Not applied for yet: no names, no method.
        let o = info.as_object_mut().expect("an object");
        o.remove("validation_method");
        o.remove("domain");
    }
    let _ = now_ms;
    serde_json::from_value(info).expect("seed SSL records fit the wire type")
}

// ---------------------------------------------------------------------------
// Scale
// ---------------------------------------------------------------------------

/// Shared template material for the scale seed: one key, and a root, a
/// subordinate, a leaf and an SSL leaf certificate all made with it.
struct Templates {
    key_pem: String,
    root: String,
    sub: String,
    leaf: String,
    ssl: String,
    ssl_info: CertificateInfo,
}

fn templates(now_ms: i64) -> Templates {
    let key = key(KeyAlgorithm::Ec256);
    let spki = key.public_key_der().expect("public key");
    let secs = now_ms / 1000;
    let year = 365 * 86_400;
    let name = |cn: &str| Name::new(cn, "Example Scale Corp", "Templates").pki();
    let root = self_signed_certificate(&IssueRequest::new(name("Scale Template Root CA"), secs - year, secs + 20 * year).ca(None), &key)
        .expect("template root");
    let sub = issue_certificate(&IssueRequest::new(name("Scale Template Issuing CA"), secs - year, secs + 10 * year).ca(Some(1)), &spki, &root, &key)
        .expect("template subordinate");
    let mut leaf_req = IssueRequest::new(name("scale-template.internal.example.com"), secs - 30 * 86_400, secs + year);
    leaf_req.subject_alt_names = vec![SubjectAltName::Dns("scale-template.internal.example.com".into())];
    let leaf = issue_certificate(&leaf_req, &spki, &sub, &key).expect("template leaf");
    let mut ssl_req = IssueRequest::new(name("scale-template.example.com"), secs - 30 * 86_400, secs + year);
    ssl_req.subject_alt_names = vec![SubjectAltName::Dns("scale-template.example.com".into())];
    let ssl = issue_certificate(&ssl_req, &spki, &sub, &key).expect("template SSL leaf");
    Templates {
        key_pem: key_pem(&key),
        root: pem(&root),
        sub: pem(&sub),
        leaf: pem(&leaf),
        ssl_info: CertificateInfo::from_der(&ssl).expect("just built"),
        ssl: pem(&ssl),
    }
}

const TEAMS: &[&str] = &["payments", "search", "identity", "storage", "mobile", "data", "edge", "billing"];
const KEYS: &[&str] = &["RSA2048", "RSA4096", "EC256", "EC384"];
const HASHES: &[&str] = &["SHA256", "SHA384", "SHA512"];
const REASONS: &[&str] = &["KEY_COMPROMISE", "SUPERSEDED", "CESSATION_OF_OPERATION", "AFFILIATION_CHANGED", "UNSPECIFIED"];

/// SSL statuses of the scale seed, most of them issued or uploaded.
const SSL_STATUSES: &[&str] = &[
    "ISSUED", "ISSUED", "UPLOAD", "ISSUED", "UPLOAD", "ISSUED", "PAID", "CHECKING", "UNPASSED", "REVOKED", "ISSUED", "UPLOAD",
    "CANCELCHECKING", "REVOKING", "CHECKING_ORG", "ISSUING", "SUPPLEMENTCHECKING", "ISSUED", "UPLOAD", "ISSUED",
];

/// 1,000 CAs (10 roots, 90 first-level and 900 second-level subordinates,
/// in every status), 10,000 private certificates under the active
/// second-level CAs (ISSUED, REVOKED, EXPIRED; some from CSRs) and 500 SSL
/// certificates in every SCM status. Deterministic for a given `now_ms`.
pub fn scale(now_ms: i64) -> State {
    let t = templates(now_ms);
    let mut ids = Ids::new(0x5ca1e);
    let mut state = State::default();

    // CAs.
    let mut levels: Vec<u8> = Vec::with_capacity(SCALE_CAS);
    for i in 0..SCALE_CAS {
        let (level, issuer) = match i {
            0..10 => (0u8, None),
            10..100 => (1, Some(i % 10)),
            _ => (2, Some(10 + i % 90)),
        };
        let team = TEAMS[i % TEAMS.len()];
        let created = now_ms - (2_000 - i as i64) * DAY_MS / 2;
        let cn = match level {
            0 => format!("Scale Root CA {:02}", i + 1),
            1 => format!("Scale {team} Intermediate CA {i:03}"),
            _ => format!("Scale {team} Issuing CA {i:04}"),
        };
        // Roots are active; subordinates go through every status.
        let status = match (level, i % 50) {
            (0, _) => "ACTIVED",
            (_, 7) => "PENDING",
            (_, 13) | (_, 31) => "DISABLED",
            (_, 21) => "EXPIRED",
            (_, 42) => "DELETED",
            _ => "ACTIVED",
        };
        let id = ids.uuid();
        let mut info = json!({
            "ca_id": id, "type": if level == 0 { "ROOT" } else { "SUBORDINATE" }, "status": status,
            "key_algorithm": KEYS[i % KEYS.len()], "freeze_flag": 0, "gen_mode": "GENERATE",
            "create_time": created, "enterprise_project_id": "0", "charging_mode": 0,
            "distinguished_name": Name::new(cn, "Example Scale Corp", team).api(),
            "crl_configuration": { "enabled": false },
        });
        if status != "PENDING" {
            let not_after = if status == "EXPIRED" { now_ms - (i as i64 % 30 + 1) * DAY_MS } else { created + (20 - i64::from(level) * 5) * 365 * DAY_MS };
            info["signature_algorithm"] = json!(HASHES[i % HASHES.len()]);
            info["serial_number"] = json!(ids.serial(created).1);
            info["not_before"] = json!(created);
            info["not_after"] = json!(not_after);
            info["path_length"] = json!(if level == 0 { 7 } else { 2 - i64::from(level) });
            if let Some(parent) = issuer {
                let p: &CaRecord = &state.cas[parent];
                info["issuer_id"] = json!(p.info.ca_id);
                info["issuer_name"] = json!(p.info.distinguished_name.common_name);
            }
        }
        if status == "DELETED" {
            info["delete_time"] = json!(now_ms + (i as i64 % 20 + 1) * DAY_MS);
        }
        let (certificate_pem, chain_pem) = match (status, level) {
            ("PENDING", _) => (None, Vec::new()),
            (_, 0) => (Some(t.root.clone()), Vec::new()),
            (_, 1) => (Some(t.sub.clone()), vec![t.root.clone()]),
            _ => (Some(t.sub.clone()), vec![t.sub.clone(), t.root.clone()]),
        };
        state.cas.push(CaRecord {
            info: ca_info(info),
            key_pem: t.key_pem.clone(),
            certificate_pem,
            chain_pem,
            revoked: None,
            tags: Vec::new(),
            revoked_serials: Vec::new(),
        });
        levels.push(level);
    }

    // Private certificates, spread over the active second-level CAs.
    let issuers: Vec<usize> = (0..SCALE_CAS).filter(|&i| levels[i] == 2 && state.cas[i].info.status.as_str() == "ACTIVED").collect();
    for i in 0..SCALE_CERTIFICATES {
        let ca_index = issuers[i % issuers.len()];
        let created = now_ms - ((i * 7919) % 450) as i64 * DAY_MS - (i as i64 % 86_400) * 1000;
        let (status, not_after) = match i % 20 {
            3 | 11 => ("REVOKED", created + 365 * DAY_MS),
            17 => ("EXPIRED", now_ms - (i as i64 % 90 + 1) * DAY_MS),
            _ => ("ISSUED", (created + 365 * DAY_MS).max(now_ms + (i as i64 % 400 + 1) * DAY_MS)),
        };
        let team = TEAMS[i % TEAMS.len()];
        let (_, serial) = ids.serial(created);
        let csr = i % 9 == 0;
        let issuer = &state.cas[ca_index].info;
        let info = json!({
            "certificate_id": ids.uuid(), "status": status, "issuer_id": issuer.ca_id,
            "issuer_name": issuer.distinguished_name.common_name, "key_algorithm": KEYS[(i / 3) % KEYS.len()],
            "signature_algorithm": HASHES[i % HASHES.len()], "freeze_flag": 0,
            "gen_mode": if csr { "CSR" } else { "GENERATE" }, "serial_number": serial,
            "create_time": created, "not_before": created, "not_after": not_after,
            "distinguished_name": Name::new(format!("host-{i:05}.{team}.example.com"), "Example Scale Corp", team).api(),
            "enterprise_project_id": "0",
        });
        if status == "REVOKED" {
            state.cas[ca_index].revoked_serials.push(RevokedSerial {
                serial: serial.clone(),
                at_ms: created + DAY_MS,
                reason: REASONS[i % REASONS.len()].into(),
            });
        }
        state.certificates.push(CertRecord {
            info: cert_info(info),
            key_pem: (!csr).then(|| t.key_pem.clone()),
            certificate_pem: t.leaf.clone(),
            chain_pem: vec![t.sub.clone(), t.root.clone()],
            tags: Vec::new(),
        });
    }

    // SSL certificates: ids `scs` + thirteen digits, counting up.
    let base = now_ms - 900 * DAY_MS;
    for i in 0..SCALE_SSL_CERTIFICATES {
        let id = format!("scs{}", base + i as i64 * 1000);
        let status = SSL_STATUSES[i % SSL_STATUSES.len()];
        let name = format!("site-{i:03}");
        let domain = format!("site-{i:03}.{}.example.com", TEAMS[i % TEAMS.len()]);
        let issued = matches!(status, "ISSUED" | "UPLOAD" | "REVOKED" | "REVOKING");
        let mut info = describe(&id, &name, &t.ssl_info);
        info.status = Some(status.into());
        info.domain = Some(domain.clone());
        info.sans = (i % 4 == 0).then(|| format!("www.{domain}"));
        info.domain_count = Some(if i % 4 == 0 { 2 } else { 1 });
        info.domain_type = Some(if i % 4 == 0 { "MULTI_DOMAIN" } else { "SINGLE_DOMAIN" }.into());
        if status != "UPLOAD" {
            info.kind = Some(["DV_SSL_CERT", "OV_SSL_CERT", "EV_SSL_CERT", "DV_SSL_CERT_BASIC"][i % 4].into());
            info.brand = Some(["GEOTRUST", "GLOBALSIGN", "SYMANTEC", "CFCA"][i % 4].into());
            info.order_id = Some(format!("CS{}", &id[3..]));
        }
        if issued {
            // From 60 days expired to 400 days left, 3 days apart.
            let not_after = now_ms + ((i as i64 * 3) % 460 - 60) * DAY_MS;
            info.not_after = Some(scm_time(not_after));
            info.not_before = Some(scm_time(not_after - 365 * DAY_MS));
            info.issue_time = info.not_before.clone();
            if not_after <= now_ms && status != "REVOKED" {
                info.status = Some("EXPIRED".into());
            }
        } else {
            for field in [&mut info.not_after, &mut info.not_before, &mut info.issue_time, &mut info.signature_algorithm, &mut info.fingerprint] {
                *field = None;
            }
        }
        info.shared = Some(i % 50 == 49);
        let has_pem = issued;
        state.scm.push(ScmRecord {
            info,
            certificate_pem: if has_pem { t.ssl.clone() } else { String::new() },
            chain_pem: if has_pem { format!("{}{}", t.sub, t.root) } else { String::new() },
            key_pem: if has_pem { t.key_pem.clone() } else { String::new() },
            pushes: Vec::new(),
            updated_at_ms: base + i as i64 * 3_600_000,
            tags: Vec::new(),
            notices: Vec::new(),
            application: None,
        });
    }
    state
}

// ---------------------------------------------------------------------------
// Hand-written states
// ---------------------------------------------------------------------------

/// A hand-written state (a test fixture) may give CAs as records only.
/// This gives every CA without a key one of its `key_algorithm`, and every
/// CA past PENDING without a certificate one that matches its record (DN,
/// dates, path length, hash), signed by its issuer when that is in the state
/// (parents are completed first) and otherwise by a stand-in issuer named
/// as the record says. Records that have material are left alone.
pub fn complete_material(state: &mut State) {
    // Issuers before the CAs they signed: repeat until nothing changes.
    loop {
        let ready = state.cas.iter().position(|ca| {
            let needs_cert = ca.certificate_pem.is_none() && ca.info.status != ccm_api::common::CaStatus::Pending;
            let issuer_done = ca.info.issuer_id.as_ref().is_none_or(|id| {
                state.cas.iter().find(|c| &c.info.ca_id == id).is_none_or(|c| c.certificate_pem.is_some())
            });
            (ca.key_pem.is_empty() || needs_cert) && issuer_done
        });
        let Some(i) = ready else { return };
        complete_one(state, i);
    }
}

fn complete_one(state: &mut State, i: usize) {
    let info = state.cas[i].info.clone();
    let alg = info.key_algorithm.as_ref().and_then(|k| KeyAlgorithm::from_api_name(k.as_str())).unwrap_or(KeyAlgorithm::Ec256);
    let ca_key = match state.cas[i].key_pem.is_empty() {
        true => key(alg),
        false => ccm_pki::parse_private_key(state.cas[i].key_pem.as_bytes()).expect("the state's CA key parses"),
    };
    state.cas[i].key_pem = key_pem(&ca_key);
    if info.status == ccm_api::common::CaStatus::Pending || state.cas[i].certificate_pem.is_some() {
        return;
    }
    let dn = &info.distinguished_name;
    let subject = DistinguishedName {
        common_name: dn.common_name.clone(),
        country: dn.country.clone(),
        state: dn.state.clone(),
        locality: dn.locality.clone(),
        organization: dn.organization.clone(),
        organizational_unit: dn.organizational_unit.clone(),
    };
    let not_before = info.not_before.or(info.create_time).unwrap_or(0) / 1000;
    let not_after = info.not_after.unwrap_or(0) / 1000;
    let path_len = (info.kind != ccm_api::common::CaType::Root)
        .then(|| info.path_length.and_then(|p| u8::try_from(p).ok()).unwrap_or(0));
    let mut req = IssueRequest::new(subject, not_before, not_after).ca(path_len);
    req.hash = info.signature_algorithm.as_ref().and_then(|h| SignatureHash::from_api_name(h.as_str())).unwrap_or(SignatureHash::Sha256);
    let spki = ca_key.public_key_der().expect("public key");
    let issuer = info.issuer_id.as_ref().and_then(|id| state.cas.iter().find(|c| &c.info.ca_id == id));
    let (der, chain) = match (&info.issuer_id, issuer) {
        (None, _) => (self_signed_certificate(&req, &ca_key).expect("root"), Vec::new()),
        (Some(_), Some(parent)) => {
            let parent_der = ccm_pki::pem::certificates_from_pem(parent.certificate_pem.as_deref().unwrap_or_default())
                .expect("the issuer was completed first")
                .remove(0);
            let parent_key = ccm_pki::parse_private_key(parent.key_pem.as_bytes()).expect("issuer key");
            let mut chain = vec![parent.certificate_pem.clone().unwrap_or_default()];
            chain.extend(parent.chain_pem.iter().cloned());
            (issue_certificate(&req, &spki, &parent_der, &parent_key).expect("issued"), chain)
        }
        (Some(_), None) => {
            // The issuer is not in this account (an orphan): a stand-in signs.
            let name = info.issuer_name.clone().unwrap_or_else(|| "Issuer not in this account".into());
            let stand_in_key = key(KeyAlgorithm::Ec256);
            let stand_in = self_signed_certificate(
                &IssueRequest::new(DistinguishedName::new(name), not_before, not_after).ca(None),
                &stand_in_key,
            )
            .expect("stand-in root");
            (issue_certificate(&req, &spki, &stand_in, &stand_in_key).expect("issued"), vec![pem(&stand_in)])
        }
    };
    state.cas[i].certificate_pem = Some(pem(&der));
    state.cas[i].chain_pem = chain;
}

#[cfg(test)]
mod complete_tests {
    use super::*;

    #[test]
    fn records_without_material_get_matching_keys_and_certificates() {
        let day = 86_400_000;
        let now = 1_800_000_000_000;
        let record = |id: &str, kind: &str, status: &str, issuer: Option<&str>| CaRecord {
            info: ca_info(json!({
                "ca_id": id, "type": kind, "status": status, "key_algorithm": "EC256", "signature_algorithm": "SHA384",
                "path_length": 1, "create_time": now - day, "not_before": now - day, "not_after": now + 300 * day,
                "distinguished_name": {"common_name": id, "country": "DE"},
                "issuer_id": issuer, "issuer_name": issuer.map(|_| "Gone CA"),
            })),
            key_pem: String::new(),
            certificate_pem: None,
            chain_pem: Vec::new(),
            revoked: None,
            tags: Vec::new(),
            revoked_serials: Vec::new(),
        };
        // The child comes first in the list: the parent is still done first.
        let mut state = State {
            cas: vec![
                record("child", "SUBORDINATE", "ACTIVED", Some("root")),
                record("root", "ROOT", "ACTIVED", None),
                record("orphan", "SUBORDINATE", "DISABLED", Some("gone")),
                record("pending", "SUBORDINATE", "PENDING", None),
            ],
            ..Default::default()
        };
        complete_material(&mut state);
        let cert = |i: usize| ccm_pki::decode_certificate(state.cas[i].certificate_pem.as_deref().unwrap().as_bytes()).unwrap();
        let child = cert(0);
        assert_eq!(child.issuer, cert(1).subject);
        assert_eq!(child.not_after, (now + 300 * day) / 1000);
        assert_eq!(child.signature_algorithm, "SHA384withECDSA");
        assert_eq!(child.basic_constraints.unwrap().path_len, Some(1));
        assert_eq!(state.cas[0].chain_pem, vec![state.cas[1].certificate_pem.clone().unwrap()]);
        assert!(ccm_pki::key_matches_certificate(state.cas[0].key_pem.as_bytes(), child.to_pem().as_bytes()).unwrap());
        assert_eq!(cert(2).issuer, "CN=Gone CA");
        assert!(state.cas[3].certificate_pem.is_none() && !state.cas[3].key_pem.is_empty());
        // A second pass changes nothing.
        let before = state.to_json();
        complete_material(&mut state);
        assert_eq!(state.to_json(), before);
    }
}

//! Private certificates: apply, issue from a CSR, parse a CSR, list,
//! details, delete, revoke and export, checked with openssl and keytool.
//!
//! The CA hierarchy is built here with ccm-pki (a root and a subordinate
//! that issues), then placed in the emulator's state as records.

use std::path::Path;
use std::process::Command;

use ccm_api::Method;
use ccm_emulator::state::CaRecord;
use ccm_emulator::{EmuRequest, EmuResponse, Emulator, EmulatorConfig, State};
use ccm_pki::{generate_key, issue_certificate, self_signed_certificate, IssueRequest, KeyAlgorithm, PrivateKey};
use serde_json::{json, Value};

const NOW: i64 = 1_764_000_000_000;
const DAY: i64 = 86_400_000;
const CERTS: &str = "/v1/private-certificates";
const CAS: &str = "/v1/private-certificate-authorities";

const ROOT: &str = "11111111-1111-4111-8111-111111111111";
/// Issues certificates; path length 0 (no subordinate CAs below it).
const SUB: &str = "22222222-2222-4222-8222-222222222222";
const DISABLED: &str = "33333333-3333-4333-8333-333333333333";
/// Publishes a CRL.
const WITH_CRL: &str = "44444444-4444-4444-8444-444444444444";
/// Ends 30 days from now.
const SHORT: &str = "55555555-5555-4555-8555-555555555555";
const CRL_URL: &str = "http://pki-crl.obs.example.com/with-crl.crl";

struct Ca {
    key: PrivateKey,
    der: Vec<u8>,
}

fn pem(der: &[u8]) -> String {
    ccm_pki::pem::encode_pem("CERTIFICATE", der)
}

fn dn(cn: &str) -> ccm_pki::DistinguishedName {
    ccm_pki::DistinguishedName {
        common_name: cn.into(),
        country: Some("DE".into()),
        state: Some("Berlin".into()),
        locality: Some("Berlin".into()),
        organization: Some("Acme".into()),
        organizational_unit: Some("PKI".into()),
    }
}

/// A CA certificate valid from `from` to `until` (ms), self-signed when
/// there is no parent.
fn make_ca(cn: &str, parent: Option<&Ca>, path_len: Option<u8>, from: i64, until: i64) -> Ca {
    let key = generate_key(KeyAlgorithm::Ec256).unwrap();
    let req = IssueRequest::new(dn(cn), from / 1000, until / 1000).ca(path_len);
    let der = match parent {
        None => self_signed_certificate(&req, &key).unwrap(),
        Some(p) => issue_certificate(&req, &key.public_key_der().unwrap(), &p.der, &p.key).unwrap(),
    };
    Ca { key, der }
}

#[allow(clippy::too_many_arguments)]
fn record(
    id: &str,
    cn: &str,
    kind: &str,
    status: &str,
    ca: &Ca,
    chain: &[&Ca],
    from: i64,
    until: i64,
    path: i64,
    crl: Value,
) -> CaRecord {
    CaRecord {
        info: serde_json::from_value(json!({
            "ca_id": id, "type": kind, "status": status, "create_time": from, "not_before": from, "not_after": until,
            "path_length": path, "key_algorithm": "EC256", "signature_algorithm": "SHA256", "gen_mode": "GENERATE",
            "freeze_flag": 0, "crl_configuration": crl,
            "distinguished_name": {"common_name": cn, "country": "DE", "state": "Berlin", "locality": "Berlin",
                "organization": "Acme", "organizational_unit": "PKI"}
        }))
        .unwrap(),
        key_pem: ca.key.to_pkcs8_pem().unwrap().to_string(),
        certificate_pem: Some(pem(&ca.der)),
        chain_pem: chain.iter().map(|c| pem(&c.der)).collect(),
        revoked: None,
        tags: Vec::new(),
        revoked_serials: Vec::new(),
    }
}

struct Fixture {
    emu: Emulator,
    token: String,
    root_pem: String,
    dir: tempfile::TempDir,
}

fn fixture() -> Fixture {
    fixture_with(EmulatorConfig::default())
}

fn fixture_with(config: EmulatorConfig) -> Fixture {
    let (from, until) = (NOW - 10 * DAY, NOW + 3650 * DAY);
    let root = make_ca("Acme Root", None, None, from, until);
    let sub = make_ca("Acme Issuing", Some(&root), Some(0), from, until);
    let disabled = make_ca("Acme Old", Some(&root), Some(0), from, until);
    let with_crl = make_ca("Acme CRL", Some(&root), Some(0), from, until);
    let short = make_ca("Acme Short", Some(&root), Some(0), from, NOW + 30 * DAY);
    let no_crl = json!({"enabled": false});
    let crl = json!({"enabled": true, "obs_bucket_name": "pki-crl", "valid_days": 7, "crl_name": "with-crl",
        "crl_dis_point": CRL_URL});
    let cas = vec![
        record(ROOT, "Acme Root", "ROOT", "ACTIVED", &root, &[], from, until, 7, no_crl.clone()),
        record(SUB, "Acme Issuing", "SUBORDINATE", "ACTIVED", &sub, &[&root], from, until, 0, no_crl.clone()),
        record(DISABLED, "Acme Old", "SUBORDINATE", "DISABLED", &disabled, &[&root], from, until, 0, no_crl.clone()),
        record(WITH_CRL, "Acme CRL", "SUBORDINATE", "ACTIVED", &with_crl, &[&root], from, until, 0, crl),
        record(SHORT, "Acme Short", "SUBORDINATE", "ACTIVED", &short, &[&root], from, NOW + 30 * DAY, 0, no_crl),
    ];
    let mut emu = Emulator::new(config, State { cas, ..Default::default() });
    let token = sign_in(&mut emu, NOW);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("root.pem"), pem(&root.der)).unwrap();
    Fixture { emu, token, root_pem: pem(&root.der), dir }
}

fn sign_in(emu: &mut Emulator, at: i64) -> String {
    let body = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}}});
    let mut r = request(Method::Post, "/v3/auth/tokens", "", "", &body.to_string());
    r.host = "iam.ap-southeast-3.myhuaweicloud.com".into();
    let answer = emu.handle(&r, at);
    answer.headers.iter().find(|(k, _)| k == "X-Subject-Token").unwrap().1.clone()
}

fn request(method: Method, path: &str, query: &str, token: &str, body: &str) -> EmuRequest {
    EmuRequest {
        method,
        host: "ccm.ap-southeast-3.myhuaweicloud.com".into(),
        path: path.into(),
        raw_query: query.into(),
        headers: vec![("X-Auth-Token".into(), token.into())],
        body: body.as_bytes().to_vec(),
    }
}

impl Fixture {
    fn call(&mut self, method: Method, path: &str, query: &str, body: Option<Value>) -> EmuResponse {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        self.emu.handle(&request(method, path, query, &self.token, &body), NOW)
    }

    fn post(&mut self, path: &str, body: Value) -> EmuResponse {
        self.call(Method::Post, path, "", Some(body))
    }

    fn get(&mut self, path: &str, query: &str) -> EmuResponse {
        self.call(Method::Get, path, query, None)
    }

    /// Applies for a certificate; the new id.
    fn apply(&mut self, body: Value) -> String {
        let r = self.post(CERTS, body);
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        r.body_json()["certificate_id"].as_str().unwrap().to_owned()
    }

    fn show(&mut self, id: &str) -> Value {
        let r = self.get(&format!("{CERTS}/{id}"), "");
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        r.body_json()
    }

    fn export(&mut self, id: &str, body: Value) -> EmuResponse {
        self.post(&format!("{CERTS}/{id}/export"), body)
    }

    /// The uncompressed OTHER export: (certificate, chain, key).
    fn export_pem(&mut self, id: &str) -> (String, String, Option<String>) {
        let r = self.export(id, json!({"type": "OTHER", "is_compressed": false}));
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        let j = r.body_json();
        let text = |k: &str| j[k].as_str().map(str::to_owned);
        (text("certificate").unwrap(), text("certificate_chain").unwrap(), text("private_key"))
    }

    fn write(&self, name: &str, data: impl AsRef<[u8]>) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, data).unwrap();
        path.to_string_lossy().into_owned()
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).to_string_lossy().into_owned()
    }
}

/// Runs a tool in `dir`; its standard output. Fails the test with the
/// tool's own words when it fails.
fn run(dir: &Path, tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).current_dir(dir).output().unwrap_or_else(|e| panic!("{tool}: {e}"));
    assert!(
        out.status.success(),
        "{tool} {}: {}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn openssl(f: &Fixture, args: &[&str]) -> String {
    run(f.dir.path(), "openssl", args)
}

/// `openssl x509 -noout -text` of a PEM certificate.
fn text_of(f: &Fixture, cert_pem: &str) -> String {
    let path = f.write("text.pem", cert_pem);
    openssl(f, &["x509", "-noout", "-text", "-in", &path])
}

const AT: &str = "1764000060"; // NOW plus a minute, for openssl verify -attime

/// The certificate chains to the fixture's root through `chain`.
fn assert_verifies(f: &Fixture, cert_pem: &str, chain_pem: &str) {
    let cert = f.write("leaf.pem", cert_pem);
    let chain = f.write("chain.pem", chain_pem);
    let out = openssl(f, &["verify", "-attime", AT, "-CAfile", "root.pem", "-untrusted", &chain, &cert]);
    assert!(out.trim_end().ends_with(": OK"), "{out}");
}

/// The public key of a certificate and of a private key (PEM), as openssl
/// writes them.
fn public_of_cert(f: &Fixture, cert_pem: &str) -> String {
    let p = f.write("pub-cert.pem", cert_pem);
    openssl(f, &["x509", "-noout", "-pubkey", "-in", &p])
}

fn public_of_key(f: &Fixture, key_pem: &str, password: Option<&str>) -> String {
    let p = f.write("pub-key.pem", key_pem);
    let pass = format!("pass:{}", password.unwrap_or(""));
    let mut args = vec!["pkey", "-pubout", "-in", &p];
    if password.is_some() {
        args.extend(["-passin", &pass]);
    }
    openssl(f, &args)
}

fn error_code(r: &EmuResponse) -> String {
    r.body_json()["error_code"].as_str().unwrap_or_default().to_owned()
}

fn leaf_body(cn: &str, key: &str) -> Value {
    json!({
        "issuer_id": SUB, "key_algorithm": key, "signature_algorithm": "SHA256",
        "distinguished_name": {"common_name": cn}, "validity": {"type": "YEAR", "value": 1}
    })
}

// ---------------------------------------------------------------------------

#[test]
fn every_key_algorithm_with_names_usages_and_extensions() {
    let mut f = fixture();
    // The hash is the issuing CA's (an EC key here) signature over the certificate.
    let cases = [
        ("RSA2048", "SHA256", "ecdsa-with-SHA256", "2048 bit"),
        ("RSA4096", "SHA512", "ecdsa-with-SHA512", "4096 bit"),
        ("EC256", "SHA384", "ecdsa-with-SHA384", "prime256v1"),
        ("EC384", "SHA256", "ecdsa-with-SHA256", "secp384r1"),
    ];
    for (key, sig, openssl_sig, key_text) in cases {
        let cn = format!("{}.apps.example.com", key.to_lowercase());
        let id = f.apply(json!({
            "issuer_id": SUB, "key_algorithm": key, "signature_algorithm": sig,
            "distinguished_name": {"common_name": cn, "organizational_unit": "Web"},
            "validity": {"type": "MONTH", "value": 6},
            "key_usages": ["digitalSignature", "keyEncipherment", "nonRepudiation"],
            "subject_alternative_names": [
                {"type": "DNS", "value": cn}, {"type": "DNS", "value": "*.apps.example.com"},
                {"type": "IP", "value": "10.1.2.3"}, {"type": "IP", "value": "2001:db8::7"},
                {"type": "EMAIL", "value": "ops@example.com"}, {"type": "URI", "value": "https://apps.example.com/id"}],
            "extended_key_usage": {"server_auth": true, "client_auth": true, "code_signing": true,
                "email_protection": true, "time_stamping": true},
            "customized_extension": {"object_identifier": "1.3.6.1.4.1.2011.4.99", "value": "team-blue"}
        }));
        let shown = f.show(&id);
        assert_eq!(shown["status"], "ISSUED");
        assert_eq!(shown["key_algorithm"], key);
        assert_eq!(shown["signature_algorithm"], sig);
        assert_eq!(shown["gen_mode"], "GENERATE");
        assert_eq!(shown["issuer_id"], SUB);
        assert_eq!(shown["issuer_name"], "Acme Issuing");
        assert_eq!(shown["not_before"], NOW / 1000 * 1000);
        assert_eq!(shown["not_after"], NOW / 1000 * 1000 + 6 * 31 * DAY);
        // Parts left out are the issuer's; the ones given are kept.
        let dn = &shown["distinguished_name"];
        assert_eq!((dn["common_name"].as_str(), dn["organizational_unit"].as_str()), (Some(cn.as_str()), Some("Web")));
        assert_eq!(
            (dn["country"].as_str(), dn["organization"].as_str(), dn["state"].as_str()),
            (Some("DE"), Some("Acme"), Some("Berlin"))
        );

        let (cert, chain, private_key) = f.export_pem(&id);
        assert!(cert.contains("\r\n"), "PEM in JSON has CRLF line ends");
        let text = text_of(&f, &cert);
        for want in [
            openssl_sig,
            key_text,
            &format!("Subject: C = DE, ST = Berlin, L = Berlin, O = Acme, OU = Web, CN = {cn}"),
            "Issuer: C = DE, ST = Berlin, L = Berlin, O = Acme, OU = PKI, CN = Acme Issuing",
            &format!("DNS:{cn}, DNS:*.apps.example.com, IP Address:10.1.2.3, IP Address:2001:DB8:0:0:0:0:0:7, email:ops@example.com, URI:https://apps.example.com/id"),
            "Digital Signature, Non Repudiation, Key Encipherment",
            "TLS Web Server Authentication, TLS Web Client Authentication, Code Signing, E-mail Protection, Time Stamping",
            "1.3.6.1.4.1.2011.4.99:",
            "team-blue",
            "CA:FALSE",
        ] {
            assert!(text.contains(want), "{key}: no {want:?} in\n{text}");
        }
        assert!(!text.contains("CRL Distribution Points"), "the issuer publishes no CRL");
        let serial = openssl(&f, &["x509", "-noout", "-serial", "-in", &f.path("text.pem")]);
        assert_eq!(serial.trim(), format!("serial={}", shown["serial_number"].as_str().unwrap()));
        assert_verifies(&f, &cert, &chain);
        let key_pem = private_key.expect("a generated key is exported");
        let label = if key.starts_with("RSA") { "RSA PRIVATE KEY" } else { "EC PRIVATE KEY" };
        assert!(key_pem.starts_with(&format!("-----BEGIN {label}-----\r\n")), "{}", &key_pem[..40]);
        assert_eq!(public_of_key(&f, &key_pem, None), public_of_cert(&f, &cert), "{key}: key and certificate differ");
    }
}

#[test]
fn defaults_and_the_issuers_crl_point() {
    let mut f = fixture();
    let mut body = leaf_body("crl.example.com", "EC256");
    body["issuer_id"] = json!(WITH_CRL);
    body["validity"] = json!({"type": "DAY", "value": 90, "start_from": NOW + DAY});
    let id = f.apply(body);
    let shown = f.show(&id);
    assert_eq!(shown["not_before"], NOW + DAY);
    assert_eq!(shown["not_after"], NOW + 91 * DAY);
    let (cert, chain, _) = f.export_pem(&id);
    let text = text_of(&f, &cert);
    assert!(text.contains("X509v3 CRL Distribution Points"), "{text}");
    assert!(text.contains(&format!("URI:{CRL_URL}")), "{text}");
    // No usages asked for: the service's default for end-entity certificates.
    assert!(text.contains("Digital Signature, Key Agreement"), "{text}");
    assert!(!text.contains("Extended Key Usage"), "{text}");
    assert!(!text.contains("Subject Alternative Name"), "{text}");
    let leaf = f.write("leaf.pem", &cert);
    let chain = f.write("chain.pem", &chain);
    let later = ((NOW + 2 * DAY) / 1000).to_string();
    let out = openssl(&f, &["verify", "-attime", &later, "-CAfile", "root.pem", "-untrusted", &chain, &leaf]);
    assert!(out.contains(": OK"), "{out}");
}

fn openssl_csr(f: &Fixture, name: &str, key_args: &[&str], subject: &str, extra: &[&str]) -> String {
    let key = f.path(&format!("{name}.key"));
    let csr = f.path(&format!("{name}.csr"));
    let mut args = vec!["req", "-new", "-nodes", "-keyout", &key, "-out", &csr, "-subj", subject];
    args.extend_from_slice(key_args);
    args.extend_from_slice(extra);
    openssl(f, &args);
    std::fs::read_to_string(&csr).unwrap()
}

#[test]
fn csr_is_parsed_and_issued_without_a_key() {
    let mut f = fixture();
    let csr = openssl_csr(
        &f,
        "web",
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
        "/C=FR/ST=Ile-de-France/L=Paris/O=Example SA/OU=Ops/CN=csr.example.com",
        &["-addext", "subjectAltName=DNS:csr.example.com,IP:192.0.2.8", "-addext", "extendedKeyUsage=serverAuth"],
    );

    let parsed = f.post(&format!("{CERTS}/csr/parse"), json!({ "csr": csr }));
    assert_eq!(parsed.status, 200, "{}", String::from_utf8_lossy(&parsed.body));
    let p = parsed.body_json();
    assert_eq!(p["key_algorithm"], "EC");
    assert_eq!(p["key_algorithm_length"], 256);
    assert_eq!(p["signature_algorithm"], "SHA256withECDSA");
    assert_eq!(
        p["distinguished_name"],
        json!({"common_name": "csr.example.com", "country": "FR", "state": "Ile-de-France", "locality": "Paris",
            "organization": "Example SA", "organizational_unit": "Ops"})
    );
    let public = p["public_key"].as_str().unwrap();
    assert!(public.starts_with("-----BEGIN PUBLIC KEY-----\r\n") && public.ends_with("-----END PUBLIC KEY-----\r\n"));
    let csr_path = f.path("web.csr");
    let from_openssl = openssl(&f, &["req", "-noout", "-pubkey", "-in", &csr_path]);
    assert_eq!(public.replace("\r\n", "\n"), from_openssl);

    // The reference writes the line breaks as "\n" escapes; both forms work.
    let escaped = csr.replace('\n', "\\n");
    let r = f.post(
        &format!("{CERTS}/csr"),
        json!({"issuer_id": SUB, "csr": escaped, "validity": {"type": "DAY", "value": 30},
        "subject_alternative_names": [{"type": "DNS", "value": "ignored.example.com"}]}),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let id = r.body_json()["certificate_id"].as_str().unwrap().to_owned();
    let shown = f.show(&id);
    assert_eq!(shown["gen_mode"], "CSR");
    assert_eq!(shown["key_algorithm"], "EC256");
    assert_eq!(shown["signature_algorithm"], "SHA384");
    assert_eq!(shown["distinguished_name"]["common_name"], "csr.example.com");
    assert_eq!(shown["distinguished_name"]["country"], "FR");

    let (cert, chain, key) = f.export_pem(&id);
    assert_eq!(key, None, "the service holds no key for a CSR certificate");
    assert_verifies(&f, &cert, &chain);
    assert_eq!(public_of_cert(&f, &cert), from_openssl);
    let text = text_of(&f, &cert);
    for want in [
        "Subject: C = FR, ST = Ile-de-France, L = Paris, O = Example SA, OU = Ops, CN = csr.example.com",
        "DNS:csr.example.com, IP Address:192.0.2.8",
        "TLS Web Server Authentication",
        "Digital Signature, Key Agreement",
        "ecdsa-with-SHA384",
        "CA:FALSE",
    ] {
        assert!(text.contains(want), "no {want:?} in\n{text}");
    }
    assert!(!text.contains("ignored.example.com"), "the body's names are reserved and ignored");
    // The ZIP simply has no server.key.
    let zip = f.export(&id, json!({"type": "APACHE", "is_compressed": true}));
    let names: Vec<String> = ccm_pki::read_zip(&zip.body).unwrap().into_iter().map(|e| e.name).collect();
    assert_eq!(names, ["chain.crt", "server.crt"]);
}

#[test]
fn rsa_csr_parse_and_a_forged_signature() {
    let mut f = fixture();
    let csr = openssl_csr(&f, "rsa", &["-newkey", "rsa:2048"], "/O=Example/CN=rsa.example.com", &[]);
    let p = f.post(&format!("{CERTS}/csr/parse"), json!({ "csr": csr })).body_json();
    assert_eq!((p["key_algorithm"].as_str(), p["key_algorithm_length"].as_i64()), (Some("RSA"), Some(2048)));
    assert_eq!(p["signature_algorithm"], "SHA256withRSA");
    assert_eq!(p["distinguished_name"], json!({"common_name": "rsa.example.com", "organization": "Example"}));

    // One bit of the signature changed: the request no longer proves
    // possession of its key.
    let mut der = ccm_pki::pem::parse_pem(&csr).unwrap().remove(0).der;
    let last = der.len() - 1;
    der[last] ^= 0x01;
    let forged = ccm_pki::pem::encode_pem("CERTIFICATE REQUEST", &der);
    for path in [format!("{CERTS}/csr/parse"), format!("{CERTS}/csr")] {
        let r = f.post(&path, json!({"csr": forged, "issuer_id": SUB, "validity": {"type": "DAY", "value": 1}}));
        assert_eq!((r.status, error_code(&r).as_str()), (400, "PCA.00020401"), "{path}");
        assert!(r.body_json()["error_msg"].as_str().unwrap().contains("signature"));
    }
    let garbage = "-----BEGIN CERTIFICATE REQUEST-----\nMIIBAAAA\n-----END CERTIFICATE REQUEST-----\n";
    let r = f.post(&format!("{CERTS}/csr/parse"), json!({ "csr": garbage }));
    assert_eq!((r.status, error_code(&r).as_str()), (400, "PCA.00020401"));
}

#[test]
fn csr_issued_as_a_subordinate_ca() {
    let mut f = fixture();
    let csr = openssl_csr(
        &f,
        "ica",
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"],
        "/C=DE/O=Acme/CN=Acme Offline Issuing",
        &[],
    );
    let body = json!({"issuer_id": ROOT, "csr": csr, "type": "INTERMEDIATE_CA", "path_length": 1,
        "validity": {"type": "YEAR", "value": 5}});
    let r = f.post(&format!("{CERTS}/csr"), body.clone());
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let ca_id = r.body_json()["certificate_id"].as_str().unwrap().to_owned();
    // The id is a CA's: its details come from the CA API, not the certificate one.
    assert_eq!(f.get(&format!("{CERTS}/{ca_id}"), "").status, 404);
    let ca = f.get(&format!("{CAS}/{ca_id}"), "").body_json();
    assert_eq!(ca["type"], "SUBORDINATE");
    assert_eq!(ca["status"], "ACTIVED");
    assert_eq!(ca["path_length"], 1);
    assert_eq!(ca["gen_mode"], "CSR");
    assert_eq!(ca["key_algorithm"], "EC384");
    assert_eq!(ca["issuer_id"], ROOT);
    assert_eq!(ca["distinguished_name"]["common_name"], "Acme Offline Issuing");
    let record = f.emu.state.ca(&ca_id).unwrap().clone();
    assert!(record.key_pem.is_empty(), "the key stays with the requester");
    let cert = record.certificate_pem.unwrap();
    let text = text_of(&f, &cert);
    assert!(text.contains("CA:TRUE, pathlen:1"), "{text}");
    assert!(text.contains("Digital Signature, Certificate Sign, CRL Sign"), "{text}");
    assert_verifies(&f, &cert, &f.root_pem.clone());
    // It uses no certificate quota.
    assert_eq!(f.get(&format!("{CERTS}/quotas"), "").body_json()["quotas"]["resources"][0]["used"], 0);

    // Without its key the service cannot sign for it.
    let mut leaf = leaf_body("x.example.com", "EC256");
    leaf["issuer_id"] = json!(ca_id);
    let r = f.post(CERTS, leaf);
    assert_eq!((r.status, error_code(&r).as_str()), (403, "PCA.00030201"));
    // A CA with path length 0 may not have subordinates.
    let mut below_sub = body;
    below_sub["issuer_id"] = json!(SUB);
    below_sub["path_length"] = json!(0);
    let r = f.post(&format!("{CERTS}/csr"), below_sub);
    assert_eq!((r.status, error_code(&r).as_str()), (403, "PCA.00030201"));
}

fn zip_files(r: &EmuResponse) -> Vec<(String, Vec<u8>)> {
    ccm_pki::read_zip(&r.body).unwrap().into_iter().map(|e| (e.name, e.data)).collect()
}

fn header<'a>(r: &'a EmuResponse, name: &str) -> &'a str {
    r.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str()).unwrap_or_default()
}

#[test]
fn export_every_server_type_both_ways() {
    let mut f = fixture();
    let id = f.apply(leaf_body("shop.example.com", "EC256"));
    let (cert, chain, key) = f.export_pem(&id);
    let public = public_of_cert(&f, &cert);
    let key = key.unwrap();

    // Uncompressed: JSON for APACHE, NGINX and OTHER (in any case), with the
    // flag as a boolean or as text; IIS and TOMCAT exist only as a ZIP.
    for (kind, flag) in [("APACHE", json!(false)), ("nginx", json!("false")), ("other", json!(false))] {
        let r = f.export(&id, json!({"type": kind, "is_compressed": flag}));
        assert_eq!(r.status, 200, "{kind}: {}", String::from_utf8_lossy(&r.body));
        assert_eq!(header(&r, "Content-Type"), "application/json");
        let j = r.body_json();
        assert_eq!(j["certificate"].as_str().unwrap(), cert);
        assert_eq!(j["certificate_chain"].as_str().unwrap(), chain);
        assert_eq!(j["private_key"].as_str().unwrap(), key);
    }
    for kind in ["IIS", "TOMCAT", "tomcat"] {
        let r = f.export(&id, json!({"type": kind, "is_compressed": "false"}));
        assert_eq!((r.status, error_code(&r).as_str()), (400, "PCA.00020001"), "{kind}");
    }

    // Compressed: exactly the documented files.
    let dir = f.dir.path().to_owned();
    for (kind, flag, files) in [
        ("APACHE", json!(true), vec!["server.key", "chain.crt", "server.crt"]),
        ("NGINX", json!("true"), vec!["server.key", "server.crt"]),
        ("IIS", json!(true), vec!["server.pfx", "keystorePass.txt"]),
        ("TOMCAT", json!("TRUE"), vec!["server.jks", "keystorePass.txt"]),
        ("other", json!(true), vec!["server.key", "chain.pem", "server.pem"]),
    ] {
        let r = f.export(&id, json!({"type": kind, "is_compressed": flag}));
        assert_eq!(r.status, 200, "{kind}: {}", String::from_utf8_lossy(&r.body));
        assert_eq!(header(&r, "Content-Type"), "application/zip");
        let lower = kind.to_lowercase();
        assert_eq!(header(&r, "Content-Disposition"), format!("attachment; filename=\"shop.example.com_{lower}.zip\""));
        let got = zip_files(&r);
        assert_eq!(got.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), files, "{kind}");
        for (name, data) in &got {
            std::fs::write(dir.join(format!("{lower}-{name}")), data).unwrap();
        }
        let file = |name: &str| String::from_utf8(got.iter().find(|(n, _)| n == name).unwrap().1.clone()).unwrap();
        match kind {
            "APACHE" => {
                assert_verifies(&f, &file("server.crt"), &file("chain.crt"));
                assert_eq!(public_of_key(&f, &file("server.key"), None), public);
            }
            "NGINX" => {
                // The certificate, then the chain, in one file.
                let full = file("server.crt");
                assert_eq!(full.matches("BEGIN CERTIFICATE").count(), 3);
                assert_eq!(full.replace('\n', "\r\n"), format!("{cert}\r\n{chain}\r\n"));
                assert_eq!(public_of_key(&f, &file("server.key"), None), public);
            }
            "other" => {
                assert_verifies(&f, &file("server.pem"), &file("chain.pem"));
                assert_eq!(public_of_key(&f, &file("server.key"), None), public);
            }
            "IIS" => {
                let pass = format!("pass:{}", file("keystorePass.txt"));
                let certs = openssl(&f, &["pkcs12", "-in", "iis-server.pfx", "-passin", &pass, "-nokeys"]);
                assert_eq!(certs.matches("BEGIN CERTIFICATE").count(), 3, "{certs}");
                assert!(
                    certs
                        .contains("subject=C = DE, ST = Berlin, L = Berlin, O = Acme, OU = PKI, CN = shop.example.com"),
                    "{certs}"
                );
                let keys = openssl(&f, &["pkcs12", "-in", "iis-server.pfx", "-passin", &pass, "-nocerts", "-nodes"]);
                assert_eq!(public_of_key(&f, &keys, None), public);
            }
            _ => {
                let pass = file("keystorePass.txt");
                assert!(pass.len() >= 6);
                let out = run(&dir, "keytool", &["-list", "-v", "-keystore", "tomcat-server.jks", "-storepass", &pass]);
                assert!(out.contains("PrivateKeyEntry"), "{out}");
                assert!(out.contains("Certificate chain length: 3"), "{out}");
                assert!(out.contains("CN=shop.example.com"), "{out}");
            }
        }
    }

    // A password encrypts the key, in the ZIP and in JSON.
    let r = f.export(&id, json!({"type": "APACHE", "is_compressed": "true", "password": "s3cret-pw"}));
    let got = zip_files(&r);
    let server_key = String::from_utf8(got[0].1.clone()).unwrap();
    assert!(server_key.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assert_eq!(public_of_key(&f, &server_key, Some("s3cret-pw")), public);
    let j = f.export(&id, json!({"type": "OTHER", "is_compressed": false, "password": "s3cret-pw"})).body_json();
    let encrypted = j["private_key"].as_str().unwrap();
    assert!(encrypted.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\r\n"));
    assert_eq!(public_of_key(&f, encrypted, Some("s3cret-pw")), public);
    let r = f.export(&id, json!({"type": "OTHER", "is_compressed": false, "password": "x".repeat(33)}));
    assert_eq!(r.status, 400);
}

#[test]
fn csr_certificates_export_to_every_server_type_without_a_key() {
    let mut f = fixture();
    let csr = openssl_csr(
        &f,
        "nokey",
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
        "/CN=nokey.example.com",
        &[],
    );
    let r =
        f.post(&format!("{CERTS}/csr"), json!({"issuer_id": SUB, "csr": csr, "validity": {"type": "DAY", "value": 7}}));
    let id = r.body_json()["certificate_id"].as_str().unwrap().to_owned();
    for (kind, files) in [
        ("APACHE", vec!["chain.crt", "server.crt"]),
        ("NGINX", vec!["server.crt"]),
        ("IIS", vec!["server.pfx", "keystorePass.txt"]),
        ("TOMCAT", vec!["server.jks", "keystorePass.txt"]),
        ("OTHER", vec!["chain.pem", "server.pem"]),
    ] {
        let r = f.export(&id, json!({"type": kind, "is_compressed": true}));
        assert_eq!(r.status, 200, "{kind}");
        let got = zip_files(&r);
        assert_eq!(got.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), files, "{kind}");
        if kind == "TOMCAT" {
            std::fs::write(f.dir.path().join("nokey.jks"), &got[0].1).unwrap();
            let pass = String::from_utf8(got[1].1.clone()).unwrap();
            let out = run(f.dir.path(), "keytool", &["-list", "-keystore", "nokey.jks", "-storepass", &pass]);
            assert!(out.contains("trustedCertEntry"), "{out}");
        }
        if kind == "IIS" {
            std::fs::write(f.dir.path().join("nokey.pfx"), &got[0].1).unwrap();
            let pass = format!("pass:{}", String::from_utf8(got[1].1.clone()).unwrap());
            let out = openssl(&f, &["pkcs12", "-in", "nokey.pfx", "-passin", &pass, "-nokeys"]);
            assert_eq!(out.matches("BEGIN CERTIFICATE").count(), 3);
        }
    }
}

fn cns(r: &EmuResponse) -> Vec<String> {
    r.body_json()["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["distinguished_name"]["common_name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn list_filters_sorts_pages_and_derives_expiry() {
    let mut f = fixture();
    let mut ids = Vec::new();
    for i in 0..12 {
        let mut body = leaf_body(&format!("host{i:02}.example.com"), "EC256");
        body["validity"] = json!({"type": "DAY", "value": 100 - i});
        if i == 3 {
            body["issuer_id"] = json!(WITH_CRL);
        }
        if i == 5 {
            body["validity"] = json!({"type": "HOUR", "value": 1});
        }
        ids.push(f.apply(body));
    }
    let all = f.get(CERTS, "");
    assert_eq!(all.body_json()["total"], 12);
    // Ten per page, newest first.
    assert_eq!(cns(&all).len(), 10);
    assert_eq!(cns(&all)[0], "host11.example.com");
    let page = f.get(CERTS, "limit=5&offset=10&sort_key=common_name&sort_dir=ASC");
    assert_eq!(cns(&page), ["host10.example.com", "host11.example.com"]);
    assert_eq!(page.body_json()["total"], 12);
    assert_eq!(cns(&f.get(CERTS, "name=HOST1&sort_dir=ASC")), ["host10.example.com", "host11.example.com"]);
    assert_eq!(
        cns(&f.get(CERTS, "sort_key=not_after&sort_dir=ASC&limit=2")),
        ["host05.example.com", "host11.example.com"]
    );
    // Issuer names sort "Acme CRL" before "Acme Issuing".
    assert_eq!(cns(&f.get(CERTS, "sort_key=issuer_name&sort_dir=ASC&limit=1")), ["host03.example.com"]);
    assert_eq!(f.post(&format!("{CERTS}/{}/revoke", ids[7]), json!({})).status, 204);
    assert_eq!(cns(&f.get(CERTS, "status=REVOKED")), ["host07.example.com"]);
    assert_eq!(f.get(CERTS, "status=ISSUED").body_json()["total"], 11);
    assert_eq!(f.get(CERTS, "sort_key=serial").status, 400);

    // Two hours later the one-hour certificate has expired.
    let later = NOW + 2 * 3_600_000;
    let r = f.emu.handle(&request(Method::Get, CERTS, "status=EXPIRED", &f.token, ""), later);
    assert_eq!(cns(&r), ["host05.example.com"]);
    let r = f.emu.handle(
        &request(
            Method::Post,
            &format!("{CERTS}/{}/export", ids[5]),
            "",
            &f.token,
            r#"{"type":"OTHER","is_compressed":false}"#,
        ),
        later,
    );
    assert_eq!((r.status, error_code(&r).as_str()), (403, "PCA.00030201"));
    assert!(r.body_json()["error_msg"].as_str().unwrap().contains("issued"));
}

#[test]
fn revoke_records_the_serial_for_the_crl_and_delete_works_in_any_status() {
    let mut f = fixture();
    let a = f.apply(leaf_body("a.example.com", "EC256"));
    let b = f.apply(leaf_body("b.example.com", "EC256"));
    let serial_a = f.show(&a)["serial_number"].as_str().unwrap().to_owned();
    let serial_b = f.show(&b)["serial_number"].as_str().unwrap().to_owned();

    // No body at all is refused: the reference asks for {}.
    let r = f.call(Method::Post, &format!("{CERTS}/{a}/revoke"), "", None);
    assert_eq!(r.status, 400);
    assert_eq!(f.post(&format!("{CERTS}/{a}/revoke"), json!({})).status, 204);
    assert_eq!(f.post(&format!("{CERTS}/{b}/revoke"), json!({"reason": "KEY_COMPROMISE"})).status, 204);
    let r = f.post(&format!("{CERTS}/{b}/revoke"), json!({"reason": "NOT_A_REASON"}));
    assert_eq!(r.status, 400);
    assert_eq!(f.show(&a)["status"], "REVOKED");

    let issuer = f.emu.state.ca(SUB).unwrap();
    let recorded: Vec<(String, String, i64)> =
        issuer.revoked_serials.iter().map(|s| (s.serial.clone(), s.reason.clone(), s.at_ms)).collect();
    assert_eq!(recorded, [(serial_a.clone(), "UNSPECIFIED".into(), NOW), (serial_b, "KEY_COMPROMISE".into(), NOW)]);

    // A revoked certificate can be neither revoked again nor exported.
    let r = f.post(&format!("{CERTS}/{a}/revoke"), json!({}));
    assert_eq!((r.status, error_code(&r).as_str()), (403, "PCA.00030201"));
    let r = f.export(&a, json!({"type": "APACHE", "is_compressed": true}));
    assert_eq!((r.status, error_code(&r).as_str()), (403, "PCA.00030201"));

    // The serial as recorded is the certificate's, so the CRL names it.
    let issuer = f.emu.state.ca(SUB).unwrap().clone();
    let key = ccm_pki::parse_private_key(issuer.key_pem.as_bytes()).unwrap();
    let issuer_der = ccm_pki::pem::certificates_from_pem(issuer.certificate_pem.as_deref().unwrap()).unwrap().remove(0);
    let entries: Vec<_> = issuer
        .revoked_serials
        .iter()
        .map(|s| ccm_pki::RevokedEntry {
            serial: (0..s.serial.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&s.serial[i..i + 2], 16).unwrap())
                .collect(),
            revoked_at: s.at_ms / 1000,
            reason: ccm_pki::RevocationReason::from_api_name(&s.reason),
        })
        .collect();
    let crl = ccm_pki::build_crl(
        &issuer_der,
        &key,
        &entries,
        1,
        NOW / 1000,
        NOW / 1000 + 7 * 86_400,
        ccm_pki::SignatureHash::Sha256,
    )
    .unwrap();
    let crl_path = f.write("sub.crl", ccm_pki::pem::encode_pem("X509 CRL", &crl));
    let crl_text = openssl(&f, &["crl", "-noout", "-text", "-in", &crl_path]);
    assert!(crl_text.contains(&format!("Serial Number: {serial_a}")), "{crl_text}");

    // Delete: any status (revoked here), then it is gone.
    assert_eq!(f.call(Method::Delete, &format!("{CERTS}/{a}"), "", None).status, 204);
    let r = f.get(&format!("{CERTS}/{a}"), "");
    assert_eq!((r.status, error_code(&r).as_str()), (404, "PCA.00030102"));
    assert_eq!(f.call(Method::Delete, &format!("{CERTS}/{a}"), "", None).status, 404);
    assert_eq!(f.get(CERTS, "").body_json()["total"], 1);
}

#[test]
fn refusals() {
    let mut f = fixture_with(EmulatorConfig {
        quotas: ccm_emulator::Quotas { certificates: 2, ..Default::default() },
        ..Default::default()
    });
    let refused = |f: &mut Fixture, body: Value| {
        let r = f.post(CERTS, body);
        (r.status, error_code(&r))
    };
    let with = |changes: Value| {
        let mut b = leaf_body("x.example.com", "EC256");
        for (k, v) in changes.as_object().unwrap() {
            b[k] = v.clone();
        }
        b
    };
    // The issuer must exist, be active and cover the whole validity.
    assert_eq!(refused(&mut f, with(json!({"issuer_id": DISABLED}))), (403, "PCA.00030201".into()));
    assert_eq!(
        refused(&mut f, with(json!({"issuer_id": "66666666-6666-4666-8666-666666666666"}))),
        (404, "PCA.00030103".into())
    );
    let r = f.post(CERTS, with(json!({"issuer_id": SHORT, "validity": {"type": "MONTH", "value": 2}})));
    assert_eq!((r.status, error_code(&r).as_str()), (400, "PCA.00020109"));
    assert!(r.body_json()["error_msg"].as_str().unwrap().contains("Acme Short"));
    assert_eq!(refused(&mut f, with(json!({"validity": {"type": "YEAR", "value": 21}}))), (400, "PCA.00020109".into()));
    assert_eq!(
        refused(&mut f, with(json!({"validity": {"type": "DAY", "value": 1, "start_from": NOW - DAY}}))),
        (400, "PCA.00020109".into())
    );
    // Names and algorithms.
    let san = |t: &str, v: &str| with(json!({"subject_alternative_names": [{"type": t, "value": v}]}));
    assert_eq!(refused(&mut f, san("DNS", "bad_name!.example.com")), (400, "PCA.00020110".into()));
    assert_eq!(refused(&mut f, san("IP", "10.0.0.300")), (400, "PCA.00020111".into()));
    assert_eq!(refused(&mut f, san("X400", "x")), (400, "PCA.00020112".into()));
    assert_eq!(refused(&mut f, with(json!({"key_algorithm": "SM2"}))), (400, "PCA.00020102".into()));
    assert_eq!(refused(&mut f, with(json!({"signature_algorithm": "MD5"}))), (400, "PCA.00020103".into()));
    assert_eq!(refused(&mut f, with(json!({"distinguished_name": {"country": "DE"}}))), (400, "PCA.00020101".into()));
    assert_eq!(
        refused(&mut f, with(json!({"customized_extension": {"object_identifier": "1.2.3.4"}}))),
        (400, "PCA.00020001".into())
    );
    // A custom extension may not repeat one the service writes.
    let dup = with(json!({"customized_extension": {"object_identifier": "2.5.29.19", "value": "x"}}));
    assert_eq!(refused(&mut f, dup), (400, "PCA.00020001".into()));
    // Nothing was issued by the refusals; the quota of two then runs out.
    assert_eq!(f.get(CERTS, "").body_json()["total"], 0);
    f.apply(with(json!({})));
    f.apply(with(json!({})));
    assert_eq!(refused(&mut f, with(json!({}))), (403, "PCA.00030001".into()));
    // Unknown and malformed ids.
    let r = f.get(&format!("{CERTS}/77777777-7777-4777-8777-777777777777"), "");
    assert_eq!((r.status, error_code(&r).as_str()), (404, "PCA.00030102"));
    let r = f.get(&format!("{CERTS}/not-an-id"), "");
    assert_eq!((r.status, error_code(&r).as_str()), (400, "PCA.00020301"));
}

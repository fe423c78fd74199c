//! PKCS#12, ZIP exports and Java KeyStores produced by this crate, read by
//! openssl (and, for JKS, which openssl cannot read, by the jks crate).

mod common;

use ccm_pki::bundle::random_password;
use ccm_pki::pem::{certificates_from_pem, encode_pem, LABEL_CERTIFICATE};
use ccm_pki::{
    build_jks, build_pkcs12, build_zip, export_files, generate_key, issue_certificate,
    parse_private_key, read_zip, self_signed_certificate, Compression, DistinguishedName,
    ExportInput, IssueRequest, KeyAlgorithm, PrivateKey, ServerType, SubjectAltName,
};
use common::{now, Dir};

const DAY: i64 = 86_400;

struct Chain {
    root: Vec<u8>,
    sub: Vec<u8>,
    leaf_key: PrivateKey,
    leaf: Vec<u8>,
}

fn chain(leaf_alg: KeyAlgorithm) -> Chain {
    let t = now();
    let root_key = generate_key(KeyAlgorithm::Ec384).unwrap();
    let root = self_signed_certificate(
        &IssueRequest::new(DistinguishedName::new("Bundle Root"), t - DAY, t + 10 * DAY)
            .ca(Some(1)),
        &root_key,
    )
    .unwrap();
    let sub_key = generate_key(KeyAlgorithm::Ec256).unwrap();
    let sub = issue_certificate(
        &IssueRequest::new(DistinguishedName::new("Bundle Sub"), t - DAY, t + 10 * DAY).ca(Some(0)),
        &sub_key.public_key_der().unwrap(),
        &root,
        &root_key,
    )
    .unwrap();
    let leaf_key = generate_key(leaf_alg).unwrap();
    let mut req = IssueRequest::new(
        DistinguishedName::new("bundle.example.com"),
        t - 60,
        t + DAY,
    );
    req.subject_alt_names = vec![SubjectAltName::Dns("bundle.example.com".into())];
    let leaf =
        issue_certificate(&req, &leaf_key.public_key_der().unwrap(), &sub, &sub_key).unwrap();
    Chain {
        root,
        sub,
        leaf_key,
        leaf,
    }
}

fn pem(der: &[u8]) -> String {
    encode_pem(LABEL_CERTIFICATE, der)
}

/// The key openssl reads from `key_file` (optionally with a password) is the
/// certificate's key.
fn assert_key_matches(d: &Dir, key_args: &[&str], cert_file: &str) {
    let mut args = vec!["pkey", "-pubout"];
    args.extend_from_slice(key_args);
    let from_key = d.openssl(&args);
    let from_cert = d.openssl(&["x509", "-in", cert_file, "-pubkey", "-noout"]);
    assert_eq!(from_key, from_cert);
}

#[test]
fn pkcs12_is_read_by_openssl_without_legacy() {
    for alg in [KeyAlgorithm::Rsa2048, KeyAlgorithm::Ec256] {
        let c = chain(alg);
        let d = Dir::new();
        let p12 = build_pkcs12(
            Some(&c.leaf_key),
            &c.leaf,
            &[c.sub.clone(), c.root.clone()],
            "p12 pass",
            Some("server"),
        )
        .unwrap();
        d.write("x.p12", &p12);
        d.write("leaf.pem", pem(&c.leaf));

        // Certificates: all three, leaf first.
        let certs = d.openssl(&[
            "pkcs12",
            "-in",
            "x.p12",
            "-passin",
            "pass:p12 pass",
            "-nokeys",
        ]);
        assert_eq!(
            certificates_from_pem(&certs).unwrap(),
            vec![c.leaf.clone(), c.sub.clone(), c.root.clone()]
        );
        assert!(certs.contains("friendlyName: server"), "{certs}");
        assert!(certs.contains("localKeyID:"), "{certs}");

        // The key: decrypted by openssl, and it is the leaf's.
        d.openssl(&[
            "pkcs12",
            "-in",
            "x.p12",
            "-passin",
            "pass:p12 pass",
            "-nocerts",
            "-nodes",
            "-out",
            "key.pem",
        ]);
        assert_key_matches(&d, &["-in", "key.pem"], "leaf.pem");
        let key = parse_private_key(&d.read("key.pem")).unwrap();
        assert!(key.matches_certificate(&c.leaf).unwrap());

        // Modern algorithms: PBES2/AES-256 for the key, SHA-256 MAC.
        let (ok, out, err) = d.openssl_status(&[
            "pkcs12",
            "-in",
            "x.p12",
            "-passin",
            "pass:p12 pass",
            "-info",
            "-noout",
        ]);
        assert!(ok, "{err}");
        let info = format!("{out}{err}");
        assert!(info.contains("MAC: sha256"), "{info}");
        assert!(info.contains("PBES2, PBKDF2, AES-256-CBC"), "{info}");

        // A wrong password fails the MAC check.
        let (ok, _, _) =
            d.openssl_status(&["pkcs12", "-in", "x.p12", "-passin", "pass:wrong", "-nokeys"]);
        assert!(!ok);
    }

    // Certificates only (a certificate issued from a CSR has no key here).
    let c = chain(KeyAlgorithm::Ec256);
    let d = Dir::new();
    d.write(
        "certs.p12",
        build_pkcs12(None, &c.leaf, std::slice::from_ref(&c.sub), "pw", None).unwrap(),
    );
    let out = d.openssl(&[
        "pkcs12",
        "-in",
        "certs.p12",
        "-passin",
        "pass:pw",
        "-nokeys",
    ]);
    assert_eq!(
        certificates_from_pem(&out).unwrap(),
        vec![c.leaf.clone(), c.sub.clone()]
    );
    // A key that is not the certificate's is refused.
    let other = generate_key(KeyAlgorithm::Ec256).unwrap();
    assert!(build_pkcs12(Some(&other), &c.leaf, &[], "pw", None).is_err());
}

#[test]
fn exports_have_the_service_layouts() {
    let c = chain(KeyAlgorithm::Rsa2048);
    let store_pass = random_password(16).unwrap();
    let chain_ders = [c.sub.clone(), c.root.clone()];
    let input = ExportInput {
        certificate: &c.leaf,
        chain: &chain_ders,
        key: Some(&c.leaf_key),
        keystore_password: &store_pass,
        key_password: None,
        now: now(),
    };
    let names =
        |files: &[ccm_pki::ZipEntry]| files.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
    let expected: [(ServerType, &[&str]); 5] = [
        (
            ServerType::Apache,
            &["server.key", "chain.crt", "server.crt"],
        ),
        (ServerType::Nginx, &["server.key", "server.crt"]),
        (ServerType::Iis, &["server.pfx", "keystorePass.txt"]),
        (ServerType::Tomcat, &["server.jks", "keystorePass.txt"]),
        (
            ServerType::Other,
            &["server.key", "chain.pem", "server.pem"],
        ),
    ];
    for (server, want) in expected {
        let files = export_files(server, &input).unwrap();
        assert_eq!(names(&files), want, "{server:?}");
        // Through a ZIP and back, compressed and stored.
        for compression in [Compression::Deflated, Compression::Stored] {
            let zip = build_zip(&files, compression, Some(now())).unwrap();
            assert_eq!(read_zip(&zip).unwrap(), files);
        }
        let d = Dir::new();
        d.write("root.pem", pem(&c.root));
        for f in &files {
            d.write(&f.name, &f.data);
        }
        match server {
            ServerType::Apache | ServerType::Other => {
                let (cert, chain) = if server == ServerType::Apache {
                    ("server.crt", "chain.crt")
                } else {
                    ("server.pem", "chain.pem")
                };
                d.openssl(&["verify", "-CAfile", "root.pem", "-untrusted", chain, cert]);
                assert_key_matches(&d, &["-in", "server.key"], cert);
            }
            ServerType::Nginx => {
                // One file, leaf first, then the chain: what ssl_certificate wants.
                let bundle = d.read_string("server.crt");
                assert_eq!(
                    certificates_from_pem(&bundle).unwrap(),
                    vec![c.leaf.clone(), c.sub.clone(), c.root.clone()]
                );
                d.openssl(&[
                    "verify",
                    "-CAfile",
                    "root.pem",
                    "-untrusted",
                    "server.crt",
                    "server.crt",
                ]);
                assert_key_matches(&d, &["-in", "server.key"], "server.crt");
            }
            ServerType::Iis => {
                assert_eq!(d.read_string("keystorePass.txt"), store_pass);
                let pass = format!("pass:{store_pass}");
                d.openssl(&[
                    "pkcs12",
                    "-in",
                    "server.pfx",
                    "-passin",
                    &pass,
                    "-nokeys",
                    "-out",
                    "certs.pem",
                ]);
                d.openssl(&[
                    "pkcs12",
                    "-in",
                    "server.pfx",
                    "-passin",
                    &pass,
                    "-nocerts",
                    "-nodes",
                    "-out",
                    "key.pem",
                ]);
                d.write("leaf.pem", pem(&c.leaf));
                assert_key_matches(&d, &["-in", "key.pem"], "leaf.pem");
            }
            ServerType::Tomcat => {
                assert_eq!(d.read_string("keystorePass.txt"), store_pass);
                let jks = d.read("server.jks");
                assert_eq!(&jks[..4], &[0xFE, 0xED, 0xFE, 0xED], "JKS magic");
                let mut store = jks::KeyStore::new();
                store.load(jks.as_slice(), store_pass.as_bytes()).unwrap();
                let entry = store
                    .get_private_key_entry("server", store_pass.as_bytes())
                    .unwrap();
                let key = parse_private_key(&entry.private_key).unwrap();
                assert!(key.matches_certificate(&c.leaf).unwrap());
                let chain: Vec<Vec<u8>> = entry
                    .certificate_chain
                    .iter()
                    .map(|x| x.content.clone())
                    .collect();
                assert_eq!(chain, vec![c.leaf.clone(), c.sub.clone(), c.root.clone()]);
                assert_eq!(entry.certificate_chain[0].cert_type, "X.509");
                // The store's integrity digest is keyed by the password.
                let mut wrong = jks::KeyStore::new();
                assert!(wrong.load(jks.as_slice(), b"not the password").is_err());
            }
        }
    }

    // The export's `password` encrypts server.key; openssl opens it.
    let encrypted = ExportInput {
        key_password: Some("export pw"),
        ..input
    };
    let files = export_files(ServerType::Apache, &encrypted).unwrap();
    let key = &files[0];
    assert!(String::from_utf8_lossy(&key.data).starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    let d = Dir::new();
    d.write("server.key", &key.data);
    d.write("server.crt", pem(&c.leaf));
    assert_key_matches(
        &d,
        &["-in", "server.key", "-passin", "pass:export pw"],
        "server.crt",
    );

    // No key: no server.key; the JKS holds a trusted certificate.
    let keyless = ExportInput { key: None, ..input };
    assert_eq!(
        names(&export_files(ServerType::Apache, &keyless).unwrap()),
        ["chain.crt", "server.crt"]
    );
    assert_eq!(
        names(&export_files(ServerType::Nginx, &keyless).unwrap()),
        ["server.crt"]
    );
    let jks = build_jks(None, &c.leaf, &[], &store_pass, "server", now()).unwrap();
    let mut store = jks::KeyStore::new();
    store.load(jks.as_slice(), store_pass.as_bytes()).unwrap();
    assert!(store.is_trusted_certificate_entry("server"));
    assert!(build_jks(Some(&c.leaf_key), &c.leaf, &[], "short", "server", now()).is_err());
}

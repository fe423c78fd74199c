//! The reverse direction: keys, certificates, CSRs and chains that openssl
//! produced, read by this crate.

mod common;

use ccm_pki::decode::{decode_csr, decode_csr_verified};
use ccm_pki::keys::parse_private_key_with_password;
use ccm_pki::pem::certificates_from_pem;
use ccm_pki::{
    decode_certificate, decode_certificates, key_matches_certificate, parse_private_key,
    verify_chain, BasicConstraints, ChainError, Error, ExtendedKeyUsage, KeyAlgorithm, KeyUsage,
    SubjectAltName, ValidityStatus,
};
use common::{now, Dir};

/// Every form openssl writes a key in, read back; the public key we derive
/// must equal `openssl pkey -pubout`.
#[test]
fn reads_openssl_keys_in_every_form() {
    let d = Dir::new();
    let cases: [(&str, &[&str], KeyAlgorithm); 3] = [
        (
            "rsa",
            &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
            KeyAlgorithm::Rsa2048,
        ),
        (
            "p256",
            &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
            KeyAlgorithm::Ec256,
        ),
        (
            "p384",
            &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
            KeyAlgorithm::Ec384,
        ),
    ];
    for (name, gen, alg) in cases {
        let pkcs8 = format!("{name}.pem");
        let mut args = vec!["genpkey"];
        args.extend_from_slice(gen);
        args.extend_from_slice(&["-out", &pkcs8]);
        d.openssl(&args);
        let pubout = d.openssl(&["pkey", "-in", &pkcs8, "-pubout"]);
        d.openssl(&["pkey", "-in", &pkcs8, "-outform", "DER", "-out", "k8.der"]);
        d.openssl(&["pkey", "-in", &pkcs8, "-traditional", "-out", "trad.pem"]);
        d.openssl(&[
            "pkey",
            "-in",
            &pkcs8,
            "-traditional",
            "-outform",
            "DER",
            "-out",
            "trad.der",
        ]);

        let trad = d.read_string("trad.pem");
        let expected_label = if name == "rsa" {
            "RSA PRIVATE KEY"
        } else {
            "EC PRIVATE KEY"
        };
        assert!(trad.contains(expected_label), "{name}: {trad}");
        for file in [pkcs8.as_str(), "k8.der", "trad.pem", "trad.der"] {
            let key =
                parse_private_key(&d.read(file)).unwrap_or_else(|e| panic!("{name} {file}: {e}"));
            assert_eq!(key.key_algorithm(), Some(alg), "{name} {file}");
            assert_eq!(key.public_key_pem().unwrap(), pubout, "{name} {file}");
        }

        // Encrypted PKCS#8: detected without a password, read with it.
        d.openssl(&[
            "pkey",
            "-in",
            &pkcs8,
            "-aes256",
            "-passout",
            "pass:open sesame",
            "-out",
            "enc.pem",
        ]);
        let enc = d.read("enc.pem");
        assert!(String::from_utf8_lossy(&enc).contains("ENCRYPTED PRIVATE KEY"));
        assert_eq!(
            parse_private_key(&enc).unwrap_err(),
            Error::EncryptedKey,
            "{name}"
        );
        let key = parse_private_key_with_password(&enc, "open sesame").unwrap();
        assert_eq!(key.public_key_pem().unwrap(), pubout, "{name}");
        assert_eq!(
            parse_private_key_with_password(&enc, "wrong").unwrap_err(),
            Error::WrongPassword
        );

        // OpenSSL's traditional encryption (Proc-Type header): detected.
        d.openssl(&[
            "pkey",
            "-in",
            &pkcs8,
            "-traditional",
            "-aes256",
            "-passout",
            "pass:pw",
            "-out",
            "enc_trad.pem",
        ]);
        let enc_trad = d.read("enc_trad.pem");
        assert!(String::from_utf8_lossy(&enc_trad).contains("Proc-Type: 4,ENCRYPTED"));
        assert_eq!(
            parse_private_key(&enc_trad).unwrap_err(),
            Error::EncryptedKey,
            "{name}"
        );
    }

    // `openssl ecparam -genkey` writes an EC PARAMETERS block first.
    d.openssl(&[
        "ecparam",
        "-name",
        "secp384r1",
        "-genkey",
        "-out",
        "ecparam.pem",
    ]);
    let text = d.read("ecparam.pem");
    assert!(String::from_utf8_lossy(&text).contains("EC PARAMETERS"));
    assert_eq!(
        parse_private_key(&text).unwrap().key_algorithm(),
        Some(KeyAlgorithm::Ec384)
    );

    // P-521 is valid but not one of ours.
    d.openssl(&[
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-521",
        "-out",
        "p521.pem",
    ]);
    assert_eq!(
        parse_private_key(&d.read("p521.pem")).unwrap_err(),
        Error::UnsupportedKey("P-521".into())
    );
}

#[test]
fn decodes_an_openssl_certificate() {
    let d = Dir::new();
    d.openssl(&[
        "genpkey",
        "-algorithm",
        "RSA",
        "-pkeyopt",
        "rsa_keygen_bits:2048",
        "-out",
        "key.pem",
    ]);
    d.openssl(&[
        "req", "-x509", "-new", "-key", "key.pem", "-sha384", "-days", "30",
        "-subj", "/C=CN/ST=Guangdong/L=Shenzhen/O=Example Org/OU=PKI/CN=Example Root",
        "-set_serial", "0x00C0FFEE01",
        "-addext", "subjectAltName=DNS:a.example.com,IP:10.0.0.1,IP:2001:db8::1,email:ops@example.com,URI:https://example.com/x",
        "-addext", "keyUsage=critical,digitalSignature,keyCertSign,cRLSign",
        "-addext", "extendedKeyUsage=serverAuth,clientAuth,timeStamping",
        "-addext", "basicConstraints=critical,CA:TRUE,pathlen:2",
        "-addext", "crlDistributionPoints=URI:http://crl.example.com/root.crl",
        "-addext", "1.3.6.1.4.1.2011.4.99=ASN1:UTF8String:hello ccm",
        "-out", "cert.pem",
    ]);
    let pem = d.read("cert.pem");
    let info = decode_certificate(&pem).unwrap();

    assert_eq!(info.version, 3);
    assert_eq!(
        info.subject,
        "CN=Example Root,OU=PKI,O=Example Org,L=Shenzhen,ST=Guangdong,C=CN"
    );
    assert_eq!(info.subject, info.issuer);
    assert!(info.self_issued);
    assert_eq!(info.common_name.as_deref(), Some("Example Root"));
    let short: Vec<&str> = info
        .subject_fields
        .iter()
        .map(|f| f.short_name.as_str())
        .collect();
    assert_eq!(short, ["C", "ST", "L", "O", "OU", "CN"]);
    assert_eq!(info.signature_algorithm, "SHA384withRSA");
    assert_eq!(info.public_key.description(), "RSA 2048 bits");
    assert_eq!(info.public_key.key_algorithm, Some(KeyAlgorithm::Rsa2048));
    assert_eq!(
        info.subject_alt_names,
        vec![
            SubjectAltName::Dns("a.example.com".into()),
            SubjectAltName::Ip("10.0.0.1".parse().unwrap()),
            SubjectAltName::Ip("2001:db8::1".parse().unwrap()),
            SubjectAltName::Email("ops@example.com".into()),
            SubjectAltName::Uri("https://example.com/x".into()),
        ]
    );
    assert_eq!(
        info.key_usage,
        vec![
            KeyUsage::DigitalSignature,
            KeyUsage::KeyCertSign,
            KeyUsage::CrlSign
        ]
    );
    assert_eq!(
        info.extended_key_usage,
        vec![
            ExtendedKeyUsage::ServerAuth,
            ExtendedKeyUsage::ClientAuth,
            ExtendedKeyUsage::TimeStamping
        ]
    );
    assert_eq!(
        info.basic_constraints,
        Some(BasicConstraints {
            ca: true,
            path_len: Some(2)
        })
    );
    assert!(info.is_ca());
    assert_eq!(
        info.crl_distribution_points,
        vec!["http://crl.example.com/root.crl"]
    );
    let custom = info
        .extensions
        .iter()
        .find(|e| e.oid == "1.3.6.1.4.1.2011.4.99")
        .unwrap();
    assert_eq!(custom.text.as_deref(), Some("hello ccm"));
    assert!(!custom.critical);
    let bc = info
        .extensions
        .iter()
        .find(|e| e.name == Some("Basic Constraints"))
        .unwrap();
    assert!(bc.critical);

    // Serial, fingerprints, key ids and dates as openssl prints them.
    let serial = d.openssl(&["x509", "-in", "cert.pem", "-noout", "-serial"]);
    assert_eq!(serial.trim(), format!("serial={}", info.serial_hex));
    assert_eq!(info.serial_hex, "C0FFEE01");
    let sha1 = d.openssl(&["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha1"]);
    // OpenSSL 3.0 prints "sha1 Fingerprint=", later releases "SHA1 Fingerprint=".
    assert_eq!(
        sha1.trim().split_once('=').unwrap().1,
        info.sha1_fingerprint
    );
    let sha256 = d.openssl(&[
        "x509",
        "-in",
        "cert.pem",
        "-noout",
        "-fingerprint",
        "-sha256",
    ]);
    assert_eq!(
        sha256.trim().split_once('=').unwrap().1,
        info.sha256_fingerprint
    );
    let text = d.openssl(&["x509", "-in", "cert.pem", "-noout", "-text"]);
    let ski = info.subject_key_id.clone().unwrap();
    assert!(text.contains(&ski), "SKI {ski} not in\n{text}");
    assert_eq!(info.authority_key_id.as_deref(), Some(ski.as_str()));
    let enddate = d.openssl(&["x509", "-in", "cert.pem", "-noout", "-enddate"]);
    assert!(enddate.starts_with("notAfter="));
    let n = now();
    assert!((info.not_after - info.not_before - 30 * 86_400).abs() <= 1);
    assert!((info.not_before - n).abs() < 600);
    assert_eq!(info.validity_at(n), ValidityStatus::Valid);
    assert_eq!(
        info.validity_at(info.not_after + 1),
        ValidityStatus::Expired
    );
    assert_eq!(
        info.validity_at(info.not_before - 1),
        ValidityStatus::NotYetValid
    );
    assert!((29..=30).contains(&info.days_remaining(n)));

    // The same from DER, and as a chain of two.
    d.openssl(&[
        "x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der",
    ]);
    let from_der = decode_certificate(&d.read("cert.der")).unwrap();
    assert_eq!(from_der, info);
    assert_eq!(info.to_pem().as_bytes(), pem.as_slice());
    let two = [pem.clone(), pem.clone()].concat();
    assert_eq!(decode_certificates(&two).unwrap().len(), 2);

    // Key match, both ways.
    assert!(key_matches_certificate(&d.read("key.pem"), &pem).unwrap());
    d.openssl(&[
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-out",
        "other.pem",
    ]);
    assert!(!key_matches_certificate(&d.read("other.pem"), &pem).unwrap());
}

#[test]
fn decodes_openssl_ec_certificate() {
    let d = Dir::new();
    d.openssl(&[
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-384",
        "-out",
        "key.pem",
    ]);
    d.openssl(&[
        "req",
        "-x509",
        "-new",
        "-key",
        "key.pem",
        "-sha512",
        "-days",
        "1",
        "-subj",
        "/CN=ec.example",
        "-out",
        "cert.pem",
    ]);
    let info = decode_certificate(&d.read("cert.pem")).unwrap();
    assert_eq!(info.signature_algorithm, "SHA512withECDSA");
    assert_eq!(info.public_key.description(), "EC P-384");
    assert_eq!(info.public_key.key_algorithm, Some(KeyAlgorithm::Ec384));
    assert!(key_matches_certificate(&d.read("key.pem"), &d.read("cert.pem")).unwrap());
    // A self-signed certificate is a complete chain on its own.
    let chain = certificates_from_pem(&d.read_string("cert.pem")).unwrap();
    let verified = verify_chain(&chain, &[], now()).unwrap();
    assert!(!verified.anchored);
    assert_eq!(verified.subjects, vec!["CN=ec.example"]);
}

#[test]
fn openssl_csr_signature_is_checked() {
    let d = Dir::new();
    d.openssl(&[
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-out",
        "key.pem",
    ]);
    d.openssl(&[
        "req",
        "-new",
        "-key",
        "key.pem",
        "-subj",
        "/C=CN/O=Org/CN=csr.example.com",
        "-addext",
        "subjectAltName=DNS:csr.example.com,DNS:www.csr.example.com",
        "-addext",
        "keyUsage=digitalSignature",
        "-addext",
        "extendedKeyUsage=serverAuth",
        "-out",
        "req.pem",
    ]);
    let pem = d.read("req.pem");
    let info = decode_csr_verified(&pem).unwrap();
    assert!(info.signature_valid);
    assert_eq!(info.subject, "CN=csr.example.com,O=Org,C=CN");
    assert_eq!(info.common_name.as_deref(), Some("csr.example.com"));
    assert_eq!(info.signature_algorithm, "SHA256withECDSA");
    assert_eq!(info.public_key.key_algorithm, Some(KeyAlgorithm::Ec256));
    assert_eq!(
        info.subject_alt_names,
        vec![
            SubjectAltName::Dns("csr.example.com".into()),
            SubjectAltName::Dns("www.csr.example.com".into())
        ]
    );
    assert_eq!(info.key_usage, vec![KeyUsage::DigitalSignature]);
    assert_eq!(info.extended_key_usage, vec![ExtendedKeyUsage::ServerAuth]);
    let key = parse_private_key(&d.read("key.pem")).unwrap();
    assert!(key.matches_public_key_der(&info.public_key.spki_der));

    // One changed letter in the subject: still decodes, signature fails.
    let mut der = info.der.clone();
    let at = der
        .windows(15)
        .position(|w| w == b"csr.example.com")
        .unwrap();
    der[at] = b'x';
    let tampered = decode_csr(&der).unwrap();
    assert_eq!(tampered.common_name.as_deref(), Some("xsr.example.com"));
    assert!(!tampered.signature_valid);
    assert_eq!(decode_csr_verified(&der).unwrap_err(), Error::BadSignature);
}

#[test]
fn verifies_openssl_chains() {
    let d = Dir::new();
    d.write(
        "ext.cnf",
        "[ca]\nbasicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n\
         [ca_any]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n\
         [leaf]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectAltName=DNS:leaf.example\n",
    );
    for k in ["root", "sub", "sub2", "leaf", "other"] {
        d.openssl(&[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-out",
            &format!("{k}.key"),
        ]);
    }
    d.openssl(&[
        "req",
        "-x509",
        "-new",
        "-key",
        "root.key",
        "-subj",
        "/CN=Root",
        "-days",
        "10",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        "-out",
        "root.pem",
    ]);
    d.openssl(&[
        "req",
        "-x509",
        "-new",
        "-key",
        "other.key",
        "-subj",
        "/CN=Other Root",
        "-days",
        "10",
        "-out",
        "other.pem",
    ]);
    let sign =
        |key: &str, subj: &str, ca: &str, ca_key: &str, section: &str, out: &str, serial: &str| {
            d.openssl(&["req", "-new", "-key", key, "-subj", subj, "-out", "tmp.csr"]);
            d.openssl(&[
                "x509",
                "-req",
                "-in",
                "tmp.csr",
                "-CA",
                ca,
                "-CAkey",
                ca_key,
                "-set_serial",
                serial,
                "-days",
                "5",
                "-extfile",
                "ext.cnf",
                "-extensions",
                section,
                "-out",
                out,
            ]);
        };
    sign(
        "sub.key", "/CN=Sub", "root.pem", "root.key", "ca", "sub.pem", "2",
    );
    sign(
        "leaf.key",
        "/CN=leaf.example",
        "sub.pem",
        "sub.key",
        "leaf",
        "leaf.pem",
        "3",
    );

    let root = d.read("root.pem");
    let sub = d.read("sub.pem");
    let leaf = d.read("leaf.pem");
    let der = |pem: &[u8]| {
        certificates_from_pem(std::str::from_utf8(pem).unwrap())
            .unwrap()
            .remove(0)
    };
    let (root, sub, leaf, other) = (der(&root), der(&sub), der(&leaf), der(&d.read("other.pem")));
    let n = now();

    // openssl agrees this chain is good.
    d.openssl(&[
        "verify",
        "-CAfile",
        "root.pem",
        "-untrusted",
        "sub.pem",
        "leaf.pem",
    ]);

    let ok = verify_chain(&[leaf.clone(), sub.clone()], std::slice::from_ref(&root), n).unwrap();
    assert!(ok.anchored);
    assert_eq!(ok.subjects, vec!["CN=leaf.example", "CN=Sub", "CN=Root"]);
    assert_eq!(
        ok.certificates,
        vec![leaf.clone(), sub.clone(), root.clone()]
    );
    // Root inside the chain, with and without anchors; order of intermediates free.
    assert!(
        !verify_chain(&[leaf.clone(), root.clone(), sub.clone()], &[], n)
            .unwrap()
            .anchored
    );
    assert!(
        verify_chain(
            &[leaf.clone(), sub.clone(), root.clone()],
            std::slice::from_ref(&root),
            n
        )
        .unwrap()
        .anchored
    );

    let err = |r: Result<ccm_pki::VerifiedChain, Error>| match r.unwrap_err() {
        Error::Chain(c) => c,
        other => panic!("expected a chain error, got {other}"),
    };
    assert_eq!(
        err(verify_chain(
            std::slice::from_ref(&leaf),
            std::slice::from_ref(&root),
            n
        )),
        ChainError::IssuerNotFound {
            subject: "CN=leaf.example".into(),
            issuer: "CN=Sub".into()
        }
    );
    assert_eq!(
        err(verify_chain(
            &[leaf.clone(), sub.clone()],
            std::slice::from_ref(&other),
            n
        )),
        ChainError::IssuerNotFound {
            subject: "CN=Sub".into(),
            issuer: "CN=Root".into()
        }
    );
    assert_eq!(
        err(verify_chain(
            &[leaf.clone(), sub.clone(), root.clone()],
            std::slice::from_ref(&other),
            n
        )),
        ChainError::UntrustedRoot {
            subject: "CN=Root".into()
        }
    );
    assert!(matches!(
        err(verify_chain(
            &[leaf.clone(), sub.clone()],
            std::slice::from_ref(&root),
            n + 7 * 86_400
        )),
        ChainError::Expired { .. }
    ));
    assert!(matches!(
        err(verify_chain(
            &[leaf.clone(), sub.clone()],
            std::slice::from_ref(&root),
            n - 86_400
        )),
        ChainError::NotYetValid { .. }
    ));

    // A leaf used as a CA.
    sign(
        "other.key",
        "/CN=under leaf",
        "leaf.pem",
        "leaf.key",
        "leaf",
        "bad.pem",
        "4",
    );
    let bad = der(&d.read("bad.pem"));
    assert_eq!(
        err(verify_chain(
            &[bad, leaf.clone(), sub.clone()],
            std::slice::from_ref(&root),
            now()
        )),
        ChainError::NotCa {
            subject: "CN=leaf.example".into()
        }
    );
    // Sub has pathlen:0, so a CA below it breaks the chain.
    sign(
        "sub2.key", "/CN=Sub2", "sub.pem", "sub.key", "ca_any", "sub2.pem", "5",
    );
    sign(
        "leaf.key",
        "/CN=leaf2",
        "sub2.pem",
        "sub2.key",
        "leaf",
        "leaf2.pem",
        "6",
    );
    let (sub2, leaf2) = (der(&d.read("sub2.pem")), der(&d.read("leaf2.pem")));
    assert_eq!(
        err(verify_chain(
            &[leaf2, sub2, sub.clone()],
            std::slice::from_ref(&root),
            now()
        )),
        ChainError::PathLenExceeded {
            subject: "CN=Sub".into(),
            path_len: 0,
            found: 1
        }
    );
    // A certificate whose issuer is present but whose signature is damaged.
    let mut forged = leaf.clone();
    let last = forged.len() - 1;
    forged[last] ^= 0x01;
    assert_eq!(
        err(verify_chain(
            &[forged, sub.clone()],
            std::slice::from_ref(&root),
            n
        )),
        ChainError::BadSignature {
            subject: "CN=leaf.example".into()
        }
    );
    ccm_pki::verify_issued_by(&sub, &root).unwrap();
    assert!(ccm_pki::verify_issued_by(&root, &sub).is_err());
}

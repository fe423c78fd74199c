//! Certificates, CSRs, keys and CRLs produced by this crate, checked by openssl.

mod common;

use ccm_pki::keys::parse_private_key_with_password;
use ccm_pki::pem::{encode_pem, LABEL_CERTIFICATE, LABEL_CRL, LABEL_CSR};
use ccm_pki::{
    build_crl, build_csr, decode_certificate, generate_key, issue_certificate,
    self_signed_certificate, verify_chain, BasicConstraints, CustomExtension, DistinguishedName,
    ExtendedKeyUsage, IssueRequest, KeyAlgorithm, KeyUsage, PrivateKey, RevocationReason,
    RevokedEntry, SignatureHash, SubjectAltName,
};
use common::{now, Dir};

const DAY: i64 = 86_400;

fn dn(cn: &str) -> DistinguishedName {
    DistinguishedName {
        common_name: cn.into(),
        country: Some("CN".into()),
        state: Some("Guangdong".into()),
        locality: Some("Shenzhen".into()),
        organization: Some("Example Org".into()),
        organizational_unit: Some("PKI".into()),
    }
}

/// The public key openssl derives from a key file must equal the one in the certificate.
fn assert_openssl_key_match(d: &Dir, key_file: &str, cert_file: &str, passin: Option<&str>) {
    let mut args = vec!["pkey", "-in", key_file, "-pubout"];
    if let Some(p) = passin {
        args.extend_from_slice(&["-passin", p]);
    }
    let from_key = d.openssl(&args);
    let from_cert = d.openssl(&["x509", "-in", cert_file, "-pubkey", "-noout"]);
    assert_eq!(from_key, from_cert, "{key_file} does not match {cert_file}");
}

struct Hierarchy {
    root_key: PrivateKey,
    root: Vec<u8>,
    sub_key: PrivateKey,
    sub: Vec<u8>,
    leaf_key: PrivateKey,
    leaf: Vec<u8>,
}

/// RSA 4096 root, EC P-384 subordinate with a CRL, RSA 2048 leaf with every
/// kind of SAN: one RSA 4096 generation for the whole file keeps it fast.
fn hierarchy(t: i64) -> Hierarchy {
    let root_key = generate_key(KeyAlgorithm::Rsa4096).unwrap();
    let root_req = IssueRequest {
        hash: SignatureHash::Sha512,
        ..IssueRequest::new(dn("Example Root CA"), t - DAY, t + 3650 * DAY).ca(Some(1))
    };
    let root = self_signed_certificate(&root_req, &root_key).unwrap();

    let sub_key = generate_key(KeyAlgorithm::Ec384).unwrap();
    let mut sub_req = IssueRequest::new(dn("Example Sub CA"), t - DAY, t + 1825 * DAY).ca(Some(0));
    sub_req.hash = SignatureHash::Sha384;
    sub_req.crl_distribution_point = Some("http://crl.example.com/root.crl".into());
    let sub = issue_certificate(
        &sub_req,
        &sub_key.public_key_der().unwrap(),
        &root,
        &root_key,
    )
    .unwrap();

    let leaf_key = generate_key(KeyAlgorithm::Rsa2048).unwrap();
    let mut leaf_req = IssueRequest::new(
        DistinguishedName::new("leaf.example.com"),
        t - 60,
        t + 397 * DAY,
    );
    leaf_req.serial = Some(vec![0x01, 0x02, 0x03, 0x04]);
    leaf_req.basic_constraints = Some(BasicConstraints {
        ca: false,
        path_len: None,
    });
    leaf_req.key_usage = vec![KeyUsage::DigitalSignature, KeyUsage::KeyEncipherment];
    leaf_req.extended_key_usage = vec![ExtendedKeyUsage::ServerAuth, ExtendedKeyUsage::ClientAuth];
    leaf_req.subject_alt_names = vec![
        SubjectAltName::Dns("leaf.example.com".into()),
        SubjectAltName::Dns("*.leaf.example.com".into()),
        SubjectAltName::Ip("192.0.2.10".parse().unwrap()),
        SubjectAltName::Ip("2001:db8::10".parse().unwrap()),
        SubjectAltName::Email("ops@example.com".into()),
        SubjectAltName::Uri("https://leaf.example.com/".into()),
    ];
    leaf_req.custom_extensions =
        vec![CustomExtension::utf8("1.3.6.1.4.1.2011.4.99", "hello from ccm").unwrap()];
    leaf_req.crl_distribution_point = Some("http://crl.example.com/sub.crl".into());
    let leaf = issue_certificate(
        &leaf_req,
        &leaf_key.public_key_der().unwrap(),
        &sub,
        &sub_key,
    )
    .unwrap();
    Hierarchy {
        root_key,
        root,
        sub_key,
        sub,
        leaf_key,
        leaf,
    }
}

#[test]
fn issued_hierarchy_passes_openssl() {
    let t = now();
    let h = hierarchy(t);
    let d = Dir::new();
    d.write("root.pem", encode_pem(LABEL_CERTIFICATE, &h.root));
    d.write("sub.pem", encode_pem(LABEL_CERTIFICATE, &h.sub));
    d.write("leaf.pem", encode_pem(LABEL_CERTIFICATE, &h.leaf));

    let out = d.openssl(&[
        "verify",
        "-CAfile",
        "root.pem",
        "-untrusted",
        "sub.pem",
        "leaf.pem",
    ]);
    assert!(out.contains("leaf.pem: OK"), "{out}");
    // Purpose check: the EKU allows TLS server use.
    d.openssl(&[
        "verify",
        "-purpose",
        "sslserver",
        "-CAfile",
        "root.pem",
        "-untrusted",
        "sub.pem",
        "leaf.pem",
    ]);
    // Without the subordinate the leaf must not verify.
    let (ok, _, _) = d.openssl_status(&["verify", "-CAfile", "root.pem", "leaf.pem"]);
    assert!(!ok);

    let leaf_text = d.openssl(&["x509", "-in", "leaf.pem", "-noout", "-text"]);
    for expected in [
        "Subject: CN = leaf.example.com",
        "Issuer: C = CN, ST = Guangdong, L = Shenzhen, O = Example Org, OU = PKI, CN = Example Sub CA",
        "Serial Number: 16909060 (0x1020304)",
        "Signature Algorithm: ecdsa-with-SHA256",
        "Public-Key: (2048 bit)",
        "DNS:leaf.example.com, DNS:*.leaf.example.com, IP Address:192.0.2.10, IP Address:2001:DB8:0:0:0:0:0:10, email:ops@example.com, URI:https://leaf.example.com/",
        "X509v3 Key Usage: critical",
        "Digital Signature, Key Encipherment",
        "TLS Web Server Authentication, TLS Web Client Authentication",
        "X509v3 Basic Constraints: critical",
        "CA:FALSE",
        "X509v3 Subject Key Identifier",
        "X509v3 Authority Key Identifier",
        "URI:http://crl.example.com/sub.crl",
        "1.3.6.1.4.1.2011.4.99:",
        "hello from ccm",
    ] {
        assert!(leaf_text.contains(expected), "missing {expected:?} in\n{leaf_text}");
    }
    let sub_text = d.openssl(&["x509", "-in", "sub.pem", "-noout", "-text"]);
    for expected in [
        "CA:TRUE, pathlen:0",
        "Certificate Sign, CRL Sign",
        "Signature Algorithm: sha384WithRSAEncryption",
        "ASN1 OID: secp384r1",
        "URI:http://crl.example.com/root.crl",
    ] {
        assert!(
            sub_text.contains(expected),
            "missing {expected:?} in\n{sub_text}"
        );
    }
    let root_text = d.openssl(&["x509", "-in", "root.pem", "-noout", "-text"]);
    assert!(root_text.contains("Public-Key: (4096 bit)"));
    assert!(root_text.contains("CA:TRUE, pathlen:1"));
    assert!(root_text.contains("Signature Algorithm: sha512WithRSAEncryption"));
    // AKI of each child is the SKI of its issuer (openssl checks this in verify too).
    let root_info = decode_certificate(&h.root).unwrap();
    let sub_info = decode_certificate(&h.sub).unwrap();
    let leaf_info = decode_certificate(&h.leaf).unwrap();
    assert_eq!(sub_info.authority_key_id, root_info.subject_key_id);
    assert_eq!(leaf_info.authority_key_id, sub_info.subject_key_id);
    assert_eq!(leaf_info.signature_algorithm, "SHA256withECDSA");

    // Our own verifier agrees.
    let chain = verify_chain(
        &[h.leaf.clone(), h.sub.clone()],
        std::slice::from_ref(&h.root),
        t,
    )
    .unwrap();
    assert_eq!(chain.subjects.len(), 3);

    // Keys in every form, matched by openssl against their certificates.
    for (name, key, cert) in [
        ("root", &h.root_key, "root.pem"),
        ("sub", &h.sub_key, "sub.pem"),
        ("leaf", &h.leaf_key, "leaf.pem"),
    ] {
        let pkcs8 = d.write(
            &format!("{name}.p8.pem"),
            key.to_pkcs8_pem().unwrap().as_bytes(),
        );
        assert_openssl_key_match(&d, &pkcs8, cert, None);
        let trad = key.to_traditional_pem().unwrap();
        assert!(trad.contains(if name == "sub" {
            "EC PRIVATE KEY"
        } else {
            "RSA PRIVATE KEY"
        }));
        let trad = d.write(&format!("{name}.trad.pem"), trad.as_bytes());
        assert_openssl_key_match(&d, &trad, cert, None);
        let enc = key.to_encrypted_pkcs8_pem("pa55 word").unwrap();
        let enc_file = d.write(&format!("{name}.enc.pem"), enc.as_bytes());
        assert_openssl_key_match(&d, &enc_file, cert, Some("pass:pa55 word"));
        let back = parse_private_key_with_password(enc.as_bytes(), "pa55 word").unwrap();
        assert!(back
            .matches_certificate(if name == "root" {
                &h.root
            } else if name == "sub" {
                &h.sub
            } else {
                &h.leaf
            })
            .unwrap());
    }
}

#[test]
fn every_key_and_hash_combination_verifies() {
    let t = now();
    let d = Dir::new();
    // RSA 4096 is covered by the hierarchy test; here the fast ones.
    for alg in [
        KeyAlgorithm::Rsa2048,
        KeyAlgorithm::Ec256,
        KeyAlgorithm::Ec384,
    ] {
        let key = generate_key(alg).unwrap();
        for hash in SignatureHash::ALL {
            let req = IssueRequest {
                hash,
                ..IssueRequest::new(dn("combo"), t - 60, t + DAY).ca(None)
            };
            let cert = self_signed_certificate(&req, &key).unwrap();
            let f = d.write("c.pem", encode_pem(LABEL_CERTIFICATE, &cert));
            let out = d.openssl(&["verify", "-CAfile", &f, &f]);
            assert!(out.contains(": OK"), "{alg} {hash}: {out}");
            let text = d.openssl(&["x509", "-in", &f, "-noout", "-text"]);
            let bits = &hash.api_name()[3..];
            assert!(
                text.contains(&format!("sha{bits}WithRSAEncryption"))
                    || text.contains(&format!("ecdsa-with-SHA{bits}")),
                "{alg} {hash}: {text}"
            );
        }
    }
}

#[test]
fn csr_passes_openssl_req_verify() {
    let d = Dir::new();
    for (alg, hash) in [
        (KeyAlgorithm::Ec256, SignatureHash::Sha256),
        (KeyAlgorithm::Rsa2048, SignatureHash::Sha512),
    ] {
        let key = generate_key(alg).unwrap();
        let sans = [
            SubjectAltName::Dns("csr.example.com".into()),
            SubjectAltName::Ip("198.51.100.7".parse().unwrap()),
        ];
        let csr = build_csr(&dn("csr.example.com"), &sans, &key, hash).unwrap();
        d.write("req.pem", encode_pem(LABEL_CSR, &csr));
        let (ok, out, err) =
            d.openssl_status(&["req", "-in", "req.pem", "-verify", "-noout", "-text"]);
        assert!(ok, "{err}");
        // OpenSSL 3.0 prints "verify OK", later releases "...self-signature verify OK".
        assert!(format!("{out}{err}").contains("verify OK"), "{out}{err}");
        assert!(
            out.contains("DNS:csr.example.com, IP Address:198.51.100.7"),
            "{out}"
        );
        assert!(out.contains("Subject: C = CN, ST = Guangdong, L = Shenzhen, O = Example Org, OU = PKI, CN = csr.example.com"), "{out}");
        // openssl can sign it, and the result carries our key.
        d.openssl(&[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-out",
            "ca.key",
        ]);
        d.openssl(&[
            "req",
            "-x509",
            "-new",
            "-key",
            "ca.key",
            "-subj",
            "/CN=openssl CA",
            "-out",
            "ca.pem",
        ]);
        d.openssl(&[
            "x509",
            "-req",
            "-in",
            "req.pem",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-set_serial",
            "9",
            "-out",
            "signed.pem",
        ]);
        assert!(key
            .matches_certificate(
                &ccm_pki::pem::certificates_from_pem(&d.read_string("signed.pem")).unwrap()[0]
            )
            .unwrap());
    }
}

#[test]
fn crl_is_signed_and_revokes() {
    let t = now();
    let d = Dir::new();
    let ca_key = generate_key(KeyAlgorithm::Ec256).unwrap();
    let ca = self_signed_certificate(
        &IssueRequest::new(dn("CRL CA"), t - DAY, t + 10 * DAY).ca(None),
        &ca_key,
    )
    .unwrap();
    let mut leaf_req =
        IssueRequest::new(DistinguishedName::new("revoked.example"), t - 60, t + DAY);
    leaf_req.serial = Some(vec![0x0A, 0xBC]);
    leaf_req.crl_distribution_point = Some("http://crl.example.com/ca.crl".into());
    let leaf_key = generate_key(KeyAlgorithm::Ec256).unwrap();
    let leaf =
        issue_certificate(&leaf_req, &leaf_key.public_key_der().unwrap(), &ca, &ca_key).unwrap();
    let revoked = [
        RevokedEntry {
            serial: vec![0x0A, 0xBC],
            revoked_at: t - 30,
            reason: Some(RevocationReason::KeyCompromise),
        },
        RevokedEntry {
            serial: vec![0x77],
            revoked_at: t - 20,
            reason: Some(RevocationReason::Superseded),
        },
        RevokedEntry {
            serial: vec![0x78],
            revoked_at: t - 10,
            reason: None,
        },
    ];
    let crl = build_crl(
        &ca,
        &ca_key,
        &revoked,
        42,
        t - 10,
        t + 7 * DAY,
        SignatureHash::Sha256,
    )
    .unwrap();
    d.write("ca.pem", encode_pem(LABEL_CERTIFICATE, &ca));
    d.write("leaf.pem", encode_pem(LABEL_CERTIFICATE, &leaf));
    d.write("crl.pem", encode_pem(LABEL_CRL, &crl));

    let (ok, out, err) = d.openssl_status(&[
        "crl", "-in", "crl.pem", "-CAfile", "ca.pem", "-noout", "-text",
    ]);
    assert!(ok, "{err}");
    assert!(format!("{out}{err}").contains("verify OK"), "{out}{err}");
    for expected in [
        "Version 2 (0x1)",
        "X509v3 CRL Number:",
        "42",
        "Serial Number: 0ABC",
        "Key Compromise",
        "Superseded",
        "Serial Number: 78",
        "Issuer: C = CN, ST = Guangdong, L = Shenzhen, O = Example Org, OU = PKI, CN = CRL CA",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    // Without the CRL the leaf verifies; with it, it is revoked.
    d.openssl(&["verify", "-CAfile", "ca.pem", "leaf.pem"]);
    let (ok, out, err) = d.openssl_status(&[
        "verify",
        "-crl_check",
        "-CRLfile",
        "crl.pem",
        "-CAfile",
        "ca.pem",
        "leaf.pem",
    ]);
    assert!(!ok);
    assert!(
        format!("{out}{err}").contains("certificate revoked"),
        "{out}{err}"
    );
}

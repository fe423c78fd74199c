//! Test certificates made on the spot with ccm-pki's issuance (a
//! dev-dependency feature): a root, a subordinate CA and a leaf.

use ccm_pki::{
    generate_key, issue_certificate, self_signed_certificate, BasicConstraints, DistinguishedName,
    IssueRequest, KeyAlgorithm, KeyUsage,
};
use ccm_pki::pem::{encode_pem, LABEL_CERTIFICATE};

pub struct Hierarchy {
    pub now: i64,
    pub root_pem: String,
    pub sub_pem: String,
    pub sub_spki: Vec<u8>,
    pub leaf_pem: String,
}

impl Hierarchy {
    pub fn new() -> Self {
        let now = 1_800_000_000;
        let ca_request = |cn: &str, path_len| {
            let mut r = IssueRequest::new(DistinguishedName::new(cn), now - 3600, now + 86_400 * 365);
            r.basic_constraints = Some(BasicConstraints { ca: true, path_len });
            r.key_usage = vec![KeyUsage::KeyCertSign, KeyUsage::CrlSign];
            r
        };
        let root_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let root = self_signed_certificate(&ca_request("Fixture Root CA", None), &root_key).unwrap();
        let sub_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let sub_spki = sub_key.public_key_der().unwrap();
        let sub = issue_certificate(&ca_request("Fixture Sub CA", Some(0)), &sub_spki, &root, &root_key).unwrap();
        let leaf_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let leaf_request = IssueRequest::new(DistinguishedName::new("leaf.example"), now - 3600, now + 86_400);
        let leaf = issue_certificate(&leaf_request, &leaf_key.public_key_der().unwrap(), &sub, &sub_key).unwrap();
        Hierarchy {
            now,
            root_pem: encode_pem(LABEL_CERTIFICATE, &root),
            sub_pem: encode_pem(LABEL_CERTIFICATE, &sub),
            sub_spki,
            leaf_pem: encode_pem(LABEL_CERTIFICATE, &leaf),
        }
    }
}

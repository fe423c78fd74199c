//! The files of an exported SSL certificate: each PEM on its own, and the
//! NGINX and Apache ZIP layouts built in the browser. Pure.

use ccm_api::scm::ScmExportResponse;
use ccm_pki::pem::certificates_from_pem;
use ccm_pki::{export_files, parse_private_key, ExportInput, ServerType, ZipEntry};

use crate::i18n::{td_string, Locale};

/// `shop example` → `shop_example`.
pub fn file_stem(name: &str) -> String {
    crate::components::download::safe_file_stem(name, "certificate")
}

/// The certificate text without anything after it.
fn certificate(e: &ScmExportResponse) -> String {
    e.certificate.clone().unwrap_or_default().trim().to_owned() + "\n"
}

fn chain(e: &ScmExportResponse) -> String {
    let c = e.certificate_chain.clone().unwrap_or_default();
    if c.trim().is_empty() { String::new() } else { c.trim().to_owned() + "\n" }
}

/// One PEM download: label, file name, text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemFile {
    pub label: &'static str,
    pub filename: String,
    pub text: String,
}

/// Certificate, chain, full chain (certificate then chain) and, when SCM
/// holds it, the private key.
pub fn pem_files(stem: &str, e: &ScmExportResponse) -> Vec<PemFile> {
    let mut files = vec![
        PemFile { label: "certificate", filename: format!("{stem}.crt.pem"), text: certificate(e) },
        PemFile { label: "chain", filename: format!("{stem}.chain.pem"), text: chain(e) },
        PemFile { label: "full chain", filename: format!("{stem}.fullchain.pem"), text: certificate(e) + &chain(e) },
    ];
    if let Some(k) = e.private_key.as_ref().filter(|k| !k.trim().is_empty()) {
        files.push(PemFile { label: "private key", filename: format!("{stem}.key.pem"), text: k.trim().to_owned() + "\n" });
    }
    files.retain(|f| !f.text.trim().is_empty());
    files
}

/// The ZIP entries of a server layout (NGINX: `server.crt` with the chain
/// and `server.key`; Apache: `server.crt`, `chain.crt`, `server.key`).
pub fn zip_entries(server: ServerType, e: &ScmExportResponse, now_secs: i64, l: Locale) -> Result<Vec<ZipEntry>, String> {
    let leaf = certificates_from_pem(&certificate(e)).map_err(|x| td_string!(l, scm.zip_certificate_unreadable, error = x.to_string()))?;
    let chain_ders = if chain(e).is_empty() {
        Vec::new()
    } else {
        certificates_from_pem(&chain(e)).map_err(|x| td_string!(l, scm.zip_chain_unreadable, error = x.to_string()))?
    };
    let key = match e.private_key.as_ref().filter(|k| !k.trim().is_empty()) {
        Some(k) => Some(parse_private_key(k.as_bytes()).map_err(|x| td_string!(l, scm.zip_key_unreadable, error = x.to_string()))?),
        None => None,
    };
    let input = ExportInput { certificate: &leaf[0], chain: &chain_ders, key: key.as_ref(), keystore_password: "", key_password: None, now: now_secs };
    export_files(server, &input).map_err(|x| x.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ccm_pki::pem::{encode_pem, LABEL_CERTIFICATE};
    use ccm_pki::{generate_key, issue_certificate, self_signed_certificate, BasicConstraints, DistinguishedName, IssueRequest, KeyAlgorithm};

    fn export() -> ScmExportResponse {
        let now = 1_800_000_000;
        let mut ca_req = IssueRequest::new(DistinguishedName::new("Root"), now - 10, now + 1000);
        ca_req.basic_constraints = Some(BasicConstraints { ca: true, path_len: None });
        let root_key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let root = self_signed_certificate(&ca_req, &root_key).unwrap();
        let key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let leaf = issue_certificate(&IssueRequest::new(DistinguishedName::new("a.example"), now - 10, now + 100), &key.public_key_der().unwrap(), &root, &root_key).unwrap();
        ScmExportResponse {
            certificate: Some(encode_pem(LABEL_CERTIFICATE, &leaf)),
            certificate_chain: Some(encode_pem(LABEL_CERTIFICATE, &root)),
            private_key: Some(key.to_pkcs8_pem().unwrap().to_string()),
            ..Default::default()
        }
    }

    #[test]
    fn four_pem_files_with_the_full_chain_in_order() {
        let e = export();
        let files = pem_files("shop", &e);
        let names: Vec<&str> = files.iter().map(|f| f.filename.as_str()).collect();
        assert_eq!(names, vec!["shop.crt.pem", "shop.chain.pem", "shop.fullchain.pem", "shop.key.pem"]);
        assert_eq!(files[2].text, format!("{}{}", files[0].text, files[1].text));
        let no_key = pem_files("shop", &ScmExportResponse { private_key: None, ..e });
        assert_eq!(no_key.len(), 3);
    }

    #[test]
    fn zip_layouts_follow_the_server_type() {
        let e = export();
        let nginx: Vec<String> = zip_entries(ServerType::Nginx, &e, 0, Locale::en).unwrap().into_iter().map(|z| z.name).collect();
        assert_eq!(nginx, vec!["server.key", "server.crt"]);
        let apache: Vec<String> = zip_entries(ServerType::Apache, &e, 0, Locale::en).unwrap().into_iter().map(|z| z.name).collect();

        assert_eq!(apache, vec!["server.key", "chain.crt", "server.crt"]);
    }

    #[test]
    fn stems_are_file_safe() {
        assert_eq!(file_stem("shop example/1"), "shop_example_1");
        assert_eq!(file_stem("///"), "certificate");
    }
}

//! `POST /v1/private-certificates/{id}/export` (reference 4.2.2.8): the
//! certificate, its chain and (when the service holds it) its key, as JSON
//! or as the per-server ZIP the SDK's notes describe:
//!
//! | type | files |
//! |---|---|
//! | APACHE | server.key, chain.crt, server.crt |
//! | NGINX | server.key, server.crt (certificate, then chain) |
//! | IIS | server.pfx, keystorePass.txt |
//! | TOMCAT | server.jks, keystorePass.txt |
//! | OTHER | server.key, chain.pem, server.pem |
//!
//! A certificate issued from a CSR has no key here: server.key and the
//! JSON `private_key` are left out, the PFX holds the certificates only and
//! the JKS holds a trusted-certificate entry.

use ccm_api::catalogue::{cert_action_allowed_for, CertAction};
use ccm_api::common::LooseBool;
use ccm_pki::bundle::random_password;
use ccm_pki::pem::certificates_from_pem;
use ccm_pki::{build_zip, export_files, Compression, ExportInput, PrivateKey, ServerType};
use serde_json::{json, Map, Value};

use crate::answer::{certificate_not_found, crlf, denied, refuse, Answer};
use crate::{Call, EmuResponse, Emulator};

/// Length of the generated `keystorePass.txt` password.
const KEYSTORE_PASSWORD_LEN: usize = 16;

pub(crate) fn export_certificate(emu: &mut Emulator, call: &Call) -> Answer<EmuResponse> {
    let id = call.param("certificate_id");
    let Some(record) = emu.state.certificate(id) else { return Err(certificate_not_found(id)) };
    cert_action_allowed_for(CertAction::Export, &record.info).map_err(denied)?;

    let empty = Map::new();
    let body = call.body.as_ref().and_then(Value::as_object).unwrap_or(&empty);
    let kind_text = body.get("type").and_then(Value::as_str).unwrap_or_default();
    // The type is read in any case: the reference's own example sends "other".
    let server = ServerType::from_api_name(kind_text).ok_or_else(|| {
        refuse(400, "PCA.00020001", format!("type: '{kind_text}' is not APACHE, NGINX, IIS, TOMCAT or OTHER"))
    })?;
    let compressed = body
        .get("is_compressed")
        .and_then(|v| serde_json::from_value::<LooseBool>(v.clone()).ok())
        .and_then(|b| b.as_bool())
        .ok_or_else(|| refuse(400, "PCA.00020001", "is_compressed: true or false, as a boolean or as text"))?;
    let password = body.get("password").and_then(Value::as_str).filter(|p| !p.is_empty());

    let key = match &record.key_pem {
        Some(pem) => Some(
            ccm_pki::parse_private_key(pem.as_bytes())
                .map_err(|e| refuse(500, "PCA.00000004", format!("the certificate's key cannot be read: {e}")))?,
        ),
        None => None,
    };
    let unreadable = || refuse(500, "PCA.00000003", "the stored certificate cannot be read");
    let certificate = certificates_from_pem(&record.certificate_pem)
        .ok()
        .and_then(|c| c.into_iter().next())
        .ok_or_else(unreadable)?;
    let mut chain = Vec::new();
    for pem in &record.chain_pem {
        chain.extend(certificates_from_pem(pem).map_err(|_| unreadable())?);
    }

    if !compressed {
        return as_json(server, &record.certificate_pem, &record.chain_pem, key.as_ref(), password);
    }
    let keystore_password = random_password(KEYSTORE_PASSWORD_LEN)
        .map_err(|e| refuse(500, "PCA.00000001", format!("no keystore password: {e}")))?;
    let now = call.now_ms.div_euclid(1000);
    let input = ExportInput {
        certificate: &certificate,
        chain: &chain,
        key: key.as_ref(),
        keystore_password: &keystore_password,
        key_password: password,
        now,
    };
    let files = export_files(server, &input).map_err(|e| refuse(500, "PCA.00000003", format!("export failed: {e}")))?;
    let zip = build_zip(&files, Compression::Deflated, Some(now))
        .map_err(|e| refuse(500, "PCA.00000003", format!("export failed: {e}")))?;
    let name = format!(
        "{}_{}.zip",
        file_name_part(&record.info.distinguished_name.common_name),
        server.api_name().to_ascii_lowercase()
    );
    Ok(EmuResponse {
        status: 200,
        headers: vec![
            ("Content-Type".into(), "application/zip".into()),
            ("Content-Disposition".into(), format!("attachment; filename=\"{name}\"")),
        ],
        body: zip,
    })
}

/// The uncompressed form: PEM texts with CRLF line ends, as in the
/// reference's example. The key is in the traditional form that example
/// shows (`RSA PRIVATE KEY`, `EC PRIVATE KEY`), or encrypted PKCS#8 when a
/// password is given.
fn as_json(
    server: ServerType,
    certificate_pem: &str,
    chain_pem: &[String],
    key: Option<&PrivateKey>,
    password: Option<&str>,
) -> Answer<EmuResponse> {
    if matches!(server, ServerType::Iis | ServerType::Tomcat) {
        // Validation refuses this first; kept for callers that skip it.
        return Err(refuse(
            400,
            "PCA.00020001",
            format!("is_compressed: must be true for {}: that format exists only as a ZIP archive", server.api_name()),
        ));
    }
    let mut answer = json!({
        "certificate": crlf(certificate_pem.trim_end()),
        "certificate_chain": crlf(chain_pem.concat().trim_end()),
    });
    if let Some(key) = key {
        let pem = match password {
            Some(p) => key.to_encrypted_pkcs8_pem(p),
            None => key.to_traditional_pem(),
        }
        .map_err(|e| refuse(500, "PCA.00000004", format!("the key cannot be exported: {e}")))?;
        answer["private_key"] = json!(crlf(&pem));
    }
    Ok(EmuResponse::json(200, &answer))
}

/// The certificate's name made safe for a quoted `filename`: quotes,
/// backslashes, slashes, control and non-ASCII characters become `_`.
fn file_name_part(name: &str) -> String {
    let safe: String =
        name.chars().map(|c| if c.is_ascii_graphic() && !"\"\\/".contains(c) || c == ' ' { c } else { '_' }).collect();
    if safe.trim().is_empty() {
        "certificate".to_owned()
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name_part("test.example.com"), "test.example.com");
        assert_eq!(file_name_part("a \"b\"/c\\d"), "a _b__c_d");
        assert_eq!(file_name_part("bücher"), "b_cher");
        assert_eq!(file_name_part("   "), "certificate");
    }
}

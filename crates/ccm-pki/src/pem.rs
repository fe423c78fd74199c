//! PEM blocks: parsing (lenient about what users paste), encoding, and
//! certificate chains split and joined.
//!
//! The parser accepts CRLF, indentation, text around the blocks and RFC 1421
//! headers (`Proc-Type`, `DEK-Info`), so that an OpenSSL-encrypted
//! traditional key can be recognised as encrypted instead of failing as garbage.

use base64ct::{Base64, Encoding};

use crate::error::{Error, Result};

pub const LABEL_CERTIFICATE: &str = "CERTIFICATE";
pub const LABEL_CSR: &str = "CERTIFICATE REQUEST";
pub const LABEL_PRIVATE_KEY: &str = "PRIVATE KEY";
pub const LABEL_ENCRYPTED_PRIVATE_KEY: &str = "ENCRYPTED PRIVATE KEY";
pub const LABEL_RSA_PRIVATE_KEY: &str = "RSA PRIVATE KEY";
pub const LABEL_EC_PRIVATE_KEY: &str = "EC PRIVATE KEY";
pub const LABEL_PUBLIC_KEY: &str = "PUBLIC KEY";
pub const LABEL_CRL: &str = "X509 CRL";

/// One `-----BEGIN label-----` ... `-----END label-----` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemBlock {
    pub label: String,
    /// RFC 1421 headers such as `Proc-Type: 4,ENCRYPTED`, in order.
    pub headers: Vec<(String, String)>,
    pub der: Vec<u8>,
}

impl PemBlock {
    /// True for OpenSSL's traditional encrypted keys (`Proc-Type: 4,ENCRYPTED`).
    pub fn has_encryption_header(&self) -> bool {
        self.headers
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case("Proc-Type") && v.contains("ENCRYPTED"))
    }
}

/// True when the input contains a PEM begin line; otherwise treat it as DER.
pub fn looks_like_pem(input: &[u8]) -> bool {
    input.windows(11).any(|w| w == b"-----BEGIN ")
}

fn boundary<'a>(line: &'a str, kind: &str) -> Option<&'a str> {
    line.strip_prefix("-----")?
        .strip_prefix(kind)?
        .strip_prefix(' ')?
        .strip_suffix("-----")
}

/// Every PEM block in `text`, in order. Text outside blocks is ignored.
pub fn parse_pem(text: &str) -> Result<Vec<PemBlock>> {
    let mut blocks = Vec::new();
    let mut lines = text.lines().map(str::trim);
    while let Some(line) = lines.next() {
        let Some(label) = boundary(line, "BEGIN") else {
            continue;
        };
        let mut headers = Vec::new();
        let mut body = String::new();
        let mut ended = false;
        let mut in_headers = true;
        for line in lines.by_ref() {
            if let Some(end) = boundary(line, "END") {
                if end != label {
                    return Err(Error::Pem(format!(
                        "block BEGIN {label} ends with END {end}"
                    )));
                }
                ended = true;
                break;
            }
            if in_headers {
                if line.is_empty() {
                    continue;
                }
                if let Some((k, v)) = line.split_once(':') {
                    headers.push((k.trim().to_string(), v.trim().to_string()));
                    continue;
                }
                in_headers = false;
            }
            body.extend(line.chars().filter(|c| !c.is_ascii_whitespace()));
        }
        if !ended {
            return Err(Error::Pem(format!("block {label} has no END line")));
        }
        let der = Base64::decode_vec(&body)
            .map_err(|_| Error::Pem(format!("block {label} is not valid base64")))?;
        if der.is_empty() {
            return Err(Error::Pem(format!("block {label} is empty")));
        }
        blocks.push(PemBlock {
            label: label.to_string(),
            headers,
            der,
        });
    }
    Ok(blocks)
}

/// PEM text for one block: 64-column base64, LF line ends, final newline.
pub fn encode_pem(label: &str, der: &[u8]) -> String {
    let b64 = Base64::encode_string(der);
    let mut out = String::with_capacity(b64.len() + b64.len() / 64 + 2 * label.len() + 40);
    out.push_str("-----BEGIN ");
    out.push_str(label);
    out.push_str("-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        // base64 output is ASCII, so every chunk is valid UTF-8.
        out.push_str(core::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str("-----END ");
    out.push_str(label);
    out.push_str("-----\n");
    out
}

fn is_certificate_label(label: &str) -> bool {
    // "X509 CERTIFICATE" is an old spelling still found in the wild.
    label == LABEL_CERTIFICATE || label == "X509 CERTIFICATE"
}

/// DER of every certificate in PEM text, in order (leaf first if the text is a chain).
/// Blocks with other labels (keys, CSRs) are skipped.
pub fn certificates_from_pem(text: &str) -> Result<Vec<Vec<u8>>> {
    let certs: Vec<Vec<u8>> = parse_pem(text)?
        .into_iter()
        .filter(|b| is_certificate_label(&b.label))
        .map(|b| b.der)
        .collect();
    if certs.is_empty() {
        return Err(Error::NotFound("certificate"));
    }
    Ok(certs)
}

/// Certificates from an upload: PEM text with one or more certificates, or a
/// single DER certificate.
pub fn certificates_from_bytes(input: &[u8]) -> Result<Vec<Vec<u8>>> {
    if looks_like_pem(input) {
        let text =
            core::str::from_utf8(input).map_err(|_| Error::Pem("the text is not UTF-8".into()))?;
        certificates_from_pem(text)
    } else if input.first() == Some(&0x30) {
        Ok(vec![input.to_vec()])
    } else {
        Err(Error::NotFound("certificate"))
    }
}

/// The DER of the first block whose label is one of `labels`, from PEM or,
/// when the input is not PEM, the input itself.
pub(crate) fn der_from_input(input: &[u8], labels: &[&str], what: &'static str) -> Result<Vec<u8>> {
    if looks_like_pem(input) {
        let text =
            core::str::from_utf8(input).map_err(|_| Error::Pem("the text is not UTF-8".into()))?;
        parse_pem(text)?
            .into_iter()
            .find(|b| labels.contains(&b.label.as_str()))
            .map(|b| b.der)
            .ok_or(Error::NotFound(what))
    } else if input.first() == Some(&0x30) {
        Ok(input.to_vec())
    } else {
        Err(Error::NotFound(what))
    }
}

/// PEM text of a chain, in the order given.
pub fn chain_to_pem(certs: &[Vec<u8>]) -> String {
    certs
        .iter()
        .map(|c| encode_pem(LABEL_CERTIFICATE, c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_line_length() {
        let der: Vec<u8> = (0..=255u8).collect();
        let pem = encode_pem("CERTIFICATE", &der);
        assert!(pem.starts_with("-----BEGIN CERTIFICATE-----\n"));
        assert!(pem.ends_with("-----END CERTIFICATE-----\n"));
        assert!(pem.lines().all(|l| l.len() <= 64));
        let blocks = parse_pem(&pem).unwrap();
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].label, "CERTIFICATE");
        assert_eq!(blocks[0].der, der);
    }

    #[test]
    fn lenient_about_pasted_text() {
        let pem = encode_pem("CERTIFICATE", b"\x30\x03abc").replace('\n', "\r\n");
        let text = format!(
            "subject=CN=x\r\n  {}\r\ntrailing words",
            pem.replace("\r\n", "\r\n  ")
        );
        let certs = certificates_from_pem(&text).unwrap();
        assert_eq!(certs, vec![b"\x30\x03abc".to_vec()]);
    }

    #[test]
    fn chain_split_keeps_order_and_skips_keys() {
        let text = format!(
            "{}{}{}",
            encode_pem("CERTIFICATE", b"\x30\x01a"),
            encode_pem("PRIVATE KEY", b"\x30\x01k"),
            encode_pem("CERTIFICATE", b"\x30\x01b"),
        );
        let certs = certificates_from_pem(&text).unwrap();
        assert_eq!(certs, vec![b"\x30\x01a".to_vec(), b"\x30\x01b".to_vec()]);
        assert_eq!(
            chain_to_pem(&certs),
            format!(
                "{}{}",
                encode_pem("CERTIFICATE", b"\x30\x01a"),
                encode_pem("CERTIFICATE", b"\x30\x01b")
            )
        );
    }

    #[test]
    fn headers_are_kept() {
        let text = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233\n\nMAMCAQA=\n-----END RSA PRIVATE KEY-----\n";
        let blocks = parse_pem(text).unwrap();
        assert!(blocks[0].has_encryption_header());
        assert_eq!(blocks[0].headers[1].0, "DEK-Info");
        assert_eq!(blocks[0].der, vec![0x30, 0x03, 0x02, 0x01, 0x00]);
    }

    #[test]
    fn errors() {
        assert!(matches!(
            parse_pem("-----BEGIN CERTIFICATE-----\nMAMCAQA=\n"),
            Err(Error::Pem(_))
        ));
        assert!(matches!(
            parse_pem("-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END PRIVATE KEY-----\n"),
            Err(Error::Pem(_))
        ));
        assert!(matches!(
            parse_pem("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n"),
            Err(Error::Pem(_))
        ));
        assert_eq!(
            certificates_from_pem("hello"),
            Err(Error::NotFound("certificate"))
        );
        assert_eq!(
            certificates_from_bytes(b"\x01\x02"),
            Err(Error::NotFound("certificate"))
        );
        assert_eq!(
            certificates_from_bytes(b"\x30\x00").unwrap(),
            vec![vec![0x30, 0x00]]
        );
    }
}

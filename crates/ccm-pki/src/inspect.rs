//! The toolbox's reader: whatever a user pastes or drops (PEM with any mix
//! of blocks, DER, base64 DER, PKCS#12, JKS, CRLs, keys) becomes a list of
//! decoded objects, each with where it came from, and a list of what could
//! not be read with where and why. One bad block never hides the others,
//! and nothing here panics on any input (fuzz target `inspect`).

use core::fmt;

use base64ct::{Base64, Encoding};
use der::Decode;

use crate::crl::CrlInfo;
use crate::decode::{CertificateInfo, CsrInfo, PublicKeyInfo};
use crate::error::{Error, Result};
use crate::keys::{parse_private_key, parse_private_key_with_password, PrivateKey};
use crate::keystore::{looks_like_jks, looks_like_pkcs12, read_jks, read_pkcs12, KeyStoreEntry};
use crate::pem;

/// One input: a file (its name) or the pasted text ("pasted text").
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Where in its input an object was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub source: String,
    pub place: Place,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The whole input (a DER file, base64 text).
    Whole,
    /// The `index`-th PEM block (from 1), whose BEGIN line is `line` (from 1).
    Block { index: usize, line: usize },
    /// The `index`-th entry (from 1) of a PKCS#12 file or key store.
    Entry { index: usize, alias: Option<String> },
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)?;
        match &self.place {
            Place::Whole => Ok(()),
            Place::Block { index, line } => write!(f, ", block {index} (line {line})"),
            Place::Entry { index, alias: Some(a) } => write!(f, ", entry {index} \"{a}\""),
            Place::Entry { index, alias: None } => write!(f, ", entry {index}"),
        }
    }
}

/// A private key as read, described without its secret.
#[derive(Debug, Clone)]
pub struct KeyInfo {
    pub key: PrivateKey,
    pub public_key: PublicKeyInfo,
}

/// A decoded object.
#[derive(Debug, Clone)]
pub enum Object {
    Certificate(Box<CertificateInfo>),
    Csr(Box<CsrInfo>),
    Key(Box<KeyInfo>),
    PublicKey(PublicKeyInfo),
    Crl(Box<CrlInfo>),
}

impl Object {
    /// "certificate", "CSR", ... for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Certificate(_) => "certificate",
            Self::Csr(_) => "CSR",
            Self::Key(_) => "private key",
            Self::PublicKey(_) => "public key",
            Self::Crl(_) => "CRL",
        }
    }

    /// A short name for lists: the CN or subject, the key type, the CRL issuer.
    pub fn title(&self) -> String {
        match self {
            Self::Certificate(c) => c.common_name.clone().unwrap_or_else(|| c.subject.clone()),
            Self::Csr(c) => c.common_name.clone().unwrap_or_else(|| c.subject.clone()),
            Self::Key(k) => k.key.description(),
            Self::PublicKey(p) => p.description(),
            Self::Crl(c) => c.issuer.clone(),
        }
    }

    /// The object's DER and its PEM label (keys as unencrypted PKCS#8).
    pub fn der_and_label(&self) -> Result<(Vec<u8>, &'static str)> {
        Ok(match self {
            Self::Certificate(c) => (c.der.clone(), pem::LABEL_CERTIFICATE),
            Self::Csr(c) => (c.der.clone(), pem::LABEL_CSR),
            Self::Key(k) => (k.key.to_pkcs8_der()?.to_vec(), pem::LABEL_PRIVATE_KEY),
            Self::PublicKey(p) => (p.spki_der.clone(), pem::LABEL_PUBLIC_KEY),
            Self::Crl(c) => (c.der.clone(), pem::LABEL_CRL),
        })
    }

    /// The file extension a server expects for it.
    pub fn extension(&self) -> &'static str {
        match self {
            Self::Certificate(_) => "crt",
            Self::Csr(_) => "csr",
            Self::Key(_) => "key",
            Self::PublicKey(_) => "pub",
            Self::Crl(_) => "crl",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Found {
    pub origin: Origin,
    pub object: Object,
}

/// Something that could not be read, where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub origin: Origin,
    /// What it looked like: "CERTIFICATE block", "file", "private key", ...
    pub what: String,
    pub reason: String,
    /// Entering (another) password would help.
    pub password_needed: bool,
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.origin, self.what, self.reason)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub objects: Vec<Found>,
    pub unreadable: Vec<Unreadable>,
}

/// Inputs larger than this are refused: nothing a user pastes is this big,
/// and decoding runs on the page's only thread.
pub const MAX_SOURCE_BYTES: usize = 8 * 1024 * 1024;

/// Reads every source. `password` opens PKCS#12 files, key stores and
/// encrypted keys (empty when none was given).
pub fn read_sources(sources: &[Source<'_>], password: &str) -> Reading {
    let mut reading = Reading::default();
    for s in sources {
        read_source(s, password, &mut reading);
    }
    reading
}

fn origin(source: &str, place: Place) -> Origin {
    Origin { source: source.to_string(), place }
}

fn read_source(s: &Source<'_>, password: &str, out: &mut Reading) {
    let whole = || origin(s.name, Place::Whole);
    let trimmed = s.bytes.trim_ascii();
    if trimmed.is_empty() {
        return;
    }
    if s.bytes.len() > MAX_SOURCE_BYTES {
        out.unreadable.push(Unreadable {
            origin: whole(),
            what: "input".into(),
            reason: format!("{} bytes; the toolbox reads at most {MAX_SOURCE_BYTES}", s.bytes.len()),
            password_needed: false,
        });
        return;
    }
    if pem::looks_like_pem(s.bytes) {
        match core::str::from_utf8(s.bytes) {
            Ok(text) => read_pem_text(s.name, text, password, out),
            Err(e) => out.unreadable.push(Unreadable {
                origin: whole(),
                what: "PEM text".into(),
                reason: format!("not UTF-8 text (byte {})", e.valid_up_to()),
                password_needed: false,
            }),
        }
        return;
    }
    if let Some(der) = base64_text(trimmed) {
        read_binary(s.name, &der, password, out, "base64 text");
        return;
    }
    read_binary(s.name, s.bytes, password, out, "file");
}

/// Text made only of base64 characters and white space: DER in base64.
fn base64_text(bytes: &[u8]) -> Option<Vec<u8>> {
    let text = core::str::from_utf8(bytes).ok()?;
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    if compact.len() < 8 || !compact.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)) {
        return None;
    }
    Base64::decode_vec(&compact).ok()
}

/// A PEM block found by the lenient scanner, or why it is broken.
struct ScannedBlock {
    index: usize,
    line: usize,
    label: String,
    result: core::result::Result<pem::PemBlock, String>,
}

/// Like [`pem::parse_pem`], but keeps going past a broken block and
/// remembers the line each block starts on.
fn scan_pem(text: &str) -> Vec<ScannedBlock> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(label) = boundary(lines[i], "BEGIN") else {
            i += 1;
            continue;
        };
        let start = i;
        let index = out.len() + 1;
        let mut end = None;
        let mut j = i + 1;
        while j < lines.len() {
            if boundary(lines[j], "END").is_some() || boundary(lines[j], "BEGIN").is_some() {
                end = Some(j);
                break;
            }
            j += 1;
        }
        let result = match end {
            Some(e) if boundary(lines[e], "END") == Some(label) => {
                let block_text = lines[start..=e].join("\n");
                pem::parse_pem(&block_text)
                    .map_err(|e| e.to_string())
                    .and_then(|mut b| b.pop().ok_or_else(|| "empty block".to_string()))
            }
            Some(e) if boundary(lines[e], "END").is_some() => Err(format!(
                "BEGIN {label} is closed by \"{}\" on line {}",
                lines[e],
                e + 1
            )),
            _ => Err(format!("BEGIN {label} has no END {label} line")),
        };
        out.push(ScannedBlock { index, line: start + 1, label: label.to_string(), result });
        // A block with no END stops at the next BEGIN, which is read next.
        i = match end {
            Some(e) if boundary(lines[e], "END").is_some() => e + 1,
            Some(e) => e,
            None => lines.len(),
        };
    }
    out
}

fn boundary<'a>(line: &'a str, kind: &str) -> Option<&'a str> {
    line.strip_prefix("-----")?
        .strip_prefix(kind)?
        .strip_prefix(' ')?
        .strip_suffix("-----")
}

fn read_pem_text(name: &str, text: &str, password: &str, out: &mut Reading) {
    for block in scan_pem(text) {
        let at = origin(name, Place::Block { index: block.index, line: block.line });
        let what = format!("{} block", block.label);
        let pem_block = match block.result {
            Ok(b) => b,
            Err(reason) => {
                out.unreadable.push(Unreadable { origin: at, what, reason, password_needed: false });
                continue;
            }
        };
        match object_from_block(&pem_block, password) {
            Ok(object) => out.objects.push(Found { origin: at, object }),
            Err(e) => out.unreadable.push(Unreadable {
                origin: at,
                what,
                password_needed: matches!(e, Error::EncryptedKey | Error::WrongPassword),
                reason: e.to_string(),
            }),
        }
    }
}

fn object_from_block(block: &pem::PemBlock, password: &str) -> Result<Object> {
    let der = &block.der;
    match block.label.as_str() {
        "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => {
            CertificateInfo::from_der(der).map(|c| Object::Certificate(Box::new(c)))
        }
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => {
            CsrInfo::from_der(der).map(|c| Object::Csr(Box::new(c)))
        }
        pem::LABEL_CRL => CrlInfo::from_der(der).map(|c| Object::Crl(Box::new(c))),
        pem::LABEL_PUBLIC_KEY => PublicKeyInfo::from_spki_der(der).map(Object::PublicKey),
        pem::LABEL_PRIVATE_KEY
        | pem::LABEL_RSA_PRIVATE_KEY
        | pem::LABEL_EC_PRIVATE_KEY
        | pem::LABEL_ENCRYPTED_PRIVATE_KEY => {
            if block.has_encryption_header() {
                return Err(Error::UnsupportedKey(
                    "OpenSSL traditional key encryption; convert the key with `openssl pkcs8 -topk8`".into(),
                ));
            }
            let text = pem::encode_pem(&block.label, der);
            let key = if password.is_empty() {
                parse_private_key(text.as_bytes())
            } else {
                parse_private_key_with_password(text.as_bytes(), password)
            }?;
            key_object(key)
        }
        other => Err(Error::UnsupportedKey(format!(
            "\"{other}\" blocks are not read here (certificates, CSRs, keys and CRLs are)"
        ))),
    }
}

fn key_object(key: PrivateKey) -> Result<Object> {
    let public_key = PublicKeyInfo::from_spki_der(&key.public_key_der()?)?;
    Ok(Object::Key(Box::new(KeyInfo { key, public_key })))
}

/// DER, a PKCS#12 file or a JKS: tried in that order of how they start.
fn read_binary(name: &str, bytes: &[u8], password: &str, out: &mut Reading, what: &str) {
    let whole = origin(name, Place::Whole);
    if looks_like_jks(bytes) {
        return read_store(name, read_jks(bytes, password), "Java KeyStore", out);
    }
    if bytes.first() != Some(&0x30) {
        out.unreadable.push(Unreadable {
            origin: whole,
            what: what.into(),
            reason: "neither PEM text, base64, DER, PKCS#12 nor a Java KeyStore (DER starts with byte 0x30)".into(),
            password_needed: false,
        });
        return;
    }
    if let Ok(c) = CertificateInfo::from_der(bytes) {
        return out.objects.push(Found { origin: whole, object: Object::Certificate(Box::new(c)) });
    }
    if let Ok(c) = CsrInfo::from_der(bytes) {
        return out.objects.push(Found { origin: whole, object: Object::Csr(Box::new(c)) });
    }
    if let Ok(c) = CrlInfo::from_der(bytes) {
        return out.objects.push(Found { origin: whole, object: Object::Crl(Box::new(c)) });
    }
    if looks_like_pkcs12(bytes) {
        return read_store(name, read_pkcs12(bytes, password), "PKCS#12 file", out);
    }
    let key = if password.is_empty() {
        parse_private_key(bytes)
    } else {
        parse_private_key_with_password(bytes, password)
    };
    match key.and_then(key_object) {
        Ok(object) => out.objects.push(Found { origin: whole, object }),
        Err(e @ (Error::EncryptedKey | Error::WrongPassword | Error::UnsupportedKey(_))) => {
            out.unreadable.push(Unreadable {
                origin: whole,
                what: "private key".into(),
                password_needed: matches!(e, Error::EncryptedKey | Error::WrongPassword),
                reason: e.to_string(),
            })
        }
        Err(_) => {
            // Say how far the DER itself goes: the most useful "where".
            let reason = match x509_cert::Certificate::from_der(bytes) {
                Err(e) => format!("DER that is no certificate, CSR, CRL, PKCS#12 or key ({e})"),
                Ok(_) => "DER that is no certificate, CSR, CRL, PKCS#12 or key".into(),
            };
            out.unreadable.push(Unreadable { origin: whole, what: what.into(), reason, password_needed: false });
        }
    }
}

fn read_store(name: &str, read: Result<crate::keystore::KeyStoreContents>, what: &str, out: &mut Reading) {
    let contents = match read {
        Ok(c) => c,
        Err(e) => {
            return out.unreadable.push(Unreadable {
                origin: origin(name, Place::Whole),
                what: what.into(),
                password_needed: matches!(e, Error::WrongPassword | Error::EncryptedKey),
                reason: match e {
                    Error::WrongPassword => "wrong or missing password (enter it in the password field)".into(),
                    other => other.to_string(),
                },
            })
        }
    };
    for (i, entry) in contents.entries.into_iter().enumerate() {
        let place = |alias| Place::Entry { index: i + 1, alias };
        match entry {
            KeyStoreEntry::Certificate { der, alias } => match CertificateInfo::from_der(&der) {
                Ok(c) => out.objects.push(Found { origin: origin(name, place(alias)), object: Object::Certificate(Box::new(c)) }),
                Err(e) => out.unreadable.push(Unreadable {
                    origin: origin(name, place(alias)),
                    what: "certificate".into(),
                    reason: e.to_string(),
                    password_needed: false,
                }),
            },
            KeyStoreEntry::Key { key, alias } => match key_object(key) {
                Ok(object) => out.objects.push(Found { origin: origin(name, place(alias)), object }),
                Err(e) => out.unreadable.push(Unreadable {
                    origin: origin(name, place(alias)),
                    what: "private key".into(),
                    reason: e.to_string(),
                    password_needed: false,
                }),
            },
            KeyStoreEntry::Unreadable { what, reason } => out.unreadable.push(Unreadable {
                origin: origin(name, place(None)),
                what,
                password_needed: reason == Error::WrongPassword.to_string(),
                reason,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::{self_signed_certificate, DistinguishedName, IssueRequest};
    use crate::{build_pkcs12, generate_key, KeyAlgorithm};

    fn cert_and_key() -> (Vec<u8>, PrivateKey) {
        let key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let cert = self_signed_certificate(&IssueRequest::new(DistinguishedName::new("mix.example"), 0, 86_400), &key).unwrap();
        (cert, key)
    }

    fn kinds(r: &Reading) -> Vec<&'static str> {
        r.objects.iter().map(|f| f.object.kind()).collect()
    }

    #[test]
    fn a_mix_of_blocks_keeps_going_past_broken_ones() {
        let (cert, key) = cert_and_key();
        let text = format!(
            "notes before\n{}{}-----BEGIN CERTIFICATE-----\nMIIB!!!\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMAMC\n{}",
            pem::encode_pem("CERTIFICATE", &cert),
            key.to_pkcs8_pem().unwrap().as_str(),
            pem::encode_pem("X509 CRL", b"\x30\x00"),
        );
        let r = read_sources(&[Source { name: "pasted text", bytes: text.as_bytes() }], "");
        assert_eq!(kinds(&r), ["certificate", "private key"]);
        assert_eq!(r.objects[0].origin.to_string(), "pasted text, block 1 (line 2)");
        let problems: Vec<String> = r.unreadable.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 4, "{problems:?}");
        let begin_line = text[..text.find("MIIB!!!").unwrap()].lines().count();
        let expected = format!("pasted text, block 3 (line {begin_line}) (CERTIFICATE block): malformed PEM");
        assert!(problems[0].starts_with(&expected), "{problems:?}");
        assert!(problems[1].contains("block 4") && problems[1].contains("malformed certificate"), "{problems:?}");
        assert!(problems[2].contains("block 5") && problems[2].contains("has no END CERTIFICATE line"), "{problems:?}");
        assert!(problems[3].contains("block 6") && problems[3].contains("malformed CRL"), "{problems:?}");
    }

    #[test]
    fn der_base64_and_stores() {
        let (cert, key) = cert_and_key();
        let b64 = Base64::encode_string(&cert);
        let p12 = build_pkcs12(Some(&key), &cert, &[], "pw1234", None).unwrap();
        let sources = [
            Source { name: "a.der", bytes: &cert },
            Source { name: "b.txt", bytes: b64.as_bytes() },
            Source { name: "c.p12", bytes: &p12 },
            Source { name: "empty", bytes: b"  \n" },
        ];
        let r = read_sources(&sources, "pw1234");
        assert_eq!(kinds(&r), ["certificate", "certificate", "certificate", "private key"]);
        assert_eq!(r.objects[2].origin.to_string(), "c.p12, entry 1");
        assert!(r.unreadable.is_empty(), "{:?}", r.unreadable);
        let r = read_sources(&sources[2..3], "");
        assert!(r.objects.is_empty());
        assert!(r.unreadable[0].password_needed);
        assert!(r.unreadable[0].to_string().starts_with("c.p12 (PKCS#12 file): wrong or missing password"));
    }

    #[test]
    fn encrypted_keys_and_garbage() {
        let (_, key) = cert_and_key();
        let enc = key.to_encrypted_pkcs8_pem("topsecret").unwrap();
        let src = [Source { name: "k.pem", bytes: enc.as_bytes() }];
        let r = read_sources(&src, "");
        assert!(r.unreadable[0].password_needed, "{:?}", r.unreadable);
        assert_eq!(kinds(&read_sources(&src, "topsecret")), ["private key"]);
        assert!(read_sources(&src, "nope").unreadable[0].reason.contains("wrong password"));
        let r = read_sources(&[Source { name: "x.bin", bytes: &[0x30, 0x82, 0x01] }], "");
        assert!(r.unreadable[0].reason.contains("DER that is no certificate"), "{:?}", r.unreadable);
        let r = read_sources(&[Source { name: "y.bin", bytes: &[0xff, 0x00] }], "");
        assert!(r.unreadable[0].reason.starts_with("neither PEM"), "{:?}", r.unreadable);
        let r = read_sources(&[Source { name: "z", bytes: "-----BEGIN PKCS7-----\nMAMCAQA=\n-----END PKCS7-----\n".as_bytes() }], "");
        assert!(r.unreadable[0].reason.contains("\"PKCS7\" blocks are not read here"), "{:?}", r.unreadable);
    }
}

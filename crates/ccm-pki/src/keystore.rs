//! Reading key stores: PKCS#12 (`.pfx`/`.p12`) as OpenSSL 3, Windows and
//! keytool write them (PBES2 encryption, SHA-1 or SHA-256 MAC), and Java
//! KeyStores (JKS, Sun's key protector). Building them is in [`crate::bundle`].
//!
//! Both formats name their own work factors; a file asking for more rounds
//! than a browser tab can spend is refused instead of freezing the page.

use core::fmt;

use der::asn1::{AnyRef, ObjectIdentifier, OctetString};
use der::{Decode, Encode, Sequence, Tagged};
use hmac::{Hmac, KeyInit, Mac};
use pkcs12::cms::content_info::ContentInfo;
use pkcs12::cms::encrypted_data::EncryptedData;
use pkcs12::kdf::{derive_key_utf8, Pkcs12KeyType};
use pkcs12::pfx::Pfx;
use pkcs12::{CertBag, SafeBag};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;

use crate::error::{Error, Result};
use crate::keys::{check_kdf_cost, parse_private_key_with_password, PrivateKey};
use crate::oids;

/// What a key store held, in the order stored.
#[derive(Debug, Default)]
pub struct KeyStoreContents {
    pub entries: Vec<KeyStoreEntry>,
}

/// One certificate or key of a key store.
pub enum KeyStoreEntry {
    /// DER certificate, with the entry's alias (JKS) or friendly name when known.
    Certificate { der: Vec<u8>, alias: Option<String> },
    Key { key: PrivateKey, alias: Option<String> },
    /// An entry that could not be read (unsupported encryption, broken DER),
    /// so the rest of the store is still shown.
    Unreadable { what: String, reason: String },
}

/// Never prints key material.
impl fmt::Debug for KeyStoreEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Certificate { der, .. } => write!(f, "Certificate({} bytes)", der.len()),
            Self::Key { key, .. } => write!(f, "Key({key:?})"),
            Self::Unreadable { what, reason } => write!(f, "Unreadable({what}: {reason})"),
        }
    }
}

const PKCS7_ENCRYPTED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.6");
const PKCS12_KEY_BAG: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.1");
const SHA1_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
/// PKCS#12 MAC rounds above this are refused (OpenSSL writes 2,048).
const MAX_MAC_ITERATIONS: i32 = 1_000_000;

/// Whether `data` decodes as a PKCS#12 `PFX` (says nothing about the password).
pub fn looks_like_pkcs12(data: &[u8]) -> bool {
    Pfx::from_der(data).is_ok()
}

/// Every certificate and key of a PKCS#12 file. The MAC is checked first,
/// so a wrong password is [`Error::WrongPassword`] before anything is decrypted.
pub fn read_pkcs12(data: &[u8], password: &str) -> Result<KeyStoreContents> {
    let pfx = Pfx::from_der(data).map_err(Error::malformed("PKCS#12 file"))?;
    if pfx.auth_safe.content_type != oids::PKCS7_DATA {
        return Err(Error::UnsupportedKey(
            "PKCS#12 protected by a public-key signature instead of a password".into(),
        ));
    }
    let auth_safe = octets_of(&pfx.auth_safe)?;
    // Without MAC data the file has no integrity check (rare; keytool never writes one).
    if let Some(mac) = &pfx.mac_data {
        verify_mac(mac, &auth_safe, password)?;
    }
    let safes =
        Vec::<ContentInfo>::from_der(&auth_safe).map_err(Error::malformed("PKCS#12 contents"))?;
    let mut out = KeyStoreContents::default();
    for safe in &safes {
        let bags_der = if safe.content_type == oids::PKCS7_DATA {
            octets_of(safe)?
        } else if safe.content_type == PKCS7_ENCRYPTED_DATA {
            match decrypt_safe(safe, password) {
                Ok(der) => der,
                Err(e) => {
                    out.entries.push(KeyStoreEntry::Unreadable {
                        what: "encrypted certificate group".into(),
                        reason: e.to_string(),
                    });
                    continue;
                }
            }
        } else {
            out.entries.push(KeyStoreEntry::Unreadable {
                what: format!("content {}", safe.content_type),
                reason: "a PKCS#12 content type this console does not read".into(),
            });
            continue;
        };
        let bags = Vec::<SafeBag>::from_der(&bags_der).map_err(Error::malformed("PKCS#12 bags"))?;
        for bag in bags {
            out.entries.push(read_bag(&bag, password));
        }
    }
    Ok(out)
}

/// The DER inside an `OCTET STRING` content.
fn octets_of(info: &ContentInfo) -> Result<Vec<u8>> {
    let octets = OctetString::from_der(&info.content.to_der()?)
        .map_err(Error::malformed("PKCS#12 contents"))?;
    Ok(octets.as_bytes().to_vec())
}

fn verify_mac(mac: &pkcs12::MacData, content: &[u8], password: &str) -> Result<()> {
    if mac.iterations < 1 || mac.iterations > MAX_MAC_ITERATIONS {
        return Err(Error::UnsupportedKey(format!(
            "PKCS#12 MAC with {} rounds",
            mac.iterations
        )));
    }
    let salt = mac.mac_salt.as_bytes();
    let bad_password = |_| Error::Invalid("the password cannot be a BMPString".into());
    let expected = mac.mac.digest.as_bytes();
    let ok = match mac.mac.algorithm.oid {
        oids::SHA256 => {
            let key = derive_key_utf8::<Sha256>(password, salt, Pkcs12KeyType::Mac, mac.iterations, 32)
                .map_err(bad_password)?;
            let mut h = Hmac::<Sha256>::new_from_slice(&key).map_err(|e| Error::Bundle(e.to_string()))?;
            h.update(content);
            h.verify_slice(expected).is_ok()
        }
        SHA1_OID => {
            let key = derive_key_utf8::<Sha1>(password, salt, Pkcs12KeyType::Mac, mac.iterations, 20)
                .map_err(bad_password)?;
            let mut h = Hmac::<Sha1>::new_from_slice(&key).map_err(|e| Error::Bundle(e.to_string()))?;
            h.update(content);
            h.verify_slice(expected).is_ok()
        }
        other => {
            return Err(Error::UnsupportedKey(format!("PKCS#12 MAC algorithm {other}")));
        }
    };
    if ok {
        Ok(())
    } else {
        Err(Error::WrongPassword)
    }
}

/// Decrypts an `EncryptedData` safe (PBES2 only; the legacy RC2/3DES
/// schemes of `openssl pkcs12 -legacy` are refused with a way out).
fn decrypt_safe(safe: &ContentInfo, password: &str) -> Result<Vec<u8>> {
    let data = EncryptedData::from_der(&safe.content.to_der()?)
        .map_err(Error::malformed("PKCS#12 encrypted contents"))?;
    let info = &data.enc_content_info;
    let ciphertext = info
        .encrypted_content
        .as_ref()
        .ok_or(Error::NotFound("encrypted content"))?;
    let scheme = scheme_of(&info.content_enc_alg)?;
    if let Some(p) = scheme.pbes2() {
        check_kdf_cost(&p.kdf)?;
    }
    scheme
        .decrypt(password.as_bytes(), ciphertext.as_bytes())
        .map_err(|_| Error::WrongPassword)
}

fn scheme_of(alg: &AlgorithmIdentifierOwned) -> Result<pkcs5::EncryptionScheme> {
    let legacy = || {
        Error::UnsupportedKey(format!(
            "legacy PKCS#12 encryption ({}); export the file again with OpenSSL 3 without -legacy, or `openssl pkcs12 -export -keypbe AES-256-CBC -certpbe AES-256-CBC`",
            alg.oid
        ))
    };
    let scheme = pkcs5::EncryptionScheme::from_der(&alg.to_der()?).map_err(|_| legacy())?;
    if scheme.pbes2().is_none() {
        return Err(legacy());
    }
    Ok(scheme)
}

/// `bag_value` as the pkcs12 crate decodes it still has its `[0]` wrapper.
fn bag_content(bag: &SafeBag) -> Vec<u8> {
    match AnyRef::from_der(&bag.bag_value) {
        Ok(any) if any.tag().is_context_specific() => any.value().to_vec(),
        _ => bag.bag_value.clone(),
    }
}

fn friendly_name(bag: &SafeBag) -> Option<String> {
    bag.bag_attributes.as_ref()?.iter().find_map(|a| {
        (a.oid == oids::PKCS9_FRIENDLY_NAME)
            .then(|| a.values.iter().next())
            .flatten()
            .and_then(|v| der::asn1::BmpString::from_der(&v.to_der().ok()?).ok())
            .map(|s| s.to_string())
    })
}

fn read_bag(bag: &SafeBag, password: &str) -> KeyStoreEntry {
    let content = bag_content(bag);
    let alias = friendly_name(bag);
    let unreadable = |what: &str, e: Error| KeyStoreEntry::Unreadable {
        what: what.into(),
        reason: e.to_string(),
    };
    match bag.bag_id {
        oids::PKCS12_CERT_BAG => match CertBag::from_der(&content) {
            Ok(c) if c.cert_id == oids::PKCS9_X509_CERTIFICATE => KeyStoreEntry::Certificate {
                der: c.cert_value.as_bytes().to_vec(),
                alias,
            },
            Ok(c) => unreadable(
                "certificate bag",
                Error::UnsupportedKey(format!("certificate type {}", c.cert_id)),
            ),
            Err(e) => unreadable("certificate bag", Error::malformed("certificate bag")(e)),
        },
        oids::PKCS12_SHROUDED_KEY_BAG => {
            match parse_private_key_with_password(&content, password) {
                Ok(key) => KeyStoreEntry::Key { key, alias },
                Err(Error::UnsupportedKey(s)) if s.starts_with("key encryption scheme") => {
                    unreadable("private key", scheme_of_key(&content))
                }
                Err(e) => unreadable("private key", e),
            }
        }
        PKCS12_KEY_BAG => match PrivateKey::from_pkcs8_der(&content) {
            Ok(key) => KeyStoreEntry::Key { key, alias },
            Err(e) => unreadable("private key", e),
        },
        other => unreadable(
            "bag",
            Error::UnsupportedKey(format!("PKCS#12 bag type {other}")),
        ),
    }
}

/// The legacy-encryption message for a key whose scheme is not PBES2.
fn scheme_of_key(content: &[u8]) -> Error {
    #[derive(Sequence)]
    struct Encrypted {
        algorithm: AlgorithmIdentifierOwned,
        data: OctetString,
    }
    match Encrypted::from_der(content) {
        Ok(e) => scheme_of(&e.algorithm).err().unwrap_or(Error::WrongPassword),
        Err(e) => Error::malformed("encrypted private key")(e),
    }
}

const JKS_MAGIC: [u8; 4] = [0xFE, 0xED, 0xFE, 0xED];
const JCEKS_MAGIC: [u8; 4] = [0xCE, 0xCE, 0xCE, 0xCE];
/// Sun's proprietary key protector (`1.3.6.1.4.1.42.2.17.1.1`).
const SUN_KEY_PROTECTOR: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.42.2.17.1.1");
const MAX_JKS_ENTRIES: u32 = 10_000;

/// Whether `data` starts like a Java KeyStore (JKS or JCEKS).
pub fn looks_like_jks(data: &[u8]) -> bool {
    data.starts_with(&JKS_MAGIC) || data.starts_with(&JCEKS_MAGIC)
}

/// Big-endian reader over a JKS file that reports where it ran out.
struct JksReader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> JksReader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.data.len()).ok_or_else(|| {
            Error::Malformed {
                what: "Java KeyStore",
                detail: format!("it ends at byte {} where {n} more bytes were expected", self.data.len()),
            }
        })?;
        let slice = &self.data[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u16(&mut self) -> Result<u16> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn utf(&mut self) -> Result<String> {
        let n = self.u16()? as usize;
        Ok(String::from_utf8_lossy(self.take(n)?).into_owned())
    }

    /// A length-prefixed blob (certificate or key).
    fn blob(&mut self) -> Result<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }
}

/// Java's `char[]` password as big-endian UTF-16 bytes.
fn utf16be(password: &str) -> Vec<u8> {
    password.encode_utf16().flat_map(u16::to_be_bytes).collect()
}

/// Every certificate and key of a JKS file. The store's integrity hash is
/// checked with `password` first; keys are decrypted with the same password
/// (what keytool and Tomcat use unless told otherwise).
pub fn read_jks(data: &[u8], password: &str) -> Result<KeyStoreContents> {
    if data.starts_with(&JCEKS_MAGIC) {
        return Err(Error::UnsupportedKey(
            "JCEKS key store; convert it with `keytool -importkeystore -deststoretype pkcs12`".into(),
        ));
    }
    if !data.starts_with(&JKS_MAGIC) || data.len() < 32 {
        return Err(Error::NotFound("Java KeyStore"));
    }
    let (body, digest) = data.split_at(data.len() - 20);
    let pw = utf16be(password);
    let mut h = Sha1::new();
    h.update(&pw);
    h.update(b"Mighty Aphrodite");
    h.update(body);
    if h.finalize().as_slice() != digest {
        return Err(Error::WrongPassword);
    }
    let mut r = JksReader { data: body, at: 4 };
    let version = r.u32()?;
    if version != 1 && version != 2 {
        return Err(Error::Malformed { what: "Java KeyStore", detail: format!("version {version}") });
    }
    let count = r.u32()?;
    if count > MAX_JKS_ENTRIES {
        return Err(Error::Malformed { what: "Java KeyStore", detail: format!("{count} entries") });
    }
    let mut out = KeyStoreContents::default();
    let cert = |r: &mut JksReader<'_>| -> Result<Vec<u8>> {
        if version == 2 {
            let kind = r.utf()?;
            if kind != "X.509" {
                return Err(Error::UnsupportedKey(format!("{kind} certificate")));
            }
        }
        Ok(r.blob()?.to_vec())
    };
    for _ in 0..count {
        let tag = r.u32()?;
        let alias = r.utf()?;
        let _created_ms = r.take(8)?;
        match tag {
            1 => {
                let protected = r.blob()?;
                let entry = match unprotect_jks_key(protected, &pw) {
                    Ok(key) => KeyStoreEntry::Key { key, alias: Some(alias.clone()) },
                    Err(e) => KeyStoreEntry::Unreadable {
                        what: format!("private key \"{alias}\""),
                        reason: e.to_string(),
                    },
                };
                out.entries.push(entry);
                let chain = r.u32()?;
                if chain > MAX_JKS_ENTRIES {
                    return Err(Error::Malformed { what: "Java KeyStore", detail: format!("a chain of {chain}") });
                }
                for _ in 0..chain {
                    out.entries.push(KeyStoreEntry::Certificate { der: cert(&mut r)?, alias: Some(alias.clone()) });
                }
            }
            2 => out.entries.push(KeyStoreEntry::Certificate { der: cert(&mut r)?, alias: Some(alias) }),
            other => {
                return Err(Error::Malformed {
                    what: "Java KeyStore",
                    detail: format!("entry type {other} at byte {}", r.at - 4),
                })
            }
        }
    }
    Ok(out)
}

/// Sun's key protector: salt (20) || key XOR keystream || SHA-1 check (20),
/// the keystream being SHA-1(password || previous block) from the salt on.
fn unprotect_jks_key(protected: &[u8], password_utf16: &[u8]) -> Result<PrivateKey> {
    #[derive(Sequence)]
    struct Protected {
        algorithm: AlgorithmIdentifierOwned,
        data: OctetString,
    }
    let info = Protected::from_der(protected).map_err(Error::malformed("JKS key entry"))?;
    if info.algorithm.oid != SUN_KEY_PROTECTOR {
        return Err(Error::UnsupportedKey(format!("JKS key protection {}", info.algorithm.oid)));
    }
    let data = info.data.as_bytes();
    if data.len() < 40 {
        return Err(Error::Malformed { what: "JKS key entry", detail: "too short".into() });
    }
    let (salt, rest) = data.split_at(20);
    let (encrypted, check) = rest.split_at(rest.len() - 20);
    let mut plain = der::zeroize::Zeroizing::new(Vec::with_capacity(encrypted.len()));
    let mut block = salt.to_vec();
    for chunk in encrypted.chunks(20) {
        let mut h = Sha1::new();
        h.update(password_utf16);
        h.update(&block);
        block = h.finalize().to_vec();
        plain.extend(chunk.iter().zip(&block).map(|(c, k)| c ^ k));
    }
    let mut h = Sha1::new();
    h.update(password_utf16);
    h.update(plain.as_slice());
    if h.finalize().as_slice() != check {
        return Err(Error::WrongPassword);
    }
    PrivateKey::from_pkcs8_der(&plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{build_jks, build_pkcs12};
    use crate::issue::{self_signed_certificate, DistinguishedName, IssueRequest};
    use crate::{generate_key, KeyAlgorithm};

    fn key_and_cert() -> (PrivateKey, Vec<u8>) {
        let key = generate_key(KeyAlgorithm::Ec256).unwrap();
        let cert = self_signed_certificate(&IssueRequest::new(DistinguishedName::new("store.example"), 0, 86_400), &key).unwrap();
        (key, cert)
    }

    fn summary(c: &KeyStoreContents) -> Vec<String> {
        c.entries.iter().map(|e| format!("{e:?}")).collect()
    }

    #[test]
    fn pkcs12_round_trip_and_wrong_password() {
        let (key, cert) = key_and_cert();
        let p12 = build_pkcs12(Some(&key), &cert, &[], "s3cret", Some("web")).unwrap();
        assert!(looks_like_pkcs12(&p12));
        let read = read_pkcs12(&p12, "s3cret").unwrap();
        assert_eq!(read.entries.len(), 2, "{:?}", summary(&read));
        match &read.entries[0] {
            KeyStoreEntry::Certificate { der, alias } => {
                assert_eq!(der, &cert);
                assert_eq!(alias.as_deref(), Some("web"));
            }
            other => panic!("{other:?}"),
        }
        match &read.entries[1] {
            KeyStoreEntry::Key { key: k, .. } => assert!(k.matches_certificate(&cert).unwrap()),
            other => panic!("{other:?}"),
        }
        assert_eq!(read_pkcs12(&p12, "wrong").err(), Some(Error::WrongPassword));
        assert!(matches!(read_pkcs12(&p12[..p12.len() / 2], "s3cret"), Err(Error::Malformed { .. })));
        assert!(!looks_like_pkcs12(&cert));
    }

    #[test]
    fn jks_round_trip_wrong_password_and_truncation() {
        let (key, cert) = key_and_cert();
        let jks = build_jks(Some(&key), &cert, &[], "changeit", "tomcat", 1_700_000_000).unwrap();
        assert!(looks_like_jks(&jks));
        let read = read_jks(&jks, "changeit").unwrap();
        assert_eq!(read.entries.len(), 2, "{:?}", summary(&read));
        assert!(matches!(&read.entries[0], KeyStoreEntry::Key { key: k, alias } if k.matches_certificate(&cert).unwrap() && alias.as_deref() == Some("tomcat")));
        assert!(matches!(&read.entries[1], KeyStoreEntry::Certificate { der, .. } if der == &cert));
        assert_eq!(read_jks(&jks, "wrong!").err(), Some(Error::WrongPassword));
        // A cut file fails its integrity hash; a store whose hash is made to
        // fit a cut body still names where it ends.
        assert!(read_jks(&jks[..jks.len() - 30], "changeit").is_err());
        let body = &jks[..60];
        let mut h = Sha1::new();
        h.update(utf16be("changeit"));
        h.update(b"Mighty Aphrodite");
        h.update(body);
        let forged = [body, h.finalize().as_slice()].concat();
        let err = read_jks(&forged, "changeit").unwrap_err().to_string();
        assert!(err.contains("ends at byte 60"), "{err}");
        let trusted = build_jks(None, &cert, &[], "changeit", "ca", 0).unwrap();
        let read = read_jks(&trusted, "changeit").unwrap();
        assert!(matches!(&read.entries[..], [KeyStoreEntry::Certificate { alias, .. }] if alias.as_deref() == Some("ca")));
        assert_eq!(read_jks(b"not a store", "x").err(), Some(Error::NotFound("Java KeyStore")));
    }
}

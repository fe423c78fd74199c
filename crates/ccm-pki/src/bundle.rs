//! Bundles: ZIP archives, PKCS#12 (`.pfx`/`.p12`), the CCM export layouts
//! per server type and, with feature `jks`, Java KeyStores.

use std::io::{Cursor, Read, Write};

use der::asn1::{Any, BmpString, OctetString, SetOfVec};
use der::{Decode, Encode};
use hmac::{Hmac, KeyInit, Mac};
use pkcs12::cms::content_info::ContentInfo;
use pkcs12::kdf::{derive_key_utf8, Pkcs12KeyType};
use pkcs12::pfx::{Pfx, Version as PfxVersion};
use pkcs12::{CertBag, DigestInfo, MacData, SafeBag};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;

use crate::error::{Error, Result};
use crate::keys::PrivateKey;
use crate::oids;
use crate::pem::{chain_to_pem, encode_pem, LABEL_CERTIFICATE};

/// One file of an archive or export.
#[derive(Clone, PartialEq, Eq)]
pub struct ZipEntry {
    pub name: String,
    pub data: Vec<u8>,
}

/// Names and sizes only: entries may hold private keys.
impl core::fmt::Debug for ZipEntry {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "ZipEntry({}, {} bytes)", self.name, self.data.len())
    }
}

impl ZipEntry {
    pub fn new(name: impl Into<String>, data: impl Into<Vec<u8>>) -> Self {
        ZipEntry {
            name: name.into(),
            data: data.into(),
        }
    }
}

/// How ZIP entries are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Compression {
    Stored,
    /// Deflate through miniz_oxide (pure Rust, small in wasm).
    #[default]
    Deflated,
}

fn zip_err(e: impl core::fmt::Display) -> Error {
    Error::Bundle(format!("zip: {e}"))
}

/// A ZIP archive of `entries` in order. `modified` (Unix seconds, UTC) is
/// the time stamped on every entry; `None` gives ZIP's epoch, 1980-01-01,
/// so that the same input makes the same bytes. Files whose name ends in
/// `.key`, `.pfx`, `.jks` or `.txt` get mode 0600 for unzip on Unix.
pub fn build_zip(
    entries: &[ZipEntry],
    compression: Compression,
    modified: Option<i64>,
) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let method = match compression {
        Compression::Stored => zip::CompressionMethod::Stored,
        Compression::Deflated => zip::CompressionMethod::Deflated,
    };
    let mut options = SimpleFileOptions::default().compression_method(method);
    if let Some(t) = modified {
        options = options.last_modified_time(zip_time(t)?);
    }
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for e in entries {
        let secret = [".key", ".pfx", ".p12", ".jks", ".txt"]
            .iter()
            .any(|s| e.name.ends_with(s));
        let opts = options.unix_permissions(if secret { 0o600 } else { 0o644 });
        writer.start_file(e.name.as_str(), opts).map_err(zip_err)?;
        writer.write_all(&e.data).map_err(zip_err)?;
    }
    Ok(writer.finish().map_err(zip_err)?.into_inner())
}

fn zip_time(unix: i64) -> Result<zip::DateTime> {
    let dt = u64::try_from(unix)
        .ok()
        .and_then(|s| der::DateTime::from_unix_duration(core::time::Duration::from_secs(s)).ok())
        .ok_or_else(|| Error::Invalid("time out of range".into()))?;
    zip::DateTime::from_date_and_time(
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minutes(),
        dt.seconds(),
    )
    .map_err(|_| Error::Invalid("ZIP times start in 1980".into()))
}

/// The files of a ZIP archive, in order (directories skipped).
pub fn read_zip(data: &[u8]) -> Result<Vec<ZipEntry>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(data)).map_err(zip_err)?;
    let mut out = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(zip_err)?;
        if file.is_dir() {
            continue;
        }
        let mut buf = Vec::new();
        file.read_to_end(&mut buf).map_err(zip_err)?;
        let name = file.name().map_err(zip_err)?.into_owned();
        out.push(ZipEntry::new(name, buf));
    }
    Ok(out)
}

/// PKCS#12 MAC rounds, as OpenSSL 3 writes them.
const PKCS12_MAC_ITERATIONS: i32 = 2048;

fn attribute(oid: der::asn1::ObjectIdentifier, value: Any) -> Result<Attribute> {
    let mut values = SetOfVec::new();
    values.insert(value)?;
    Ok(Attribute { oid, values })
}

fn bag_attributes(local_key_id: &[u8], friendly_name: Option<&str>) -> Result<SetOfVec<Attribute>> {
    let mut attrs = SetOfVec::new();
    attrs.insert(attribute(
        oids::PKCS9_LOCAL_KEY_ID,
        Any::encode_from(&OctetString::new(local_key_id)?)?,
    )?)?;
    if let Some(name) = friendly_name {
        let bmp = BmpString::from_utf8(name)
            .map_err(|_| Error::Invalid("the friendly name cannot be a BMPString".into()))?;
        attrs.insert(attribute(
            oids::PKCS9_FRIENDLY_NAME,
            Any::encode_from(&bmp)?,
        )?)?;
    }
    Ok(attrs)
}

fn data_content_info(safe_contents: &[SafeBag]) -> Result<ContentInfo> {
    Ok(ContentInfo {
        content_type: oids::PKCS7_DATA,
        content: Any::encode_from(&OctetString::new(safe_contents.to_vec().to_der()?)?)?,
    })
}

/// A PKCS#12 file as OpenSSL 3 and Windows Server 2019+ read it: the key in
/// a PBES2 shrouded bag (PBKDF2-HMAC-SHA256, AES-256-CBC), the certificate
/// (leaf first, then `chain`) in plain bags, and an HMAC-SHA256 integrity
/// MAC over everything with `password`. `openssl pkcs12` reads it without
/// `-legacy`. The leaf and the key share a localKeyId so that importers
/// pair them; `friendly_name` becomes their alias (IIS, keytool).
pub fn build_pkcs12(
    key: Option<&PrivateKey>,
    certificate_der: &[u8],
    chain: &[Vec<u8>],
    password: &str,
    friendly_name: Option<&str>,
) -> Result<Vec<u8>> {
    if password.is_empty() {
        return Err(Error::Invalid(
            "a PKCS#12 password must not be empty".into(),
        ));
    }
    if let Some(k) = key {
        if !k.matches_certificate(certificate_der)? {
            return Err(Error::Invalid(
                "the private key does not match the certificate".into(),
            ));
        }
    }
    let local_key_id = Sha1::digest(certificate_der).to_vec();
    let mut cert_bags = Vec::with_capacity(1 + chain.len());
    for (i, der) in core::iter::once(certificate_der)
        .chain(chain.iter().map(Vec::as_slice))
        .enumerate()
    {
        x509_cert::Certificate::from_der(der).map_err(Error::malformed("certificate"))?;
        let bag = CertBag {
            cert_id: oids::PKCS9_X509_CERTIFICATE,
            cert_value: OctetString::new(der)?,
        };
        cert_bags.push(SafeBag {
            bag_id: oids::PKCS12_CERT_BAG,
            bag_value: bag.to_der()?,
            bag_attributes: if i == 0 {
                Some(bag_attributes(&local_key_id, friendly_name)?)
            } else {
                None
            },
        });
    }
    let mut auth_safe = vec![data_content_info(&cert_bags)?];
    if let Some(k) = key {
        let key_bag = SafeBag {
            bag_id: oids::PKCS12_SHROUDED_KEY_BAG,
            bag_value: k.to_encrypted_pkcs8_der(password)?,
            bag_attributes: Some(bag_attributes(&local_key_id, friendly_name)?),
        };
        auth_safe.push(data_content_info(&[key_bag])?);
    }
    let auth_safe_der = auth_safe.to_der()?;

    let mut salt = [0u8; 16];
    crate::random_bytes(&mut salt)?;
    let mac_key = derive_key_utf8::<Sha256>(
        password,
        &salt,
        Pkcs12KeyType::Mac,
        PKCS12_MAC_ITERATIONS,
        32,
    )
    .map_err(|_| Error::Invalid("the password cannot be a BMPString".into()))?;
    let mut mac =
        Hmac::<Sha256>::new_from_slice(&mac_key).map_err(|e| Error::Bundle(e.to_string()))?;
    mac.update(&auth_safe_der);
    let digest = mac.finalize().into_bytes();

    let pfx = Pfx {
        version: PfxVersion::V3,
        auth_safe: ContentInfo {
            content_type: oids::PKCS7_DATA,
            content: Any::encode_from(&OctetString::new(auth_safe_der)?)?,
        },
        mac_data: Some(MacData {
            mac: DigestInfo {
                algorithm: AlgorithmIdentifierOwned {
                    oid: oids::SHA256,
                    parameters: Some(Any::null()),
                },
                digest: OctetString::new(digest.as_slice())?,
            },
            mac_salt: OctetString::new(salt)?,
            iterations: PKCS12_MAC_ITERATIONS,
        }),
    };
    Ok(pfx.to_der()?)
}

/// A Java KeyStore (JKS, what Tomcat's `server.jks` is) with one private
/// key entry (`alias`, key protected by `password` too) holding the
/// certificate and `chain`, or with only a trusted certificate entry when
/// there is no key. `created_at` is the entry date (Unix seconds).
#[cfg(feature = "jks")]
pub fn build_jks(
    key: Option<&PrivateKey>,
    certificate_der: &[u8],
    chain: &[Vec<u8>],
    password: &str,
    alias: &str,
    created_at: i64,
) -> Result<Vec<u8>> {
    use std::time::{Duration, UNIX_EPOCH};

    // The jks crate's default RNG is `rand`, or zeros without it: supply ours.
    struct SysRandom;
    impl jks::common::RandomReader for SysRandom {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<()> {
            crate::random_bytes(buf)
                .map_err(|_| std::io::Error::other("random number generator failed"))
        }
    }
    let jks_err = |e: jks::KeyStoreError| Error::Bundle(format!("JKS: {e}"));
    if password.len() < 6 {
        // keytool refuses shorter store passwords.
        return Err(Error::Invalid(
            "a key store password needs at least 6 characters".into(),
        ));
    }
    // Built from the Unix epoch, never from the clock (there is none on wasm32).
    let created = UNIX_EPOCH + Duration::from_secs(u64::try_from(created_at).unwrap_or(0));
    let options = jks::KeyStoreOptions {
        rng: Box::new(SysRandom),
        ..Default::default()
    };
    let mut store = jks::KeyStore::with_options(options);
    let cert = |der: &[u8]| jks::Certificate {
        cert_type: "X.509".into(),
        content: der.to_vec(),
    };
    match key {
        Some(k) => {
            if !k.matches_certificate(certificate_der)? {
                return Err(Error::Invalid(
                    "the private key does not match the certificate".into(),
                ));
            }
            let entry = jks::PrivateKeyEntry {
                creation_time: created,
                private_key: k.to_pkcs8_der()?.to_vec(),
                certificate_chain: core::iter::once(certificate_der)
                    .chain(chain.iter().map(Vec::as_slice))
                    .map(cert)
                    .collect(),
            };
            store
                .set_private_key_entry(alias, entry, password.as_bytes())
                .map_err(jks_err)?;
        }
        None => {
            let entry = jks::TrustedCertificateEntry {
                creation_time: created,
                certificate: cert(certificate_der),
            };
            store
                .set_trusted_certificate_entry(alias, entry)
                .map_err(jks_err)?;
        }
    }
    let mut out = Vec::new();
    store
        .store(&mut out, password.as_bytes())
        .map_err(jks_err)?;
    Ok(out)
}

/// Server types of the certificate export (`type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ServerType {
    Apache,
    Nginx,
    Iis,
    Tomcat,
    Other,
}

impl ServerType {
    pub const ALL: [ServerType; 5] = [
        Self::Apache,
        Self::Nginx,
        Self::Iis,
        Self::Tomcat,
        Self::Other,
    ];

    /// `APACHE`, `NGINX`, `IIS`, `TOMCAT`, `OTHER`.
    pub fn api_name(self) -> &'static str {
        match self {
            Self::Apache => "APACHE",
            Self::Nginx => "NGINX",
            Self::Iis => "IIS",
            Self::Tomcat => "TOMCAT",
            Self::Other => "OTHER",
        }
    }

    /// Case-insensitive: the service has been seen sending `"other"`.
    pub fn from_api_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|t| t.api_name().eq_ignore_ascii_case(name))
    }
}

/// What an export is made of.
pub struct ExportInput<'a> {
    /// DER of the certificate.
    pub certificate: &'a [u8],
    /// DER of the issuing CAs, nearest first.
    pub chain: &'a [Vec<u8>],
    /// Absent for a certificate issued from a CSR.
    pub key: Option<&'a PrivateKey>,
    /// Password of `server.pfx` / `server.jks`, written to `keystorePass.txt`.
    pub keystore_password: &'a str,
    /// The export request's `password`: encrypts `server.key` (PKCS#8, PBES2).
    pub key_password: Option<&'a str>,
    /// Entry date in a JKS (Unix seconds).
    pub now: i64,
}

fn server_key(input: &ExportInput<'_>) -> Result<Option<ZipEntry>> {
    let Some(key) = input.key else {
        return Ok(None);
    };
    let pem = match input.key_password.filter(|p| !p.is_empty()) {
        Some(p) => key.to_encrypted_pkcs8_pem(p)?,
        None => key.to_pkcs8_pem()?,
    };
    Ok(Some(ZipEntry::new("server.key", pem.as_bytes())))
}

/// The files of a compressed export, per the layouts the service uses:
///
/// - APACHE: `server.key`, `chain.crt`, `server.crt`
/// - NGINX: `server.key`, `server.crt` (certificate then chain)
/// - IIS: `server.pfx`, `keystorePass.txt`
/// - TOMCAT: `server.jks`, `keystorePass.txt` (needs feature `jks`)
/// - OTHER: `server.key`, `chain.pem`, `server.pem`
///
/// `server.key` is left out when there is no key.
pub fn export_files(server: ServerType, input: &ExportInput<'_>) -> Result<Vec<ZipEntry>> {
    let cert_pem = encode_pem(LABEL_CERTIFICATE, input.certificate);
    let chain_pem = chain_to_pem(input.chain);
    let mut files = Vec::new();
    match server {
        ServerType::Apache | ServerType::Other => {
            files.extend(server_key(input)?);
            let (chain, cert) = if server == ServerType::Apache {
                ("chain.crt", "server.crt")
            } else {
                ("chain.pem", "server.pem")
            };
            files.push(ZipEntry::new(chain, chain_pem));
            files.push(ZipEntry::new(cert, cert_pem));
        }
        ServerType::Nginx => {
            files.extend(server_key(input)?);
            files.push(ZipEntry::new("server.crt", cert_pem + &chain_pem));
        }
        ServerType::Iis => {
            let pfx = build_pkcs12(
                input.key,
                input.certificate,
                input.chain,
                input.keystore_password,
                None,
            )?;
            files.push(ZipEntry::new("server.pfx", pfx));
            files.push(ZipEntry::new("keystorePass.txt", input.keystore_password));
        }
        ServerType::Tomcat => {
            #[cfg(feature = "jks")]
            {
                let jks = build_jks(
                    input.key,
                    input.certificate,
                    input.chain,
                    input.keystore_password,
                    "server",
                    input.now,
                )?;
                files.push(ZipEntry::new("server.jks", jks));
                files.push(ZipEntry::new("keystorePass.txt", input.keystore_password));
            }
            #[cfg(not(feature = "jks"))]
            return Err(Error::Bundle(
                "TOMCAT exports need the `jks` feature".into(),
            ));
        }
    }
    Ok(files)
}

/// A random password of `len` letters and digits (for `keystorePass.txt`).
pub fn random_password(len: usize) -> Result<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let mut out = String::with_capacity(len);
    let mut buf = [0u8; 64];
    while out.len() < len {
        crate::random_bytes(&mut buf)?;
        // Rejection sampling keeps every character equally likely.
        let limit = 256 - 256 % ALPHABET.len();
        for b in buf {
            if usize::from(b) < limit && out.len() < len {
                out.push(char::from(ALPHABET[usize::from(b) % ALPHABET.len()]));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_round_trip_and_determinism() {
        let entries = vec![
            ZipEntry::new("server.key", b"secret".to_vec()),
            ZipEntry::new("server.crt", vec![b'x'; 5000]),
        ];
        for c in [Compression::Stored, Compression::Deflated] {
            let a = build_zip(&entries, c, None).unwrap();
            let b = build_zip(&entries, c, None).unwrap();
            assert_eq!(a, b, "same input, same bytes");
            assert_eq!(read_zip(&a).unwrap(), entries);
        }
        let deflated = build_zip(&entries, Compression::Deflated, None).unwrap();
        let stored = build_zip(&entries, Compression::Stored, None).unwrap();
        assert!(deflated.len() < stored.len());
        let dated = build_zip(&entries, Compression::Stored, Some(1_700_000_000)).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(dated)).unwrap();
        let file = archive.by_index(0).unwrap();
        let t = file.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day(), t.hour(), t.minute()),
            (2023, 11, 14, 22, 13)
        );
        assert_eq!(file.unix_mode(), Some(0o100600));
        assert!(build_zip(&entries, Compression::Stored, Some(0)).is_err());
        assert!(read_zip(b"not a zip").is_err());
        assert_eq!(format!("{:?}", entries[0]), "ZipEntry(server.key, 6 bytes)");
    }

    #[test]
    fn server_type_names() {
        for t in ServerType::ALL {
            assert_eq!(ServerType::from_api_name(t.api_name()), Some(t));
        }
        assert_eq!(ServerType::from_api_name("other"), Some(ServerType::Other));
        assert_eq!(ServerType::from_api_name("WEBLOGIC"), None);
    }

    #[test]
    fn passwords() {
        let a = random_password(24).unwrap();
        assert_eq!(a.len(), 24);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(a, random_password(24).unwrap());
    }

    #[test]
    fn pkcs12_rejects_bad_input() {
        let key = crate::keys::tests::p256_key();
        assert!(matches!(
            build_pkcs12(Some(&key), b"\x30\x00", &[], "", None),
            Err(Error::Invalid(_))
        ));
        assert!(build_pkcs12(None, b"\x30\x00", &[], "pw", None).is_err());
    }
}

//! Certificates and CSRs decoded into display models for the console.

use core::fmt;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use der::asn1::{Any, ObjectIdentifier};
use der::{Decode, Encode};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use spki::SubjectPublicKeyInfoRef;
use x509_cert::certificate::Version;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints as X509BasicConstraints, CrlDistributionPoints,
    ExtendedKeyUsage as X509ExtendedKeyUsage, KeyUsage as X509KeyUsage, KeyUsages,
    SubjectAltName as X509SubjectAltName, SubjectKeyIdentifier,
};
use x509_cert::ext::Extension;
use x509_cert::request::CertReq;
use x509_cert::Certificate;

use crate::error::{Error, Result};
use crate::keys::{curve_name, rsa_bits, KeyAlgorithm};
use crate::names::{any_to_string, first_value, name_fields, name_to_string, NameField};
use crate::{colon_hex, hex_upper, oids, pem, sig};

/// A subject alternative name, with the CCM API's four types and the rest
/// shown as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubjectAltName {
    Dns(String),
    Ip(IpAddr),
    Email(String),
    Uri(String),
    /// Any other kind, as "kind:value" text.
    Other(String),
}

impl SubjectAltName {
    /// The API's type name: `DNS`, `IP`, `EMAIL`, `URI` (`OTHER` otherwise).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Dns(_) => "DNS",
            Self::Ip(_) => "IP",
            Self::Email(_) => "EMAIL",
            Self::Uri(_) => "URI",
            Self::Other(_) => "OTHER",
        }
    }

    pub fn value(&self) -> String {
        match self {
            Self::Dns(v) | Self::Email(v) | Self::Uri(v) | Self::Other(v) => v.clone(),
            Self::Ip(ip) => ip.to_string(),
        }
    }

    /// From the API's `type` and `value`.
    pub fn from_api(kind: &str, value: &str) -> Result<Self> {
        match kind {
            "DNS" => Ok(Self::Dns(value.to_string())),
            "IP" => value
                .parse()
                .map(Self::Ip)
                .map_err(|_| Error::Invalid(format!("not an IP address: {value}"))),
            "EMAIL" => Ok(Self::Email(value.to_string())),
            "URI" => Ok(Self::Uri(value.to_string())),
            other => Err(Error::Invalid(format!(
                "unknown alternative name type {other}"
            ))),
        }
    }

    pub(crate) fn from_general_name(name: &GeneralName) -> Self {
        match name {
            GeneralName::DnsName(s) => Self::Dns(s.to_string()),
            GeneralName::Rfc822Name(s) => Self::Email(s.to_string()),
            GeneralName::UniformResourceIdentifier(s) => Self::Uri(s.to_string()),
            GeneralName::IpAddress(o) => match o.as_bytes().len() {
                4 => {
                    let b: [u8; 4] = o.as_bytes().try_into().unwrap_or_default();
                    Self::Ip(IpAddr::V4(Ipv4Addr::from(b)))
                }
                16 => {
                    let b: [u8; 16] = o.as_bytes().try_into().unwrap_or_default();
                    Self::Ip(IpAddr::V6(Ipv6Addr::from(b)))
                }
                _ => Self::Other(format!("IP:{}", hex_upper(o.as_bytes()))),
            },
            GeneralName::DirectoryName(n) => Self::Other(format!("DirName:{}", name_to_string(n))),
            GeneralName::RegisteredId(oid) => Self::Other(format!("RID:{oid}")),
            GeneralName::OtherName(o) => Self::Other(format!("othername:{}", o.type_id)),
            GeneralName::EdiPartyName(_) => Self::Other("EdiPartyName".into()),
        }
    }
}

impl fmt::Display for SubjectAltName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Other(v) => f.write_str(v),
            _ => write!(f, "{}:{}", self.kind(), self.value()),
        }
    }
}

/// Key usage bits (RFC 5280 4.2.1.3), named as the CCM API names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyUsage {
    DigitalSignature,
    NonRepudiation,
    KeyEncipherment,
    DataEncipherment,
    KeyAgreement,
    KeyCertSign,
    CrlSign,
    EncipherOnly,
    DecipherOnly,
}

impl KeyUsage {
    pub const ALL: [KeyUsage; 9] = [
        Self::DigitalSignature,
        Self::NonRepudiation,
        Self::KeyEncipherment,
        Self::DataEncipherment,
        Self::KeyAgreement,
        Self::KeyCertSign,
        Self::CrlSign,
        Self::EncipherOnly,
        Self::DecipherOnly,
    ];

    /// `digitalSignature`, `keyCertSign`, `cRLSign`, ...
    pub fn name(self) -> &'static str {
        match self {
            Self::DigitalSignature => "digitalSignature",
            Self::NonRepudiation => "nonRepudiation",
            Self::KeyEncipherment => "keyEncipherment",
            Self::DataEncipherment => "dataEncipherment",
            Self::KeyAgreement => "keyAgreement",
            Self::KeyCertSign => "keyCertSign",
            Self::CrlSign => "cRLSign",
            Self::EncipherOnly => "encipherOnly",
            Self::DecipherOnly => "decipherOnly",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    pub(crate) fn flag(self) -> KeyUsages {
        match self {
            Self::DigitalSignature => KeyUsages::DigitalSignature,
            Self::NonRepudiation => KeyUsages::NonRepudiation,
            Self::KeyEncipherment => KeyUsages::KeyEncipherment,
            Self::DataEncipherment => KeyUsages::DataEncipherment,
            Self::KeyAgreement => KeyUsages::KeyAgreement,
            Self::KeyCertSign => KeyUsages::KeyCertSign,
            Self::CrlSign => KeyUsages::CRLSign,
            Self::EncipherOnly => KeyUsages::EncipherOnly,
            Self::DecipherOnly => KeyUsages::DecipherOnly,
        }
    }
}

impl fmt::Display for KeyUsage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Extended key usages; the five of the CCM API plus OCSP signing, others by OID.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ExtendedKeyUsage {
    ServerAuth,
    ClientAuth,
    CodeSigning,
    EmailProtection,
    TimeStamping,
    OcspSigning,
    Other(String),
}

impl ExtendedKeyUsage {
    pub fn oid(&self) -> String {
        self.object_identifier()
            .map(|o| o.to_string())
            .unwrap_or_else(|| match self {
                Self::Other(o) => o.clone(),
                _ => String::new(),
            })
    }

    pub(crate) fn object_identifier(&self) -> Option<ObjectIdentifier> {
        Some(match self {
            Self::ServerAuth => oids::KP_SERVER_AUTH,
            Self::ClientAuth => oids::KP_CLIENT_AUTH,
            Self::CodeSigning => oids::KP_CODE_SIGNING,
            Self::EmailProtection => oids::KP_EMAIL_PROTECTION,
            Self::TimeStamping => oids::KP_TIME_STAMPING,
            Self::OcspSigning => oids::KP_OCSP_SIGNING,
            Self::Other(o) => return ObjectIdentifier::new(o).ok(),
        })
    }

    pub(crate) fn from_oid(oid: &ObjectIdentifier) -> Self {
        match *oid {
            oids::KP_SERVER_AUTH => Self::ServerAuth,
            oids::KP_CLIENT_AUTH => Self::ClientAuth,
            oids::KP_CODE_SIGNING => Self::CodeSigning,
            oids::KP_EMAIL_PROTECTION => Self::EmailProtection,
            oids::KP_TIME_STAMPING => Self::TimeStamping,
            oids::KP_OCSP_SIGNING => Self::OcspSigning,
            other => Self::Other(other.to_string()),
        }
    }

    /// Display name: "TLS Web Server Authentication" style, as OpenSSL prints.
    pub fn name(&self) -> String {
        match self {
            Self::ServerAuth => "TLS Web Server Authentication".into(),
            Self::ClientAuth => "TLS Web Client Authentication".into(),
            Self::CodeSigning => "Code Signing".into(),
            Self::EmailProtection => "E-mail Protection".into(),
            Self::TimeStamping => "Time Stamping".into(),
            Self::OcspSigning => "OCSP Signing".into(),
            Self::Other(o) => o.clone(),
        }
    }
}

/// Basic constraints: whether the subject is a CA and how many CAs may follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BasicConstraints {
    pub ca: bool,
    pub path_len: Option<u8>,
}

/// One extension as present in the certificate or request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtensionInfo {
    pub oid: String,
    /// Display name for the extensions this crate knows.
    pub name: Option<&'static str>,
    pub critical: bool,
    /// `extnValue` contents (DER).
    pub value: Vec<u8>,
    /// The value as text when it is a single DER string, as custom
    /// extensions from the CCM API are.
    pub text: Option<String>,
}

/// The subject's public key, described.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKeyInfo {
    /// `RSA`, `EC`, `Ed25519`, or the algorithm OID.
    pub algorithm: String,
    /// RSA modulus size or EC field size.
    pub bits: Option<u32>,
    /// `P-256`, `P-384`, ... for EC keys.
    pub curve: Option<String>,
    /// The CCM API's name for it, when it is one of the four.
    pub key_algorithm: Option<KeyAlgorithm>,
    /// DER `SubjectPublicKeyInfo`.
    pub spki_der: Vec<u8>,
}

impl PublicKeyInfo {
    pub(crate) fn from_spki_der(der: &[u8]) -> Result<Self> {
        let spki =
            SubjectPublicKeyInfoRef::from_der(der).map_err(Error::malformed("public key"))?;
        let mut info = PublicKeyInfo {
            algorithm: spki.algorithm.oid.to_string(),
            bits: None,
            curve: None,
            key_algorithm: None,
            spki_der: der.to_vec(),
        };
        match spki.algorithm.oid {
            oids::RSA_ENCRYPTION => {
                info.algorithm = "RSA".into();
                let key = spki
                    .subject_public_key
                    .as_bytes()
                    .and_then(|b| pkcs1::RsaPublicKeyRef::from_der(b).ok());
                if let Some(key) = key {
                    let bits = rsa_bits(key.modulus.as_bytes());
                    info.bits = Some(bits);
                    info.key_algorithm = match bits {
                        2048 => Some(KeyAlgorithm::Rsa2048),
                        4096 => Some(KeyAlgorithm::Rsa4096),
                        _ => None,
                    };
                }
            }
            oids::EC_PUBLIC_KEY => {
                info.algorithm = "EC".into();
                if let Ok(curve) = spki.algorithm.parameters_oid() {
                    info.curve = Some(curve_name(&curve));
                    (info.bits, info.key_algorithm) = match curve {
                        oids::SECP256R1 => (Some(256), Some(KeyAlgorithm::Ec256)),
                        oids::SECP384R1 => (Some(384), Some(KeyAlgorithm::Ec384)),
                        oids::SECP521R1 => (Some(521), None),
                        oids::SM2_CURVE => (Some(256), None),
                        _ => (None, None),
                    };
                }
            }
            oids::ED25519 => {
                info.algorithm = "Ed25519".into();
                info.bits = Some(256);
            }
            _ => {}
        }
        Ok(info)
    }

    /// "RSA 2048 bits", "EC P-256", ...
    pub fn description(&self) -> String {
        match (&self.curve, self.bits) {
            (Some(c), _) => format!("{} {c}", self.algorithm),
            (None, Some(b)) => format!("{} {b} bits", self.algorithm),
            (None, None) => self.algorithm.clone(),
        }
    }
}

/// Where a certificate stands at a given time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValidityStatus {
    NotYetValid,
    Valid,
    Expired,
}

/// Everything the console shows about a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateInfo {
    /// 1, 2 or 3.
    pub version: u8,
    /// RFC 4514 text.
    pub subject: String,
    pub subject_fields: Vec<NameField>,
    pub issuer: String,
    pub issuer_fields: Vec<NameField>,
    pub common_name: Option<String>,
    /// Upper-case hex without leading zeros, as `openssl x509 -serial` prints.
    pub serial_hex: String,
    /// Unix seconds.
    pub not_before: i64,
    /// Unix seconds.
    pub not_after: i64,
    /// `SHA256withRSA`, `SHA384withECDSA`, ... or the OID.
    pub signature_algorithm: String,
    pub public_key: PublicKeyInfo,
    pub subject_alt_names: Vec<SubjectAltName>,
    pub key_usage: Vec<KeyUsage>,
    pub extended_key_usage: Vec<ExtendedKeyUsage>,
    pub basic_constraints: Option<BasicConstraints>,
    /// Colon hex.
    pub subject_key_id: Option<String>,
    /// Colon hex.
    pub authority_key_id: Option<String>,
    pub crl_distribution_points: Vec<String>,
    pub extensions: Vec<ExtensionInfo>,
    /// Colon hex of the DER's SHA-1, as `openssl x509 -fingerprint -sha1`.
    pub sha1_fingerprint: String,
    /// Colon hex of the DER's SHA-256.
    pub sha256_fingerprint: String,
    /// Subject and issuer are the same name (a root, or a self-issued CA).
    pub self_issued: bool,
    pub der: Vec<u8>,
}

impl CertificateInfo {
    pub fn from_der(der: &[u8]) -> Result<Self> {
        let cert = Certificate::from_der(der).map_err(Error::malformed("certificate"))?;
        let tbs = cert.tbs_certificate();
        let spki_der = tbs.subject_public_key_info().to_der()?;
        let ext = ExtensionSummary::from_extensions(tbs.extensions().map(|e| e.as_slice()));
        Ok(CertificateInfo {
            version: match tbs.version() {
                Version::V1 => 1,
                Version::V2 => 2,
                Version::V3 => 3,
            },
            subject: name_to_string(tbs.subject()),
            subject_fields: name_fields(tbs.subject()),
            issuer: name_to_string(tbs.issuer()),
            issuer_fields: name_fields(tbs.issuer()),
            common_name: first_value(tbs.subject(), oids::AT_COMMON_NAME),
            serial_hex: serial_hex(tbs.serial_number().as_bytes()),
            not_before: unix_seconds(tbs.validity().not_before),
            not_after: unix_seconds(tbs.validity().not_after),
            signature_algorithm: signature_name(&cert.signature_algorithm().oid),
            public_key: PublicKeyInfo::from_spki_der(&spki_der)?,
            subject_alt_names: ext.sans,
            key_usage: ext.key_usage,
            extended_key_usage: ext.eku,
            basic_constraints: ext.basic_constraints,
            subject_key_id: ext.ski,
            authority_key_id: ext.aki,
            crl_distribution_points: ext.crl_dps,
            extensions: ext.all,
            sha1_fingerprint: colon_hex(&Sha1::digest(der)),
            sha256_fingerprint: colon_hex(&Sha256::digest(der)),
            self_issued: tbs.subject() == tbs.issuer(),
            der: der.to_vec(),
        })
    }

    pub fn validity_at(&self, now: i64) -> ValidityStatus {
        if now < self.not_before {
            ValidityStatus::NotYetValid
        } else if now > self.not_after {
            ValidityStatus::Expired
        } else {
            ValidityStatus::Valid
        }
    }

    /// Whole days until `not_after` (negative once expired).
    pub fn days_remaining(&self, now: i64) -> i64 {
        (self.not_after - now).div_euclid(86_400)
    }

    pub fn is_ca(&self) -> bool {
        self.basic_constraints.is_some_and(|b| b.ca)
    }

    /// PEM text of this certificate.
    pub fn to_pem(&self) -> String {
        pem::encode_pem(pem::LABEL_CERTIFICATE, &self.der)
    }
}

/// A certificate request, decoded, with its self-signature checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsrInfo {
    pub subject: String,
    /// The subject `Name` as encoded, to issue with it unchanged.
    pub subject_der: Vec<u8>,
    pub subject_fields: Vec<NameField>,
    pub common_name: Option<String>,
    pub public_key: PublicKeyInfo,
    pub signature_algorithm: String,
    /// Requested in the `extensionRequest` attribute.
    pub subject_alt_names: Vec<SubjectAltName>,
    pub key_usage: Vec<KeyUsage>,
    pub extended_key_usage: Vec<ExtendedKeyUsage>,
    pub basic_constraints: Option<BasicConstraints>,
    pub extensions: Vec<ExtensionInfo>,
    /// The request is signed by the key it carries (proof of possession).
    pub signature_valid: bool,
    pub der: Vec<u8>,
}

impl CsrInfo {
    pub fn from_der(der: &[u8]) -> Result<Self> {
        let req = CertReq::from_der(der).map_err(Error::malformed("CSR"))?;
        let spki_der = req.info.public_key.to_der()?;
        let mut requested: Vec<Extension> = Vec::new();
        for attr in req.info.attributes.iter() {
            if attr.oid == oids::PKCS9_EXTENSION_REQUEST {
                for value in attr.values.iter() {
                    let exts = Vec::<Extension>::from_der(&value.to_der()?)
                        .map_err(Error::malformed("CSR extension request"))?;
                    requested.extend(exts);
                }
            }
        }
        let ext = ExtensionSummary::from_extensions(Some(&requested));
        let parts = sig::split_signed(der, "CSR")?;
        let signature_valid =
            sig::verify_signature(&spki_der, &parts.algorithm, &parts.tbs, &parts.signature)
                .is_ok();
        Ok(CsrInfo {
            subject: name_to_string(&req.info.subject),
            subject_der: req.info.subject.to_der()?,
            subject_fields: name_fields(&req.info.subject),
            common_name: first_value(&req.info.subject, oids::AT_COMMON_NAME),
            public_key: PublicKeyInfo::from_spki_der(&spki_der)?,
            signature_algorithm: signature_name(&req.algorithm.oid),
            subject_alt_names: ext.sans,
            key_usage: ext.key_usage,
            extended_key_usage: ext.eku,
            basic_constraints: ext.basic_constraints,
            extensions: ext.all,
            signature_valid,
            der: der.to_vec(),
        })
    }
}

/// The first certificate of PEM text, or a DER certificate.
pub fn decode_certificate(input: &[u8]) -> Result<CertificateInfo> {
    let certs = pem::certificates_from_bytes(input)?;
    CertificateInfo::from_der(&certs[0])
}

/// Every certificate of PEM text (a chain), or one DER certificate.
pub fn decode_certificates(input: &[u8]) -> Result<Vec<CertificateInfo>> {
    pem::certificates_from_bytes(input)?
        .iter()
        .map(|d| CertificateInfo::from_der(d))
        .collect()
}

/// A CSR from PEM (`CERTIFICATE REQUEST` or `NEW CERTIFICATE REQUEST`) or DER.
/// A bad signature is reported in [`CsrInfo::signature_valid`], not as an error,
/// so that the console can still show what the request asks for.
pub fn decode_csr(input: &[u8]) -> Result<CsrInfo> {
    let der = pem::der_from_input(input, &[pem::LABEL_CSR, "NEW CERTIFICATE REQUEST"], "CSR")?;
    CsrInfo::from_der(&der)
}

/// Like [`decode_csr`], but a CSR whose signature does not verify is an
/// error: what a CA must do before issuing from it.
pub fn decode_csr_verified(input: &[u8]) -> Result<CsrInfo> {
    let info = decode_csr(input)?;
    if !info.signature_valid {
        return Err(Error::BadSignature);
    }
    Ok(info)
}

fn signature_name(oid: &ObjectIdentifier) -> String {
    oids::signature_algorithm_name(oid)
        .map(str::to_string)
        .unwrap_or_else(|| oid.to_string())
}

pub(crate) fn unix_seconds(t: x509_cert::time::Time) -> i64 {
    t.to_unix_duration().as_secs() as i64
}

/// Serial as OpenSSL prints it: magnitude in upper-case hex, no leading zeros.
pub(crate) fn serial_hex(bytes: &[u8]) -> String {
    let hex = hex_upper(bytes);
    let trimmed = hex.trim_start_matches('0');
    if trimmed.is_empty() {
        "0".into()
    } else if trimmed.len() % 2 == 1 {
        format!("0{trimmed}")
    } else {
        trimmed.to_string()
    }
}

/// What the known extensions say, shared by certificates and CSRs.
#[derive(Default)]
struct ExtensionSummary {
    sans: Vec<SubjectAltName>,
    key_usage: Vec<KeyUsage>,
    eku: Vec<ExtendedKeyUsage>,
    basic_constraints: Option<BasicConstraints>,
    ski: Option<String>,
    aki: Option<String>,
    crl_dps: Vec<String>,
    all: Vec<ExtensionInfo>,
}

impl ExtensionSummary {
    /// A known extension that does not decode is listed in `all` only, so a
    /// damaged extension never hides the rest of the certificate.
    fn from_extensions(exts: Option<&[Extension]>) -> Self {
        let mut s = ExtensionSummary::default();
        for e in exts.unwrap_or_default() {
            let value = e.extn_value.as_bytes();
            match e.extn_id {
                oids::EXT_SUBJECT_ALT_NAME => {
                    if let Ok(san) = X509SubjectAltName::from_der(value) {
                        s.sans = san
                            .0
                            .iter()
                            .map(SubjectAltName::from_general_name)
                            .collect();
                    }
                }
                oids::EXT_KEY_USAGE => {
                    if let Ok(ku) = X509KeyUsage::from_der(value) {
                        s.key_usage = KeyUsage::ALL
                            .into_iter()
                            .filter(|k| ku.0.contains(k.flag()))
                            .collect();
                    }
                }
                oids::EXT_EXTENDED_KEY_USAGE => {
                    if let Ok(eku) = X509ExtendedKeyUsage::from_der(value) {
                        s.eku = eku.0.iter().map(ExtendedKeyUsage::from_oid).collect();
                    }
                }
                oids::EXT_BASIC_CONSTRAINTS => {
                    if let Ok(bc) = X509BasicConstraints::from_der(value) {
                        s.basic_constraints = Some(BasicConstraints {
                            ca: bc.ca,
                            path_len: bc.path_len_constraint,
                        });
                    }
                }
                oids::EXT_SUBJECT_KEY_ID => {
                    if let Ok(ski) = SubjectKeyIdentifier::from_der(value) {
                        s.ski = Some(colon_hex(ski.0.as_bytes()));
                    }
                }
                oids::EXT_AUTHORITY_KEY_ID => {
                    if let Ok(aki) = AuthorityKeyIdentifier::from_der(value) {
                        s.aki = aki.key_identifier.map(|k| colon_hex(k.as_bytes()));
                    }
                }
                oids::EXT_CRL_DISTRIBUTION_POINTS => {
                    if let Ok(dps) = CrlDistributionPoints::from_der(value) {
                        for dp in dps.0 {
                            if let Some(DistributionPointName::FullName(names)) =
                                dp.distribution_point
                            {
                                s.crl_dps.extend(names.iter().map(|n| {
                                    match SubjectAltName::from_general_name(n) {
                                        SubjectAltName::Uri(u) => u,
                                        other => other.to_string(),
                                    }
                                }));
                            }
                        }
                    }
                }
                _ => {}
            }
            let text = Any::from_der(value)
                .ok()
                .map(|a| any_to_string(&a))
                .filter(|t| !t.starts_with('#'));
            s.all.push(ExtensionInfo {
                oid: e.extn_id.to_string(),
                name: oids::extension_name(&e.extn_id),
                critical: e.critical,
                value: value.to_vec(),
                text,
            });
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials() {
        assert_eq!(serial_hex(&[0x00, 0x8f, 0x01]), "8F01");
        assert_eq!(serial_hex(&[0x01]), "01");
        assert_eq!(serial_hex(&[0x00]), "0");
        assert_eq!(serial_hex(&[0x0a, 0xbc]), "0ABC");
    }

    #[test]
    fn san_api_names() {
        let ip = SubjectAltName::from_api("IP", "10.0.0.1").unwrap();
        assert_eq!(ip.kind(), "IP");
        assert_eq!(ip.to_string(), "IP:10.0.0.1");
        assert!(SubjectAltName::from_api("IP", "nope").is_err());
        assert!(SubjectAltName::from_api("X400", "a").is_err());
        assert_eq!(
            SubjectAltName::from_api("URI", "https://a/")
                .unwrap()
                .value(),
            "https://a/"
        );
        let v6 = SubjectAltName::from_general_name(&GeneralName::IpAddress(
            der::asn1::OctetString::new(vec![0u8; 15].into_iter().chain([1]).collect::<Vec<_>>())
                .unwrap(),
        ));
        assert_eq!(v6, SubjectAltName::Ip("::1".parse().unwrap()));
    }

    #[test]
    fn key_usage_names() {
        for k in KeyUsage::ALL {
            assert_eq!(KeyUsage::from_name(k.name()), Some(k));
        }
        assert_eq!(KeyUsage::CrlSign.to_string(), "cRLSign");
        assert_eq!(ExtendedKeyUsage::ServerAuth.oid(), "1.3.6.1.5.5.7.3.1");
        assert_eq!(
            ExtendedKeyUsage::from_oid(&ObjectIdentifier::new_unwrap("1.2.3.4")),
            ExtendedKeyUsage::Other("1.2.3.4".into())
        );
        assert_eq!(ExtendedKeyUsage::Other("1.2.3.4".into()).oid(), "1.2.3.4");
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(matches!(
            CertificateInfo::from_der(b"\x30\x03\x02\x01\x00"),
            Err(Error::Malformed {
                what: "certificate",
                ..
            })
        ));
        assert!(matches!(
            decode_csr(b"\x30\x00"),
            Err(Error::Malformed { .. })
        ));
        assert_eq!(decode_csr(b"hello").unwrap_err(), Error::NotFound("CSR"));
    }

    #[test]
    fn public_key_info_for_ec() {
        let key = crate::keys::tests::p384_key();
        let info = PublicKeyInfo::from_spki_der(&key.public_key_der().unwrap()).unwrap();
        assert_eq!(info.description(), "EC P-384");
        assert_eq!(info.key_algorithm, Some(KeyAlgorithm::Ec384));
        assert_eq!(info.bits, Some(384));
    }
}

//! Issuance (feature `issue`): key generation, CA and leaf certificates,
//! CSRs and CRLs. The emulator uses it; the console's wasm does not.
//!
//! Structures are encoded here field by field rather than through
//! x509-cert's builder: the builder's profiles decide extensions for us,
//! while the CCM API lets the caller choose each of them.

use core::fmt;
use core::net::IpAddr;
use core::time::Duration;

use der::asn1::{
    Any, AnyRef, BitString, Ia5String, ObjectIdentifier, OctetString, PrintableStringRef, SetOfVec,
    Uint, Utf8StringRef,
};
use der::flagset::FlagSet;
use der::{Decode, Encode, Sequence};
use getrandom::SysRng;
use p256::ecdsa::signature::hazmat::PrehashSigner;
use rsa::Pkcs1v15Sign;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::attr::{Attribute, AttributeTypeAndValue};
use x509_cert::certificate::{Rfc5280, Version};
use x509_cert::crl::{CertificateList, RevokedCert, TbsCertList};
use x509_cert::ext::pkix::crl::dp::DistributionPoint;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints as X509BasicConstraints, CrlDistributionPoints,
    CrlNumber, CrlReason, ExtendedKeyUsage as X509ExtendedKeyUsage, KeyUsage as X509KeyUsage,
    KeyUsages, SubjectAltName as X509SubjectAltName, SubjectKeyIdentifier,
};
use x509_cert::ext::Extension;
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::request::{CertReq, CertReqInfo, ExtensionReq};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};
use x509_cert::Certificate;

use crate::decode::{BasicConstraints, ExtendedKeyUsage, KeyUsage, SubjectAltName};
use crate::error::{Error, Result};
use crate::keys::{KeyAlgorithm, PrivateKey};
use crate::oids;

/// Signature hashes of the CCM API (`signature_algorithm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SignatureHash {
    #[default]
    Sha256,
    Sha384,
    Sha512,
}

impl SignatureHash {
    pub const ALL: [SignatureHash; 3] = [Self::Sha256, Self::Sha384, Self::Sha512];

    /// `SHA256`, `SHA384`, `SHA512`.
    pub fn api_name(self) -> &'static str {
        match self {
            Self::Sha256 => "SHA256",
            Self::Sha384 => "SHA384",
            Self::Sha512 => "SHA512",
        }
    }

    pub fn from_api_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|h| h.api_name() == name)
    }

    fn digest(self, msg: &[u8]) -> Vec<u8> {
        match self {
            Self::Sha256 => Sha256::digest(msg).to_vec(),
            Self::Sha384 => Sha384::digest(msg).to_vec(),
            Self::Sha512 => Sha512::digest(msg).to_vec(),
        }
    }
}

impl fmt::Display for SignatureHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.api_name())
    }
}

/// A new private key from the platform's secure RNG. RSA 4096 takes seconds
/// in an optimised build and much longer in a debug one.
pub fn generate_key(algorithm: KeyAlgorithm) -> Result<PrivateKey> {
    use rsa::Generate;
    let mut rng = SysRng;
    Ok(match algorithm {
        KeyAlgorithm::Rsa2048 | KeyAlgorithm::Rsa4096 => {
            let bits = if algorithm == KeyAlgorithm::Rsa2048 {
                2048
            } else {
                4096
            };
            let key = rsa::PrivateKey::new(&mut rng, bits)
                .map_err(|e| Error::Invalid(format!("RSA key generation failed: {e}")))?;
            PrivateKey::Rsa(Box::new(key))
        }
        KeyAlgorithm::Ec256 => PrivateKey::P256(
            p256::SecretKey::try_generate_from_rng(&mut rng).map_err(|_| Error::Random)?,
        ),
        KeyAlgorithm::Ec384 => PrivateKey::P384(
            p384::SecretKey::try_generate_from_rng(&mut rng).map_err(|_| Error::Random)?,
        ),
    })
}

/// A new RSA key of any size the CCM API does not name as a
/// [`KeyAlgorithm`] (SCM's CSR manager offers 3072 bits). At least 2048.
pub fn generate_rsa_key(bits: usize) -> Result<PrivateKey> {
    if bits < 2048 {
        return Err(Error::Invalid(format!("an RSA key of {bits} bits is too small; at least 2048")));
    }
    let key = rsa::PrivateKey::new(&mut SysRng, bits)
        .map_err(|e| Error::Invalid(format!("RSA key generation failed: {e}")))?;
    Ok(PrivateKey::Rsa(Box::new(key)))
}

impl PrivateKey {
    /// Signs `msg`: RSA PKCS#1 v1.5 (blinded) or deterministic ECDSA
    /// (RFC 6979). Returns the algorithm identifier and the signature.
    pub fn sign(
        &self,
        hash: SignatureHash,
        msg: &[u8],
    ) -> Result<(AlgorithmIdentifierOwned, Vec<u8>)> {
        let digest = hash.digest(msg);
        let failed = |e: &dyn fmt::Display| Error::Invalid(format!("signing failed: {e}"));
        match self {
            Self::Rsa(key) => {
                let (oid, scheme) = match hash {
                    SignatureHash::Sha256 => (oids::SHA256_WITH_RSA, Pkcs1v15Sign::new::<Sha256>()),
                    SignatureHash::Sha384 => (oids::SHA384_WITH_RSA, Pkcs1v15Sign::new::<Sha384>()),
                    SignatureHash::Sha512 => (oids::SHA512_WITH_RSA, Pkcs1v15Sign::new::<Sha512>()),
                };
                let sig = key
                    .sign_with_rng(&mut SysRng, scheme, &digest)
                    .map_err(|e| failed(&e))?;
                // RFC 4055: the parameters of these algorithms are NULL, not absent.
                let alg = AlgorithmIdentifierOwned {
                    oid,
                    parameters: Some(Any::null()),
                };
                Ok((alg, sig))
            }
            Self::P256(key) => {
                let sig: p256::ecdsa::Signature = p256::ecdsa::SigningKey::from(key)
                    .sign_prehash(&digest)
                    .map_err(|e| failed(&e))?;
                Ok((ecdsa_alg(hash), sig.to_der().as_bytes().to_vec()))
            }
            Self::P384(key) => {
                let sig: p384::ecdsa::Signature = p384::ecdsa::SigningKey::from(key)
                    .sign_prehash(&digest)
                    .map_err(|e| failed(&e))?;
                Ok((ecdsa_alg(hash), sig.to_der().as_bytes().to_vec()))
            }
        }
    }
}

fn ecdsa_alg(hash: SignatureHash) -> AlgorithmIdentifierOwned {
    let oid = match hash {
        SignatureHash::Sha256 => oids::ECDSA_WITH_SHA256,
        SignatureHash::Sha384 => oids::ECDSA_WITH_SHA384,
        SignatureHash::Sha512 => oids::ECDSA_WITH_SHA512,
    };
    AlgorithmIdentifierOwned {
        oid,
        parameters: None,
    }
}

/// The CCM API's `distinguished_name`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DistinguishedName {
    pub common_name: String,
    pub country: Option<String>,
    pub state: Option<String>,
    pub locality: Option<String>,
    pub organization: Option<String>,
    pub organizational_unit: Option<String>,
}

impl DistinguishedName {
    pub fn new(common_name: impl Into<String>) -> Self {
        DistinguishedName {
            common_name: common_name.into(),
            ..Default::default()
        }
    }

    /// Encoded C, ST, L, O, OU, CN (the usual order, so that RFC 4514 text
    /// reads "CN=...,OU=...,O=...,L=...,ST=...,C=..."). The country is a
    /// PrintableString as RFC 5280 requires, the rest UTF8String.
    pub fn to_name(&self) -> Result<Name> {
        if self.common_name.is_empty() {
            return Err(Error::Invalid("the common name is empty".into()));
        }
        let mut rdns = RdnSequence::default();
        if let Some(c) = &self.country {
            if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(Error::Invalid(format!("country must be two letters: {c}")));
            }
            let value = Any::encode_from(&PrintableStringRef::new(c)?)?;
            rdns.push(rdn(oids::AT_COUNTRY, value)?);
        }
        let utf8 = [
            (oids::AT_STATE, self.state.as_deref()),
            (oids::AT_LOCALITY, self.locality.as_deref()),
            (oids::AT_ORGANIZATION, self.organization.as_deref()),
            (
                oids::AT_ORGANIZATIONAL_UNIT,
                self.organizational_unit.as_deref(),
            ),
            (oids::AT_COMMON_NAME, Some(self.common_name.as_str())),
        ];
        for (oid, value) in utf8 {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                rdns.push(rdn(oid, Any::encode_from(&Utf8StringRef::new(v)?)?)?);
            }
        }
        Ok(Name::from_der(&rdns.to_der()?)?)
    }
}

fn rdn(oid: ObjectIdentifier, value: Any) -> Result<RelativeDistinguishedName> {
    Ok(RelativeDistinguishedName::try_from(vec![
        AttributeTypeAndValue { oid, value },
    ])?)
}

/// Whose name goes into the certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Fields(DistinguishedName),
    /// A DER `Name` used as it is, e.g. a CSR's (`CsrInfo::subject_der`).
    Der(Vec<u8>),
}

impl From<DistinguishedName> for Subject {
    fn from(dn: DistinguishedName) -> Self {
        Subject::Fields(dn)
    }
}

impl Subject {
    fn to_name(&self) -> Result<Name> {
        match self {
            Subject::Fields(dn) => dn.to_name(),
            Subject::Der(der) => Name::from_der(der).map_err(Error::malformed("subject name")),
        }
    }
}

/// An extension the caller names by OID (the API's `customized_extension`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomExtension {
    /// Dotted OID.
    pub oid: String,
    pub critical: bool,
    /// The DER placed in `extnValue`.
    pub value_der: Vec<u8>,
}

impl CustomExtension {
    /// A non-critical extension whose value is a UTF8String, as the emulator
    /// encodes the API's string `value`.
    pub fn utf8(oid: impl Into<String>, text: &str) -> Result<Self> {
        Ok(CustomExtension {
            oid: oid.into(),
            critical: false,
            value_der: Utf8StringRef::new(text)?.to_der()?,
        })
    }
}

/// What to put in a certificate. Times are Unix seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueRequest {
    pub subject: Subject,
    /// Positive big-endian serial, at most 20 bytes; `None` draws 16 random bytes.
    pub serial: Option<Vec<u8>>,
    pub not_before: i64,
    pub not_after: i64,
    pub hash: SignatureHash,
    /// Marked critical. `None` leaves the extension out.
    pub basic_constraints: Option<BasicConstraints>,
    /// Marked critical when not empty.
    pub key_usage: Vec<KeyUsage>,
    pub extended_key_usage: Vec<ExtendedKeyUsage>,
    pub subject_alt_names: Vec<SubjectAltName>,
    pub custom_extensions: Vec<CustomExtension>,
    /// URL of the CRL, for CAs with a CRL configured.
    pub crl_distribution_point: Option<String>,
}

impl IssueRequest {
    /// A request with SHA-256 and no extensions yet.
    pub fn new(subject: impl Into<Subject>, not_before: i64, not_after: i64) -> Self {
        IssueRequest {
            subject: subject.into(),
            serial: None,
            not_before,
            not_after,
            hash: SignatureHash::Sha256,
            basic_constraints: None,
            key_usage: Vec::new(),
            extended_key_usage: Vec::new(),
            subject_alt_names: Vec::new(),
            custom_extensions: Vec::new(),
            crl_distribution_point: None,
        }
    }

    /// A CA: basic constraints CA with `path_len`, keyCertSign and cRLSign.
    pub fn ca(mut self, path_len: Option<u8>) -> Self {
        self.basic_constraints = Some(BasicConstraints { ca: true, path_len });
        self.key_usage = vec![KeyUsage::KeyCertSign, KeyUsage::CrlSign];
        self
    }
}

/// `TBSCertificate`, encoded by us (x509-cert 0.3 keeps its fields private).
#[derive(Sequence)]
struct TbsCertificate {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    version: Option<Version>,
    serial_number: SerialNumber,
    signature: AlgorithmIdentifierOwned,
    issuer: Name,
    validity: Validity,
    subject: Name,
    subject_public_key_info: SubjectPublicKeyInfoOwned,
    #[asn1(context_specific = "3", tag_mode = "EXPLICIT", optional = "true")]
    extensions: Option<Vec<Extension>>,
}

/// Any signed structure: to-be-signed bytes, algorithm, signature.
#[derive(Sequence)]
struct SignedOut<'a> {
    tbs: AnyRef<'a>,
    algorithm: AlgorithmIdentifierOwned,
    signature: BitString,
}

fn sign_structure(tbs_der: &[u8], key: &PrivateKey, hash: SignatureHash) -> Result<Vec<u8>> {
    let (algorithm, sig) = key.sign(hash, tbs_der)?;
    let out = SignedOut {
        tbs: AnyRef::from_der(tbs_der)?,
        algorithm,
        signature: BitString::from_bytes(&sig)?,
    };
    Ok(out.to_der()?)
}

/// The algorithm a key will sign with, which the TBS must name before signing.
fn signature_algorithm(key: &PrivateKey, hash: SignatureHash) -> AlgorithmIdentifierOwned {
    match key {
        PrivateKey::Rsa(_) => AlgorithmIdentifierOwned {
            oid: match hash {
                SignatureHash::Sha256 => oids::SHA256_WITH_RSA,
                SignatureHash::Sha384 => oids::SHA384_WITH_RSA,
                SignatureHash::Sha512 => oids::SHA512_WITH_RSA,
            },
            parameters: Some(Any::null()),
        },
        _ => ecdsa_alg(hash),
    }
}

fn to_time(unix: i64, what: &str) -> Result<Time> {
    let secs = u64::try_from(unix).map_err(|_| Error::Invalid(format!("{what} is before 1970")))?;
    let dt = der::DateTime::from_unix_duration(Duration::from_secs(secs))
        .map_err(|_| Error::Invalid(format!("{what} is out of range")))?;
    Ok(Time::from(dt))
}

fn serial_number(serial: &Option<Vec<u8>>) -> Result<SerialNumber> {
    let bytes = match serial {
        Some(s) => {
            let start = s.iter().position(|b| *b != 0).unwrap_or(s.len());
            let magnitude = &s[start..];
            if magnitude.is_empty() || magnitude.len() > 20 {
                return Err(Error::Invalid(
                    "a serial number must be 1 to 20 bytes, not zero".into(),
                ));
            }
            magnitude.to_vec()
        }
        None => {
            let mut b = vec![0u8; 16];
            crate::random_bytes(&mut b)?;
            // Never zero, never with a leading zero byte.
            b[0] = (b[0] & 0x7f) | 0x01;
            b
        }
    };
    Ok(SerialNumber::new(&bytes)?)
}

fn extension<T: Encode>(oid: ObjectIdentifier, critical: bool, value: &T) -> Result<Extension> {
    Ok(Extension {
        extn_id: oid,
        critical,
        extn_value: OctetString::new(value.to_der()?)?,
    })
}

fn ia5(value: &str, what: &str) -> Result<Ia5String> {
    Ia5String::new(value).map_err(|_| Error::Invalid(format!("{what} must be ASCII: {value}")))
}

fn general_name(san: &SubjectAltName) -> Result<GeneralName> {
    Ok(match san {
        SubjectAltName::Dns(v) => GeneralName::DnsName(ia5(v, "a DNS name")?),
        SubjectAltName::Email(v) => GeneralName::Rfc822Name(ia5(v, "an e-mail address")?),
        SubjectAltName::Uri(v) => GeneralName::UniformResourceIdentifier(ia5(v, "a URI")?),
        SubjectAltName::Ip(IpAddr::V4(ip)) => {
            GeneralName::IpAddress(OctetString::new(ip.octets())?)
        }
        SubjectAltName::Ip(IpAddr::V6(ip)) => {
            GeneralName::IpAddress(OctetString::new(ip.octets())?)
        }
        SubjectAltName::Other(v) => {
            return Err(Error::Invalid(format!(
                "cannot encode alternative name {v}"
            )))
        }
    })
}

fn san_extension(sans: &[SubjectAltName]) -> Result<Extension> {
    let names = sans.iter().map(general_name).collect::<Result<Vec<_>>>()?;
    extension(
        oids::EXT_SUBJECT_ALT_NAME,
        false,
        &X509SubjectAltName(names),
    )
}

/// RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits.
fn key_identifier(spki: &SubjectPublicKeyInfoOwned) -> Vec<u8> {
    Sha1::digest(spki.subject_public_key.raw_bytes()).to_vec()
}

fn extensions(
    req: &IssueRequest,
    subject_spki: &SubjectPublicKeyInfoOwned,
    authority_key_id: Vec<u8>,
) -> Result<Vec<Extension>> {
    let mut exts = Vec::new();
    if let Some(bc) = req.basic_constraints {
        if bc.path_len.is_some() && !bc.ca {
            return Err(Error::Invalid("a path length needs a CA".into()));
        }
        let value = X509BasicConstraints {
            ca: bc.ca,
            path_len_constraint: bc.path_len,
        };
        exts.push(extension(oids::EXT_BASIC_CONSTRAINTS, true, &value)?);
    }
    if !req.key_usage.is_empty() {
        let mut flags = FlagSet::<KeyUsages>::default();
        for k in &req.key_usage {
            flags |= k.flag();
        }
        exts.push(extension(oids::EXT_KEY_USAGE, true, &X509KeyUsage(flags))?);
    }
    if !req.extended_key_usage.is_empty() {
        let ekus = req
            .extended_key_usage
            .iter()
            .map(|e| {
                e.object_identifier()
                    .ok_or_else(|| Error::Invalid(format!("not an OID: {}", e.oid())))
            })
            .collect::<Result<Vec<_>>>()?;
        exts.push(extension(
            oids::EXT_EXTENDED_KEY_USAGE,
            false,
            &X509ExtendedKeyUsage(ekus),
        )?);
    }
    if !req.subject_alt_names.is_empty() {
        exts.push(san_extension(&req.subject_alt_names)?);
    }
    let ski = SubjectKeyIdentifier(OctetString::new(key_identifier(subject_spki))?);
    exts.push(extension(oids::EXT_SUBJECT_KEY_ID, false, &ski)?);
    let aki = AuthorityKeyIdentifier {
        key_identifier: Some(OctetString::new(authority_key_id)?),
        authority_cert_issuer: None,
        authority_cert_serial_number: None,
    };
    exts.push(extension(oids::EXT_AUTHORITY_KEY_ID, false, &aki)?);
    if let Some(url) = &req.crl_distribution_point {
        let dp = DistributionPoint {
            distribution_point: Some(DistributionPointName::FullName(vec![
                GeneralName::UniformResourceIdentifier(ia5(url, "a CRL URL")?),
            ])),
            reasons: None,
            crl_issuer: None,
        };
        exts.push(extension(
            oids::EXT_CRL_DISTRIBUTION_POINTS,
            false,
            &CrlDistributionPoints(vec![dp]),
        )?);
    }
    for custom in &req.custom_extensions {
        let oid = ObjectIdentifier::new(&custom.oid)
            .map_err(|_| Error::Invalid(format!("not an OID: {}", custom.oid)))?;
        if exts.iter().any(|e| e.extn_id == oid) {
            return Err(Error::Invalid(format!(
                "extension {oid} is already present"
            )));
        }
        // The value must be one DER element, or openssl cannot print the certificate.
        Any::from_der(&custom.value_der)
            .map_err(|_| Error::Invalid(format!("the value of extension {oid} is not DER")))?;
        exts.push(Extension {
            extn_id: oid,
            critical: custom.critical,
            extn_value: OctetString::new(custom.value_der.clone())?,
        });
    }
    Ok(exts)
}

fn build_certificate(
    req: &IssueRequest,
    subject_spki: SubjectPublicKeyInfoOwned,
    issuer: Name,
    authority_key_id: Vec<u8>,
    signer: &PrivateKey,
) -> Result<Vec<u8>> {
    if req.not_after <= req.not_before {
        return Err(Error::Invalid(
            "not_after must be later than not_before".into(),
        ));
    }
    let validity = Validity::new(
        to_time(req.not_before, "not_before")?,
        to_time(req.not_after, "not_after")?,
    );
    let tbs = TbsCertificate {
        version: Some(Version::V3),
        serial_number: serial_number(&req.serial)?,
        signature: signature_algorithm(signer, req.hash),
        issuer,
        validity,
        subject: req.subject.to_name()?,
        extensions: Some(extensions(req, &subject_spki, authority_key_id)?),
        subject_public_key_info: subject_spki,
    };
    let der = sign_structure(&tbs.to_der()?, signer, req.hash)?;
    // Decoding what we built catches an encoding mistake here, not in a client.
    Certificate::from_der(&der).map_err(Error::malformed("issued certificate"))?;
    Ok(der)
}

/// A self-signed certificate (a root CA) for `key`.
pub fn self_signed_certificate(req: &IssueRequest, key: &PrivateKey) -> Result<Vec<u8>> {
    let spki = SubjectPublicKeyInfoOwned::from_der(&key.public_key_der()?)?;
    let issuer = req.subject.to_name()?;
    let akid = key_identifier(&spki);
    build_certificate(req, spki, issuer, akid, key)
}

/// A certificate for `subject_public_key_der` (DER `SubjectPublicKeyInfo`,
/// from a generated key or a CSR) signed by the CA `issuer_cert_der` with
/// `issuer_key`.
pub fn issue_certificate(
    req: &IssueRequest,
    subject_public_key_der: &[u8],
    issuer_cert_der: &[u8],
    issuer_key: &PrivateKey,
) -> Result<Vec<u8>> {
    let issuer =
        Certificate::from_der(issuer_cert_der).map_err(Error::malformed("issuer certificate"))?;
    if !issuer_key.matches_certificate(issuer_cert_der)? {
        return Err(Error::Invalid(
            "the issuer key does not match the issuer certificate".into(),
        ));
    }
    let spki = SubjectPublicKeyInfoOwned::from_der(subject_public_key_der)
        .map_err(Error::malformed("public key"))?;
    crate::keys::PublicKey::from_spki_der(subject_public_key_der)?;
    let tbs = issuer.tbs_certificate();
    // The issuer's own SKI when it has one, so that AKI and SKI always pair up.
    let akid = match tbs.get_extension::<SubjectKeyIdentifier>() {
        Ok(Some((_, ski))) => ski.0.as_bytes().to_vec(),
        _ => key_identifier(tbs.subject_public_key_info()),
    };
    build_certificate(req, spki, tbs.subject().clone(), akid, issuer_key)
}

/// A PKCS#10 request for `key`, asking for `subject_alt_names` (if any).
pub fn build_csr(
    subject: &DistinguishedName,
    subject_alt_names: &[SubjectAltName],
    key: &PrivateKey,
    hash: SignatureHash,
) -> Result<Vec<u8>> {
    let mut attributes = SetOfVec::new();
    if !subject_alt_names.is_empty() {
        let req = ExtensionReq(vec![san_extension(subject_alt_names)?]);
        attributes.insert(Attribute::try_from(req)?)?;
    }
    let info = CertReqInfo {
        version: x509_cert::request::Version::V1,
        subject: subject.to_name()?,
        public_key: SubjectPublicKeyInfoOwned::from_der(&key.public_key_der()?)?,
        attributes,
    };
    let der = sign_structure(&info.to_der()?, key, hash)?;
    CertReq::from_der(&der).map_err(Error::malformed("CSR"))?;
    Ok(der)
}

/// Revocation reasons, with the CCM API's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RevocationReason {
    Unspecified,
    KeyCompromise,
    CertificateAuthorityCompromise,
    AffiliationChanged,
    Superseded,
    CessationOfOperation,
    CertificateHold,
    PrivilegeWithdrawn,
    AttributeAuthorityCompromise,
}

impl RevocationReason {
    pub const ALL: [RevocationReason; 9] = [
        Self::Unspecified,
        Self::KeyCompromise,
        Self::CertificateAuthorityCompromise,
        Self::AffiliationChanged,
        Self::Superseded,
        Self::CessationOfOperation,
        Self::CertificateHold,
        Self::PrivilegeWithdrawn,
        Self::AttributeAuthorityCompromise,
    ];

    /// `KEY_COMPROMISE`, ... as the revoke request's `reason`.
    pub fn api_name(self) -> &'static str {
        match self {
            Self::Unspecified => "UNSPECIFIED",
            Self::KeyCompromise => "KEY_COMPROMISE",
            Self::CertificateAuthorityCompromise => "CERTIFICATE_AUTHORITY_COMPROMISE",
            Self::AffiliationChanged => "AFFILIATION_CHANGED",
            Self::Superseded => "SUPERSEDED",
            Self::CessationOfOperation => "CESSATION_OF_OPERATION",
            Self::CertificateHold => "CERTIFICATE_HOLD",
            Self::PrivilegeWithdrawn => "PRIVILEGE_WITHDRAWN",
            Self::AttributeAuthorityCompromise => "ATTRIBUTE_AUTHORITY_COMPROMISE",
        }
    }

    pub fn from_api_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.api_name() == name)
    }

    fn crl_reason(self) -> CrlReason {
        match self {
            Self::Unspecified => CrlReason::Unspecified,
            Self::KeyCompromise => CrlReason::KeyCompromise,
            Self::CertificateAuthorityCompromise => CrlReason::CaCompromise,
            Self::AffiliationChanged => CrlReason::AffiliationChanged,
            Self::Superseded => CrlReason::Superseded,
            Self::CessationOfOperation => CrlReason::CessationOfOperation,
            Self::CertificateHold => CrlReason::CertificateHold,
            Self::PrivilegeWithdrawn => CrlReason::PrivilegeWithdrawn,
            Self::AttributeAuthorityCompromise => CrlReason::AaCompromise,
        }
    }
}

/// One revoked certificate in a CRL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevokedEntry {
    /// Big-endian serial as in the certificate.
    pub serial: Vec<u8>,
    /// Unix seconds.
    pub revoked_at: i64,
    /// `None` leaves the reasonCode entry extension out (RFC 5280 says
    /// "unspecified" should be expressed that way).
    pub reason: Option<RevocationReason>,
}

/// A signed X.509 v2 CRL from the CA `issuer_cert_der`, with a CRL number
/// and the issuer's key identifier.
pub fn build_crl(
    issuer_cert_der: &[u8],
    issuer_key: &PrivateKey,
    revoked: &[RevokedEntry],
    crl_number: u64,
    this_update: i64,
    next_update: i64,
    hash: SignatureHash,
) -> Result<Vec<u8>> {
    if next_update <= this_update {
        return Err(Error::Invalid(
            "next_update must be later than this_update".into(),
        ));
    }
    let issuer =
        Certificate::from_der(issuer_cert_der).map_err(Error::malformed("issuer certificate"))?;
    if !issuer_key.matches_certificate(issuer_cert_der)? {
        return Err(Error::Invalid(
            "the issuer key does not match the issuer certificate".into(),
        ));
    }
    let tbs = issuer.tbs_certificate();
    let akid = match tbs.get_extension::<SubjectKeyIdentifier>() {
        Ok(Some((_, ski))) => ski.0.as_bytes().to_vec(),
        _ => key_identifier(tbs.subject_public_key_info()),
    };
    let entries = revoked
        .iter()
        .map(|r| {
            let reason = r
                .reason
                .map(|reason| extension(oids::EXT_CRL_REASON, false, &reason.crl_reason()))
                .transpose()?;
            Ok(RevokedCert {
                serial_number: serial_number(&Some(r.serial.clone()))?,
                revocation_date: to_time(r.revoked_at, "revocation time")?,
                crl_entry_extensions: reason.map(|e| vec![e]),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let aki = AuthorityKeyIdentifier {
        key_identifier: Some(OctetString::new(akid)?),
        authority_cert_issuer: None,
        authority_cert_serial_number: None,
    };
    let number = CrlNumber(Uint::new(&crl_number.to_be_bytes())?);
    let tbs_list = TbsCertList {
        version: Version::V2,
        signature: signature_algorithm(issuer_key, hash),
        issuer: tbs.subject().clone(),
        this_update: to_time(this_update, "this_update")?,
        next_update: Some(to_time(next_update, "next_update")?),
        // An empty SEQUENCE OF is not allowed here; no entries means absent.
        revoked_certificates: (!entries.is_empty()).then_some(entries),
        crl_extensions: Some(vec![
            extension(oids::EXT_AUTHORITY_KEY_ID, false, &aki)?,
            extension(oids::EXT_CRL_NUMBER, false, &number)?,
        ]),
    };
    let der = sign_structure(&tbs_list.to_der()?, issuer_key, hash)?;
    CertificateList::<Rfc5280>::from_der(&der).map_err(Error::malformed("CRL"))?;
    Ok(der)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::tests::{p256_key, p384_key};
    use crate::{decode_certificate, decode_csr, verify_chain, CertificateInfo};

    const T0: i64 = 1_700_000_000;
    const DAY: i64 = 86_400;

    fn dn(cn: &str) -> DistinguishedName {
        DistinguishedName {
            common_name: cn.into(),
            country: Some("CN".into()),
            organization: Some("Example".into()),
            ..Default::default()
        }
    }

    #[test]
    fn api_names() {
        for h in SignatureHash::ALL {
            assert_eq!(SignatureHash::from_api_name(h.api_name()), Some(h));
        }
        for r in RevocationReason::ALL {
            assert_eq!(RevocationReason::from_api_name(r.api_name()), Some(r));
        }
        assert_eq!(SignatureHash::default().to_string(), "SHA256");
    }

    #[test]
    fn root_and_leaf_decode_as_requested() {
        let root_key = p384_key();
        let root_req = IssueRequest {
            serial: Some(vec![0x00, 0x00, 0x81]),
            hash: SignatureHash::Sha384,
            ..IssueRequest::new(dn("Root"), T0, T0 + 3650 * DAY).ca(Some(1))
        };
        let root = self_signed_certificate(&root_req, &root_key).unwrap();
        let info = CertificateInfo::from_der(&root).unwrap();
        assert_eq!(info.subject, "CN=Root,O=Example,C=CN");
        assert_eq!(info.serial_hex, "81");
        assert_eq!(info.not_before, T0);
        assert_eq!(info.not_after, T0 + 3650 * DAY);
        assert_eq!(info.signature_algorithm, "SHA384withECDSA");
        assert_eq!(
            info.basic_constraints,
            Some(BasicConstraints {
                ca: true,
                path_len: Some(1)
            })
        );
        assert_eq!(
            info.key_usage,
            vec![KeyUsage::KeyCertSign, KeyUsage::CrlSign]
        );
        assert_eq!(info.subject_key_id, info.authority_key_id);

        let leaf_key = p256_key();
        let mut req = IssueRequest::new(dn("leaf.example"), T0, T0 + 30 * DAY);
        req.hash = SignatureHash::Sha512;
        req.basic_constraints = Some(BasicConstraints::default());
        req.key_usage = vec![KeyUsage::DigitalSignature, KeyUsage::KeyAgreement];
        req.extended_key_usage = vec![
            ExtendedKeyUsage::ServerAuth,
            ExtendedKeyUsage::Other("1.2.3.4".into()),
        ];
        req.subject_alt_names = vec![
            SubjectAltName::Dns("leaf.example".into()),
            SubjectAltName::Ip("192.0.2.1".parse().unwrap()),
            SubjectAltName::Email("a@leaf.example".into()),
            SubjectAltName::Uri("https://leaf.example/".into()),
        ];
        req.custom_extensions =
            vec![CustomExtension::utf8("1.3.6.1.4.1.2011.4.99", "custom").unwrap()];
        req.crl_distribution_point = Some("http://crl.example/root.crl".into());
        let leaf =
            issue_certificate(&req, &leaf_key.public_key_der().unwrap(), &root, &root_key).unwrap();
        let l = decode_certificate(&leaf).unwrap();
        assert_eq!(l.issuer, info.subject);
        assert_eq!(l.signature_algorithm, "SHA512withECDSA");
        assert_eq!(l.authority_key_id, info.subject_key_id);
        assert_eq!(
            l.basic_constraints,
            Some(BasicConstraints {
                ca: false,
                path_len: None
            })
        );
        assert_eq!(l.subject_alt_names, req.subject_alt_names);
        assert_eq!(l.key_usage, req.key_usage);
        assert_eq!(l.extended_key_usage, req.extended_key_usage);
        assert_eq!(
            l.crl_distribution_points,
            vec!["http://crl.example/root.crl"]
        );
        assert_eq!(l.serial_hex.len(), 32);
        let custom = l
            .extensions
            .iter()
            .find(|e| e.oid == "1.3.6.1.4.1.2011.4.99")
            .unwrap();
        assert_eq!(custom.text.as_deref(), Some("custom"));
        assert!(leaf_key.matches_certificate(&leaf).unwrap());

        let chain = verify_chain(
            std::slice::from_ref(&leaf),
            std::slice::from_ref(&root),
            T0 + DAY,
        )
        .unwrap();
        assert_eq!(chain.subjects.len(), 2);
        assert!(verify_chain(&[leaf], &[root], T0 + 31 * DAY).is_err());
    }

    #[test]
    fn csr_round_trip() {
        let key = p256_key();
        let sans = [SubjectAltName::Dns("csr.example".into())];
        let csr = build_csr(&dn("csr.example"), &sans, &key, SignatureHash::Sha384).unwrap();
        let info = decode_csr(&csr).unwrap();
        assert!(info.signature_valid);
        assert_eq!(info.subject, "CN=csr.example,O=Example,C=CN");
        assert_eq!(info.subject_alt_names, sans);
        assert_eq!(info.signature_algorithm, "SHA384withECDSA");
        assert!(key.matches_public_key_der(&info.public_key.spki_der));
        // Issue from the CSR, keeping its subject as encoded.
        let root_key = p384_key();
        let root = self_signed_certificate(
            &IssueRequest::new(dn("R"), T0, T0 + DAY).ca(None),
            &root_key,
        )
        .unwrap();
        let req = IssueRequest::new(Subject::Der(info.subject_der.clone()), T0, T0 + DAY);
        let cert = issue_certificate(&req, &info.public_key.spki_der, &root, &root_key).unwrap();
        assert_eq!(decode_certificate(&cert).unwrap().subject, info.subject);
        // Without SANs there is no attribute at all.
        let bare =
            decode_csr(&build_csr(&dn("x"), &[], &key, SignatureHash::Sha256).unwrap()).unwrap();
        assert!(bare.extensions.is_empty());
        assert!(bare.signature_valid);
    }

    #[test]
    fn rejects_bad_requests() {
        let key = p256_key();
        let base = IssueRequest::new(dn("x"), T0, T0 + DAY);
        let bad = |r: IssueRequest| self_signed_certificate(&r, &key).unwrap_err();
        assert!(matches!(
            bad(IssueRequest {
                not_after: T0,
                ..base.clone()
            }),
            Error::Invalid(_)
        ));
        assert!(matches!(
            bad(IssueRequest {
                not_before: -1,
                ..base.clone()
            }),
            Error::Invalid(_)
        ));
        assert!(matches!(
            bad(IssueRequest {
                serial: Some(vec![0, 0]),
                ..base.clone()
            }),
            Error::Invalid(_)
        ));
        assert!(matches!(
            bad(IssueRequest {
                serial: Some(vec![1; 21]),
                ..base.clone()
            }),
            Error::Invalid(_)
        ));
        let mut r = base.clone();
        r.subject = DistinguishedName {
            country: Some("CHN".into()),
            ..dn("x")
        }
        .into();
        assert!(matches!(bad(r), Error::Invalid(_)));
        let mut r = base.clone();
        r.subject = DistinguishedName::new("").into();
        assert!(matches!(bad(r), Error::Invalid(_)));
        let mut r = base.clone();
        r.basic_constraints = Some(BasicConstraints {
            ca: false,
            path_len: Some(0),
        });
        assert!(matches!(bad(r), Error::Invalid(_)));
        let mut r = base.clone();
        r.subject_alt_names = vec![SubjectAltName::Dns("bücher.example".into())];
        assert!(matches!(bad(r), Error::Invalid(_)));
        let mut r = base.clone();
        r.custom_extensions = vec![CustomExtension {
            oid: "2.5.29.35".into(),
            critical: false,
            value_der: vec![5, 0],
        }];
        assert!(matches!(bad(r), Error::Invalid(_)));
        let mut r = base.clone();
        r.custom_extensions = vec![CustomExtension {
            oid: "1.2.3".into(),
            critical: false,
            value_der: vec![1, 2, 3],
        }];
        assert!(matches!(bad(r), Error::Invalid(_)));
        let mut r = base.clone();
        r.custom_extensions = vec![CustomExtension {
            oid: "nope".into(),
            critical: false,
            value_der: vec![5, 0],
        }];
        assert!(matches!(bad(r), Error::Invalid(_)));
        // Issuer key and certificate must belong together.
        let root = self_signed_certificate(&base.clone().ca(None), &key).unwrap();
        let err = issue_certificate(&base, &key.public_key_der().unwrap(), &root, &p384_key())
            .unwrap_err();
        assert!(matches!(err, Error::Invalid(_)));
    }

    #[test]
    fn crl_lists_serials() {
        let key = p256_key();
        let root =
            self_signed_certificate(&IssueRequest::new(dn("CA"), T0, T0 + DAY).ca(None), &key)
                .unwrap();
        let revoked = [
            RevokedEntry {
                serial: vec![0x12, 0x34],
                revoked_at: T0 + 10,
                reason: Some(RevocationReason::KeyCompromise),
            },
            RevokedEntry {
                serial: vec![0x99],
                revoked_at: T0 + 20,
                reason: None,
            },
        ];
        let crl = build_crl(
            &root,
            &key,
            &revoked,
            7,
            T0 + 30,
            T0 + 7 * DAY,
            SignatureHash::Sha256,
        )
        .unwrap();
        let list = CertificateList::<Rfc5280>::from_der(&crl).unwrap();
        let entries = list.tbs_cert_list.revoked_certificates.unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].serial_number.as_bytes(), &[0x12, 0x34]);
        assert!(entries[1].crl_entry_extensions.is_none());
        let parts = crate::sig::split_signed(&crl, "CRL").unwrap();
        let spki = key.public_key_der().unwrap();
        crate::sig::verify_signature(&spki, &parts.algorithm, &parts.tbs, &parts.signature)
            .unwrap();
        let empty = build_crl(&root, &key, &[], 8, T0, T0 + DAY, SignatureHash::Sha256).unwrap();
        assert!(CertificateList::<Rfc5280>::from_der(&empty)
            .unwrap()
            .tbs_cert_list
            .revoked_certificates
            .is_none());
        assert!(build_crl(&root, &key, &[], 8, T0, T0, SignatureHash::Sha256).is_err());
    }

    #[test]
    fn ec_keys_generate() {
        for alg in [KeyAlgorithm::Ec256, KeyAlgorithm::Ec384] {
            let a = generate_key(alg).unwrap();
            let b = generate_key(alg).unwrap();
            assert_eq!(a.key_algorithm(), Some(alg));
            assert_ne!(a.public_key_der().unwrap(), b.public_key_der().unwrap());
        }
    }
}

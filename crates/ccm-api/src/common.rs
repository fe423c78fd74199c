//! Types shared by the SCM and PCA operations: algorithms, validity,
//! distinguished names, alternative names, statuses, and the small
//! "loose" types that accept the two forms the live service is seen to use.
//!
//! Every value set is an enum whose last variant keeps unknown values as
//! sent (`Other(String)`): the live service adds algorithms (SM2/SM3 on the
//! China site) and statuses without notice, and a console must still show
//! the object rather than fail to decode the whole list.

use serde::{Deserialize, Serialize};

/// Declares a wire enum: one unit variant per documented value, then
/// `Other(String)` for anything else. Each variant has its wire text and a
/// short label for the console.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal => $label:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $wire)] $variant, )+
            /// A value this version does not know, kept exactly as sent.
            #[serde(untagged)]
            Other(String),
        }

        impl $name {
            /// Every documented wire value, in the reference's order.
            pub const WIRE: &'static [&'static str] = &[$($wire),+];

            /// Every documented value.
            pub fn known() -> Vec<$name> {
                vec![$($name::$variant),+]
            }

            /// The text sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Other(s) => s,
                }
            }

            /// Reads a wire value (exact match); anything else is `Other`.
            pub fn from_wire(s: &str) -> $name {
                match s {
                    $( $wire => $name::$variant, )+
                    other => $name::Other(other.to_owned()),
                }
            }

            /// Short human label (the wire text for unknown values).
            pub fn label(&self) -> &str {
                match self {
                    $( $name::$variant => $label, )+
                    $name::Other(s) => s,
                }
            }

            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name::from_wire(s)
            }
        }

        impl $crate::common::WireEnum for $name {
            const WIRE: &'static [&'static str] = $name::WIRE;

            fn from_wire(s: &str) -> Self {
                $name::from_wire(s)
            }

            fn as_str(&self) -> &str {
                $name::as_str(self)
            }
        }
    };
}
pub(crate) use wire_enum;

/// What every wire enum offers, for code that handles any of them (the
/// console keeps them in URLs).
pub trait WireEnum: Sized {
    /// Every documented wire value.
    const WIRE: &'static [&'static str];
    /// Reads a wire value; an unknown one becomes `Other`.
    fn from_wire(s: &str) -> Self;
    /// The text sent on the wire.
    fn as_str(&self) -> &str;

    /// A documented wire value, or `None` for anything else.
    fn from_known(s: &str) -> Option<Self> {
        Self::WIRE.contains(&s).then(|| Self::from_wire(s))
    }
}

wire_enum! {
    /// Key algorithm and size of a CA or private certificate. `SM2` exists on
    /// the China site (SDK and Terraform provider), not in the reference.
    /// Details of a CA imported from outside are seen with a bare `RSA`.
    KeyAlgorithm {
        Rsa2048 = "RSA2048" => "RSA 2048",
        Rsa4096 = "RSA4096" => "RSA 4096",
        Ec256 = "EC256" => "ECDSA P-256",
        Ec384 = "EC384" => "ECDSA P-384",
        Sm2 = "SM2" => "SM2",
    }
}

wire_enum! {
    /// Signature hash algorithm. `SM3` goes with SM2 keys (China site).
    SignatureAlgorithm {
        Sha256 = "SHA256" => "SHA-256",
        Sha384 = "SHA384" => "SHA-384",
        Sha512 = "SHA512" => "SHA-512",
        Sm3 = "SM3" => "SM3",
    }
}

wire_enum! {
    /// Unit of a validity period. The reference counts a month as 31 days.
    ValidityType {
        Year = "YEAR" => "years",
        Month = "MONTH" => "months",
        Day = "DAY" => "days",
        Hour = "HOUR" => "hours",
    }
}

wire_enum! {
    /// Root or subordinate CA.
    CaType {
        Root = "ROOT" => "Root CA",
        Subordinate = "SUBORDINATE" => "Subordinate CA",
    }
}

wire_enum! {
    /// Lifecycle of a private CA. `ACTIVED` is the service's spelling.
    CaStatus {
        Pending = "PENDING" => "Pending activation",
        Actived = "ACTIVED" => "Active",
        Disabled = "DISABLED" => "Disabled",
        Deleted = "DELETED" => "Pending deletion",
        Expired = "EXPIRED" => "Expired",
    }
}

wire_enum! {
    /// Lifecycle of a private certificate.
    CertificateStatus {
        Issued = "ISSUED" => "Issued",
        Revoked = "REVOKED" => "Revoked",
        Expired = "EXPIRED" => "Expired",
    }
}

wire_enum! {
    /// How a CA or certificate came to be.
    GenMode {
        Generate = "GENERATE" => "Generated by PCA",
        Import = "IMPORT" => "Imported",
        Csr = "CSR" => "Issued from a CSR (key held elsewhere)",
    }
}

wire_enum! {
    /// Sort direction of list queries.
    SortDir {
        Asc = "ASC" => "ascending",
        Desc = "DESC" => "descending",
    }
}

wire_enum! {
    /// Type of a subject alternative name.
    SanType {
        Dns = "DNS" => "DNS name",
        Ip = "IP" => "IP address",
        Email = "EMAIL" => "E-mail address",
        Uri = "URI" => "URI",
    }
}

wire_enum! {
    /// Key usage bits (RFC 5280, 4.2.1.3), spelled as on the wire.
    KeyUsage {
        DigitalSignature = "digitalSignature" => "Digital signature",
        NonRepudiation = "nonRepudiation" => "Non-repudiation",
        KeyEncipherment = "keyEncipherment" => "Key encipherment",
        DataEncipherment = "dataEncipherment" => "Data encipherment",
        KeyAgreement = "keyAgreement" => "Key agreement",
        KeyCertSign = "keyCertSign" => "Certificate signing",
        CrlSign = "cRLSign" => "CRL signing",
        EncipherOnly = "encipherOnly" => "Encipher only",
        DecipherOnly = "decipherOnly" => "Decipher only",
    }
}

wire_enum! {
    /// Why a CA or certificate is revoked (the CRL reason codes).
    RevocationReason {
        Unspecified = "UNSPECIFIED" => "Unspecified",
        KeyCompromise = "KEY_COMPROMISE" => "Key compromise",
        CertificateAuthorityCompromise = "CERTIFICATE_AUTHORITY_COMPROMISE" => "CA compromise",
        AffiliationChanged = "AFFILIATION_CHANGED" => "Affiliation changed",
        Superseded = "SUPERSEDED" => "Superseded",
        CessationOfOperation = "CESSATION_OF_OPERATION" => "Cessation of operation",
        CertificateHold = "CERTIFICATE_HOLD" => "Certificate hold",
        PrivilegeWithdrawn = "PRIVILEGE_WITHDRAWN" => "Privilege withdrawn",
        AttributeAuthorityCompromise = "ATTRIBUTE_AUTHORITY_COMPROMISE" => "Attribute authority compromise",
    }
}

impl KeyAlgorithm {
    /// The key family, also for the bare `RSA`/`EC` seen on imported CAs.
    pub fn family(&self) -> &str {
        match self {
            KeyAlgorithm::Rsa2048 | KeyAlgorithm::Rsa4096 => "RSA",
            KeyAlgorithm::Ec256 | KeyAlgorithm::Ec384 => "EC",
            KeyAlgorithm::Sm2 => "SM2",
            KeyAlgorithm::Other(s) => {
                let up = s.trim_start();
                if up.starts_with("RSA") {
                    "RSA"
                } else if up.starts_with("EC") {
                    "EC"
                } else if up.starts_with("SM2") {
                    "SM2"
                } else {
                    s
                }
            }
        }
    }
}

/// Validity period of a certificate to be issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validity {
    #[serde(rename = "type")]
    pub kind: ValidityType,
    pub value: i64,
    /// Start, Unix milliseconds; not earlier than now minus 5 minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_from: Option<i64>,
}

impl Validity {
    pub fn new(kind: ValidityType, value: i64) -> Self {
        Validity { kind, value, start_from: None }
    }

    pub fn years(value: i64) -> Self {
        Self::new(ValidityType::Year, value)
    }

    pub fn days(value: i64) -> Self {
        Self::new(ValidityType::Day, value)
    }
}

/// Subject of a CA or certificate. For a CA all six parts are required; for
/// a private certificate only `common_name` (the others are inherited from
/// the issuing CA). Responses may carry any of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistinguishedName {
    pub common_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizational_unit: Option<String>,
}

impl DistinguishedName {
    /// A subject with every part given (what a CA needs).
    pub fn full(
        common_name: &str,
        country: &str,
        state: &str,
        locality: &str,
        organization: &str,
        organizational_unit: &str,
    ) -> Self {
        DistinguishedName {
            common_name: common_name.to_owned(),
            country: Some(country.to_owned()),
            state: Some(state.to_owned()),
            locality: Some(locality.to_owned()),
            organization: Some(organization.to_owned()),
            organizational_unit: Some(organizational_unit.to_owned()),
        }
    }

    pub fn common_name(common_name: &str) -> Self {
        DistinguishedName { common_name: common_name.to_owned(), ..Default::default() }
    }

    /// One-line form for display, `CN=…, O=…, C=…`.
    pub fn display(&self) -> String {
        let mut parts = vec![format!("CN={}", self.common_name)];
        let rest = [
            ("OU", &self.organizational_unit),
            ("O", &self.organization),
            ("L", &self.locality),
            ("ST", &self.state),
            ("C", &self.country),
        ];
        for (k, v) in rest {
            if let Some(v) = v {
                parts.push(format!("{k}={v}"));
            }
        }
        parts.join(", ")
    }
}

/// One subject alternative name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectAlternativeName {
    #[serde(rename = "type")]
    pub kind: SanType,
    pub value: String,
}

impl SubjectAlternativeName {
    pub fn new(kind: SanType, value: &str) -> Self {
        SubjectAlternativeName { kind, value: value.to_owned() }
    }
}

/// Extended key usage flags; each defaults to false on the service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtendedKeyUsage {
    /// 1.3.6.1.5.5.7.3.1
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_auth: Option<bool>,
    /// 1.3.6.1.5.5.7.3.2
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_auth: Option<bool>,
    /// 1.3.6.1.5.5.7.3.3
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_signing: Option<bool>,
    /// 1.3.6.1.5.5.7.3.4
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_protection: Option<bool>,
    /// 1.3.6.1.5.5.7.3.8
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_stamping: Option<bool>,
    /// 1.3.6.1.4.1.311.20.2.2; in the SDK, not in the reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smart_card_logon: Option<bool>,
}

/// One custom extension: an OID in dot-decimal form and a text value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomizedExtension {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// CRL publication settings of a CA. The same object is sent on create and
/// returned on read; `crl_dis_point` only appears in answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrlConfiguration {
    /// Read answers of a CA without CRL settings may leave it out.
    #[serde(default)]
    pub enabled: bool,
    /// Defaults to the issuing CA's id on the service side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crl_name: Option<String>,
    /// Needed when enabled; the PCA agency must be able to reach it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obs_bucket_name: Option<String>,
    /// Update interval in days, 7 to 30; needed when enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_days: Option<i64>,
    /// Where the CRL is published (answers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crl_dis_point: Option<String>,
}

/// A flag the service sends either as a JSON boolean or as the string
/// `"true"`/`"false"` (`is_compressed`, `agency_granted`). Kept in the form
/// received so that it re-encodes unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LooseBool {
    Bool(bool),
    Text(String),
}

impl LooseBool {
    /// The flag's value; `None` when the text is neither true nor false.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            LooseBool::Bool(b) => Some(*b),
            LooseBool::Text(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
        }
    }

    /// The SDK's form: a string.
    pub fn text(b: bool) -> Self {
        LooseBool::Text(if b { "true" } else { "false" }.to_owned())
    }
}

impl From<bool> for LooseBool {
    fn from(b: bool) -> Self {
        LooseBool::Bool(b)
    }
}

/// A number the reference types as a string but the examples and the SDK
/// send as an integer (`key_algorithm_length`). Kept in the form received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LooseInt {
    Int(i64),
    Text(String),
}

impl LooseInt {
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            LooseInt::Int(n) => Some(*n),
            LooseInt::Text(s) => s.trim().parse().ok(),
        }
    }
}

/// A key/value tag on a CA or private certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceTag {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl ResourceTag {
    pub fn new(key: &str, value: &str) -> Self {
        ResourceTag { key: key.to_owned(), value: Some(value.to_owned()) }
    }
}

/// A tag key with every value used under it (domain-wide tag listing and
/// tag filters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainTags {
    pub key: String,
    #[serde(default)]
    pub values: Vec<String>,
}

/// Serialises a body type into JSON for an [`crate::ApiRequest`]. The types
/// of this crate cannot fail to serialise (no maps with non-string keys).
pub(crate) fn to_json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_enum_values_are_kept() {
        let k: KeyAlgorithm = serde_json::from_str("\"RSA\"").unwrap();
        assert_eq!(k, KeyAlgorithm::Other("RSA".into()));
        assert_eq!(k.family(), "RSA");
        assert_eq!(serde_json::to_string(&k).unwrap(), "\"RSA\"");
        let s: SignatureAlgorithm = serde_json::from_str("\"SM3\"").unwrap();
        assert_eq!(s, SignatureAlgorithm::Sm3);
        let st: CaStatus = serde_json::from_str("\"FROZEN\"").unwrap();
        assert!(!st.is_known());
        assert_eq!(st.label(), "FROZEN");
    }

    #[test]
    fn only_documented_values_are_known() {
        assert_eq!(<SortDir as WireEnum>::from_known("ASC"), Some(SortDir::Asc));
        assert_eq!(<SortDir as WireEnum>::from_known("asc"), None);
        assert_eq!(<CaStatus as WireEnum>::from_known("FROZEN"), None);
        assert_eq!(WireEnum::as_str(&CaStatus::Disabled), "DISABLED");
    }

    #[test]
    fn wire_lists_match_variants() {
        assert_eq!(KeyAlgorithm::WIRE, &["RSA2048", "RSA4096", "EC256", "EC384", "SM2"]);
        for v in KeyUsage::known() {
            assert_eq!(KeyUsage::from_wire(v.as_str()), v);
        }
        assert_eq!(RevocationReason::known().len(), 9);
    }

    #[test]
    fn loose_forms_keep_their_shape() {
        let b: LooseBool = serde_json::from_str("false").unwrap();
        assert_eq!(b.as_bool(), Some(false));
        assert_eq!(serde_json::to_string(&b).unwrap(), "false");
        let t: LooseBool = serde_json::from_str("\"true\"").unwrap();
        assert_eq!(t.as_bool(), Some(true));
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"true\"");
        assert_eq!(LooseBool::Text("maybe".into()).as_bool(), None);
        let n: LooseInt = serde_json::from_str("\"2048\"").unwrap();
        assert_eq!(n.as_i64(), Some(2048));
    }

    #[test]
    fn distinguished_name_display() {
        let dn = DistinguishedName::full("ca", "CN", "s", "l", "o", "ou");
        assert_eq!(dn.display(), "CN=ca, OU=ou, O=o, L=l, ST=s, C=CN");
        assert_eq!(DistinguishedName::common_name("x").display(), "CN=x");
    }
}

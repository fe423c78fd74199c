//! Object identifiers used here, spelled out so that a reader can check them
//! against the RFCs without a database lookup.

use der::asn1::ObjectIdentifier as Oid;

// Public keys and curves (RFC 3279, RFC 5480).
pub const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
pub const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
pub const SECP256R1: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
pub const SECP384R1: Oid = Oid::new_unwrap("1.3.132.0.34");
pub const SECP521R1: Oid = Oid::new_unwrap("1.3.132.0.35");
pub const ED25519: Oid = Oid::new_unwrap("1.3.101.112");
pub const SM2_CURVE: Oid = Oid::new_unwrap("1.2.156.10197.1.301");

// Signature algorithms (RFC 4055, RFC 5758).
pub const SHA1_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.5");
pub const RSASSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
pub const SHA256_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");
pub const SHA384_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.12");
pub const SHA512_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.13");
pub const ECDSA_WITH_SHA1: Oid = Oid::new_unwrap("1.2.840.10045.4.1");
pub const ECDSA_WITH_SHA256: Oid = Oid::new_unwrap("1.2.840.10045.4.3.2");
pub const ECDSA_WITH_SHA384: Oid = Oid::new_unwrap("1.2.840.10045.4.3.3");
pub const ECDSA_WITH_SHA512: Oid = Oid::new_unwrap("1.2.840.10045.4.3.4");
pub const SM2_WITH_SM3: Oid = Oid::new_unwrap("1.2.156.10197.1.501");

// Digests.
pub const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");

// Name attributes (RFC 4519, PKCS#9).
pub const AT_COMMON_NAME: Oid = Oid::new_unwrap("2.5.4.3");
pub const AT_SURNAME: Oid = Oid::new_unwrap("2.5.4.4");
pub const AT_SERIAL_NUMBER: Oid = Oid::new_unwrap("2.5.4.5");
pub const AT_COUNTRY: Oid = Oid::new_unwrap("2.5.4.6");
pub const AT_LOCALITY: Oid = Oid::new_unwrap("2.5.4.7");
pub const AT_STATE: Oid = Oid::new_unwrap("2.5.4.8");
pub const AT_STREET: Oid = Oid::new_unwrap("2.5.4.9");
pub const AT_ORGANIZATION: Oid = Oid::new_unwrap("2.5.4.10");
pub const AT_ORGANIZATIONAL_UNIT: Oid = Oid::new_unwrap("2.5.4.11");
pub const AT_TITLE: Oid = Oid::new_unwrap("2.5.4.12");
pub const AT_GIVEN_NAME: Oid = Oid::new_unwrap("2.5.4.42");
pub const AT_EMAIL: Oid = Oid::new_unwrap("1.2.840.113549.1.9.1");
pub const AT_DOMAIN_COMPONENT: Oid = Oid::new_unwrap("0.9.2342.19200300.100.1.25");
pub const AT_USER_ID: Oid = Oid::new_unwrap("0.9.2342.19200300.100.1.1");

// Certificate and CRL extensions (RFC 5280).
pub const EXT_SUBJECT_KEY_ID: Oid = Oid::new_unwrap("2.5.29.14");
pub const EXT_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.15");
pub const EXT_SUBJECT_ALT_NAME: Oid = Oid::new_unwrap("2.5.29.17");
pub const EXT_ISSUER_ALT_NAME: Oid = Oid::new_unwrap("2.5.29.18");
pub const EXT_BASIC_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.19");
pub const EXT_CRL_NUMBER: Oid = Oid::new_unwrap("2.5.29.20");
pub const EXT_CRL_REASON: Oid = Oid::new_unwrap("2.5.29.21");
pub const EXT_NAME_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.30");
pub const EXT_CRL_DISTRIBUTION_POINTS: Oid = Oid::new_unwrap("2.5.29.31");
pub const EXT_CERTIFICATE_POLICIES: Oid = Oid::new_unwrap("2.5.29.32");
pub const EXT_AUTHORITY_KEY_ID: Oid = Oid::new_unwrap("2.5.29.35");
pub const EXT_EXTENDED_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.37");
pub const EXT_AUTHORITY_INFO_ACCESS: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.1.1");
pub const EXT_SCT_LIST: Oid = Oid::new_unwrap("1.3.6.1.4.1.11129.2.4.2");

// Extended key usages (RFC 5280 4.2.1.12).
pub const KP_SERVER_AUTH: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.1");
pub const KP_CLIENT_AUTH: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.2");
pub const KP_CODE_SIGNING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.3");
pub const KP_EMAIL_PROTECTION: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.4");
pub const KP_TIME_STAMPING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.8");
pub const KP_OCSP_SIGNING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.9");

// PKCS#9 attributes.
pub const PKCS9_EXTENSION_REQUEST: Oid = Oid::new_unwrap("1.2.840.113549.1.9.14");
pub const PKCS9_FRIENDLY_NAME: Oid = Oid::new_unwrap("1.2.840.113549.1.9.20");
pub const PKCS9_LOCAL_KEY_ID: Oid = Oid::new_unwrap("1.2.840.113549.1.9.21");

// PKCS#7 / PKCS#12 (RFC 7292).
pub const PKCS7_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
pub const PKCS12_SHROUDED_KEY_BAG: Oid = Oid::new_unwrap("1.2.840.113549.1.12.10.1.2");
pub const PKCS12_CERT_BAG: Oid = Oid::new_unwrap("1.2.840.113549.1.12.10.1.3");
pub const PKCS9_X509_CERTIFICATE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.22.1");

/// Display names of signature algorithms, in the Java/Huawei spelling.
const SIGNATURE_NAMES: &[(Oid, &str)] = &[
    (SHA1_WITH_RSA, "SHA1withRSA"),
    (SHA256_WITH_RSA, "SHA256withRSA"),
    (SHA384_WITH_RSA, "SHA384withRSA"),
    (SHA512_WITH_RSA, "SHA512withRSA"),
    (RSASSA_PSS, "RSASSA-PSS"),
    (ECDSA_WITH_SHA1, "SHA1withECDSA"),
    (ECDSA_WITH_SHA256, "SHA256withECDSA"),
    (ECDSA_WITH_SHA384, "SHA384withECDSA"),
    (ECDSA_WITH_SHA512, "SHA512withECDSA"),
    (ED25519, "Ed25519"),
    (SM2_WITH_SM3, "SM3withSM2"),
];

const EXTENSION_NAMES: &[(Oid, &str)] = &[
    (EXT_SUBJECT_KEY_ID, "Subject Key Identifier"),
    (EXT_KEY_USAGE, "Key Usage"),
    (EXT_SUBJECT_ALT_NAME, "Subject Alternative Name"),
    (EXT_ISSUER_ALT_NAME, "Issuer Alternative Name"),
    (EXT_BASIC_CONSTRAINTS, "Basic Constraints"),
    (EXT_CRL_NUMBER, "CRL Number"),
    (EXT_CRL_REASON, "CRL Reason"),
    (EXT_NAME_CONSTRAINTS, "Name Constraints"),
    (EXT_CRL_DISTRIBUTION_POINTS, "CRL Distribution Points"),
    (EXT_CERTIFICATE_POLICIES, "Certificate Policies"),
    (EXT_AUTHORITY_KEY_ID, "Authority Key Identifier"),
    (EXT_EXTENDED_KEY_USAGE, "Extended Key Usage"),
    (EXT_AUTHORITY_INFO_ACCESS, "Authority Information Access"),
    (EXT_SCT_LIST, "CT Precertificate SCTs"),
];

fn lookup(table: &[(Oid, &'static str)], oid: &Oid) -> Option<&'static str> {
    table.iter().find(|(o, _)| o == oid).map(|(_, n)| *n)
}

/// Display name of a signature algorithm, in the Java/Huawei spelling.
pub fn signature_algorithm_name(oid: &Oid) -> Option<&'static str> {
    lookup(SIGNATURE_NAMES, oid)
}

/// Display name of an extension.
pub fn extension_name(oid: &Oid) -> Option<&'static str> {
    lookup(EXTENSION_NAMES, oid)
}

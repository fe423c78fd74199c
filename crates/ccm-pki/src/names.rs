//! Distinguished names and directory strings as text.

use der::asn1::{
    Any, BmpString, Ia5StringRef, ObjectIdentifier, PrintableStringRef, TeletexStringRef,
    Utf8StringRef,
};
use der::{Decode, Tag, Tagged};
use x509_cert::name::Name;

use crate::oids::*;

/// One attribute of a distinguished name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameField {
    /// Dotted OID.
    pub oid: String,
    /// `CN`, `O`, `OU`, `C`, `ST`, `L`, `emailAddress`, ... or the OID.
    pub short_name: String,
    pub value: String,
}

/// Short name of a DN attribute, as OpenSSL and RFC 4514 write it.
pub(crate) fn attribute_short_name(oid: &ObjectIdentifier) -> Option<&'static str> {
    const NAMES: &[(ObjectIdentifier, &str)] = &[
        (AT_COMMON_NAME, "CN"),
        (AT_SURNAME, "SN"),
        (AT_SERIAL_NUMBER, "serialNumber"),
        (AT_COUNTRY, "C"),
        (AT_LOCALITY, "L"),
        (AT_STATE, "ST"),
        (AT_STREET, "street"),
        (AT_ORGANIZATION, "O"),
        (AT_ORGANIZATIONAL_UNIT, "OU"),
        (AT_TITLE, "title"),
        (AT_GIVEN_NAME, "GN"),
        (AT_EMAIL, "emailAddress"),
        (AT_DOMAIN_COMPONENT, "DC"),
        (AT_USER_ID, "UID"),
    ];
    NAMES.iter().find(|(o, _)| o == oid).map(|(_, n)| *n)
}

/// Text of a directory string (or any string type); other values as `#hex`
/// of their DER, which is what RFC 4514 prescribes.
pub(crate) fn any_to_string(value: &Any) -> String {
    let text = match value.tag() {
        Tag::Utf8String => Utf8StringRef::try_from(value)
            .ok()
            .map(|s| s.as_str().to_string()),
        Tag::PrintableString => PrintableStringRef::try_from(value)
            .ok()
            .map(|s| s.as_str().to_string()),
        Tag::Ia5String => Ia5StringRef::try_from(value)
            .ok()
            .map(|s| s.as_str().to_string()),
        Tag::TeletexString => TeletexStringRef::try_from(value)
            .ok()
            .map(|s| s.as_str().to_string()),
        Tag::BmpString => der::Encode::to_der(value)
            .ok()
            .and_then(|d| BmpString::from_der(&d).ok())
            .map(|s| s.to_string()),
        _ => None,
    };
    text.unwrap_or_else(|| {
        let der = der::Encode::to_der(value).unwrap_or_default();
        format!("#{}", crate::hex_upper(&der).to_lowercase())
    })
}

/// The attributes of a name, in encoding order (country first, usually).
pub(crate) fn name_fields(name: &Name) -> Vec<NameField> {
    name.iter()
        .map(|atv| NameField {
            oid: atv.oid.to_string(),
            short_name: attribute_short_name(&atv.oid)
                .map(str::to_string)
                .unwrap_or_else(|| atv.oid.to_string()),
            value: any_to_string(&atv.value),
        })
        .collect()
}

fn escape_rfc4514(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        let special = matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';')
            || (i == 0 && (c == '#' || c == ' '))
            || (i == last && c == ' ');
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// RFC 4514 text: last RDN first, `,` between RDNs, `+` inside one.
pub(crate) fn name_to_string(name: &Name) -> String {
    let rdns: Vec<String> = name
        .iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(|atv| {
                    let key = attribute_short_name(&atv.oid)
                        .map(str::to_string)
                        .unwrap_or_else(|| atv.oid.to_string());
                    let value = any_to_string(&atv.value);
                    if value.starts_with('#') && atv.value.tag() != Tag::Utf8String {
                        format!("{key}={value}")
                    } else {
                        format!("{key}={}", escape_rfc4514(&value))
                    }
                })
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect();
    rdns.into_iter().rev().collect::<Vec<_>>().join(",")
}

/// The first value of an attribute, as text.
pub(crate) fn first_value(name: &Name, oid: ObjectIdentifier) -> Option<String> {
    name.iter()
        .find(|atv| atv.oid == oid)
        .map(|atv| any_to_string(&atv.value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::str::FromStr;

    #[test]
    fn formats_rfc4514_in_reverse() {
        let name = Name::from_str("CN=a\\,b,O=Org,C=CN").unwrap();
        let fields = name_fields(&name);
        // FromStr takes RFC 4514 text, so the encoding order is the reverse.
        assert_eq!(fields[0].short_name, "C");
        assert_eq!(fields[2].value, "a,b");
        assert_eq!(name_to_string(&name), "CN=a\\,b,O=Org,C=CN");
        assert_eq!(first_value(&name, AT_ORGANIZATION).as_deref(), Some("Org"));
        assert_eq!(first_value(&name, AT_LOCALITY), None);
    }

    #[test]
    fn escapes() {
        assert_eq!(escape_rfc4514(" a+b "), "\\ a\\+b\\ ");
        assert_eq!(escape_rfc4514("#x"), "\\#x");
    }
}

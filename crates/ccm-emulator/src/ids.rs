//! Identifiers the service hands out: resource ids and certificate serial
//! numbers.

use rand::Rng;
use time::OffsetDateTime;

/// A new resource id (CA, certificate): a random UUID, version 4, in the
/// 36-character form the API uses.
pub fn uuid_v4() -> String {
    uuid::Uuid::new_v4().hyphenated().to_string()
}

/// A new id in IAM's 32-hex-digit form (agency ids and the like).
pub fn hex_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// A serial number in the live service's style, for a new certificate:
/// the issue time as UTC `yyyyMMddHHmmss` and ten random digits (the
/// reference shows `202203070322544291829058`). The digits are read as
/// hexadecimal, so [`serial_text`] of the bytes is that same text, which is
/// also exactly what `openssl x509 -serial` prints: the API's
/// `serial_number`, the certificate and the CRL all show one value.
pub fn new_serial(now_ms: i64) -> Vec<u8> {
    let at = OffsetDateTime::from_unix_timestamp(now_ms.div_euclid(1000)).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let random: u64 = rand::thread_rng().gen_range(0..10_000_000_000);
    let text = format!(
        "{:04}{:02}{:02}{:02}{:02}{:02}{random:010}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    );
    hex_to_bytes(&text).unwrap_or_else(|| vec![1])
}

/// Serial bytes as upper-case hexadecimal, whole bytes, no leading zero
/// bytes: the `serial_number` of the answers and of
/// [`crate::state::RevokedSerial`].
pub fn serial_text(serial: &[u8]) -> String {
    let hex: String = serial.iter().map(|b| format!("{b:02X}")).collect();
    match hex.trim_start_matches('0') {
        "" => "0".to_owned(),
        t if t.len() % 2 == 1 => format!("0{t}"),
        t => t.to_owned(),
    }
}

/// Bytes of a hexadecimal serial (odd length allowed); `None` when it is
/// not hexadecimal.
pub fn hex_to_bytes(hex: &str) -> Option<Vec<u8>> {
    let hex = hex.trim();
    if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let padded = if hex.len() % 2 == 1 { format!("0{hex}") } else { hex.to_owned() };
    (0..padded.len()).step_by(2).map(|i| u8::from_str_radix(&padded[i..i + 2], 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_4() {
        let a = uuid_v4();
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(ccm_api::validate::is_uuid(&a));
        assert_ne!(a, uuid_v4());
        assert_eq!(hex_id().len(), 32);
    }

    #[test]
    fn serials_look_like_the_live_ones() {
        // 2022-03-07T03:22:54Z, as in the reference's CA list example.
        let s = new_serial(1_646_623_374_000);
        let text = serial_text(&s);
        assert_eq!(text.len(), 24);
        assert!(text.starts_with("20220307032254"), "{text}");
        assert!(text.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(s.len(), 12);
        assert_eq!(s[0], 0x20);
    }

    #[test]
    fn hex_forms() {
        assert_eq!(serial_text(&[0, 0x0a, 0xbc]), "0ABC");
        assert_eq!(serial_text(&[0, 0]), "0");
        assert_eq!(hex_to_bytes("ABC"), Some(vec![0x0a, 0xbc]));
        assert_eq!(hex_to_bytes("0ABC"), Some(vec![0x0a, 0xbc]));
        assert_eq!(hex_to_bytes("xy"), None);
        assert_eq!(hex_to_bytes(""), None);
    }
}

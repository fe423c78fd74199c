//! SDK-HMAC-SHA256, the AK/SK request signature of Huawei Cloud APIs.
//!
//! The steps follow what the official SDK does (see the project's test
//! vectors, produced by that SDK): canonical request, string to sign,
//! HMAC-SHA256 with the secret key. The caller passes the time so that the
//! code stays pure (the browser has no `SystemTime`).

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

pub const ALGORITHM: &str = "SDK-HMAC-SHA256";

/// Hex SHA-256 of an empty body.
pub const EMPTY_BODY_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Percent-encodes everything but the unreserved set `A-Z a-z 0-9 - _ . ~`.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes `%XX` escapes (used when the receiver rebuilds the canonical form).
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex_digit = |c: u8| (c as char).to_digit(16);
            if let (Some(hi), Some(lo)) = (hex_digit(bytes[i + 1]), hex_digit(bytes[i + 2])) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Canonical URI: every segment decoded then encoded again, always ending
/// in `/`, so `/a/b` and `/a/b/` sign the same.
pub fn canonical_uri(path: &str) -> String {
    let segments: Vec<String> = path
        .split('/')
        .map(|seg| encode_component(&decode_component(seg)))
        .collect();
    let mut uri = segments.join("/");
    if !uri.starts_with('/') {
        uri.insert(0, '/');
    }
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Sorted, encoded query string (see NOTES on SDK signing, step 4).
pub fn canonical_query(pairs: &[(String, String)]) -> String {
    let mut encoded: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (encode_component(k), encode_component(v)))
        .collect();
    encoded.sort();
    encoded
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// Canonical query from a raw query string as received (`a=1&b=x%20y`).
pub fn canonical_query_from_raw(raw: &str) -> String {
    let pairs: Vec<(String, String)> = raw
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode_component(k), decode_component(v))
        })
        .collect();
    canonical_query(&pairs)
}

/// Hex SHA-256 of the body bytes.
pub fn payload_hash(body: &[u8]) -> String {
    hex::encode(Sha256::digest(body))
}

/// What gets signed: method, path, query, headers and body of one request.
#[derive(Debug, Clone)]
pub struct SigningInput<'a> {
    pub method: &'a str,
    /// The upstream host (`ccm.ap-southeast-3.myhuaweicloud.com`), signed as `host`.
    pub host: &'a str,
    pub path: &'a str,
    /// The canonical query string (see [`canonical_query`]).
    pub canonical_query: &'a str,
    /// Headers that are sent, other than `Host` and `Authorization`.
    pub headers: &'a [(&'a str, &'a str)],
    pub body: &'a [u8],
}

impl SigningInput<'_> {
    /// Lower-cased, sorted headers that take part in the signature. Names
    /// with an underscore are left out, as the SDK does.
    fn signed_headers(&self) -> Vec<(String, String)> {
        let mut headers: Vec<(String, String)> = self
            .headers
            .iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v.trim().to_owned()))
            .filter(|(k, _)| !k.contains('_') && k != "authorization" && k != "host")
            .collect();
        headers.push(("host".to_owned(), self.host.to_owned()));
        headers.sort();
        headers
    }

    pub fn signed_header_names(&self) -> String {
        self.signed_headers()
            .into_iter()
            .map(|(k, _)| k)
            .collect::<Vec<_>>()
            .join(";")
    }

    pub fn canonical_request(&self) -> String {
        let headers = self.signed_headers();
        let mut out = format!(
            "{}\n{}\n{}\n",
            self.method,
            canonical_uri(self.path),
            self.canonical_query
        );
        for (k, v) in &headers {
            out.push_str(&format!("{k}:{v}\n"));
        }
        out.push('\n');
        out.push_str(&self.signed_header_names());
        out.push('\n');
        out.push_str(&payload_hash(self.body));
        out
    }

    pub fn string_to_sign(&self, sdk_date: &str) -> String {
        format!(
            "{ALGORITHM}\n{sdk_date}\n{}",
            hex::encode(Sha256::digest(self.canonical_request().as_bytes()))
        )
    }

    /// Hex signature over this input with the secret key.
    pub fn signature(&self, sdk_date: &str, sk: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(sk.as_bytes()).expect("HMAC takes any key length");
        mac.update(self.string_to_sign(sdk_date).as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// The `Authorization` header value.
    pub fn authorization(&self, sdk_date: &str, ak: &str, sk: &str) -> String {
        format!(
            "{ALGORITHM} Access={ak}, SignedHeaders={}, Signature={}",
            self.signed_header_names(),
            self.signature(sdk_date, sk)
        )
    }
}

/// `X-Sdk-Date` from a Unix time in milliseconds (UTC, `YYYYMMDDTHHMMSSZ`).
pub fn sdk_date(unix_millis: f64) -> String {
    let secs = (unix_millis / 1000.0).floor() as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Parses `X-Sdk-Date` back to Unix seconds (for the receiver's clock-skew check).
pub fn parse_sdk_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(4..6)?, num(6..8)?);
    let (hh, mm, ss) = (num(9..11)?, num(11..13)?, num(13..15)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    Some(days_from_civil(y, m as u32, d as u32) * 86_400 + hh * 3600 + mm * 60 + ss)
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Reads `Access`, `SignedHeaders` and `Signature` out of an Authorization value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedAuthorization {
    pub access: String,
    pub signed_headers: Vec<String>,
    pub signature: String,
}

pub fn parse_authorization(value: &str) -> Option<ParsedAuthorization> {
    let rest = value.strip_prefix(ALGORITHM)?.trim_start();
    let mut access = None;
    let mut signed = None;
    let mut signature = None;
    for part in rest.split(',') {
        let (k, v) = part.trim().split_once('=')?;
        match k {
            "Access" => access = Some(v.to_owned()),
            "SignedHeaders" => signed = Some(v.split(';').map(str::to_owned).collect()),
            "Signature" => signature = Some(v.to_owned()),
            _ => {}
        }
    }
    Some(ParsedAuthorization { access: access?, signed_headers: signed?, signature: signature? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_keeps_only_unreserved() {
        assert_eq!(encode_component("a-Z_0.~"), "a-Z_0.~");
        assert_eq!(encode_component("my root/CA"), "my%20root%2FCA");
        assert_eq!(encode_component("é"), "%C3%A9");
        assert_eq!(decode_component("my%20root%2FCA"), "my root/CA");
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%zz"), "%zz");
    }

    #[test]
    fn canonical_uri_always_ends_in_slash() {
        assert_eq!(canonical_uri("/v3/scm/certificates"), "/v3/scm/certificates/");
        assert_eq!(canonical_uri("/v3/scm/certificates/"), "/v3/scm/certificates/");
        assert_eq!(canonical_uri("/a%20b/c"), "/a%20b/c/");
    }

    #[test]
    fn sdk_date_round_trips() {
        // 2024-01-15T08:30:00Z
        let ms = 1_705_307_400_000.0;
        assert_eq!(sdk_date(ms), "20240115T083000Z");
        assert_eq!(parse_sdk_date("20240115T083000Z"), Some(1_705_307_400));
        assert_eq!(sdk_date(951_782_400_000.0), "20000229T000000Z");
        assert_eq!(parse_sdk_date("2024-01-15T08:30"), None);
        assert_eq!(parse_sdk_date("20241315T083000Z"), None);
    }

    #[test]
    fn authorization_parses() {
        let p = parse_authorization(
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=abc",
        )
        .unwrap();
        assert_eq!(p.access, "AK");
        assert_eq!(p.signed_headers, vec!["host", "x-sdk-date"]);
        assert_eq!(p.signature, "abc");
        assert!(parse_authorization("Bearer x").is_none());
    }
}

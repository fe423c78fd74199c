//! Which upstream hosts the proxy may reach. Pure: no DNS, no I/O.
//!
//! The host comes from the URL path (`/proxy/{host}/...`), so anyone who can
//! reach the server chooses it. The rules are strict on purpose: only plain
//! lower-case DNS names that match the allowlist pass. Everything a URL
//! parser or resolver might reinterpret (IP literals in any notation,
//! userinfo, ports, percent-encoding, unicode, trailing dots) is refused
//! before the allowlist is even consulted, so the allowlist only ever
//! compares plain names.

use std::fmt;
use std::net::Ipv6Addr;
use std::str::FromStr;

/// Patterns allowed when no `--allow-host` is given (and always kept).
pub const DEFAULT_ALLOWED: [&str; 2] = ["*.myhuaweicloud.com", "*.myhuaweicloud.eu"];

const MAX_HOST_LEN: usize = 253;
const MAX_LABEL_LEN: usize = 63;

/// Why a host was refused. Each maps to a `PROXY.*` error code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostError {
    #[error("the upstream host is missing from the proxy URL")]
    Empty,
    #[error("the upstream host is longer than a DNS name may be")]
    TooLong,
    #[error("percent-encoded upstream hosts are not accepted; write the host name plainly")]
    PercentEncoded,
    #[error("only plain ASCII host names are accepted, not unicode")]
    NotAscii,
    #[error("user names or passwords in the upstream host are not accepted")]
    Userinfo,
    #[error("IP addresses are not accepted as upstream hosts; use an allowed DNS name")]
    IpLiteral,
    #[error("a port in the upstream host is not accepted; the proxy always uses HTTPS on 443")]
    Port,
    #[error("the upstream host must not end with a dot")]
    TrailingDot,
    #[error("the upstream host has an empty label (two dots in a row or a leading dot)")]
    EmptyLabel,
    #[error("the upstream host is not a valid DNS name")]
    InvalidName,
    #[error("this upstream host is not on the proxy's allowlist")]
    NotAllowed,
}

impl HostError {
    /// The `error_code` sent to the client, in the cloud API's style.
    pub fn code(&self) -> &'static str {
        match self {
            HostError::Empty => "PROXY.HOST_MISSING",
            HostError::TooLong => "PROXY.HOST_TOO_LONG",
            HostError::PercentEncoded => "PROXY.HOST_PERCENT_ENCODED",
            HostError::NotAscii => "PROXY.HOST_NOT_ASCII",
            HostError::Userinfo => "PROXY.HOST_USERINFO",
            HostError::IpLiteral => "PROXY.HOST_IP_LITERAL",
            HostError::Port => "PROXY.HOST_PORT",
            HostError::TrailingDot => "PROXY.HOST_TRAILING_DOT",
            HostError::EmptyLabel => "PROXY.HOST_EMPTY_LABEL",
            HostError::InvalidName => "PROXY.HOST_INVALID",
            HostError::NotAllowed => "PROXY.HOST_NOT_ALLOWED",
        }
    }
}

/// A validated, lower-case DNS host name (no port, no trailing dot).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Host(String);

impl Host {
    /// Checks the syntax only (not the allowlist).
    pub fn parse(raw: &str) -> Result<Host, HostError> {
        if raw.is_empty() {
            return Err(HostError::Empty);
        }
        if raw.len() > MAX_HOST_LEN + 1 {
            return Err(HostError::TooLong);
        }
        // Percent-encoding first: a decoded `%2e` or `%40` must never be
        // reinterpreted later, so the encoded form is refused outright.
        if raw.contains('%') {
            return Err(HostError::PercentEncoded);
        }
        if !raw.is_ascii() {
            return Err(HostError::NotAscii);
        }
        if raw.contains('@') {
            return Err(HostError::Userinfo);
        }
        if raw.starts_with('[') || raw.contains(']') || raw.parse::<Ipv6Addr>().is_ok() {
            return Err(HostError::IpLiteral);
        }
        if let Some((name, port)) = raw.rsplit_once(':') {
            if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) && !name.contains(':') {
                // `127.0.0.1:80` is both; report the IP, the graver of the two.
                return Err(if ends_in_number(name) {
                    HostError::IpLiteral
                } else {
                    HostError::Port
                });
            }
            return Err(HostError::InvalidName);
        }
        let lower = raw.to_ascii_lowercase();
        if lower.ends_with('.') {
            // `127.0.0.1.` is still an IP literal to a URL parser.
            return Err(if ends_in_number(lower.trim_end_matches('.')) {
                HostError::IpLiteral
            } else {
                HostError::TrailingDot
            });
        }
        // The WHATWG URL rule: a host whose last label is a number (decimal,
        // `0x` hex, or octal by leading zero) is parsed as IPv4. That covers
        // `127.0.0.1`, `127.1`, `2130706433`, `0177.0.0.1`, `0x7f.0.0.1`.
        if ends_in_number(&lower) {
            return Err(HostError::IpLiteral);
        }
        if lower.len() > MAX_HOST_LEN {
            return Err(HostError::TooLong);
        }
        for label in lower.split('.') {
            if label.is_empty() {
                return Err(HostError::EmptyLabel);
            }
            if !valid_label(label) {
                return Err(HostError::InvalidName);
            }
        }
        Ok(Host(lower))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// LDH rule: letters, digits, hyphens; no hyphen at either end.
fn valid_label(label: &str) -> bool {
    label.len() <= MAX_LABEL_LEN
        && label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// True when the last non-empty label would be read as an IPv4 number.
fn ends_in_number(host: &str) -> bool {
    let last = match host.trim_end_matches('.').rsplit('.').next() {
        Some(l) if !l.is_empty() => l,
        _ => return false,
    };
    if last.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    match last.strip_prefix("0x").or_else(|| last.strip_prefix("0X")) {
        Some(hex) => hex.bytes().all(|b| b.is_ascii_hexdigit()),
        None => false,
    }
}

/// One allowlist entry: `*.example.com` (any subdomain, at a dot boundary)
/// or `api.example.com` (exactly that host).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostPattern {
    Exact(Host),
    /// Stores the suffix without the `*.`.
    Subdomains(Host),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid host pattern {pattern:?}: {reason}")]
pub struct PatternError {
    pub pattern: String,
    pub reason: String,
}

impl FromStr for HostPattern {
    type Err = PatternError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |reason: String| PatternError {
            pattern: s.to_string(),
            reason,
        };
        let (wild, name) = match s.strip_prefix("*.") {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        if name.contains('*') {
            return Err(err("`*` is only allowed as a leading `*.`".into()));
        }
        let host = Host::parse(name).map_err(|e| err(e.to_string()))?;
        // `*.com` would allow a whole TLD: almost certainly a mistake.
        if wild && !host.as_str().contains('.') {
            return Err(err("a wildcard needs at least two labels after `*.`".into()));
        }
        Ok(if wild {
            HostPattern::Subdomains(host)
        } else {
            HostPattern::Exact(host)
        })
    }
}

impl HostPattern {
    pub fn matches(&self, host: &Host) -> bool {
        match self {
            HostPattern::Exact(h) => h == host,
            HostPattern::Subdomains(suffix) => {
                let (h, s) = (host.as_str(), suffix.as_str());
                h.len() > s.len() + 1
                    && h.ends_with(s)
                    && h.as_bytes()[h.len() - s.len() - 1] == b'.'
            }
        }
    }
}

impl fmt::Display for HostPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostPattern::Exact(h) => write!(f, "{h}"),
            HostPattern::Subdomains(h) => write!(f, "*.{h}"),
        }
    }
}

/// The set of hosts the proxy may reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowList {
    patterns: Vec<HostPattern>,
}

impl Default for AllowList {
    /// The Huawei Cloud endpoints (`*.myhuaweicloud.com`, `*.myhuaweicloud.eu`).
    fn default() -> Self {
        let patterns = DEFAULT_ALLOWED
            .iter()
            .map(|p| p.parse().expect("default patterns are valid"))
            .collect();
        AllowList { patterns }
    }
}

impl AllowList {
    /// The defaults plus `extra`.
    pub fn with_extra(extra: impl IntoIterator<Item = HostPattern>) -> Self {
        let mut list = AllowList::default();
        list.patterns.extend(extra);
        list
    }

    pub fn patterns(&self) -> &[HostPattern] {
        &self.patterns
    }

    pub fn allows(&self, host: &Host) -> bool {
        self.patterns.iter().any(|p| p.matches(host))
    }

    /// Syntax check, then allowlist: the one entry point the proxy uses.
    pub fn check(&self, raw: &str) -> Result<Host, HostError> {
        let host = Host::parse(raw)?;
        if self.allows(&host) {
            Ok(host)
        } else {
            Err(HostError::NotAllowed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str) -> Result<String, HostError> {
        AllowList::default().check(raw).map(|h| h.0)
    }

    #[test]
    fn accepts_huawei_endpoints() {
        for h in [
            "ccm.ap-southeast-3.myhuaweicloud.com",
            "iam.cn-north-4.myhuaweicloud.com",
            "scm.myhuaweicloud.com",
            "ccm.eu-west-101.myhuaweicloud.eu",
        ] {
            assert_eq!(check(h).as_deref(), Ok(h), "{h}");
        }
    }

    #[test]
    fn normalises_upper_case() {
        assert_eq!(
            check("CCM.AP-Southeast-3.MyHuaweiCloud.COM").as_deref(),
            Ok("ccm.ap-southeast-3.myhuaweicloud.com")
        );
    }

    #[test]
    fn refuses_ip_literals_in_every_notation() {
        for h in [
            "127.0.0.1",
            "10.0.0.1",
            "169.254.169.254",
            "2130706433",
            "0177.0.0.1",
            "0x7f.0.0.1",
            "0x7f000001",
            "0X7F.1",
            "127.1",
            "127.0.1",
            "0",
            "127.0.0.1.",
            "[::1]",
            "::1",
            "::ffff:127.0.0.1",
            "[::ffff:127.0.0.1]",
            "[::ffff:7f00:1]",
            "fe80::1",
            "127.0.0.1:443",
            "[::1]:443",
        ] {
            assert_eq!(check(h), Err(HostError::IpLiteral), "{h}");
        }
    }

    #[test]
    fn refuses_userinfo_ports_encodings() {
        let cases: &[(&str, HostError)] = &[
            (
                "user@ccm.ap-southeast-3.myhuaweicloud.com",
                HostError::Userinfo,
            ),
            (
                "ccm.ap-southeast-3.myhuaweicloud.com@evil.com",
                HostError::Userinfo,
            ),
            ("user:pw@ccm.myhuaweicloud.com", HostError::Userinfo),
            ("ccm.myhuaweicloud.com:443", HostError::Port),
            ("ccm.myhuaweicloud.com:8443", HostError::Port),
            ("ccm.myhuaweicloud.com:", HostError::InvalidName),
            ("ccm%2emyhuaweicloud.com", HostError::PercentEncoded),
            ("%31%32%37.0.0.1", HostError::PercentEncoded),
            (
                "ccm.myhuaweicloud.com%2f.evil.com",
                HostError::PercentEncoded,
            ),
            ("ccm.myhuaweiclоud.com", HostError::NotAscii), // Cyrillic о
            ("ccm.myhuaweicloud.com\u{3002}evil.com", HostError::NotAscii), // ideographic full stop
            ("ccm.myhuaweicloud.com.", HostError::TrailingDot),
            (".ccm.myhuaweicloud.com", HostError::EmptyLabel),
            ("ccm..myhuaweicloud.com", HostError::EmptyLabel),
            ("ccm_x.myhuaweicloud.com", HostError::InvalidName),
            ("-ccm.myhuaweicloud.com", HostError::InvalidName),
            ("ccm-.myhuaweicloud.com", HostError::InvalidName),
            ("ccm.myhuaweicloud.com\\evil.com", HostError::InvalidName),
            ("ccm.myhuaweicloud.com/x", HostError::InvalidName),
            ("ccm.myhuaweicloud.com?x", HostError::InvalidName),
            ("ccm.myhuaweicloud.com#x", HostError::InvalidName),
            ("ccm myhuaweicloud.com", HostError::InvalidName),
            ("", HostError::Empty),
        ];
        for (h, want) in cases {
            assert_eq!(check(h).as_ref(), Err(want), "{h:?}");
        }
    }

    #[test]
    fn refuses_lookalikes_outside_the_allowlist() {
        for h in [
            "myhuaweicloud.com",
            "myhuaweicloud.eu",
            "evilmyhuaweicloud.com",
            "myhuaweicloud.com.evil.com",
            "ccm.myhuaweicloud.com.evil.com",
            "ccm.myhuaweicloud.co",
            "ccm.myhuaweicloud.comm",
            "localhost",
            "metadata.google.internal",
            "example.com",
        ] {
            assert_eq!(check(h), Err(HostError::NotAllowed), "{h}");
        }
    }

    #[test]
    fn length_limits() {
        let long_label = format!("{}.myhuaweicloud.com", "a".repeat(64));
        assert_eq!(check(&long_label), Err(HostError::InvalidName));
        let ok_label = format!("{}.myhuaweicloud.com", "a".repeat(63));
        assert!(check(&ok_label).is_ok());
        let too_long = format!("{}myhuaweicloud.com", "a.".repeat(130));
        assert_eq!(check(&too_long), Err(HostError::TooLong));
    }

    #[test]
    fn patterns_match_at_dot_boundary() {
        let p: HostPattern = "*.example.com".parse().unwrap();
        let h = |s: &str| Host::parse(s).unwrap();
        assert!(p.matches(&h("api.example.com")));
        assert!(p.matches(&h("a.b.example.com")));
        assert!(!p.matches(&h("example.com")));
        assert!(!p.matches(&h("evilexample.com")));
        assert!(!p.matches(&h("example.com.evil.com")));

        let exact: HostPattern = "API.Example.com".parse().unwrap();
        assert_eq!(exact.to_string(), "api.example.com");
        assert!(exact.matches(&h("api.example.com")));
        assert!(!exact.matches(&h("x.api.example.com")));
        assert!(!exact.matches(&h("example.com")));
    }

    #[test]
    fn bad_patterns_are_refused() {
        for p in [
            "*",
            "*.com",
            "a.*.com",
            "*example.com",
            "**.example.com",
            "127.0.0.1",
            "*.0x7f",
            "x.com:443",
            "",
        ] {
            assert!(p.parse::<HostPattern>().is_err(), "{p}");
        }
    }

    #[test]
    fn extra_patterns_extend_the_defaults() {
        let list = AllowList::with_extra([
            "*.example.com".parse().unwrap(),
            "api.test.org".parse().unwrap(),
        ]);
        assert!(list.check("x.example.com").is_ok());
        assert!(list.check("api.test.org").is_ok());
        assert!(list.check("ccm.myhuaweicloud.com").is_ok());
        assert_eq!(list.check("test.org"), Err(HostError::NotAllowed));
        assert_eq!(list.check("example.com"), Err(HostError::NotAllowed));
    }

    #[test]
    fn codes_are_proxy_namespaced() {
        for e in [
            HostError::Empty,
            HostError::IpLiteral,
            HostError::NotAllowed,
            HostError::Port,
        ] {
            assert!(e.code().starts_with("PROXY."));
            assert!(!e.to_string().is_empty());
        }
    }
}

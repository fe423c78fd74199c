//! Which host serves which API, by region (the official SDK's region tables).

use serde::{Deserialize, Serialize};

/// The three services the console talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Service {
    /// Private CA and private certificates (PCA, API v1), `ccm.{region}…`.
    Ccm,
    /// SSL certificates (SCM, API v3), `scm.{region}…`.
    Scm,
    /// Identity (tokens, domains, projects), `iam.{region}…`.
    Iam,
}

impl Service {
    pub const ALL: [Service; 3] = [Service::Ccm, Service::Scm, Service::Iam];

    pub fn label(self) -> &'static str {
        match self {
            Service::Ccm => "CCM (private CA)",
            Service::Scm => "SCM (SSL certificates)",
            Service::Iam => "IAM",
        }
    }
}

/// Regions where the SDK knows a CCM (PCA) endpoint. The first is the
/// international default.
pub const CCM_REGIONS: &[&str] = &[
    "ap-southeast-3",
    "cn-north-4",
    "eu-west-101",
    "ru-moscow-1",
    "my-kualalumpur-1",
    "sa-brazil-1",
];

/// Regions where the SDK knows an SCM endpoint. The first is the
/// international default.
pub const SCM_REGIONS: &[&str] = &["ap-southeast-1", "cn-north-4", "my-kualalumpur-1"];

/// The CCM host of a region (`sa-brazil-1` is served by the global host).
pub fn ccm_host(region: &str) -> String {
    match region {
        "sa-brazil-1" => "ccm.myhuaweicloud.com".to_owned(),
        r => format!("ccm.{r}.myhuaweicloud.com"),
    }
}

pub fn scm_host(region: &str) -> String {
    format!("scm.{region}.myhuaweicloud.com")
}

/// The IAM host of a region; the European region lives under `.eu`, and an
/// empty region means the global endpoint.
pub fn iam_host(region: &str) -> String {
    match region {
        "" => "iam.myhuaweicloud.com".to_owned(),
        "eu-west-101" => "iam.eu-west-101.myhuaweicloud.eu".to_owned(),
        r => format!("iam.{r}.myhuaweicloud.com"),
    }
}

/// The hosts one connection profile talks to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoints {
    pub ccm: String,
    pub scm: String,
    pub iam: String,
}

impl Endpoints {
    /// Hosts from region presets; IAM follows the CCM region.
    pub fn for_regions(ccm_region: &str, scm_region: &str) -> Self {
        Endpoints {
            ccm: ccm_host(ccm_region),
            scm: scm_host(scm_region),
            iam: iam_host(ccm_region),
        }
    }

    pub fn host(&self, service: Service) -> &str {
        match service {
            Service::Ccm => &self.ccm,
            Service::Scm => &self.scm,
            Service::Iam => &self.iam,
        }
    }
}

/// Checks a custom endpoint typed by the user: a bare host name, optionally
/// with a port (`ccm.example.internal:8443`), no scheme, path or userinfo.
/// Why a host name is refused; `Display` is the English message (a
/// console words it per locale).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostProblem {
    Empty,
    /// `https://` given with the host.
    HasScheme,
    /// A path, query, user or spaces.
    HasExtra,
    BadPort(String),
    BadName(String),
}

impl std::fmt::Display for HostProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HostProblem::Empty => f.write_str("enter a host name such as ccm.ap-southeast-3.myhuaweicloud.com"),
            HostProblem::HasScheme => f.write_str("enter the host only, without https://"),
            HostProblem::HasExtra => f.write_str("a host has no path, query, user or spaces"),
            HostProblem::BadPort(p) => write!(f, "'{p}' is not a port number (1-65535)"),
            HostProblem::BadName(n) => write!(f, "'{n}' is not a valid host name"),
        }
    }
}

pub fn validate_host(host: &str) -> Result<(), HostProblem> {
    if host.is_empty() {
        return Err(HostProblem::Empty);
    }
    if host.contains("://") {
        return Err(HostProblem::HasScheme);
    }
    if host.contains(['/', '@', '?', '#', ' ']) {
        return Err(HostProblem::HasExtra);
    }
    let (name, port) = match host.rsplit_once(':') {
        Some((n, p)) => (n, Some(p)),
        None => (host, None),
    };
    if let Some(p) = port {
        if p.parse::<u16>().map(|p| p == 0).unwrap_or(true) {
            return Err(HostProblem::BadPort(p.to_owned()));
        }
    }
    if name.len() > 253
        || name
            .split('.')
            .any(|l| l.is_empty() || l.len() > 63 || l.starts_with('-') || l.ends_with('-') || !l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    {
        return Err(HostProblem::BadName(name.to_owned()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_follow_the_sdk_tables() {
        assert_eq!(ccm_host("ap-southeast-3"), "ccm.ap-southeast-3.myhuaweicloud.com");
        assert_eq!(ccm_host("sa-brazil-1"), "ccm.myhuaweicloud.com");
        assert_eq!(scm_host("ap-southeast-1"), "scm.ap-southeast-1.myhuaweicloud.com");
        assert_eq!(iam_host("eu-west-101"), "iam.eu-west-101.myhuaweicloud.eu");
        assert_eq!(iam_host(""), "iam.myhuaweicloud.com");
        let e = Endpoints::for_regions("eu-west-101", "ap-southeast-1");
        assert_eq!(e.host(Service::Iam), "iam.eu-west-101.myhuaweicloud.eu");
        assert_eq!(e.host(Service::Ccm), "ccm.eu-west-101.myhuaweicloud.com");
    }

    #[test]
    fn custom_hosts_are_checked() {
        assert!(validate_host("ccm.example.internal").is_ok());
        assert!(validate_host("localhost:8443").is_ok());
        assert_eq!(validate_host(""), Err(HostProblem::Empty));
        assert_eq!(validate_host("ccm.example:0"), Err(HostProblem::BadPort("0".into())));
        assert_eq!(validate_host("-bad.example"), Err(HostProblem::BadName("-bad.example".into())));
        assert!(validate_host("https://ccm.example").is_err());
        assert!(validate_host("ccm.example/path").is_err());
        assert!(validate_host("user@ccm.example").is_err());
        assert!(validate_host("ccm..example").is_err());
        assert!(validate_host("ccm.example:99999").is_err());
        assert!(validate_host("-bad.example").is_err());
    }
}

//! Connection profiles: where the API is and how to reach it. Pure data
//! and rules, tested natively; kept in localStorage (no secrets here).

use ccm_api::endpoints::{self, validate_host, Endpoints, HostProblem, CCM_REGIONS, SCM_REGIONS};
use serde::{Deserialize, Serialize};

/// Same-origin proxy path served by ccm-serve and the nginx recipe.
pub const DEFAULT_PROXY: &str = "/proxy";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub ccm_region: String,
    pub scm_region: String,
    /// Hosts typed by the user, used instead of the region presets.
    #[serde(default)]
    pub custom_endpoints: Option<Endpoints>,
    /// Base URL of the CORS proxy; `None` calls the API hosts directly.
    #[serde(default)]
    pub proxy: Option<String>,
    /// Account (domain) id, sent as `X-Domain-Id` with AK/SK signatures.
    #[serde(default)]
    pub domain_id: String,
    /// Account (domain) name, used for IAM password sign-in.
    #[serde(default)]
    pub account_name: String,
}

impl Profile {
    pub fn new_default(id: String) -> Self {
        Profile {
            id,
            name: "Default".to_owned(),
            ccm_region: CCM_REGIONS[0].to_owned(),
            scm_region: SCM_REGIONS[0].to_owned(),
            custom_endpoints: None,
            proxy: Some(DEFAULT_PROXY.to_owned()),
            domain_id: String::new(),
            account_name: String::new(),
        }
    }

    pub fn endpoints(&self) -> Endpoints {
        self.custom_endpoints
            .clone()
            .unwrap_or_else(|| Endpoints::for_regions(&self.ccm_region, &self.scm_region))
    }

    /// Every problem with this profile, by field, so the form can show them all.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        let mut flag = |field: &'static str, problem: ProfileProblem| out.push(FieldProblem { field, problem });
        let name = self.name.trim();
        if name.is_empty() {
            flag("name", ProfileProblem::NameMissing);
        } else if name.chars().count() > 64 {
            flag("name", ProfileProblem::TooLong { max: 64 });
        }
        if self.custom_endpoints.is_none() {
            if !CCM_REGIONS.contains(&self.ccm_region.as_str()) {
                flag("ccm_region", ProfileProblem::UnknownRegion { known: CCM_REGIONS });
            }
            if !SCM_REGIONS.contains(&self.scm_region.as_str()) {
                flag("scm_region", ProfileProblem::UnknownRegion { known: SCM_REGIONS });
            }
        }
        if let Some(e) = &self.custom_endpoints {
            for (field, host) in [("ccm_host", &e.ccm), ("scm_host", &e.scm), ("iam_host", &e.iam)] {
                if let Err(m) = validate_host(host) {
                    flag(field, ProfileProblem::Host(m));
                }
            }
        }
        if let Some(p) = &self.proxy {
            if let Err(m) = validate_proxy(p) {
                flag("proxy", ProfileProblem::Proxy(m));
            }
        }
        if !self.domain_id.is_empty() && !is_domain_id(&self.domain_id) {
            flag("domain_id", ProfileProblem::DomainId);
        }
        if self.account_name.chars().count() > 64 {
            flag("account_name", ProfileProblem::TooLong { max: 64 });
        }
        out
    }
}

/// What is wrong with one field of a profile (worded per locale by the
/// settings page, `pages/settings/problem_words.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub problem: ProfileProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileProblem {
    NameMissing,
    TooLong { max: usize },
    UnknownRegion { known: &'static [&'static str] },
    Host(HostProblem),
    Proxy(ProxyProblem),
    /// Not 32 hexadecimal characters.
    DomainId,
}

/// Why a proxy base is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProxyProblem {
    Empty,
    /// A query, fragment or spaces.
    HasExtra,
    /// Neither a path (`/`) nor http(s).
    BadStart,
    HasCredentials,
    Host(HostProblem),
}

/// A proxy base is a same-origin path (`/proxy`) or an http(s) URL, with no
/// query, fragment or credentials.
pub fn validate_proxy(p: &str) -> Result<(), ProxyProblem> {
    let p = p.trim();
    if p.is_empty() {
        return Err(ProxyProblem::Empty);
    }
    if p.contains(['?', '#', ' ']) {
        return Err(ProxyProblem::HasExtra);
    }
    if p.starts_with('/') && !p.starts_with("//") {
        return Ok(());
    }
    let rest = p
        .strip_prefix("https://")
        .or_else(|| p.strip_prefix("http://"))
        .ok_or(ProxyProblem::BadStart)?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.contains('@') {
        return Err(ProxyProblem::HasCredentials);
    }
    validate_host(host).map_err(ProxyProblem::Host)
}

pub fn is_domain_id(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Everything kept in localStorage: the profiles and which one is in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ProfileBook {
    pub profiles: Vec<Profile>,
    pub active: Option<String>,
}

impl ProfileBook {
    /// Reads the stored JSON; anything unreadable starts a fresh book
    /// rather than breaking the console.
    pub fn from_json(text: Option<&str>) -> Self {
        text.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default()
    }

    pub fn active_profile(&self) -> Option<&Profile> {
        let id = self.active.as_deref()?;
        self.profiles.iter().find(|p| p.id == id)
    }

    /// Adds or replaces a profile (by id) and makes it the active one.
    pub fn upsert(&mut self, profile: Profile) {
        self.active = Some(profile.id.clone());
        match self.profiles.iter_mut().find(|p| p.id == profile.id) {
            Some(slot) => *slot = profile,
            None => self.profiles.push(profile),
        }
    }

    pub fn remove(&mut self, id: &str) {
        self.profiles.retain(|p| p.id != id);
        if self.active.as_deref() == Some(id) {
            self.active = self.profiles.first().map(|p| p.id.clone());
        }
    }
}

/// Region hosts offered in the form, for display next to the pickers.
pub fn preset_hosts(ccm_region: &str, scm_region: &str) -> Endpoints {
    Endpoints {
        ccm: endpoints::ccm_host(ccm_region),
        scm: endpoints::scm_host(scm_region),
        iam: endpoints::iam_host(ccm_region),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        Profile::new_default("p1".into())
    }

    #[test]
    fn default_profile_is_valid_and_uses_the_same_origin_proxy() {
        let p = profile();
        assert!(p.problems().is_empty(), "{:?}", p.problems());
        assert_eq!(p.proxy.as_deref(), Some("/proxy"));
        assert_eq!(p.endpoints().ccm, "ccm.ap-southeast-3.myhuaweicloud.com");
        assert_eq!(p.endpoints().scm, "scm.ap-southeast-1.myhuaweicloud.com");
    }

    #[test]
    fn problems_name_their_fields() {
        let mut p = profile();
        p.name = " ".into();
        p.domain_id = "xyz".into();
        p.proxy = Some("ftp://x".into());
        let fields: Vec<_> = p.problems().iter().map(|f| f.field).collect();
        assert_eq!(fields, vec!["name", "proxy", "domain_id"]);
        p.name = "x".repeat(65);
        assert_eq!(p.problems()[0].problem, ProfileProblem::TooLong { max: 64 });
    }

    #[test]
    fn custom_endpoints_replace_the_presets() {
        let mut p = profile();
        p.custom_endpoints = Some(Endpoints { ccm: "ccm.internal".into(), scm: "scm.internal".into(), iam: "bad host".into() });
        assert_eq!(p.endpoints().ccm, "ccm.internal");
        assert_eq!(p.problems().len(), 1);
        assert_eq!(p.problems()[0].field, "iam_host");
    }

    #[test]
    fn proxy_forms() {
        assert!(validate_proxy("/proxy").is_ok());
        assert!(validate_proxy("https://proxy.example.com/base").is_ok());
        assert!(validate_proxy("http://localhost:8080/proxy").is_ok());
        assert_eq!(validate_proxy("//evil.example"), Err(ProxyProblem::BadStart));
        assert_eq!(validate_proxy("https://u:p@proxy.example"), Err(ProxyProblem::HasCredentials));
        assert_eq!(validate_proxy("/proxy?x=1"), Err(ProxyProblem::HasExtra));
        assert_eq!(validate_proxy(""), Err(ProxyProblem::Empty));
        assert_eq!(validate_proxy("https://bad host"), Err(ProxyProblem::HasExtra));
        assert_eq!(validate_proxy("https://-x.example/p"), Err(ProxyProblem::Host(HostProblem::BadName("-x.example".into()))));
    }

    #[test]
    fn book_round_trips_and_survives_garbage() {
        let mut book = ProfileBook::default();
        book.upsert(profile());
        let mut second = profile();
        second.id = "p2".into();
        second.name = "Lab".into();
        book.upsert(second);
        assert_eq!(book.active.as_deref(), Some("p2"));
        let json = serde_json::to_string(&book).unwrap();
        assert_eq!(ProfileBook::from_json(Some(&json)), book);
        assert_eq!(ProfileBook::from_json(Some("{not json")), ProfileBook::default());
        book.remove("p2");
        assert_eq!(book.active.as_deref(), Some("p1"));
        assert_eq!(book.active_profile().unwrap().name, "Default");
    }

    #[test]
    fn domain_ids_are_32_hex() {
        assert!(is_domain_id("0123456789abcdef0123456789ABCDEF"));
        assert!(!is_domain_id("0123456789abcdef"));
    }
}

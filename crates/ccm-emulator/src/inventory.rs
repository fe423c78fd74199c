//! The cloud resources SSL certificates are deployed to: ELB listeners and
//! WAF domains in each SCM region, CDN domains (global), and which
//! certificate each one holds. A leaf module: the state holds it, the
//! deployment operations and the delete rule read it.

use ccm_api::endpoints::SCM_REGIONS;
use serde::{Deserialize, Serialize};

/// A cloud resource a certificate can be deployed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloudResource {
    /// `ELB`, `WAF` or `CDN`.
    pub service: String,
    /// The region (project name); `global` for CDN.
    pub project: String,
    pub id: String,
    pub name: String,
    /// The domain it serves (WAF and CDN check the certificate covers it).
    pub domain: String,
    /// WAF mode: `cloud` or `premium`.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub enterprise_project_id: String,
    /// The SSL certificate deployed there now.
    #[serde(default)]
    pub certificate_id: Option<String>,
    #[serde(default)]
    pub deployed_at_ms: Option<i64>,
}

/// The resources of every project. Its default is the seeded inventory,
/// so a state file written before deployment existed loads with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Inventory(pub Vec<CloudResource>);

impl Default for Inventory {
    fn default() -> Self {
        Inventory(seeded_inventory())
    }
}

impl Inventory {
    /// The resources a certificate is deployed to.
    pub fn deployed_to(&self, certificate_id: &str) -> Vec<&CloudResource> {
        self.0.iter().filter(|r| r.certificate_id.as_deref() == Some(certificate_id)).collect()
    }
}

/// Where CDN resources live: CDN is a global service.
pub const GLOBAL: &str = "global";

/// A stable UUID-shaped id for seeded resource `n` of `service` in region
/// number `region`.
fn resource_id(service: &str, region: usize, n: usize) -> String {
    let tag = match service {
        "ELB" => 0xe1b,
        "WAF" => 0xaf0,
        _ => 0xcd0,
    };
    format!("{tag:03x}{region:05x}-5eed-4000-8000-{n:012x}")
}

/// The resources every account starts with.
pub fn seeded_inventory() -> Vec<CloudResource> {
    let mut out = Vec::new();
    let mut add = |service: &str, project: &str, region: usize, n: usize, name: &str, domain: &str, kind: Option<&str>| {
        out.push(CloudResource {
            service: service.into(),
            project: project.into(),
            id: resource_id(service, region, n),
            name: name.into(),
            domain: domain.into(),
            kind: kind.map(Into::into),
            enterprise_project_id: "0".into(),
            certificate_id: None,
            deployed_at_ms: None,
        });
    };
    for (r, region) in SCM_REGIONS.iter().enumerate() {
        add("ELB", region, r, 1, "web-https-443", "www.example.com", None);
        add("ELB", region, r, 2, "api-https-443", "api.example.com", None);
        add("ELB", region, r, 3, "shop-https-443", "shop.example.com", None);
        add("WAF", region, r, 1, "www.example.com", "www.example.com", Some("cloud"));
        add("WAF", region, r, 2, "*.example.com", "*.example.com", Some("premium"));
    }
    add("CDN", GLOBAL, 0, 1, "static.example.com", "static.example.com", None);
    add("CDN", GLOBAL, 0, 2, "docs.example.org", "docs.example.org", None);
    add("CDN", GLOBAL, 0, 3, "shop.example.com", "shop.example.com", None);
    out
}

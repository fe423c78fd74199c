//! Signed in, the toolbox also checks chains against the account's CAs:
//! their certificates are read after what the user gave, as inputs named
//! "your CA <name>", so a pasted leaf finds its issuer (and a missing
//! intermediate is found) among them. They are issuers only: not listed
//! as objects, and nothing is said about them on their own. Pure, apart
//! from `load_account_cas`.

use ccm_api::catalogue::{ca_action_allowed_for, CaAction};
use ccm_api::pca::cas::{export_certificate_authority_certificate, CaCertificateResponse};
use ccm_api::ApiError;
use ccm_pki::findings::{Analysis, Chain, Problem};
use ccm_pki::inspect::{Found, Reading};

use crate::api::client::Api;
use crate::pages::pca::cas::loader;

/// One of the account's CAs: the input name its certificate is read under,
/// and the certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountCa {
    pub source: String,
    pub pem: String,
}

impl AccountCa {
    pub fn new(name: &str, pem: String) -> Self {
        AccountCa { source: format!("your CA {name}"), pem }
    }
}

/// Every CA of the account whose certificate the service exports (by the
/// rule its buttons use: not one left pending), with it. One list read,
/// then one export per CA.
pub async fn load_account_cas(api: Api) -> Result<Vec<AccountCa>, ApiError> {
    let cas = loader::load_all(api, leptos::prelude::RwSignal::new(None)).await?;
    let mut out = Vec::new();
    for ca in cas.iter().filter(|c| ca_action_allowed_for(CaAction::ExportCertificate, c).is_ok()) {
        let r: CaCertificateResponse = api.json(export_certificate_authority_certificate(&ca.ca_id)).await?;
        out.push(AccountCa::new(&ca.distinguished_name.common_name, r.certificate));
    }
    Ok(out)
}

/// How many of the objects read are the user's: the account's come last.
pub fn own_count(objects: &[Found], account: &[AccountCa]) -> usize {
    objects.iter().position(|f| account.iter().any(|a| a.source == f.origin.source)).unwrap_or(objects.len())
}

/// Leaves out what concerns only the account's CAs: their chains, their
/// problems, what of them could not be read.
pub fn keep_own(reading: &mut Reading, analysis: &mut Analysis, own: usize, account: &[AccountCa]) {
    let theirs = |source: &str| account.iter().any(|a| a.source == source);
    reading.unreadable.retain(|u| !theirs(&u.origin.source));
    analysis.chains.retain(|c| c.members.first().is_some_and(|&m| m < own));
    analysis.problems.retain(|p| match p {
        Problem::ChainOrder { source, .. } => !theirs(source),
        other => other.object().is_none_or(|o| o < own),
    });
}

/// A chain member in words: "#1 web.example.com", or "your CA Example Root".
pub fn member_name(objects: &[Found], m: usize, own: usize) -> String {
    if m >= own {
        objects[m].origin.source.clone()
    } else {
        format!("#{} {}", m + 1, objects[m].object.title())
    }
}

/// "Issued by your CA …" when the first issuer in the chain is the account's.
pub fn issued_by_account(chain: &Chain, objects: &[Found], own: usize) -> Option<String> {
    chain.members.get(1).filter(|&&m| m >= own).map(|&m| format!("Issued by {}", objects[m].origin.source))
}

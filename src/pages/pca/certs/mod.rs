//! The "Private certificates" view: the list (filters, sort and page in
//! the URL; bulk revoke and delete), the apply form, issuing from a CSR,
//! and each certificate's details with export, revoke, delete and tags.

mod actions;
mod apply;
pub mod apply_form;
mod bulk;
mod bulk_actions;
pub mod certificate;
mod csr;
mod csr_form;
mod details;
mod export_dialog;
mod export_plan;
mod filters;
mod issue_again;
mod issuer_select;
mod issuers;
mod list;
mod loader;
mod local_list;
mod query;
mod renew;
mod renew_plan;
pub mod revoke_reason;
mod san_editor;
mod table;

pub use apply::ApplyCertificatePage;
pub use csr::IssueFromCsrPage;
pub use details::CertificateDetailsPage;
pub use list::PrivateCertificatesPage;
pub use renew::RenewCertificatesPage;

/// What the list reads first for the address's view state; its route sends
/// it while the page's code loads (api/prefetch.rs).
pub fn list_first_reads() -> Vec<ccm_api::ApiRequest> {
    use crate::list::url_state::UrlState;
    loader::first_reads(&query::CertViewQuery::from_lookup(crate::api::prefetch::url_query()))
}

//! SCM, SSL certificates (API v3). Certificate ids are 16 characters
//! (`scs1554192131150`), not UUIDs.
//!
//! One file per area, all re-exported here so `ccm_api::scm::X` names
//! every type and constructor:
//! - [`certificates`]: list, import, details, delete, export, push;
//! - [`orders`]: buy, apply (with domain validation), cancel, unsubscribe,
//!   and the status rules of the SSL lifecycle;
//! - [`csr`]: the CSR manager;
//! - [`deploy`]: deploy to cloud resources, deployed resources, batch push;
//! - [`tags`]: tags on certificates and the expiry notification switch.

pub mod certificates;
pub mod csr;
pub mod deploy;
pub mod orders;
pub mod tags;

pub use certificates::*;
pub use csr::*;
pub use deploy::*;
pub use orders::*;
pub use tags::*;

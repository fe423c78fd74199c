//! Getting an SSL certificate: order it (`/scm/order`; no billing, the
//! service records the order), then apply for each ordered certificate
//! (`/scm/apply?cert=…`, optionally `&csr=…` from the CSR manager).

mod apply;
pub mod apply_form;
mod order;
pub mod order_form;
pub mod renew;

pub use apply::ApplySslPage;
pub use order::OrderCertificatePage;

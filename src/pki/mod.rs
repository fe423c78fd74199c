//! Browser-side certificate work on top of ccm-pki: turning uploads into
//! PEM text, and the checks forms run before anything is sent.

pub mod ca_import;
pub mod csr_text;
pub mod upload;

#[cfg(test)]
pub mod fixtures;

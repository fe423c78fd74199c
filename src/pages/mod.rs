pub mod activity;
pub mod crl;
pub mod not_found;
pub mod overview;
pub mod pca;
pub mod scm;
pub mod settings;
pub mod tools;

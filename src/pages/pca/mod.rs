pub mod cas;
pub mod certs;

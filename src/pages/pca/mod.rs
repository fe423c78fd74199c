pub mod cas;
pub mod certs;
pub mod hierarchy;
pub mod labels;

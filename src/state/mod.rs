pub mod ca_revocations;
pub mod credential;
pub mod profile;
pub mod session;
pub mod storage;

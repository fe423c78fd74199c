//! The only place that talks HTTP. Pages build `ccm_api` request
//! descriptions and hand them to [`client::Api`], which also writes every
//! attempt to the activity log.

pub mod activity;
pub mod client;
pub mod connection;
pub mod headers;
pub mod in_flight;
pub mod inspect;
pub mod prefetch;
pub mod remedies;
pub mod retry;
pub mod transport;

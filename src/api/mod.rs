//! The only place that talks HTTP. Pages build `ccm_api` request
//! descriptions and hand them to [`client::Api`].

pub mod client;
pub mod headers;
pub mod retry;
pub mod transport;

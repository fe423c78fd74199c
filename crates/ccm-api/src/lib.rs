//! The wire contract of Huawei Cloud Certificate Manager, shared by the
//! console (wasm32), the emulator and the server (native).
//!
//! Nothing here performs I/O: a page builds an [`ApiRequest`] from typed
//! parameters, the transport sends it (signed with [`sign`] when the
//! profile uses AK/SK) and decodes the answer, or an [`ApiError`].
//!
//! [`operations`] lists every call; [`scm`], [`pca`] and [`iam`] hold their
//! constructors and wire types; [`validate`] holds the documented limits as
//! data; [`catalogue`] explains every error code and which actions each
//! status allows.

pub mod catalogue;
pub mod common;
pub mod endpoints;
pub mod error;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod iam;
pub mod operations;
pub mod pca;
pub mod quota;
pub mod request;
pub mod scm;
pub mod sign;
pub mod validate;

pub use endpoints::{Endpoints, Service};
pub use operations::{Operation, OPERATIONS};
pub use error::{ApiError, ErrorBody};
pub use request::{ApiRequest, Method, ResponseKind};

//! Everything the emulator remembers, serialisable so a demo can be saved
//! to a JSON file and loaded again.

use serde::{Deserialize, Serialize};

use crate::auth::IssuedToken;
use crate::{EmuResponse, Emulator};

/// Quotas; the defaults are the reference's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotas {
    pub certificate_authorities: u64,
    pub certificates: u64,
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas { certificate_authorities: 100, certificates: 100_000 }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    #[serde(default)]
    pub tokens: Vec<IssuedToken>,
    /// Private CAs (count only until the PCA area lands).
    #[serde(default)]
    pub ca_count: u64,
    #[serde(default)]
    pub certificate_count: u64,
}

impl State {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<State, serde_json::Error> {
        serde_json::from_str(text)
    }
}

/// `GET …/quotas`: used and total for one resource type.
pub fn quota_response(emu: &Emulator, kind: &str) -> EmuResponse {
    let (used, quota) = match kind {
        "CERTIFICATE_AUTHORITY" => (emu.state.ca_count, emu.config.quotas.certificate_authorities),
        _ => (emu.state.certificate_count, emu.config.quotas.certificates),
    };
    EmuResponse::json(200, &serde_json::json!({ "quotas": { "resources": [ { "type": kind, "used": used, "quota": quota } ] } }))
}

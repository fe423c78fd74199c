//! The console feature flags (`GET /v1/pca/config/console`, SDK only): what
//! the region supports, so the console can hide what would be refused.

use serde::{Deserialize, Serialize};

use crate::endpoints::Service;
use crate::operations::request;
use crate::request::ApiRequest;

pub fn show_console_config() -> ApiRequest {
    request(Service::Ccm, "show_console_config", &[])
}

/// Region features; a missing flag means "not supported".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleConfig {
    /// Enterprise projects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_support_eps: Option<bool>,
    /// SM2 keys and SM3 signatures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_support_sm2: Option<bool>,
    /// Keys in a dedicated HSM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_support_dhsm: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dhsm_regions: Option<Vec<String>>,
    /// CAs bought yearly/monthly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_support_yearly_monthly_ca: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_support_iam5: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_support_ocsp: Option<bool>,
}

impl ConsoleConfig {
    pub fn sm2(&self) -> bool {
        self.is_support_sm2.unwrap_or(false)
    }

    pub fn ocsp(&self) -> bool {
        self.is_support_ocsp.unwrap_or(false)
    }

    pub fn enterprise_projects(&self) -> bool {
        self.is_support_eps.unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_default_to_off() {
        assert_eq!(show_console_config().path, "/v1/pca/config/console");
        let c: ConsoleConfig = serde_json::from_str(r#"{"is_support_sm2":true,"new_flag":1}"#).unwrap();
        assert!(c.sm2());
        assert!(!c.ocsp());
        assert!(!c.enterprise_projects());
    }
}

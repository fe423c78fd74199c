//! CRL publication (chapter 4.2.3 and the SDK): the OBS agency that lets
//! PCA write to OBS, the bucket list, the CRL and OCSP switches of a CA.

use serde::{Deserialize, Serialize};

use crate::common::{to_json, LooseBool};
use crate::endpoints::Service;
use crate::operations::request;
use crate::request::ApiRequest;

/// `GET …/obs/agencies`: has PCA been granted access to OBS? Needs a token
/// with the `secu_admin` role.
pub fn show_certificate_authority_obs_agency() -> ApiRequest {
    request(Service::Ccm, "show_certificate_authority_obs_agency", &[])
}

/// Answer of the agency check. The service sends the flag as a string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyResponse {
    pub agency_granted: LooseBool,
}

impl AgencyResponse {
    pub fn granted(&self) -> bool {
        self.agency_granted.as_bool().unwrap_or(false)
    }
}

/// `POST …/obs/agencies` (no body): creates the OBS agency.
pub fn create_certificate_authority_obs_agency() -> ApiRequest {
    request(Service::Ccm, "create_certificate_authority_obs_agency", &[])
}

/// Answer of the agency creation: the id IAM gave the agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateAgencyResponse {
    pub agency_id: String,
}

/// `GET …/obs/buckets` (works once the agency exists).
pub fn list_certificate_authority_obs_bucket() -> ApiRequest {
    request(Service::Ccm, "list_certificate_authority_obs_bucket", &[])
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObsBucketsResponse {
    #[serde(default)]
    pub total: i64,
    #[serde(default)]
    pub obs_buckets: Vec<ObsBucket>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObsBucket {
    /// 3 to 63 characters.
    pub bucket_name: String,
    /// Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<i64>,
}

/// Body of `POST …/{ca_id}/crl/enable` (SDK only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnableCrlBody {
    /// Defaults to the CA id on the service side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crl_name: Option<String>,
    pub obs_bucket_name: String,
    /// 7 to 30 days.
    pub valid_days: i64,
}

pub fn enable_certificate_authority_crl(ca_id: &str, body: &EnableCrlBody) -> ApiRequest {
    request(Service::Ccm, "enable_certificate_authority_crl", &[("ca_id", ca_id)]).json(to_json(body))
}

/// `POST …/{ca_id}/crl/disable` (SDK only, no body).
pub fn disable_certificate_authority_crl(ca_id: &str) -> ApiRequest {
    request(Service::Ccm, "disable_certificate_authority_crl", &[("ca_id", ca_id)])
}

/// Body of `POST …/{ca_id}/ocsp/switch` (SDK only). Asking for the state
/// the CA is already in is refused with PCA.10010071/72.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcspSwitchBody {
    pub ocsp_switch: bool,
}

pub fn update_ocsp_switch(ca_id: &str, on: bool) -> ApiRequest {
    request(Service::Ccm, "update_ocsp_switch", &[("ca_id", ca_id)]).json(to_json(&OcspSwitchBody { ocsp_switch: on }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn crl_switch_requests() {
        let on = enable_certificate_authority_crl(
            "c1",
            &EnableCrlBody { crl_name: None, obs_bucket_name: "crl-bucket".into(), valid_days: 7 },
        );
        assert_eq!(on.path, "/v1/private-certificate-authorities/c1/crl/enable");
        assert_eq!(on.body.unwrap(), json!({"obs_bucket_name": "crl-bucket", "valid_days": 7}));
        let off = disable_certificate_authority_crl("c1");
        assert_eq!(off.path, "/v1/private-certificate-authorities/c1/crl/disable");
        assert!(off.body.is_none());
        assert_eq!(update_ocsp_switch("c1", true).body.unwrap(), json!({"ocsp_switch": true}));
    }

    #[test]
    fn agency_flag_reads_both_forms() {
        let a: AgencyResponse = serde_json::from_str(r#"{"agency_granted":"true"}"#).unwrap();
        assert!(a.granted());
        let b: AgencyResponse = serde_json::from_str(r#"{"agency_granted":false}"#).unwrap();
        assert!(!b.granted());
        assert_eq!(show_certificate_authority_obs_agency().path, "/v1/private-certificate-authorities/obs/agencies");
        assert_eq!(create_certificate_authority_obs_agency().method, crate::request::Method::Post);
    }
}

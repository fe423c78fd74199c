//! The error catalogue and the status rules.
//!
//! Every SCM.* and PCA.* code of the reference's appendix A.2 with its HTTP
//! status, what it means and which kind of remedy it has, plus the
//! PCA.1001xxxx codes the live service sends instead. The console shows
//! the remedy of [`lookup`]'s entry under a failed call, worded in the
//! user's language from its locale files (see [`Remedy`]); the emulator
//! answers with the same codes.
//!
//! The status rules behind PCA.00030201 ("operation not allowed in the
//! current status") are a table too: [`ca_action_allowed`] and
//! [`cert_action_allowed`] say whether an action is possible and, if not,
//! why — the console disables the button with that reason and the emulator
//! refuses with that code.

use serde::{Deserialize, Serialize};

use crate::common::{CaStatus, CaType, CertificateStatus};
use crate::endpoints::Service;
use crate::error::ApiError;
use crate::pca::cas::CertificateAuthority;
use crate::pca::certs::PrivateCertificate;

/// Where a code is documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntrySource {
    /// Appendix A.2 of the reference.
    Reference,
    /// Seen from the live service (SDK, Terraform provider), not in A.2.
    Live,
}

/// Rough kind of failure, for icons and for deciding what the user can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Category {
    /// Something in the request is wrong: fix the input.
    Parameter,
    /// The credential is missing, wrong or expired: sign in again.
    Auth,
    /// The user or account may not do this.
    Permission,
    /// The object does not exist.
    NotFound,
    /// The object's status (or freeze) does not allow the action.
    State,
    /// A quota is used up.
    Quota,
    /// The service failed: try again later.
    Service,
}

/// One error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CatalogueEntry {
    pub code: &'static str,
    pub status: u16,
    /// What happened.
    pub message: &'static str,
    /// What to do about it: which kind of advice (the words are the console's).
    pub remedy: Remedy,
    pub source: EntrySource,
}

/// What to do about an error. The words live in the console's locale
/// files, in English and Chinese (locales/<locale>/remedies.json), so each
/// sentence has one home and this crate holds no user-facing prose twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Remedy {
    /// Advice for this code alone, keyed by the code in lower case with
    /// `_` for `.` (`SCM.0003` -> `scm_0003`).
    Own,
    /// Nothing the user can fix: try again later, then contact support
    /// with the request id (the shared key `support`).
    Support,
}

const fn e(code: &'static str, status: u16, message: &'static str, remedy: Remedy) -> CatalogueEntry {
    CatalogueEntry { code, status, message, remedy, source: EntrySource::Reference }
}

const fn live(code: &'static str, status: u16, message: &'static str, remedy: Remedy) -> CatalogueEntry {
    CatalogueEntry { code, status, message, remedy, source: EntrySource::Live }
}

/// Shorthands for the table below.
const OWN: Remedy = Remedy::Own;
const SUPPORT: Remedy = Remedy::Support;

/// Codes the emulator and the console refer to by name.
pub mod codes {
    pub const SCM_BAD_PARAMETER: &str = "SCM.0005";
    pub const SCM_BAD_CERTIFICATE_ID: &str = "SCM.0008";
    pub const SCM_STATUS_NOT_ALLOWED: &str = "SCM.0010";
    pub const SCM_NOT_FOUND: &str = "SCM.0094";
    pub const SCM_BAD_TOKEN: &str = "SCM.1000";
    pub const SCM_NO_PRIVATE_KEY: &str = "SCM.0059";
    pub const SCM_CSR_UNREADABLE: &str = "SCM.0034";
    pub const SCM_CSR_DOMAIN_MISMATCH: &str = "SCM.0035";
    pub const SCM_DOMAIN_COUNT: &str = "SCM.0036";
    pub const SCM_DUPLICATE_DOMAIN: &str = "SCM.0063";
    pub const SCM_NOT_DEPLOYABLE: &str = "SCM.0101";
    pub const SCM_ALREADY_DEPLOYED: &str = "SCM.0102";
    pub const SCM_RESOURCE_NOT_FOUND: &str = "SCM.0103";
    pub const SCM_DEPLOYED: &str = "SCM.0105";
    pub const SCM_RESOURCE_DOMAIN_MISMATCH: &str = "SCM.0106";
    pub const SCM_TAG_NOT_FOUND: &str = "SCM.0301";
    pub const SCM_TAG_QUOTA: &str = "SCM.0302";
    pub const SCM_CERTIFICATE_INFO_MISSING: &str = "SCM.0080";
    pub const PCA_BAD_PARAMETER: &str = "PCA.00020001";
    pub const PCA_BAD_TOKEN: &str = "PCA.00010001";
    pub const PCA_NO_PERMISSION: &str = "PCA.00010004";
    pub const PCA_QUOTA: &str = "PCA.00030001";
    pub const PCA_STATUS_NOT_ALLOWED: &str = "PCA.00030201";
    pub const PCA_FROZEN: &str = "PCA.00030202";
    pub const PCA_KEY_MISMATCH: &str = "PCA.00030301";
    pub const PCA_NOT_FOUND: &str = "PCA.00030102";
    pub const PCA_ISSUER_NOT_FOUND: &str = "PCA.00030103";
    /// What the live service sends for "not found" (HTTP 400).
    pub const PCA_LIVE_NOT_FOUND: &str = "PCA.10010002";
    /// What the live service sends for a malformed parameter (HTTP 400).
    pub const PCA_LIVE_BAD_FORMAT: &str = "PCA.10010105";
}

/// Every code: appendix A.2.1 (SCM), A.2.2 (PCA), then the live codes.
#[rustfmt::skip]
pub const CATALOGUE: &[CatalogueEntry] = &[
    // A.2.1 SCM, 400
    e("SCM.0003", 400, "The certificate belongs to another account.", OWN),
    e("SCM.0005", 400, "A request parameter is wrong.", OWN),
    e("SCM.0006", 400, "The uploaded certificate could not be read; it may not be issued yet.", OWN),
    e("SCM.0008", 400, "The certificate id is malformed.", OWN),
    e("SCM.0009", 400, "The certificate names no domain, so it cannot be uploaded.", OWN),
    e("SCM.0010", 400, "The certificate's type or status does not allow this action.", OWN),
    e("SCM.0011", 400, "The account has used all its free certificates.", OWN),
    e("SCM.0012", 400, "The private key could not be read.", OWN),
    e("SCM.0014", 400, "The certificate and the private key do not belong together.", OWN),
    e("SCM.0015", 400, "The number or form of the domain names does not fit the certificate product.", OWN),
    e("SCM.0016", 400, "The order could not be placed.", SUPPORT),
    e("SCM.0020", 400, "No certificate has this id.", OWN),
    e("SCM.0023", 400, "A tag key is empty or malformed.", OWN),
    e("SCM.0024", 400, "A tag value is empty or malformed.", OWN),
    e("SCM.0025", 400, "A limit was exceeded: the certificate is past the period in which it can be re-issued.", OWN),
    e("SCM.0026", 400, "The revocation failed.", SUPPORT),
    e("SCM.0027", 400, "No revocation reason was given.", OWN),
    e("SCM.0028", 400, "Pushing the certificate failed.", SUPPORT),
    e("SCM.0030", 400, "Certificates cannot be pushed to that service.", OWN),
    e("SCM.0031", 400, "The certificate could not be parsed.", OWN),
    e("SCM.0032", 400, "The certificate name is not valid.", OWN),
    e("SCM.0033", 400, "The certificate request names no domain.", OWN),
    e("SCM.0034", 400, "The certificate request could not be parsed.", OWN),
    e("SCM.0035", 400, "The domain in the certificate request differs from the one entered.", OWN),
    e("SCM.0036", 400, "The number of domain names does not match the product.", OWN),
    e("SCM.0039", 400, "A quota cannot be set below what is already in use.", OWN),
    e("SCM.0042", 400, "The certificate has expired.", OWN),
    e("SCM.0044", 400, "A permission is missing for this action.", OWN),
    e("SCM.0049", 400, "The certificate brand is wrong.", OWN),
    e("SCM.0050", 400, "The certificate type is wrong.", OWN),
    e("SCM.0051", 400, "The domain type is wrong.", OWN),
    e("SCM.0052", 400, "The validity period is wrong.", OWN),
    e("SCM.0059", 400, "SCM holds no private key for this certificate.", OWN),
    e("SCM.0060", 400, "The order number is wrong.", OWN),
    e("SCM.0061", 400, "The region parameter is wrong.", OWN),
    e("SCM.0063", 400, "A domain name appears twice.", OWN),
    e("SCM.0064", 400, "The order is still being processed.", OWN),
    e("SCM.0065", 400, "The file is too large.", OWN),
    e("SCM.0066", 400, "The certificate's domain type does not allow this action.", OWN),
    e("SCM.0067", 400, "The additional domain names have changed.", OWN),
    e("SCM.0068", 400, "The region is not supported.", OWN),
    e("SCM.0070", 400, "A domain in the uploaded certificate is malformed.", OWN),
    e("SCM.0072", 400, "SCM does not support this status.", OWN),
    e("SCM.0073", 400, "The help content is malformed.", OWN),
    e("SCM.0074", 400, "The renewal has not been paid.", OWN),
    e("SCM.0075", 400, "The region id is not valid.", OWN),
    e("SCM.0076", 400, "DigiCert DV basic certificates cannot be renewed.", OWN),
    e("SCM.0080", 400, "The certificate information is missing.", OWN),
    e("SCM.0081", 400, "The certificate information is empty.", OWN),
    e("SCM.0082", 400, "The validity period must be 12 months.", OWN),
    e("SCM.0083", 400, "The applicant's first name is missing.", OWN),
    e("SCM.0085", 400, "The phone number is missing.", OWN),
    e("SCM.0086", 400, "The e-mail address is missing.", OWN),
    e("SCM.0095", 400, "An internal resource call failed.", SUPPORT),
    e("SCM.0101", 400, "This certificate cannot be deployed automatically.", OWN),
    e("SCM.0102", 400, "Automatic deployment is already on for this resource.", OWN),
    e("SCM.0103", 400, "The resource does not exist.", OWN),
    e("SCM.0104", 400, "The region is not supported for this action.", OWN),
    e("SCM.0105", 400, "The certificate is still tied to automatically deployed resources.", OWN),
    e("SCM.0106", 400, "The resource's domain differs from the certificate's.", OWN),
    e("SCM.0108", 400, "A domain name is malformed.", OWN),
    e("SCM.0109", 400, "The certificate chain must hold more than one certificate.", OWN),
    e("SCM.0201", 400, "ELB refused the certificate.", OWN),
    e("SCM.0202", 400, "The user lacks ELB permissions.", OWN),
    e("SCM.0204", 400, "ELB is not offered in that region.", OWN),
    e("SCM.0211", 400, "CDN refused the certificate.", OWN),
    e("SCM.0212", 400, "The user lacks CDN permissions.", OWN),
    e("SCM.0221", 400, "WAF refused the certificate.", OWN),
    e("SCM.0222", 400, "The user lacks WAF permissions.", OWN),
    e("SCM.0224", 400, "WAF is not offered in that region.", OWN),
    e("SCM.0225", 400, "The WAF quota is used up.", OWN),
    e("SCM.0301", 400, "The tag was not found.", OWN),
    e("SCM.0302", 400, "The tag quota of the certificate is used up.", OWN),
    e("SCM.0303", 400, "The tag filter is not valid.", OWN),
    e("SCM.0304", 400, "The action field is wrong.", OWN),
    e("SCM.0305", 400, "A tag value is not valid.", OWN),
    e("SCM.0306", 400, "A tag key is not valid.", OWN),
    e("SCM.0309", 400, "A tag value has the wrong length.", OWN),
    e("SCM.0310", 400, "A tag key has the wrong length.", OWN),
    e("SCM.0311", 400, "The list of tag keys is not valid.", OWN),
    e("SCM.0312", 400, "The list of tag values is not valid.", OWN),
    e("SCM.0313", 400, "The tag list is not valid.", OWN),
    e("SCM.0314", 400, "The resource id in the filter is not valid.", OWN),
    e("SCM.0318", 400, "The limit of the tag query is not valid.", OWN),
    e("SCM.0319", 400, "The offset of the tag query is not valid.", OWN),
    e("SCM.0321", 400, "The sys_tags parameter is not valid.", OWN),
    e("SCM.0323", 400, "A tag parameter is not valid.", OWN),
    e("SCM.0401", 400, "Chinese national-standard (SM) certificates cannot be pushed.", OWN),
    e("SCM.0403", 400, "The encryption certificate is not signed with SM2.", OWN),
    e("SCM.0501", 400, "The target service is missing or not supported.", OWN),
    e("SCM.0502", 400, "The list of certificate ids is empty.", OWN),
    e("SCM.0505", 400, "A list parameter is missing or has a size out of range.", OWN),
    e("SCM.0506", 400, "Some certificate ids do not exist in this account.", OWN),
    e("SCM.0507", 400, "A list holds the same entry twice.", OWN),
    e("SCM.0508", 400, "Deployed resources cannot be queried for some of the certificates.", OWN),
    // A.2.1 SCM, 401
    e("SCM.0092", 401, "The JWT token could not be decrypted.", OWN),
    e("SCM.1000", 401, "The token was refused.", OWN),
    e("SCM.1004", 401, "The account is not admitted to the open beta.", OWN),
    e("SCM.1009", 401, "The account is restricted.", OWN),
    e("SCM.1010", 401, "The account is frozen.", OWN),
    e("SCM.4002", 401, "The user may not perform this action.", OWN),
    // A.2.1 SCM, 403
    e("SCM.0001", 403, "SCM is not enabled for this account.", OWN),
    e("SCM.0002", 403, "The tenant (project or domain) id is wrong.", OWN),
    e("SCM.0040", 403, "The account has used all its free certificates.", OWN),
    e("SCM.0322", 403, "The token lacks the op_service role.", OWN),
    // A.2.1 SCM, 404
    e("SCM.0069", 404, "No project was found.", OWN),
    e("SCM.0094", 404, "The resource was not found.", OWN),
    // A.2.1 SCM, 500
    e("SCM.0004", 500, "The certificate authority did not answer.", SUPPORT),
    e("SCM.0007", 500, "Downloading the certificate failed.", SUPPORT),
    e("SCM.0013", 500, "The certificate chain could not be read.", OWN),
    e("SCM.0017", 500, "The product is wrong.", SUPPORT),
    e("SCM.0019", 500, "A backend (CSB) answered with an error.", SUPPORT),
    e("SCM.0037", 500, "Encrypting the certificate failed.", SUPPORT),
    e("SCM.0038", 500, "Decrypting the certificate failed.", SUPPORT),
    e("SCM.0062", 500, "A DNS lookup failed.", SUPPORT),
    e("SCM.0071", 500, "SCM does not support this resource type.", SUPPORT),
    e("SCM.0087", 500, "Requesting the certificate failed.", SUPPORT),
    e("SCM.0091", 500, "The JWT server could not be reached.", SUPPORT),
    e("SCM.0093", 500, "The JWT token is not valid.", OWN),
    e("SCM.0097", 500, "Encoding the paging token failed.", OWN),
    e("SCM.0098", 500, "Decoding the paging token failed.", OWN),
    e("SCM.0099", 500, "The domain (account) id is not valid.", OWN),
    e("SCM.0100", 500, "An unknown error occurred.", SUPPORT),
    e("SCM.0203", 500, "Pushing to ELB failed.", SUPPORT),
    e("SCM.0213", 500, "Pushing to CDN failed.", SUPPORT),
    e("SCM.0223", 500, "Pushing to WAF failed.", SUPPORT),
    e("SCM.0324", 500, "Computing a digest failed.", SUPPORT),
    e("SCM.0402", 500, "The encryption certificate or its key is empty.", SUPPORT),
    e("SCM.0504", 500, "Internal service error.", SUPPORT),
    e("SCM.4001", 500, "Fine-grained permissions could not be read.", SUPPORT),
    // A.2.2 PCA, 400
    e("PCA.00020001", 400, "A parameter is not valid.", OWN),
    e("PCA.00020101", 400, "The distinguished name is not valid.", OWN),
    e("PCA.00020102", 400, "The key algorithm is not supported.", OWN),
    e("PCA.00020103", 400, "The signature hash algorithm is not supported.", OWN),
    e("PCA.00020109", 400, "The validity type or value is not valid.", OWN),
    e("PCA.00020110", 400, "A domain name is not valid.", OWN),
    e("PCA.00020111", 400, "An IP address is not valid.", OWN),
    e("PCA.00020112", 400, "The alternative name type is not supported.", OWN),
    e("PCA.00020201", 400, "The CA id is not valid.", OWN),
    e("PCA.00020202", 400, "The CA type is not valid.", OWN),
    e("PCA.00020203", 400, "The path length is out of range.", OWN),
    e("PCA.00020204", 400, "The CRL settings are not valid.", OWN),
    e("PCA.00020301", 400, "The certificate id is not valid.", OWN),
    e("PCA.00020401", 400, "The certificate signing request is not valid.", OWN),
    e("PCA.00020402", 400, "The certificate is not valid.", SUPPORT),
    e("PCA.00020403", 400, "The certificate chain is not valid.", OWN),
    e("PCA.00020404", 400, "The status value is not valid.", OWN),
    // A.2.2 PCA, 401
    e("PCA.00000101", 401, "The account is not admitted to this open beta.", OWN),
    e("PCA.00010001", 401, "The X-Auth-Token is wrong or has expired.", OWN),
    e("PCA.00010002", 401, "The account is frozen.", OWN),
    e("PCA.00010003", 401, "Access refused: real-name verification is missing or the account is in arrears.", OWN),
    e("PCA.00010004", 401, "The user lacks permissions for this action.", OWN),
    // A.2.2 PCA, 403
    e("PCA.00000006", 403, "The OBS buckets could not be listed.", OWN),
    e("PCA.00030001", 403, "The CA or certificate quota is used up.", OWN),
    e("PCA.00030201", 403, "The CA or certificate is not in a status that allows this action.", OWN),
    e("PCA.00030202", 403, "The CA or certificate is frozen.", OWN),
    e("PCA.00030301", 403, "The certificate's public key does not match the private key.", OWN),
    // A.2.2 PCA, 404
    e("PCA.00030102", 404, "The CA or certificate does not exist.", OWN),
    e("PCA.00030103", 404, "The issuing CA does not exist.", OWN),
    // A.2.2 PCA, 500
    e("PCA.00000001", 500, "Unknown server error.", SUPPORT),
    e("PCA.00000002", 500, "The server could not process the parameters.", SUPPORT),
    e("PCA.00000003", 500, "The server could not process the certificate.", SUPPORT),
    e("PCA.00000004", 500, "The server could not process the key.", SUPPORT),
    e("PCA.00000005", 500, "Authentication failed inside the service.", SUPPORT),
    // Live service (not in A.2)
    live("PCA.10010002", 400, "The CA or certificate does not exist (the live form of PCA.00030102).", OWN),
    live("PCA.10010105", 400, "A parameter has the wrong format (the live form of the PCA.0002xxxx codes).", OWN),
    live("PCA.10010071", 403, "OCSP is already in the requested state.", OWN),
    live("PCA.10010072", 403, "OCSP is already in the requested state.", OWN),
];

/// The entry of a code (exact, surrounding spaces ignored).
pub fn lookup(code: &str) -> Option<&'static CatalogueEntry> {
    let code = code.trim();
    CATALOGUE.iter().find(|e| e.code == code)
}

/// The entry for a failed call, when it carries a known code.
pub fn hint(error: &ApiError) -> Option<&'static CatalogueEntry> {
    error.code().and_then(lookup)
}

impl CatalogueEntry {
    pub fn category(&self) -> Category {
        match self.code {
            "SCM.0010" | "SCM.0066" | "SCM.0102" | "SCM.0105" | "PCA.00030201" | "PCA.00030202" | "PCA.10010071"
            | "PCA.10010072" => Category::State,
            "SCM.0011" | "SCM.0040" | "SCM.0225" | "SCM.0302" | "PCA.00030001" => Category::Quota,
            "SCM.0103" | "SCM.0020" | "SCM.0301" | "PCA.10010002" => Category::NotFound,
            "SCM.0044" | "SCM.0202" | "SCM.0212" | "SCM.0222" | "SCM.4002" | "PCA.00010004" => Category::Permission,
            _ => match self.status {
                400 => Category::Parameter,
                401 => Category::Auth,
                403 => Category::Permission,
                404 => Category::NotFound,
                _ => Category::Service,
            },
        }
    }
}

/// The code a server answers for a validation error on `field` (a wire
/// path as [`crate::validate`] reports it), in the reference's families.
/// `body` is read for the type of an alternative name. IAM has its own
/// error shape and gets `None`.
pub fn code_for_field(
    service: Service,
    operation: &str,
    field: &str,
    body: &serde_json::Value,
) -> Option<&'static str> {
    let top = field.split(['.', '[']).next().unwrap_or(field);
    match service {
        Service::Iam => None,
        Service::Scm => Some(match top {
            "certificate_id" | "cert_id" | "resource_id" | "certificate_ids" => "SCM.0008",
            "name" if operation == "import_certificate" => "SCM.0032",
            "certificate" => "SCM.0031",
            "private_key" if operation == "import_certificate" => "SCM.0012",
            "target_service" | "service_name" => "SCM.0030",
            "csr" => "SCM.0034",
            "domain" | "domain_name" | "sans" => "SCM.0108",
            "cert_brand" => "SCM.0049",
            "cert_type" => "SCM.0050",
            "domain_type" => "SCM.0051",
            "effective_time" => "SCM.0052",
            "domain_numbers" => "SCM.0036",
            "order_id" => "SCM.0060",
            "applicant_name" => "SCM.0083",
            "applicant_phone" | "contact_phone" => "SCM.0085",
            "applicant_email" | "contact_email" => "SCM.0086",
            "action" if operation == "batch_create_or_delete_tags" => "SCM.0304",
            "tag" | "tags" if field.ends_with(".key") => "SCM.0310",
            "tag" | "tags" if field.ends_with(".value") => "SCM.0309",
            "tag" | "tags" => "SCM.0313",
            _ => "SCM.0005",
        }),
        Service::Ccm => Some(match top {
            "distinguished_name" => "PCA.00020101",
            "key_algorithm" => "PCA.00020102",
            "signature_algorithm" => "PCA.00020103",
            "validity" => "PCA.00020109",
            "subject_alternative_names" => {
                if field.ends_with(".type") {
                    "PCA.00020112"
                } else if field.ends_with(".value") && san_type_at(body, field) == Some("IP") {
                    "PCA.00020111"
                } else if field.ends_with(".value") {
                    "PCA.00020110"
                } else {
                    "PCA.00020001"
                }
            }
            "ca_id" | "issuer_id" => "PCA.00020201",
            "type" if operation == "create_certificate_authority" || operation == "list_certificate_authority" => {
                "PCA.00020202"
            }
            "path_length" => "PCA.00020203",
            "crl_configuration" | "crl_name" | "obs_bucket_name" | "valid_days" => "PCA.00020204",
            "certificate_id" => "PCA.00020301",
            "csr" => "PCA.00020401",
            "certificate" => "PCA.00020402",
            "certificate_chain" => "PCA.00020403",
            "status" => "PCA.00020404",
            _ => "PCA.00020001",
        }),
    }
}

/// `subject_alternative_names[3].value` → the `type` of entry 3.
fn san_type_at<'a>(body: &'a serde_json::Value, field: &str) -> Option<&'a str> {
    let index: usize = field.split('[').nth(1)?.split(']').next()?.parse().ok()?;
    body.get("subject_alternative_names")?.get(index)?.get("type")?.as_str()
}

// ---------------------------------------------------------------------------
// Status rules (PCA.00030201).
// ---------------------------------------------------------------------------

/// What can be done to a CA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CaAction {
    /// Sign a pending subordinate CA (`/activate`).
    Activate,
    /// Export the pending CA's request (`GET /csr`).
    ExportCsr,
    /// Import the certificate signed elsewhere (`/import`).
    ImportCertificate,
    /// Export the CA certificate and chain (`/export`).
    ExportCertificate,
    Disable,
    Enable,
    Delete,
    Restore,
    /// Revoke a subordinate CA.
    Revoke,
    /// Use this CA as the issuer of a certificate or a subordinate CA.
    Issue,
}

impl CaAction {
    pub const ALL: [CaAction; 10] = [
        CaAction::Activate,
        CaAction::ExportCsr,
        CaAction::ImportCertificate,
        CaAction::ExportCertificate,
        CaAction::Disable,
        CaAction::Enable,
        CaAction::Delete,
        CaAction::Restore,
        CaAction::Revoke,
        CaAction::Issue,
    ];

    /// Verb phrase for reasons and buttons.
    pub fn label(self) -> &'static str {
        match self {
            CaAction::Activate => "activated",
            CaAction::ExportCsr => "have its CSR exported",
            CaAction::ImportCertificate => "have a certificate imported",
            CaAction::ExportCertificate => "have its certificate exported",
            CaAction::Disable => "disabled",
            CaAction::Enable => "enabled",
            CaAction::Delete => "deleted",
            CaAction::Restore => "restored",
            CaAction::Revoke => "revoked",
            CaAction::Issue => "issue certificates",
        }
    }
}

/// What can be done to a private certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CertAction {
    Export,
    Revoke,
    Delete,
}

impl CertAction {
    pub const ALL: [CertAction; 3] = [CertAction::Export, CertAction::Revoke, CertAction::Delete];

    pub fn label(self) -> &'static str {
        match self {
            CertAction::Export => "exported",
            CertAction::Revoke => "revoked",
            CertAction::Delete => "deleted",
        }
    }
}

/// Whether a rule comes from the reference or is this project's choice
/// where the reference is silent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RuleOrigin {
    /// Appendix A.2, PCA.00030201, item n.
    Appendix(u8),
    /// A note in chapter 4.
    Chapter4,
    /// Not documented; chosen to match what the operation means.
    Chosen,
}

/// The statuses (wire values) in which a CA action is allowed.
pub const CA_STATUS_RULES: &[(CaAction, &[&str], RuleOrigin)] = &[
    (CaAction::Disable, &["ACTIVED", "EXPIRED"], RuleOrigin::Appendix(1)),
    (CaAction::Enable, &["DISABLED"], RuleOrigin::Appendix(2)),
    (CaAction::Delete, &["PENDING", "DISABLED"], RuleOrigin::Appendix(3)),
    (CaAction::Restore, &["DELETED"], RuleOrigin::Appendix(4)),
    (CaAction::ExportCsr, &["PENDING"], RuleOrigin::Appendix(5)),
    (CaAction::ExportCertificate, &["ACTIVED", "EXPIRED"], RuleOrigin::Appendix(6)),
    (CaAction::Activate, &["PENDING"], RuleOrigin::Appendix(7)),
    (CaAction::Issue, &["ACTIVED"], RuleOrigin::Appendix(8)),
    (CaAction::ImportCertificate, &["PENDING"], RuleOrigin::Chapter4),
    (CaAction::Revoke, &["ACTIVED", "DISABLED"], RuleOrigin::Chosen),
];

/// The statuses (wire values) in which a certificate action is allowed;
/// an empty list means "any status".
pub const CERT_STATUS_RULES: &[(CertAction, &[&str], RuleOrigin)] = &[
    (CertAction::Export, &["ISSUED"], RuleOrigin::Appendix(9)),
    (CertAction::Revoke, &["ISSUED"], RuleOrigin::Chosen),
    (CertAction::Delete, &[], RuleOrigin::Chosen),
];

/// Why an action is refused, and the code a server answers with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Denied {
    pub code: &'static str,
    pub reason: String,
}

impl std::fmt::Display for Denied {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

fn allowed_in<A: PartialEq + Copy + 'static>(
    rules: &'static [(A, &'static [&'static str], RuleOrigin)],
    action: A,
) -> &'static [&'static str] {
    rules.iter().find(|(a, _, _)| *a == action).map(|(_, s, _)| *s).unwrap_or(&[])
}

fn status_labels(wire: &[&str], label: impl Fn(&str) -> String) -> String {
    let labels: Vec<String> = wire.iter().map(|w| label(w)).collect();
    match labels.len() {
        0 => String::new(),
        1 => labels[0].clone(),
        n => format!("{} or {}", labels[..n - 1].join(", "), labels[n - 1]),
    }
}

/// Is `action` allowed for a CA in `status`? If not, why.
pub fn ca_action_allowed(action: CaAction, status: &CaStatus) -> Result<(), Denied> {
    let allowed = allowed_in(CA_STATUS_RULES, action);
    if allowed.contains(&status.as_str()) {
        return Ok(());
    }
    let wanted = status_labels(allowed, |w| CaStatus::from_wire(w).label().to_owned());
    let verb = if action == CaAction::Issue { "can" } else { "can be" };
    Err(Denied {
        code: codes::PCA_STATUS_NOT_ALLOWED,
        reason: format!("Only a CA that is {wanted} {verb} {}; this CA is {}.", action.label(), status.label()),
    })
}

/// The full check for one CA: its status, its type (a root CA cannot be
/// revoked, activated or imported into) and its freeze flag.
pub fn ca_action_allowed_for(action: CaAction, ca: &CertificateAuthority) -> Result<(), Denied> {
    if ca.is_frozen() {
        return Err(Denied {
            code: codes::PCA_FROZEN,
            reason: "This CA is frozen; contact support before changing it.".to_owned(),
        });
    }
    let subordinate_only =
        matches!(action, CaAction::Revoke | CaAction::Activate | CaAction::ImportCertificate | CaAction::ExportCsr);
    if subordinate_only && ca.kind == CaType::Root {
        return Err(Denied {
            code: codes::PCA_STATUS_NOT_ALLOWED,
            reason: format!("Only a subordinate CA can be {}; this is a root CA.", action.label()),
        });
    }
    ca_action_allowed(action, &ca.status)
}

/// Is `action` allowed for a private certificate in `status`? If not, why.
pub fn cert_action_allowed(action: CertAction, status: &CertificateStatus) -> Result<(), Denied> {
    let allowed = allowed_in(CERT_STATUS_RULES, action);
    if allowed.is_empty() || allowed.contains(&status.as_str()) {
        return Ok(());
    }
    let wanted = status_labels(allowed, |w| CertificateStatus::from_wire(w).label().to_lowercase());
    Err(Denied {
        code: codes::PCA_STATUS_NOT_ALLOWED,
        reason: format!(
            "Only an {wanted} certificate can be {}; this one is {}.",
            action.label(),
            status.label().to_lowercase()
        ),
    })
}

/// The full check for one certificate, freeze flag included.
pub fn cert_action_allowed_for(action: CertAction, cert: &PrivateCertificate) -> Result<(), Denied> {
    if cert.is_frozen() && action != CertAction::Delete {
        return Err(Denied {
            code: codes::PCA_FROZEN,
            reason: "This certificate is frozen; contact support before changing it.".to_owned(),
        });
    }
    cert_action_allowed(action, &cert.status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_finds_reference_and_live_codes() {
        let e = lookup(" PCA.00030201 ").unwrap();
        assert_eq!(e.status, 403);
        assert_eq!(e.category(), Category::State);
        assert_eq!(lookup("PCA.10010002").unwrap().source, EntrySource::Live);
        assert_eq!(lookup("PCA.10010002").unwrap().category(), Category::NotFound);
        assert!(lookup("PCA.99999999").is_none());
        let err = ApiError::Service { status: 401, code: "SCM.1000".into(), message: "x".into(), request_id: None };
        assert_eq!(hint(&err).unwrap().category(), Category::Auth);
    }

    #[test]
    fn codes_are_unique_and_statuses_known() {
        for (i, a) in CATALOGUE.iter().enumerate() {
            assert!([400, 401, 403, 404, 500].contains(&a.status), "{}", a.code);
            assert!(!a.message.is_empty());
            for b in &CATALOGUE[i + 1..] {
                assert_ne!(a.code, b.code);
            }
        }
    }

    #[test]
    fn named_codes_are_in_the_catalogue() {
        for c in [
            codes::SCM_BAD_PARAMETER,
            codes::SCM_BAD_CERTIFICATE_ID,
            codes::SCM_STATUS_NOT_ALLOWED,
            codes::SCM_NOT_FOUND,
            codes::SCM_BAD_TOKEN,
            codes::SCM_NO_PRIVATE_KEY,
            codes::SCM_CSR_UNREADABLE,
            codes::SCM_CSR_DOMAIN_MISMATCH,
            codes::SCM_DOMAIN_COUNT,
            codes::SCM_DUPLICATE_DOMAIN,
            codes::SCM_NOT_DEPLOYABLE,
            codes::SCM_ALREADY_DEPLOYED,
            codes::SCM_RESOURCE_NOT_FOUND,
            codes::SCM_DEPLOYED,
            codes::SCM_RESOURCE_DOMAIN_MISMATCH,
            codes::SCM_TAG_NOT_FOUND,
            codes::SCM_TAG_QUOTA,
            codes::SCM_CERTIFICATE_INFO_MISSING,
            codes::PCA_BAD_PARAMETER,
            codes::PCA_BAD_TOKEN,
            codes::PCA_NO_PERMISSION,
            codes::PCA_QUOTA,
            codes::PCA_STATUS_NOT_ALLOWED,
            codes::PCA_FROZEN,
            codes::PCA_KEY_MISMATCH,
            codes::PCA_NOT_FOUND,
            codes::PCA_ISSUER_NOT_FOUND,
            codes::PCA_LIVE_NOT_FOUND,
            codes::PCA_LIVE_BAD_FORMAT,
        ] {
            assert!(lookup(c).is_some(), "{c}");
        }
    }
}

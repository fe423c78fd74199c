//! What signing with a stored CA needs, shared by CA issuance
//! (`pca_issue`), certificates (`pca_certs`) and CRLs (`crl`): the CA's key
//! and certificate as ccm-pki reads them, and the API's signature
//! algorithm as ccm-pki's hash.

use ccm_api::catalogue::codes;
use ccm_api::common::SignatureAlgorithm;
use ccm_pki::pem::certificates_from_pem;
use ccm_pki::{PrivateKey, SignatureHash};

use crate::answer::{refuse, Answer};
use crate::state::CaRecord;

pub fn signature_hash(alg: &SignatureAlgorithm) -> Answer<SignatureHash> {
    SignatureHash::from_api_name(alg.as_str()).ok_or_else(|| {
        refuse(400, "PCA.00020103", format!("signature_algorithm {alg} is not offered here: SHA256, SHA384 or SHA512"))
    })
}


/// The CA's own key (500 when the stored key cannot be read).
pub fn ca_private_key(record: &CaRecord) -> Answer<PrivateKey> {
    if record.key_pem.trim().is_empty() {
        return Err(refuse(
            403,
            codes::PCA_STATUS_NOT_ALLOWED,
            "this CA's private key is kept outside the service (it was issued from a CSR)",
        ));
    }
    ccm_pki::parse_private_key(record.key_pem.as_bytes())
        .map_err(|e| refuse(500, "PCA.00000004", format!("the CA's key cannot be read: {e}")))
}

/// The CA's certificate, DER (500 when the stored one cannot be read).
pub fn ca_certificate_der(record: &CaRecord) -> Answer<Vec<u8>> {
    let unreadable = || refuse(500, "PCA.00000003", "the CA's stored certificate cannot be read");
    let pem = record.certificate_pem.as_deref().ok_or_else(unreadable)?;
    certificates_from_pem(pem).ok().and_then(|c| c.into_iter().next()).ok_or_else(unreadable)
}

//! Files picked in an upload field become PEM text in the form, so that
//! the user sees (and can edit) exactly what will be sent. DER files are
//! recognised and converted; anything else is refused with a reason.

use ccm_pki::pem::{encode_pem, looks_like_pem, LABEL_CERTIFICATE, LABEL_CSR};

use crate::i18n::{td_string, Locale};

/// Why an uploaded file cannot go into a PEM field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadError {
    Empty,
    TooLarge { size: usize, limit: usize },
    NotPemText,
    UnknownDer,
}

impl UploadError {
    /// In `l`.
    pub fn words(&self, l: Locale) -> String {
        match self {
            Self::Empty => td_string!(l, common.upload_empty).to_string(),
            Self::TooLarge { size, limit } => td_string!(l, common.upload_too_large, size = size, limit = limit).to_string(),
            Self::NotPemText => td_string!(l, common.upload_not_pem).to_string(),
            Self::UnknownDer => td_string!(l, common.upload_unknown_der).to_string(),
        }
    }
}

/// Text for a PEM field from the bytes of an uploaded file: PEM as it is,
/// a DER certificate or CSR converted to PEM.
pub fn pem_text_from_upload(bytes: &[u8], limit: usize) -> Result<String, UploadError> {
    if bytes.is_empty() {
        return Err(UploadError::Empty);
    }
    if bytes.len() > limit {
        return Err(UploadError::TooLarge { size: bytes.len(), limit });
    }
    if looks_like_pem(bytes) {
        return std::str::from_utf8(bytes).map(str::to_owned).map_err(|_| UploadError::NotPemText);
    }
    if bytes.first() != Some(&0x30) {
        return Err(UploadError::NotPemText);
    }
    if ccm_pki::CertificateInfo::from_der(bytes).is_ok() {
        return Ok(encode_pem(LABEL_CERTIFICATE, bytes));
    }
    if ccm_pki::CsrInfo::from_der(bytes).is_ok() {
        return Ok(encode_pem(LABEL_CSR, bytes));
    }
    Err(UploadError::UnknownDer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ccm_pki::pem::certificates_from_pem;

    #[test]
    fn pem_passes_through_and_der_is_converted() {
        let pem = crate::pki::fixtures::Hierarchy::new().root_pem;
        let pem_text = pem.as_str();
        assert_eq!(pem_text_from_upload(pem_text.as_bytes(), 100_000).unwrap(), pem_text);
        let der = certificates_from_pem(pem_text).unwrap().remove(0);
        let text = pem_text_from_upload(&der, 100_000).unwrap();
        assert!(text.starts_with("-----BEGIN CERTIFICATE-----"));
        assert_eq!(certificates_from_pem(&text).unwrap()[0], der);
    }

    #[test]
    fn refusals_say_why() {
        let pem = crate::pki::fixtures::Hierarchy::new().root_pem;
        let pem_text = pem.as_str();
        assert_eq!(pem_text_from_upload(b"", 10), Err(UploadError::Empty));
        for e in [UploadError::Empty, UploadError::TooLarge { size: 11, limit: 10 }, UploadError::NotPemText, UploadError::UnknownDer] {
            assert_ne!(e.words(Locale::en), e.words(Locale::zh_CN));
        }
        assert_eq!(UploadError::TooLarge { size: 11, limit: 10 }.words(Locale::en), "the file is 11 bytes; this field takes at most 10");
        assert_eq!(
            pem_text_from_upload(pem_text.as_bytes(), 10),
            Err(UploadError::TooLarge { size: pem_text.len(), limit: 10 })
        );
        assert_eq!(pem_text_from_upload(b"hello", 100), Err(UploadError::NotPemText));
        assert_eq!(pem_text_from_upload(&[0x30, 0x03, 0x02, 0x01, 0x00], 100), Err(UploadError::UnknownDer));
    }
}

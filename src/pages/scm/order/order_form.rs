//! The order form as plain data: brand, type, domain type, how many names,
//! validity in years and how many certificates. Pure.

use ccm_api::scm::{
    subscribe_certificate, PrimaryDomainType, ScmBrand, ScmCertType, ScmDomainType, SubscribeCertificateBody,
};
use ccm_api::validate::ValidationError;

use crate::pages::scm::csr::forms::checked;
use ccm_api::ApiRequest;
use crate::i18n::{td_string, Locale};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderDraft {
    pub brand: String,
    pub cert_type: String,
    pub domain_type: String,
    /// Names covered (multi-domain only; single and wildcard cover one).
    pub domain_numbers: String,
    pub primary_domain_type: String,
    /// Years.
    pub effective_time: String,
    /// How many certificates.
    pub order_number: String,
    pub agree_privacy: bool,
}

impl Default for OrderDraft {
    fn default() -> Self {
        let d = SubscribeCertificateBody::default();
        OrderDraft {
            brand: d.cert_brand.as_str().to_owned(),
            cert_type: d.cert_type.as_str().to_owned(),
            domain_type: d.domain_type.as_str().to_owned(),
            domain_numbers: "2".into(),
            primary_domain_type: PrimaryDomainType::SingleDomain.as_str().to_owned(),
            effective_time: d.effective_time.to_string(),
            order_number: d.order_number.to_string(),
            agree_privacy: false,
        }
    }
}

/// A whole number as typed, or the problem at `field`.
pub fn whole(field: &str, text: &str, problems: &mut Vec<ValidationError>, l: Locale) -> i64 {
    match text.trim().parse::<i64>() {
        Ok(n) => n,
        Err(_) => {
            problems.push(ValidationError::new(field, td_string!(l, scm.v_whole_number)));
            0
        }
    }
}

impl OrderDraft {
    pub fn is_multi(&self) -> bool {
        self.domain_type == ScmDomainType::MultiDomain.as_str()
    }

    pub fn to_request(&self, l: Locale) -> Result<ApiRequest, Vec<ValidationError>> {
        let mut problems = Vec::new();
        let multi = self.is_multi();
        let domain_numbers = if multi { whole("domain_numbers", &self.domain_numbers, &mut problems, l) } else { 1 };
        let body = SubscribeCertificateBody {
            cert_brand: ScmBrand::from_wire(&self.brand),
            cert_type: ScmCertType::from_wire(&self.cert_type),
            domain_type: ScmDomainType::from_wire(&self.domain_type),
            effective_time: whole("effective_time", &self.effective_time, &mut problems, l),
            domain_numbers,
            order_number: whole("order_number", &self.order_number, &mut problems, l),
            agree_privacy_protection: self.agree_privacy,
            primary_domain_type: multi.then(|| PrimaryDomainType::from_wire(&self.primary_domain_type)),
            ..SubscribeCertificateBody::default()
        };
        if !self.agree_privacy {
            problems.push(ValidationError::new("agree_privacy_protection", td_string!(l, scm.v_agree_order)));
        }
        // A field that did not parse is said once, as typed; the contract's
        // problems come first.
        checked(subscribe_certificate(&body), problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(r: Result<ApiRequest, Vec<ValidationError>>) -> Vec<String> {
        r.err().unwrap_or_default().into_iter().map(|e| e.field).collect()
    }

    fn agreed() -> OrderDraft {
        OrderDraft { agree_privacy: true, ..Default::default() }
    }

    #[test]
    fn the_smallest_order_is_one_single_domain_certificate_for_a_year() {
        let body = agreed().to_request(Locale::en).unwrap().body.unwrap();
        assert_eq!(body["domain_type"], "SINGLE_DOMAIN");
        assert_eq!((body["domain_numbers"].as_i64(), body["effective_time"].as_i64(), body["order_number"].as_i64()), (Some(1), Some(1), Some(1)));
        assert!(body.get("primary_domain_type").is_none());
        assert_eq!(body["agree_privacy_protection"], true);
    }

    #[test]
    fn privacy_consent_is_needed() {
        assert_eq!(fields(OrderDraft::default().to_request(Locale::en)), ["agree_privacy_protection"]);
    }

    #[test]
    fn bounds_on_both_sides() {
        for (years, ok) in [("0", false), ("1", true), ("3", true), ("4", false)] {
            assert_eq!(OrderDraft { effective_time: years.into(), ..agreed() }.to_request(Locale::en).is_ok(), ok, "{years} years");
        }
        for (n, ok) in [("0", false), ("1", true), ("100", true), ("101", false)] {
            assert_eq!(OrderDraft { order_number: n.into(), ..agreed() }.to_request(Locale::en).is_ok(), ok, "{n} certificates");
        }
        let multi = OrderDraft { domain_type: "MULTI_DOMAIN".into(), ..agreed() };
        for (n, ok) in [("1", false), ("2", true), ("100", true), ("101", false)] {
            assert_eq!(OrderDraft { domain_numbers: n.into(), ..multi.clone() }.to_request(Locale::en).is_ok(), ok, "{n} names");
        }
        let body = multi.to_request(Locale::en).unwrap().body.unwrap();
        assert_eq!((body["domain_numbers"].as_i64(), body["primary_domain_type"].as_str()), (Some(2), Some("SINGLE_DOMAIN")));
        assert_eq!(fields(OrderDraft { order_number: "two".into(), ..agreed() }.to_request(Locale::en)), ["order_number"]);
    }
}

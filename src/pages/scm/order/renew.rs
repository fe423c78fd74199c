//! Renewing an SSL certificate. The service has no renewal call: a renewal
//! is a new order of the same product (brand, type, domain type, number of
//! names, years; an uploaded certificate's names decide the last three),
//! then an application for it with the same domains. The expiry radar
//! links to `/scm/order?renew=<id>`; the order page reads that certificate
//! and fills itself from it, and the placed order passes the domains on to
//! the application form. Pure.

use ccm_api::scm::{ScmCertificate, ScmDomainType, ScmStatus, MAX_EFFECTIVE_YEARS};
use ccm_api::sign::encode_component;

use super::order_form::OrderDraft;

/// The certificate being renewed, as the order and apply forms name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renewing {
    pub name: String,
    pub domain: String,
    /// Further names, separated by spaces (the apply form's format).
    pub sans: String,
}

/// The order a renewal of `c` places, and what is renewed: for a
/// certificate the service issued, the same product; for one uploaded
/// (bought elsewhere), a certificate ordered here for the same names (the
/// order form's brand and type, the domain type and count from its
/// names). `None` for anything else. Years from its validity in months.
pub fn renewal_order(c: &ScmCertificate) -> Option<(OrderDraft, Renewing)> {
    let listed: Vec<&str> = c.sans.as_deref().unwrap_or_default().split([';', ',']).map(str::trim).filter(|s| !s.is_empty()).collect();
    let names: Vec<&str> = c.domain.as_deref().into_iter().chain(listed.into_iter().filter(|s| Some(*s) != c.domain.as_deref())).collect();
    let mut d = OrderDraft::default();
    match c.status {
        Some(ScmStatus::Issued) => {
            let set = |field: &mut String, v: Option<String>| {
                if let Some(v) = v.filter(|v| !v.is_empty()) {
                    *field = v;
                }
            };
            set(&mut d.brand, c.brand.as_ref().map(|b| b.as_str().to_owned()));
            set(&mut d.cert_type, c.kind.as_ref().map(|t| t.as_str().to_owned()));
            set(&mut d.domain_type, c.domain_type.as_ref().map(|t| t.as_str().to_owned()));
            set(&mut d.domain_numbers, c.domain_count.map(|n| n.to_string()));
        }
        Some(ScmStatus::Upload) => {
            let domain_type = match names.as_slice() {
                [one] if one.starts_with("*.") => ScmDomainType::Wildcard,
                [_] | [] => ScmDomainType::SingleDomain,
                _ => ScmDomainType::MultiDomain,
            };
            if domain_type == ScmDomainType::MultiDomain {
                d.domain_numbers = names.len().to_string();
            }
            d.domain_type = domain_type.as_str().to_owned();
        }
        _ => return None,
    }
    if let Some(months) = c.validity_period {
        d.effective_time = ((months + 6) / 12).clamp(1, MAX_EFFECTIVE_YEARS).to_string();
    }
    d.order_number = "1".into();
    let domain = names.first().map(|s| (*s).to_owned()).unwrap_or_default();
    let renewing = Renewing {
        name: c.name.clone().filter(|n| !n.is_empty()).unwrap_or_else(|| if domain.is_empty() { c.id.clone() } else { domain.clone() }),
        domain,
        sans: names.iter().skip(1).copied().collect::<Vec<_>>().join(" "),
    };
    Some((d, renewing))
}

/// Where a renewal order goes once placed: the application of its first
/// certificate with the renewed certificate's domains.
pub fn apply_href(cert_id: &str, renewing: &Renewing) -> String {
    let mut href = format!("/scm/apply?cert={}", encode_component(cert_id));
    for (k, v) in [("domain", &renewing.domain), ("sans", &renewing.sans)] {
        if !v.is_empty() {
            href.push_str(&format!("&{k}={}", encode_component(v)));
        }
    }
    href
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cert(status: &str) -> ScmCertificate {
        serde_json::from_value(json!({
            "id": "scs1", "name": "shop-cert", "domain": "shop.example.com", "sans": "shop.example.com;www.example.com",
            "brand": "GEOTRUST", "type": "OV_SSL_CERT", "domain_type": "MULTI_DOMAIN", "domain_count": 2,
            "validity_period": 24, "status": status
        }))
        .unwrap()
    }

    #[test]
    fn an_issued_certificate_becomes_the_same_order_and_its_domains_follow() {
        let (d, renewing) = renewal_order(&cert("ISSUED")).unwrap();
        assert_eq!((d.brand.as_str(), d.cert_type.as_str(), d.domain_type.as_str()), ("GEOTRUST", "OV_SSL_CERT", "MULTI_DOMAIN"));
        assert_eq!((d.domain_numbers.as_str(), d.effective_time.as_str(), d.order_number.as_str()), ("2", "2", "1"));
        assert!(!d.agree_privacy, "consent is given by the user, never carried");
        assert_eq!(renewing, Renewing { name: "shop-cert".into(), domain: "shop.example.com".into(), sans: "www.example.com".into() });
        assert_eq!(apply_href("new-1", &renewing), "/scm/apply?cert=new-1&domain=shop.example.com&sans=www.example.com");
    }

    #[test]
    fn an_uploaded_certificate_is_replaced_by_an_order_for_its_names() {
        let (d, r) = renewal_order(&cert("UPLOAD")).unwrap();
        let default = OrderDraft::default();
        assert_eq!((d.brand.as_str(), d.cert_type.as_str()), (default.brand.as_str(), default.cert_type.as_str()), "the product is not known");
        assert_eq!((d.domain_type.as_str(), d.domain_numbers.as_str()), ("MULTI_DOMAIN", "2"));
        assert_eq!(r.sans, "www.example.com");
        let wildcard: ScmCertificate = serde_json::from_value(json!({"id": "w", "domain": "*.example.com", "status": "UPLOAD"})).unwrap();
        let (d, r) = renewal_order(&wildcard).unwrap();
        assert_eq!(d.domain_type, "WILDCARD");
        assert_eq!((r.name.as_str(), r.domain.as_str(), r.sans.as_str()), ("*.example.com", "*.example.com", ""));
        assert_eq!(apply_href("n", &r), "/scm/apply?cert=n&domain=%2A.example.com");
    }

    #[test]
    fn nothing_else_is_renewed_by_ordering() {
        assert!(renewal_order(&cert("PAID")).is_none());
        assert!(renewal_order(&cert("EXPIRED")).is_none());
    }
}

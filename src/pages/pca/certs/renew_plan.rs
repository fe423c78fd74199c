//! What renewing a private certificate issues, and what is revoked after.
//! A renewal is "issue again" without edits: the same CA, subject, names,
//! key algorithm, signature and usages, and a validity as long as before
//! starting now, cut (by the create-CA form's cap rule) to end before the
//! CA does. Once the new certificates are saved, the old ones may be
//! revoked as superseded. Pure.

use ccm_api::catalogue::CertAction;
use ccm_api::common::{CertificateStatus, RevocationReason, ValidityType};
use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::pca::certs::PrivateCertificate;
use ccm_api::ApiRequest;

use super::bulk;
use super::issue_again::{again_draft, validity_days, Decoded};
use super::issuers::find_issuer;
use crate::form::rule_words::field_line;
use crate::i18n::format::date;
use crate::i18n::{td_string, Locale};
use crate::list::bulk::Planned;
use crate::list::selection::Picked;
use crate::pages::pca::cas::validity_cap::{capped, latest_end};
use crate::pages::pca::labels;

/// One certificate's renewal: the request and how long the new one lasts.
#[derive(Debug, Clone, PartialEq)]
pub struct Renewal {
    pub request: ApiRequest,
    /// "90 days from now, as before", or why it is shorter.
    pub validity: String,
}

/// The renewal of `cert` (its PEM read into `decoded`) at `now_ms`, or why
/// it cannot be renewed as it is, worded in `l`.
pub fn plan_renewal(cert: &PrivateCertificate, decoded: &Decoded, cas: &[CertificateAuthority], now_ms: i64, l: Locale) -> Result<Renewal, String> {
    if cert.status != CertificateStatus::Issued {
        let status = labels::cert_status(&cert.status, l).to_lowercase();
        return Err(td_string!(l, pca.renew_not_issued, status = status).to_string());
    }
    let mut draft = again_draft(cert, decoded);
    let issuer = find_issuer(cas, &draft.issuer_id).ok_or_else(|| {
        let ca = cert.issuer_name.clone().unwrap_or_else(|| draft.issuer_id.clone());
        td_string!(l, pca.renew_ca_cannot_issue, ca = ca).to_string()
    })?;
    let days = validity_days(cert).unwrap_or(365);
    let mut validity = td_string!(l, pca.renew_as_before, days = days).to_string();
    if let Some(end) = issuer.not_after.filter(|end| latest_end(now_ms, &ValidityType::Day, days) > *end) {
        let ca = &issuer.distinguished_name.common_name;
        let (unit, value) = capped(now_ms, end, &ValidityType::Day, &days.to_string())
            .ok_or_else(|| td_string!(l, pca.renew_ca_ends_no_fit, ca = ca, date = date(l, end)).to_string())?;
        draft.validity_type = unit.as_str().to_owned();
        draft.validity_value = value.to_string();
        let unit = labels::validity_unit(&unit, l);
        validity = td_string!(l, pca.renew_cut, value = value, unit = unit, days = days, ca = ca, date = date(l, end)).to_string();
    }
    let request = draft.to_request(cas, now_ms, l).map_err(|errors| {
        errors.iter().map(|e| field_line(e, l)).collect::<Vec<_>>().join("; ")
    })?;
    Ok(Renewal { request, validity })
}

/// The revocations after a renewal: each old certificate that was renewed,
/// revoked as superseded (or skipped when its status no longer allows it);
/// one whose renewal failed is not touched.
pub fn supersede_plan(olds: &[PrivateCertificate], renewed: &[bool], l: Locale) -> Vec<Planned> {
    let picked: Vec<Picked> = olds
        .iter()
        .zip(renewed)
        .filter(|(_, done)| **done)
        .map(|(c, _)| Picked::new(&c.certificate_id, &c.distinguished_name.common_name))
        .collect();
    bulk::plan(CertAction::Revoke, picked, olds, Some(RevocationReason::Superseded), l)
}

#[cfg(test)]
mod tests {
    use super::super::apply_form::EkuChoice;
    use super::super::issuers::tests::{cas, DAY, ISSUING, NOW, ROOT};
    use super::*;
    use serde_json::json;

    fn cert(id: &str, issuer: &str, status: &str, days: i64) -> PrivateCertificate {
        serde_json::from_value(json!({
            "certificate_id": id, "status": status, "issuer_id": issuer, "issuer_name": "Acme",
            "key_algorithm": "EC384", "signature_algorithm": "SHA384",
            "not_before": NOW - (days - 10) * DAY, "not_after": NOW + 10 * DAY,
            "distinguished_name": {"common_name": format!("{id}.example.com"), "organization": "Acme"}
        }))
        .unwrap()
    }

    fn decoded() -> Decoded {
        Decoded {
            sans: vec![("DNS".into(), "a.example.com".into()), ("IP".into(), "10.0.0.7".into())],
            key_usages: vec!["digitalSignature".into()],
            eku: EkuChoice { server_auth: true, ..Default::default() },
        }
    }

    #[test]
    fn a_renewal_keeps_everything_but_the_dates() {
        let r = plan_renewal(&cert("a", ROOT, "ISSUED", 90), &decoded(), &cas(), NOW, Locale::en).unwrap();
        assert_eq!(r.request.path, "/v1/private-certificates");
        let body = r.request.body.unwrap();
        assert_eq!(body["issuer_id"], ROOT);
        assert_eq!((body["key_algorithm"].as_str(), body["signature_algorithm"].as_str()), (Some("EC384"), Some("SHA384")));
        assert_eq!(body["distinguished_name"], json!({"common_name": "a.example.com", "organization": "Acme"}));
        assert_eq!(body["validity"], json!({"type": "DAY", "value": 90}), "as long as before, from now: no start date");
        assert_eq!(body["subject_alternative_names"], json!([{"type": "DNS", "value": "a.example.com"}, {"type": "IP", "value": "10.0.0.7"}]));
        assert_eq!(body["key_usages"], json!(["digitalSignature"]));
        assert_eq!(body["extended_key_usage"], json!({"server_auth": true}));
        assert_eq!(r.validity, "90 days from now, as before");
    }

    #[test]
    fn the_validity_is_cut_to_end_before_the_ca() {
        // The issuing CA ends in 400 days; a 500-day certificate is cut to 400.
        let r = plan_renewal(&cert("b", ISSUING, "ISSUED", 500), &decoded(), &cas(), NOW, Locale::en).unwrap();
        assert_eq!(r.request.body.unwrap()["validity"], json!({"type": "DAY", "value": 400}));
        assert!(r.validity.starts_with("400 days from now (was 500 days): its CA Acme Issuing ends on "), "{}", r.validity);
    }

    #[test]
    fn what_cannot_be_renewed_says_why() {
        let revoked = plan_renewal(&cert("c", ROOT, "REVOKED", 90), &decoded(), &cas(), NOW, Locale::en).unwrap_err();
        assert_eq!(revoked, "it is revoked: only an issued certificate is renewed");
        let disabled = plan_renewal(&cert("d", "44444444-4444-4444-8444-444444444444", "ISSUED", 90), &decoded(), &cas(), NOW, Locale::en);
        assert_eq!(disabled.unwrap_err(), "its CA Acme cannot issue now (it must be active)");
        let mut bad = decoded();
        bad.sans.push(("DNS".into(), "not a name".into()));
        let e = plan_renewal(&cert("e", ROOT, "ISSUED", 90), &bad, &cas(), NOW, Locale::en).unwrap_err();
        assert!(e.starts_with("subject_alternative_names[2].value: "), "{e}");
    }

    #[test]
    fn the_plan_in_chinese() {
        let zh = |c: PrivateCertificate| plan_renewal(&c, &decoded(), &cas(), NOW, Locale::zh_CN);
        assert_eq!(zh(cert("a", ROOT, "ISSUED", 90)).unwrap().validity, "从现在起 90 天，与原证书相同");
        let cut = zh(cert("b", ISSUING, "ISSUED", 500)).unwrap().validity;
        assert!(cut.starts_with("从现在起 400 天（原为 500 天）：其 CA Acme Issuing 将于 "), "{cut}");
        assert!(cut.ends_with("日 到期"), "a Chinese date: {cut}");
        assert_eq!(zh(cert("c", ROOT, "REVOKED", 90)).unwrap_err(), "该证书状态为“已吊销”：只有已签发的证书才能续期");
        let disabled = zh(cert("d", "44444444-4444-4444-8444-444444444444", "ISSUED", 90)).unwrap_err();
        assert_eq!(disabled, "其 CA Acme 当前无法签发证书（CA 须为已启用状态）");
    }

    #[test]
    fn only_renewed_certificates_are_revoked_and_as_superseded() {
        let olds = [cert("a", ROOT, "ISSUED", 90), cert("b", ROOT, "ISSUED", 90), cert("c", ROOT, "REVOKED", 90)];
        let plan = supersede_plan(&olds, &[true, false, true], Locale::en);
        assert_eq!(plan.len(), 2);
        assert_eq!(plan[0].0.name, "a.example.com");
        let req = plan[0].1.as_ref().unwrap();
        assert_eq!((req.path.as_str(), req.body.clone().unwrap()), ("/v1/private-certificates/a/revoke", json!({"reason": "SUPERSEDED"})));
        assert_eq!(plan[1].0.name, "c.example.com");
        assert!(plan[1].1.is_err(), "already revoked: skipped without a request");
    }
}

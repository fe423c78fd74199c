//! What bulk revoke and delete send for each picked certificate: the
//! request, or, when the status rules refuse it, the reason it is skipped
//! (`list/bulk.rs` runs them). Pure.

use ccm_api::catalogue::{cert_action_allowed_for, CertAction};
use ccm_api::common::RevocationReason;
use ccm_api::pca::certs::{delete_certificate, revoke_certificate, PrivateCertificate};

use crate::list::bulk::Planned;
use crate::list::selection::Picked;
use crate::i18n::{Locale, td_string};
use crate::pages::pca::labels::cert_denied_text;

/// Each picked certificate's request for `action` (revoke with `reason`,
/// or delete), looked up among the certificates on the page.
pub fn plan(action: CertAction, picked: Vec<Picked>, on_page: &[PrivateCertificate], reason: Option<RevocationReason>, l: Locale) -> Vec<Planned> {
    picked
        .into_iter()
        .map(|p| {
            let planned = match on_page.iter().find(|c| c.certificate_id == p.id) {
                None => Err(td_string!(l, pca.bulk_gone).to_owned()),
                Some(c) => cert_action_allowed_for(action, c).map_err(|denied| cert_denied_text(denied.reason, c, l)).map(|()| match action {
                    CertAction::Revoke => revoke_certificate(&c.certificate_id, reason.clone()),
                    _ => delete_certificate(&c.certificate_id),
                }),
            };
            (p, planned)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cert(id: &str, status: &str) -> PrivateCertificate {
        serde_json::from_value(json!({"certificate_id": id, "status": status, "distinguished_name": {"common_name": format!("cn-{id}")}})).unwrap()
    }

    fn picked(certs: &[PrivateCertificate]) -> Vec<Picked> {
        certs.iter().map(|c| Picked::new(&c.certificate_id, &c.distinguished_name.common_name)).collect()
    }

    #[test]
    fn revoke_skips_what_the_status_rules_refuse() {
        let certs = [cert("a", "ISSUED"), cert("b", "REVOKED")];
        let plan = plan(CertAction::Revoke, picked(&certs), &certs, Some(RevocationReason::Superseded), Locale::en);
        let req = plan[0].1.as_ref().unwrap();
        assert_eq!(req.path, "/v1/private-certificates/a/revoke");
        assert_eq!(req.body.clone().unwrap(), json!({"reason": "SUPERSEDED"}));
        assert!(plan[1].1.is_err(), "a revoked certificate is not sent again");
        assert_eq!(plan[1].0.name, "cn-b");
    }

    #[test]
    fn delete_sends_for_every_status_and_revoke_without_reason_sends_an_empty_object() {
        let certs = [cert("a", "REVOKED"), cert("b", "EXPIRED")];
        let plan_del = plan(CertAction::Delete, picked(&certs), &certs, None, Locale::en);
        assert_eq!(plan_del[0].1.as_ref().unwrap().path, "/v1/private-certificates/a");
        assert!(plan_del[1].1.is_ok());
        let issued = [cert("a", "ISSUED")];
        assert_eq!(plan(CertAction::Revoke, picked(&issued), &issued, None, Locale::en)[0].1.as_ref().unwrap().body_bytes(), b"{}");
    }

    #[test]
    fn a_certificate_gone_from_the_page_is_skipped() {
        let plan = plan(CertAction::Delete, vec![Picked::new("x", "gone.example.com")], &[cert("a", "ISSUED")], None, Locale::en);
        assert_eq!(plan[0].1, Err("no longer in the list; reload".to_owned()));
    }
}

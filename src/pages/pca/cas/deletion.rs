//! The CA delete dialog's one field, the grace period (`pending_days`):
//! a request form over the contract's rule for the delete call, like the
//! activation's, so the required mark, the range and the message come
//! from ccm-api and nothing is sent until the value fits.

use ccm_api::common::CaStatus;
use ccm_api::pca::cas::delete_certificate_authority;
use ccm_api::validate::{field_problem, Check, Found, Problem, ValidationError};
use ccm_api::Service;
use leptos::prelude::*;

use crate::form::draft::finish;
use crate::form::field::RuleField;
use crate::form::request_form::{Checked, RequestForm};
use crate::i18n::{td_string, use_locale};

const OPERATION: &str = "delete_certificate_authority";
const PATH: &str = "pending_days";

/// The service's own default and shortest grace period; also what is sent
/// for a PENDING CA, which the service removes at once whatever it says.
const DEFAULT_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletionDraft {
    pub pending_days: String,
}

impl Default for DeletionDraft {
    fn default() -> Self {
        DeletionDraft { pending_days: DEFAULT_DAYS.to_string() }
    }
}

impl DeletionDraft {
    /// The delete request, or what is wrong with the days typed. Pure.
    pub fn to_request(&self, ca_id: &str, status: &CaStatus) -> Checked {
        if *status == CaStatus::Pending {
            return Ok(delete_certificate_authority(ca_id, DEFAULT_DAYS));
        }
        let text = self.pending_days.trim();
        match text.parse::<i64>() {
            Ok(days) => finish(delete_certificate_authority(ca_id, days), Vec::new(), 0),
            // Not a number: the contract's rule says what it takes.
            Err(_) => {
                let value = (!text.is_empty()).then(|| serde_json::Value::String(text.to_owned()));
                let problem = field_problem(Service::Ccm, OPERATION, PATH, value.as_ref()).unwrap_or(Problem::Invalid {
                    found: Found::NotWhole(text.to_owned()),
                    check: Check::Int { min: 7, max: 30 },
                });
                Err(vec![ValidationError::of(PATH, problem)])
            }
        }
    }
}

crate::draft_signals!(pub DeletionSignals for DeletionDraft { pending_days: String });

/// The deletion's draft and its form, living as long as the dialog.
pub fn deletion_form(ca_id: String, status: CaStatus) -> (DeletionSignals, RequestForm) {
    let d = DeletionSignals::new();
    (d, RequestForm::new(Service::Ccm, OPERATION, move || d.draft().to_request(&ca_id, &status)))
}

#[component]
pub fn DeletionFields(d: DeletionSignals, form: RequestForm) -> impl IntoView {
    let l = use_locale();
    view! {
        <RuleField form path=PATH id="pending-days" label=td_string!(l, pca.delete_days) value=d.pending_days
            hint=td_string!(l, pca.delete_days_hint) />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "4c0e772e-1b2a-4c3d-8e4f-5a6b7c8d9e0f";

    fn draft(days: &str) -> DeletionDraft {
        DeletionDraft { pending_days: days.into() }
    }

    fn message(days: &str) -> String {
        let errors = draft(days).to_request(ID, &CaStatus::Disabled).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, PATH);
        errors[0].message.clone()
    }

    #[test]
    fn days_within_the_contracts_range_make_the_request() {
        for days in ["7", " 30 ", "12"] {
            let req = draft(days).to_request(ID, &CaStatus::Disabled).unwrap();
            assert_eq!(req.operation, OPERATION);
            assert_eq!(req.query, [(PATH.to_owned(), days.trim().to_owned())]);
        }
        assert_eq!(DeletionDraft::default().to_request(ID, &CaStatus::Disabled).unwrap().query[0].1, "7");
    }

    #[test]
    fn out_of_range_blank_or_not_a_number_is_refused_in_the_contracts_words() {
        assert!(message("6").contains("from 7 to 30"), "{}", message("6"));
        assert!(message("31").contains("is 31"), "{}", message("31"));
        assert!(message("").starts_with("is required"), "{}", message(""));
        assert!(message("two weeks").contains("not a whole number"), "{}", message("two weeks"));
    }

    #[test]
    fn a_pending_ca_goes_at_once_whatever_was_typed() {
        let req = draft("99").to_request(ID, &CaStatus::Pending).unwrap();
        assert_eq!(req.query[0].1, "7");
    }
}

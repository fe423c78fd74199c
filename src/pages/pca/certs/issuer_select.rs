//! The issuing-CA picker of the apply and CSR forms: active CAs only, the
//! form's message for `issuer_id` beside it.

use ccm_api::pca::cas::CertificateAuthority;
use leptos::prelude::*;

use super::issuers::{active_issuers, issuer_label};
use crate::form::field::{RuleSelect, RuleSelectProps};
use crate::form::request_form::RequestForm;
use crate::i18n::{td_string, use_locale};

#[component]
pub fn IssuerSelect(
    id: &'static str,
    value: RwSignal<String>,
    cas: RwSignal<Vec<CertificateAuthority>>,
    form: RequestForm,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let l = use_locale();
    let options = Signal::derive(move || cas.with(|c| active_issuers(c).into_iter().map(|i| (i.ca_id.clone(), issuer_label(i, l))).collect()));
    let (label, none) = (td_string!(l, pca.issuing_ca), td_string!(l, pca.choose_active_ca));
    RuleSelect(RuleSelectProps { form, path: "issuer_id", id, label, value, none, options, hint })
}

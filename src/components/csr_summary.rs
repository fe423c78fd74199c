//! What a decoded CSR asks for: subject, key, signature, requested names.
//! Shown by "issue from a CSR" and by the CSR manager's details.

use ccm_pki::decode::CsrInfo;
use leptos::prelude::*;

use crate::i18n::{td_string, use_locale};
use crate::pki::csr_text::{key_text, names_text};

#[component]
pub fn CsrSummary(info: CsrInfo) -> impl IntoView {
    let l = use_locale();
    let algorithm = info.signature_algorithm.clone();
    let signature = if info.signature_valid {
        td_string!(l, common.csr_verifies, algorithm = algorithm)
    } else {
        td_string!(l, common.csr_does_not_verify, algorithm = algorithm)
    }
    .to_string();
    view! {
        <dl class="details-list">
            <dt>{td_string!(l, common.subject)}</dt><dd translate="no">{info.subject.clone()}</dd>
            <dt>{td_string!(l, common.csr_key)}</dt><dd translate="no">{key_text(&info)}</dd>
            <dt>{td_string!(l, common.csr_signature)}</dt><dd>{signature}</dd>
            <dt>{td_string!(l, common.csr_requested_names)}</dt><dd translate="no">{names_text(&info)}</dd>
        </dl>
    }
}

//! What a decoded CSR asks for: subject, key, signature, requested names.
//! Shown by "issue from a CSR" and by the CSR manager's details.

use ccm_pki::decode::CsrInfo;
use leptos::prelude::*;

use crate::pki::csr_text::{key_text, names_text};

#[component]
pub fn CsrSummary(info: CsrInfo) -> impl IntoView {
    let signature = format!("{}, {}", info.signature_algorithm, if info.signature_valid { "verifies" } else { "does not verify" });
    view! {
        <dl class="details-list">
            <dt>"Subject"</dt><dd>{info.subject.clone()}</dd>
            <dt>"Key"</dt><dd>{key_text(&info)}</dd>
            <dt>"Signature"</dt><dd>{signature}</dd>
            <dt>"Requested names"</dt><dd>{names_text(&info)}</dd>
        </dl>
    }
}

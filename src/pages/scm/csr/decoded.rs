//! The selected CSR decoded in the browser, its signature checked. The
//! decoder comes with the `pki` module, fetched when a CSR is first opened.

use leptos::prelude::*;
use crate::i18n::{td_string, use_locale};

use crate::components::csr_summary::CsrSummary;
use crate::layout::lazy_view::lazy_component;
use crate::form::message::message_view;
use crate::pki::csr_text::decode;

lazy_component!(LazyCsrDecoded = CsrDecoded(pem: String) in pki via load_csr_decoded);

#[component]
pub fn CsrDecoded(pem: String) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section aria-label=td_string!(locale, scm.csr_decoded)>
            <h3>{td_string!(locale, scm.csr_decoded_heading)}</h3>
            {match decode(&pem) {
                Ok(info) => view! { <CsrSummary info /> }.into_any(),
                Err(why) => view! { <p class="field-error">{message_view(Some(td_string!(locale, scm.csr_unreadable, why = why.words(locale)).to_string()))}</p> }.into_any(),
            }}
            <details>
                <summary>"PEM"</summary>
                <pre class="pem-text" aria-label=td_string!(locale, scm.csr_pem_label)>{pem.clone()}</pre>
            </details>
        </section>
    }
}

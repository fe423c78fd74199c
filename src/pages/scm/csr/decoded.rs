//! The selected CSR decoded in the browser, its signature checked. The
//! decoder comes with the `pki` module, fetched when a CSR is first opened.

use leptos::prelude::*;

use crate::components::csr_summary::CsrSummary;
use crate::layout::lazy_view::lazy_component;
use crate::pki::csr_text::decode;

lazy_component!(LazyCsrDecoded = CsrDecoded(pem: String) in pki via load_csr_decoded);

#[component]
pub fn CsrDecoded(pem: String) -> impl IntoView {
    view! {
        <section aria-label="Decoded CSR">
            <h3>"Decoded in the browser"</h3>
            {match decode(&pem) {
                Ok(info) => view! { <CsrSummary info /> }.into_any(),
                Err(why) => view! { <p class="field-error">{format!("The browser cannot read this CSR: {why}")}</p> }.into_any(),
            }}
            <details>
                <summary>"PEM"</summary>
                <pre class="pem-text" aria-label="CSR (PEM)">{pem.clone()}</pre>
            </details>
        </section>
    }
}

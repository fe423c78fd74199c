use leptos::prelude::*;

use crate::components::planned::Planned;

#[component]
pub fn PrivateCertificatesPage() -> impl IntoView {
    view! {
        <Planned
            title="Private certificates"
            what="Listing, applying for, issuing from a CSR, exporting, revoking and deleting private certificates arrive with the private certificate work."
        />
    }
}

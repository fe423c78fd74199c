use leptos::prelude::*;

use crate::components::planned::Planned;

#[component]
pub fn SslCertificatesPage() -> impl IntoView {
    view! {
        <Planned
            title="SSL certificates"
            what="Listing, importing, exporting, pushing and deleting SSL certificates (SCM) arrive with the SSL certificate work."
        />
    }
}

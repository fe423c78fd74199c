//! The issuing-CA picker of the apply and CSR forms: active CAs only, the
//! form's message for `issuer_id` beside it.

use ccm_api::pca::cas::CertificateAuthority;
use leptos::prelude::*;

use super::issuers::{active_issuers, issuer_label};
use crate::form::request_form::RequestForm;

#[component]
pub fn IssuerSelect(
    id: &'static str,
    value: RwSignal<String>,
    cas: RwSignal<Vec<CertificateAuthority>>,
    form: RequestForm,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let error = form.error_for("issuer_id");
    view! {
        <div class="field">
            <label for=id>"Issuing CA"</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev)) on:blur=move |_| form.leave("issuer_id")
                aria-invalid=move || error.get().is_some().to_string()>
                <option value="" selected=move || value.get().is_empty()>"Choose an active CA"</option>
                {move || cas.with(|c| active_issuers(c).into_iter().map(|i| {
                    let ca_id = i.ca_id.clone();
                    let ca_id_sel = ca_id.clone();
                    view! { <option value=ca_id selected=move || value.get() == ca_id_sel>{issuer_label(i)}</option> }
                }).collect::<Vec<_>>())}
            </select>
            {hint.map(|h| view! { <p class="field-hint">{h}</p> })}
            <p class="field-error">{move || error.get()}</p>
        </div>
    }
}

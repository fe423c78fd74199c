//! The RFC 5280 revocation reason picker; empty means "no reason given"
//! (the request body is then `{}`).

use ccm_api::common::RevocationReason;
use leptos::prelude::*;

use crate::i18n::{td_string, use_locale};
use crate::pages::pca::labels;

#[component]
pub fn ReasonSelect(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    let i18n = use_locale();
    let l = i18n;
    view! {
        <div class="field">
            <label for=id>{td_string!(i18n, pca.reason_label)}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" selected=move || value.get().is_empty()>{td_string!(i18n, pca.no_reason)}</option>
                {RevocationReason::known().into_iter().map(|r| {
                    let wire = r.as_str().to_owned();
                    let w = wire.clone();
                    view! { <option value=wire selected=move || value.get() == w>{labels::reason(&r, l)}</option> }
                }).collect::<Vec<_>>()}
            </select>
        </div>
    }
}

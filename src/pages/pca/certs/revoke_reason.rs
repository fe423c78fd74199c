//! The RFC 5280 revocation reason picker; empty means "no reason given"
//! (the request body is then `{}`).

use ccm_api::common::RevocationReason;
use leptos::prelude::*;

#[component]
pub fn ReasonSelect(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>"Reason (RFC 5280)"</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" selected=move || value.get().is_empty()>"No reason given"</option>
                {RevocationReason::known().into_iter().map(|r| {
                    let wire = r.as_str().to_owned();
                    let w = wire.clone();
                    view! { <option value=wire selected=move || value.get() == w>{r.label().to_owned()}</option> }
                }).collect::<Vec<_>>()}
            </select>
        </div>
    }
}

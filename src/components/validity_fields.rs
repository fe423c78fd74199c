//! Validity of a CA or certificate: a number, its unit, and an optional
//! start date, with the contract's messages beside them.

use ccm_api::common::ValidityType;
use leptos::prelude::*;

use crate::components::select::WireSelect;
use crate::form::field::RuleField;
use crate::form::request_form::RequestForm;
use crate::i18n::{td_string, use_locale};
use crate::pages::pca::labels::validity_unit;

#[component]
pub fn ValidityFields(
    #[prop(into)] id_prefix: String,
    value: RwSignal<String>,
    unit: RwSignal<String>,
    /// `YYYY-MM-DD`, empty for "now"; left out when `None`.
    #[prop(optional)]
    start_date: Option<RwSignal<String>>,
    form: RequestForm,
    #[prop(into, optional)] hint: Option<String>,
) -> impl IntoView {
    let l = use_locale();
    let start_id = format!("{id_prefix}-start");
    let start_error = form.error_for("validity.start_from");
    view! {
        <div class="field-row">
            <RuleField form path="validity.value" id=format!("{id_prefix}-validity") label=td_string!(l, common.validity) value />
            <WireSelect id=format!("{id_prefix}-validity-unit") label=td_string!(l, common.validity_unit) value=unit
                options=ValidityType::known().into_iter().map(|k| (k.as_str().to_owned(), validity_unit(&k, l))).collect() />
            {start_date.map(|start| view! {
                <div class="field">
                    <label for=start_id.clone()>{td_string!(l, common.start_optional)}</label>
                    <input id=start_id.clone() type="date" prop:value=move || start.get()
                        on:input=move |ev| start.set(event_target_value(&ev))
                        on:blur=move |_| form.leave("validity.start_from") />
                    <p class="field-error">{move || start_error.get()}</p>
                </div>
            })}
        </div>
        {hint.map(|h| view! { <p class="field-hint">{h}</p> })}
    }
}

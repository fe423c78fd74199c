//! Subject alternative names: a row per name (type and value), up to the
//! contract's 20, each checked as typed once the form was reviewed.

use ccm_api::common::SanType;
use ccm_api::validate::MAX_SANS;
use leptos::prelude::*;

use super::apply_form::SanRow;

#[component]
pub fn SanEditor(rows: RwSignal<Vec<SanRow>>, error_for: Callback<String, Option<String>>) -> impl IntoView {
    // Rows are rebuilt only when one is added or removed, so typing keeps focus.
    let count = Memo::new(move |_| rows.with(Vec::len));
    let full = move || count.get() >= MAX_SANS;
    view! {
        <fieldset>
            <legend>"Subject alternative names"</legend>
            <p class="field-hint">{format!("DNS names, IP addresses, e-mail addresses or URIs; at most {MAX_SANS}.")}</p>
            {move || (0..count.get()).map(|i| {
                let n = i + 1;
                let kind_id = format!("san-{n}-type");
                let value_id = format!("san-{n}-value");
                let error = move || error_for.run(format!("subject_alternative_names[{i}].value"))
                    .or_else(|| error_for.run(format!("subject_alternative_names[{i}].type")));
                view! {
                    <div class="field-row san-row" class:field-invalid=move || error().is_some()>
                        <div class="field">
                            <label for=kind_id.clone()>{format!("Name {n} type")}</label>
                            <select id=kind_id on:change=move |ev| { let v = event_target_value(&ev); rows.update(|r| if let Some(row) = r.get_mut(i) { row.kind = v }) }>
                                {SanType::known().into_iter().map(|t| {
                                    let wire = t.as_str().to_owned();
                                    let w = wire.clone();
                                    view! { <option value=wire selected=move || rows.with(|r| r.get(i).is_some_and(|row| row.kind == w))>{t.label().to_owned()}</option> }
                                }).collect::<Vec<_>>()}
                            </select>
                        </div>
                        <div class="field">
                            <label for=value_id.clone()>{format!("Name {n} value")}</label>
                            <input id=value_id type="text" spellcheck="false"
                                prop:value=move || rows.with(|r| r.get(i).map(|row| row.value.clone()).unwrap_or_default())
                                on:input=move |ev| { let v = event_target_value(&ev); rows.update(|r| if let Some(row) = r.get_mut(i) { row.value = v }) }
                                aria-invalid=move || error().is_some().to_string() />
                            <p class="field-error">{error}</p>
                        </div>
                        <button type="button" aria-label=format!("Remove name {n}") on:click=move |_| rows.update(|r| { if i < r.len() { r.remove(i); } })>"Remove"</button>
                    </div>
                }
            }).collect::<Vec<_>>()}
            <button type="button" disabled=full on:click=move |_| rows.update(|r| r.push(SanRow::new(SanType::Dns, ""))) >"Add a name"</button>
            <Show when=full><p class="field-hint">{format!("{MAX_SANS} names is the most a certificate may carry.")}</p></Show>
            <p class="field-error">{move || error_for.run("subject_alternative_names".to_owned())}</p>
        </fieldset>
    }
}

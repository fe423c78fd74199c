//! Subject alternative names: a row per name (type and value), up to the
//! contract's 20, each checked as typed once the form was reviewed.

use ccm_api::common::SanType;
use ccm_api::validate::MAX_SANS;
use leptos::prelude::*;

use super::apply_form::SanRow;
use crate::i18n::{Locale, td_string, use_locale};

#[component]
pub fn SanEditor(rows: RwSignal<Vec<SanRow>>, error_for: Callback<String, Option<String>>) -> impl IntoView {
    let l = use_locale();
    // Rows are rebuilt only when one is added or removed, so typing keeps focus.
    let count = Memo::new(move |_| rows.with(Vec::len));
    let full = move || count.get() >= MAX_SANS;
    view! {
        <fieldset>
            <legend>{td_string!(l, pca.sans)}</legend>
            <p class="field-hint">{td_string!(l, pca.sans_hint, max = MAX_SANS).to_string()}</p>
            {move || (0..count.get()).map(|i| {
                let n = i + 1;
                let kind_id = format!("san-{n}-type");
                let value_id = format!("san-{n}-value");
                let error = move || error_for.run(format!("subject_alternative_names[{i}].value"))
                    .or_else(|| error_for.run(format!("subject_alternative_names[{i}].type")));
                view! {
                    <div class="field-row san-row" class:field-invalid=move || error().is_some()>
                        <div class="field">
                            <label for=kind_id.clone()>{td_string!(l, pca.san_type_n, n = n).to_string()}</label>
                            <select id=kind_id on:change=move |ev| { let v = event_target_value(&ev); rows.update(|r| if let Some(row) = r.get_mut(i) { row.kind = v }) }>
                                {SanType::known().into_iter().map(|t| {
                                    let wire = t.as_str().to_owned();
                                    let w = wire.clone();
                                    view! { <option value=wire selected=move || rows.with(|r| r.get(i).is_some_and(|row| row.kind == w))>{san_type_label(&t, l)}</option> }
                                }).collect::<Vec<_>>()}
                            </select>
                        </div>
                        <div class="field">
                            <label for=value_id.clone()>{td_string!(l, pca.san_value_n, n = n).to_string()}</label>
                            <input id=value_id type="text" spellcheck="false"
                                prop:value=move || rows.with(|r| r.get(i).map(|row| row.value.clone()).unwrap_or_default())
                                on:input=move |ev| { let v = event_target_value(&ev); rows.update(|r| if let Some(row) = r.get_mut(i) { row.value = v }) }
                                aria-invalid=move || error().is_some().to_string() />
                            <p class="field-error">{error}</p>
                        </div>
                        <button type="button" aria-label=td_string!(l, pca.remove_name_n, n = n).to_string() on:click=move |_| rows.update(|r| { if i < r.len() { r.remove(i); } })>{td_string!(l, pca.remove)}</button>
                    </div>
                }
            }).collect::<Vec<_>>()}
            <button type="button" disabled=full on:click=move |_| rows.update(|r| r.push(SanRow::new(SanType::Dns, ""))) >{td_string!(l, pca.add_name)}</button>
            <Show when=full><p class="field-hint">{td_string!(l, pca.sans_full, max = MAX_SANS).to_string()}</p></Show>
            <p class="field-error">{move || error_for.run("subject_alternative_names".to_owned())}</p>
        </fieldset>
    }
}

fn san_type_label(t: &SanType, locale: Locale) -> String {
    match t {
        SanType::Dns => td_string!(locale, pca.san_dns).to_owned(),
        SanType::Ip => td_string!(locale, pca.san_ip).to_owned(),
        SanType::Email => td_string!(locale, pca.san_email).to_owned(),
        SanType::Uri => td_string!(locale, pca.san_uri).to_owned(),
        SanType::Other(s) => s.clone(),
    }
}

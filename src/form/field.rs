//! A text field bound to one wire path of a request form: its message,
//! its required marker (from the contract) and "left" on blur come from
//! the form, so a page names the path once.

use leptos::prelude::*;

use super::message::message_view;
use super::request_form::RequestForm;
use crate::components::field::{RequiredMark, TextField, TextFieldProps};
use crate::components::with_data::unmarked;

#[component]
pub fn RuleField(
    form: RequestForm,
    /// The wire path (`distinguished_name.country`).
    path: &'static str,
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(into, optional)] placeholder: Option<String>,
) -> impl IntoView {
    TextField(TextFieldProps {
        id,
        label,
        value,
        hint,
        placeholder,
        error: form.error_for(path),
        required: form.required(path),
        on_blur: Some(form.on_leave(path)),
        password: false,
        autocomplete: None,
    })
}

/// A select bound to one wire path (the issuing CA): a first option for
/// "nothing chosen", then `options` (value, text shown, data in it
/// `with_data::marked`); the required
/// mark, message and "left" come from the form like a `RuleField`'s.
#[component]
pub fn RuleSelect(
    form: RequestForm,
    path: &'static str,
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    /// The first option's text (its value is empty).
    none: &'static str,
    options: Signal<Vec<(String, String)>>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let error = form.error_for(path);
    let required = form.required(path);
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <span class="label-line">
                <label for=id>{label}</label>
                {required.then(|| view! { <RequiredMark /> })}
            </span>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev)) on:blur=move |_| form.leave(path)
                aria-required=required.then(|| "true".to_owned())
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }>
                <option value="" selected=move || value.with(String::is_empty)>{none}</option>
                {move || options.get().into_iter().map(|(v, text)| {
                    let chosen = v.clone();
                    let (text, data) = unmarked(&text);
                    view! { <option value=v data-untranslated=data selected=move || value.with(|c| *c == chosen)>{text}</option> }
                }).collect::<Vec<_>>()}
            </select>
            {hint.map(|h| view! { <p class="field-hint">{h}</p> })}
            <p class="field-error">{move || message_view(error.get())}</p>
        </div>
    }
}

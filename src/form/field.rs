//! A text field bound to one wire path of a request form: its message,
//! its required marker (from the contract) and "left" on blur come from
//! the form, so a page names the path once.

use leptos::prelude::*;

use super::request_form::RequestForm;
use crate::components::field::{TextField, TextFieldProps};

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

//! Labelled form fields with their validation message beside them.

use leptos::prelude::*;

/// A text input bound to a signal; `error` is shown under it and linked
/// with `aria-describedby` so screen readers read it.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(optional)] password: bool,
    #[prop(into, optional)] placeholder: Option<String>,
    #[prop(into, optional)] autocomplete: Option<String>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let (e, h, has_hint) = (error_id.clone(), hint_id.clone(), hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(h.clone());
            }
            if error.with(Option::is_some) {
                ids.push(e.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <input
                id=id.clone()
                type=if password { "password" } else { "text" }
                placeholder=placeholder
                autocomplete=autocomplete
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described
            />
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{h}</p> })}
            <p class="field-error" id=error_id.clone()>{move || error.get()}</p>
        </div>
    }
}

/// Looks up the message for a wire path (`validity.value`) in a list of
/// validation errors; a parent path also finds its children's messages.
pub fn error_lookup(
    errors: Signal<Vec<ccm_api::validate::ValidationError>>,
) -> Callback<&'static str, Signal<Option<String>>> {
    Callback::new(move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.field == field || e.field.starts_with(&format!("{field}.")))
                    .map(|e| e.message.clone())
            })
        })
    })
}

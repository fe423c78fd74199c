//! Labelled form fields with their validation message beside them.

use leptos::prelude::*;

use crate::components::with_data::{unmarked, CodeMarked};
use crate::form::message::message_view;

/// A text input bound to a signal; `error` is shown under it and linked
/// with `aria-describedby` so screen readers read it.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    /// Names, paths or URLs in it marked with `with_data::code` show as code.
    #[prop(into, optional)]
    hint: Option<String>,
    #[prop(optional)] password: bool,
    /// Data in it (`with_data::marked`) is named in `data-untranslated`.
    #[prop(into, optional)] placeholder: Option<String>,
    #[prop(into, optional)] autocomplete: Option<String>,
    /// Marked as required (the mark is visual; `aria-required` tells
    /// screen readers).
    #[prop(optional)]
    required: bool,
    /// The user left the field (a form then shows its error).
    #[prop(into, optional)]
    on_blur: Option<Callback<()>>,
) -> impl IntoView {
    let (placeholder, placeholder_data) = placeholder.map(|p| unmarked(&p)).unzip();
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
            // The mark sits beside the label, not in it: the label text
            // stays the field's name.
            <span class="label-line">
                <label for=id.clone()>{label}</label>
                {required.then(|| view! { <RequiredMark /> })}
            </span>
            <input
                id=id.clone()
                type=if password { "password" } else { "text" }
                placeholder=placeholder
                data-untranslated=placeholder_data.flatten()
                autocomplete=autocomplete
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:blur=move |_| if let Some(cb) = on_blur { cb.run(()) }
                aria-required=required.then(|| "true".to_owned())
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described
            />
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()><CodeMarked text=h /></p> })}
            <p class="field-error" id=error_id.clone()>{move || message_view(error.get())}</p>
        </div>
    }
}

/// The mark after a required field's label. Hidden from screen readers,
/// which hear `aria-required` instead.
#[component]
pub fn RequiredMark() -> impl IntoView {
    view! { <span class="required-mark" aria-hidden="true">"*"</span> }
}

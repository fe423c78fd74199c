//! A labelled select over wire values, bound to a string signal.

use leptos::prelude::*;

#[component]
pub fn WireSelect(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    /// (wire value, text shown)
    options: Vec<(String, String)>,
    #[prop(into, optional)] hint: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(wire, text)| {
                    let w = wire.clone();
                    view! { <option value=wire selected=move || value.get() == w>{text}</option> }
                }).collect::<Vec<_>>()}
            </select>
            {hint.map(|h| view! { <p class="field-hint">{h}</p> })}
        </div>
    }
}

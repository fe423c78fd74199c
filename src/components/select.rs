//! Labelled selects over wire values: `WireSelect` bound to a string
//! signal (forms), `ChoiceSelect` showing a value and reporting a pick
//! (filter bars, where a pick rewrites the URL).

use leptos::prelude::*;

use crate::components::with_data::unmarked;

#[component]
pub fn WireSelect(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    /// (wire value, text shown; data in it `with_data::marked`)
    options: Vec<(String, String)>,
    #[prop(into, optional)] hint: Option<String>,
) -> impl IntoView {
    ChoiceSelect(ChoiceSelectProps { id, label, options, hint, value: value.into(), on_pick: Callback::new(move |v| value.set(v)) })
}

#[component]
pub fn ChoiceSelect(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    /// (wire value, text shown; data in it `with_data::marked`)
    options: Vec<(String, String)>,
    value: Signal<String>,
    on_pick: Callback<String>,
    #[prop(into, optional)] hint: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {options.into_iter().map(|(wire, text)| {
                    let w = wire.clone();
                    let (text, data) = unmarked(&text);
                    view! { <option value=wire data-untranslated=data selected=move || value.get() == w>{text}</option> }
                }).collect::<Vec<_>>()}
            </select>
            {hint.map(|h| view! { <p class="field-hint">{h}</p> })}
        </div>
    }
}

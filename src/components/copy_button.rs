//! A button that copies one value to the clipboard and says so beside it
//! (the validation records, a fetched key).

use leptos::prelude::*;

use super::download::copy_text;
use crate::i18n::{td_string, use_locale};

#[component]
pub fn CopyButton(
    /// The accessible name, saying what is copied ("Copy the DNS record value for shop.example.com").
    #[prop(into)]
    label: String,
    #[prop(into)] text: String,
) -> impl IntoView {
    let l = use_locale();
    let copied = RwSignal::new(false);
    let text = StoredValue::new(text);
    view! {
        <button type="button" class="copy-button" aria-label=label
            on:click=move |_| { text.with_value(|t| copy_text(t)); copied.set(true); }>
            {td_string!(l, common.copy)}
        </button>
        <span class="copy-note" role="status">{move || copied.get().then_some(td_string!(l, common.copied))}</span>
    }
}

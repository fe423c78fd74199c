//! The header's language switch: an accessible `<select>` named
//! "Language" / "语言". Each language is listed in its own script, the
//! usual convention, so a reader can find theirs whatever is shown now.
//! Switching draws the app again (text is not reactive, src/i18n/mod.rs):
//! the page and the session stay, a form's unsent input does not.

use leptos::prelude::*;

use crate::i18n::choice::{locale_of_tag, tag_of, LocaleChoice};
use crate::i18n::{td_string, use_locale, Locale};

/// Its id: focus comes back to it once the app is drawn in the new language.
const SWITCH_ID: &str = "language-switch";

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale();
    let choice = LocaleChoice::get();
    let on_change = move |ev| {
        let (Some(picked), Some(choice)) = (locale_of_tag(&event_target_value(&ev)), choice) else { return };
        if picked != locale {
            choice.switch_to(picked);
            request_animation_frame(|| {
                use wasm_bindgen::JsCast;
                if let Some(el) = document().get_element_by_id(SWITCH_ID).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.focus();
                }
            });
        }
    };
    let option = move |value: Locale, name: &'static str| {
        view! {
            <option value=tag_of(value) lang=tag_of(value) translate="no" selected=value == locale>
                {name}
            </option>
        }
    };
    view! {
        <label class="theme-toggle">
            <span>{td_string!(locale, layout.language)}</span>
            <select id=SWITCH_ID on:change=on_change>
                {option(Locale::en, "English")}
                {option(Locale::zh_CN, "简体中文")}
            </select>
        </label>
    }
}

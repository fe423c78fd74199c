//! The header's language switch: an accessible `<select>` named
//! "Language" / "语言". Each language is listed in its own script, the
//! usual convention, so a reader can find theirs whatever is shown now.

use leptos::prelude::*;

use crate::i18n::choice::{locale_of_tag, store, tag_of};
use crate::i18n::{t, use_i18n, Locale};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev| {
        if let Some(locale) = locale_of_tag(&event_target_value(&ev)) {
            store(locale);
            i18n.set_locale(locale);
        }
    };
    let option = move |locale: Locale, name: &'static str| {
        view! {
            <option value=tag_of(locale) lang=tag_of(locale) translate="no"
                selected=move || i18n.get_locale() == locale>
                {name}
            </option>
        }
    };
    view! {
        <label class="theme-toggle">
            <span>{t!(i18n, layout.language)}</span>
            <select on:change=on_change prop:value=move || tag_of(i18n.get_locale())>
                {option(Locale::en, "English")}
                {option(Locale::zh_CN, "简体中文")}
            </select>
        </label>
    }
}

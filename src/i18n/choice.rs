//! Which language the console speaks: the one picked in the header's
//! switch (kept in localStorage), else the browser's first language we
//! have (`navigator.languages`; any Chinese is zh-CN), else English.
//! `<html lang>` follows the choice, for screen readers and fonts.

use leptos::prelude::*;

use super::Locale;

/// localStorage key of the header switch's choice (a preference, not a secret).
pub const STORAGE_KEY: &str = "ccm-console/locale";

/// The locale a language tag asks for: `en`, `en-GB` -> en; `zh`, `zh-CN`,
/// `zh-Hans`, `zh-TW` -> zh-CN (the only Chinese we have); others none.
pub fn locale_of_tag(tag: &str) -> Option<Locale> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "en" => Some(Locale::en),
        "zh" => Some(Locale::zh_CN),
        _ => None,
    }
}

/// The stored value of a locale, also the `<html lang>` and `<option>` value.
pub fn tag_of(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "en",
        Locale::zh_CN => "zh-CN",
    }
}

/// The choice: a stored value that names one of our locales exactly, else
/// the first browser language we have, else English.
pub fn choose(stored: Option<&str>, languages: &[String]) -> Locale {
    let from_storage = stored.and_then(|s| [Locale::en, Locale::zh_CN].into_iter().find(|l| tag_of(*l) == s));
    from_storage
        .or_else(|| languages.iter().find_map(|l| locale_of_tag(l)))
        .unwrap_or(Locale::en)
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// Remembers the user's pick from the header switch.
fn store(locale: Locale) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(STORAGE_KEY, tag_of(locale));
    }
}

/// The app-wide locale; app.rs draws the app again when it changes.
#[derive(Clone, Copy)]
pub struct LocaleChoice(pub RwSignal<Locale>);

/// Provides the chosen locale and keeps `<html lang>` in step. Call once,
/// at the root, before anything renders.
pub fn provide_locale() -> LocaleChoice {
    let stored = local_storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let choice = LocaleChoice(RwSignal::new(choose(stored.as_deref(), &browser_languages())));
    provide_context(choice);
    Effect::new(move |_| set_html_lang(choice.0.get()));
    set_html_lang(choice.0.get_untracked());
    choice
}

/// The locale to draw in, read once when a component is built (the app is
/// rebuilt on a switch). English where no choice is provided (native tests).
pub fn use_locale() -> Locale {
    use_context::<LocaleChoice>().map_or(Locale::en, |c| c.0.get_untracked())
}

impl LocaleChoice {
    /// The choice provided at the root, if any.
    pub fn get() -> Option<LocaleChoice> {
        use_context::<LocaleChoice>()
    }

    /// Switches the language: remembered, then the app is drawn again.
    pub fn switch_to(self, locale: Locale) {
        store(locale);
        self.0.set(locale);
    }
}

fn set_html_lang(locale: Locale) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", tag_of(locale));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_stored_choice_wins_over_the_browser() {
        assert_eq!(choose(Some("en"), &langs(&["zh-CN"])), Locale::en);
        assert_eq!(choose(Some("zh-CN"), &langs(&["en-US"])), Locale::zh_CN);
    }

    #[test]
    fn an_unknown_stored_value_falls_back_to_the_browser() {
        assert_eq!(choose(Some("fr"), &langs(&["zh-TW", "en"])), Locale::zh_CN);
        assert_eq!(choose(Some(""), &langs(&[])), Locale::en);
    }

    #[test]
    fn the_first_browser_language_we_have_is_taken() {
        assert_eq!(choose(None, &langs(&["fr-FR", "zh-Hans-CN", "en"])), Locale::zh_CN);
        assert_eq!(choose(None, &langs(&["de", "en-GB", "zh"])), Locale::en);
        assert_eq!(choose(None, &langs(&["zh_CN"])), Locale::zh_CN);
    }

    #[test]
    fn nothing_we_have_means_english() {
        assert_eq!(choose(None, &langs(&["fr", "ja"])), Locale::en);
        assert_eq!(choose(None, &[]), Locale::en);
    }

    #[test]
    fn tags_round_trip() {
        for l in [Locale::en, Locale::zh_CN] {
            assert_eq!(locale_of_tag(tag_of(l)), Some(l));
            assert_eq!(choose(Some(tag_of(l)), &[]), l);
        }
    }
}

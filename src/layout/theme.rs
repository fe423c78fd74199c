//! Light and dark theme. The stylesheet follows the system setting
//! (`prefers-color-scheme`) unless `<html data-theme="light|dark">` forces
//! one; the top bar's toggle sets that attribute and remembers the choice
//! in localStorage (a preference, not a secret).

use leptos::prelude::*;

use crate::i18n::{td_string, use_locale, Locale};

const STORAGE_KEY: &str = "ccm-console/theme";

/// What the user picked in the toggle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The value kept in storage and in the `<select>`.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            ThemeChoice::System => td_string!(locale, layout.theme_system),
            ThemeChoice::Light => td_string!(locale, layout.theme_light),
            ThemeChoice::Dark => td_string!(locale, layout.theme_dark),
        }
    }

    /// Anything unknown (an old or edited value) means "follow the system".
    pub fn parse(value: &str) -> ThemeChoice {
        match value {
            "light" => ThemeChoice::Light,
            "dark" => ThemeChoice::Dark,
            _ => ThemeChoice::System,
        }
    }

    /// The `data-theme` attribute to set on `<html>`; none follows the system.
    pub fn data_theme(self) -> Option<&'static str> {
        match self {
            ThemeChoice::System => None,
            ThemeChoice::Light => Some("light"),
            ThemeChoice::Dark => Some("dark"),
        }
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn stored_choice() -> ThemeChoice {
    local_storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|v| ThemeChoice::parse(&v))
        .unwrap_or_default()
}

fn store_choice(choice: ThemeChoice) {
    if let Some(s) = local_storage() {
        let _ = match choice {
            ThemeChoice::System => s.remove_item(STORAGE_KEY),
            other => s.set_item(STORAGE_KEY, other.as_str()),
        };
    }
}

fn apply(choice: ThemeChoice) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match choice.data_theme() {
        Some(theme) => root.set_attribute("data-theme", theme),
        None => root.remove_attribute("data-theme"),
    };
}

/// Applies the remembered theme; call once before the first render so the
/// page does not flash in the wrong colours.
pub fn apply_stored_theme() {
    apply(stored_choice());
}

/// The System / Light / Dark picker in the top bar.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let locale = use_locale();
    let choice = RwSignal::new(stored_choice());
    let on_change = move |ev| {
        let picked = ThemeChoice::parse(&event_target_value(&ev));
        choice.set(picked);
        store_choice(picked);
        apply(picked);
    };
    view! {
        <label class="theme-toggle">
            <span>{td_string!(locale, layout.theme)}</span>
            <select on:change=on_change prop:value=move || choice.get().as_str()>
                {ThemeChoice::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <option value=c.as_str() selected=move || choice.get() == c>
                                {c.label(locale)}
                            </option>
                        }
                    })
                    .collect::<Vec<_>>()}
            </select>
        </label>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_round_trips_through_its_stored_value() {
        for c in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::parse(c.as_str()), c);
        }
    }

    #[test]
    fn unknown_or_empty_values_follow_the_system() {
        assert_eq!(ThemeChoice::parse(""), ThemeChoice::System);
        assert_eq!(ThemeChoice::parse("Dark"), ThemeChoice::System);
        assert_eq!(ThemeChoice::parse("sepia"), ThemeChoice::System);
    }

    #[test]
    fn only_an_explicit_choice_sets_the_attribute() {
        assert_eq!(ThemeChoice::System.data_theme(), None);
        assert_eq!(ThemeChoice::Light.data_theme(), Some("light"));
        assert_eq!(ThemeChoice::Dark.data_theme(), Some("dark"));
    }
}

//! A field's message as shown: the data marked in it (a wire value, an
//! example to type; see `rule_words`) in `<code>`, so it reads as data and
//! is not taken for an untranslated word.

use leptos::prelude::*;

use super::rule_words::segments;

/// `text` marked as data in a message (a name, a decoder's words), for
/// `message_view` to show as code.
pub fn code_mark(text: &str) -> String {
    format!("`{text}`")
}

/// The message's text and code pieces (nothing for no message).
pub fn message_view(message: Option<String>) -> Vec<AnyView> {
    let Some(m) = message else { return Vec::new() };
    segments(&m)
        .into_iter()
        .map(|(s, code)| if code { view! { <code>{s.to_owned()}</code> }.into_any() } else { s.to_owned().into_any() })
        .collect()
}

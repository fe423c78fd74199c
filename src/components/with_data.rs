//! A translated sentence with data in it (a certificate's name, a file
//! name, a command): the data goes in a `translate="no"` span (or
//! `<code>`), wherever the language puts it ("New certificate of a.com" /
//! "a.com 的新证书").

use leptos::prelude::*;

/// Stands for a piece of data in a sentence: pass it as the key's
/// variables, `td_string!(l, ns.key, name = DATA)`, then hand the sentence
/// and the data, in the order the variables appear, to `WithData`.
pub const DATA: &str = "\u{1}";

/// The text around the data's places, in order (one more piece than there
/// are places). Pure.
pub fn split_at_data(sentence: &str) -> Vec<String> {
    sentence.split(DATA).map(str::to_owned).collect()
}

#[component]
pub fn WithData(
    #[prop(into)] sentence: String,
    /// The data for each place, in order.
    data: Vec<String>,
    /// Data as code (a command, a variable name) rather than plain text.
    #[prop(optional)]
    code: bool,
) -> impl IntoView {
    let mut pieces = split_at_data(&sentence).into_iter();
    let first = pieces.next().unwrap_or_default();
    let rest = pieces
        .zip(data)
        .map(|(after, d)| {
            let d = if code { view! { <code>{d}</code> }.into_any() } else { view! { <span translate="no">{d}</span> }.into_any() };
            view! { {d}{after} }
        })
        .collect_view();
    view! { {first}{rest} }
}

/// Marks a piece of data put in a sentence as a variable, for
/// `DataMarked` to show untranslated (for text built as a `String`).
pub fn marked(text: &str) -> String {
    format!("{DATA}{text}{DATA}")
}

/// Marks a name, path or URL for `CodeMarked` to show as code (for props
/// that take a plain `String`).
pub fn code(text: &str) -> String {
    marked(text)
}

/// For text that cannot hold a span (an `<option>`, a placeholder): the
/// text with its `marked()` data unmarked, and the data pieces one per
/// line for the element's `data-untranslated` attribute (`None` when it
/// has none), which says what in it is data and not words. Pure.
pub fn unmarked(text: &str) -> (String, Option<String>) {
    let pieces = split_at_data(text);
    let data: Vec<&str> = pieces.iter().skip(1).step_by(2).map(String::as_str).filter(|d| !d.is_empty()).collect();
    (pieces.concat(), (!data.is_empty()).then(|| data.join("\n")))
}

/// A sentence whose `marked()` pieces show in `translate="no"` spans.
#[component]
pub fn DataMarked(#[prop(into)] text: String) -> impl IntoView {
    split_at_data(&text)
        .into_iter()
        .enumerate()
        .map(|(i, piece)| if i % 2 == 1 { view! { <span translate="no">{piece}</span> }.into_any() } else { piece.into_any() })
        .collect_view()
}

/// A sentence whose `code()`-marked pieces show as `<code>`.
#[component]
pub fn CodeMarked(#[prop(into)] text: String) -> impl IntoView {
    split_at_data(&text)
        .into_iter()
        .enumerate()
        .map(|(i, piece)| if i % 2 == 1 { view! { <code>{piece}</code> }.into_any() } else { piece.into_any() })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{td_string, Locale};

    #[test]
    fn unmarked_text_reads_plainly_and_names_its_data() {
        let zh = td_string!(Locale::zh_CN, common.inherited, value = marked("Beijing")).to_string();
        let (text, data) = unmarked(&zh);
        assert!(text.contains("Beijing") && !text.contains(DATA), "{text}");
        assert_eq!(data.as_deref(), Some("Beijing"));
        let two = format!("{} / {}", marked("Acme Root"), marked("2031"));
        assert_eq!(unmarked(&two), ("Acme Root / 2031".to_owned(), Some("Acme Root\n2031".to_owned())));
        assert_eq!(unmarked("plain"), ("plain".to_owned(), None));
    }

    #[test]
    fn the_data_goes_where_each_language_puts_it() {
        let en = td_string!(Locale::en, pca.renew_new_of, name = DATA).to_string();
        assert_eq!(split_at_data(&en), ["New certificate of ", ""]);
        let zh = td_string!(Locale::zh_CN, pca.renew_new_of, name = DATA).to_string();
        assert_eq!(split_at_data(&zh), ["", " 的新证书"]);
        let two = td_string!(Locale::zh_CN, common.inspector_show, curl = DATA, sdk = DATA).to_string();
        assert_eq!(split_at_data(&two), ["查看请求（", "、", "）"]);
        assert_eq!(split_at_data("no place"), ["no place"]);
        let hint = td_string!(Locale::zh_CN, settings.proxy_hint, proxy = code("/proxy"), serve = code("ccm-serve"), nginx = code("nginx"), pattern = code("{p}"))
            .to_string();
        // Odd pieces are the code.
        assert_eq!(split_at_data(&hint), ["由 ", "ccm-serve", " 或 ", "nginx", " 配置方案提供服务时填写 ", "/proxy", "；请求将发往 ", "{p}", "。"]);
    }
}

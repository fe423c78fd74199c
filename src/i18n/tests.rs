//! The locale files themselves: every namespace has the same keys in both
//! locales (the build checks it too, but only for keys the code uses), and
//! no zh-CN value is left in English, except values made only of the
//! allowed technical terms (tests/e2e/i18n-allowed.ts).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn namespaces() -> Vec<String> {
    let mut list: Vec<String> = std::fs::read_dir(root().join("locales/en"))
        .expect("locales/en")
        .map(|e| e.expect("entry").file_name().to_string_lossy().trim_end_matches(".json").to_owned())
        .collect();
    list.sort();
    list
}

fn read(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = BTreeMap::new();
    flatten("", &value, &mut out);
    out
}

fn flatten(prefix: &str, value: &serde_json::Value, out: &mut BTreeMap<String, String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&key, v, out);
            }
        }
        serde_json::Value::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
        }
        other => {
            out.insert(prefix.to_owned(), other.to_string());
        }
    }
}

/// The quoted terms of tests/e2e/i18n-allowed.ts.
fn allowed_terms() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("tests/e2e/i18n-allowed.ts")).expect("i18n-allowed.ts");
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('\'') && l.ends_with("',"))
        .map(|l| l[1..l.len() - 2].to_owned())
        .collect()
}

/// What is left of a value once `{{ variables }}` and allowed terms are
/// removed: the Latin-letter words in it.
fn english_words(value: &str, allowed: &[String]) -> Vec<String> {
    let mut text = String::new();
    let mut rest = value;
    while let Some(start) = rest.find("{{") {
        text.push_str(&rest[..start]);
        rest = rest[start..].find("}}").map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    text.split(|c: char| !(c.is_ascii_alphanumeric() || "-#_".contains(c)))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !allowed.iter().any(|a| a == w))
        .map(str::to_owned)
        .collect()
}

#[test]
fn locale_files_have_the_same_keys() {
    let names = namespaces();
    assert!(names.contains(&"common".to_owned()) && names.contains(&"layout".to_owned()), "{names:?}");
    for ns in names {
        let en = read(&root().join(format!("locales/en/{ns}.json")));
        let zh = read(&root().join(format!("locales/zh-CN/{ns}.json")));
        let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
        let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(only_en.is_empty() && only_zh.is_empty(), "{ns}: only in en {only_en:?}, only in zh-CN {only_zh:?}");
    }
}

#[test]
fn no_chinese_value_is_left_in_english() {
    let allowed = allowed_terms();
    assert!(allowed.contains(&"PEM".to_owned()), "{allowed:?}");
    let mut untranslated = Vec::new();
    for ns in namespaces() {
        let en = read(&root().join(format!("locales/en/{ns}.json")));
        let zh = read(&root().join(format!("locales/zh-CN/{ns}.json")));
        for (key, value) in &zh {
            if en.get(key) == Some(value) && !english_words(value, &allowed).is_empty() {
                untranslated.push(format!("{ns}.{key}: {value}"));
            }
        }
    }
    assert!(untranslated.is_empty(), "zh-CN values identical to English: {untranslated:#?}");
}

#[test]
fn the_word_check_sees_english_and_not_terms_or_variables() {
    let allowed = vec!["CSR".to_owned(), "PEM".to_owned()];
    assert!(english_words("CSR", &allowed).is_empty());
    assert!(english_words("{{ name }} 的 PEM", &allowed).is_empty());
    assert_eq!(english_words("Upload a CSR", &allowed), ["Upload", "a"]);
}

#[test]
fn the_generated_keys_give_each_locale_its_text() {
    use super::{td_string, Locale};
    assert_eq!(td_string!(Locale::en, layout.language), "Language");
    assert_eq!(td_string!(Locale::zh_CN, layout.language), "语言");
    assert_eq!(
        td_string!(Locale::zh_CN, layout.cancel_request, operation = "ListCertificateAuthority"),
        "取消 ListCertificateAuthority"
    );
}

//! The error catalogue's remedies in the user's language. ccm-api says
//! which kind of remedy a code has (`Remedy`); the words are in
//! locales/<locale>/remedies.json, one key per code with advice of its
//! own, and `support` for the codes nobody but support can fix. build.rs
//! writes the code -> key match from the English file, so adding a code's
//! remedy means adding its key to both files, nothing in Rust.

use ccm_api::catalogue::{CatalogueEntry, Remedy};

use crate::i18n::{td_string, Locale};

mod generated {
    use crate::i18n::{td_string, Locale};
    include!(concat!(env!("OUT_DIR"), "/remedies.rs"));
}

/// What to do about a documented error, in `locale`.
pub fn catalogue_remedy(entry: &CatalogueEntry, locale: Locale) -> &'static str {
    let support = || td_string!(locale, remedies.support);
    match entry.remedy {
        Remedy::Support => support(),
        // The tests below keep every `Own` code in the files.
        Remedy::Own => generated::own_remedy(entry.code, locale).unwrap_or_else(support),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use ccm_api::catalogue::{lookup, CATALOGUE};

    use super::generated::{own_remedy, WORDED_CODES};
    use super::*;

    fn file(locale: &str) -> BTreeMap<String, String> {
        let path = format!("{}/locales/{locale}/remedies.json", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn every_code_with_its_own_remedy_has_it_in_both_languages() {
        for entry in CATALOGUE.iter().filter(|e| e.remedy == Remedy::Own) {
            let en = own_remedy(entry.code, Locale::en).unwrap_or_else(|| panic!("{} has no English remedy", entry.code));
            let zh = own_remedy(entry.code, Locale::zh_CN).unwrap();
            assert_ne!(en, zh, "{} is not translated", entry.code);
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}: {zh}", entry.code);
            assert_eq!(catalogue_remedy(entry, Locale::zh_CN), zh);
        }
    }

    #[test]
    fn every_key_is_a_code_whose_remedy_is_its_own() {
        for code in WORDED_CODES {
            let entry = lookup(code).unwrap_or_else(|| panic!("remedies.json has {code}, which the catalogue lacks"));
            assert_eq!(entry.remedy, Remedy::Own, "{code} is a support code: it takes the shared `support` text");
        }
        let own = CATALOGUE.iter().filter(|e| e.remedy == Remedy::Own).count();
        assert_eq!((WORDED_CODES.len(), own), (140, 140));
        // The files hold exactly those keys, and `support`.
        for locale in ["en", "zh-CN"] {
            let keys: Vec<String> = file(locale).into_keys().filter(|k| k != "support").collect();
            let expected: Vec<String> = WORDED_CODES.iter().map(|c| c.to_lowercase().replace('.', "_")).collect();
            assert_eq!(keys, expected, "{locale}");
        }
    }

    #[test]
    fn support_codes_share_one_sentence() {
        let entry = lookup("PCA.00000001").unwrap();
        assert_eq!(entry.remedy, Remedy::Support);
        assert_eq!(
            catalogue_remedy(entry, Locale::en),
            "Try again later; if it keeps failing, contact Huawei Cloud support with the request id."
        );
        assert_eq!(catalogue_remedy(entry, Locale::zh_CN), file("zh-CN")["support"]);
        assert_eq!(CATALOGUE.iter().filter(|e| e.remedy == Remedy::Support).count(), 28);
    }

    #[test]
    fn remedies_read_as_before_in_english() {
        // The English wording the console showed when it came from ccm-api.
        let en = |code: &str| catalogue_remedy(lookup(code).unwrap(), Locale::en);
        assert_eq!(en("SCM.0003"), "Work only on certificates of the signed-in account; check the id.");
        assert_eq!(en("PCA.00020401"), "Paste a complete PEM request; in JSON, newlines are written \\n.");
        assert_eq!(en("PCA.00010001"), "Sign in again to get a new IAM token.");
        assert_eq!(en("PCA.10010072"), "Nothing to do; reload to see the current state.");
        assert_eq!(catalogue_remedy(lookup("PCA.00030201").unwrap(), Locale::zh_CN), "请检查状态；每种操作只在部分状态下可用（控制台会注明是哪些状态）。");
    }
}

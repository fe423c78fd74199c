//! The toolbox's words in the chosen language: the problems ccm-pki finds
//! (by their code, with their numbers and names), the kinds of object,
//! where each was found and what could not be read. ccm-pki keeps its
//! English `Display` for logs and tests; the English here is the same,
//! word for word (tested). Pure.

use ccm_pki::findings::Problem;
use ccm_pki::inspect::{Object, Origin, Place, Unreadable};

use super::PASTED;
use crate::i18n::{td_string, Locale};

/// The input name of an account CA's certificate is this and its name
/// (account.rs); shown in the locale's words by [`source_name`].
pub const ACCOUNT_CA: &str = "your CA ";

/// "Certificate", "CSR", "Private key", ...
pub fn kind_label(object: &Object, l: Locale) -> &'static str {
    match object {
        Object::Certificate(_) => td_string!(l, tools.kind_certificate),
        Object::Csr(_) => td_string!(l, tools.kind_csr),
        Object::Key(_) => td_string!(l, tools.kind_private_key),
        Object::PublicKey(_) => td_string!(l, tools.kind_public_key),
        Object::Crl(_) => td_string!(l, tools.kind_crl),
    }
}

/// The name of an input: a file's own name, or "pasted text".
pub fn source_name(source: &str, l: Locale) -> String {
    if source == PASTED {
        td_string!(l, tools.pasted_text).to_owned()
    } else if let Some(name) = source.strip_prefix(ACCOUNT_CA) {
        td_string!(l, tools.your_ca, name = name.to_owned())
    } else {
        source.to_owned()
    }
}

/// "pasted text, block 2 (line 14)", "leaf.p12, entry 1 \"server\"".
pub fn origin_text(o: &Origin, l: Locale) -> String {
    let source = source_name(&o.source, l);
    match &o.place {
        Place::Whole => source,
        Place::Block { index, line } => td_string!(l, tools.place_block, source, index = *index, line = *line),
        Place::Entry { index, alias: Some(alias) } => td_string!(l, tools.place_entry_alias, source, index = *index, alias = alias.clone()),
        Place::Entry { index, alias: None } => td_string!(l, tools.place_entry, source, index = *index),
    }
}

/// What an unreadable input looked like ("CERTIFICATE block", "file", ...);
/// a description ccm-pki does not list stays as it is.
pub fn what_text(what: &str, l: Locale) -> String {
    let word = match what {
        "input" => td_string!(l, tools.what_input),
        "PEM text" => td_string!(l, tools.what_pem_text),
        "file" => td_string!(l, tools.what_file),
        "base64 text" => td_string!(l, tools.what_base64),
        "Java KeyStore" => td_string!(l, tools.what_jks),
        "PKCS#12 file" => td_string!(l, tools.what_p12),
        "private key" => td_string!(l, tools.what_private_key),
        "certificate" => td_string!(l, tools.what_certificate),
        other => {
            return match other.strip_suffix(" block") {
                Some(label) => td_string!(l, tools.what_block, label = label.to_owned()),
                None => other.to_owned(),
            }
        }
    };
    word.to_owned()
}

/// "pasted text, block 1 (line 1) (CERTIFICATE block): malformed PEM". The
/// reason is the decoder's own (English) words.
pub fn unreadable_text(u: &Unreadable, l: Locale) -> String {
    td_string!(l, tools.unreadable_line, origin = origin_text(&u.origin, l), what = what_text(&u.what, l), reason = u.reason.clone())
}

/// A problem in plain words, objects named by number (#1 ...).
pub fn problem_text(p: &Problem, l: Locale) -> String {
    let n = |i: &usize| i + 1;
    match p {
        Problem::Expired { object, days_ago } => td_string!(l, tools.p_expired, n = n(object), days = *days_ago),
        Problem::NotYetValid { object, days } => td_string!(l, tools.p_not_yet_valid, n = n(object), days = *days),
        Problem::ExpiresSoon { object, days } => td_string!(l, tools.p_expires_soon, n = n(object), days = *days),
        Problem::KeyMatchesNothing { key } => td_string!(l, tools.p_key_matches_nothing, n = n(key)),
        Problem::CertificateWithoutKey { certificate } => td_string!(l, tools.p_certificate_without_key, n = n(certificate)),
        Problem::MissingIssuer { certificate, issuer } => {
            td_string!(l, tools.p_missing_issuer, n = n(certificate), issuer = issuer.clone())
        }
        Problem::BadChainSignature { certificate, issuer } => {
            td_string!(l, tools.p_bad_chain_signature, n = n(certificate), issuer = n(issuer))
        }
        Problem::IssuerNotCa { issuer } => td_string!(l, tools.p_issuer_not_ca, n = n(issuer)),
        Problem::ChainOrder { source, expected } => {
            td_string!(l, tools.p_chain_order, source = source_name(source, l), expected = expected.join(" → "))
        }
        Problem::WeakKey { object, key } => td_string!(l, tools.p_weak_key, n = n(object), key = key.clone()),
        Problem::WeakSignature { object, algorithm } => {
            td_string!(l, tools.p_weak_signature, n = n(object), algorithm = algorithm.clone())
        }
        Problem::SanMissingCn { object, common_name } => {
            td_string!(l, tools.p_san_missing_cn, n = n(object), cn = common_name.clone())
        }
        Problem::CsrBadSignature { csr } => td_string!(l, tools.p_csr_bad_signature, n = n(csr)),
        Problem::CrlOverdue { crl, days } => td_string!(l, tools.p_crl_overdue, n = n(crl), days = *days),
        Problem::Revoked { certificate, crl, reason: Some(reason) } => {
            td_string!(l, tools.p_revoked_reason, n = n(certificate), crl = n(crl), reason = *reason)
        }
        Problem::Revoked { certificate, crl, reason: None } => td_string!(l, tools.p_revoked, n = n(certificate), crl = n(crl)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Problem> {
        vec![
            Problem::Expired { object: 0, days_ago: 3 },
            Problem::NotYetValid { object: 1, days: 2 },
            Problem::ExpiresSoon { object: 2, days: 9 },
            Problem::KeyMatchesNothing { key: 3 },
            Problem::CertificateWithoutKey { certificate: 0 },
            Problem::MissingIssuer { certificate: 0, issuer: "CN=Issuing CA".into() },
            Problem::BadChainSignature { certificate: 0, issuer: 1 },
            Problem::IssuerNotCa { issuer: 1 },
            Problem::ChainOrder { source: "bundle.pem".into(), expected: vec!["#2".into(), "#1".into()] },
            Problem::WeakKey { object: 0, key: "RSA 1024 bits".into() },
            Problem::WeakSignature { object: 0, algorithm: "sha1WithRSAEncryption".into() },
            Problem::SanMissingCn { object: 0, common_name: "shop.example.com".into() },
            Problem::CsrBadSignature { csr: 4 },
            Problem::CrlOverdue { crl: 5, days: 7 },
            Problem::Revoked { certificate: 0, crl: 5, reason: Some("keyCompromise") },
            Problem::Revoked { certificate: 0, crl: 5, reason: None },
        ]
    }

    #[test]
    fn the_english_is_ccm_pkis_word_for_word_and_the_chinese_differs() {
        for p in all() {
            assert_eq!(problem_text(&p, Locale::en), p.to_string(), "{}", p.code());
            assert_ne!(problem_text(&p, Locale::zh_CN), p.to_string(), "{}", p.code());
        }
        let cn = problem_text(&Problem::SanMissingCn { object: 0, common_name: "shop.example.com".into() }, Locale::zh_CN);
        assert!(cn.contains("#1") && cn.contains("“shop.example.com”"), "{cn}");
    }

    #[test]
    fn the_pasted_text_is_named_in_the_chosen_language() {
        let at = |place| Origin { source: PASTED.into(), place };
        assert_eq!(origin_text(&at(Place::Block { index: 2, line: 14 }), Locale::en), "pasted text, block 2 (line 14)");
        assert_eq!(origin_text(&at(Place::Block { index: 2, line: 14 }), Locale::zh_CN), "粘贴的文本，第 2 块（第 14 行）");
        let entry = Origin { source: "leaf.jks".into(), place: Place::Entry { index: 1, alias: Some("server".into()) } };
        assert_eq!(origin_text(&entry, Locale::en), entry.to_string());
        assert_eq!(source_name(&format!("{ACCOUNT_CA}Example Root"), Locale::en), "your CA Example Root");
        assert_eq!(source_name(&format!("{ACCOUNT_CA}Example Root"), Locale::zh_CN), "您的 CA Example Root");
        let chain = Problem::ChainOrder { source: PASTED.into(), expected: vec!["#1".into()] };
        assert!(problem_text(&chain, Locale::en).starts_with("Chain order wrong in pasted text"));
    }

    #[test]
    fn what_could_not_be_read_says_where_and_what_it_looked_like() {
        let u = Unreadable {
            origin: Origin { source: PASTED.into(), place: Place::Block { index: 1, line: 1 } },
            what: "CERTIFICATE block".into(),
            reason: "malformed PEM".into(),
            password_needed: false,
        };
        assert_eq!(unreadable_text(&u, Locale::en), u.to_string());
        assert_eq!(unreadable_text(&u, Locale::zh_CN), "粘贴的文本，第 1 块（第 1 行）（CERTIFICATE 块）：malformed PEM");
        assert_eq!(what_text("PKCS#12 file", Locale::zh_CN), "PKCS#12 文件");
        assert_eq!(what_text("something new", Locale::zh_CN), "something new");
    }
}

use ccm_api::common::{SanType, ValidityType};
use ccm_api::pca::certs::ExportType;
use ccm_api::validate::{Check, Format, Found, Holder, Problem, TargetPart, ValidationError};

use super::*;

const FORMATS: [Format; 12] = [
    Format::Uuid,
    Format::ScmId,
    Format::Country,
    Format::Oid,
    Format::DnsName,
    Format::IpAddress,
    Format::Email,
    Format::Uri,
    Format::PemCertificate,
    Format::PemChain,
    Format::PemCsr,
    Format::PemPrivateKey,
];

const CHECKS: &[Check] = &[
    Check::Chars { min: 2, max: 2 },
    Check::Chars { min: 1, max: usize::MAX },
    Check::Chars { min: 0, max: 63 },
    Check::Chars { min: 1, max: 64 },
    Check::Bytes { max: 4096 },
    Check::Int { min: 1, max: i64::MAX },
    Check::Int { min: 7, max: 30 },
    Check::IntIn(&[10, 20, 50]),
    Check::OneOf(&["ACTIVED", "DISABLED"]),
    Check::OneOfIgnoreCase(&["ASC", "DESC"]),
    Check::Bool,
    Check::LooseBool,
    Check::Object,
    Check::Items { min: 0, max: 20 },
    Check::Items { min: 1, max: usize::MAX },
    Check::Items { min: 1, max: 10 },
];

/// One of every variant (every finding, every check, every format).
fn every_problem() -> Vec<Problem> {
    let mut all = vec![
        Problem::Required { allowed: &[] },
        Problem::Required { allowed: &[Check::Chars { min: 2, max: 2 }, Check::Format(Format::Country)] },
        Problem::PrivacyNotAgreed,
        Problem::DomainNumbers { n: 3, multi: false },
        Problem::DomainNumbers { n: 1, multi: true },
        Problem::NameInvalid { name: "bad_name".into() },
        Problem::NameTwice { name: "a.example.com".into() },
        Problem::TargetMissing(TargetPart::ElbId),
        Problem::TargetMissing(TargetPart::WafId),
        Problem::TargetMissing(TargetPart::WafType),
        Problem::TargetMissing(TargetPart::CdnDomain),
        Problem::EnterpriseNeedsCompany,
        Problem::NoticeNotList,
        Problem::NoticeCount { n: 0, max: 50 },
        Problem::NoticeResourceId,
        Problem::NoticeTypes,
        Problem::RootNeeds,
        Problem::StartInPast { start: 1_700_000_000_000, earliest: 1_764_000_000_000 },
        Problem::CrlBucketRequired,
        Problem::CrlDaysRequired,
        Problem::ArchiveOnly { kind: ExportType::Iis },
        Problem::BodyNotObject,
    ];
    for (unit, holder) in [
        (ValidityType::Year, Holder::RootCa),
        (ValidityType::Month, Holder::SubordinateCa),
        (ValidityType::Day, Holder::SubordinateOrCertificate),
        (ValidityType::Hour, Holder::RootCa),
    ] {
        all.push(Problem::ValidityTooLong { value: 400_000, unit, years: 30, holder });
    }
    for kind in [SanType::Dns, SanType::Ip, SanType::Email, SanType::Uri] {
        all.push(Problem::SanTooLong { kind: kind.clone(), n: 300, max: 253 });
        all.push(Problem::SanInvalid { kind, value: "not valid!".into(), format: Format::Email });
    }
    let found = [
        Found::Chars(65),
        Found::Bytes(5000),
        Found::Int(40),
        Found::NotWhole("\"abc\"".into()),
        Found::Unknown("ACTIVE".into()),
        Found::NotBool("\"yes\"".into()),
        Found::NotValid("x-y".into()),
        Found::Entries(21),
        Found::NotText,
        Found::NotObject,
        Found::NotList,
    ];
    for (i, f) in found.into_iter().enumerate() {
        all.push(Problem::Invalid { found: f, check: CHECKS[i % CHECKS.len()] });
    }
    for c in CHECKS {
        all.push(Problem::Invalid { found: Found::Int(0), check: *c });
    }
    for f in FORMATS {
        all.push(Problem::Invalid { found: Found::NotValid("x".into()), check: Check::Format(f) });
    }
    all
}

/// The Latin words a zh-CN user would see: marked data and the allowed
/// terms (tests/e2e/i18n-allowed.ts) taken out, as the zh-CN browser test does.
fn latin_left(text: &str) -> Vec<String> {
    let list = include_str!("../../../tests/e2e/i18n-allowed.ts");
    let mut terms: Vec<&str> = list.lines().filter_map(|l| l.trim().strip_prefix('\'')?.strip_suffix("',")).collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut rest: String = segments(text).into_iter().filter(|(_, code)| !code).map(|(s, _)| s).collect::<Vec<_>>().join(" ");
    for t in terms {
        rest = rest.replace(t, " ");
    }
    rest.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

#[test]
fn english_is_the_contracts_message_word_for_word() {
    for p in every_problem() {
        assert_eq!(words(&p, Locale::en).as_deref(), Some(p.to_string().as_str()), "{p:?}");
    }
}

#[test]
fn chinese_words_every_problem_with_no_english_left() {
    for p in every_problem() {
        let zh = words(&p, Locale::zh_CN).unwrap();
        assert_ne!(zh, p.to_string(), "{p:?}");
        assert!(latin_left(&zh).is_empty(), "{p:?}: {zh} leaves {:?}", latin_left(&zh));
        assert!(zh.matches('`').count() % 2 == 0, "unbalanced marks in {zh}");
    }
}

#[test]
fn chinese_numbers_ranges_and_formats_read_naturally() {
    let days = Problem::Invalid { found: Found::Int(40), check: Check::Int { min: 7, max: 30 } };
    assert_eq!(words(&days, Locale::zh_CN).unwrap(), "为 40；允许：7 到 30 之间的整数");
    let country = Problem::Required { allowed: &[Check::Chars { min: 2, max: 2 }, Check::Format(Format::Country)] };
    assert_eq!(words(&country, Locale::zh_CN).unwrap(), "必填：正好 2 个字符；两个字母的国家代码，例如 `CN`（仅限字母）");
    let state = Problem::Invalid { found: Found::Unknown("ACTIVE".into()), check: Check::OneOf(&["ACTIVED", "DISABLED"]) };
    assert_eq!(words(&state, Locale::zh_CN).unwrap(), "`ACTIVE` 不是可选的取值；允许：以下之一：`ACTIVED`、`DISABLED`");
    let long = Problem::ValidityTooLong { value: 31, unit: ValidityType::Year, years: 30, holder: Holder::RootCa };
    assert_eq!(words(&long, Locale::zh_CN).unwrap(), "31 年过长；根 CA最长 30 年（即 30 年、360 个月、10957 天、262968 小时）");
    let past = Problem::StartInPast { start: 0, earliest: 86_400_000 };
    assert_eq!(words(&past, Locale::zh_CN).unwrap(), "1970年1月1日 00:00（UTC） 早于当前时间超过 5 分钟；最早可为 1970年1月2日 00:00（UTC）（当前时间减 5 分钟）");
}

#[test]
fn worded_errors_keep_their_text_and_rule_errors_are_reworded() {
    let own = ValidationError::new("issuer_id", "请选择一个已启用的 CA");
    let rule = ValidationError::of("pending_days", Problem::Invalid { found: Found::Int(40), check: Check::Int { min: 7, max: 30 } });
    assert_eq!(rule.message, "is 40; allowed: a whole number from 7 to 30");
    let zh = localized(vec![own.clone(), rule.clone()], Locale::zh_CN);
    assert_eq!(zh[0].message, own.message);
    assert_eq!(zh[1].message, "为 40；允许：7 到 30 之间的整数");
    assert_eq!(localized(vec![rule.clone()], Locale::en), vec![rule.clone()]);
    assert_eq!(field_line(&rule, Locale::en), rule.to_string());
    assert_eq!(field_line(&rule, Locale::zh_CN), "pending_days: 为 40；允许：7 到 30 之间的整数");
    assert_eq!(worded(&own, Locale::en), own.message);
}

#[test]
fn segments_mark_the_data() {
    assert_eq!(segments("例如 `CN`（仅限字母）"), [("例如 ", false), ("CN", true), ("（仅限字母）", false)]);
    assert_eq!(segments("is 40"), [("is 40", false)]);
}

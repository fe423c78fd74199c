//! The validation problems of ccm-api's rules, worded in the console's
//! language (namespace `rules`). ccm-api says them in English (its
//! `Display`, what the emulator answers); here each `Problem` is worded
//! from its data, so numbers, lists and formats read naturally in Chinese.
//! The English wording is the crate's text word for word (tested), so the
//! English specs keep passing. Pure.
//!
//! In zh-CN a value the user typed or must type (a wire value, an example)
//! is marked with backticks; `MessageText` shows it in `<code>`.

use ccm_api::common::{SanType, ValidityType};
use ccm_api::validate::{validity_units, Check, Format, Found, Holder, Problem, TargetPart, ValidationError};

use crate::i18n::format::date_time;
use crate::i18n::{td_string, Locale};

/// The errors with their messages worded in `locale` (an already worded
/// one is kept).
pub fn localized(errors: Vec<ValidationError>, locale: Locale) -> Vec<ValidationError> {
    errors
        .into_iter()
        .map(|mut e| {
            if let Some(text) = words(&e.problem, locale) {
                e.message = text;
            }
            e
        })
        .collect()
}

/// One error's message in `locale`.
pub fn worded(e: &ValidationError, locale: Locale) -> String {
    words(&e.problem, locale).unwrap_or_else(|| e.message.clone())
}

/// `field: message` (as `ValidationError`'s `Display`), the message in `locale`.
pub fn field_line(e: &ValidationError, locale: Locale) -> String {
    format!("{}: {}", e.field, worded(e, locale))
}

/// The problem in `locale`; `None` for `Problem::Worded` (its message is
/// the text).
pub fn words(p: &Problem, l: Locale) -> Option<String> {
    let s = match p {
        Problem::Worded => return None,
        Problem::Required { allowed } if allowed.is_empty() => td_string!(l, rules.required).to_owned(),
        Problem::Required { allowed } => td_string!(l, rules.required_what, allowed = checks(allowed, l)),
        Problem::Invalid { found, check: c } => {
            td_string!(l, rules.invalid, found = found_words(found, l), allowed = check(c, l))
        }
        Problem::PrivacyNotAgreed => td_string!(l, rules.privacy).to_owned(),
        Problem::DomainNumbers { n, multi: false } => td_string!(l, rules.domains_single, n = n),
        Problem::DomainNumbers { n, multi: true } => {
            td_string!(l, rules.domains_multi, n = n, max = ccm_api::scm::MAX_DOMAIN_NUMBERS)
        }
        Problem::NameInvalid { name } => {
            td_string!(l, rules.name_invalid, name = name, allowed = format(&Format::DnsName, l))
        }
        Problem::NameTwice { name } => td_string!(l, rules.name_twice, name = name),
        Problem::TargetMissing(part) => match part {
            TargetPart::ElbId => td_string!(l, rules.target_elb_id),
            TargetPart::WafId => td_string!(l, rules.target_waf_id),
            TargetPart::WafType => td_string!(l, rules.target_waf_type),
            TargetPart::CdnDomain => td_string!(l, rules.target_cdn_domain),
        }
        .to_owned(),
        Problem::EnterpriseNeedsCompany => td_string!(l, rules.enterprise).to_owned(),
        Problem::NoticeNotList => td_string!(l, rules.notice_not_list, entry = "{resource_id, notice_type}"),
        Problem::NoticeCount { n, max } => td_string!(l, rules.notice_count, n = n, max = max),
        Problem::NoticeResourceId => {
            td_string!(l, rules.required_what, allowed = format(&Format::ScmId, l))
        }
        Problem::NoticeTypes => td_string!(l, rules.notice_types).to_owned(),
        Problem::RootNeeds => td_string!(l, rules.root_needs).to_owned(),
        Problem::ValidityTooLong { value, unit, years, holder } => {
            let who = match holder {
                Holder::RootCa => td_string!(l, rules.who_root),
                Holder::SubordinateCa => td_string!(l, rules.who_sub),
                Holder::SubordinateOrCertificate => td_string!(l, rules.who_sub_or_cert),
            };
            let all = validity_units(*years).iter().map(|(u, max)| amount(*max, u, l)).collect::<Vec<_>>();
            let all = all.join(td_string!(l, rules.list_sep));
            td_string!(l, rules.too_long, amount = amount(*value, unit, l), who = who, years = years, all = all)
        }
        Problem::StartInPast { start, earliest } => {
            // English keeps the contract's milliseconds; Chinese reads dates.
            let (start, earliest) = match l {
                Locale::en => (start.to_string(), earliest.to_string()),
                _ => (date_time(l, *start), date_time(l, *earliest)),
            };
            td_string!(l, rules.start_in_past, start = start, earliest = earliest)
        }
        Problem::CrlBucketRequired => td_string!(l, rules.crl_bucket).to_owned(),
        Problem::CrlDaysRequired => td_string!(l, rules.crl_days).to_owned(),
        Problem::SanTooLong { kind, n, max } => {
            td_string!(l, rules.san_too_long, n = n, kind = san_kind(kind, l), max = max)
        }
        Problem::SanInvalid { kind, value, format: f } => {
            td_string!(l, rules.san_invalid, value = value, kind = san_kind(kind, l), allowed = format(f, l))
        }
        Problem::ArchiveOnly { kind } => td_string!(l, rules.archive_only, kind = kind.as_str()),
        Problem::BodyNotObject => td_string!(l, rules.body_not_object, empty = "{}"),
    };
    Some(s)
}

fn found_words(found: &Found, l: Locale) -> String {
    match found {
        Found::Chars(n) => td_string!(l, rules.found_chars, n = n),
        Found::Bytes(n) => td_string!(l, rules.found_bytes, n = n),
        Found::Int(n) => td_string!(l, rules.found_int, n = n),
        Found::NotWhole(v) => td_string!(l, rules.found_not_whole, v = v),
        Found::Unknown(v) => td_string!(l, rules.found_unknown, v = v),
        Found::NotBool(v) => td_string!(l, rules.found_not_bool, v = v),
        Found::NotValid(v) => td_string!(l, rules.found_not_valid, v = v),
        Found::Entries(n) => td_string!(l, rules.found_entries, n = n),
        Found::NotText => td_string!(l, rules.found_not_text).to_owned(),
        Found::NotObject => td_string!(l, rules.found_not_object).to_owned(),
        Found::NotList => td_string!(l, rules.found_not_list).to_owned(),
    }
}

fn checks(all: &[Check], l: Locale) -> String {
    all.iter().map(|c| check(c, l)).collect::<Vec<_>>().join(td_string!(l, rules.and))
}

/// Wire values, each marked as data, in the locale's list.
fn values<T: std::fmt::Display>(set: &[T], l: Locale) -> String {
    set.iter().map(|v| td_string!(l, rules.code, v = v)).collect::<Vec<_>>().join(td_string!(l, rules.list_sep))
}

/// What one check accepts.
pub fn check(c: &Check, l: Locale) -> String {
    match *c {
        Check::Chars { min, max } if min == max => td_string!(l, rules.chars_exactly, n = min),
        Check::Chars { min, max: usize::MAX } => td_string!(l, rules.chars_at_least, n = min),
        Check::Chars { min: 0, max } => td_string!(l, rules.chars_at_most, n = max),
        Check::Chars { min, max } => td_string!(l, rules.chars_range, min = min, max = max),
        Check::Bytes { max } => td_string!(l, rules.bytes_at_most, n = max),
        Check::Int { min, max: i64::MAX } => td_string!(l, rules.int_at_least, n = min),
        Check::Int { min, max } => td_string!(l, rules.int_range, min = min, max = max),
        // Numbers need no marking.
        Check::IntIn(set) => {
            let list = set.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(td_string!(l, rules.list_sep));
            td_string!(l, rules.one_of, list = list)
        }
        Check::OneOf(set) => td_string!(l, rules.one_of, list = values(set, l)),
        Check::OneOfIgnoreCase(set) => td_string!(l, rules.one_of_any_case, list = values(set, l)),
        Check::Bool => td_string!(l, rules.bool).to_owned(),
        Check::LooseBool => td_string!(l, rules.loose_bool).to_owned(),
        Check::Format(f) => format(&f, l).to_owned(),
        Check::Object => td_string!(l, rules.object).to_owned(),
        Check::Items { min: 0, max } => td_string!(l, rules.items_at_most, n = max),
        Check::Items { min, max: usize::MAX } => td_string!(l, rules.items_at_least, n = min),
        Check::Items { min, max } => td_string!(l, rules.items_range, min = min, max = max),
    }
}

/// What a format looks like.
pub fn format(f: &Format, l: Locale) -> &'static str {
    match f {
        Format::Uuid => td_string!(l, rules.fmt_uuid),
        Format::ScmId => td_string!(l, rules.fmt_scm_id),
        Format::Country => td_string!(l, rules.fmt_country),
        Format::Oid => td_string!(l, rules.fmt_oid),
        Format::DnsName => td_string!(l, rules.fmt_dns),
        Format::IpAddress => td_string!(l, rules.fmt_ip),
        Format::Email => td_string!(l, rules.fmt_email),
        Format::Uri => td_string!(l, rules.fmt_uri),
        Format::PemCertificate => td_string!(l, rules.fmt_pem_cert),
        Format::PemChain => td_string!(l, rules.fmt_pem_chain),
        Format::PemCsr => td_string!(l, rules.fmt_pem_csr),
        Format::PemPrivateKey => td_string!(l, rules.fmt_pem_key),
    }
}

fn amount(n: i64, unit: &ValidityType, l: Locale) -> String {
    match unit {
        ValidityType::Year => td_string!(l, rules.amount_year, n = n),
        ValidityType::Month => td_string!(l, rules.amount_month, n = n),
        ValidityType::Day => td_string!(l, rules.amount_day, n = n),
        ValidityType::Hour => td_string!(l, rules.amount_hour, n = n),
        ValidityType::Other(u) => format!("{n} {u}"),
    }
}

fn san_kind(kind: &SanType, l: Locale) -> String {
    match kind {
        SanType::Dns => td_string!(l, rules.san_dns).to_owned(),
        SanType::Ip => td_string!(l, rules.san_ip).to_owned(),
        SanType::Email => td_string!(l, rules.san_email).to_owned(),
        SanType::Uri => td_string!(l, rules.san_uri).to_owned(),
        SanType::Other(k) => k.clone(),
    }
}

/// A message cut into plain text and marked data (`(text, is_code)`), for
/// showing the data in `<code>`.
pub fn segments(message: &str) -> Vec<(&str, bool)> {
    message.split('`').enumerate().filter(|(_, s)| !s.is_empty()).map(|(i, s)| (s, i % 2 == 1)).collect()
}

#[cfg(test)]
mod tests;

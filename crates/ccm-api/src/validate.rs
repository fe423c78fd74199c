//! Validation of every documented limit, as data.
//!
//! Each operation has a [`RuleSet`]: field rules (where the field is, its
//! wire path, whether it is required, and the checks on its value) plus
//! named conditions for the rules that involve several fields. The same
//! tables serve the console (as the user types, on the draft body) and the
//! emulator (on receipt, before anything else), so both refuse the same
//! things with the same words.
//!
//! Everything works on JSON as sent: a field is named by its wire path
//! (`distinguished_name.country`, `subject_alternative_names[2].value`, a
//! query key such as `limit`, a path parameter such as `ca_id`). Time is
//! passed in ([`Context::now_millis`]); nothing here reads a clock, so the
//! code runs in the browser where `SystemTime` panics.

use serde_json::{Map, Value};

use crate::common::{CaStatus, CaType, CertificateStatus, KeyAlgorithm, KeyUsage, RevocationReason, SanType};
use crate::common::{SignatureAlgorithm, ValidityType};
use crate::endpoints::Service;
use crate::operations;
use crate::pca::certs::{CertSortKey, CsrCertType, ExportType};
use crate::request::ApiRequest;
use crate::scm::{
    CsrUsage, PrimaryDomainType, PrivateKeyAlgo, PushService, ScmBrand, ScmCertType, ScmDomainType, ScmSortKey, TagAction,
    TagQueryAction, ValidationMethod, WafResourceType, DEPLOYED_SERVICE_NAMES, MAX_DEPLOYED_QUERY, MAX_DEPLOY_RESOURCES,
    MAX_DOMAIN_NUMBERS, MAX_EFFECTIVE_YEARS, MAX_NOTICE_ENTRIES, MAX_ORDER_NUMBER, MAX_PUSH_TARGETS,
    MAX_TAGS_PER_CERTIFICATE, SCM_PAGE_SIZES,
};

/// One problem with one field: its wire path, what is wrong as data
/// (`problem`, for a console to word in its language) and the same in
/// English (`message`, what the emulator answers).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ValidationError {
    pub field: String,
    pub message: String,
    /// Not on the wire: an error read back is `Worded` (its message).
    #[serde(skip)]
    pub problem: Problem,
}

impl ValidationError {
    /// An error whose text is already worded (by a console, in its language).
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        ValidationError { field: field.into(), message: message.into(), problem: Problem::Worded }
    }

    /// An error from a rule: the message is the problem's English.
    pub fn of(field: impl Into<String>, problem: Problem) -> Self {
        ValidationError { field: field.into(), message: problem.to_string(), problem }
    }
}

/// What a value was found to be, when a [`Check`] refuses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Text of this many characters.
    Chars(usize),
    /// Text of this many bytes.
    Bytes(usize),
    /// This whole number.
    Int(i64),
    /// Not a whole number (the value, abbreviated, as JSON).
    NotWhole(String),
    /// Text that is not one of the listed values.
    Unknown(String),
    /// Not a boolean (the value, abbreviated, as JSON).
    NotBool(String),
    /// Text that does not have the format (abbreviated).
    NotValid(String),
    /// A list of this many entries.
    Entries(usize),
    NotText,
    NotObject,
    NotList,
}

/// Whose validity is limited ([`Problem::ValidityTooLong`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    RootCa,
    SubordinateCa,
    SubordinateOrCertificate,
}

/// Which deployment target misses which part ([`Problem::TargetMissing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetPart {
    ElbId,
    WafId,
    WafType,
    CdnDomain,
}

/// What is wrong with one field, as data: the field rules' findings and
/// one variant per cross-field condition, with their numbers. `Display`
/// is the English message; a console words it in its own language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Problem {
    /// Absent; `allowed` is what the field takes (may be empty).
    Required { allowed: &'static [Check] },
    /// Present, and `check` refuses it.
    Invalid { found: Found, check: Check },
    PrivacyNotAgreed,
    /// `domain_numbers` does not fit the domain type.
    DomainNumbers { n: i64, multi: bool },
    /// One name of a list is not a DNS name.
    NameInvalid { name: String },
    NameTwice { name: String },
    TargetMissing(TargetPart),
    EnterpriseNeedsCompany,
    NoticeNotList,
    NoticeCount { n: usize, max: usize },
    NoticeResourceId,
    NoticeTypes,
    RootNeeds,
    ValidityTooLong { value: i64, unit: ValidityType, years: i64, holder: Holder },
    /// `start` (Unix ms) lies before `earliest` (now minus 5 minutes).
    StartInPast { start: i64, earliest: i64 },
    CrlBucketRequired,
    CrlDaysRequired,
    SanTooLong { kind: SanType, n: usize, max: usize },
    SanInvalid { kind: SanType, value: String, format: Format },
    /// The export format exists only as a ZIP archive.
    ArchiveOnly { kind: ExportType },
    BodyNotObject,
    /// The message is already worded (a console's own check).
    #[default]
    Worded,
}

fn describe_all(checks: &[Check]) -> String {
    checks.iter().map(|c| c.describe()).collect::<Vec<_>>().join("; ")
}

/// Every unit with the most it may count for `years`: `30 YEAR, 360 MONTH, …`.
pub fn validity_units(years: i64) -> Vec<(ValidityType, i64)> {
    [ValidityType::Year, ValidityType::Month, ValidityType::Day, ValidityType::Hour]
        .into_iter()
        .map(|u| {
            let max = max_validity_value(&u, years).unwrap_or(0);
            (u, max)
        })
        .collect()
}

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Found::Chars(n) => write!(f, "has {n} characters"),
            Found::Bytes(n) => write!(f, "has {n} bytes"),
            Found::Int(n) => write!(f, "is {n}"),
            Found::NotWhole(v) => write!(f, "{v} is not a whole number"),
            Found::Unknown(v) => write!(f, "'{v}' is not a known value"),
            Found::NotBool(v) => write!(f, "{v} is not true or false"),
            Found::NotValid(v) => write!(f, "'{v}' is not valid"),
            Found::Entries(n) => write!(f, "has {n} entries"),
            Found::NotText => f.write_str("is not text"),
            Found::NotObject => f.write_str("is not an object"),
            Found::NotList => f.write_str("is not a list"),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Required { allowed } => match describe_all(allowed) {
                d if d.is_empty() => f.write_str("is required"),
                d => write!(f, "is required: {d}"),
            },
            Problem::Invalid { found, check } => write!(f, "{found}; allowed: {}", check.describe()),
            Problem::PrivacyNotAgreed => {
                f.write_str("must be true: the order or application is accepted only with the privacy consent")
            }
            Problem::DomainNumbers { n, multi: false } => {
                write!(f, "is {n}; allowed: exactly 1 for a single-domain or wildcard certificate")
            }
            Problem::DomainNumbers { n, multi: true } => {
                write!(f, "is {n}; allowed: 2 to {MAX_DOMAIN_NUMBERS} for a multi-domain certificate")
            }
            Problem::NameInvalid { name } => write!(f, "'{name}' is not valid; allowed: {}", Format::DnsName.describe()),
            Problem::NameTwice { name } => write!(f, "'{name}' appears twice; enter each name once"),
            Problem::TargetMissing(part) => f.write_str(match part {
                TargetPart::ElbId => "is required for an ELB target: the listener's id",
                TargetPart::WafId => "is required for a WAF target: the protected domain's id",
                TargetPart::WafType => "is required for a WAF target: cloud or premium",
                TargetPart::CdnDomain => {
                    "is required for a CDN target: the accelerated domain, which the certificate must cover"
                }
            }),
            Problem::EnterpriseNeedsCompany => f.write_str("is required for an enterprise CSR"),
            Problem::NoticeNotList => f.write_str("must be a JSON list of {resource_id, notice_type} entries"),
            Problem::NoticeCount { n, max } => write!(f, "has {n} entries; allowed: a list of 1 to {max} entries"),
            Problem::NoticeResourceId => write!(f, "is required: {}", Format::ScmId.describe()),
            Problem::NoticeTypes => f.write_str(
                "is required: a list of at least one notice type such as CERT_EXPIRATION (each at most 64 characters)",
            ),
            Problem::RootNeeds => f.write_str("is required for a root CA"),
            Problem::ValidityTooLong { value, unit, years, holder } => {
                let who = match holder {
                    Holder::RootCa => "a root CA",
                    Holder::SubordinateCa => "a subordinate CA",
                    Holder::SubordinateOrCertificate => "a subordinate CA or a certificate",
                };
                let all = validity_units(*years)
                    .iter()
                    .map(|(u, max)| format!("{max} {}", u.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ");
                write!(f, "{value} {} is too long; allowed for {who}: at most {years} years ({all})", unit.as_str())
            }
            Problem::StartInPast { start, earliest } => write!(
                f,
                "{start} lies more than 5 minutes in the past; allowed: Unix milliseconds from {earliest} (now minus 5 minutes) on"
            ),
            Problem::CrlBucketRequired => {
                f.write_str("is required when the CRL is enabled: the name of an existing OBS bucket (3 to 63 characters)")
            }
            Problem::CrlDaysRequired => {
                f.write_str("is required when the CRL is enabled: a whole number of days from 7 to 30")
            }
            Problem::SanTooLong { kind, n, max } => {
                write!(f, "has {n} characters; allowed for {}: at most {max}", kind.as_str())
            }
            Problem::SanInvalid { kind, value, format } => {
                write!(f, "'{value}' is not valid for {}; allowed: {}", kind.as_str(), format.describe())
            }
            Problem::ArchiveOnly { kind } => {
                write!(f, "must be true for {}: that format exists only as a ZIP archive", kind.as_str())
            }
            Problem::BodyNotObject => f.write_str("must be a JSON object; send {} when there is nothing to say"),
            Problem::Worded => Ok(()),
        }
    }
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// What validation needs from outside: the current time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// Now, Unix milliseconds (the browser's `Date.now()`, the server's clock).
    pub now_millis: i64,
}

/// How far in the past `validity.start_from` may lie.
pub const START_FROM_TOLERANCE_MILLIS: i64 = 5 * 60 * 1000;
/// Longest validity of a root CA, in years.
pub const ROOT_MAX_YEARS: i64 = 30;
/// Longest validity of a subordinate CA or a private certificate, in years.
pub const OTHER_MAX_YEARS: i64 = 20;
/// Most subject alternative names on one certificate.
pub const MAX_SANS: usize = 20;

/// Where a field travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Location {
    Path,
    Query,
    Body,
}

/// Syntax checks written by hand (no regex engine in the browser bundle).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hexadecimal (PCA ids).
    Uuid,
    /// 16 letters and digits (SCM certificate ids, `scs1554192131150`).
    ScmId,
    /// `[A-Za-z]{2}`.
    Country,
    /// Dot-decimal object identifier, `1.3.6.1.4.1.2011.4.99`.
    Oid,
    /// DNS name, optionally a wildcard `*.example.com`.
    DnsName,
    /// IPv4 or IPv6 address.
    IpAddress,
    Email,
    Uri,
    /// One PEM certificate (or more).
    PemCertificate,
    /// PEM certificates, or nothing.
    PemChain,
    /// A PEM certificate signing request.
    PemCsr,
    /// A PEM private key that is not password protected.
    PemPrivateKey,
}

/// A check on a field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Check {
    /// A string of `min..=max` characters (Unicode scalar values).
    Chars {
        min: usize,
        max: usize,
    },
    /// A string of at most `max` bytes of UTF-8.
    Bytes {
        max: usize,
    },
    /// A whole number in `min..=max` (query and path values are parsed).
    Int {
        min: i64,
        max: i64,
    },
    /// A whole number from a fixed set.
    IntIn(&'static [i64]),
    /// One of the documented strings, exactly.
    OneOf(&'static [&'static str]),
    /// One of the documented strings, in any case.
    OneOfIgnoreCase(&'static [&'static str]),
    /// JSON `true`/`false` (`"true"`/`"false"` in a query).
    Bool,
    /// A boolean or the string `"true"`/`"false"`.
    LooseBool,
    Format(Format),
    /// A JSON object.
    Object,
    /// A JSON array of `min..=max` entries.
    Items {
        min: usize,
        max: usize,
    },
}

/// One field: where, its wire path, required or not, and its checks.
///
/// Paths use `.` between object keys and `[]` for every entry of a list
/// (`subject_alternative_names[].value`). "Required" means required when
/// its parent object is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldRule {
    pub location: Location,
    pub path: &'static str,
    pub required: bool,
    pub checks: &'static [Check],
}

/// A rule that involves several fields or outside facts (time, type).
#[derive(Debug, Clone, Copy)]
pub struct Condition {
    pub id: &'static str,
    /// What it enforces, in one sentence (for documentation and tests).
    pub summary: &'static str,
    /// The wire paths it may report.
    pub fields: &'static [&'static str],
    pub check: fn(&Input, &Context) -> Vec<ValidationError>,
}

impl PartialEq for Condition {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// The rules of one operation.
#[derive(Debug, Clone, Copy)]
pub struct RuleSet {
    pub service: Service,
    pub operation: &'static str,
    /// Groups of field rules (shared groups such as the validity rules).
    pub groups: &'static [&'static [FieldRule]],
    pub conditions: &'static [Condition],
}

/// The parts of a request that validation reads, as JSON objects.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// Path parameters by name, as strings.
    pub path: Value,
    /// Query parameters by key, as strings.
    pub query: Value,
    /// The JSON body (`Null` when there is none).
    pub body: Value,
}

impl Input {
    pub fn new(path: &[(&str, String)], query: &[(String, String)], body: Option<Value>) -> Self {
        let obj = |pairs: Vec<(String, String)>| {
            Value::Object(pairs.into_iter().map(|(k, v)| (k, Value::String(v))).collect::<Map<_, _>>())
        };
        Input {
            path: obj(path.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()),
            query: obj(query.to_vec()),
            body: body.unwrap_or(Value::Null),
        }
    }

    /// Only a body (what a form edits).
    pub fn body(body: Value) -> Self {
        Input { path: Value::Object(Map::new()), query: Value::Object(Map::new()), body }
    }

    /// Path parameters recovered through the operation table.
    pub fn from_request(req: &ApiRequest) -> Self {
        let params = operations::of_request(req).and_then(|o| o.match_path(&req.path)).unwrap_or_default();
        Input::new(&params, &req.query, req.body.clone())
    }

    fn root(&self, location: Location) -> &Value {
        match location {
            Location::Path => &self.path,
            Location::Query => &self.query,
            Location::Body => &self.body,
        }
    }

    /// A body field by plain dotted path (no lists), ignoring nulls.
    pub fn body_field(&self, path: &str) -> Option<&Value> {
        let mut v = &self.body;
        for seg in path.split('.') {
            v = v.get(seg)?;
        }
        (!v.is_null()).then_some(v)
    }
}

impl RuleSet {
    /// Every field rule, groups flattened.
    pub fn fields(&self) -> impl Iterator<Item = &'static FieldRule> {
        self.groups.iter().flat_map(|g| g.iter())
    }

    /// The rule of one field; list indexes in `path` are ignored
    /// (`subject_alternative_names[3].value` finds `…[].value`).
    pub fn field(&self, path: &str) -> Option<&'static FieldRule> {
        let pattern = generic_path(path);
        self.fields().find(|r| r.path == pattern)
    }

    /// Runs every rule; an empty list means valid.
    pub fn validate(&self, input: &Input, ctx: &Context) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        for rule in self.fields() {
            let root = input.root(rule.location);
            for (path, value) in resolve(root, rule.path) {
                if let Some(problem) = rule.problem(value) {
                    errors.push(ValidationError::of(path, problem));
                }
            }
        }
        for c in self.conditions {
            for e in (c.check)(input, ctx) {
                if !errors.contains(&e) {
                    errors.push(e);
                }
            }
        }
        errors
    }
}

impl FieldRule {
    /// Checks one value (`None` = absent). For as-you-type checks of a
    /// single input.
    pub fn check(&self, value: Option<&Value>) -> Result<(), String> {
        self.problem(value).map_or(Ok(()), |p| Err(p.to_string()))
    }

    /// What is wrong with one value (`None` = absent), as data.
    pub fn problem(&self, value: Option<&Value>) -> Option<Problem> {
        match value {
            None | Some(Value::Null) => self.required.then_some(Problem::Required { allowed: self.checks }),
            Some(v) => self.checks.iter().find_map(|c| c.fault(v, self.location).map(|found| Problem::Invalid { found, check: *c })),
        }
    }

    /// What the field accepts, in words.
    pub fn describe(&self) -> String {
        describe_all(self.checks)
    }
}

/// `a[3].b` → `a[].b`.
fn generic_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for ch in path.chars() {
        match ch {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            c => out.push(c),
        }
    }
    out
}

/// Every concrete place a pattern names, with the value there (None when
/// absent). Nothing is yielded below an absent or mistyped parent: the
/// parent's own rule reports that.
fn resolve<'v>(root: &'v Value, pattern: &str) -> Vec<(String, Option<&'v Value>)> {
    let segments: Vec<&str> = pattern.split('.').collect();
    let mut current: Vec<(String, &'v Value)> = vec![(String::new(), root)];
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        let (key, each) = match seg.strip_suffix("[]") {
            Some(k) => (k, true),
            None => (*seg, false),
        };
        let mut next = Vec::new();
        let mut out = Vec::new();
        for (prefix, value) in current {
            let obj = match value {
                Value::Object(m) => m,
                // A missing body counts as an empty one, so required
                // top-level fields are still reported.
                Value::Null if i == 0 => {
                    if last && !each {
                        out.push((join(&prefix, key), None));
                    }
                    continue;
                }
                _ => continue,
            };
            let path = join(&prefix, key);
            let child = obj.get(key).filter(|v| !v.is_null());
            if each {
                if let Some(Value::Array(items)) = child {
                    for (n, item) in items.iter().enumerate() {
                        let p = format!("{path}[{n}]");
                        if last {
                            out.push((p, Some(item)));
                        } else {
                            next.push((p, item));
                        }
                    }
                }
            } else if last {
                out.push((path, child));
            } else if let Some(c) = child {
                next.push((path, c));
            }
        }
        if last {
            return out;
        }
        current = next;
    }
    Vec::new()
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

fn list(values: &[&str]) -> String {
    values.join(", ")
}

impl Check {
    /// Applies the check to a present value; `Err` says what is wrong and
    /// what is allowed.
    pub fn apply(&self, v: &Value, location: Location) -> Result<(), String> {
        self.fault(v, location).map_or(Ok(()), |found| Err(Problem::Invalid { found, check: *self }.to_string()))
    }

    /// What the value was found to be when the check refuses it.
    pub fn fault(&self, v: &Value, location: Location) -> Option<Found> {
        let text = v.as_str();
        match *self {
            Check::Chars { min, max } => match text {
                Some(s) => {
                    let n = s.chars().count();
                    (n < min || n > max).then_some(Found::Chars(n))
                }
                None => Some(Found::NotText),
            },
            Check::Bytes { max } => match text {
                Some(s) => (s.len() > max).then_some(Found::Bytes(s.len())),
                None => Some(Found::NotText),
            },
            Check::Int { min, max } => match int_value(v, location) {
                Some(n) => (n < min || n > max).then_some(Found::Int(n)),
                None => Some(Found::NotWhole(short(v))),
            },
            Check::IntIn(set) => match int_value(v, location) {
                Some(n) => (!set.contains(&n)).then_some(Found::Int(n)),
                None => Some(Found::NotWhole(short(v))),
            },
            Check::OneOf(set) => match text {
                Some(s) => (!set.contains(&s)).then(|| Found::Unknown(s.to_owned())),
                None => Some(Found::NotText),
            },
            Check::OneOfIgnoreCase(set) => match text {
                Some(s) => (!set.iter().any(|k| k.eq_ignore_ascii_case(s))).then(|| Found::Unknown(s.to_owned())),
                None => Some(Found::NotText),
            },
            Check::Bool => match (v, location) {
                (Value::Bool(_), _) => None,
                (Value::String(s), Location::Query | Location::Path) if s == "true" || s == "false" => None,
                _ => Some(Found::NotBool(short(v))),
            },
            Check::LooseBool => match v {
                Value::Bool(_) => None,
                Value::String(s) if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") => None,
                _ => Some(Found::NotBool(short(v))),
            },
            Check::Format(f) => match text {
                Some(s) => (!f.matches(s)).then(|| Found::NotValid(abbreviate(s))),
                None => Some(Found::NotText),
            },
            Check::Object => (!v.is_object()).then_some(Found::NotObject),
            Check::Items { min, max } => match v {
                Value::Array(a) => (a.len() < min || a.len() > max).then_some(Found::Entries(a.len())),
                _ => Some(Found::NotList),
            },
        }
    }

    /// What the check accepts, in words.
    pub fn describe(&self) -> String {
        match *self {
            Check::Chars { min, max } if min == max => format!("exactly {min} characters"),
            Check::Chars { min, max: usize::MAX } => format!("text of at least {min} character(s)"),
            Check::Chars { min: 0, max } => format!("at most {max} characters"),
            Check::Chars { min, max } => format!("{min} to {max} characters"),
            Check::Bytes { max } => format!("at most {max} bytes"),
            Check::Int { min, max: i64::MAX } => format!("a whole number of at least {min}"),
            Check::Int { min, max } => format!("a whole number from {min} to {max}"),
            Check::IntIn(set) => {
                format!("one of {}", set.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", "))
            }
            Check::OneOf(set) => format!("one of {}", list(set)),
            Check::OneOfIgnoreCase(set) => format!("one of {} (any case)", list(set)),
            Check::Bool => "true or false".to_owned(),
            Check::LooseBool => "true or false, as a boolean or as text".to_owned(),
            Check::Format(f) => f.describe().to_owned(),
            Check::Object => "an object".to_owned(),
            Check::Items { min: 0, max } => format!("a list of at most {max} entries"),
            Check::Items { min, max } if max == usize::MAX => format!("a list of at least {min} entries"),
            Check::Items { min, max } => format!("a list of {min} to {max} entries"),
        }
    }
}

fn int_value(v: &Value, location: Location) -> Option<i64> {
    match (v, location) {
        (Value::Number(n), _) => n.as_i64(),
        (Value::String(s), Location::Query | Location::Path) => s.trim().parse().ok(),
        _ => None,
    }
}

fn short(v: &Value) -> String {
    abbreviate(&v.to_string())
}

/// At most 40 characters of a value, for messages (never a whole PEM).
fn abbreviate(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(37).collect::<String>())
    }
}

impl Format {
    pub fn matches(&self, s: &str) -> bool {
        match self {
            Format::Uuid => is_uuid(s),
            Format::ScmId => s.len() == 16 && s.bytes().all(|b| b.is_ascii_alphanumeric()),
            Format::Country => s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()),
            Format::Oid => is_oid(s),
            Format::DnsName => is_dns_name(s, true),
            Format::IpAddress => is_ip(s),
            Format::Email => is_email(s),
            Format::Uri => is_uri(s),
            Format::PemCertificate => has_pem(s, "CERTIFICATE"),
            Format::PemChain => s.trim().is_empty() || has_pem(s, "CERTIFICATE"),
            Format::PemCsr => has_pem(s, "CERTIFICATE REQUEST") || has_pem(s, "NEW CERTIFICATE REQUEST"),
            Format::PemPrivateKey => is_plain_private_key(s),
        }
    }

    pub fn describe(&self) -> &'static str {
        match self {
            Format::Uuid => "a UUID of 36 characters such as 4c0e772e-a30c-4029-b929-b7acb04143f7",
            Format::ScmId => "an SCM certificate id of 16 letters and digits such as scs1554192131150",
            Format::Country => "a two-letter country code such as CN (letters only)",
            Format::Oid => "an object identifier in dotted numbers such as 1.3.6.1.4.1.2011.4.99",
            Format::DnsName => {
                "a DNS name: labels of letters, digits and inner hyphens, 1 to 63 each, at most 253 in all; \
                 the first label may be *"
            }
            Format::IpAddress => "an IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::1",
            Format::Email => "an e-mail address such as ops@example.com",
            Format::Uri => "a URI with a scheme and no spaces, such as https://example.com/path",
            Format::PemCertificate => "a PEM certificate (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)",
            Format::PemChain => "PEM certificates, or nothing",
            Format::PemCsr => "a PEM certificate request (-----BEGIN CERTIFICATE REQUEST----- …)",
            Format::PemPrivateKey => "a PEM private key without a password (-----BEGIN … PRIVATE KEY-----)",
        }
    }
}

/// `8-4-4-4-12` hexadecimal digits.
pub fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// Dot-decimal OID: first arc 0-2, at least two arcs, no leading zeros,
/// second arc at most 39 under 0 and 1 (ASN.1 encoding rules).
pub fn is_oid(s: &str) -> bool {
    let arcs: Vec<&str> = s.split('.').collect();
    if arcs.len() < 2 {
        return false;
    }
    let numeric =
        |a: &&str| !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit()) && (a.len() == 1 || !a.starts_with('0'));
    if !arcs.iter().all(numeric) {
        return false;
    }
    match arcs[0] {
        "0" | "1" => arcs[1].len() <= 2 && arcs[1].parse::<u32>().is_ok_and(|n| n <= 39),
        "2" => true,
        _ => false,
    }
}

/// Host name syntax (letters, digits, inner hyphens; 1-63 per label; 253
/// in all). `wildcard` allows a first label of `*`.
pub fn is_dns_name(s: &str, wildcard: bool) -> bool {
    if s.is_empty() || s.len() > 253 {
        return false;
    }
    let name = match s.strip_prefix("*.") {
        Some(rest) if wildcard => rest,
        _ => s,
    };
    name.split('.').all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

pub fn is_ip(s: &str) -> bool {
    s.parse::<std::net::Ipv4Addr>().is_ok() || s.parse::<std::net::Ipv6Addr>().is_ok()
}

/// `local@domain`: a dot-atom local part of at most 64 characters and a
/// DNS domain.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else { return false };
    let atext = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&b);
    !local.is_empty()
        && local.len() <= 64
        && local.split('.').all(|p| !p.is_empty() && p.bytes().all(atext))
        && is_dns_name(domain, false)
}

/// `scheme:rest` with an RFC 3986 scheme and no spaces or control
/// characters.
pub fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let mut sb = scheme.bytes();
    sb.next().is_some_and(|b| b.is_ascii_alphabetic())
        && sb.all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.')
        && !rest.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn has_pem(s: &str, label: &str) -> bool {
    match s.find(&format!("-----BEGIN {label}-----")) {
        Some(start) => s[start..].contains(&format!("-----END {label}-----")),
        None => false,
    }
}

fn is_plain_private_key(s: &str) -> bool {
    let encrypted = s.contains("ENCRYPTED PRIVATE KEY") || s.contains("Proc-Type: 4,ENCRYPTED");
    !encrypted && ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "SM2 PRIVATE KEY"].iter().any(|l| has_pem(s, l))
}

// ---------------------------------------------------------------------------
// The rules.
// ---------------------------------------------------------------------------

use Check::{Bool, Chars, Int, IntIn, Items, Object, OneOf, OneOfIgnoreCase};
use Location::{Body, Path, Query};

const fn rule(location: Location, path: &'static str, required: bool, checks: &'static [Check]) -> FieldRule {
    FieldRule { location, path, required, checks }
}
const REQ: bool = true;
const OPT: bool = false;
const FMT_UUID: Check = Check::Format(Format::Uuid);

const SORT_DIRS: &[&str] = &["ASC", "DESC"];
/// CA list sort keys: the SDK's `type` and the reference's `ca_type`.
const CA_SORT_KEYS: &[&str] = &["create_time", "common_name", "type", "ca_type", "not_after"];
/// Status filters of the SCM list (a subset of the statuses it returns).
pub const SCM_STATUS_FILTERS: &[&str] = &[
    "ALL",
    "PAID",
    "ISSUED",
    "CHECKING",
    "CANCELCHECKING",
    "UNPASSED",
    "EXPIRED",
    "REVOKING",
    "REVOKED",
    "UPLOAD",
    "CHECKING_ORG",
    "ISSUING",
    "SUPPLEMENTCHECKING",
];

const SCM_ID: &[FieldRule] = &[rule(Path, "certificate_id", REQ, &[Check::Format(Format::ScmId)])];
const CA_ID: &[FieldRule] = &[rule(Path, "ca_id", REQ, &[FMT_UUID])];
const CERT_ID: &[FieldRule] = &[rule(Path, "certificate_id", REQ, &[FMT_UUID])];

/// Subject of a CA: every part required.
const DN_CA: &[FieldRule] = &[
    rule(Body, "distinguished_name", REQ, &[Object]),
    rule(Body, "distinguished_name.common_name", REQ, &[Chars { min: 1, max: 64 }]),
    rule(Body, "distinguished_name.country", REQ, &[Chars { min: 2, max: 2 }, Check::Format(Format::Country)]),
    rule(Body, "distinguished_name.state", REQ, &[Chars { min: 1, max: 128 }]),
    rule(Body, "distinguished_name.locality", REQ, &[Chars { min: 1, max: 128 }]),
    rule(Body, "distinguished_name.organization", REQ, &[Chars { min: 1, max: 64 }]),
    rule(Body, "distinguished_name.organizational_unit", REQ, &[Chars { min: 1, max: 64 }]),
];

/// Subject of a private certificate: only the common name is required.
const DN_CERT: &[FieldRule] = &[
    rule(Body, "distinguished_name", REQ, &[Object]),
    rule(Body, "distinguished_name.common_name", REQ, &[Chars { min: 1, max: 64 }]),
    rule(Body, "distinguished_name.country", OPT, &[Chars { min: 2, max: 2 }, Check::Format(Format::Country)]),
    rule(Body, "distinguished_name.state", OPT, &[Chars { min: 1, max: 128 }]),
    rule(Body, "distinguished_name.locality", OPT, &[Chars { min: 1, max: 128 }]),
    rule(Body, "distinguished_name.organization", OPT, &[Chars { min: 1, max: 64 }]),
    rule(Body, "distinguished_name.organizational_unit", OPT, &[Chars { min: 1, max: 64 }]),
];

const VALIDITY_PARTS: &[FieldRule] = &[
    rule(Body, "validity.type", REQ, &[OneOf(ValidityType::WIRE)]),
    rule(Body, "validity.value", REQ, &[Int { min: 1, max: i64::MAX }]),
    rule(Body, "validity.start_from", OPT, &[Int { min: 0, max: i64::MAX }]),
];
const VALIDITY_OPT: &[FieldRule] = &[rule(Body, "validity", OPT, &[Object])];
const VALIDITY_REQ: &[FieldRule] = &[rule(Body, "validity", REQ, &[Object])];

const CRL: &[FieldRule] = &[
    rule(Body, "crl_configuration", OPT, &[Object]),
    rule(Body, "crl_configuration.enabled", REQ, &[Bool]),
    rule(Body, "crl_configuration.crl_name", OPT, &[Chars { min: 1, max: usize::MAX }]),
    rule(Body, "crl_configuration.obs_bucket_name", OPT, &[Chars { min: 3, max: 63 }]),
    rule(Body, "crl_configuration.valid_days", OPT, &[Int { min: 7, max: 30 }]),
];

const KEY_USAGES: &[FieldRule] = &[
    rule(Body, "key_usages", OPT, &[Items { min: 0, max: usize::MAX }]),
    rule(Body, "key_usages[]", REQ, &[OneOf(KeyUsage::WIRE)]),
];

const SANS: &[FieldRule] = &[
    rule(Body, "subject_alternative_names", OPT, &[Items { min: 0, max: MAX_SANS }]),
    rule(Body, "subject_alternative_names[]", REQ, &[Object]),
    rule(Body, "subject_alternative_names[].type", REQ, &[OneOf(SanType::WIRE)]),
    rule(Body, "subject_alternative_names[].value", REQ, &[Chars { min: 1, max: 256 }]),
];

const PCA_LIST_PAGING: &[FieldRule] = &[
    rule(Query, "limit", OPT, &[Int { min: 0, max: 1000 }]),
    rule(Query, "name", OPT, &[Chars { min: 1, max: 64 }]),
    rule(Query, "offset", OPT, &[Int { min: 0, max: i64::MAX }]),
    rule(Query, "sort_dir", OPT, &[OneOf(SORT_DIRS)]),
];

/// Tag key and value limits: Huawei Cloud's tag rules (the reference has no
/// tag operations).
const TAG_ONE: &[FieldRule] = &[
    rule(Body, "tag", REQ, &[Object]),
    rule(Body, "tag.key", REQ, &[Chars { min: 1, max: 128 }]),
    rule(Body, "tag.value", OPT, &[Chars { min: 0, max: 255 }]),
];
const TAG_LIST: &[FieldRule] = &[
    rule(Body, "tags", REQ, &[Items { min: 1, max: usize::MAX }]),
    rule(Body, "tags[]", REQ, &[Object]),
    rule(Body, "tags[].key", REQ, &[Chars { min: 1, max: 128 }]),
    rule(Body, "tags[].value", OPT, &[Chars { min: 0, max: 255 }]),
];
const TAG_FILTER: &[FieldRule] = &[
    rule(Body, "tags", OPT, &[Items { min: 0, max: usize::MAX }]),
    rule(Body, "tags[].key", REQ, &[Chars { min: 1, max: 128 }]),
    rule(Body, "limit", OPT, &[Int { min: 0, max: 1000 }]),
    rule(Body, "offset", OPT, &[Int { min: 0, max: i64::MAX }]),
    rule(Body, "matches", OPT, &[Items { min: 0, max: usize::MAX }]),
];

const REVOKE: &[FieldRule] = &[rule(Body, "reason", OPT, &[OneOf(RevocationReason::WIRE)])];

/// An SCM tag operation names the certificate `resource_id`.
const SCM_RESOURCE_ID: &[FieldRule] = &[rule(Path, "resource_id", REQ, &[Check::Format(Format::ScmId)])];

const SCM_TAGS_OPT: &[FieldRule] = &[
    rule(Body, "tags", OPT, &[Items { min: 0, max: MAX_TAGS_PER_CERTIFICATE }]),
    rule(Body, "tags[]", REQ, &[Object]),
    rule(Body, "tags[].key", REQ, &[Chars { min: 1, max: 128 }]),
    rule(Body, "tags[].value", OPT, &[Chars { min: 0, max: 255 }]),
];
const SCM_TAGS_REQ: &[FieldRule] = &[
    rule(Body, "tags", REQ, &[Items { min: 1, max: MAX_TAGS_PER_CERTIFICATE }]),
    rule(Body, "tags[]", REQ, &[Object]),
    rule(Body, "tags[].key", REQ, &[Chars { min: 1, max: 128 }]),
    rule(Body, "tags[].value", OPT, &[Chars { min: 0, max: 255 }]),
];

/// The tag query: four tag lists of the same shape, paging, name match.
const SCM_TAG_QUERY: &[FieldRule] = &[
    rule(Path, "resource_instances", REQ, &[OneOf(&["resource_instances"])]),
    rule(Body, "action", REQ, &[OneOf(TagQueryAction::WIRE)]),
    rule(Body, "without_any_tag", OPT, &[Bool]),
    rule(Body, "limit", OPT, &[Int { min: 1, max: 1000 }]),
    rule(Body, "offset", OPT, &[Int { min: 0, max: i64::MAX }]),
    rule(Body, "tags", OPT, &[Items { min: 0, max: MAX_TAGS_PER_CERTIFICATE }]),
    rule(Body, "tags[].key", REQ, &[Chars { min: 1, max: 128 }]),
    rule(Body, "tags[].values", OPT, &[Items { min: 0, max: MAX_TAGS_PER_CERTIFICATE }]),
    rule(Body, "tags[].values[]", REQ, &[Chars { min: 0, max: 255 }]),
    rule(Body, "tags_any", OPT, &[Items { min: 0, max: MAX_TAGS_PER_CERTIFICATE }]),
    rule(Body, "tags_any[].key", REQ, &[Chars { min: 1, max: 128 }]),
    rule(Body, "not_tags", OPT, &[Items { min: 0, max: MAX_TAGS_PER_CERTIFICATE }]),
    rule(Body, "not_tags[].key", REQ, &[Chars { min: 1, max: 128 }]),
    rule(Body, "not_tags_any", OPT, &[Items { min: 0, max: MAX_TAGS_PER_CERTIFICATE }]),
    rule(Body, "not_tags_any[].key", REQ, &[Chars { min: 1, max: 128 }]),
    rule(Body, "matches", OPT, &[Items { min: 0, max: 1 }]),
    rule(Body, "matches[].key", REQ, &[OneOf(&["resource_name"])]),
    rule(Body, "matches[].value", REQ, &[Chars { min: 0, max: 255 }]),
];

/// Purchase of SSL certificates (the v3 page's limits).
const SUBSCRIBE: &[FieldRule] = &[
    rule(Body, "cert_brand", REQ, &[Chars { min: 0, max: 32 }, OneOf(ScmBrand::WIRE)]),
    rule(Body, "cert_type", REQ, &[Chars { min: 0, max: 32 }, OneOf(ScmCertType::WIRE)]),
    rule(Body, "domain_type", REQ, &[Chars { min: 0, max: 32 }, OneOf(ScmDomainType::WIRE)]),
    rule(Body, "effective_time", REQ, &[Int { min: 1, max: MAX_EFFECTIVE_YEARS }]),
    rule(Body, "domain_numbers", REQ, &[Int { min: 1, max: MAX_DOMAIN_NUMBERS }]),
    rule(Body, "order_number", REQ, &[Int { min: 1, max: MAX_ORDER_NUMBER }]),
    rule(Body, "agree_privacy_protection", REQ, &[Bool]),
    rule(Body, "primary_domain_type", OPT, &[Chars { min: 0, max: 63 }, OneOf(PrimaryDomainType::WIRE)]),
    rule(Body, "single_domain_number", OPT, &[Int { min: 1, max: MAX_DOMAIN_NUMBERS }]),
    rule(Body, "wildcard_domain_number", OPT, &[Int { min: 1, max: MAX_DOMAIN_NUMBERS }]),
    rule(Body, "is_auto_pay", OPT, &[Bool]),
    rule(Body, "enterprise_project_id", OPT, &[Chars { min: 0, max: 64 }]),
    rule(Body, "order_id", OPT, &[Chars { min: 0, max: 63 }]),
];

/// Application for an ordered certificate (the v3 page's limits; the
/// domain must also be a DNS name, wildcard allowed).
const APPLY: &[FieldRule] = &[
    rule(Body, "domain", REQ, &[Chars { min: 1, max: 255 }, Check::Format(Format::DnsName)]),
    rule(Body, "sans", OPT, &[Chars { min: 0, max: 4096 }]),
    rule(Body, "csr", OPT, &[Chars { min: 0, max: 5120 }, Check::Format(Format::PemCsr)]),
    rule(Body, "company_name", OPT, &[Chars { min: 0, max: 63 }]),
    rule(Body, "company_unit", OPT, &[Chars { min: 0, max: 63 }]),
    rule(Body, "company_province", OPT, &[Chars { min: 0, max: 63 }]),
    rule(Body, "company_city", OPT, &[Chars { min: 0, max: 63 }]),
    rule(Body, "country", OPT, &[Chars { min: 2, max: 2 }, Check::Format(Format::Country)]),
    rule(Body, "applicant_name", OPT, &[Chars { min: 0, max: 63 }]),
    rule(Body, "applicant_phone", OPT, &[Chars { min: 0, max: 63 }]),
    rule(Body, "applicant_email", OPT, &[Chars { min: 0, max: 256 }, Check::Format(Format::Email)]),
    rule(Body, "contact_name", OPT, &[Chars { min: 0, max: 63 }]),
    rule(Body, "contact_phone", OPT, &[Chars { min: 0, max: 63 }]),
    rule(Body, "contact_email", OPT, &[Chars { min: 0, max: 256 }, Check::Format(Format::Email)]),
    rule(Body, "auto_dns_auth", OPT, &[Bool]),
    rule(Body, "agree_privacy_protection", REQ, &[Bool]),
    rule(Body, "domain_method", OPT, &[Chars { min: 0, max: 32 }, OneOfIgnoreCase(ValidationMethod::WIRE)]),
    rule(Body, "key_algorithm", OPT, &[Chars { min: 0, max: 63 }, OneOf(PrivateKeyAlgo::WIRE)]),
    rule(Body, "ca_hash_algorithm", OPT, &[Chars { min: 0, max: 64 }]),
];

/// A CSR's name: the page allows 0 to 63 characters; an empty name is
/// refused here (a nameless entry cannot be told apart in the list).
const CSR_NAME: FieldRule = rule(Body, "name", REQ, &[Chars { min: 1, max: 63 }]);
/// CSR ids are service-made text (at most 63 characters per the page).
const CSR_ID: &[FieldRule] = &[rule(Path, "id", REQ, &[Chars { min: 1, max: 63 }])];

const CREATE_CSR: &[FieldRule] = &[
    CSR_NAME,
    rule(Body, "domain_name", REQ, &[Chars { min: 1, max: 63 }, Check::Format(Format::DnsName)]),
    rule(Body, "sans", OPT, &[Chars { min: 0, max: 255 }]),
    rule(Body, "private_key_algo", REQ, &[Chars { min: 0, max: 63 }, OneOf(PrivateKeyAlgo::WIRE)]),
    rule(Body, "usage", REQ, &[Chars { min: 0, max: 255 }, OneOf(CsrUsage::WIRE)]),
    // A subject's country is two letters whatever the page's 255 says.
    rule(Body, "company_country", OPT, &[Chars { min: 2, max: 2 }, Check::Format(Format::Country)]),
    rule(Body, "company_province", OPT, &[Chars { min: 0, max: 255 }]),
    rule(Body, "company_city", OPT, &[Chars { min: 0, max: 255 }]),
    rule(Body, "company_name", OPT, &[Chars { min: 0, max: 255 }]),
];

const NONE: &[FieldRule] = &[];

// Conditions ----------------------------------------------------------------

/// A root CA needs `validity` and `signature_algorithm`.
pub const ROOT_NEEDS_VALIDITY: Condition = Condition {
    id: "root_needs_validity_and_signature",
    summary: "a root CA must be created with validity and signature_algorithm",
    fields: &["validity", "signature_algorithm"],
    check: root_needs_validity,
};

/// Validity at most 30 years for a root CA, 20 otherwise (type from the body).
pub const VALIDITY_BY_CA_TYPE: Condition = Condition {
    id: "validity_limit_by_ca_type",
    summary: "validity at most 30 years for a root CA and 20 years for a subordinate CA",
    fields: &["validity.value"],
    check: validity_by_ca_type,
};

/// Validity at most 20 years (subordinate CA, private certificate).
pub const VALIDITY_20_YEARS: Condition = Condition {
    id: "validity_limit_20_years",
    summary: "validity at most 20 years for a subordinate CA or a private certificate",
    fields: &["validity.value"],
    check: validity_20_years,
};

/// `start_from` not earlier than now minus 5 minutes.
pub const START_FROM: Condition = Condition {
    id: "start_from_not_in_past",
    summary: "validity.start_from must not lie more than 5 minutes in the past",
    fields: &["validity.start_from"],
    check: start_from_not_in_past,
};

/// An enabled CRL needs a bucket and an update interval.
pub const CRL_ENABLED: Condition = Condition {
    id: "crl_enabled_needs_bucket_and_days",
    summary: "an enabled CRL needs obs_bucket_name and valid_days",
    fields: &["crl_configuration.obs_bucket_name", "crl_configuration.valid_days"],
    check: crl_enabled,
};

/// Each alternative name's value must fit its type.
pub const SAN_VALUES: Condition = Condition {
    id: "san_value_matches_type",
    summary: "each subject alternative name must be a valid DNS name, IP address, e-mail address or URI per its type",
    fields: &["subject_alternative_names[].value"],
    check: san_values,
};

/// IIS and TOMCAT exports exist only as a ZIP.
pub const ARCHIVE_ONLY: Condition = Condition {
    id: "iis_tomcat_export_compressed",
    summary: "IIS and TOMCAT exports must be compressed",
    fields: &["is_compressed"],
    check: archive_only,
};

/// Revocation with no reason still needs `{}` as the body.
pub const BODY_OBJECT: Condition = Condition {
    id: "body_is_an_object",
    summary: "the body must be a JSON object, {} when there is nothing to say",
    fields: &["body"],
    check: body_object,
};

/// Orders and applications go through only with the privacy consent.
pub const PRIVACY_AGREED: Condition = Condition {
    id: "privacy_protection_agreed",
    summary: "agree_privacy_protection must be true",
    fields: &["agree_privacy_protection"],
    check: privacy_agreed,
};

/// Single and wildcard certificates cover one name, multi-domain 2 to 100.
pub const DOMAIN_NUMBERS_BY_TYPE: Condition = Condition {
    id: "domain_numbers_by_domain_type",
    summary: "domain_numbers is 1 for SINGLE_DOMAIN and WILDCARD, 2 to 100 for MULTI_DOMAIN",
    fields: &["domain_numbers"],
    check: domain_numbers_by_type,
};

/// Additional names of an application: DNS names, none twice.
pub const APPLY_SANS: Condition = Condition {
    id: "apply_sans_are_distinct_dns_names",
    summary: "each ;-separated additional name is a DNS name, and no name appears twice (the domain included)",
    fields: &["sans"],
    check: apply_sans,
};

/// What each service needs to know about a deployment target.
pub const DEPLOY_TARGETS: Condition = Condition {
    id: "deploy_target_fields_by_service",
    summary: "ELB and WAF targets need id, WAF targets also type; CDN targets need domain_name",
    fields: &["resources[].id", "resources[].type", "resources[].domain_name"],
    check: deploy_targets,
};

/// An enterprise CSR names the company.
pub const ENTERPRISE_NEEDS_COMPANY: Condition = Condition {
    id: "enterprise_csr_needs_company",
    summary: "usage ENTERPRISE needs company_country, company_province, company_city and company_name",
    fields: &["company_country", "company_province", "company_city", "company_name"],
    check: enterprise_needs_company,
};

/// Additional names of a CSR: DNS names.
pub const CSR_SANS: Condition = Condition {
    id: "csr_sans_are_dns_names",
    summary: "each additional name of a CSR (separated by ; or ,) is a DNS name",
    fields: &["sans"],
    check: csr_sans,
};

/// The notification switch body: a list of certificates and notice types.
pub const NOTICE_LIST: Condition = Condition {
    id: "notice_list",
    summary: "the body is a list of 1 to 50 entries, each with an SCM certificate id and at least one notice type",
    fields: &["body", "[].resource_id", "[].notice_type"],
    check: notice_list,
};

/// Every condition, for documentation and counting.
pub const CONDITIONS: &[Condition] = &[
    ROOT_NEEDS_VALIDITY,
    VALIDITY_BY_CA_TYPE,
    VALIDITY_20_YEARS,
    START_FROM,
    CRL_ENABLED,
    SAN_VALUES,
    ARCHIVE_ONLY,
    BODY_OBJECT,
    PRIVACY_AGREED,
    DOMAIN_NUMBERS_BY_TYPE,
    APPLY_SANS,
    DEPLOY_TARGETS,
    ENTERPRISE_NEEDS_COMPANY,
    CSR_SANS,
    NOTICE_LIST,
];

fn privacy_agreed(input: &Input, _: &Context) -> Vec<ValidationError> {
    match input.body_field("agree_privacy_protection") {
        Some(Value::Bool(false)) => vec![ValidationError::of("agree_privacy_protection", Problem::PrivacyNotAgreed)],
        _ => Vec::new(),
    }
}

fn domain_numbers_by_type(input: &Input, _: &Context) -> Vec<ValidationError> {
    let kind = input.body_field("domain_type").and_then(Value::as_str);
    // Out of 1..=100 the field's own rule speaks.
    let Some(n) = input.body_field("domain_numbers").and_then(Value::as_i64).filter(|n| (1..=MAX_DOMAIN_NUMBERS).contains(n))
    else {
        return Vec::new();
    };
    let (ok, multi) = match kind {
        Some("SINGLE_DOMAIN") | Some("WILDCARD") => (n == 1, false),
        Some("MULTI_DOMAIN") => ((2..=MAX_DOMAIN_NUMBERS).contains(&n), true),
        _ => (true, false),
    };
    if ok {
        Vec::new()
    } else {
        vec![ValidationError::of("domain_numbers", Problem::DomainNumbers { n, multi })]
    }
}

/// Splits a list of names on `;` (and `,` when `comma`), trimmed, empties dropped.
pub fn split_names(s: &str, comma: bool) -> Vec<&str> {
    s.split(|c| c == ';' || (comma && c == ','))
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect()
}

fn check_names(field: &str, names: &[&str], also: Option<&str>) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let mut seen: Vec<String> = also.map(|d| vec![d.to_ascii_lowercase()]).unwrap_or_default();
    for name in names {
        if !is_dns_name(name, true) {
            errors.push(ValidationError::of(field, Problem::NameInvalid { name: abbreviate(name) }));
        } else if seen.contains(&name.to_ascii_lowercase()) {
            errors.push(ValidationError::of(field, Problem::NameTwice { name: (*name).to_owned() }));
        } else {
            seen.push(name.to_ascii_lowercase());
        }
    }
    errors
}

fn apply_sans(input: &Input, _: &Context) -> Vec<ValidationError> {
    let Some(sans) = input.body_field("sans").and_then(Value::as_str) else { return Vec::new() };
    let domain = input.body_field("domain").and_then(Value::as_str);
    check_names("sans", &split_names(sans, false), domain)
}

fn csr_sans(input: &Input, _: &Context) -> Vec<ValidationError> {
    let Some(sans) = input.body_field("sans").and_then(Value::as_str) else { return Vec::new() };
    check_names("sans", &split_names(sans, true), None)
}

fn deploy_targets(input: &Input, _: &Context) -> Vec<ValidationError> {
    let service = input.body_field("service_name").and_then(Value::as_str).unwrap_or("");
    let Some(Value::Array(items)) = input.body_field("resources") else { return Vec::new() };
    let mut errors = Vec::new();
    let present = |item: &Value, key: &str| item.get(key).and_then(Value::as_str).is_some_and(|s| !s.trim().is_empty());
    for (i, item) in items.iter().enumerate() {
        let mut need = |key: &str, part: TargetPart| {
            if !present(item, key) {
                errors.push(ValidationError::of(format!("resources[{i}].{key}"), Problem::TargetMissing(part)));
            }
        };
        match service {
            "ELB" => need("id", TargetPart::ElbId),
            "WAF" => {
                need("id", TargetPart::WafId);
                need("type", TargetPart::WafType);
            }
            "CDN" => need("domain_name", TargetPart::CdnDomain),
            _ => {}
        }
    }
    errors
}

fn enterprise_needs_company(input: &Input, _: &Context) -> Vec<ValidationError> {
    if input.body_field("usage").and_then(Value::as_str) != Some("ENTERPRISE") {
        return Vec::new();
    }
    ["company_country", "company_province", "company_city", "company_name"]
        .into_iter()
        .filter(|f| input.body_field(f).and_then(Value::as_str).is_none_or(|s| s.trim().is_empty()))
        .map(|f| ValidationError::of(f, Problem::EnterpriseNeedsCompany))
        .collect()
}

fn notice_list(input: &Input, _: &Context) -> Vec<ValidationError> {
    let Value::Array(items) = &input.body else {
        return vec![ValidationError::of("body", Problem::NoticeNotList)];
    };
    let mut errors = Vec::new();
    if items.is_empty() || items.len() > MAX_NOTICE_ENTRIES {
        errors.push(ValidationError::of("body", Problem::NoticeCount { n: items.len(), max: MAX_NOTICE_ENTRIES }));
    }
    for (i, item) in items.iter().enumerate() {
        match item.get("resource_id").and_then(Value::as_str) {
            Some(id) if Format::ScmId.matches(id) => {}
            _ => errors.push(ValidationError::of(format!("[{i}].resource_id"), Problem::NoticeResourceId)),
        }
        let types_ok = item.get("notice_type").and_then(Value::as_array).is_some_and(|t| {
            !t.is_empty() && t.iter().all(|x| x.as_str().is_some_and(|s| !s.is_empty() && s.chars().count() <= 64))
        });
        if !types_ok {
            errors.push(ValidationError::of(format!("[{i}].notice_type"), Problem::NoticeTypes));
        }
    }
    errors
}

fn root_needs_validity(input: &Input, _: &Context) -> Vec<ValidationError> {
    if input.body_field("type").and_then(Value::as_str) != Some(CaType::Root.as_str()) {
        return Vec::new();
    }
    ["validity", "signature_algorithm"]
        .into_iter()
        .filter(|f| input.body_field(f).is_none())
        .map(|f| ValidationError::of(f, Problem::RootNeeds))
        .collect()
}

/// Largest `validity.value` for a unit and a limit in years. A month is
/// counted as 1/12 year and a year as 365 days plus leap days.
pub fn max_validity_value(unit: &ValidityType, years: i64) -> Option<i64> {
    let days = years * 365 + years / 4;
    match unit {
        ValidityType::Year => Some(years),
        ValidityType::Month => Some(years * 12),
        ValidityType::Day => Some(days),
        ValidityType::Hour => Some(days * 24),
        ValidityType::Other(_) => None,
    }
}

fn validity_limit(input: &Input, years: i64, holder: Holder) -> Vec<ValidationError> {
    let unit = match input.body_field("validity.type").and_then(Value::as_str) {
        Some(u) => ValidityType::from_wire(u),
        None => return Vec::new(),
    };
    let (Some(value), Some(max)) =
        (input.body_field("validity.value").and_then(Value::as_i64), max_validity_value(&unit, years))
    else {
        return Vec::new();
    };
    if value <= max {
        return Vec::new();
    }
    vec![ValidationError::of("validity.value", Problem::ValidityTooLong { value, unit, years, holder })]
}

fn validity_by_ca_type(input: &Input, _: &Context) -> Vec<ValidationError> {
    match input.body_field("type").and_then(Value::as_str) {
        Some("ROOT") => validity_limit(input, ROOT_MAX_YEARS, Holder::RootCa),
        Some("SUBORDINATE") => validity_limit(input, OTHER_MAX_YEARS, Holder::SubordinateCa),
        _ => Vec::new(),
    }
}

fn validity_20_years(input: &Input, _: &Context) -> Vec<ValidationError> {
    validity_limit(input, OTHER_MAX_YEARS, Holder::SubordinateOrCertificate)
}

fn start_from_not_in_past(input: &Input, ctx: &Context) -> Vec<ValidationError> {
    let earliest = ctx.now_millis - START_FROM_TOLERANCE_MILLIS;
    match input.body_field("validity.start_from").and_then(Value::as_i64) {
        Some(t) if t < earliest => {
            vec![ValidationError::of("validity.start_from", Problem::StartInPast { start: t, earliest })]
        }
        _ => Vec::new(),
    }
}

fn crl_enabled(input: &Input, _: &Context) -> Vec<ValidationError> {
    if input.body_field("crl_configuration.enabled").and_then(Value::as_bool) != Some(true) {
        return Vec::new();
    }
    let mut errors = Vec::new();
    if input.body_field("crl_configuration.obs_bucket_name").is_none() {
        errors.push(ValidationError::of("crl_configuration.obs_bucket_name", Problem::CrlBucketRequired));
    }
    if input.body_field("crl_configuration.valid_days").is_none() {
        errors.push(ValidationError::of("crl_configuration.valid_days", Problem::CrlDaysRequired));
    }
    errors
}

/// Checks one alternative name value against its type; `Err` names what
/// is allowed. Unknown types are left to the type rule.
pub fn check_san(kind: &SanType, value: &str) -> Result<(), String> {
    san_problem(kind, value).map_or(Ok(()), |p| Err(p.to_string()))
}

/// [`check_san`] as data.
pub fn san_problem(kind: &SanType, value: &str) -> Option<Problem> {
    let (max, ok, format) = match kind {
        SanType::Dns => (253, is_dns_name(value, true), Format::DnsName),
        SanType::Ip => (39, is_ip(value), Format::IpAddress),
        SanType::Email => (256, is_email(value), Format::Email),
        SanType::Uri => (253, is_uri(value), Format::Uri),
        SanType::Other(_) => return None,
    };
    let n = value.chars().count();
    if n > max {
        Some(Problem::SanTooLong { kind: kind.clone(), n, max })
    } else if !ok {
        Some(Problem::SanInvalid { kind: kind.clone(), value: abbreviate(value), format })
    } else {
        None
    }
}

fn san_values(input: &Input, _: &Context) -> Vec<ValidationError> {
    let Some(Value::Array(items)) = input.body_field("subject_alternative_names") else { return Vec::new() };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let kind = SanType::from_wire(item.get("type")?.as_str()?);
            let value = item.get("value")?.as_str()?;
            san_problem(&kind, value).map(|p| ValidationError::of(format!("subject_alternative_names[{i}].value"), p))
        })
        .collect()
}

fn archive_only(input: &Input, _: &Context) -> Vec<ValidationError> {
    let kind = input.body_field("type").and_then(Value::as_str).map(|s| ExportType::from_wire(s).normalized());
    let compressed = match input.body_field("is_compressed") {
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::String(s)) => Some(s.eq_ignore_ascii_case("true")),
        _ => None,
    };
    match (kind, compressed) {
        (Some(k @ (ExportType::Iis | ExportType::Tomcat)), Some(false)) => {
            vec![ValidationError::of("is_compressed", Problem::ArchiveOnly { kind: k })]
        }
        _ => Vec::new(),
    }
}

fn body_object(input: &Input, _: &Context) -> Vec<ValidationError> {
    if input.body.is_object() {
        Vec::new()
    } else {
        vec![ValidationError::of("body", Problem::BodyNotObject)]
    }
}

// Rule sets -------------------------------------------------------------------

const fn set(
    service: Service,
    operation: &'static str,
    groups: &'static [&'static [FieldRule]],
    conditions: &'static [Condition],
) -> RuleSet {
    RuleSet { service, operation, groups, conditions }
}

use Service::{Ccm, Iam, Scm};

/// The rules of every operation in [`operations::OPERATIONS`].
pub const RULE_SETS: &[RuleSet] = &[
    // SCM
    set(
        Scm,
        "list_certificates",
        &[&[
            rule(Query, "limit", OPT, &[IntIn(SCM_PAGE_SIZES)]),
            rule(Query, "offset", OPT, &[Int { min: 0, max: i64::MAX }]),
            rule(Query, "sort_dir", OPT, &[Chars { min: 0, max: 32 }, OneOf(SORT_DIRS)]),
            rule(Query, "sort_key", OPT, &[Chars { min: 0, max: 64 }, OneOf(ScmSortKey::WIRE)]),
            rule(Query, "status", OPT, &[Chars { min: 0, max: 64 }, OneOf(SCM_STATUS_FILTERS)]),
            rule(Query, "deploy_support", OPT, &[Bool]),
            rule(Query, "owned_by_self", OPT, &[Bool]),
            rule(Query, "expired_days_since", OPT, &[Int { min: 0, max: i64::MAX }]),
            // No page gives a limit for the search text; 255 like a name.
            rule(Query, "content", OPT, &[Chars { min: 1, max: 255 }]),
        ]],
        &[],
    ),
    set(
        Scm,
        "import_certificate",
        &[&[
            // The schema says at most 255; the reference's text says 63.
            rule(Body, "name", REQ, &[Chars { min: 0, max: 63 }]),
            rule(Body, "certificate", REQ, &[Chars { min: 0, max: 4096 }, Check::Format(Format::PemCertificate)]),
            rule(Body, "certificate_chain", REQ, &[Chars { min: 0, max: 8192 }, Check::Format(Format::PemChain)]),
            rule(Body, "private_key", REQ, &[Chars { min: 0, max: 4096 }, Check::Format(Format::PemPrivateKey)]),
            rule(Body, "duplicate_check", OPT, &[Bool]),
        ]],
        &[],
    ),
    set(Scm, "show_certificate", &[SCM_ID], &[]),
    set(Scm, "delete_certificate", &[SCM_ID], &[]),
    set(Scm, "export_certificate", &[SCM_ID], &[]),
    set(
        Scm,
        "push_certificate",
        &[
            SCM_ID,
            &[
                rule(Body, "target_project", REQ, &[Chars { min: 1, max: 255 }]),
                rule(Body, "target_service", REQ, &[Chars { min: 1, max: 64 }, OneOf(PushService::WIRE)]),
            ],
        ],
        &[],
    ),
    // SCM, SDK only: orders and applications
    set(Scm, "subscribe_certificate", &[SUBSCRIBE, SCM_TAGS_OPT], &[PRIVACY_AGREED, DOMAIN_NUMBERS_BY_TYPE]),
    set(Scm, "apply_certificate", &[SCM_ID, APPLY], &[PRIVACY_AGREED, APPLY_SANS]),
    set(Scm, "cancel_certificate_request", &[SCM_ID], &[]),
    set(Scm, "unsubscribe_certificate", &[&[rule(Path, "cert_id", REQ, &[Check::Format(Format::ScmId)])]], &[]),
    // SCM, SDK only: deployment
    set(
        Scm,
        "deploy_certificate",
        &[
            SCM_ID,
            &[
                rule(Body, "project_name", OPT, &[Chars { min: 1, max: 255 }]),
                rule(Body, "service_name", REQ, &[Chars { min: 1, max: 64 }, OneOf(PushService::WIRE)]),
                rule(Body, "resources", REQ, &[Items { min: 1, max: MAX_DEPLOY_RESOURCES }]),
                rule(Body, "resources[]", REQ, &[Object]),
                rule(Body, "resources[].id", OPT, &[Chars { min: 0, max: 63 }]),
                rule(Body, "resources[].type", OPT, &[Chars { min: 0, max: 63 }, OneOf(WafResourceType::WIRE)]),
                rule(Body, "resources[].domain_name", OPT, &[Chars { min: 0, max: 63 }]),
                rule(Body, "resources[].enterprise_project_id", OPT, &[Chars { min: 0, max: 63 }]),
            ],
        ],
        &[DEPLOY_TARGETS],
    ),
    set(
        Scm,
        "list_deployed_resources",
        &[&[
            rule(Body, "certificate_ids", REQ, &[Items { min: 1, max: MAX_DEPLOYED_QUERY }]),
            rule(Body, "certificate_ids[]", REQ, &[Chars { min: 16, max: 16 }, Check::Format(Format::ScmId)]),
            rule(Body, "service_names", REQ, &[Items { min: 1, max: MAX_DEPLOYED_QUERY }]),
            rule(Body, "service_names[]", REQ, &[Chars { min: 0, max: 5 }, OneOf(DEPLOYED_SERVICE_NAMES)]),
        ]],
        &[],
    ),
    set(
        Scm,
        "batch_push_certificate",
        &[
            SCM_ID,
            &[
                rule(Body, "target_projects", REQ, &[Items { min: 1, max: MAX_PUSH_TARGETS }]),
                rule(Body, "target_projects[]", REQ, &[Chars { min: 1, max: 32 }]),
                rule(Body, "target_service", REQ, &[Chars { min: 1, max: 64 }, OneOf(PushService::WIRE)]),
            ],
        ],
        &[],
    ),
    // SCM, SDK only: CSR manager
    set(Scm, "create_csr", &[CREATE_CSR], &[ENTERPRISE_NEEDS_COMPANY, CSR_SANS]),
    set(
        Scm,
        "upload_csr",
        &[&[
            CSR_NAME,
            rule(Body, "csr", REQ, &[Chars { min: 1, max: 5120 }, Check::Format(Format::PemCsr)]),
            rule(Body, "private_key", OPT, &[Chars { min: 0, max: 8192 }, Check::Format(Format::PemPrivateKey)]),
        ]],
        &[],
    ),
    set(
        Scm,
        "list_csr",
        &[&[
            rule(Query, "limit", OPT, &[Int { min: 1, max: 100 }]),
            rule(Query, "offset", OPT, &[Int { min: 0, max: i64::MAX }]),
            rule(Query, "name", OPT, &[Chars { min: 1, max: 63 }]),
            rule(Query, "private_key_algo", OPT, &[OneOf(PrivateKeyAlgo::WIRE)]),
        ]],
        &[],
    ),
    set(Scm, "show_csr", &[CSR_ID], &[]),
    set(Scm, "update_csr", &[CSR_ID, &[CSR_NAME]], &[]),
    set(Scm, "delete_csr", &[CSR_ID], &[]),
    set(Scm, "show_csr_private_key", &[CSR_ID], &[]),
    // SCM, SDK only: tags and notifications
    set(Scm, "create_certificate_tag", &[SCM_RESOURCE_ID, TAG_ONE], &[]),
    set(
        Scm,
        "batch_create_or_delete_tags",
        &[SCM_RESOURCE_ID, &[rule(Body, "action", REQ, &[OneOf(TagAction::WIRE)])], SCM_TAGS_REQ],
        &[],
    ),
    set(Scm, "list_all_tags", &[NONE], &[]),
    set(Scm, "list_tags_by_certificate", &[SCM_RESOURCE_ID], &[]),
    set(Scm, "list_certificates_by_tag", &[SCM_TAG_QUERY], &[]),
    set(Scm, "enable_notification", &[NONE], &[NOTICE_LIST]),
    set(Scm, "disable_notification", &[NONE], &[NOTICE_LIST]),
    // PCA: CAs
    set(
        Ccm,
        "list_certificate_authority",
        &[
            PCA_LIST_PAGING,
            &[
                rule(Query, "status", OPT, &[OneOf(CaStatus::WIRE)]),
                rule(Query, "type", OPT, &[OneOf(CaType::WIRE)]),
                rule(Query, "sort_key", OPT, &[OneOf(CA_SORT_KEYS)]),
            ],
        ],
        &[],
    ),
    set(
        Ccm,
        "create_certificate_authority",
        &[
            &[
                rule(Body, "type", REQ, &[OneOf(CaType::WIRE)]),
                rule(Body, "key_algorithm", REQ, &[OneOf(KeyAlgorithm::WIRE)]),
                rule(Body, "issuer_id", OPT, &[FMT_UUID]),
                rule(Body, "path_length", OPT, &[Int { min: 0, max: 6 }]),
                rule(Body, "signature_algorithm", OPT, &[OneOf(SignatureAlgorithm::WIRE)]),
            ],
            DN_CA,
            VALIDITY_OPT,
            VALIDITY_PARTS,
            KEY_USAGES,
            CRL,
        ],
        &[ROOT_NEEDS_VALIDITY, VALIDITY_BY_CA_TYPE, START_FROM, CRL_ENABLED],
    ),
    set(Ccm, "show_certificate_authority_quota", &[NONE], &[]),
    set(Ccm, "show_certificate_authority", &[CA_ID], &[]),
    set(
        Ccm,
        "delete_certificate_authority",
        &[CA_ID, &[rule(Query, "pending_days", REQ, &[Int { min: 7, max: 30 }])]],
        &[],
    ),
    set(
        Ccm,
        "issue_certificate_authority_certificate",
        &[
            CA_ID,
            &[
                // The reference allows 1 to 64 characters here; every other
                // CA id is a 36-character UUID, and so is this one.
                rule(Body, "issuer_id", REQ, &[FMT_UUID]),
                rule(Body, "path_length", REQ, &[Int { min: 0, max: 6 }]),
                rule(Body, "signature_algorithm", REQ, &[OneOf(SignatureAlgorithm::WIRE)]),
            ],
            VALIDITY_REQ,
            VALIDITY_PARTS,
        ],
        &[VALIDITY_20_YEARS, START_FROM],
    ),
    set(Ccm, "export_certificate_authority_csr", &[CA_ID], &[]),
    set(Ccm, "disable_certificate_authority", &[CA_ID], &[]),
    set(Ccm, "enable_certificate_authority", &[CA_ID], &[]),
    set(Ccm, "export_certificate_authority_certificate", &[CA_ID], &[]),
    set(
        Ccm,
        "import_certificate_authority_certificate",
        &[
            CA_ID,
            &[
                rule(Body, "certificate", REQ, &[Chars { min: 1, max: 32768 }, Check::Format(Format::PemCertificate)]),
                rule(
                    Body,
                    "certificate_chain",
                    OPT,
                    &[Chars { min: 0, max: 2_097_152 }, Check::Format(Format::PemChain)],
                ),
            ],
        ],
        &[],
    ),
    set(Ccm, "restore_certificate_authority", &[CA_ID], &[]),
    set(Ccm, "revoke_certificate_authority", &[CA_ID, REVOKE], &[BODY_OBJECT]),
    // PCA: private certificates
    set(
        Ccm,
        "list_certificate",
        &[
            PCA_LIST_PAGING,
            &[
                rule(Query, "status", OPT, &[OneOf(CertificateStatus::WIRE)]),
                rule(Query, "sort_key", OPT, &[OneOf(CertSortKey::WIRE)]),
            ],
        ],
        &[],
    ),
    set(
        Ccm,
        "create_certificate",
        &[
            &[
                rule(Body, "issuer_id", REQ, &[FMT_UUID]),
                rule(Body, "key_algorithm", REQ, &[OneOf(KeyAlgorithm::WIRE)]),
                rule(Body, "signature_algorithm", REQ, &[OneOf(SignatureAlgorithm::WIRE)]),
            ],
            DN_CERT,
            VALIDITY_REQ,
            VALIDITY_PARTS,
            KEY_USAGES,
            SANS,
            &[
                rule(Body, "extended_key_usage", OPT, &[Object]),
                rule(Body, "extended_key_usage.server_auth", OPT, &[Bool]),
                rule(Body, "extended_key_usage.client_auth", OPT, &[Bool]),
                rule(Body, "extended_key_usage.code_signing", OPT, &[Bool]),
                rule(Body, "extended_key_usage.email_protection", OPT, &[Bool]),
                rule(Body, "extended_key_usage.time_stamping", OPT, &[Bool]),
                rule(Body, "extended_key_usage.smart_card_logon", OPT, &[Bool]),
                rule(Body, "customized_extension", OPT, &[Object]),
                rule(
                    Body,
                    "customized_extension.object_identifier",
                    OPT,
                    &[Chars { min: 1, max: 64 }, Check::Format(Format::Oid)],
                ),
                rule(Body, "customized_extension.value", OPT, &[Chars { min: 1, max: 64 }]),
            ],
        ],
        &[VALIDITY_20_YEARS, START_FROM, SAN_VALUES],
    ),
    set(
        Ccm,
        "create_certificate_by_csr",
        &[
            &[
                rule(Body, "issuer_id", REQ, &[FMT_UUID]),
                rule(Body, "csr", REQ, &[Chars { min: 1, max: 5120 }, Check::Format(Format::PemCsr)]),
                rule(Body, "type", OPT, &[OneOf(CsrCertType::WIRE)]),
                rule(Body, "path_length", OPT, &[Int { min: 0, max: 6 }]),
            ],
            VALIDITY_REQ,
            VALIDITY_PARTS,
            SANS,
        ],
        &[VALIDITY_20_YEARS, START_FROM, SAN_VALUES],
    ),
    set(
        Ccm,
        "parse_certificate_signing_request",
        &[&[rule(Body, "csr", REQ, &[Chars { min: 1, max: 5120 }, Check::Format(Format::PemCsr)])]],
        &[],
    ),
    set(Ccm, "show_certificate_quota", &[NONE], &[]),
    set(Ccm, "show_certificate", &[CERT_ID], &[]),
    set(Ccm, "delete_certificate", &[CERT_ID], &[]),
    set(
        Ccm,
        "export_certificate",
        &[
            CERT_ID,
            &[
                rule(Body, "is_compressed", REQ, &[Check::LooseBool]),
                rule(Body, "type", REQ, &[OneOfIgnoreCase(ExportType::WIRE)]),
                rule(Body, "is_sm_standard", OPT, &[Check::LooseBool]),
                rule(Body, "password", OPT, &[Check::Bytes { max: 32 }]),
            ],
        ],
        &[ARCHIVE_ONLY],
    ),
    set(Ccm, "revoke_certificate", &[CERT_ID, REVOKE], &[BODY_OBJECT]),
    // CRL agency and buckets
    set(Ccm, "show_certificate_authority_obs_agency", &[NONE], &[]),
    set(Ccm, "create_certificate_authority_obs_agency", &[NONE], &[]),
    set(Ccm, "list_certificate_authority_obs_bucket", &[NONE], &[]),
    // SDK only
    set(
        Ccm,
        "enable_certificate_authority_crl",
        &[
            CA_ID,
            &[
                rule(Body, "crl_name", OPT, &[Chars { min: 1, max: usize::MAX }]),
                rule(Body, "obs_bucket_name", REQ, &[Chars { min: 3, max: 63 }]),
                rule(Body, "valid_days", REQ, &[Int { min: 7, max: 30 }]),
            ],
        ],
        &[],
    ),
    set(Ccm, "disable_certificate_authority_crl", &[CA_ID], &[]),
    set(Ccm, "update_ocsp_switch", &[CA_ID, &[rule(Body, "ocsp_switch", REQ, &[Bool])]], &[]),
    set(Ccm, "show_console_config", &[NONE], &[]),
    set(Ccm, "list_domain_ca_tags", &[NONE], &[]),
    set(Ccm, "list_ca_tags", &[CA_ID], &[]),
    set(Ccm, "create_ca_tag", &[CA_ID, TAG_ONE], &[]),
    set(Ccm, "batch_create_ca_tags", &[CA_ID, TAG_LIST], &[]),
    set(Ccm, "batch_delete_ca_tags", &[CA_ID, TAG_LIST], &[]),
    set(Ccm, "list_ca_resource_instances", &[TAG_FILTER], &[]),
    set(Ccm, "count_ca_resource_instances", &[TAG_FILTER], &[]),
    set(Ccm, "list_domain_cert_tags", &[NONE], &[]),
    set(Ccm, "list_cert_tags", &[CERT_ID], &[]),
    set(Ccm, "create_cert_tag", &[CERT_ID, TAG_ONE], &[]),
    set(Ccm, "batch_create_cert_tags", &[CERT_ID, TAG_LIST], &[]),
    set(Ccm, "batch_delete_cert_tags", &[CERT_ID, TAG_LIST], &[]),
    set(Ccm, "list_cert_resource_instances", &[TAG_FILTER], &[]),
    set(Ccm, "count_cert_resource_instances", &[TAG_FILTER], &[]),
    // IAM
    set(
        Iam,
        "keystone_create_user_token_by_password",
        &[&[
            rule(Body, "auth", REQ, &[Object]),
            rule(Body, "auth.identity", REQ, &[Object]),
            rule(Body, "auth.identity.methods", REQ, &[Items { min: 1, max: usize::MAX }]),
        ]],
        &[],
    ),
    set(Iam, "keystone_list_auth_domains", &[NONE], &[]),
    set(Iam, "keystone_list_auth_projects", &[NONE], &[]),
    set(Iam, "keystone_list_projects", &[&[rule(Query, "name", OPT, &[Chars { min: 1, max: 64 }])]], &[]),
];

/// The rules of an operation.
pub fn rule_set(service: Service, operation: &str) -> Option<&'static RuleSet> {
    RULE_SETS.iter().find(|s| s.service == service && s.operation == operation)
}

/// Validates a request description before it is sent. Operations without
/// rules pass.
pub fn validate_request(req: &ApiRequest, ctx: &Context) -> Vec<ValidationError> {
    match rule_set(req.service, &req.operation) {
        Some(set) => set.validate(&Input::from_request(req), ctx),
        None => Vec::new(),
    }
}

/// Validates what a server received for an operation.
pub fn validate_received(
    service: Service,
    operation: &str,
    path: &[(&str, String)],
    query: &[(String, String)],
    body: Option<Value>,
    ctx: &Context,
) -> Vec<ValidationError> {
    match rule_set(service, operation) {
        Some(set) => set.validate(&Input::new(path, query, body), ctx),
        None => Vec::new(),
    }
}

/// Checks one field of an operation as the user types (conditions that
/// involve other fields are not run; use [`RuleSet::validate`] for those).
pub fn check_field(service: Service, operation: &str, path: &str, value: Option<&Value>) -> Result<(), String> {
    field_problem(service, operation, path, value).map_or(Ok(()), |p| Err(p.to_string()))
}

/// [`check_field`] as data.
pub fn field_problem(service: Service, operation: &str, path: &str, value: Option<&Value>) -> Option<Problem> {
    rule_set(service, operation).and_then(|s| s.field(path)).and_then(|rule| rule.problem(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_resolve_through_objects_and_lists() {
        let body = json!({"a": {"b": 1}, "l": [{"v": "x"}, {"w": 2}], "n": null});
        let r = resolve(&body, "a.b");
        assert_eq!(r, vec![("a.b".to_owned(), Some(&json!(1)))]);
        let r = resolve(&body, "l[].v");
        assert_eq!(r, vec![("l[0].v".to_owned(), Some(&json!("x"))), ("l[1].v".to_owned(), None)]);
        assert_eq!(resolve(&body, "n"), vec![("n".to_owned(), None)]);
        assert!(resolve(&body, "n.x").is_empty());
        assert!(resolve(&body, "missing.x").is_empty());
        assert_eq!(resolve(&Value::Null, "top"), vec![("top".to_owned(), None)]);
        assert_eq!(generic_path("subject_alternative_names[12].value"), "subject_alternative_names[].value");
    }

    #[test]
    fn every_operation_has_a_rule_set() {
        for op in operations::OPERATIONS {
            assert!(rule_set(op.service, op.name).is_some(), "no rules for {}", op.name);
        }
        for s in RULE_SETS {
            assert!(operations::find(s.service, s.operation).is_some(), "rules for unknown {}", s.operation);
        }
    }

    #[test]
    fn path_parameters_are_read_back_from_a_request() {
        let req = crate::pca::cas::disable_certificate_authority("not-a-uuid");
        let errors = validate_request(&req, &Context { now_millis: 0 });
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "ca_id");
        assert!(errors[0].message.contains("36 characters"), "{}", errors[0].message);
    }
}

/// The SSL lifecycle rules (orders, applications, deployment, CSR manager,
/// tags, notifications), each bound tested on both sides.
#[cfg(test)]
mod ssl_tests {
    use super::*;
    use serde_json::{json, Value};

    const ID: &str = "scs1554192131150";
    const CTX: Context = Context { now_millis: 0 };

    fn errors(op: &str, path: &[(&str, String)], query: &[(&str, &str)], body: Value) -> Vec<ValidationError> {
        let q: Vec<(String, String)> = query.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        validate_received(Service::Scm, op, path, &q, Some(body), &CTX)
    }
    fn fields(e: &[ValidationError]) -> Vec<&str> {
        e.iter().map(|e| e.field.as_str()).collect()
    }
    fn id() -> Vec<(&'static str, String)> {
        vec![("certificate_id", ID.to_owned())]
    }
    fn with(mut base: Value, key: &str, v: Value) -> Value {
        base[key] = v;
        base
    }

    fn order() -> Value {
        json!({"cert_brand":"GEOTRUST","cert_type":"DV_SSL_CERT","domain_type":"SINGLE_DOMAIN","effective_time":1,
               "domain_numbers":1,"order_number":1,"agree_privacy_protection":true})
    }

    #[test]
    fn subscribe_limits() {
        assert!(errors("subscribe_certificate", &[], &[], order()).is_empty());
        for (k, ok, bad) in [("effective_time", 3, 4), ("order_number", 100, 101)] {
            assert!(errors("subscribe_certificate", &[], &[], with(order(), k, json!(ok))).is_empty(), "{k}={ok}");
            assert_eq!(fields(&errors("subscribe_certificate", &[], &[], with(order(), k, json!(bad)))), vec![k]);
        }
        assert_eq!(fields(&errors("subscribe_certificate", &[], &[], with(order(), "effective_time", json!(0)))), vec!["effective_time"]);
        assert_eq!(fields(&errors("subscribe_certificate", &[], &[], with(order(), "order_number", json!(0)))), vec!["order_number"]);
        assert_eq!(fields(&errors("subscribe_certificate", &[], &[], with(order(), "cert_brand", json!("ACME")))), vec!["cert_brand"]);
        assert!(errors("subscribe_certificate", &[], &[], with(order(), "cert_brand", json!("TRUSTASIA"))).is_empty());
        // Domain count by domain type.
        assert_eq!(fields(&errors("subscribe_certificate", &[], &[], with(order(), "domain_numbers", json!(2)))), vec!["domain_numbers"]);
        let multi = with(order(), "domain_type", json!("MULTI_DOMAIN"));
        assert!(errors("subscribe_certificate", &[], &[], with(multi.clone(), "domain_numbers", json!(2))).is_empty());
        assert!(errors("subscribe_certificate", &[], &[], with(multi.clone(), "domain_numbers", json!(100))).is_empty());
        assert_eq!(fields(&errors("subscribe_certificate", &[], &[], with(multi.clone(), "domain_numbers", json!(1)))), vec!["domain_numbers"]);
        assert_eq!(fields(&errors("subscribe_certificate", &[], &[], with(multi, "domain_numbers", json!(101)))), vec!["domain_numbers"]);
        let e = errors("subscribe_certificate", &[], &[], with(order(), "agree_privacy_protection", json!(false)));
        assert_eq!(fields(&e), vec!["agree_privacy_protection"]);
        let mut missing = order();
        missing.as_object_mut().unwrap().remove("cert_type");
        assert_eq!(fields(&errors("subscribe_certificate", &[], &[], missing)), vec!["cert_type"]);
        let tags = |n: usize| json!((0..n).map(|i| json!({"key": format!("k{i}"), "value": "v"})).collect::<Vec<_>>());
        assert!(errors("subscribe_certificate", &[], &[], with(order(), "tags", tags(20))).is_empty());
        assert_eq!(fields(&errors("subscribe_certificate", &[], &[], with(order(), "tags", tags(21)))), vec!["tags"]);
    }

    fn app() -> Value {
        json!({"domain":"www.example.com","agree_privacy_protection":true})
    }

    #[test]
    fn apply_limits() {
        assert!(errors("apply_certificate", &id(), &[], app()).is_empty());
        assert_eq!(fields(&errors("apply_certificate", &[("certificate_id", "scs1".into())], &[], app())), vec!["certificate_id"]);
        assert_eq!(fields(&errors("apply_certificate", &id(), &[], with(app(), "domain", json!("")))), vec!["domain"]);
        assert_eq!(fields(&errors("apply_certificate", &id(), &[], with(app(), "domain", json!("bad name")))), vec!["domain"]);
        assert!(errors("apply_certificate", &id(), &[], with(app(), "domain", json!("*.example.com"))).is_empty());
        let s63 = "x".repeat(63);
        for k in ["company_name", "company_unit", "company_province", "company_city", "applicant_name", "applicant_phone", "contact_name", "contact_phone"] {
            assert!(errors("apply_certificate", &id(), &[], with(app(), k, json!(s63))).is_empty(), "{k}");
            assert_eq!(fields(&errors("apply_certificate", &id(), &[], with(app(), k, json!(format!("{s63}x"))))), vec![k]);
        }
        assert!(errors("apply_certificate", &id(), &[], with(app(), "applicant_email", json!("tom@example.com"))).is_empty());
        assert_eq!(fields(&errors("apply_certificate", &id(), &[], with(app(), "contact_email", json!("no-at-sign")))), vec!["contact_email"]);
        // A well-formed address of 318 characters: over the 256 allowed.
        let domain = format!("{}.{}.{}.{}.com", "b".repeat(63), "c".repeat(63), "d".repeat(63), "e".repeat(57));
        let long_email = format!("{}@{domain}", "a".repeat(64));
        assert!(is_email(&long_email) && long_email.chars().count() > 256);
        let e = errors("apply_certificate", &id(), &[], with(app(), "applicant_email", json!(long_email)));
        assert_eq!(fields(&e), vec!["applicant_email"]);
        assert!(e[0].message.contains("318"), "{e:?}");
        assert!(errors("apply_certificate", &id(), &[], with(app(), "country", json!("CN"))).is_empty());
        assert_eq!(fields(&errors("apply_certificate", &id(), &[], with(app(), "country", json!("CHN")))), vec!["country"]);
        assert!(errors("apply_certificate", &id(), &[], with(app(), "domain_method", json!("dns"))).is_empty());
        assert_eq!(fields(&errors("apply_certificate", &id(), &[], with(app(), "domain_method", json!("HTTP")))), vec!["domain_method"]);
        assert!(errors("apply_certificate", &id(), &[], with(app(), "key_algorithm", json!("EC_P384"))).is_empty());
        assert_eq!(fields(&errors("apply_certificate", &id(), &[], with(app(), "key_algorithm", json!("RSA2048")))), vec!["key_algorithm"]);
        assert_eq!(fields(&errors("apply_certificate", &id(), &[], with(app(), "csr", json!("not pem")))), vec!["csr"]);
        let pem = format!("-----BEGIN CERTIFICATE REQUEST-----\n{}\n-----END CERTIFICATE REQUEST-----", "A".repeat(5100));
        assert!(pem.len() > 5120);
        assert_eq!(fields(&errors("apply_certificate", &id(), &[], with(app(), "csr", json!(pem)))), vec!["csr"]);
        assert_eq!(
            fields(&errors("apply_certificate", &id(), &[], with(app(), "agree_privacy_protection", json!(false)))),
            vec!["agree_privacy_protection"]
        );
        // Additional names: DNS names, each once.
        assert!(errors("apply_certificate", &id(), &[], with(app(), "sans", json!("a.example.com;b.example.com"))).is_empty());
        let e = errors("apply_certificate", &id(), &[], with(app(), "sans", json!("a.example.com;WWW.example.com")));
        assert!(e[0].message.contains("twice"), "{e:?}");
        let e = errors("apply_certificate", &id(), &[], with(app(), "sans", json!("a b")));
        assert_eq!(fields(&e), vec!["sans"]);
        assert!(errors("apply_certificate", &id(), &[], with(app(), "sans", json!("x".repeat(4097)))).iter().any(|e| e.message.contains("4097")));
    }

    #[test]
    fn cancel_and_unsubscribe_ids() {
        assert!(errors("cancel_certificate_request", &id(), &[], Value::Null).is_empty());
        assert!(errors("unsubscribe_certificate", &[("cert_id", ID.into())], &[], Value::Null).is_empty());
        assert_eq!(fields(&errors("unsubscribe_certificate", &[("cert_id", "scs15541921311500".into())], &[], Value::Null)), vec!["cert_id"]);
    }

    #[test]
    fn deploy_limits() {
        let elb = |n: usize| json!({"service_name":"ELB","resources": (0..n).map(|i| json!({"id": format!("l{i}")})).collect::<Vec<_>>()});
        assert!(errors("deploy_certificate", &id(), &[], elb(1)).is_empty());
        assert!(errors("deploy_certificate", &id(), &[], elb(20)).is_empty());
        assert_eq!(fields(&errors("deploy_certificate", &id(), &[], elb(21))), vec!["resources"]);
        assert_eq!(fields(&errors("deploy_certificate", &id(), &[], elb(0))), vec!["resources"]);
        assert_eq!(fields(&errors("deploy_certificate", &id(), &[], with(elb(1), "service_name", json!("DNS")))), vec!["service_name"]);
        let waf = json!({"service_name":"WAF","resources":[{"id":"w1"}]});
        assert_eq!(fields(&errors("deploy_certificate", &id(), &[], waf)), vec!["resources[0].type"]);
        let cdn = json!({"service_name":"CDN","resources":[{"id":"x"}]});
        assert_eq!(fields(&errors("deploy_certificate", &id(), &[], cdn)), vec!["resources[0].domain_name"]);
        let long = json!({"service_name":"ELB","resources":[{"id":"x".repeat(64)}]});
        assert_eq!(fields(&errors("deploy_certificate", &id(), &[], long)), vec!["resources[0].id"]);
        let ok63 = json!({"service_name":"ELB","resources":[{"id":"x".repeat(63)}]});
        assert!(errors("deploy_certificate", &id(), &[], ok63).is_empty());
        assert_eq!(fields(&errors("deploy_certificate", &id(), &[], with(elb(1), "project_name", json!("")))), vec!["project_name"]);
    }

    #[test]
    fn deployed_resources_and_batch_push_limits() {
        let q = |ids: usize, names: &[&str]| json!({"certificate_ids": vec![ID; ids], "service_names": names});
        assert!(errors("list_deployed_resources", &[], &[], q(1, &["ALL"])).is_empty());
        assert!(errors("list_deployed_resources", &[], &[], q(50, &["ELB", "WAF"])).is_empty());
        assert_eq!(fields(&errors("list_deployed_resources", &[], &[], q(51, &["ALL"]))), vec!["certificate_ids"]);
        assert_eq!(fields(&errors("list_deployed_resources", &[], &[], q(0, &["ALL"]))), vec!["certificate_ids"]);
        assert_eq!(fields(&errors("list_deployed_resources", &[], &[], q(1, &["OBS"]))), vec!["service_names[0]"]);
        let push = |n: usize| json!({"target_projects": vec!["ap-southeast-1"; n], "target_service": "ELB"});
        assert!(errors("batch_push_certificate", &id(), &[], push(1)).is_empty());
        assert!(errors("batch_push_certificate", &id(), &[], push(10)).is_empty());
        assert_eq!(fields(&errors("batch_push_certificate", &id(), &[], push(11))), vec!["target_projects"]);
        assert_eq!(fields(&errors("batch_push_certificate", &id(), &[], push(0))), vec!["target_projects"]);
        let long = json!({"target_projects": ["x".repeat(33)], "target_service": "WAF"});
        assert_eq!(fields(&errors("batch_push_certificate", &id(), &[], long)), vec!["target_projects[0]"]);
        let ok = json!({"target_projects": ["x".repeat(32)], "target_service": "WAF"});
        assert!(errors("batch_push_certificate", &id(), &[], ok).is_empty());
    }

    fn csr() -> Value {
        json!({"name":"web","domain_name":"www.example.com","private_key_algo":"RSA_2048","usage":"PERSONAL"})
    }

    #[test]
    fn csr_limits() {
        assert!(errors("create_csr", &[], &[], csr()).is_empty());
        assert!(errors("create_csr", &[], &[], with(csr(), "name", json!("n".repeat(63)))).is_empty());
        assert_eq!(fields(&errors("create_csr", &[], &[], with(csr(), "name", json!("n".repeat(64))))), vec!["name"]);
        assert_eq!(fields(&errors("create_csr", &[], &[], with(csr(), "name", json!("")))), vec!["name"]);
        let d63 = format!("{}.com", "d".repeat(59));
        assert!(errors("create_csr", &[], &[], with(csr(), "domain_name", json!(d63))).is_empty());
        let d64 = format!("{}.com", "d".repeat(60));
        assert_eq!(fields(&errors("create_csr", &[], &[], with(csr(), "domain_name", json!(d64)))), vec!["domain_name"]);
        assert!(errors("create_csr", &[], &[], with(csr(), "private_key_algo", json!("SM2"))).is_empty());
        assert_eq!(fields(&errors("create_csr", &[], &[], with(csr(), "private_key_algo", json!("RSA_1024")))), vec!["private_key_algo"]);
        assert_eq!(fields(&errors("create_csr", &[], &[], with(csr(), "usage", json!("SHARED")))), vec!["usage"]);
        assert!(errors("create_csr", &[], &[], with(csr(), "sans", json!("a.example.com,b.example.com"))).is_empty());
        assert_eq!(fields(&errors("create_csr", &[], &[], with(csr(), "sans", json!("a.example.com;no way")))), vec!["sans"]);
        let ent = with(csr(), "usage", json!("ENTERPRISE"));
        assert_eq!(
            fields(&errors("create_csr", &[], &[], ent.clone())),
            vec!["company_country", "company_province", "company_city", "company_name"]
        );
        let full = json!({"name":"web","domain_name":"www.example.com","private_key_algo":"EC_P256","usage":"ENTERPRISE",
            "company_country":"CN","company_province":"Beijing","company_city":"Beijing","company_name":"x".repeat(255)});
        assert!(errors("create_csr", &[], &[], full.clone()).is_empty());
        assert_eq!(fields(&errors("create_csr", &[], &[], with(full, "company_name", json!("x".repeat(256))))), vec!["company_name"]);
        // Upload, list, id.
        let up = json!({"name":"u","csr":"-----BEGIN CERTIFICATE REQUEST-----\nAA\n-----END CERTIFICATE REQUEST-----"});
        assert!(errors("upload_csr", &[], &[], up.clone()).is_empty());
        assert_eq!(fields(&errors("upload_csr", &[], &[], with(up.clone(), "private_key", json!("x")))), vec!["private_key"]);
        assert_eq!(fields(&errors("upload_csr", &[], &[], with(up, "csr", json!("")))), vec!["csr"]);
        assert!(errors("list_csr", &[], &[("limit", "100"), ("private_key_algo", "EC_P384")], Value::Null).is_empty());
        assert_eq!(fields(&errors("list_csr", &[], &[("limit", "101")], Value::Null)), vec!["limit"]);
        assert_eq!(fields(&errors("list_csr", &[], &[("limit", "0")], Value::Null)), vec!["limit"]);
        assert!(errors("show_csr", &[("id", "x".repeat(63))], &[], Value::Null).is_empty());
        assert_eq!(fields(&errors("show_csr", &[("id", "x".repeat(64))], &[], Value::Null)), vec!["id"]);
        assert_eq!(fields(&errors("update_csr", &[("id", "c1".into())], &[], json!({"name": ""}))), vec!["name"]);
    }

    #[test]
    fn tag_limits() {
        let rid = vec![("resource_id", ID.to_owned())];
        let one = |k: &str, v: &str| json!({"tag": {"key": k, "value": v}});
        assert!(errors("create_certificate_tag", &rid, &[], one(&"k".repeat(128), &"v".repeat(255))).is_empty());
        assert_eq!(fields(&errors("create_certificate_tag", &rid, &[], one(&"k".repeat(129), "v"))), vec!["tag.key"]);
        assert_eq!(fields(&errors("create_certificate_tag", &rid, &[], one("", "v"))), vec!["tag.key"]);
        assert_eq!(fields(&errors("create_certificate_tag", &rid, &[], one("k", &"v".repeat(256)))), vec!["tag.value"]);
        let batch = |n: usize, action: &str| {
            json!({"action": action, "tags": (0..n).map(|i| json!({"key": format!("k{i}"), "value": ""})).collect::<Vec<_>>()})
        };
        assert!(errors("batch_create_or_delete_tags", &rid, &[], batch(20, "create")).is_empty());
        assert!(errors("batch_create_or_delete_tags", &rid, &[], batch(1, "delete")).is_empty());
        assert_eq!(fields(&errors("batch_create_or_delete_tags", &rid, &[], batch(21, "create"))), vec!["tags"]);
        assert_eq!(fields(&errors("batch_create_or_delete_tags", &rid, &[], batch(0, "create"))), vec!["tags"]);
        assert_eq!(fields(&errors("batch_create_or_delete_tags", &rid, &[], batch(1, "update"))), vec!["action"]);
        let path = vec![("resource_instances", "resource_instances".to_owned())];
        let q = json!({"action":"filter","limit":1000,"tags":[{"key":"env","values":["prod"]}],"matches":[{"key":"resource_name","value":"web"}]});
        assert!(errors("list_certificates_by_tag", &path, &[], q.clone()).is_empty());
        assert_eq!(fields(&errors("list_certificates_by_tag", &path, &[], with(q.clone(), "limit", json!(1001)))), vec!["limit"]);
        assert_eq!(fields(&errors("list_certificates_by_tag", &path, &[], with(q.clone(), "action", json!("list")))), vec!["action"]);
        assert_eq!(
            fields(&errors("list_certificates_by_tag", &path, &[], with(q, "matches", json!([{"key":"domain","value":"x"}])))),
            vec!["matches[0].key"]
        );
    }

    #[test]
    fn notification_lists() {
        let entry = json!({"resource_id": ID, "notice_type": ["CERT_EXPIRATION"]});
        assert!(errors("enable_notification", &[], &[], json!([entry])).is_empty());
        assert!(errors("disable_notification", &[], &[], json!(vec![entry.clone(); 50])).is_empty());
        assert_eq!(fields(&errors("enable_notification", &[], &[], json!(vec![entry.clone(); 51]))), vec!["body"]);
        assert_eq!(fields(&errors("enable_notification", &[], &[], json!([]))), vec!["body"]);
        assert_eq!(fields(&errors("enable_notification", &[], &[], json!({"resource_id": ID}))), vec!["body"]);
        let bad = json!([{"resource_id": "nope", "notice_type": []}]);
        assert_eq!(fields(&errors("enable_notification", &[], &[], bad)), vec!["[0].resource_id", "[0].notice_type"]);
    }

    #[test]
    fn list_filters() {
        let q = |k: &str, v: &str| errors("list_certificates", &[], &[(k, v)], Value::Null);
        assert!(q("content", &"c".repeat(255)).is_empty());
        assert_eq!(fields(&q("content", &"c".repeat(256))), vec!["content"]);
        assert!(q("deploy_support", "true").is_empty());
        assert_eq!(fields(&q("owned_by_self", "yes")), vec!["owned_by_self"]);
        assert!(q("expired_days_since", "0").is_empty());
        assert_eq!(fields(&q("expired_days_since", "-1")), vec!["expired_days_since"]);
    }

    #[test]
    fn new_fields_have_their_codes() {
        use crate::catalogue::code_for_field;
        let c = |op: &str, f: &str| code_for_field(Service::Scm, op, f, &Value::Null);
        assert_eq!(c("apply_certificate", "csr"), Some("SCM.0034"));
        assert_eq!(c("apply_certificate", "applicant_email"), Some("SCM.0086"));
        assert_eq!(c("subscribe_certificate", "cert_brand"), Some("SCM.0049"));
        assert_eq!(c("batch_create_or_delete_tags", "tags[0].key"), Some("SCM.0310"));
        assert_eq!(c("create_certificate_tag", "tag.value"), Some("SCM.0309"));
        assert_eq!(c("create_csr", "name"), Some("SCM.0005"));
        assert_eq!(c("import_certificate", "name"), Some("SCM.0032"));
        assert_eq!(c("unsubscribe_certificate", "cert_id"), Some("SCM.0008"));
    }
}

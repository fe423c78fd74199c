//! A list's state in the URL query, read and written the same way by every
//! list: a value that is missing, unknown or malformed reads as the
//! default, and a default is left out when written, so links stay short and
//! stable. Each query type says only which key holds which field. Pure.

use ccm_api::common::WireEnum;
use ccm_api::sign::encode_component;

/// A view state kept in the URL query.
pub trait UrlState: Default {
    fn read(q: &QueryReader<'_>) -> Self;
    fn write(&self, w: &mut QueryWriter);

    /// Reads the state from a lookup of the query's values by key.
    fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Self {
        Self::read(&QueryReader { get: &get })
    }

    /// `?key=value&…` (empty for the default state).
    fn to_query(&self) -> String {
        let mut w = QueryWriter::default();
        self.write(&mut w);
        w.finish()
    }
}

/// Typed reads of the query's values.
pub struct QueryReader<'a> {
    get: &'a dyn Fn(&str) -> Option<String>,
}

impl QueryReader<'_> {
    /// The value as given.
    pub fn raw(&self, key: &str) -> Option<String> {
        (self.get)(key)
    }

    /// Free text; empty when missing.
    pub fn text(&self, key: &str) -> String {
        self.raw(key).unwrap_or_default()
    }

    /// An identifier: missing or blank is `None`.
    pub fn id(&self, key: &str) -> Option<String> {
        self.raw(key).filter(|v| !v.trim().is_empty())
    }

    /// A documented wire value of `T`; anything else is `None`.
    pub fn wire<T: WireEnum>(&self, key: &str) -> Option<T> {
        self.raw(key).and_then(|v| T::from_known(&v))
    }

    /// A wire value of `T` among `allowed` (a filter's own list).
    pub fn wire_among<T: WireEnum>(&self, key: &str, allowed: &[&str]) -> Option<T> {
        self.raw(key).filter(|v| allowed.contains(&v.as_str())).map(|v| T::from_wire(&v))
    }

    /// A whole number among `allowed` (page sizes).
    pub fn number_in(&self, key: &str, allowed: &[i64]) -> Option<i64> {
        self.raw(key).and_then(|v| v.trim().parse().ok()).filter(|n| allowed.contains(n))
    }

    /// A list offset: a whole number of 0 or more, else 0.
    pub fn offset(&self, key: &str) -> i64 {
        self.raw(key).and_then(|v| v.trim().parse().ok()).filter(|n: &i64| *n >= 0).unwrap_or(0)
    }

    /// Whether the key holds exactly `value`.
    pub fn is(&self, key: &str, value: &str) -> bool {
        self.raw(key).as_deref() == Some(value)
    }
}

/// Collects the pairs to write, in the order written.
#[derive(Default)]
pub struct QueryWriter {
    pairs: Vec<(&'static str, String)>,
}

impl QueryWriter {
    /// Free text, left out when empty.
    pub fn text(&mut self, key: &'static str, value: &str) {
        if !value.is_empty() {
            self.pairs.push((key, value.to_owned()));
        }
    }

    /// An optional value, left out when `None`.
    pub fn id(&mut self, key: &'static str, value: Option<&str>) {
        if let Some(v) = value {
            self.pairs.push((key, v.to_owned()));
        }
    }

    /// An optional wire value (a filter), left out when `None`.
    pub fn wire<T: WireEnum>(&mut self, key: &'static str, value: Option<&T>) {
        self.id(key, value.map(|v| v.as_str()));
    }

    /// A wire value, left out when it is the default.
    pub fn wire_unless<T: WireEnum + PartialEq>(&mut self, key: &'static str, value: &T, default: &T) {
        if value != default {
            self.pairs.push((key, value.as_str().to_owned()));
        }
    }

    /// A number, left out when it is the default.
    pub fn number_unless(&mut self, key: &'static str, value: i64, default: i64) {
        if value != default {
            self.pairs.push((key, value.to_string()));
        }
    }

    /// `key=value` when `on`.
    pub fn flag(&mut self, key: &'static str, value: &str, on: bool) {
        if on {
            self.pairs.push((key, value.to_owned()));
        }
    }

    pub fn finish(self) -> String {
        if self.pairs.is_empty() {
            return String::new();
        }
        let body: Vec<String> = self.pairs.iter().map(|(k, v)| format!("{k}={}", encode_component(v))).collect();
        format!("?{}", body.join("&"))
    }
}

/// Reads a state from a written query (`?a=1&b=x%20y`), as the router would (tests).
#[cfg(test)]
pub fn parse_query<T: UrlState>(text: &str) -> T {
    let pairs: Vec<(String, String)> = text
        .trim_start_matches('?')
        .split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_owned(), ccm_api::sign::decode_component(v)))
        .collect();
    T::from_lookup(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
}

/// Reads a state from literal pairs (tests).
#[cfg(test)]
pub fn from_pairs<T: UrlState>(pairs: &[(&str, &str)]) -> T {
    T::from_lookup(|k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| (*v).to_owned()))
}

/// What every query type's tests check: the default writes nothing and
/// reads back; `full` writes `text` and reads back equal.
#[cfg(test)]
pub fn assert_round_trip<T: UrlState + PartialEq + std::fmt::Debug>(full: T, text: &str) {
    assert_eq!(T::default().to_query(), "");
    assert_eq!(from_pairs::<T>(&[]), T::default());
    assert_eq!(full.to_query(), text);
    assert_eq!(parse_query::<T>(text), full);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ccm_api::common::{CaStatus, SortDir};

    #[derive(Debug, Default, PartialEq)]
    struct Sample {
        name: String,
        status: Option<CaStatus>,
        dir: Option<SortDir>,
        limit: Option<i64>,
        offset: i64,
        table: bool,
    }

    impl UrlState for Sample {
        fn read(q: &QueryReader<'_>) -> Self {
            Sample {
                name: q.text("name"),
                status: q.wire("status"),
                dir: q.wire_among("dir", &["ASC"]),
                limit: q.number_in("limit", &[10, 20]),
                offset: q.offset("offset"),
                table: q.is("view", "table"),
            }
        }

        fn write(&self, w: &mut QueryWriter) {
            w.text("name", &self.name);
            w.wire("status", self.status.as_ref());
            w.wire("dir", self.dir.as_ref());
            w.number_unless("limit", self.limit.unwrap_or(0), 0);
            w.number_unless("offset", self.offset, 0);
            w.flag("view", "table", self.table);
        }
    }

    #[test]
    fn writes_only_what_differs_and_reads_it_back() {
        let full = Sample {
            name: "a b&c".into(),
            status: Some(CaStatus::Disabled),
            dir: Some(SortDir::Asc),
            limit: Some(20),
            offset: 40,
            table: true,
        };
        assert_round_trip(full, "?name=a%20b%26c&status=DISABLED&dir=ASC&limit=20&offset=40&view=table");
    }

    #[test]
    fn unknown_and_malformed_values_read_as_defaults() {
        let s: Sample = from_pairs(&[
            ("status", "FROZEN"),
            ("dir", "DESC"),
            ("limit", "15"),
            ("offset", "-1"),
            ("view", "grid"),
        ]);
        assert_eq!(s, Sample::default());
        assert_eq!(from_pairs::<Sample>(&[("offset", " 30 ")]).offset, 30);
        assert_eq!(from_pairs::<Sample>(&[("offset", "x")]).offset, 0);
    }

    #[test]
    fn blank_ids_are_none() {
        let get = |k: &str| (k == "ca").then(|| "  ".to_owned());
        assert_eq!(QueryReader { get: &get }.id("ca"), None);
    }
}

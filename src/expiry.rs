//! Time left before a certificate or CA expires, in words and as an
//! urgency level for colour. Pure: "now" is passed in. The words per
//! locale are `crate::i18n::format`'s.

use crate::i18n::{Locale, format};

/// How soon something expires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    Expired,
    /// Within 7 days.
    Critical,
    /// Within 30 days.
    Soon,
    /// Within 90 days.
    Upcoming,
    Fine,
}

impl Urgency {
    pub fn of(not_after_ms: i64, now_ms: i64) -> Self {
        let days = (not_after_ms - now_ms) as f64 / DAY_MS as f64;
        match days {
            d if d <= 0.0 => Urgency::Expired,
            d if d <= 7.0 => Urgency::Critical,
            d if d <= 30.0 => Urgency::Soon,
            d if d <= 90.0 => Urgency::Upcoming,
            _ => Urgency::Fine,
        }
    }

    /// CSS class for the badge.
    pub fn class(self) -> &'static str {
        match self {
            Urgency::Expired => "expiry expiry-expired",
            Urgency::Critical => "expiry expiry-critical",
            Urgency::Soon => "expiry expiry-soon",
            Urgency::Upcoming => "expiry expiry-upcoming",
            Urgency::Fine => "expiry expiry-fine",
        }
    }
}

const DAY_MS: i64 = 86_400_000;

/// `2026-11-24` from Unix milliseconds (UTC): the English of
/// `i18n::format::date`, also the form used in file names.
pub fn date(ms: i64) -> String {
    format::date(Locale::en, ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_764_000_000_000;

    #[test]
    fn urgency_bands() {
        assert_eq!(Urgency::of(NOW - 1, NOW), Urgency::Expired);
        assert_eq!(Urgency::of(NOW + 7 * DAY_MS, NOW), Urgency::Critical);
        assert_eq!(Urgency::of(NOW + 7 * DAY_MS + 1, NOW), Urgency::Soon);
        assert_eq!(Urgency::of(NOW + 30 * DAY_MS, NOW), Urgency::Soon);
        assert_eq!(Urgency::of(NOW + 90 * DAY_MS, NOW), Urgency::Upcoming);
        assert_eq!(Urgency::of(NOW + 91 * DAY_MS, NOW), Urgency::Fine);
    }

    #[test]
    fn words() {
        assert_eq!(format::time_left(Locale::en, NOW + 3 * DAY_MS, NOW), "in 3 days");
        assert_eq!(format::time_left(Locale::en, NOW + DAY_MS, NOW), "in 1 day");
        assert_eq!(format::time_left(Locale::en, NOW + 3_600_000 * 5, NOW), "in 5 hours");
        assert_eq!(format::time_left(Locale::en, NOW + 300 * DAY_MS, NOW), "in 10 months");
        assert_eq!(format::time_left(Locale::en, NOW + 3650 * DAY_MS, NOW), "in 10 years");
        assert_eq!(format::time_left(Locale::en, NOW - 2 * DAY_MS, NOW), "expired 2 days ago");
        assert_eq!(date(1_705_307_400_000), "2024-01-15");
        assert_eq!(format::time_left(Locale::zh_CN, NOW + 3 * DAY_MS, NOW), "3 天后");
        assert_eq!(format::date(Locale::zh_CN, 1_705_307_400_000), "2024年1月15日");
    }
}

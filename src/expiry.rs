//! Time left before a certificate or CA expires, in words and as an
//! urgency level for colour. Pure: "now" is passed in.

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

/// "in 3 days", "in 11 months", "expired 2 days ago".
pub fn time_left(not_after_ms: i64, now_ms: i64) -> String {
    let delta = not_after_ms - now_ms;
    let span = describe_span(delta.unsigned_abs() as i64);
    if delta <= 0 {
        format!("expired {span} ago")
    } else {
        format!("in {span}")
    }
}

fn describe_span(ms: i64) -> String {
    let hours = ms / 3_600_000;
    let days = ms / DAY_MS;
    let plural = |n: i64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    if days < 1 {
        plural(hours.max(1), "hour")
    } else if days < 60 {
        plural(days, "day")
    } else if days < 730 {
        plural(days / 30, "month")
    } else {
        plural(days / 365, "year")
    }
}

/// `2026-11-24` from Unix milliseconds (UTC).
pub fn date(ms: i64) -> String {
    let d = ccm_api::sign::sdk_date(ms as f64);
    format!("{}-{}-{}", &d[0..4], &d[4..6], &d[6..8])
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
        assert_eq!(time_left(NOW + 3 * DAY_MS, NOW), "in 3 days");
        assert_eq!(time_left(NOW + DAY_MS, NOW), "in 1 day");
        assert_eq!(time_left(NOW + 3_600_000 * 5, NOW), "in 5 hours");
        assert_eq!(time_left(NOW + 300 * DAY_MS, NOW), "in 10 months");
        assert_eq!(time_left(NOW + 3650 * DAY_MS, NOW), "in 10 years");
        assert_eq!(time_left(NOW - 2 * DAY_MS, NOW), "expired 2 days ago");
        assert_eq!(date(1_705_307_400_000), "2024-01-15");
    }
}

//! Dates, times, durations and numbers as each locale writes them. Pure
//! (the locale and "now" are passed in) and without ICU: its data tables
//! would weigh more than all our strings, and the console needs only these
//! few shapes. Whole-number arithmetic only: printing a float brings core's
//! float formatting into the first download (docs/design.md).

// Some helpers wait for the page areas still being converted (docs/i18n.md).
#![cfg_attr(not(test), allow(dead_code))]

use super::Locale;

const DAY_MS: i64 = 86_400_000;

/// Calendar date of Unix milliseconds, UTC: `2026-11-24` / `2026年11月24日`.
pub fn date(locale: Locale, ms: i64) -> String {
    let (y, m, d) = civil(ms);
    match locale {
        Locale::en => format!("{y:04}-{m:02}-{d:02}"),
        Locale::zh_CN => format!("{y}年{m}月{d}日"),
    }
}

/// Date and time, UTC, to the minute: `2026-11-24 14:05 UTC` /
/// `2026年11月24日 14:05 (UTC)`.
pub fn date_time(locale: Locale, ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (h, min) = (secs.rem_euclid(86_400) / 3600, secs.rem_euclid(3600) / 60);
    match locale {
        Locale::en => format!("{} {h:02}:{min:02} UTC", date(locale, ms)),
        Locale::zh_CN => format!("{} {h:02}:{min:02}（UTC）", date(locale, ms)),
    }
}

/// A whole number with grouping: `1,234,567` (both locales group by
/// thousands with a comma).
pub fn number(_locale: Locale, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A span of time, rounded to the unit that reads best: `3 days`, `1 hour`,
/// `10 months` / `3 天`, `1 小时`, `10 个月`.
pub fn span(locale: Locale, ms: i64) -> String {
    let ms = ms.abs();
    let days = ms / DAY_MS;
    let (n, unit) = if days < 1 {
        ((ms / 3_600_000).max(1), Unit::Hour)
    } else if days < 60 {
        (days, Unit::Day)
    } else if days < 730 {
        (days / 30, Unit::Month)
    } else {
        (days / 365, Unit::Year)
    };
    match locale {
        Locale::en => {
            let word = match unit {
                Unit::Hour => "hour",
                Unit::Day => "day",
                Unit::Month => "month",
                Unit::Year => "year",
            };
            format!("{n} {word}{}", if n == 1 { "" } else { "s" })
        }
        Locale::zh_CN => {
            let word = match unit {
                Unit::Hour => "小时",
                Unit::Day => "天",
                Unit::Month => "个月",
                Unit::Year => "年",
            };
            format!("{n} {word}")
        }
    }
}

enum Unit {
    Hour,
    Day,
    Month,
    Year,
}

/// Time left before `not_after_ms`: `in 3 days` / `3 天后`, or once past
/// `expired 2 days ago` / `已过期 2 天`.
pub fn time_left(locale: Locale, not_after_ms: i64, now_ms: i64) -> String {
    let delta = not_after_ms - now_ms;
    let span = span(locale, delta);
    match (locale, delta <= 0) {
        (Locale::en, true) => format!("expired {span} ago"),
        (Locale::en, false) => format!("in {span}"),
        (Locale::zh_CN, true) => format!("已过期 {span}"),
        (Locale::zh_CN, false) => format!("{span}后"),
    }
}

/// A short wait: `0.4 s` / `0.4 秒` while under ten seconds, whole seconds after.
pub fn seconds(locale: Locale, ms: i64) -> String {
    let ms = ms.max(0);
    let unit = match locale {
        Locale::en => "s",
        Locale::zh_CN => "秒",
    };
    if ms < 9_950 {
        let tenths = (ms + 50) / 100;
        format!("{}.{} {unit}", tenths / 10, tenths % 10)
    } else {
        format!("{} {unit}", (ms + 500) / 1000)
    }
}

/// (year, month, day) of Unix milliseconds in UTC (proleptic Gregorian;
/// Howard Hinnant's days-to-civil).
fn civil(ms: i64) -> (i64, u32, u32) {
    let z = ms.div_euclid(DAY_MS) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const JAN_15_2024_0830: i64 = 1_705_307_400_000;
    const NOW: i64 = 1_764_000_000_000;

    #[test]
    fn dates_per_locale() {
        assert_eq!(date(Locale::en, JAN_15_2024_0830), "2024-01-15");
        assert_eq!(date(Locale::zh_CN, JAN_15_2024_0830), "2024年1月15日");
        assert_eq!(date(Locale::en, 0), "1970-01-01");
        assert_eq!(date(Locale::en, -1), "1969-12-31");
        // A leap day and the end of a century year.
        assert_eq!(date(Locale::en, 951_782_400_000), "2000-02-29");
        assert_eq!(date(Locale::en, 4_102_358_400_000), "2099-12-31");
    }

    #[test]
    fn date_times_per_locale() {
        assert_eq!(date_time(Locale::en, JAN_15_2024_0830), "2024-01-15 08:30 UTC");
        assert_eq!(date_time(Locale::zh_CN, JAN_15_2024_0830), "2024年1月15日 08:30（UTC）");
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(number(Locale::en, 0), "0");
        assert_eq!(number(Locale::en, 999), "999");
        assert_eq!(number(Locale::en, 1000), "1,000");
        assert_eq!(number(Locale::zh_CN, 1_234_567), "1,234,567");
        assert_eq!(number(Locale::en, -12_345), "-12,345");
        assert_eq!(number(Locale::en, i64::MIN), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn time_left_per_locale() {
        assert_eq!(time_left(Locale::en, NOW + 3 * DAY_MS, NOW), "in 3 days");
        assert_eq!(time_left(Locale::en, NOW + DAY_MS, NOW), "in 1 day");
        assert_eq!(time_left(Locale::en, NOW + 5 * 3_600_000, NOW), "in 5 hours");
        assert_eq!(time_left(Locale::en, NOW + 300 * DAY_MS, NOW), "in 10 months");
        assert_eq!(time_left(Locale::en, NOW - 2 * DAY_MS, NOW), "expired 2 days ago");
        assert_eq!(time_left(Locale::zh_CN, NOW + 3 * DAY_MS, NOW), "3 天后");
        assert_eq!(time_left(Locale::zh_CN, NOW + 3650 * DAY_MS, NOW), "10 年后");
        assert_eq!(time_left(Locale::zh_CN, NOW - 2 * DAY_MS, NOW), "已过期 2 天");
    }

    #[test]
    fn short_waits_per_locale() {
        assert_eq!(seconds(Locale::en, 400), "0.4 s");
        assert_eq!(seconds(Locale::en, 9_949), "9.9 s");
        assert_eq!(seconds(Locale::en, 12_500), "13 s");
        assert_eq!(seconds(Locale::en, -5), "0.0 s");
        assert_eq!(seconds(Locale::zh_CN, 12_400), "12 秒");
    }
}

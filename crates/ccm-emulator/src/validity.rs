//! From the API's `validity` (unit, value, optional start) to the
//! certificate's notBefore and notAfter.
//!
//! Units:
//! - YEAR: a calendar year on the UTC calendar: the same month, day and
//!   time N years later; 29 February becomes 28 February in a year that has
//!   none.
//! - MONTH: 31 days, as the reference defines it (and as private
//!   certificates count it), not a calendar month. So 12 MONTH is a week
//!   longer than 1 YEAR, and ccm-api's upper bound of 240 months for 20
//!   years allows a little more than 20 years; an issuer's own end still
//!   caps what it signs.
//! - DAY: 86 400 seconds; HOUR: 3 600 seconds (UTC has no daylight saving).
//!
//! Certificates carry whole seconds, so the start is cut to the second and
//! the API's millisecond times are those seconds times 1000.

use ccm_api::common::{Validity, ValidityType};
use time::{Date, OffsetDateTime};

/// notBefore and notAfter, Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub not_before: i64,
    pub not_after: i64,
}

impl Period {
    pub fn not_before_ms(&self) -> i64 {
        self.not_before * 1000
    }

    pub fn not_after_ms(&self) -> i64 {
        self.not_after * 1000
    }
}

/// The period of `validity` starting at `start_from` when given, else at
/// `now_ms`. `Err` says why (unknown unit, value out of the calendar).
pub fn period(validity: &Validity, now_ms: i64) -> Result<Period, String> {
    let start = validity.start_from.unwrap_or(now_ms).div_euclid(1000);
    let not_after = add(start, &validity.kind, validity.value)?;
    if not_after <= start {
        return Err(format!("validity {} {} is empty", validity.value, validity.kind));
    }
    Ok(Period { not_before: start, not_after })
}

/// `start` (Unix seconds) plus `value` units.
pub fn add(start: i64, unit: &ValidityType, value: i64) -> Result<i64, String> {
    let too_far = || format!("{value} {unit} from {start} is out of range");
    match unit {
        ValidityType::Hour => value.checked_mul(3600).and_then(|d| start.checked_add(d)).ok_or_else(too_far),
        ValidityType::Day => value.checked_mul(86_400).and_then(|d| start.checked_add(d)).ok_or_else(too_far),
        ValidityType::Month => value.checked_mul(31 * 86_400).and_then(|d| start.checked_add(d)).ok_or_else(too_far),
        ValidityType::Year => add_years(start, value).ok_or_else(too_far),
        ValidityType::Other(u) => Err(format!("unknown validity unit {u}")),
    }
}

fn add_years(start: i64, years: i64) -> Option<i64> {
    let at = OffsetDateTime::from_unix_timestamp(start).ok()?;
    let year = i32::try_from(i64::from(at.year()).checked_add(years)?).ok()?;
    let day = at.day().min(at.month().length(year));
    let date = Date::from_calendar_date(year, at.month(), day).ok()?;
    Some(at.replace_date(date).unix_timestamp())
}

/// `2031-05-04 10:00:00 UTC` for Unix seconds, for messages.
pub fn utc_text(t: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(t) {
        Ok(at) => format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
            at.year(),
            u8::from(at.month()),
            at.day(),
            at.hour(),
            at.minute(),
            at.second()
        ),
        Err(_) => format!("{t} (Unix seconds)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2024-01-31T12:00:00Z
    const JAN_31_2024: i64 = 1_706_702_400;

    fn v(kind: ValidityType, value: i64) -> Validity {
        Validity::new(kind, value)
    }

    #[test]
    fn units() {
        assert_eq!(add(JAN_31_2024, &ValidityType::Year, 1).unwrap(), 1_738_324_800); // 2025-01-31T12:00Z
                                                                                      // 29 February plus one year, and plus four.
        let feb_29 = 1_709_208_000;
        assert_eq!(add(feb_29, &ValidityType::Year, 1).unwrap(), 1_740_744_000); // 2025-02-28T12:00Z
        assert_eq!(add(feb_29, &ValidityType::Year, 4).unwrap(), 1_835_438_400); // 2028-02-29T12:00Z
        assert_eq!(add(JAN_31_2024, &ValidityType::Month, 2).unwrap(), JAN_31_2024 + 62 * 86_400);
        assert_eq!(add(JAN_31_2024, &ValidityType::Day, 2).unwrap(), JAN_31_2024 + 2 * 86_400);
        assert_eq!(add(JAN_31_2024, &ValidityType::Hour, 5).unwrap(), JAN_31_2024 + 5 * 3600);
        assert!(add(JAN_31_2024, &ValidityType::Other("WEEK".into()), 1).is_err());
        assert!(add(JAN_31_2024, &ValidityType::Year, i64::MAX).is_err());
        assert!(add(JAN_31_2024, &ValidityType::Month, i64::MAX).is_err());
    }

    #[test]
    fn start_from_or_now_cut_to_seconds() {
        let now_ms = JAN_31_2024 * 1000 + 999;
        let p = period(&v(ValidityType::Day, 1), now_ms).unwrap();
        assert_eq!(p, Period { not_before: JAN_31_2024, not_after: JAN_31_2024 + 86_400 });
        assert_eq!(p.not_before_ms(), JAN_31_2024 * 1000);
        let later = Validity { start_from: Some(now_ms + 3_600_000), ..v(ValidityType::Hour, 1) };
        assert_eq!(period(&later, now_ms).unwrap().not_before, JAN_31_2024 + 3600);
        assert!(period(&v(ValidityType::Day, 0), now_ms).is_err());
        assert_eq!(utc_text(JAN_31_2024), "2024-01-31 12:00:00 UTC");
    }
}

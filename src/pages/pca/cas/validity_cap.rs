//! A CA signed by another must end before its issuer does. The service
//! counts calendar years and months, which the browser cannot count for
//! it, so here each unit counts at its longest (a year as 366 days, a month
//! as 31): what fits that way surely fits. Pure.

use ccm_api::common::ValidityType;

const DAY_MS: i64 = 86_400_000;

/// A unit at its longest, in ms.
fn longest_unit_ms(kind: &ValidityType) -> i64 {
    match kind {
        ValidityType::Year => 366 * DAY_MS,
        ValidityType::Month => 31 * DAY_MS,
        ValidityType::Day => DAY_MS,
        _ => 3_600_000,
    }
}

/// The latest a validity of `value` units from `start_ms` may end.
pub fn latest_end(start_ms: i64, kind: &ValidityType, value: i64) -> i64 {
    start_ms.saturating_add(value.saturating_mul(longest_unit_ms(kind)))
}

/// The most whole units from `start_ms` that surely end by `issuer_end_ms`.
pub fn most_units_before(start_ms: i64, issuer_end_ms: i64, kind: &ValidityType) -> i64 {
    ((issuer_end_ms - start_ms) / longest_unit_ms(kind)).max(0)
}

/// The validity to put in the form when a typed one would outlast the
/// issuer: the most that fits in the typed unit or, when not even one
/// does, in the next smaller unit. `None` when the typed one fits, is not a
/// number, or nothing fits (the issuer ends within the hour; the check
/// says so).
pub fn capped(start_ms: i64, issuer_end_ms: i64, kind: &ValidityType, value_text: &str) -> Option<(ValidityType, i64)> {
    let value: i64 = value_text.trim().parse().ok()?;
    if latest_end(start_ms, kind, value) <= issuer_end_ms {
        return None;
    }
    let units = [ValidityType::Year, ValidityType::Month, ValidityType::Day, ValidityType::Hour];
    let from = units.iter().position(|u| u == kind).unwrap_or(0);
    units[from..]
        .iter()
        .map(|u| (u.clone(), most_units_before(start_ms, issuer_end_ms, u)))
        .find(|(_, n)| *n >= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_764_000_000_000;

    #[test]
    fn a_default_ten_years_under_a_ten_year_root_is_cut_to_nine() {
        // The root was made a minute ago for 10 calendar years (3,653 days
        // with three leap days): ten 366-day years would outlast it.
        let root_end = NOW - 60_000 + 3653 * DAY_MS;
        assert_eq!(capped(NOW, root_end, &ValidityType::Year, "10"), Some((ValidityType::Year, 9)));
        assert!(latest_end(NOW, &ValidityType::Year, 9) <= root_end);
    }

    #[test]
    fn what_fits_is_left_alone() {
        let end = NOW + 3653 * DAY_MS;
        assert_eq!(capped(NOW, end, &ValidityType::Year, "5"), None);
        assert_eq!(capped(NOW, end, &ValidityType::Day, "3653"), None);
        assert_eq!(capped(NOW, end, &ValidityType::Year, "ten"), None, "not a number: the check reports it");
    }

    #[test]
    fn a_smaller_unit_when_not_one_fits() {
        let end = NOW + 200 * DAY_MS;
        assert_eq!(capped(NOW, end, &ValidityType::Year, "1"), Some((ValidityType::Month, 6)));
        let end = NOW + 20 * DAY_MS;
        assert_eq!(capped(NOW, end, &ValidityType::Year, "1"), Some((ValidityType::Day, 20)));
        assert_eq!(capped(NOW, NOW + 1000, &ValidityType::Day, "1"), None, "nothing fits");
    }

    #[test]
    fn units_count_at_their_longest() {
        assert_eq!(most_units_before(NOW, NOW + 366 * DAY_MS, &ValidityType::Year), 1);
        assert_eq!(most_units_before(NOW, NOW + 365 * DAY_MS, &ValidityType::Year), 0);
        assert_eq!(most_units_before(NOW, NOW - DAY_MS, &ValidityType::Day), 0);
    }
}

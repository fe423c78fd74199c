//! SCM sends times as text, `2021-05-27 16:46:25.0`, with no zone; the
//! console reads them as UTC (as the emulator writes them). Pure.

/// Unix milliseconds from `YYYY-MM-DD HH:MM:SS[.f]`; `None` for anything else.
pub fn parse_scm_time(s: &str) -> Option<i64> {
    let main = s.trim().split('.').next()?;
    let b = main.as_bytes();
    if b.len() != 19 || b[4] != b'-' || b[7] != b'-' || !(b[10] == b' ' || b[10] == b'T') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let compact = format!("{}{}{}T{}{}{}Z", &main[0..4], &main[5..7], &main[8..10], &main[11..13], &main[14..16], &main[17..19]);
    Some(ccm_api::sign::parse_sdk_date(&compact)? * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_service_form() {
        assert_eq!(parse_scm_time("2021-05-27 16:53:05.0"), Some(1_622_134_385_000));
        assert_eq!(parse_scm_time("2021-05-27 16:53:05"), Some(1_622_134_385_000));
        assert_eq!(parse_scm_time("27.05.2021"), None);
        assert_eq!(parse_scm_time(""), None);
    }
}

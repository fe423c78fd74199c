//! Everything the account holds with an expiry date, in one list: SSL
//! certificates, private CAs and private certificates. Counts by status,
//! the expiry radar and the CSV export are built from it. Pure.

use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::pca::certs::PrivateCertificate;
use ccm_api::scm::{ScmCertificateSummary, ScmStatus};
use ccm_api::common::{CaStatus, CertificateStatus};

use crate::i18n::{Locale, td_string};
use crate::pages::pca::labels;
use crate::pages::scm::time::parse_scm_time;

pub const DAY_MS: i64 = 86_400_000;

/// The radar's windows, in days.
pub const WINDOWS: [i64; 3] = [7, 30, 90];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Ssl,
    Ca,
    Private,
}

impl Kind {
    /// English, for the CSV (a file others' tools read).
    pub fn label(self) -> &'static str {
        match self {
            Kind::Ssl => "SSL certificate",
            Kind::Ca => "Private CA",
            Kind::Private => "Private certificate",
        }
    }

    /// "Private CA" / "私有 CA", for the views.
    pub fn name(self, locale: Locale) -> &'static str {
        match self {
            Kind::Ssl => td_string!(locale, overview.kind_ssl),
            Kind::Ca => td_string!(locale, overview.kind_ca),
            Kind::Private => td_string!(locale, overview.kind_private),
        }
    }

    /// "Private CAs" / "私有 CA".
    pub fn plural(self, locale: Locale) -> &'static str {
        match self {
            Kind::Ssl => td_string!(locale, overview.kinds_ssl),
            Kind::Ca => td_string!(locale, overview.kinds_ca),
            Kind::Private => td_string!(locale, overview.kinds_private),
        }
    }
}

/// An item's status in words, per locale (`status_label` is the English).
pub fn status_text(item: &Item, locale: Locale) -> String {
    use ccm_api::common::WireEnum;
    match item.kind {
        Kind::Ssl => ssl_status(&ScmStatus::from_wire(&item.status), locale),
        Kind::Ca if item.status == "REVOKED" => labels::ca_status(&CaStatus::Actived, true, locale),
        Kind::Ca => labels::ca_status(&<CaStatus as WireEnum>::from_wire(&item.status), false, locale),
        Kind::Private => labels::cert_status(&<CertificateStatus as WireEnum>::from_wire(&item.status), locale),
    }
}

/// The SSL statuses' words (the scm namespace is another area's; these are
/// the overview's own copies).
fn ssl_status(s: &ScmStatus, locale: Locale) -> String {
    let t = match s {
        ScmStatus::All => td_string!(locale, overview.ssl_all),
        ScmStatus::Paid => td_string!(locale, overview.ssl_paid),
        ScmStatus::Issued => td_string!(locale, overview.ssl_issued),
        ScmStatus::Checking => td_string!(locale, overview.ssl_checking),
        ScmStatus::CancelChecking => td_string!(locale, overview.ssl_cancel_checking),
        ScmStatus::Unpassed => td_string!(locale, overview.ssl_unpassed),
        ScmStatus::Expired => td_string!(locale, overview.ssl_expired),
        ScmStatus::Revoking => td_string!(locale, overview.ssl_revoking),
        ScmStatus::CancelRevoking => td_string!(locale, overview.ssl_cancel_revoking),
        ScmStatus::Revoked => td_string!(locale, overview.ssl_revoked),
        ScmStatus::Upload => td_string!(locale, overview.ssl_upload),
        ScmStatus::CheckingOrg => td_string!(locale, overview.ssl_checking_org),
        ScmStatus::Issuing => td_string!(locale, overview.ssl_issuing),
        ScmStatus::SupplementChecking => td_string!(locale, overview.ssl_supplement_checking),
        ScmStatus::CancelSupplementing => td_string!(locale, overview.ssl_cancel_supplementing),
        ScmStatus::Other(o) => return o.clone(),
    };
    t.to_owned()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    pub id: String,
    pub name: String,
    /// Wire value (`ISSUED`) and its label.
    pub status: String,
    pub status_label: String,
    pub not_after_ms: Option<i64>,
    /// In use: an expiry matters (issued, managed, active or disabled).
    /// Revoked, deleted, pending and expired items are not on the radar.
    pub live: bool,
    /// Where its details are shown in the console.
    pub href: String,
    /// Where "Renew" goes: the renewal page of a private certificate, the
    /// order form of an issued SSL certificate; none for a CA.
    pub renew_href: Option<String>,
}

/// The renewal page of private certificates, `?id=` once per certificate.
pub fn renew_private_href<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    let ids: Vec<String> = ids.into_iter().map(|id| format!("id={}", ccm_api::sign::encode_component(id))).collect();
    format!("/pca/certs/renew?{}", ids.join("&"))
}

pub fn from_ssl(c: &ScmCertificateSummary) -> Item {
    let status = c.status.clone().unwrap_or(ScmStatus::Other(String::new()));
    Item {
        kind: Kind::Ssl,
        id: c.id.clone(),
        name: c.name.clone().or_else(|| c.domain.clone()).unwrap_or_else(|| c.id.clone()),
        status: status.as_str().to_owned(),
        status_label: status.label().to_owned(),
        not_after_ms: c.expire_time.as_deref().and_then(parse_scm_time),
        live: matches!(status, ScmStatus::Issued | ScmStatus::Upload),
        href: format!("/scm?cert={}", c.id),
        // The order page reads the certificate and fills itself from it.
        renew_href: matches!(status, ScmStatus::Issued | ScmStatus::Upload).then(|| format!("/scm/order?renew={}", c.id)),
    }
}

/// `revoked`: revoked from this console (the service shows it disabled);
/// it counts as revoked and is off the expiry radar.
pub fn from_ca(c: &CertificateAuthority, revoked: bool) -> Item {
    Item {
        kind: Kind::Ca,
        id: c.ca_id.clone(),
        name: c.distinguished_name.common_name.clone(),
        status: if revoked { "REVOKED".to_owned() } else { c.status.as_str().to_owned() },
        status_label: if revoked { "Revoked".to_owned() } else { c.status.label().to_owned() },
        not_after_ms: c.not_after,
        live: !revoked && matches!(c.status, CaStatus::Actived | CaStatus::Disabled),
        href: format!("/pca/cas?ca={}", c.ca_id),
        renew_href: None,
    }
}

pub fn from_private(c: &PrivateCertificate) -> Item {
    Item {
        kind: Kind::Private,
        id: c.certificate_id.clone(),
        name: c.distinguished_name.common_name.clone(),
        status: c.status.as_str().to_owned(),
        status_label: c.status.label().to_owned(),
        not_after_ms: c.not_after,
        live: c.status == CertificateStatus::Issued,
        href: format!("/pca/certs?cert={}", c.certificate_id),
        renew_href: (c.status == CertificateStatus::Issued).then(|| renew_private_href([c.certificate_id.as_str()])),
    }
}

/// `(status in words, count)` for one kind, most frequent first.
pub fn counts(items: &[Item], kind: Kind, locale: Locale) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for i in items.iter().filter(|i| i.kind == kind) {
        let label = status_text(i, locale);
        match out.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => out.push((label, 1)),
        }
    }
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Live items that expire after `now` and within `days`, soonest first.
pub fn radar(items: &[Item], now_ms: i64, days: i64) -> Vec<Item> {
    let until = now_ms + days * DAY_MS;
    let mut hits: Vec<Item> = items
        .iter()
        .filter(|i| i.live && i.not_after_ms.is_some_and(|t| t > now_ms && t <= until))
        .cloned()
        .collect();
    hits.sort_by_key(|i| (i.not_after_ms, i.kind, i.name.clone()));
    hits
}

/// `2026-11-24T06:40:00Z`.
pub fn iso_time(ms: i64) -> String {
    let d = ccm_api::sign::sdk_date(ms as f64);
    format!("{}-{}-{}T{}:{}:{}Z", &d[0..4], &d[4..6], &d[6..8], &d[9..11], &d[11..13], &d[13..15])
}

/// One CSV field: quoted when needed; a leading `=`, `+`, `-` or `@` is
/// escaped so a spreadsheet does not run it as a formula (a signed number
/// such as `-10` is left as it is).
pub fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@']) && !is_plain_number(s);
    let s = if formula { format!("'{s}") } else { s.to_owned() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// `-10`, `+3.5`: a sign, digits and at most one point. (Not
/// `str::parse::<f64>`: its code would join the first download.)
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    digits.bytes().any(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
}

/// The whole inventory, soonest expiry first (undated last), as CSV.
pub fn to_csv(items: &[Item], now_ms: i64) -> String {
    let mut sorted: Vec<&Item> = items.iter().collect();
    sorted.sort_by_key(|i| (i.not_after_ms.is_none(), i.not_after_ms, i.kind, i.name.clone()));
    let mut out = String::from("kind,name,id,status,expires_utc,days_left\r\n");
    for i in sorted {
        let expires = i.not_after_ms.map(iso_time).unwrap_or_default();
        // Whole days, rounded down (a past date is negative).
        let days = i.not_after_ms.map(|t| (t - now_ms).div_euclid(DAY_MS).to_string()).unwrap_or_default();
        let row = [i.kind.label(), &i.name, &i.id, &i.status, &expires, &days].map(csv_field).join(",");
        out.push_str(&row);
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const NOW: i64 = 1_764_000_000_000;

    fn ssl(name: &str, status: &str, days: Option<i64>) -> Item {
        let mut v = json!({"id": format!("scs{name}"), "name": name, "status": status});
        if let Some(d) = days {
            v["expire_time"] = json!(scm_time(NOW + d * DAY_MS));
        }
        from_ssl(&serde_json::from_value(v).unwrap())
    }

    pub fn scm_time(ms: i64) -> String {
        let t = iso_time(ms);
        format!("{} {}.0", &t[0..10], &t[11..19])
    }

    fn ca(name: &str, status: &str, days: i64) -> Item {
        from_ca(&serde_json::from_value(json!({
            "ca_id": name, "type": "ROOT", "status": status, "not_after": NOW + days * DAY_MS,
            "distinguished_name": {"common_name": name}
        })).unwrap(), false)
    }

    #[test]
    fn a_revoked_ca_counts_as_revoked_and_leaves_the_radar() {
        let c: CertificateAuthority = serde_json::from_value(json!({
            "ca_id": "r", "type": "SUBORDINATE", "status": "DISABLED", "not_after": NOW + 3 * DAY_MS,
            "distinguished_name": {"common_name": "r"}
        })).unwrap();
        let items = vec![from_ca(&c, true), from_ca(&c, false)];
        assert_eq!(counts(&items, Kind::Ca, Locale::en), vec![("Disabled".to_owned(), 1), ("Revoked".to_owned(), 1)]);
        assert_eq!(counts(&items, Kind::Ca, Locale::zh_CN), vec![("已吊销".to_owned(), 1), ("已禁用".to_owned(), 1)]);
        assert_eq!(radar(&items, NOW, 30).len(), 1);
    }

    fn private(name: &str, status: &str, days: i64) -> Item {
        from_private(&serde_json::from_value(json!({
            "certificate_id": name, "status": status, "not_after": NOW + days * DAY_MS,
            "distinguished_name": {"common_name": name}
        })).unwrap())
    }

    fn sample() -> Vec<Item> {
        vec![
            ssl("s3", "ISSUED", Some(3)),
            ssl("s20", "UPLOAD", Some(20)),
            ssl("s200", "ISSUED", Some(200)),
            ssl("gone", "EXPIRED", Some(-5)),
            ssl("paid", "PAID", None),
            ca("c25", "ACTIVED", 25),
            ca("c-old", "EXPIRED", -10),
            private("p5", "ISSUED", 5),
            private("p80", "ISSUED", 80),
            private("p-revoked", "REVOKED", 6),
        ]
    }

    fn names(v: &[Item]) -> Vec<&str> {
        v.iter().map(|i| i.name.as_str()).collect()
    }

    #[test]
    fn radar_windows_hold_live_items_soonest_first() {
        let items = sample();
        assert_eq!(names(&radar(&items, NOW, 7)), vec!["s3", "p5"]);
        assert_eq!(names(&radar(&items, NOW, 30)), vec!["s3", "p5", "s20", "c25"]);
        assert_eq!(names(&radar(&items, NOW, 90)), vec!["s3", "p5", "s20", "c25", "p80"]);
    }

    #[test]
    fn the_window_edge_is_inclusive() {
        let items = vec![ssl("edge", "ISSUED", Some(7))];
        assert_eq!(radar(&items, NOW, 7).len(), 1);
        assert_eq!(radar(&items, NOW + 1000, 7).len(), 1);
        assert_eq!(radar(&items, NOW - 1000, 7).len(), 0);
    }

    #[test]
    fn counts_by_status() {
        let items = sample();
        assert_eq!(
            counts(&items, Kind::Ssl, Locale::en),
            vec![("Issued".to_owned(), 2), ("Expired".to_owned(), 1), ("Paid, not yet applied for".to_owned(), 1), ("Uploaded (managed)".to_owned(), 1)]
        );
        assert_eq!(counts(&items, Kind::Private, Locale::en), vec![("Issued".to_owned(), 2), ("Revoked".to_owned(), 1)]);
        assert_eq!(counts(&items, Kind::Private, Locale::zh_CN), vec![("已签发".to_owned(), 2), ("已吊销".to_owned(), 1)]);
        // Every SSL status has its own words, English as the wire label.
        for s in ScmStatus::known() {
            assert_eq!(ssl_status(&s, Locale::en), s.label());
            assert_ne!(ssl_status(&s, Locale::zh_CN), s.label());
        }
    }

    #[test]
    fn links_go_to_each_details_view() {
        let items = sample();
        assert_eq!(items[0].href, "/scm?cert=scss3");
        assert_eq!(items[5].href, "/pca/cas?ca=c25");
        assert_eq!(items[7].href, "/pca/certs?cert=p5");
        assert_eq!(items[7].renew_href.as_deref(), Some("/pca/certs/renew?id=p5"));
        assert_eq!(items[5].renew_href, None, "a CA is not renewed from the radar");
        assert_eq!(items[0].renew_href.as_deref(), Some("/scm/order?renew=scss3"));
        assert_eq!(items[1].renew_href.as_deref(), Some("/scm/order?renew=scss20"), "an uploaded one is replaced by an order");
        assert_eq!(items[4].renew_href, None, "a paid order is applied for, not renewed");
        assert_eq!(renew_private_href(["a", "b c"]), "/pca/certs/renew?id=a&id=b%20c");
    }

    #[test]
    fn csv_is_quoted_and_safe() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        let text = to_csv(&sample(), NOW);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "kind,name,id,status,expires_utc,days_left");
        assert_eq!(lines.len(), 1 + 10 + 1);
        assert!(lines[1].starts_with("Private CA,c-old,c-old,EXPIRED,"), "{}", lines[1]);
        assert!(lines[1].ends_with(",-10"));
        assert_eq!(csv_field("-10"), "-10");
        assert_eq!(csv_field("+3.5"), "+3.5");
        for formula in ["-", "+.", "-1-2", "@SUM(A1)", "-1e3"] {
            assert_eq!(csv_field(formula), format!("'{formula}"));
        }
        assert!(lines[10].starts_with("SSL certificate,paid,scspaid,PAID,,"));
        assert!(text.contains(&format!("Private CA,c25,c25,ACTIVED,{},25", iso_time(NOW + 25 * DAY_MS))));
    }
}

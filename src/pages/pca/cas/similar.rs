//! "Create similar": the create-CA form started from an existing CA's
//! record (kind, issuer, subject, keys, validity length, path length,
//! CRL publishing), and what the new CA will differ in, in words (names
//! and values marked as data, `components/with_data.rs`). Pure.

use ccm_api::common::{CaStatus, CaType, ValidityType};
use ccm_api::pca::cas::CertificateAuthority;

use super::create_form::{CaDraft, CaKindChoice};
use crate::components::with_data::{marked, DATA};
use crate::form::draft::SubjectDraft;
use crate::i18n::{td_string, Locale};
use crate::pages::pca::labels;

/// The create page's query key naming the CA to start from.
pub const SIMILAR_KEY: &str = "similar";

const DAY_MS: i64 = 86_400_000;

/// The create page's query key for each key usage of the CA's certificate.
pub const USAGE_KEY: &str = "ku";

/// `/pca/cas/new?similar=<id>`, with the key usages of its certificate
/// (`&ku=…` each) once the details have decoded it.
pub fn similar_href(ca: &CertificateAuthority, key_usages: Option<&[String]>) -> String {
    let mut href = format!("/pca/cas/new?{SIMILAR_KEY}={}", ca.ca_id);
    for k in key_usages.unwrap_or_default() {
        href.push_str(&format!("&{USAGE_KEY}={k}"));
    }
    href
}

/// The validity the CA had, in the largest unit that says it exactly
/// (within two days, what calendar years and months vary by): 10 YEAR
/// rather than 3653 DAY.
pub fn validity_length(not_before: i64, not_after: i64) -> (&'static str, i64) {
    let days = ((not_after - not_before) + DAY_MS / 2) / DAY_MS;
    let close = |units: i64, unit_days_x100: i64| units >= 1 && (days * 100 - units * unit_days_x100).abs() <= 200;
    let years = (days * 100 + 36_525 / 2) / 36_525;
    if close(years, 36_525) {
        return ("YEAR", years);
    }
    let months = (days * 100 + 3_044 / 2) / 3_044;
    if close(months, 3_044) {
        return ("MONTH", months);
    }
    ("DAY", days.max(1))
}

/// The form's draft for a CA like `ca`. Key usages are not in the CA's
/// record: those of its certificate when known (`key_usages`, wire names),
/// else the usual CA usages.
pub fn similar_draft(ca: &CertificateAuthority, key_usages: &[String]) -> CaDraft {
    let mut d = CaDraft::default();
    d.choice = match (&ca.kind, &ca.status) {
        (CaType::Root, _) => CaKindChoice::Root,
        (_, CaStatus::Pending) => CaKindChoice::SubordinatePending,
        _ => CaKindChoice::SubordinateNow,
    };
    let dn = &ca.distinguished_name;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    d.subject = SubjectDraft {
        common_name: dn.common_name.clone(),
        country: text(&dn.country),
        state: text(&dn.state),
        locality: text(&dn.locality),
        organization: text(&dn.organization),
        organizational_unit: text(&dn.organizational_unit),
    };
    if let Some(k) = &ca.key_algorithm {
        d.key_algorithm = k.as_str().to_owned();
    }
    if let Some(s) = &ca.signature_algorithm {
        d.signature_algorithm = s.as_str().to_owned();
    }
    if let (Some(from), Some(to)) = (ca.not_before, ca.not_after) {
        let (unit, value) = validity_length(from, to);
        d.validity_type = unit.to_owned();
        d.validity_value = value.to_string();
    }
    d.issuer_id = ca.issuer_id.clone().unwrap_or_default();
    if ca.kind != CaType::Root {
        if let Some(p) = ca.path_length {
            d.path_length = p.to_string();
        }
    }
    if !key_usages.is_empty() {
        d.key_usages = key_usages.to_vec();
    }
    if let Some(crl) = ca.crl_configuration.as_ref().filter(|c| c.enabled) {
        d.crl_publish = true;
        d.crl_bucket = text(&crl.obs_bucket_name);
        d.crl_name = text(&crl.crl_name);
        if let Some(days) = crl.valid_days {
            d.crl_valid_days = days.to_string();
        }
    }
    d
}

/// One line of what the new CA will be: a fact of every new CA, or a
/// field the user changed with its value before and after (names and
/// values `with_data::marked`, not translated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimilarChange {
    Fact(&'static str),
    Field { label: &'static str, before: String, after: String },
}

impl SimilarChange {
    /// The line as plain text ("Common name: A → B"), for tests.
    #[cfg(test)]
    pub fn text(&self) -> String {
        match self {
            SimilarChange::Fact(s) => (*s).to_owned(),
            SimilarChange::Field { label, before, after } => {
                format!("{label}: {} → {}", before.replace(DATA, ""), after.replace(DATA, ""))
            }
        }
    }
}

/// What the new CA will be, against the one it is modelled on: always a
/// CA of its own, then each field the user changed, worded in `l`.
pub fn similar_changes(original: &CaDraft, now: &CaDraft, l: Locale) -> Vec<SimilarChange> {
    let mut out = vec![
        SimilarChange::Fact(td_string!(l, pca.similar_new_ca)),
        SimilarChange::Fact(td_string!(l, pca.similar_starts)),
    ];
    let kind = |c: CaKindChoice| match c {
        CaKindChoice::Root => td_string!(l, pca.similar_kind_root),
        CaKindChoice::SubordinateNow => td_string!(l, pca.similar_kind_sub_now),
        CaKindChoice::SubordinatePending => td_string!(l, pca.similar_kind_sub_pending),
    };
    // Names and values typed by the user are data; the kind, the validity
    // unit and the CRL words are ours.
    let (a, b) = (&original.subject, &now.subject);
    let pairs: [(&str, String, String); 14] = [
        (td_string!(l, pca.similar_l_kind), kind(original.choice).into(), kind(now.choice).into()),
        (td_string!(l, pca.similar_l_issuer), data(&original.issuer_id), data(&now.issuer_id)),
        (td_string!(l, pca.similar_l_cn), data(&a.common_name), data(&b.common_name)),
        (td_string!(l, pca.similar_l_country), data(&a.country), data(&b.country)),
        (td_string!(l, pca.similar_l_state), data(&a.state), data(&b.state)),
        (td_string!(l, pca.similar_l_locality), data(&a.locality), data(&b.locality)),
        (td_string!(l, pca.similar_l_org), data(&a.organization), data(&b.organization)),
        (td_string!(l, pca.similar_l_unit), data(&a.organizational_unit), data(&b.organizational_unit)),
        (td_string!(l, pca.similar_l_key), data(&original.key_algorithm), data(&now.key_algorithm)),
        (td_string!(l, pca.similar_l_signature), data(&original.signature_algorithm), data(&now.signature_algorithm)),
        (td_string!(l, pca.similar_l_validity), validity_words(original, l), validity_words(now, l)),
        (td_string!(l, pca.similar_l_path), data(&original.path_length), data(&now.path_length)),
        (td_string!(l, pca.similar_l_usages), data(&original.key_usages.join(", ")), data(&now.key_usages.join(", "))),
        (td_string!(l, pca.similar_l_crl), crl_words(original, l), crl_words(now, l)),
    ];
    let plain = |s: &str| s.replace(DATA, "").trim().to_owned();
    for (label, before, after) in pairs {
        if plain(&before) != plain(&after) {
            let show = |s: String| if plain(&s).is_empty() { td_string!(l, pca.similar_empty).to_owned() } else { s };
            out.push(SimilarChange::Field { label, before: show(before), after: show(after) });
        }
    }
    out
}

/// A value typed by the user or read from the CA, marked as data.
fn data(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() { String::new() } else { marked(s) }
}

fn validity_words(d: &CaDraft, l: Locale) -> String {
    // English keeps the wire unit ("3 YEAR"), as before.
    match l {
        Locale::en => format!("{} {}", d.validity_value.trim(), d.validity_type),
        _ => format!("{} {}", d.validity_value.trim(), labels::validity_unit(&ValidityType::from_wire(&d.validity_type), l)),
    }
}

fn crl_words(d: &CaDraft, l: Locale) -> String {
    if d.crl_publish {
        td_string!(l, pca.similar_crl_published, bucket = data(&d.crl_bucket), days = d.crl_valid_days.trim()).to_string()
    } else {
        td_string!(l, pca.similar_crl_off).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_764_000_000_000;

    fn ca(json: serde_json::Value) -> CertificateAuthority {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn lengths_read_in_the_unit_they_were_made_in() {
        assert_eq!(validity_length(NOW, NOW + 3653 * DAY_MS), ("YEAR", 10));
        assert_eq!(validity_length(NOW, NOW + 365 * DAY_MS), ("YEAR", 1));
        assert_eq!(validity_length(NOW, NOW + 92 * DAY_MS), ("MONTH", 3));
        assert_eq!(validity_length(NOW, NOW + 45 * DAY_MS), ("DAY", 45));
        assert_eq!(validity_length(NOW, NOW + 3_600_000), ("DAY", 1));
    }

    #[test]
    fn a_subordinate_is_copied_field_by_field() {
        let sub = ca(serde_json::json!({
            "ca_id": "ca-2", "type": "SUBORDINATE", "status": "ACTIVED", "path_length": 2,
            "issuer_id": "ca-1", "key_algorithm": "EC384", "signature_algorithm": "SHA384",
            "not_before": NOW, "not_after": NOW + 5 * 365 * DAY_MS + DAY_MS,
            "distinguished_name": {"common_name": "Issuing CA", "country": "DE", "organization": "Acme", "organizational_unit": "PKI"},
            "crl_configuration": {"enabled": true, "obs_bucket_name": "crl-bucket", "valid_days": 10}
        }));
        let d = similar_draft(&sub, &[]);
        assert_eq!(d.choice, CaKindChoice::SubordinateNow);
        assert_eq!(d.issuer_id, "ca-1");
        assert_eq!((d.subject.common_name.as_str(), d.subject.country.as_str(), d.subject.state.as_str()), ("Issuing CA", "DE", ""));
        assert_eq!((d.key_algorithm.as_str(), d.signature_algorithm.as_str()), ("EC384", "SHA384"));
        assert_eq!((d.validity_type.as_str(), d.validity_value.as_str()), ("YEAR", "5"));
        assert_eq!(d.path_length, "2");
        assert!(d.crl_publish);
        assert_eq!((d.crl_bucket.as_str(), d.crl_valid_days.as_str()), ("crl-bucket", "10"));
        assert_eq!(similar_href(&sub, None), "/pca/cas/new?similar=ca-2");
        let usages = ["keyCertSign".to_owned(), "cRLSign".to_owned()];
        assert_eq!(similar_href(&sub, Some(&usages)), "/pca/cas/new?similar=ca-2&ku=keyCertSign&ku=cRLSign");
        assert_eq!(similar_draft(&sub, &usages).key_usages, usages);
        assert_eq!(d.key_usages, ["digitalSignature", "keyCertSign", "cRLSign"], "not known: the usual ones");

        // Unchanged: only the two facts of any new CA.
        assert_eq!(similar_changes(&d, &d, Locale::en).len(), 2);
        let mut edited = d.clone();
        edited.subject.common_name = "Issuing CA 2".into();
        edited.key_algorithm = "EC256".into();
        edited.crl_publish = false;
        let texts = |l| similar_changes(&d, &edited, l)[2..].iter().map(SimilarChange::text).collect::<Vec<_>>();
        assert_eq!(texts(Locale::en), [
            "Common name: Issuing CA → Issuing CA 2",
            "Key algorithm: EC384 → EC256",
            "CRL: published to crl-bucket every 10 days → not published",
        ]);
        assert_eq!(texts(Locale::zh_CN), [
            "通用名称: Issuing CA → Issuing CA 2",
            "密钥算法: EC384 → EC256",
            "CRL: 每 10 天发布到 crl-bucket → 不发布",
        ]);
        let zh = similar_changes(&d, &edited, Locale::zh_CN);
        assert_eq!(zh[2], SimilarChange::Field { label: "通用名称", before: marked("Issuing CA"), after: marked("Issuing CA 2") });
        edited.validity_type = "MONTH".into();
        edited.subject.country = String::new();
        let zh = similar_changes(&d, &edited, Locale::zh_CN).iter().map(SimilarChange::text).collect::<Vec<_>>();
        assert!(zh.contains(&"国家/地区: DE → （空）".to_owned()), "{zh:?}");
        assert!(zh.contains(&"有效期: 5 年 → 5 个月".to_owned()), "{zh:?}");
    }

    #[test]
    fn a_root_keeps_the_default_path_length_and_a_pending_ca_stays_pending() {
        let root = ca(serde_json::json!({
            "ca_id": "r", "type": "ROOT", "status": "ACTIVED", "path_length": 7, "key_algorithm": "RSA2048",
            "distinguished_name": {"common_name": "Root"}
        }));
        let d = similar_draft(&root, &[]);
        assert_eq!(d.choice, CaKindChoice::Root);
        assert_eq!(d.path_length, "0");
        assert_eq!((d.validity_type.as_str(), d.validity_value.as_str()), ("YEAR", "10"), "no dates: the form's default");
        assert!(!d.crl_publish);
        let pending = ca(serde_json::json!({
            "ca_id": "p", "type": "SUBORDINATE", "status": "PENDING", "distinguished_name": {"common_name": "Later"}
        }));
        assert_eq!(similar_draft(&pending, &[]).choice, CaKindChoice::SubordinatePending);
    }
}

//! "Issue again": a certificate's subject, names, key, usages, issuer and
//! validity carried to the apply form in its address (so the form needs no
//! certificate decoding of its own), and what the new certificate will
//! change, in words. Pure.

use ccm_api::pca::certs::PrivateCertificate;
use ccm_api::sign::encode_component;

use super::apply_form::{ApplyDraft, EkuChoice, SanRow};
use crate::i18n::{Locale, td_string};
use crate::pages::pca::labels;
use crate::form::draft::SubjectDraft;

/// What the decoded certificate adds to its record: names and usages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decoded {
    /// (wire type, value): `DNS`, `IP`, `EMAIL`, `URI`.
    pub sans: Vec<(String, String)>,
    /// Wire names (`digitalSignature`, ...).
    pub key_usages: Vec<String>,
    pub eku: EkuChoice,
}

const DAY_MS: i64 = 86_400_000;

/// The apply form's draft for issuing `cert` again: its record's subject,
/// issuer, key, signature and validity length (whole days, rounded up),
/// and the names and usages its PEM carries. Renewal starts from it too.
pub fn again_draft(cert: &PrivateCertificate, decoded: &Decoded) -> ApplyDraft {
    let dn = &cert.distinguished_name;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut d = ApplyDraft {
        issuer_id: text(&cert.issuer_id),
        subject: SubjectDraft {
            common_name: dn.common_name.clone(),
            country: text(&dn.country),
            state: text(&dn.state),
            locality: text(&dn.locality),
            organization: text(&dn.organization),
            organizational_unit: text(&dn.organizational_unit),
        },
        sans: decoded.sans.iter().map(|(kind, value)| SanRow { kind: kind.clone(), value: value.clone() }).collect(),
        key_usages: decoded.key_usages.clone(),
        eku: decoded.eku,
        ..Default::default()
    };
    if let Some(k) = &cert.key_algorithm {
        d.key_algorithm = k.as_str().to_owned();
    }
    if let Some(s) = &cert.signature_algorithm {
        d.signature_algorithm = s.as_str().to_owned();
    }
    if let Some(days) = validity_days(cert) {
        d.validity_type = "DAY".into();
        d.validity_value = days.to_string();
    }
    d
}

/// How long `cert` was valid, in whole days rounded up.
pub fn validity_days(cert: &PrivateCertificate) -> Option<i64> {
    let (from, to) = (cert.not_before?, cert.not_after?);
    Some((((to - from) + DAY_MS - 1) / DAY_MS).max(1))
}

/// `/pca/certs/new?again=…` filled from `cert` and what its PEM says.
pub fn again_href(cert: &PrivateCertificate, decoded: &Decoded) -> String {
    let d = again_draft(cert, decoded);
    let s = &d.subject;
    let mut q: Vec<(&str, String)> = vec![("again", cert.certificate_id.clone())];
    for (k, v) in [
        ("issuer", &d.issuer_id),
        ("cn", &s.common_name),
        ("c", &s.country),
        ("st", &s.state),
        ("l", &s.locality),
        ("o", &s.organization),
        ("ou", &s.organizational_unit),
        ("key", &d.key_algorithm),
        ("sig", &d.signature_algorithm),
    ] {
        if !v.is_empty() {
            q.push((k, v.clone()));
        }
    }
    if validity_days(cert).is_some() {
        q.push(("days", d.validity_value.clone()));
    }
    for san in &d.sans {
        q.push(("san", format!("{}:{}", san.kind, san.value)));
    }
    for k in &d.key_usages {
        q.push(("ku", k.clone()));
    }
    let e = d.eku;
    for (on, name) in [
        (e.server_auth, "server_auth"),
        (e.client_auth, "client_auth"),
        (e.code_signing, "code_signing"),
        (e.email_protection, "email_protection"),
        (e.time_stamping, "time_stamping"),
    ] {
        if on {
            q.push(("eku", name.to_owned()));
        }
    }
    let query: Vec<String> = q.iter().map(|(k, v)| format!("{k}={}", encode_component(v))).collect();
    format!("/pca/certs/new?{}", query.join("&"))
}

/// The draft an `again` address describes; `None` for a plain apply.
/// `get` reads one value, `all` every value of a key.
pub fn draft_from_query(get: impl Fn(&str) -> Option<String>, all: impl Fn(&str) -> Vec<String>) -> Option<ApplyDraft> {
    get("again")?;
    let mut d = ApplyDraft::default();
    let text = |k: &str| get(k).unwrap_or_default();
    d.issuer_id = text("issuer");
    d.subject.common_name = text("cn");
    d.subject.country = text("c");
    d.subject.state = text("st");
    d.subject.locality = text("l");
    d.subject.organization = text("o");
    d.subject.organizational_unit = text("ou");
    if let Some(k) = get("key") {
        d.key_algorithm = k;
    }
    if let Some(s) = get("sig") {
        d.signature_algorithm = s;
    }
    if let Some(days) = get("days") {
        d.validity_type = "DAY".into();
        d.validity_value = days;
    }
    d.sans = all("san")
        .iter()
        .filter_map(|s| s.split_once(':'))
        .map(|(kind, value)| SanRow { kind: kind.to_owned(), value: value.to_owned() })
        .collect();
    d.key_usages = all("ku");
    for e in all("eku") {
        match e.as_str() {
            "server_auth" => d.eku.server_auth = true,
            "client_auth" => d.eku.client_auth = true,
            "code_signing" => d.eku.code_signing = true,
            "email_protection" => d.eku.email_protection = true,
            "time_stamping" => d.eku.time_stamping = true,
            _ => {}
        }
    }
    Some(d)
}

/// What the new certificate changes compared with the one issued again:
/// always a new key and serial, then each field the user edited.
pub fn changes(original: &ApplyDraft, now: &ApplyDraft, l: Locale) -> Vec<String> {
    let mut out = vec![td_string!(l, pca.ch_new_key).to_owned(), td_string!(l, pca.ch_validity_start).to_owned()];
    let mut field = |label: &str, a: &str, b: &str| {
        if a.trim() != b.trim() {
            let show = |s: &str| if s.trim().is_empty() { td_string!(l, pca.ch_empty).to_owned() } else { s.trim().to_owned() };
            out.push(td_string!(l, pca.ch_field, field = label, before = show(a), after = show(b)).to_string());
        }
    };
    field(td_string!(l, pca.issuer), &original.issuer_id, &now.issuer_id);
    field(td_string!(l, pca.ch_common_name), &original.subject.common_name, &now.subject.common_name);
    field(td_string!(l, pca.d_country), &original.subject.country, &now.subject.country);
    field(td_string!(l, pca.d_state), &original.subject.state, &now.subject.state);
    field(td_string!(l, pca.d_locality), &original.subject.locality, &now.subject.locality);
    field(td_string!(l, pca.d_organization), &original.subject.organization, &now.subject.organization);
    field(td_string!(l, pca.d_unit), &original.subject.organizational_unit, &now.subject.organizational_unit);
    field(td_string!(l, pca.key_algorithm), &original.key_algorithm, &now.key_algorithm);
    field(td_string!(l, pca.signature_algorithm), &original.signature_algorithm, &now.signature_algorithm);
    field(
        td_string!(l, pca.validity),
        &validity_text(&original.validity_value, &original.validity_type, l),
        &validity_text(&now.validity_value, &now.validity_type, l),
    );
    let names = |d: &ApplyDraft| d.sans.iter().map(|s| format!("{}:{}", s.kind, s.value.trim())).collect::<Vec<_>>();
    let (before, after) = (names(original), names(now));
    let added: Vec<&String> = after.iter().filter(|s| !before.contains(s)).collect();
    let removed: Vec<&String> = before.iter().filter(|s| !after.contains(s)).collect();
    if !added.is_empty() {
        out.push(td_string!(l, pca.ch_sans_added, names = added.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")).to_string());
    }
    if !removed.is_empty() {
        out.push(td_string!(l, pca.ch_sans_removed, names = removed.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")).to_string());
    }
    let mut ku_before = original.key_usages.clone();
    let mut ku_after = now.key_usages.clone();
    ku_before.sort();
    ku_after.sort();
    if ku_before != ku_after {
        out.push(td_string!(l, pca.ch_field, field = td_string!(l, pca.key_usages), before = ku_before.join(", "), after = ku_after.join(", ")).to_string());
    }
    if original.eku != now.eku {
        out.push(td_string!(l, pca.ch_eku_changed).to_owned());
    }
    out
}

/// "90 DAY" (the wire unit, as the English has always read) / "90 天".
fn validity_text(value: &str, unit: &str, l: Locale) -> String {
    match l {
        Locale::en => format!("{value} {unit}"),
        _ => format!("{value} {}", labels::validity_unit(&ccm_api::common::ValidityType::from_wire(unit), l)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert() -> PrivateCertificate {
        serde_json::from_value(serde_json::json!({
            "certificate_id": "cert-1",
            "status": "ISSUED",
            "issuer_id": "ca-1",
            "key_algorithm": "EC256",
            "signature_algorithm": "SHA384",
            "not_before": 1_700_000_000_000i64,
            "not_after": 1_700_000_000_000i64 + 90 * DAY_MS - 1000,
            "distinguished_name": { "common_name": "web.example.com", "organization": "Acme & Co" }
        }))
        .unwrap()
    }

    fn parse(href: &str) -> Vec<(String, String)> {
        let query = href.split_once('?').unwrap().1;
        query
            .split('&')
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap();
                (k.to_owned(), js_free_decode(v))
            })
            .collect()
    }

    /// Percent-decoding for the test (the router does it in the browser).
    fn js_free_decode(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_certificate_round_trips_through_the_address() {
        let decoded = Decoded {
            sans: vec![("DNS".into(), "web.example.com".into()), ("IP".into(), "10.0.0.1".into())],
            key_usages: vec!["digitalSignature".into(), "keyAgreement".into()],
            eku: EkuChoice { server_auth: true, client_auth: true, ..Default::default() },
        };
        let href = again_href(&cert(), &decoded);
        assert!(href.starts_with("/pca/certs/new?again=cert-1&issuer=ca-1&cn=web.example.com&o=Acme%20%26%20Co&key=EC256&sig=SHA384&days=90&"), "{href}");
        let pairs = parse(&href);
        let get = |k: &str| pairs.iter().find(|(a, _)| a == k).map(|(_, v)| v.clone());
        let all = |k: &str| pairs.iter().filter(|(a, _)| a == k).map(|(_, v)| v.clone()).collect::<Vec<_>>();
        let d = draft_from_query(get, all).unwrap();
        assert_eq!(d.issuer_id, "ca-1");
        assert_eq!(d.subject.common_name, "web.example.com");
        assert_eq!(d.subject.organization, "Acme & Co");
        assert_eq!((d.key_algorithm.as_str(), d.signature_algorithm.as_str()), ("EC256", "SHA384"));
        assert_eq!((d.validity_type.as_str(), d.validity_value.as_str()), ("DAY", "90"));
        assert_eq!(d.sans, vec![SanRow { kind: "DNS".into(), value: "web.example.com".into() }, SanRow { kind: "IP".into(), value: "10.0.0.1".into() }]);
        assert_eq!(d.key_usages, ["digitalSignature", "keyAgreement"]);
        assert_eq!(d.eku, decoded.eku);
        assert!(draft_from_query(|_| None, |_| Vec::new()).is_none());

        // Unchanged: only the two facts of any new certificate.
        assert_eq!(changes(&d, &d, Locale::en).len(), 2);
        let mut edited = d.clone();
        edited.validity_value = "30".into();
        edited.sans.remove(1);
        edited.sans.push(SanRow { kind: "DNS".into(), value: "new.example.com".into() });
        edited.key_usages = vec!["digitalSignature".into()];
        let said = changes(&d, &edited, Locale::en);
        assert_eq!(&said[2..], [
            "Validity: 90 DAY → 30 DAY",
            "Alternative names added: DNS:new.example.com",
            "Alternative names removed: IP:10.0.0.1",
            "Key usages: digitalSignature, keyAgreement → digitalSignature",
        ]);
        assert_eq!(changes(&d, &edited, Locale::zh_CN)[2], "有效期：90 天 → 30 天");
    }
}

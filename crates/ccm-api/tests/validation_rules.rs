//! Every validation rule on both sides of each bound.
//!
//! Part one walks the rule tables: for every check of every field of every
//! operation it builds values just inside and just outside each bound and
//! expects acceptance and refusal. Part two covers what the tables cannot
//! say alone: formats, alternative names by type, and the conditions
//! (validity by CA type, start time, CRL, archive-only exports, `{}`).

use ccm_api::common::ValidityType;
use ccm_api::validate::{
    check_field, check_san, is_dns_name, is_email, is_ip, is_oid, is_uri, is_uuid, max_validity_value, rule_set,
    validate_received, validate_request, Check, Context, FieldRule, Format, Input, Location, CONDITIONS, RULE_SETS,
    START_FROM_TOLERANCE_MILLIS,
};
use ccm_api::{common::SanType, Service};
use serde_json::{json, Value};

const NOW: i64 = 1_767_225_600_000;
const CTX: Context = Context { now_millis: NOW };
const UUID: &str = "4c0e772e-a30c-4029-b929-b7acb04143f7";

/// Valid and invalid samples of each format.
fn format_samples(f: Format) -> (Vec<&'static str>, Vec<&'static str>) {
    match f {
        Format::Uuid => (
            vec![UUID, "4C0E772E-A30C-4029-B929-B7ACB04143F7"],
            vec![
                "",
                "4c0e772e-a30c-4029-b929-b7acb04143f",
                "4c0e772e-a30c-4029-b929-b7acb04143f77",
                "4c0e772e_a30c-4029-b929-b7acb04143f7",
                "gc0e772e-a30c-4029-b929-b7acb04143f7",
            ],
        ),
        Format::ScmId => (
            vec!["scs1554192131150", "SCS1554192131150"],
            vec!["", "scs155419213115", "scs15541921311500", "scs-554192131150"],
        ),
        Format::Country => (vec!["CN", "cn", "De"], vec!["", "C", "CHN", "C1", "中国"]),
        Format::Oid => (
            vec!["1.3.6.1.4.1.2011.4.99", "2.5", "0.39", "2.999.1"],
            vec!["", "1", "3.1", "1.40", "1.3.", ".1.3", "1..3", "1.03", "1.3.a"],
        ),
        Format::DnsName => (
            vec!["example.com", "*.example.com", "a", "xn--bcher-kva.example", "a-b.c"],
            vec!["", "-a.com", "a-.com", "a..com", "a.com.", "*", "a.*.com", "under_score.com", "bücher.de", "a b.com"],
        ),
        Format::IpAddress => (
            vec!["192.0.2.10", "2001:db8::1", "::1"],
            vec!["", "256.1.1.1", "1.2.3", "01.2.3.4", "example.com", "fe80::1%eth0"],
        ),
        Format::Email => (
            vec!["ops@example.com", "first.last+tag@sub.example.org", "a@b"],
            vec![
                "",
                "ops",
                "@example.com",
                "ops@",
                ".ops@example.com",
                "o..ps@example.com",
                "ops@*.example.com",
                "o ps@example.com",
            ],
        ),
        Format::Uri => (
            vec!["https://example.com/path", "urn:isbn:0451450523", "spiffe://trust/x"],
            vec!["", "example.com", "1http://x", "http:", "http://a b", "ht_tp://x"],
        ),
        Format::PemCertificate => (
            vec![
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
                "-----BEGIN CERTIFICATE-----*****-----END CERTIFICATE-----",
            ],
            vec![
                "",
                "MIIB",
                "-----BEGIN CERTIFICATE-----\nMIIB",
                "-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----",
            ],
        ),
        Format::PemChain => (
            vec!["", "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----"],
            vec!["junk", "-----BEGIN CERTIFICATE-----"],
        ),
        Format::PemCsr => (
            vec![
                "-----BEGIN CERTIFICATE REQUEST-----\nA\n-----END CERTIFICATE REQUEST-----",
                "-----BEGIN NEW CERTIFICATE REQUEST-----\nA\n-----END NEW CERTIFICATE REQUEST-----",
            ],
            vec!["", "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----"],
        ),
        Format::PemPrivateKey => (
            vec![
                "-----BEGIN PRIVATE KEY-----\nA\n-----END PRIVATE KEY-----",
                "-----BEGIN RSA PRIVATE KEY-----\nA\n-----END RSA PRIVATE KEY-----",
                "-----BEGIN EC PRIVATE KEY-----\nA\n-----END EC PRIVATE KEY-----",
            ],
            vec![
                "",
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nA\n-----END ENCRYPTED PRIVATE KEY-----",
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nA\n-----END RSA PRIVATE KEY-----",
                "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----",
            ],
        ),
    }
}

fn text(n: usize) -> Value {
    // Multi-byte characters: limits count characters, not bytes.
    Value::String("é".repeat(n))
}

fn int(n: i64, loc: Location) -> Value {
    match loc {
        Location::Body => json!(n),
        _ => Value::String(n.to_string()),
    }
}

fn items(n: usize) -> Value {
    Value::Array(vec![json!({}); n])
}

/// Values just inside (`ok`) and just outside (`bad`) each bound of a check.
fn samples(check: &Check, loc: Location) -> (Vec<Value>, Vec<Value>) {
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    match *check {
        Check::Chars { min, max } => {
            ok.push(text(min));
            if min > 0 {
                bad.push(text(min - 1));
            }
            if max != usize::MAX {
                ok.push(text(max));
                bad.push(text(max + 1));
            }
            bad.push(json!(1));
        }
        Check::Bytes { max } => {
            ok.push(Value::String("a".repeat(max)));
            bad.push(Value::String("a".repeat(max + 1)));
            bad.push(Value::String("é".repeat(max / 2 + 1)));
        }
        Check::Int { min, max } => {
            ok.push(int(min, loc));
            if min > i64::MIN {
                bad.push(int(min - 1, loc));
            }
            if max != i64::MAX {
                ok.push(int(max, loc));
                bad.push(int(max + 1, loc));
            } else {
                ok.push(int(min + 1_000_000, loc));
            }
            bad.push(json!(1.5));
            bad.push(json!("x"));
            if loc == Location::Body {
                // A number in a string is refused in a body.
                bad.push(Value::String(min.to_string()));
            }
        }
        Check::IntIn(set) => {
            ok.extend(set.iter().map(|n| int(*n, loc)));
            let lo = *set.iter().min().unwrap();
            let hi = *set.iter().max().unwrap();
            bad.extend([int(lo - 1, loc), int(hi + 1, loc), int(lo + 1, loc)]);
        }
        Check::OneOf(set) => {
            ok.extend(set.iter().map(|s| json!(s)));
            bad.push(json!("NOT_A_VALUE"));
            bad.push(json!(""));
            if let Some(s) = set.iter().find(|s| s.to_lowercase() != **s) {
                bad.push(json!(s.to_lowercase()));
            }
        }
        Check::OneOfIgnoreCase(set) => {
            ok.extend(set.iter().map(|s| json!(s)));
            ok.extend(set.iter().map(|s| json!(s.to_lowercase())));
            bad.push(json!("NOT_A_VALUE"));
        }
        Check::Bool => {
            if loc == Location::Body {
                ok.extend([json!(true), json!(false)]);
                bad.extend([json!("true"), json!(1)]);
            } else {
                ok.extend([json!("true"), json!("false")]);
                bad.extend([json!("yes"), json!("1")]);
            }
        }
        Check::LooseBool => {
            ok.extend([json!(true), json!(false), json!("true"), json!("FALSE")]);
            bad.extend([json!("yes"), json!(1)]);
        }
        Check::Format(f) => {
            let (good, wrong) = format_samples(f);
            ok.extend(good.into_iter().map(|s| json!(s)));
            bad.extend(wrong.into_iter().map(|s| json!(s)));
            bad.push(json!(7));
        }
        Check::Object => {
            ok.push(json!({}));
            bad.extend([json!([]), json!("x")]);
        }
        Check::Items { min, max } => {
            ok.push(items(min));
            if min > 0 {
                bad.push(items(min - 1));
            }
            if max != usize::MAX {
                ok.push(items(max));
                bad.push(items(max + 1));
            }
            bad.push(json!({}));
        }
    }
    (ok, bad)
}

#[test]
fn every_check_of_every_field_on_both_sides_of_its_bounds() {
    let mut checked = 0;
    let mut fields = 0;
    for set in RULE_SETS {
        for rule in set.fields() {
            fields += 1;
            for check in rule.checks {
                let (ok, bad) = samples(check, rule.location);
                assert!(!ok.is_empty() && !bad.is_empty(), "{}: no samples for {check:?}", rule.path);
                for v in &ok {
                    let r = check.apply(v, rule.location);
                    assert!(r.is_ok(), "{} {}: {check:?} refused {v}: {r:?}", set.operation, rule.path);
                    checked += 1;
                }
                for v in &bad {
                    let r = check.apply(v, rule.location);
                    let msg = r.expect_err(&format!("{} {}: {check:?} accepted {v}", set.operation, rule.path));
                    assert!(msg.contains("allowed: "), "message does not say what is allowed: {msg}");
                    assert!(!msg.contains("é".repeat(41).as_str()), "message repeats a long value");
                    checked += 1;
                }
            }
        }
    }
    eprintln!("{fields} field rules, {checked} boundary samples");
    assert!(fields > 150, "{fields} field rules");
    assert!(checked > 900, "{checked} samples");
}

#[test]
fn required_and_optional_fields() {
    for set in RULE_SETS {
        for rule in set.fields() {
            let r = rule.check(None);
            if rule.required {
                let msg = r.expect_err(rule.path);
                assert!(msg.starts_with("is required"), "{msg}");
            } else {
                assert!(r.is_ok(), "{}", rule.path);
            }
            // JSON null counts as absent.
            assert_eq!(rule.check(Some(&Value::Null)).is_ok(), !rule.required);
        }
    }
}

#[test]
fn field_lookup_ignores_list_indexes() {
    let set = rule_set(Service::Ccm, "create_certificate").unwrap();
    let rule: &FieldRule = set.field("subject_alternative_names[7].type").unwrap();
    assert_eq!(rule.path, "subject_alternative_names[].type");
    assert!(
        check_field(Service::Ccm, "create_certificate", "distinguished_name.common_name", Some(&json!(""))).is_err()
    );
    assert!(
        check_field(Service::Ccm, "create_certificate", "distinguished_name.common_name", Some(&json!("x"))).is_ok()
    );
    assert!(check_field(Service::Ccm, "create_certificate", "no.such.field", Some(&json!(1))).is_ok());
}

// Formats -----------------------------------------------------------------------

#[test]
fn format_helpers() {
    assert!(is_uuid(UUID) && !is_uuid("x"));
    assert!(is_oid("1.3.6.1.5.5.7.3.1") && !is_oid("1.3.6.1.5.5.7.3.01"));
    assert!(is_dns_name("*.a.example", true) && !is_dns_name("*.a.example", false));
    let label63 = "a".repeat(63);
    assert!(is_dns_name(&format!("{label63}.com"), false));
    assert!(!is_dns_name(&format!("{label63}a.com"), false));
    assert!(is_ip("10.0.0.1") && is_ip("::ffff:10.0.0.1") && !is_ip("10.0.0.256"));
    assert!(is_email("a@example.com") && !is_email("a@b@"));
    assert!(is_uri("mailto:a@example.com") && !is_uri("no scheme"));
}

/// A DNS name of exactly `n` characters made of labels of at most 63.
fn dns_of_len(n: usize) -> String {
    let mut labels = Vec::new();
    let mut rem = n;
    while rem > 63 {
        // Never leave nothing for the last label.
        let take = if rem == 64 { 62 } else { 63 };
        labels.push("a".repeat(take));
        rem -= take + 1;
    }
    labels.push("a".repeat(rem));
    labels.join(".")
}

#[test]
fn alternative_names_by_type_on_both_sides() {
    assert_eq!(dns_of_len(253).len(), 253);
    assert!(check_san(&SanType::Dns, &dns_of_len(253)).is_ok());
    assert!(check_san(&SanType::Dns, &dns_of_len(254)).is_err());
    assert!(check_san(&SanType::Dns, "").is_err());
    assert!(check_san(&SanType::Dns, "bad_name.example").is_err());

    let v6 = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"; // 39 characters
    assert_eq!(v6.len(), 39);
    assert!(check_san(&SanType::Ip, v6).is_ok());
    assert!(check_san(&SanType::Ip, &format!("{v6}:")).is_err());
    assert!(check_san(&SanType::Ip, "156.127.116.38").is_ok());
    assert!(check_san(&SanType::Ip, "156.127.116.256").is_err());

    for n in [1, 63, 64, 65, 127, 128, 129, 253] {
        assert_eq!(dns_of_len(n).len(), n);
        assert!(is_dns_name(&dns_of_len(n), false), "{n}");
    }
    // 253 is the longest domain, so an e-mail reaches 256 only through its local part.
    let email256 = format!("{}@{}", "o".repeat(64), dns_of_len(191));
    assert_eq!(email256.len(), 256);
    assert!(check_san(&SanType::Email, &email256).is_ok());
    let email257 = format!("{}@{}", "o".repeat(64), dns_of_len(192));
    assert!(check_san(&SanType::Email, &email257).unwrap_err().contains("at most 256"));
    assert!(check_san(&SanType::Email, "no-at.example").is_err());

    let uri = format!("https://{}", "a".repeat(245));
    assert_eq!(uri.len(), 253);
    assert!(check_san(&SanType::Uri, &uri).is_ok());
    assert!(check_san(&SanType::Uri, &format!("{uri}a")).is_err());
    assert!(check_san(&SanType::Uri, "no scheme").is_err());

    assert!(check_san(&SanType::Other("X400".into()), "anything").is_ok());
}

// Whole requests and the conditions -------------------------------------------------

fn ccm(operation: &str, body: Value) -> Vec<String> {
    let path = [("ca_id", UUID.to_owned()), ("certificate_id", UUID.to_owned())];
    validate_received(Service::Ccm, operation, &path, &[], Some(body), &CTX).into_iter().map(|e| e.field).collect()
}

fn ccm_messages(operation: &str, body: Value) -> Vec<String> {
    let path = [("ca_id", UUID.to_owned()), ("certificate_id", UUID.to_owned())];
    validate_received(Service::Ccm, operation, &path, &[], Some(body), &CTX)
        .into_iter()
        .map(|e| e.to_string())
        .collect()
}

fn dn() -> Value {
    json!({"common_name":"Root","country":"CN","state":"S","locality":"L","organization":"O","organizational_unit":"OU"})
}

fn root(validity: Value) -> Value {
    json!({"type":"ROOT","key_algorithm":"EC256","signature_algorithm":"SHA256","distinguished_name":dn(),"validity":validity})
}

#[test]
fn root_ca_needs_validity_and_signature() {
    assert!(ccm("create_certificate_authority", root(json!({"type":"YEAR","value":1}))).is_empty());
    let mut body = root(json!({"type":"YEAR","value":1}));
    body.as_object_mut().unwrap().remove("validity");
    body.as_object_mut().unwrap().remove("signature_algorithm");
    assert_eq!(ccm("create_certificate_authority", body.clone()), vec!["validity", "signature_algorithm"]);
    // A subordinate without them is legal: it stays PENDING.
    body["type"] = json!("SUBORDINATE");
    assert!(ccm("create_certificate_authority", body).is_empty());
}

#[test]
fn validity_limits_by_unit_and_ca_type() {
    let units = [ValidityType::Year, ValidityType::Month, ValidityType::Day, ValidityType::Hour];
    assert_eq!(
        units.iter().map(|u| max_validity_value(u, 30).unwrap()).collect::<Vec<_>>(),
        vec![30, 360, 10957, 262968]
    );
    assert_eq!(
        units.iter().map(|u| max_validity_value(u, 20).unwrap()).collect::<Vec<_>>(),
        vec![20, 240, 7305, 175320]
    );
    for unit in &units {
        for (kind, years) in [("ROOT", 30), ("SUBORDINATE", 20)] {
            let max = max_validity_value(unit, years).unwrap();
            let mut body = root(json!({"type": unit.as_str(), "value": max}));
            body["type"] = json!(kind);
            body["issuer_id"] = json!(UUID);
            assert!(ccm("create_certificate_authority", body.clone()).is_empty(), "{kind} {max} {unit}");
            body["validity"]["value"] = json!(max + 1);
            let msgs = ccm_messages("create_certificate_authority", body);
            assert_eq!(msgs.len(), 1, "{msgs:?}");
            assert!(msgs[0].starts_with("validity.value: "), "{}", msgs[0]);
            assert!(msgs[0].contains(&format!("at most {years} years")), "{}", msgs[0]);
        }
        // Private certificates and activation: 20 years.
        let max = max_validity_value(unit, 20).unwrap();
        let cert = |v: i64| {
            json!({"issuer_id":UUID,"key_algorithm":"RSA2048","signature_algorithm":"SHA256",
                   "distinguished_name":{"common_name":"x"},"validity":{"type":unit.as_str(),"value":v}})
        };
        assert!(ccm("create_certificate", cert(max)).is_empty());
        assert_eq!(ccm("create_certificate", cert(max + 1)), vec!["validity.value"]);
        let act = |v: i64| json!({"issuer_id":UUID,"path_length":0,"signature_algorithm":"SHA256","validity":{"type":unit.as_str(),"value":v}});
        assert!(ccm("issue_certificate_authority_certificate", act(max)).is_empty());
        assert_eq!(ccm("issue_certificate_authority_certificate", act(max + 1)), vec!["validity.value"]);
        let csr = |v: i64| {
            json!({"issuer_id":UUID,"csr":"-----BEGIN CERTIFICATE REQUEST-----\nA\n-----END CERTIFICATE REQUEST-----",
                   "validity":{"type":unit.as_str(),"value":v}})
        };
        assert!(ccm("create_certificate_by_csr", csr(max)).is_empty());
        assert_eq!(ccm("create_certificate_by_csr", csr(max + 1)), vec!["validity.value"]);
    }
    // At least one unit.
    assert_eq!(ccm("create_certificate_authority", root(json!({"type":"DAY","value":0}))), vec!["validity.value"]);
    assert!(ccm("create_certificate_authority", root(json!({"type":"DAY","value":1}))).is_empty());
    // An unknown unit is refused by the type rule, not the limit.
    assert_eq!(ccm("create_certificate_authority", root(json!({"type":"WEEK","value":1}))), vec!["validity.type"]);
}

#[test]
fn start_from_may_be_five_minutes_old() {
    let at = |t: i64| root(json!({"type":"YEAR","value":1,"start_from":t}));
    let earliest = NOW - START_FROM_TOLERANCE_MILLIS;
    assert!(ccm("create_certificate_authority", at(earliest)).is_empty());
    assert!(ccm("create_certificate_authority", at(NOW + 86_400_000)).is_empty());
    let msgs = ccm_messages("create_certificate_authority", at(earliest - 1));
    assert_eq!(msgs.len(), 1);
    assert!(msgs[0].starts_with("validity.start_from: ") && msgs[0].contains(&earliest.to_string()), "{}", msgs[0]);
    let cert = |t: i64| {
        json!({"issuer_id":UUID,"key_algorithm":"RSA2048","signature_algorithm":"SHA256",
               "distinguished_name":{"common_name":"x"},"validity":{"type":"DAY","value":1,"start_from":t}})
    };
    assert!(ccm("create_certificate", cert(earliest)).is_empty());
    assert_eq!(ccm("create_certificate", cert(earliest - 1)), vec!["validity.start_from"]);
    // A different clock gives a different answer: time is an input.
    let later = Context { now_millis: NOW + 3_600_000 };
    let path = [("ca_id", UUID.to_owned())];
    assert_eq!(
        validate_received(Service::Ccm, "create_certificate_authority", &path, &[], Some(at(NOW)), &later).len(),
        1
    );
}

#[test]
fn crl_settings() {
    let with = |crl: Value| {
        let mut b = root(json!({"type":"YEAR","value":1}));
        b["crl_configuration"] = crl;
        b
    };
    assert!(ccm("create_certificate_authority", with(json!({"enabled":false}))).is_empty());
    assert_eq!(
        ccm("create_certificate_authority", with(json!({"enabled":true}))),
        vec!["crl_configuration.obs_bucket_name", "crl_configuration.valid_days"]
    );
    for (days, ok) in [(6, false), (7, true), (30, true), (31, false)] {
        let b = with(json!({"enabled":true,"obs_bucket_name":"crl","valid_days":days}));
        assert_eq!(ccm("create_certificate_authority", b).is_empty(), ok, "{days}");
        let b = json!({"obs_bucket_name":"crl","valid_days":days});
        assert_eq!(ccm("enable_certificate_authority_crl", b).is_empty(), ok, "{days}");
    }
    for (name, ok) in
        [("ab".to_owned(), false), ("abc".to_owned(), true), ("a".repeat(63), true), ("a".repeat(64), false)]
    {
        let b = json!({"obs_bucket_name":name,"valid_days":7});
        assert_eq!(ccm("enable_certificate_authority_crl", b).is_empty(), ok, "{name}");
    }
    assert_eq!(
        ccm("create_certificate_authority", with(json!({"obs_bucket_name":"crl"}))),
        vec!["crl_configuration.enabled"]
    );
}

#[test]
fn pending_days_and_path_length() {
    for (days, ok) in [(6, false), (7, true), (30, true), (31, false)] {
        let req = ccm_api::pca::cas::delete_certificate_authority(UUID, days);
        assert_eq!(validate_request(&req, &CTX).is_empty(), ok, "{days}");
    }
    let path = [("ca_id", UUID.to_owned())];
    let missing = validate_received(Service::Ccm, "delete_certificate_authority", &path, &[], None, &CTX);
    assert_eq!(missing[0].field, "pending_days");
    for (len, ok) in [(-1, false), (0, true), (6, true), (7, false)] {
        let mut b = root(json!({"type":"YEAR","value":1}));
        b["type"] = json!("SUBORDINATE");
        b["issuer_id"] = json!(UUID);
        b["path_length"] = json!(len);
        assert_eq!(ccm("create_certificate_authority", b).is_empty(), ok, "{len}");
    }
}

#[test]
fn san_count_and_values() {
    let cert = |sans: Value| {
        json!({"issuer_id":UUID,"key_algorithm":"RSA2048","signature_algorithm":"SHA256",
               "distinguished_name":{"common_name":"x"},"validity":{"type":"YEAR","value":1},
               "subject_alternative_names":sans})
    };
    let dns =
        |n: usize| Value::Array((0..n).map(|i| json!({"type":"DNS","value":format!("h{i}.example.com")})).collect());
    assert!(ccm("create_certificate", cert(dns(0))).is_empty());
    assert!(ccm("create_certificate", cert(dns(20))).is_empty());
    assert_eq!(ccm("create_certificate", cert(dns(21))), vec!["subject_alternative_names"]);
    let mixed = json!([
        {"type":"DNS","value":"ok.example.com"},
        {"type":"IP","value":"300.1.1.1"},
        {"type":"EMAIL","value":"nobody"},
        {"type":"URI","value":"https://ok.example.com/x"},
        {"type":"FAX","value":"123"},
        {"type":"DNS"}
    ]);
    assert_eq!(
        ccm("create_certificate", cert(mixed)),
        vec![
            "subject_alternative_names[4].type",
            "subject_alternative_names[5].value",
            "subject_alternative_names[1].value",
            "subject_alternative_names[2].value"
        ]
    );
}

#[test]
fn exports_and_revocations() {
    for (kind, compressed, ok) in [
        ("IIS", json!(false), false),
        ("IIS", json!("false"), false),
        ("TOMCAT", json!(true), true),
        ("tomcat", json!("false"), false),
        ("OTHER", json!(false), true),
        ("other", json!(false), true),
        ("APACHE", json!("true"), true),
    ] {
        let b = json!({"type":kind,"is_compressed":compressed});
        assert_eq!(ccm("export_certificate", b.clone()).is_empty(), ok, "{b}");
    }
    for (pw, ok) in [("a".repeat(32), true), ("a".repeat(33), false), ("é".repeat(17), false)] {
        let b = json!({"type":"OTHER","is_compressed":false,"password":pw});
        assert_eq!(ccm("export_certificate", b).is_empty(), ok);
    }
    assert!(ccm("revoke_certificate", json!({})).is_empty());
    assert_eq!(ccm("revoke_certificate", Value::Null), vec!["body"]);
    assert_eq!(ccm("revoke_certificate_authority", json!({"reason":"BORED"})), vec!["reason"]);
    let req = ccm_api::pca::certs::revoke_certificate(UUID, None);
    assert!(validate_request(&req, &CTX).is_empty());
}

#[test]
fn scm_rules() {
    use ccm_api::scm::{list_certificates, ScmListQuery};
    for (limit, ok) in [(9, false), (10, true), (11, false), (20, true), (50, true), (51, false)] {
        let req = list_certificates(&ScmListQuery { limit: Some(limit), ..Default::default() });
        assert_eq!(validate_request(&req, &CTX).is_empty(), ok, "{limit}");
    }
    let req = ccm_api::scm::delete_certificate("scs1554192131150");
    assert!(validate_request(&req, &CTX).is_empty());
    let req = ccm_api::scm::delete_certificate(UUID);
    assert_eq!(validate_request(&req, &CTX)[0].field, "certificate_id");
    let push = |svc: &str| {
        validate_received(
            Service::Scm,
            "push_certificate",
            &[("certificate_id", "scs1554192131150".to_owned())],
            &[],
            Some(json!({"target_project":"ap-southeast-1","target_service":svc})),
            &CTX,
        )
    };
    assert!(push("ELB").is_empty());
    assert_eq!(push("OBS")[0].field, "target_service");
    let import = |name: String| {
        validate_received(
            Service::Scm,
            "import_certificate",
            &[],
            &[],
            Some(json!({"name":name,"certificate":"-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----",
                        "certificate_chain":"","private_key":"-----BEGIN PRIVATE KEY-----\nA\n-----END PRIVATE KEY-----"})),
            &CTX,
        )
    };
    assert!(import("a".repeat(63)).is_empty());
    assert_eq!(import("a".repeat(64))[0].field, "name");
}

#[test]
fn list_queries() {
    use ccm_api::pca::cas::{list_certificate_authority, CaListQuery};
    for (limit, ok) in [(-1, false), (0, true), (1000, true), (1001, false)] {
        let req = list_certificate_authority(&CaListQuery { limit: Some(limit), ..Default::default() });
        assert_eq!(validate_request(&req, &CTX).is_empty(), ok, "{limit}");
    }
    let q = |k: &str, v: &str| {
        validate_received(Service::Ccm, "list_certificate_authority", &[], &[(k.to_owned(), v.to_owned())], None, &CTX)
    };
    // Both spellings of the type sort key are accepted.
    assert!(q("sort_key", "type").is_empty() && q("sort_key", "ca_type").is_empty());
    assert_eq!(q("sort_key", "serial").len(), 1);
    assert!(q("name", &"n".repeat(64)).is_empty());
    assert_eq!(q("name", &"n".repeat(65)).len(), 1);
    assert_eq!(q("name", "").len(), 1);
    assert_eq!(q("status", "ACTIVE")[0].field, "status");
    assert_eq!(q("offset", "-1")[0].field, "offset");
}

#[test]
fn every_condition_is_used_and_tested_here() {
    let me = include_str!("validation_rules.rs");
    for c in CONDITIONS {
        assert!(RULE_SETS.iter().any(|s| s.conditions.contains(c)), "{} is never used", c.id);
        assert!(!c.summary.is_empty() && !c.fields.is_empty());
    }
    // Each condition has a test above, named after what it enforces.
    for name in [
        "root_ca_needs_validity",
        "validity_limits_by_unit",
        "start_from_may_be",
        "crl_settings",
        "san_count_and_values",
        "exports_and_revocations",
    ] {
        assert!(me.contains(&format!("fn {name}")), "{name}");
    }
    // The SSL lifecycle's seven are tested in crates/ccm-api/src/validate.rs
    // (`ssl_tests`), next to their rules.
    let ssl_tests = include_str!("../src/validate.rs");
    for name in [
        "privacy_protection_agreed",
        "domain_numbers_by_domain_type",
        "apply_sans_are_distinct_dns_names",
        "deploy_target_fields_by_service",
        "enterprise_csr_needs_company",
        "csr_sans_are_dns_names",
        "notice_list",
    ] {
        assert!(CONDITIONS.iter().any(|c| c.id == name), "{name}");
    }
    for name in ["subscribe_limits", "apply_limits", "deploy_limits", "csr_limits", "notification_lists"] {
        assert!(ssl_tests.contains(&format!("fn {name}")), "{name}");
    }
    assert_eq!(CONDITIONS.len(), 15);
}

#[test]
fn messages_name_the_field_and_what_is_allowed() {
    let msgs = ccm_messages("create_certificate_authority", {
        let mut b = root(json!({"type":"YEAR","value":1}));
        b["distinguished_name"]["country"] = json!("CHN");
        b
    });
    assert_eq!(msgs.len(), 1);
    assert_eq!(msgs[0], "distinguished_name.country: has 3 characters; allowed: exactly 2 characters");
    let msgs = ccm_messages("create_certificate_authority", {
        let mut b = root(json!({"type":"YEAR","value":1}));
        b["distinguished_name"]["country"] = json!("C1");
        b
    });
    assert!(msgs[0].contains("two-letter country code"), "{}", msgs[0]);
    // Input::from_request recovers path parameters through the operation table.
    let req = ccm_api::pca::certs::show_certificate("abc");
    let input = Input::from_request(&req);
    assert_eq!(input.path["certificate_id"], "abc");
}

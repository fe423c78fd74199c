//! The demo and scale seeds: what they hold, that the demo's PKI is real,
//! and how long the scale seed takes to build (printed, not asserted).

use std::time::Instant;

use ccm_api::Method;
use ccm_emulator::seed::{self, Seed, SCALE_CAS, SCALE_CERTIFICATES, SCALE_SSL_CERTIFICATES};
use ccm_emulator::{EmuRequest, Emulator, EmulatorConfig, State};
use ccm_pki::pem::certificates_from_pem;
use ccm_pki::verify::verify_chain;

const NOW: i64 = 1_764_000_000_000;
const DAY: i64 = 86_400_000;

fn count<T>(items: &[T], pred: impl Fn(&T) -> bool) -> usize {
    items.iter().filter(|i| pred(i)).count()
}

fn der(pem: &str) -> Vec<Vec<u8>> {
    certificates_from_pem(pem).unwrap()
}

#[test]
fn demo_holds_a_hierarchy_and_certificates_in_every_status() {
    let started = Instant::now();
    let state = seed::demo(NOW);
    println!("demo seed built in {:?}", started.elapsed());

    let status = |s: &str| count(&state.cas, |c| c.info.status.as_str() == s);
    assert_eq!(count(&state.cas, |c| c.info.is_root()), 1);
    assert_eq!((status("ACTIVED"), status("DISABLED"), status("PENDING")), (2, 1, 1));
    let pending = state.cas.iter().find(|c| c.info.status.as_str() == "PENDING").unwrap();
    assert!(pending.certificate_pem.is_none() && !pending.key_pem.is_empty());

    assert!(state.certificates.len() >= 12);
    let cert_status = |s: &str| count(&state.certificates, |c| c.info.status.as_str() == s);
    assert!(cert_status("ISSUED") >= 6);
    assert_eq!((cert_status("REVOKED"), cert_status("EXPIRED")), (2, 2));
    let soon = |t: Option<i64>| t.is_some_and(|t| t > NOW && t < NOW + 30 * DAY);
    assert!(count(&state.certificates, |c| c.info.status.as_str() == "ISSUED" && soon(c.info.not_after)) >= 1);
    assert_eq!(count(&state.certificates, |c| c.key_pem.is_none()), 1, "one issued from a CSR");
    // Revoked serials are on their issuer's list.
    let issuing = state.cas.iter().find(|c| c.info.distinguished_name.common_name == "Example Corp Issuing CA").unwrap();
    assert_eq!(issuing.revoked_serials.len(), 2);

    // Every private certificate verifies up to the root at its own time,
    // and its key (when held) belongs to it.
    let root = state.cas.iter().find(|c| c.info.is_root()).unwrap();
    let anchor = der(root.certificate_pem.as_deref().unwrap());
    for c in &state.certificates {
        let mut chain = der(&c.certificate_pem);
        for p in &c.chain_pem {
            chain.extend(der(p));
        }
        let at = (c.info.not_before.unwrap() + DAY) / 1000;
        verify_chain(&chain, &anchor, at).unwrap_or_else(|e| panic!("{}: {e}", c.info.distinguished_name.common_name));
        if let Some(k) = &c.key_pem {
            assert!(ccm_pki::key_matches_certificate(k.as_bytes(), c.certificate_pem.as_bytes()).unwrap());
        }
        let decoded = ccm_pki::decode_certificate(c.certificate_pem.as_bytes()).unwrap();
        assert_eq!(decoded.not_after * 1000, c.info.not_after.unwrap());
        assert_eq!(decoded.serial_hex, c.info.serial_number.clone().unwrap().trim_start_matches('0'));
    }
    for ca in state.cas.iter().filter(|c| c.certificate_pem.is_some()) {
        let mut chain = der(ca.certificate_pem.as_deref().unwrap());
        for p in &ca.chain_pem {
            chain.extend(der(p));
        }
        verify_chain(&chain, &anchor, NOW / 1000).unwrap();
        assert!(ccm_pki::key_matches_certificate(ca.key_pem.as_bytes(), ca.certificate_pem.as_deref().unwrap().as_bytes()).unwrap());
    }

    // SSL certificates: issued, uploaded, expired, ordered, under review;
    // one expires within 30 days.
    let scm_status = |s: &str| count(&state.scm, |r| r.info.status.as_ref().is_some_and(|st| st.as_str() == s));
    for s in ["ISSUED", "UPLOAD", "EXPIRED", "PAID", "CHECKING"] {
        assert!(scm_status(s) >= 1, "{s}");
    }
    let expiring = count(&state.scm, |r| ccm_emulator::scm::not_after_ms(&r.info).is_some_and(|t| t > NOW && t < NOW + 30 * DAY));
    assert_eq!(expiring, 1);
    for r in state.scm.iter().filter(|r| !r.certificate_pem.is_empty()) {
        assert_eq!(r.info.id.len(), 16);
        assert!(ccm_pki::key_matches_certificate(r.key_pem.as_bytes(), r.certificate_pem.as_bytes()).unwrap());
        let mut chain = der(&r.certificate_pem);
        chain.extend(der(&r.chain_pem));
        let at = ccm_emulator::scm::parse_scm_time(r.info.not_before.as_deref().unwrap()).unwrap() / 1000 + 86_400;
        verify_chain(&chain, &[], at).unwrap();
    }

    // It survives a save and a load.
    assert_eq!(State::from_json(&state.to_json()).unwrap(), state);
}

#[test]
fn demo_answers_through_the_api() {
    let mut emu = Emulator::new(EmulatorConfig::default(), seed::demo(NOW));
    let body = serde_json::json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}}});
    let sign_in = EmuRequest {
        method: Method::Post,
        host: "iam.ap-southeast-1.myhuaweicloud.com".into(),
        path: "/v3/auth/tokens".into(),
        raw_query: String::new(),
        headers: Vec::new(),
        body: body.to_string().into_bytes(),
    };
    let r = emu.handle(&sign_in, NOW);
    let token = r.headers.iter().find(|(k, _)| k == "X-Subject-Token").unwrap().1.clone();
    let get = |emu: &mut Emulator, host: &str, path: &str, query: &str| {
        let r = emu.handle(
            &EmuRequest {
                method: Method::Get,
                host: host.into(),
                path: path.into(),
                raw_query: query.into(),
                headers: vec![("X-Auth-Token".into(), token.clone())],
                body: Vec::new(),
            },
            NOW,
        );
        assert_eq!(r.status, 200, "{path}: {:?}", r.body_json());
        r.body_json()
    };
    let cas = get(&mut emu, "ccm.ap-southeast-3.myhuaweicloud.com", "/v1/private-certificate-authorities", "limit=50");
    assert_eq!(cas["total"], 4);
    let scm = get(&mut emu, "scm.ap-southeast-1.myhuaweicloud.com", "/v3/scm/certificates", "limit=50");
    assert_eq!(scm["total_count"], 7);
    let shown = get(&mut emu, "scm.ap-southeast-1.myhuaweicloud.com", &format!("/v3/scm/certificates/{}", scm["certificates"][0]["id"].as_str().unwrap()), "");
    assert!(shown["name"].is_string());
}

#[test]
fn demo_ids_are_the_same_on_every_run() {
    let a = seed::demo(NOW);
    let b = seed::demo(NOW + 1000);
    let ids = |s: &State| s.cas.iter().map(|c| c.info.ca_id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&a), ids(&b));
}

#[test]
fn scale_has_the_counts_and_loads_quickly() {
    let started = Instant::now();
    let state = seed::scale(NOW);
    let built = started.elapsed();
    println!(
        "scale seed: {} CAs, {} private certificates, {} SSL certificates built in {built:?}",
        state.cas.len(),
        state.certificates.len(),
        state.scm.len()
    );
    assert_eq!(state.cas.len(), SCALE_CAS);
    assert_eq!(state.certificates.len(), SCALE_CERTIFICATES);
    assert_eq!(state.scm.len(), SCALE_SSL_CERTIFICATES);

    // Every CA status, every certificate status, every SCM list status.
    for s in ["ACTIVED", "DISABLED", "PENDING", "EXPIRED", "DELETED"] {
        assert!(count(&state.cas, |c| c.info.status.as_str() == s) > 0, "{s}");
    }
    for s in ["ISSUED", "REVOKED", "EXPIRED"] {
        assert!(count(&state.certificates, |c| c.info.status.as_str() == s) > 100, "{s}");
    }
    for s in ccm_api::validate::SCM_STATUS_FILTERS.iter().filter(|s| **s != "ALL") {
        assert!(count(&state.scm, |r| r.info.status.as_ref().is_some_and(|st| st.as_str() == *s)) > 0, "{s}");
    }
    // Ids are unique; every issuer exists and is created before what it issued.
    let mut ca_ids: Vec<&str> = state.cas.iter().map(|c| c.info.ca_id.as_str()).collect();
    ca_ids.sort();
    ca_ids.dedup();
    assert_eq!(ca_ids.len(), SCALE_CAS);
    let mut scm_ids: Vec<&str> = state.scm.iter().map(|r| r.info.id.as_str()).collect();
    scm_ids.sort();
    scm_ids.dedup();
    assert_eq!(scm_ids.len(), SCALE_SSL_CERTIFICATES);
    assert!(scm_ids.iter().all(|id| id.len() == 16));
    for c in &state.certificates {
        let issuer = state.ca(c.info.issuer_id.as_deref().unwrap()).unwrap();
        assert_eq!(issuer.info.status.as_str(), "ACTIVED");
        assert!(issuer.info.create_time <= c.info.create_time);
    }
    // The shared PEMs are real.
    assert!(ccm_pki::key_matches_certificate(state.certificates[1].key_pem.as_deref().unwrap().as_bytes(), state.certificates[1].certificate_pem.as_bytes()).unwrap());

    // Saving and loading it also takes seconds, not minutes.
    let started = Instant::now();
    let json = state.to_json();
    let loaded = State::from_json(&json).unwrap();
    println!("scale seed: {} MB of JSON, saved and loaded in {:?}", json.len() / 1_000_000, started.elapsed());
    assert_eq!(loaded.certificates.len(), SCALE_CERTIFICATES);

    // The quotas leave room.
    assert!(Seed::Scale.quotas().certificate_authorities > SCALE_CAS as u64);
}

#[test]
fn seeds_are_named_on_the_command_line() {
    assert_eq!("demo".parse::<Seed>(), Ok(Seed::Demo));
    assert_eq!("scale".parse::<Seed>(), Ok(Seed::Scale));
    assert_eq!("empty".parse::<Seed>(), Ok(Seed::Empty));
    assert!("full".parse::<Seed>().is_err());
    assert_eq!(Seed::Empty.state(NOW), State::default());
}

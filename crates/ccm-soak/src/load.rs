//! The load: a fixed number of keep-alive connections, each sending one
//! AK/SK-signed request after another (CA list, certificate list pages,
//! details, the SSL list), half through `/proxy/{host}/…` and half at the
//! server's root; and one certificate issuance a second beside them.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ccm_api::common::{DistinguishedName, KeyAlgorithm, SignatureAlgorithm, Validity};
use ccm_api::pca::{cas, certs};
use ccm_api::sign::{sdk_date, SigningInput};
use ccm_api::{scm, ApiRequest, Method};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use tokio::sync::Mutex;

use crate::SoakError;

/// The emulator's default access key (README, `ccm-serve --help`).
pub const AK: &str = "EMULATORAK0000000001";
pub const SK: &str = "emulatorSecretKey0000000000000000000000";
pub const CCM_HOST: &str = "ccm.ap-southeast-3.myhuaweicloud.com";
pub const SCM_HOST: &str = "scm.ap-southeast-1.myhuaweicloud.com";

/// How a request reaches the emulator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Route {
    /// `/proxy/{host}/…`, signed for the upstream host.
    Proxy,
    /// `/v1/…`, `/v3/…` at the server's root, signed for its own address.
    Root,
}

/// What a request asks for; the rows of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    CaList,
    CertificatePage,
    CaDetails,
    CertificateDetails,
    SslList,
    Issuance,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::CaList => "CA list",
            Kind::CertificatePage => "certificate list page",
            Kind::CaDetails => "CA details",
            Kind::CertificateDetails => "certificate details",
            Kind::SslList => "SSL certificate list",
            Kind::Issuance => "issuance (1/s)",
        }
    }
}

/// Ids found in the seeded emulator, to ask details of.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub ca_ids: Vec<String>,
    pub certificate_ids: Vec<String>,
    pub certificate_total: i64,
    /// An active CA that issues.
    pub issuer_id: String,
}

/// One finished request.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub kind: Kind,
    pub route: Route,
    pub micros: u64,
    /// HTTP status, or `None` when no answer came (connection error, timeout).
    pub status: Option<u16>,
}

/// Every sample of one phase.
#[derive(Debug, Default)]
pub struct Samples {
    pub samples: Vec<Sample>,
    pub elapsed: Duration,
}

impl Samples {
    pub fn requests_per_second(&self) -> f64 {
        self.samples.len() as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Latency percentiles (0 to 100) of the samples that match, in ms.
    pub fn percentile_ms(&self, pct: f64, filter: impl Fn(&Sample) -> bool) -> Option<f64> {
        let mut micros: Vec<u64> = self.samples.iter().filter(|s| filter(s)).map(|s| s.micros).collect();
        if micros.is_empty() {
            return None;
        }
        micros.sort_unstable();
        let rank = ((pct / 100.0) * micros.len() as f64).ceil() as usize;
        Some(micros[rank.clamp(1, micros.len()) - 1] as f64 / 1000.0)
    }

    /// Answers that are not 2xx, and failures without an answer, by
    /// status (`None`: no answer).
    pub fn errors_by_status(&self) -> BTreeMap<Option<u16>, usize> {
        let mut out = BTreeMap::new();
        for s in &self.samples {
            if !s.status.is_some_and(|c| (200..300).contains(&c)) {
                *out.entry(s.status).or_insert(0) += 1;
            }
        }
        out
    }
}

/// A signed request, ready to send.
struct Prepared {
    url: String,
    method: reqwest::Method,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

/// Signs `req` with AK/SK for the host it will be received as.
fn prepare(base_url: &str, authority: &str, upstream_host: &str, route: Route, req: &ApiRequest) -> Prepared {
    let (url, signed_host) = match route {
        Route::Proxy => (format!("{base_url}/proxy/{upstream_host}{}", req.path_and_query()), upstream_host),
        Route::Root => (format!("{base_url}{}", req.path_and_query()), authority),
    };
    let body = if req.body.is_some() { req.body_bytes() } else { Vec::new() };
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or_default();
    let date = sdk_date(now_ms);
    let query = req.query_string();
    let signed = [("Content-Type", "application/json"), ("X-Sdk-Date", date.as_str())];
    let input = SigningInput {
        method: req.method.as_str(),
        host: signed_host,
        path: &req.path,
        canonical_query: &query,
        headers: &signed,
        body: &body,
    };
    let authorization = input.authorization(&date, AK, SK);
    let method = match req.method {
        Method::Get => reqwest::Method::GET,
        Method::Post => reqwest::Method::POST,
        Method::Put => reqwest::Method::PUT,
        Method::Delete => reqwest::Method::DELETE,
        Method::Head => reqwest::Method::HEAD,
    };
    let headers = vec![
        ("Content-Type", "application/json".to_owned()),
        ("X-Sdk-Date", date),
        ("Authorization", authorization),
    ];
    Prepared { url, method, headers, body }
}

/// A client with exactly one keep-alive connection.
pub fn one_connection_client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .pool_max_idle_per_host(1)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("an HTTP client without TLS builds")
}

/// Sends one signed request; the whole body is read before the clock stops.
async fn send(client: &reqwest::Client, prepared: Prepared) -> (Option<u16>, Vec<u8>) {
    let mut builder = client.request(prepared.method, &prepared.url).body(prepared.body);
    for (k, v) in prepared.headers {
        builder = builder.header(k, v);
    }
    match builder.send().await {
        Ok(r) => {
            let status = r.status().as_u16();
            match r.bytes().await {
                Ok(b) => (Some(status), b.to_vec()),
                Err(_) => (None, Vec::new()),
            }
        }
        Err(_) => (None, Vec::new()),
    }
}

/// Where the load goes and what it may ask for.
#[derive(Clone)]
pub struct Target {
    pub base_url: String,
    pub authority: String,
    pub catalogue: Arc<Catalogue>,
}

impl Target {
    async fn call(&self, client: &reqwest::Client, route: Route, req: &ApiRequest) -> (Option<u16>, Vec<u8>) {
        let host = if req.service == ccm_api::Service::Scm { SCM_HOST } else { CCM_HOST };
        send(client, prepare(&self.base_url, &self.authority, host, route, req)).await
    }

    /// A JSON answer to a signed GET at the root, or why not.
    async fn get_json(&self, client: &reqwest::Client, req: &ApiRequest) -> Result<serde_json::Value, SoakError> {
        let (status, body) = self.call(client, Route::Root, req).await;
        if status != Some(200) {
            return Err(SoakError::Discover(format!("{} answered {status:?}: {}", req.path, String::from_utf8_lossy(&body))));
        }
        serde_json::from_slice(&body).map_err(|e| SoakError::Discover(format!("{}: {e}", req.path)))
    }
}

/// Reads the ids the load asks details of from the seeded emulator.
pub async fn discover(base_url: &str, authority: &str) -> Result<Catalogue, SoakError> {
    let probe = Target {
        base_url: base_url.to_owned(),
        authority: authority.to_owned(),
        catalogue: Arc::new(Catalogue { ca_ids: vec![], certificate_ids: vec![], certificate_total: 0, issuer_id: String::new() }),
    };
    let client = one_connection_client();
    let list = probe.get_json(&client, &cas::list_certificate_authority(&cas::CaListQuery { limit: Some(1000), ..Default::default() })).await?;
    let all_cas = list["certificate_authorities"].as_array().cloned().unwrap_or_default();
    let ca_ids: Vec<String> = all_cas.iter().filter_map(|c| c["ca_id"].as_str().map(str::to_owned)).collect();
    let issuer_id = all_cas
        .iter()
        .find(|c| c["status"] == "ACTIVED" && c["type"] == "SUBORDINATE")
        .or_else(|| all_cas.iter().find(|c| c["status"] == "ACTIVED"))
        .and_then(|c| c["ca_id"].as_str())
        .ok_or_else(|| SoakError::Discover("no active CA to issue from".into()))?
        .to_owned();
    let page = probe.get_json(&client, &certs::list_certificate(&certs::CertListQuery { limit: Some(1000), ..Default::default() })).await?;
    let certificate_ids = page["certificates"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c["certificate_id"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    let certificate_total = page["total"].as_i64().unwrap_or(0);
    if ca_ids.is_empty() {
        return Err(SoakError::Discover("the emulator holds no CAs: is it --seed scale?".into()));
    }
    Ok(Catalogue { ca_ids, certificate_ids, certificate_total, issuer_id })
}

/// The request mix, drawn at random: lists and pages most, details next.
fn pick(rng: &mut StdRng, catalogue: &Catalogue) -> (Kind, ApiRequest) {
    let roll = rng.gen_range(0..100);
    match roll {
        0..=24 => {
            let offset = rng.gen_range(0..catalogue.ca_ids.len() as i64 / 10 + 1) * 10;
            (Kind::CaList, cas::list_certificate_authority(&cas::CaListQuery { limit: Some(10), offset: Some(offset), ..Default::default() }))
        }
        25..=54 => {
            let pages = catalogue.certificate_total.max(10) / 10;
            let offset = rng.gen_range(0..pages) * 10;
            (Kind::CertificatePage, certs::list_certificate(&certs::CertListQuery { limit: Some(10), offset: Some(offset), ..Default::default() }))
        }
        55..=69 => {
            let id = &catalogue.ca_ids[rng.gen_range(0..catalogue.ca_ids.len())];
            (Kind::CaDetails, cas::show_certificate_authority(id))
        }
        70..=89 if !catalogue.certificate_ids.is_empty() => {
            let id = &catalogue.certificate_ids[rng.gen_range(0..catalogue.certificate_ids.len())];
            (Kind::CertificateDetails, certs::show_certificate(id))
        }
        _ => (Kind::SslList, scm::list_certificates(&scm::ScmListQuery { limit: Some(10), ..Default::default() })),
    }
}

/// Runs `connections` workers and the issuer until `duration` is up.
pub async fn run(target: Target, connections: usize, duration: Duration, seed: u64) -> Samples {
    let started = Instant::now();
    let deadline = started + duration;
    let collected = Arc::new(Mutex::new(Vec::new()));
    let mut tasks = Vec::new();
    for worker in 0..connections {
        let (target, collected) = (target.clone(), collected.clone());
        tasks.push(tokio::spawn(async move {
            let mut rng = StdRng::seed_from_u64(seed.wrapping_add(worker as u64));
            let client = one_connection_client();
            let mut mine = Vec::new();
            while Instant::now() < deadline {
                let (kind, req) = pick(&mut rng, &target.catalogue);
                let route = if rng.gen_bool(0.5) { Route::Proxy } else { Route::Root };
                let sent = Instant::now();
                let (status, _) = target.call(&client, route, &req).await;
                mine.push(Sample { kind, route, micros: sent.elapsed().as_micros() as u64, status });
            }
            collected.lock().await.extend(mine);
        }));
    }
    let (issuer_target, issuer_collected) = (target.clone(), collected.clone());
    tasks.push(tokio::spawn(async move {
        let client = one_connection_client();
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        let mut mine = Vec::new();
        for n in 0u64.. {
            tick.tick().await;
            if Instant::now() >= deadline {
                break;
            }
            let body = certs::CreateCertificateBody::new(
                &issuer_target.catalogue.issuer_id,
                KeyAlgorithm::Ec256,
                SignatureAlgorithm::Sha256,
                DistinguishedName { common_name: format!("soak-{seed}-{n}.internal.example.com"), ..Default::default() },
                Validity::days(30),
            );
            let route = if n % 2 == 0 { Route::Proxy } else { Route::Root };
            let sent = Instant::now();
            let (status, _) = issuer_target.call(&client, route, &certs::create_certificate(&body)).await;
            mine.push(Sample { kind: Kind::Issuance, route, micros: sent.elapsed().as_micros() as u64, status });
        }
        issuer_collected.lock().await.extend(mine);
    }));
    for t in tasks {
        let _ = t.await;
    }
    let samples = std::mem::take(&mut *collected.lock().await);
    Samples { samples, elapsed: started.elapsed() }
}

//! `--state` survives SIGKILL: the real binary creates CAs as fast as four
//! clients ask, is killed at a random moment (every other round, the first
//! moment after it that a state write is under way), and is started again
//! on the same file, 20 times. After
//! each kill the file must load and hold every CA whose creation was
//! answered 200.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ccm_api::common::{DistinguishedName, KeyAlgorithm, SignatureAlgorithm, Validity};
use ccm_api::pca::cas::{self, CreateCertificateAuthorityBody};
use ccm_emulator::State;
use ccm_serve::state_file::temporary_path;

const BIN: &str = env!("CARGO_BIN_EXE_ccm-serve");
const ROUNDS: usize = 20;
const CLIENTS: usize = 4;
/// Bounds of the random time between start-up and the kill.
const KILL_AFTER_MS: std::ops::Range<u64> = 40..400;
/// How long a round may wait for a write to start before killing anyway.
const WAIT_FOR_WRITE: Duration = Duration::from_secs(1);

/// splitmix64: a few random numbers without another dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn in_range(&mut self, range: std::ops::Range<u64>) -> u64 {
        range.start + self.next() % (range.end - range.start)
    }
}

/// Starts ccm-serve on a free loopback port; returns it and its base URL.
fn start(state: &Path) -> (Child, String) {
    let mut child = Command::new(BIN)
        .args(["--listen", "127.0.0.1:0", "--dist", "no-such-dist", "--emulate", "--quota-cas", "1000000", "--state"])
        .arg(state)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let Some(url) = line.trim().strip_prefix("ccm-serve listening on ") else {
        let _ = child.kill();
        let mut log = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut log).unwrap();
        panic!("ccm-serve did not start on {}: {log}", state.display());
    };
    let url = url.trim_end_matches('/').to_owned();
    (child, url)
}

fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(20)).build().unwrap()
}

async fn sign_in(client: &reqwest::Client, url: &str) -> String {
    let body = serde_json::json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "demo-password", "domain": {"name": "demo"}}}}}});
    let r = client
        .post(format!("{url}/v3/auth/tokens"))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    r.headers()["x-subject-token"].to_str().unwrap().to_owned()
}

/// Creates EC P-256 root CAs until the server goes away, adding the id of
/// each one acknowledged with a 200 to `acknowledged`.
async fn create_until_killed(url: String, token: String, name: String, acknowledged: Arc<Mutex<Vec<String>>>) {
    let client = client();
    for n in 0.. {
        let body = CreateCertificateAuthorityBody::root(
            DistinguishedName::full(&format!("{name} {n}"), "CN", "Sichuan", "Chengdu", "Example", "PKI"),
            KeyAlgorithm::Ec256,
            SignatureAlgorithm::Sha256,
            Validity::years(1),
        );
        let req = cas::create_certificate_authority(&body);
        let sent = client
            .post(format!("{url}{}", req.path))
            .header("Content-Type", "application/json")
            .header("X-Auth-Token", &token)
            .body(req.body_bytes())
            .send()
            .await;
        let Ok(r) = sent else { return };
        if r.status() != 200 {
            // A refusal is a test failure, not a crash: report it.
            let status = r.status();
            panic!("create answered {status}: {}", r.text().await.unwrap_or_default());
        }
        let Ok(bytes) = r.bytes().await else { return };
        let answer: serde_json::Value = serde_json::from_slice(&bytes).expect("a JSON answer");
        let id = answer["ca_id"].as_str().expect("ca_id").to_owned();
        acknowledged.lock().unwrap().push(id);
    }
}

#[test]
fn acknowledged_creations_survive_sigkill_during_state_writes() {
    let started = Instant::now();
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    println!("kill delays seeded with {seed}");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();

    let mut acknowledged_so_far: BTreeSet<String> = BTreeSet::new();
    let mut killed_mid_write = 0;
    for round in 0..ROUNDS {
        let (mut child, url) = start(&state);
        let acknowledged = Arc::new(Mutex::new(Vec::new()));
        let delay = Duration::from_millis(rng.in_range(KILL_AFTER_MS));
        runtime.block_on(async {
            let token = sign_in(&client(), &url).await;
            let creators: Vec<_> = (0..CLIENTS)
                .map(|c| {
                    let name = format!("Crash {round}.{c}");
                    tokio::spawn(create_until_killed(url.clone(), token.clone(), name, acknowledged.clone()))
                })
                .collect();
            tokio::time::sleep(delay).await;
            if round % 2 == 1 {
                // Every other round waits for a write to be under way
                // (the temporary file is there), so that many kills land
                // inside one rather than between two.
                let temporary = temporary_path(&state);
                let _ = tokio::task::spawn_blocking(move || {
                    let deadline = Instant::now() + WAIT_FOR_WRITE;
                    while !temporary.exists() && Instant::now() < deadline {
                        std::hint::spin_loop();
                    }
                })
                .await;
            }
            // std's kill is SIGKILL on Unix: no handler, no flush.
            child.kill().unwrap();
            child.wait().unwrap();
            for creator in creators {
                if let Err(e) = creator.await {
                    std::panic::resume_unwind(e.into_panic());
                }
            }
        });
        if temporary_path(&state).exists() {
            killed_mid_write += 1;
        }

        let text = std::fs::read_to_string(&state).unwrap();
        let saved = State::from_json(&text).unwrap_or_else(|e| panic!("round {round}: the state file does not load: {e}"));
        let on_disk: BTreeSet<&str> = saved.cas.iter().map(|c| c.info.ca_id.as_str()).collect();
        acknowledged_so_far.extend(acknowledged.lock().unwrap().drain(..));
        let lost: Vec<&String> = acknowledged_so_far.iter().filter(|id| !on_disk.contains(id.as_str())).collect();
        assert!(lost.is_empty(), "round {round} (killed after {delay:?}): acknowledged but not saved: {lost:?}");
    }

    // Once more: the last file loads in the server and it lists them all.
    let (mut child, url) = start(&state);
    let total = runtime.block_on(async {
        let client = client();
        let token = sign_in(&client, &url).await;
        let list = cas::list_certificate_authority(&cas::CaListQuery { limit: Some(1), ..Default::default() });
        let r = client
            .get(format!("{url}{}", list.path_and_query()))
            .header("X-Auth-Token", &token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let answer: serde_json::Value = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
        answer["total"].as_u64().unwrap()
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(total as usize >= acknowledged_so_far.len(), "{total} listed, {} acknowledged", acknowledged_so_far.len());
    println!(
        "{ROUNDS} kills, {killed_mid_write} in the middle of a state write; {} creations acknowledged, all on disk; {:?}",
        acknowledged_so_far.len(),
        started.elapsed()
    );
    assert!(!acknowledged_so_far.is_empty(), "no creation was acknowledged: nothing was tested");
    assert!(killed_mid_write >= ROUNDS / 4, "only {killed_mid_write} kills landed in a write: too few to tell");
}

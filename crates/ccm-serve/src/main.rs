//! Command line for ccm-serve: flags in, [`ccm_serve::Config`] out.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use std::sync::Arc;

use clap::Parser;
use ccm_emulator::faults::{FaultConfig, FaultPlan};
use ccm_emulator::seed::Seed;
use ccm_serve::emulate::EmulatorUpstream;
use ccm_serve::LocalUpstream;

use ccm_serve::{AllowList, Config, HostPattern, IndexPage, Origin, UpstreamOverride};

/// Serves the ccm-console build and a CORS proxy to Huawei Cloud endpoints.
#[derive(Debug, Parser)]
#[command(name = "ccm-serve", version, about)]
struct Cli {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,

    /// The console build directory (trunk's output).
    #[arg(long, default_value = "dist")]
    dist: PathBuf,

    /// Another upstream host pattern the proxy may reach, in addition to
    /// *.myhuaweicloud.com and *.myhuaweicloud.eu. `*.example.com` matches
    /// subdomains only; a name without `*` matches exactly. Repeatable.
    #[arg(long = "allow-host", value_name = "PATTERN")]
    allow_host: Vec<HostPattern>,

    /// A web origin (scheme://host[:port]) allowed to use /proxy from a
    /// browser, besides this server's own. Repeatable.
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    allow_origin: Vec<Origin>,

    /// Send requests for HOST to URL instead of https://HOST (Host header
    /// unchanged). HOST must be allowed. Repeatable.
    #[arg(long = "upstream-override", value_name = "HOST=URL")]
    upstream_override: Vec<UpstreamOverride>,

    /// An origin added to the CSP's connect-src (a proxy on another origin).
    /// Repeatable.
    #[arg(long = "connect-src", value_name = "ORIGIN")]
    connect_src: Vec<Origin>,

    /// How long the proxy waits for a whole upstream exchange (connect,
    /// answer and body) before answering 504 PROXY.UPSTREAM_TIMEOUT.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=3600))]
    upstream_timeout: u64,

    /// Print the Content-Security-Policy computed for --dist and exit.
    #[arg(long)]
    print_csp: bool,

    /// Answer the CCM, SCM and IAM hosts of every region preset with the
    /// built-in emulator (through /proxy and at /v1, /v3), instead of
    /// forwarding them to Huawei Cloud.
    #[arg(long)]
    emulate: bool,

    /// Emulator: keep its data in this JSON file (loaded at start, saved
    /// after every change and before it is answered, through a temporary
    /// file and a rename so a crash never leaves it half written). A file
    /// that does not exist yet is created from --seed.
    #[arg(long, value_name = "FILE", requires = "emulate")]
    state: Option<PathBuf>,

    /// Emulator: what a fresh emulator holds. `empty`: nothing (a new
    /// account); `demo`: a CA hierarchy, private and SSL certificates in
    /// every status, all real X.509; `scale`: 1,000 CAs, 10,000 private and
    /// 500 SSL certificates (with room in the quotas). Ignored when the
    /// --state file exists.
    #[arg(long, value_name = "demo|scale|empty", default_value = "empty", requires = "emulate")]
    seed: Seed,

    /// Emulator: how many private CAs the account may hold (the
    /// reference's default is 100; `--seed scale` raises it to 2,000).
    #[arg(long, value_name = "N", requires = "emulate")]
    quota_cas: Option<u64>,

    /// Emulator: how many private certificates the account may hold
    /// (default 100,000).
    #[arg(long, value_name = "N", requires = "emulate")]
    quota_certificates: Option<u64>,

    /// Emulator fault: wait this long before every answer.
    #[arg(long, value_name = "MS", requires = "emulate")]
    fault_latency_ms: Option<u64>,

    /// Emulator fault: answer this share (0 to 1) of the requests to ROUTE
    /// with a 500. ROUTE: an SDK operation name (`list_certificates`,
    /// `scm.export_certificate`), a path prefix (`/v3/scm`, `POST
    /// /v1/private-certificates`) or `*`. Repeatable.
    #[arg(long, value_name = "ROUTE=RATE", requires = "emulate")]
    fault_error_rate: Vec<String>,

    /// Emulator fault: cut the answers to ROUTE in half, so they are not
    /// JSON (the request itself is carried out). Repeatable.
    #[arg(long, value_name = "ROUTE", requires = "emulate")]
    fault_malformed: Vec<String>,

    /// Emulator fault: close the connection halfway through the answers to
    /// ROUTE (the request itself is carried out). Repeatable.
    #[arg(long, value_name = "ROUTE", requires = "emulate")]
    fault_drop: Vec<String>,

    /// Emulator fault: refuse the next N requests to ROUTE with a 429
    /// (throttled, `Retry-After: 1`). Repeatable.
    #[arg(long, value_name = "ROUTE=N", requires = "emulate")]
    fault_throttle: Vec<String>,

    /// Emulator fault: IAM tokens expire after this many seconds instead
    /// of 24 hours.
    #[arg(long, value_name = "SECS", requires = "emulate")]
    fault_token_ttl_secs: Option<u64>,

    /// Emulator fault: seed of the random choice behind --fault-error-rate,
    /// for repeatable runs.
    #[arg(long, value_name = "N", requires = "emulate")]
    fault_seed: Option<u64>,

    /// Emulator, for demos: validate every domain of an SSL certificate
    /// application this many seconds after it was made, and issue it.
    /// Without it only `POST /__emulator/validate` validates.
    #[arg(long, value_name = "SECS", requires = "emulate", value_parser = clap::value_parser!(u64).range(0..=86_400))]
    auto_validate_secs: Option<u64>,

    /// Emulator: the account (domain) name users sign in to.
    #[arg(long, default_value = "demo", requires = "emulate")]
    account: String,

    /// Emulator: the IAM user name accepted for password sign-in.
    #[arg(long, default_value = "demo", requires = "emulate")]
    user: String,

    /// Emulator: that user's password.
    #[arg(long, default_value = "demo-password", requires = "emulate")]
    password: String,

    /// Emulator: the access key id accepted for AK/SK signatures.
    #[arg(long, default_value = "EMULATORAK0000000001", requires = "emulate")]
    ak: String,

    /// Emulator: the secret access key of --ak.
    #[arg(long, default_value = "emulatorSecretKey0000000000000000000000", requires = "emulate")]
    sk: String,

    /// Emulator: the account (domain) id.
    #[arg(long, default_value = "0123456789abcdef0123456789abcdef", requires = "emulate")]
    domain_id: String,
}

/// The fault settings of the `--fault-*` flags.
fn fault_config(cli: &Cli) -> Result<FaultConfig, String> {
    let mut config = FaultConfig {
        latency_ms: cli.fault_latency_ms.unwrap_or(0),
        malformed: cli.fault_malformed.clone(),
        drop: cli.fault_drop.clone(),
        token_ttl_secs: cli.fault_token_ttl_secs,
        seed: cli.fault_seed,
        ..FaultConfig::default()
    };
    for pair in &cli.fault_error_rate {
        let (route, rate) = pair
            .rsplit_once('=')
            .ok_or_else(|| format!("--fault-error-rate {pair}: expected ROUTE=RATE, such as list_certificates=0.5"))?;
        let rate: f64 = rate.trim().parse().map_err(|_| format!("--fault-error-rate {pair}: {rate} is not a number"))?;
        config.error_rate.insert(route.trim().to_owned(), rate);
    }
    for pair in &cli.fault_throttle {
        let (route, count) = pair
            .rsplit_once('=')
            .ok_or_else(|| format!("--fault-throttle {pair}: expected ROUTE=N, such as list_certificates=3"))?;
        let count: u32 = count.trim().parse().map_err(|_| format!("--fault-throttle {pair}: {count} is not a count"))?;
        config.throttle.insert(route.trim().to_owned(), count);
    }
    config.validate()?;
    Ok(config)
}

/// Builds the emulator from the flags: `--state` when the file exists,
/// else `--seed` (written to `--state` when one is given).
fn emulator(cli: &Cli) -> Result<ccm_emulator::Emulator, String> {
    use ccm_emulator::{AccessKey, Account, EmulatorConfig, User};
    let account = Account {
        name: cli.account.clone(),
        domain_id: cli.domain_id.clone(),
        users: vec![User { name: cli.user.clone(), password: cli.password.clone() }],
        access_keys: vec![AccessKey { ak: cli.ak.clone(), sk: cli.sk.clone() }],
    };
    let faults = FaultPlan::new(fault_config(cli)?)?;
    let loaded = match &cli.state {
        Some(path) if path.exists() => {
            let mut state = ccm_serve::state_file::load(path).map_err(|e| e.to_string())?;
            // Hand-written states may list CAs without keys or certificates.
            ccm_emulator::seed::complete_material(&mut state);
            Some(state)
        }
        _ => None,
    };
    let state = match loaded {
        Some(state) => {
            if cli.seed != Seed::Empty {
                eprintln!("ccm-serve: --state file exists, so --seed is not used");
            }
            state
        }
        None => {
            let started = std::time::Instant::now();
            let now_ms = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis() as i64)
                .unwrap_or_default();
            let state = cli.seed.state(now_ms);
            if cli.seed != Seed::Empty {
                eprintln!(
                    "ccm-serve: seeded the emulator ({}): {} CAs, {} private certificates, {} SSL certificates in {} ms",
                    format!("{:?}", cli.seed).to_lowercase(),
                    state.cas.len(),
                    state.certificates.len(),
                    state.scm.len(),
                    started.elapsed().as_millis()
                );
            }
            if let Some(path) = &cli.state {
                ccm_serve::state_file::write_atomically(path, state.to_json().as_bytes()).map_err(|e| e.to_string())?;
            }
            state
        }
    };
    let mut quotas = cli.seed.quotas();
    quotas.certificate_authorities = cli.quota_cas.unwrap_or(quotas.certificate_authorities);
    quotas.certificates = cli.quota_certificates.unwrap_or(quotas.certificates);
    let auto_validate_after_ms = cli.auto_validate_secs.map(|s| s as i64 * 1000);
    if let Some(s) = cli.auto_validate_secs {
        eprintln!("ccm-serve: SSL certificate applications are validated and issued {s} s after they are made");
    }
    let mut emu = ccm_emulator::Emulator::new(EmulatorConfig { account, quotas, auto_validate_after_ms }, state);
    if !faults.is_off() {
        eprintln!("ccm-serve: emulator faults on: {}", serde_json::to_string(faults.config()).unwrap_or_default());
    }
    emu.faults = faults;
    Ok(emu)
}

/// Every CCM, SCM and IAM host of the region presets.
fn emulated_hosts() -> Vec<String> {
    use ccm_api::endpoints::{ccm_host, iam_host, scm_host, CCM_REGIONS, SCM_REGIONS};
    let mut hosts: Vec<String> = CCM_REGIONS.iter().map(|r| ccm_host(r)).collect();
    hosts.extend(SCM_REGIONS.iter().map(|r| scm_host(r)));
    hosts.extend(CCM_REGIONS.iter().chain(SCM_REGIONS).map(|r| iam_host(r)));
    hosts.push(iam_host(""));
    hosts.sort();
    hosts.dedup();
    hosts
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let emulation = cli.emulate.then(|| (emulator(&cli), cli.state.clone()));
    let mut config = Config {
        dist: cli.dist,
        allow_hosts: AllowList::with_extra(cli.allow_host),
        allow_origins: cli.allow_origin,
        upstream_overrides: cli.upstream_override,
        connect_src: cli.connect_src,
        upstream_timeout: std::time::Duration::from_secs(cli.upstream_timeout),
        ..Config::default()
    };
    if let Some((emu, state_file)) = emulation {
        let emu = match emu {
            Ok(e) => e,
            Err(e) => {
                eprintln!("ccm-serve: cannot start the emulator: {e}");
                return ExitCode::from(2);
            }
        };
        let upstream = Arc::new(EmulatorUpstream::new(emu, state_file));
        for host in emulated_hosts() {
            match host.parse::<HostPattern>() {
                Ok(p) => config.local_upstreams.push((p, upstream.clone() as Arc<dyn LocalUpstream>)),
                Err(e) => eprintln!("ccm-serve: skipping emulated host {host}: {e}"),
            }
        }
        config.root_api = Some(upstream.clone());
        config.emulator_admin = Some((*upstream).clone());
        eprintln!(
            "ccm-serve: emulating CCM, SCM and IAM. Sign in with account {}, user {}, password {} \
             (or AK {} / SK {}; account id {})",
            cli.account, cli.user, cli.password, cli.ak, cli.sk, cli.domain_id
        );
    }
    if let Err(e) = config.validate() {
        eprintln!("ccm-serve: {e}");
        return ExitCode::from(2);
    }

    if cli.print_csp {
        // A CSP without the loader's hash would break the console silently.
        return match IndexPage::load(&config.dist) {
            Ok(index) => {
                println!("{}", config.csp(Some(&index)));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("ccm-serve: {e}");
                ExitCode::FAILURE
            }
        };
    }

    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        // Logs on stderr; stdout carries only the listening URL.
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime starts");
    match runtime.block_on(serve(cli.listen, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ccm-serve: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(listen: SocketAddr, config: Config) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let addr = listener.local_addr()?;
    let app = ccm_serve::app(config);
    println!("ccm-serve listening on http://{addr}/");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await
}

/// Ctrl-C, or SIGTERM from a service manager or container runtime.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

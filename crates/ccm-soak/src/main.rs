//! `make soak`: figures, not pass/fail. Starts `ccm-serve --emulate --seed
//! scale` on loopback and measures, in turn:
//!
//! 1. a bounded load: N keep-alive connections of signed CA and certificate
//!    requests, half through `/proxy`, half at the root, plus one issuance
//!    a second;
//! 2. the same load while M slow clients each send one header byte a
//!    second;
//! 3. the proxy in front of a local upstream that hangs, drips, is late,
//!    sends 50 MB or closes mid-body.
//!
//! Prints a markdown report (and writes it with `--out`). Everything runs on
//! 127.0.0.1, every loop is bounded by time or count, and ccm-serve is
//! killed at the end.

mod faults;
mod load;
mod server;
mod slow;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;

use crate::load::{Kind, Route, Samples};
use crate::server::Server;

/// Why the soak could not run (a figure that looks bad is not an error).
#[derive(Debug, thiserror::Error)]
pub enum SoakError {
    #[error("cannot start: {0}")]
    Start(String),
    #[error("cannot read the seeded emulator: {0}")]
    Discover(String),
    #[error("cannot read ccm-serve's memory: {0}")]
    Memory(String),
    #[error("cannot write the report {path}: {source}")]
    Report { path: PathBuf, source: std::io::Error },
}

#[derive(Debug, Parser)]
#[command(name = "ccm-soak", about = "Load, slow clients and failing upstreams against ccm-serve on loopback; prints figures.")]
struct Cli {
    /// The ccm-serve binary to measure.
    #[arg(long, default_value = "target/release/ccm-serve")]
    serve: PathBuf,
    /// Length of each load phase, in seconds.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    duration: u64,
    /// Keep-alive connections of the load.
    #[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u64).range(1..=1000))]
    connections: u64,
    /// Slow clients of the second phase (0: skip the phase).
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(0..=5000))]
    slow_connections: u64,
    /// The proxy's upstream timeout for the failing-upstream run, in seconds.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=60))]
    upstream_timeout: u64,
    /// Rounds of the failing-upstream run (0: skip it).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(0..=100))]
    fault_rounds: u64,
    /// Requests per failure at once in each round.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=64))]
    fault_parallel: u64,
    /// Seed of the request mix.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Also write the report here (markdown).
    #[arg(long)]
    out: Option<PathBuf>,
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime starts");
    match runtime.block_on(soak(&cli)) {
        Ok(report) => {
            println!("{report}");
            if let Some(path) = &cli.out {
                if let Err(source) = std::fs::write(path, &report) {
                    eprintln!("ccm-soak: {}", SoakError::Report { path: path.clone(), source });
                    return std::process::ExitCode::FAILURE;
                }
                eprintln!("ccm-soak: report written to {}", path.display());
            }
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ccm-soak: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn say(what: &str) {
    eprintln!("\x1b[1m==> {what}\x1b[0m");
}

/// Runs `work` while sampling the server's RSS every 100 ms; returns its
/// output and the highest RSS seen (KiB).
async fn with_rss_peak<T>(server: &Server, work: impl Future<Output = T>) -> (T, u64) {
    let peak = Arc::new(AtomicU64::new(server.rss_kib().unwrap_or(0)));
    let done = Arc::new(AtomicBool::new(false));
    let pid = server.pid();
    let sampler = {
        let (peak, done) = (peak.clone(), done.clone());
        tokio::spawn(async move {
            while !done.load(Ordering::Relaxed) {
                if let Some(kib) = rss_of(pid) {
                    peak.fetch_max(kib, Ordering::Relaxed);
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
    };
    let out = work.await;
    done.store(true, Ordering::Relaxed);
    let _ = sampler.await;
    (out, peak.load(Ordering::Relaxed))
}

fn rss_of(pid: u32) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines().find_map(|l| l.strip_prefix("VmRSS:"))?.trim().trim_end_matches("kB").trim().parse().ok()
}

async fn soak(cli: &Cli) -> Result<String, SoakError> {
    let upstream = faults::start_upstream().await?;
    say(&format!("ccm-serve --emulate --seed scale ({}), fake upstream on {upstream}", cli.serve.display()));
    let log = std::env::temp_dir().join(format!("ccm-soak-{}.log", std::process::id()));
    let args: Vec<String> = [
        "--dist",
        "no-console-build-needed",
        "--emulate",
        "--seed",
        "scale",
        "--allow-host",
        faults::UPSTREAM_HOST,
        "--upstream-override",
        &format!("{}=http://{upstream}", faults::UPSTREAM_HOST),
        "--upstream-timeout",
        &cli.upstream_timeout.to_string(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let started = Instant::now();
    let server = Server::start(&cli.serve, &args, log.clone())?;
    let start_secs = started.elapsed().as_secs_f64();
    let catalogue = load::discover(&server.base_url, &server.authority).await?;
    eprintln!(
        "    listening on {} after {start_secs:.1} s; {} CAs, {} certificates listed; log in {}",
        server.base_url,
        catalogue.ca_ids.len(),
        catalogue.certificate_total,
        server.log.display()
    );
    let target = load::Target { base_url: server.base_url.clone(), authority: server.authority.clone(), catalogue: Arc::new(catalogue) };
    let duration = Duration::from_secs(cli.duration);
    let connections = cli.connections as usize;

    let rss_start = server.rss_kib()?;
    say(&format!("load: {connections} connections for {duration:?}"));
    let (plain, plain_peak) = with_rss_peak(&server, load::run(target.clone(), connections, duration, cli.seed)).await;
    let rss_after_load = server.rss_kib()?;
    eprintln!("    {:.0} requests/s", plain.requests_per_second());

    let mut slow_phase = None;
    if cli.slow_connections > 0 {
        say(&format!("load with {} slow connections for {duration:?}", cli.slow_connections));
        let addr = server.authority.parse().map_err(|_| SoakError::Start(format!("not an address: {}", server.authority)))?;
        let deadline = Instant::now() + duration + Duration::from_secs(1);
        let slow_clients = slow::start(addr, cli.slow_connections as usize, deadline);
        // Let them all connect first (they are spread over one second).
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let fds_with_slow = server.open_fds();
        let (samples, peak) = with_rss_peak(&server, load::run(target.clone(), connections, duration, cli.seed + 1_000)).await;
        let slow_report = slow_clients.await.unwrap_or_default();
        eprintln!("    {:.0} requests/s", samples.requests_per_second());
        slow_phase = Some((samples, peak, slow_report, fds_with_slow, server.rss_kib()?));
    }

    let mut fault_phase = None;
    if cli.fault_rounds > 0 {
        say(&format!("failing upstreams: {} rounds of {} at once", cli.fault_rounds, cli.fault_parallel));
        let rss_before = server.rss_kib()?;
        let (outcomes, peak) = with_rss_peak(&server, faults::run(&server.base_url, cli.fault_rounds as usize, cli.fault_parallel as usize)).await;
        // The allocator returns freed buffers lazily; give it a moment.
        tokio::time::sleep(Duration::from_secs(1)).await;
        fault_phase = Some((outcomes, rss_before, peak, server.rss_kib()?));
    }
    let peak_ever = server.peak_rss_kib()?;
    drop(server);

    let mut md = String::new();
    let _ = writeln!(md, "# Soak figures\n");
    let _ = writeln!(
        md,
        "Written by `make soak` (`scripts/soak.sh`, the `ccm-soak` crate) on {} UTC: release `ccm-serve --emulate --seed scale` on 127.0.0.1, \
         {} CPU cores shared with the load generator. Figures, not pass/fail.\n",
        pretty_date(),
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    );
    let _ = writeln!(
        md,
        "Settings: {} s per phase, {connections} keep-alive connections, {} slow connections, upstream timeout {} s, \
         {} failing-upstream rounds of {} requests per failure, mix seed {}. Every request is signed with the emulator's AK/SK; \
         half go through `/proxy/{{host}}/…`, half to the server's root. ccm-serve was listening {start_secs:.1} s after it started \
         (seeding 1,000 CAs, 10,000 private and 500 SSL certificates).\n",
        cli.duration, cli.slow_connections, cli.upstream_timeout, cli.fault_rounds, cli.fault_parallel, cli.seed
    );

    let _ = writeln!(md, "## Load\n");
    let _ = writeln!(md, "| phase | requests | requests/s | p50 ms | p99 ms | max ms | errors |");
    let _ = writeln!(md, "|---|---:|---:|---:|---:|---:|---:|");
    phase_row(&mut md, &format!("{connections} connections"), &plain);
    if let Some((samples, ..)) = &slow_phase {
        phase_row(&mut md, &format!("{connections} connections + {} slow", cli.slow_connections), samples);
    }
    let _ = writeln!(md);
    let _ = writeln!(md, "By request (p50 / p99 / max ms):\n");
    let header_slow = if slow_phase.is_some() { " with slow connections |" } else { "" };
    let _ = writeln!(md, "| request | count | without slow connections |{header_slow}");
    let _ = writeln!(md, "|---|---:|---|{}", if slow_phase.is_some() { "---|" } else { "" });
    let mut rows: Vec<(String, Box<dyn Fn(&load::Sample) -> bool>)> = Vec::new();
    for kind in [Kind::CaList, Kind::CertificatePage, Kind::CaDetails, Kind::CertificateDetails, Kind::SslList, Kind::Issuance] {
        rows.push((kind.label().to_owned(), Box::new(move |s: &load::Sample| s.kind == kind)));
    }
    rows.push(("all through /proxy".to_owned(), Box::new(|s: &load::Sample| s.route == Route::Proxy)));
    rows.push(("all at the root".to_owned(), Box::new(|s: &load::Sample| s.route == Route::Root)));
    for (label, filter) in &rows {
        let count = plain.samples.iter().filter(|s| filter(s)).count();
        let _ = write!(md, "| {label} | {count} | {} |", triple(&plain, filter));
        if let Some((samples, ..)) = &slow_phase {
            let _ = write!(md, " {} |", triple(samples, filter));
        }
        let _ = writeln!(md);
    }
    let _ = writeln!(md);
    let mut errors = plain.errors_by_status();
    if let Some((samples, ..)) = &slow_phase {
        for (k, v) in samples.errors_by_status() {
            *errors.entry(k).or_insert(0) += v;
        }
    }
    let _ = writeln!(md, "Errors by status, both phases: {}.\n", describe_errors(&errors));

    if let Some((_, _, report, fds, _)) = &slow_phase {
        let _ = writeln!(md, "## Slow connections\n");
        let _ = writeln!(
            md,
            "{} clients each sent one header byte a second ({} bytes in all) and never finished a request; {} connections were opened, \
             at most {} at once, ccm-serve held {fds} file descriptors with them connected, and it closed {} of them.",
            report.connections, report.bytes_sent, report.opened, report.peak_open, report.closed_by_server
        );
        if report.closed_by_server == 0 {
            let _ = writeln!(
                md,
                "ccm-serve has no header read timeout (axum's `serve` runs hyper without a timer), so an unfinished header holds \
                 its connection for as long as the client keeps it; the load's figures above show what that costs the other clients."
            );
        }
        let _ = writeln!(md);
    }

    let _ = writeln!(md, "## Memory (VmRSS of ccm-serve)\n");
    let _ = writeln!(md, "| moment | MiB |");
    let _ = writeln!(md, "|---|---:|");
    let _ = writeln!(md, "| before the load (seeded) | {} |", mib(rss_start));
    let _ = writeln!(md, "| peak during the load | {} |", mib(plain_peak));
    let _ = writeln!(md, "| after the load | {} |", mib(rss_after_load));
    let mut rss_end_of_load = rss_after_load;
    if let Some((_, peak, _, _, after)) = &slow_phase {
        let _ = writeln!(md, "| peak during the load with slow connections | {} |", mib(*peak));
        let _ = writeln!(md, "| after the load with slow connections | {} |", mib(*after));
        rss_end_of_load = *after;
    }
    if let Some((_, before, peak, after)) = &fault_phase {
        let _ = writeln!(md, "| before the failing upstreams | {} |", mib(*before));
        let _ = writeln!(md, "| peak during the failing upstreams | {} |", mib(*peak));
        let _ = writeln!(md, "| after the failing upstreams | {} |", mib(*after));
    }
    let _ = writeln!(md, "| highest ever (VmHWM) | {} |", mib(peak_ever));
    let change = (rss_end_of_load as f64 - rss_start as f64) / rss_start.max(1) as f64 * 100.0;
    let _ = writeln!(md, "\nFrom before to after the load phases: {change:+.1}%.\n");

    if let Some((outcomes, ..)) = &fault_phase {
        let _ = writeln!(md, "## Failing upstreams behind the proxy\n");
        let _ = writeln!(
            md,
            "`--upstream-timeout {}`; a local upstream on 127.0.0.1 allowed as `{}`. Each row: {} requests ({} rounds of {} at once).\n",
            cli.upstream_timeout,
            faults::UPSTREAM_HOST,
            cli.fault_rounds * cli.fault_parallel,
            cli.fault_rounds,
            cli.fault_parallel
        );
        let _ = writeln!(md, "| upstream | expected | answered | slowest answer | as expected |");
        let _ = writeln!(md, "|---|---|---|---:|---:|");
        for fault in faults::ALL {
            let mine: Vec<&faults::FaultOutcome> = outcomes.iter().filter(|o| o.fault == fault).collect();
            let (status, code) = fault.expected();
            let mut answered: BTreeMap<String, usize> = BTreeMap::new();
            for o in &mine {
                let key = match (o.status, &o.error_code) {
                    (Some(s), Some(c)) => format!("{s} {c}"),
                    (Some(s), None) => format!("{s}"),
                    (None, _) => "no answer".to_owned(),
                };
                *answered.entry(key).or_insert(0) += 1;
            }
            let answered = answered.iter().map(|(k, n)| format!("{k} ×{n}")).collect::<Vec<_>>().join(", ");
            let slowest = mine.iter().map(|o| o.elapsed).max().unwrap_or_default();
            let good = mine.iter().filter(|o| o.as_expected()).count();
            let _ = writeln!(
                md,
                "| {} | {status}{} | {answered} | {:.2} s | {good}/{} |",
                fault.description(),
                code.map(|c| format!(" {c}")).unwrap_or_default(),
                slowest.as_secs_f64(),
                mine.len()
            );
        }
        let _ = writeln!(md);
    }
    Ok(md)
}

fn phase_row(md: &mut String, label: &str, samples: &Samples) {
    let all = |_: &load::Sample| true;
    let errors: usize = samples.errors_by_status().values().sum();
    let _ = writeln!(
        md,
        "| {label} | {} | {:.0} | {} | {} | {} | {errors} |",
        samples.samples.len(),
        samples.requests_per_second(),
        ms(samples.percentile_ms(50.0, all)),
        ms(samples.percentile_ms(99.0, all)),
        ms(samples.percentile_ms(100.0, all)),
    );
}

fn triple(samples: &Samples, filter: &dyn Fn(&load::Sample) -> bool) -> String {
    format!(
        "{} / {} / {}",
        ms(samples.percentile_ms(50.0, filter)),
        ms(samples.percentile_ms(99.0, filter)),
        ms(samples.percentile_ms(100.0, filter))
    )
}

fn ms(v: Option<f64>) -> String {
    match v {
        Some(v) if v < 10.0 => format!("{v:.2}"),
        Some(v) => format!("{v:.1}"),
        None => "–".to_owned(),
    }
}

fn mib(kib: u64) -> String {
    format!("{:.1}", kib as f64 / 1024.0)
}

fn describe_errors(errors: &BTreeMap<Option<u16>, usize>) -> String {
    if errors.is_empty() {
        return "none".to_owned();
    }
    errors
        .iter()
        .map(|(status, n)| match status {
            Some(s) => format!("{s} ×{n}"),
            None => format!("no answer ×{n}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `2026-05-01 12:00` from the signer's `20260501T120000Z`.
fn pretty_date() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as f64).unwrap_or_default();
    let d = ccm_api::sign::sdk_date(now);
    format!("{}-{}-{} {}:{}", &d[0..4], &d[4..6], &d[6..8], &d[9..11], &d[11..13])
}

//! Command line for ccm-serve: flags in, [`ccm_serve::Config`] out.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

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

    /// Print the Content-Security-Policy computed for --dist and exit.
    #[arg(long)]
    print_csp: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = Config {
        dist: cli.dist,
        allow_hosts: AllowList::with_extra(cli.allow_host),
        allow_origins: cli.allow_origin,
        upstream_overrides: cli.upstream_override,
        connect_src: cli.connect_src,
        ..Config::default()
    };
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

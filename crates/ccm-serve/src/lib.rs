//! ccm-serve: serves the console's `dist/` and the `/proxy/{host}/...` CORS
//! proxy to allow-listed Huawei Cloud endpoints.
//!
//! [`app`] builds the whole router from a [`Config`]; `main.rs` only turns
//! command-line flags into that config.

pub mod cors;
pub mod emulate;
pub mod host_policy;
pub mod proxy;
pub mod state_file;
pub mod static_files;

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::Request;
use axum::routing::{any, get};
use axum::response::IntoResponse;
use axum::Router;
use tower::Layer as _;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub use cors::Origin;
pub use host_policy::{AllowList, Host, HostError, HostPattern};
pub use proxy::{LocalUpstream, ProxyError, Upstream, UpstreamOverride};
pub use static_files::IndexPage;

/// Everything the server needs; `Config::default()` is what no flags mean.
#[derive(Clone)]
pub struct Config {
    /// The console build (trunk's output).
    pub dist: PathBuf,
    /// Hosts the proxy may reach (always includes the Huawei Cloud defaults).
    pub allow_hosts: AllowList,
    /// Other web origins allowed to use the proxy from a browser.
    pub allow_origins: Vec<Origin>,
    /// Hosts sent to another base URL instead of `https://{host}`.
    pub upstream_overrides: Vec<UpstreamOverride>,
    /// Extra `connect-src` origins in the CSP (a proxy on another origin).
    pub connect_src: Vec<Origin>,
    /// Limit for one whole upstream exchange.
    pub upstream_timeout: Duration,
    /// Hosts answered in-process rather than forwarded (the `--emulate` seam).
    /// Checked before overrides; the hosts must still pass the allowlist.
    pub local_upstreams: Vec<(HostPattern, Arc<dyn LocalUpstream>)>,
    /// Answers API paths at the server's root (`/v1/…`, `/v3/…`) for SDKs
    /// and curl (`--emulate`).
    pub root_api: Option<Arc<dyn LocalUpstream>>,
    /// The emulator whose faults `/__emulator/faults` reads and changes
    /// (`--emulate` only; see [`emulate`]).
    pub emulator_admin: Option<emulate::EmulatorUpstream>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            dist: PathBuf::from("dist"),
            allow_hosts: AllowList::default(),
            allow_origins: Vec::new(),
            upstream_overrides: Vec::new(),
            connect_src: Vec::new(),
            upstream_timeout: proxy::UPSTREAM_TIMEOUT,
            local_upstreams: Vec::new(),
            root_api: None,
            emulator_admin: None,
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("dist", &self.dist)
            .field("allow_hosts", &self.allow_hosts)
            .field("allow_origins", &self.allow_origins)
            .field("upstream_overrides", &self.upstream_overrides)
            .field("connect_src", &self.connect_src)
            .field("upstream_timeout", &self.upstream_timeout)
            .field(
                "local_upstreams",
                &self
                    .local_upstreams
                    .iter()
                    .map(|(p, _)| p)
                    .collect::<Vec<_>>(),
            )
            .field("emulator_admin", &self.emulator_admin.is_some())
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("--upstream-override host {0} is not on the allowlist; add it with --allow-host")]
    OverrideNotAllowed(Host),
}

impl Config {
    /// Checks what the flag parsers cannot see alone.
    pub fn validate(&self) -> Result<(), ConfigError> {
        for o in &self.upstream_overrides {
            if !self.allow_hosts.allows(&o.host) {
                return Err(ConfigError::OverrideNotAllowed(o.host.clone()));
            }
        }
        Ok(())
    }

    /// The CSP for the current `dist/index.html` (no script hashes when it is missing).
    pub fn csp(&self, index: Option<&IndexPage>) -> String {
        let hashes = index.map(|i| i.script_hashes.as_slice()).unwrap_or(&[]);
        static_files::content_security_policy(hashes, &self.connect_src)
    }
}

/// The whole server. Reads `dist/index.html` once, now.
pub fn app(config: Config) -> Router {
    let index = match IndexPage::load(&config.dist) {
        Ok(i) => Some(i),
        Err(e) => {
            tracing::warn!("{e}; serving a 503 page at / until restarted");
            None
        }
    };
    let csp = config.csp(index.as_ref());

    let proxy_state = Arc::new(proxy::ProxyState::new(
        config.allow_hosts.clone(),
        &config.upstream_overrides,
        config.local_upstreams.clone(),
        config.upstream_timeout,
    ));
    let origins = Arc::new(config.allow_origins.clone());
    let proxy_routes = Router::new()
        .route("/proxy", any(proxy::handle))
        .route("/proxy/", any(proxy::handle))
        .route("/proxy/{*rest}", any(proxy::handle))
        .route_layer(axum::middleware::from_fn_with_state(origins, cors::guard))
        .layer(proxy::compression())
        .with_state(proxy_state);

    let index_for_route = index.clone();
    let index_handler = get(move || {
        let index = index_for_route.clone();
        async move { static_files::index_response(index.as_ref()) }
    });
    let fallback =
        tower::service_fn(move |req: Request<Body>| static_files::spa_fallback(index.clone(), req));
    // The build writes `.br` and `.gz` copies next to each asset
    // (scripts/compress-dist.sh); the plain file goes to clients that take
    // neither, or when a copy is missing.
    let files = ServeDir::new(&config.dist)
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(fallback);
    let files = axum::middleware::from_fn(static_files::file_headers).layer(files);

    let security = static_files::security_headers(&csp);
    let mut router = Router::new().merge(proxy_routes);
    if let Some(api) = config.root_api.clone() {
        let handler = any(move |req: Request<Body>| root_api(api.clone(), req));
        router = router.merge(
            Router::new()
                .route("/v1/{*rest}", handler.clone())
                .route("/v3/{*rest}", handler)
                .layer(proxy::compression()),
        );
    }
    if let Some(emulator) = config.emulator_admin.clone() {
        router = router.merge(emulate::admin_routes(emulator));
    }
    let mut router = router
        .route("/", index_handler.clone())
        .route("/index.html", index_handler)
        .fallback_service(files)
        // Path only: a query string may carry anything. Failures are not
        // logged again here: the proxy logs its own outcome with the status.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<Body>| {
                    tracing::debug_span!("http", method = %req.method(), path = %req.uri().path())
                })
                .on_failure(()),
        );
    for (name, value) in security {
        router = router.layer(SetResponseHeaderLayer::overriding(name, value));
    }
    router
}

/// Hands a request made at the server's root to the in-process API.
async fn root_api(api: Arc<dyn LocalUpstream>, req: Request<Body>) -> axum::response::Response {
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, proxy::BODY_LIMIT).await else {
        return (axum::http::StatusCode::PAYLOAD_TOO_LARGE, "body too large").into_response();
    };
    let answer = api.handle(Request::from_parts(parts, bytes)).await;
    let cut = answer.extensions().get::<proxy::CutShort>().copied();
    answer.map(|b| match cut {
        Some(c) => c.body(b),
        None => Body::from(b),
    })
}

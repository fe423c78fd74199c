//! The CCM, SCM and IAM services, emulated. Transport-free: a request goes
//! in with the current time, a response comes out. `ccm-serve --emulate`
//! puts it behind HTTP; tests call it directly.
//!
//! Every rule comes from `ccm-api`: the operation table routes a request,
//! the validation rules check it, the catalogue gives the error codes and
//! the status rules decide which lifecycle actions are allowed.

mod answer;
pub mod auth;
mod ca_keys;
pub mod crl;
pub mod http;
mod export;
pub mod faults;
mod iam;
pub mod ids;
pub mod inventory;
pub mod console;
pub mod pca_cas;
pub mod pca_certs;
pub mod pca_issue;
pub mod public_ca;
pub mod scm;
pub mod scm_csr;
pub mod scm_tags;
pub mod seed;
pub mod ssl_deploy;
pub mod ssl_orders;
pub mod state;
pub mod tags;
pub mod validity;

use ccm_api::catalogue::code_for_field;
use ccm_api::operations::route;
use ccm_api::validate::{validate_received, Context};
use ccm_api::Service;

pub use auth::{AccessKey, Account, User};
pub use http::{EmuRequest, EmuResponse};
pub use state::{Quotas, State};

/// Settings that are not data: who may sign in, the quotas.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EmulatorConfig {
    pub account: Account,
    pub quotas: Quotas,
    /// Validate every domain of an application this long after it was
    /// made, and issue (`ccm-serve --auto-validate-secs`, for demos). `None`:
    /// only the admin endpoint validates.
    #[serde(default)]
    pub auto_validate_after_ms: Option<i64>,
}

pub struct Emulator {
    pub config: EmulatorConfig,
    pub state: State,
    /// Injected faults; none unless set.
    pub faults: faults::FaultPlan,
}

/// The service a request is for: from the host when it names one, else
/// from the path (requests made at the server's root).
pub fn service_of(host: &str, path: &str) -> Option<Service> {
    let first = host.split('.').next().unwrap_or_default();
    match first {
        "ccm" => return Some(Service::Ccm),
        "scm" => return Some(Service::Scm),
        "iam" => return Some(Service::Iam),
        _ => {}
    }
    if path.starts_with("/v3/scm/") {
        Some(Service::Scm)
    } else if path.starts_with("/v1/") {
        Some(Service::Ccm)
    } else if path.starts_with("/v3/") {
        Some(Service::Iam)
    } else {
        None
    }
}

/// The "not found" and "invalid parameter" codes of each service family.
fn not_found(service: Service, what: &str) -> EmuResponse {
    match service {
        Service::Scm => EmuResponse::error(404, "SCM.0103", format!("{what} does not exist")),
        Service::Ccm => EmuResponse::error(404, "PCA.00030102", format!("{what} does not exist")),
        Service::Iam => EmuResponse::json(404, &serde_json::json!({"error": {"code": 404, "message": format!("{what} does not exist"), "title": "Not Found"}})),
    }
}

fn unauthorized(service: Service, why: &auth::AuthError) -> EmuResponse {
    match service {
        Service::Scm => EmuResponse::error(401, "SCM.1000", format!("authentication failed: {why}")),
        Service::Ccm => EmuResponse::error(401, "PCA.00010001", format!("authentication failed: {why}")),
        Service::Iam => EmuResponse::json(401, &serde_json::json!({"error": {"code": 401, "message": format!("authentication failed: {why}"), "title": "Unauthorized"}})),
    }
}

impl Emulator {
    pub fn new(config: EmulatorConfig, state: State) -> Self {
        Emulator { config, state, faults: faults::FaultPlan::default() }
    }

    /// Answers one request at time `now_ms` (Unix milliseconds), with the
    /// faults of [`Emulator::faults`] applied.
    pub fn handle(&mut self, req: &EmuRequest, now_ms: i64) -> EmuResponse {
        if self.faults.is_off() {
            return self.answer(req, now_ms);
        }
        faults::apply(self, req, now_ms)
    }

    /// Answers one request as the service would, without faults.
    pub fn answer(&mut self, req: &EmuRequest, now_ms: i64) -> EmuResponse {
        // Published CRLs: public, outside the API table.
        if let Some(answer) = crl::serve(self, req, now_ms) {
            return answer;
        }
        let path = req.path.trim_end_matches('/');
        let path = if path.is_empty() { "/" } else { path };
        let Some(service) = service_of(&req.host, path) else {
            return EmuResponse::error(404, "EMU.NO_SERVICE", "this path belongs to no emulated service");
        };
        let Some((op, params)) = route(Some(service), req.method, path) else {
            return not_found(service, &format!("{} {}", req.method, path));
        };

        if op.name == "keystone_create_user_token_by_password" {
            return iam::create_token(self, req, now_ms);
        }
        self.state.tokens.retain(|t| t.expires_at_ms > now_ms - auth::TOKEN_LIFETIME_MS);
        let caller = match auth::authenticate(req, &self.config.account, &self.state.tokens, now_ms) {
            Ok(c) => c,
            Err(e) => return unauthorized(service, &e),
        };

        let body: Option<serde_json::Value> = if req.body.is_empty() {
            None
        } else {
            match serde_json::from_slice(&req.body) {
                Ok(v) => Some(v),
                Err(e) => return invalid(service, op.name, "body", &format!("the body is not JSON: {e}"), &serde_json::Value::Null),
            }
        };
        let ctx = Context { now_millis: now_ms };
        let problems = validate_received(service, op.name, &params, &req.query_pairs(), body.clone(), &ctx);
        if let Some(p) = problems.first() {
            return invalid(service, op.name, &p.field, &p.message, body.as_ref().unwrap_or(&serde_json::Value::Null));
        }

        let call = Call { op: op.name, service, params, query: req.query_pairs(), body, now_ms, caller };
        match service {
            Service::Iam => iam::handle(self, &call),
            Service::Ccm => match call.op {
                "show_certificate_authority_quota" => state::quota_response(self, "CERTIFICATE_AUTHORITY"),
                "show_certificate_quota" => state::quota_response(self, "CERTIFICATE"),
                op if pca_cas::OPERATIONS.contains(&op) => pca_cas::handle(self, &call),
                op if console::OPERATIONS.contains(&op) => console::handle(self, &call),
                op if pca_issue::OPERATIONS.contains(&op) => pca_issue::handle(self, &call, &req.host),
                op if crl::OPERATIONS.contains(&op) => crl::handle(self, &call, &req.host),
                op if tags::OPERATIONS.contains(&op) => tags::handle(self, &call),
                op if pca_certs::OPERATIONS.contains(&op) => pca_certs::handle(self, &call),
                _ => not_implemented(service, call.op),
            },
            Service::Scm => {
                ssl_orders::auto_validate(self, now_ms);
                scm::refresh(self, now_ms);
                match call.op {
                    op if scm::OPERATIONS.contains(&op) => scm::handle(self, &call),
                    op if ssl_orders::OPERATIONS.contains(&op) => ssl_orders::handle(self, &call),
                    op if ssl_deploy::OPERATIONS.contains(&op) => ssl_deploy::handle(self, &call),
                    op if scm_csr::OPERATIONS.contains(&op) => scm_csr::handle(self, &call),
                    op if scm_tags::OPERATIONS.contains(&op) => scm_tags::handle(self, &call),
                    _ => not_implemented(service, call.op),
                }
            }
        }
    }
}

/// One routed, authenticated and validated call.
#[derive(Debug, Clone)]
pub struct Call {
    pub op: &'static str,
    pub service: Service,
    pub params: Vec<(&'static str, String)>,
    pub query: Vec<(String, String)>,
    pub body: Option<serde_json::Value>,
    pub now_ms: i64,
    /// The user name or `ak:{access key}` that made the call.
    pub caller: String,
}

impl Call {
    pub fn param(&self, name: &str) -> &str {
        self.params.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str()).unwrap_or_default()
    }

    pub fn query(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The PCA lists' last steps: `sort_dir` (newest first unless ASC),
    /// then `offset` and `limit` (10 by default). Returns the total before
    /// paging and the page.
    pub fn direction_and_page<T>(&self, mut sorted: Vec<T>) -> (usize, Vec<T>) {
        if self.query("sort_dir").unwrap_or("DESC") == "DESC" {
            sorted.reverse();
        }
        let total = sorted.len();
        let offset: usize = self.query("offset").and_then(|v| v.parse().ok()).unwrap_or(0);
        let limit: usize = self.query("limit").and_then(|v| v.parse().ok()).unwrap_or(10);
        (total, sorted.into_iter().skip(offset).take(limit).collect())
    }
}

fn invalid(service: Service, op: &str, field: &str, message: &str, body: &serde_json::Value) -> EmuResponse {
    let text = format!("{field}: {message}");
    match code_for_field(service, op, field, body) {
        Some(code) => EmuResponse::error(400, code, text),
        None => EmuResponse::json(400, &serde_json::json!({"error": {"code": 400, "message": text, "title": "Bad Request"}})),
    }
}

/// An operation of the contract the emulator does not answer yet.
fn not_implemented(_service: Service, op: &str) -> EmuResponse {
    EmuResponse::error(501, "EMU.NOT_IMPLEMENTED", format!("the emulator does not implement {op} yet"))
}

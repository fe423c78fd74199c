//! Deployment of SSL certificates to the account's cloud resources, the
//! deployed-resources query and batch push.
//!
//! The inventory ([`crate::inventory::seeded_inventory`]) is a few ELB listeners and WAF
//! domains in each SCM region plus global CDN domains. A resource holds
//! one certificate: deploying another one replaces it (that is how a
//! certificate is moved off a resource). A certificate deployed anywhere
//! cannot be deleted (SCM.0105) until its resources hold another.

use ccm_api::catalogue::codes;
use ccm_api::endpoints::SCM_REGIONS;
use ccm_api::scm::{
    scm_action_allowed, BatchPushCertificateBody, DeployCertificateBody, DeployedResource, ListDeployedResourcesBody,
    ScmAction, ScmStatus,
};
use serde_json::json;

use crate::scm::error;
use crate::ssl_orders::covers;
use crate::inventory::{CloudResource, GLOBAL};
use crate::state::State;
use crate::{Call, EmuResponse, Emulator};

pub const OPERATIONS: &[&str] = &["deploy_certificate", "list_deployed_resources", "batch_push_certificate"];

pub fn handle(emu: &mut Emulator, call: &Call) -> EmuResponse {
    match call.op {
        "list_deployed_resources" => list(emu, call),
        _ => {
            let id = call.param("certificate_id").to_owned();
            let Some(index) = emu.state.scm.iter().position(|r| r.info.id == id) else {
                return error(codes::SCM_NOT_FOUND, format!("no certificate with id {id}"));
            };
            if call.op == "deploy_certificate" {
                deploy(emu, index, call)
            } else {
                batch_push(emu, index, call)
            }
        }
    }
}

fn usable(emu: &Emulator, index: usize, action: ScmAction) -> Result<(), EmuResponse> {
    let info = &emu.state.scm[index].info;
    scm_action_allowed(action, &info.status.clone().unwrap_or(ScmStatus::Other(String::new())))
        .map_err(|d| error(d.code, d.reason))?;
    if info.push_support.as_deref() == Some("OFF") {
        return Err(error(codes::SCM_NOT_DEPLOYABLE, "this certificate type cannot be deployed to other services"));
    }
    Ok(())
}

/// The certificate's names: the domain and the additional names.
fn names_of(emu: &Emulator, index: usize) -> Vec<String> {
    let info = &emu.state.scm[index].info;
    let mut names: Vec<String> = info.domain.iter().cloned().collect();
    names.extend(info.san_list().into_iter().map(str::to_owned));
    names
}

/// `POST …/{id}/deploy`: each target found and fitting is deployed; the
/// others are answered in `failure_list` (200 either way).
fn deploy(emu: &mut Emulator, index: usize, call: &Call) -> EmuResponse {
    if let Err(e) = usable(emu, index, ScmAction::Deploy) {
        return e;
    }
    let body: DeployCertificateBody = match serde_json::from_value(call.body.clone().unwrap_or_default()) {
        Ok(b) => b,
        Err(e) => return error(codes::SCM_BAD_PARAMETER, format!("the body does not fit the deploy request: {e}")),
    };
    let service = body.service_name.as_str().to_owned();
    let project = if service == "CDN" { GLOBAL.to_owned() } else { body.project_name.clone().unwrap_or_else(|| SCM_REGIONS[0].to_owned()) };
    let cert_id = emu.state.scm[index].info.id.clone();
    let names = names_of(emu, index);
    let mut failures = Vec::new();
    for target in &body.resources {
        let label = target.id.clone().or_else(|| target.domain_name.clone()).unwrap_or_default();
        match find(&emu.state, &service, &project, target) {
            None => failures.push(json!({
                "resource": label,
                "failure_info": format!("{}: no {service} resource {label} in {project}", codes::SCM_RESOURCE_NOT_FOUND),
            })),
            Some(i) => {
                let r = &emu.state.inventory.0[i];
                let needs_domain = service != "ELB";
                if needs_domain && !names.iter().any(|n| covers(n, &r.domain) || n.eq_ignore_ascii_case(&r.domain)) {
                    failures.push(json!({
                        "resource": label,
                        "failure_info": format!("{}: the certificate does not cover {} (it covers {})", codes::SCM_RESOURCE_DOMAIN_MISMATCH, r.domain, names.join(", ")),
                    }));
                } else if r.certificate_id.as_deref() == Some(cert_id.as_str()) {
                    failures.push(json!({
                        "resource": label,
                        "failure_info": format!("{}: the certificate is already deployed to {}", codes::SCM_ALREADY_DEPLOYED, r.name),
                    }));
                } else {
                    let r = &mut emu.state.inventory.0[i];
                    r.certificate_id = Some(cert_id.clone());
                    r.deployed_at_ms = Some(call.now_ms);
                }
            }
        }
    }
    emu.state.scm[index].updated_at_ms = call.now_ms;
    EmuResponse::json(200, &json!({ "failure_list": failures }))
}

fn find(state: &State, service: &str, project: &str, target: &DeployedResource) -> Option<usize> {
    state.inventory.0.iter().position(|r| {
        r.service == service
            && r.project == project
            && match service {
                "CDN" => target.domain_name.as_deref().is_some_and(|d| d.eq_ignore_ascii_case(&r.domain)),
                "WAF" => target.id.as_deref() == Some(r.id.as_str()) && target.kind.as_ref().is_none_or(|k| Some(k.as_str()) == r.kind.as_deref()),
                _ => target.id.as_deref() == Some(r.id.as_str()),
            }
    })
}

/// `POST /v3/scm/deployed-resources`: per certificate, its resources by
/// service and region. Unknown ids count no resources.
fn list(emu: &Emulator, call: &Call) -> EmuResponse {
    let body: ListDeployedResourcesBody = match serde_json::from_value(call.body.clone().unwrap_or_default()) {
        Ok(b) => b,
        Err(e) => return error(codes::SCM_BAD_PARAMETER, format!("the body does not fit the query: {e}")),
    };
    let all = body.service_names.iter().any(|s| s == "ALL");
    let services: Vec<&str> = ["ELB", "WAF", "CDN"].into_iter().filter(|s| all || body.service_names.iter().any(|n| n == s)).collect();
    let results: Vec<_> = body
        .certificate_ids
        .iter()
        .map(|id| {
            let mine = emu.state.inventory.deployed_to(id);
            let per_service: Vec<_> = services
                .iter()
                .filter_map(|svc| {
                    let of: Vec<&&CloudResource> = mine.iter().filter(|r| r.service == *svc).collect();
                    if of.is_empty() {
                        return None;
                    }
                    let mut regions: Vec<&str> = of.iter().map(|r| r.project.as_str()).collect();
                    regions.sort_unstable();
                    regions.dedup();
                    let region_resources: Vec<_> = regions
                        .iter()
                        .map(|region| {
                            let resources: Vec<_> = of
                                .iter()
                                .filter(|r| r.project == *region)
                                .map(|r| json!({ "resource_id": r.id, "resource_name": r.name }))
                                .collect();
                            json!({ "region_id": region, "is_error": false, "resources": resources })
                        })
                        .collect();
                    Some(json!({
                        "service": svc, "resource_num": of.len(),
                        "resource_location": if *svc == "CDN" { "global" } else { "region" },
                        "region_resources": region_resources,
                    }))
                })
                .collect();
            let total: usize = mine.iter().filter(|r| services.contains(&r.service.as_str())).count();
            json!({ "certificate_id": id, "total_num": total, "deployed_resources": per_service })
        })
        .collect();
    EmuResponse::json(200, &json!({ "results": results }))
}

/// `POST …/{id}/batch-push`: one result per region; a region that is not
/// an SCM region fails on its own.
fn batch_push(emu: &mut Emulator, index: usize, call: &Call) -> EmuResponse {
    if let Err(e) = usable(emu, index, ScmAction::Push) {
        return e;
    }
    let body: BatchPushCertificateBody = match serde_json::from_value(call.body.clone().unwrap_or_default()) {
        Ok(b) => b,
        Err(e) => return error(codes::SCM_BAD_PARAMETER, format!("the body does not fit the push request: {e}")),
    };
    let service = body.target_service.as_str().to_owned();
    let record = &mut emu.state.scm[index];
    let results: Vec<_> = body
        .target_projects
        .iter()
        .enumerate()
        .map(|(n, project)| {
            if !SCM_REGIONS.contains(&project.as_str()) {
                return json!({
                    "project_name": project, "cert_id": "",
                    "message": format!("SCM.0075: {project} is not a region the certificate can be pushed to ({})", SCM_REGIONS.join(", ")),
                });
            }
            let target = (service.clone(), project.clone());
            if !record.pushes.contains(&target) {
                record.pushes.push(target);
            }
            json!({
                "project_name": project,
                "cert_id": format!("{}-{}-{n}", service.to_lowercase(), &record.info.id[3..]),
                "message": "success",
            })
        })
        .collect();
    record.updated_at_ms = call.now_ms;
    EmuResponse::json(200, &json!({ "results": results }))
}

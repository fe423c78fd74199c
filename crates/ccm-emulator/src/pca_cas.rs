//! Private CAs: list, details and the lifecycle changes that need no
//! signing (disable, enable, delete, restore). Issuance, activation,
//! import, CSR and certificate export live in `pca_issue`.

use ccm_api::catalogue::{ca_action_allowed_for, CaAction};
use ccm_api::common::{CaStatus, CaType};
use serde_json::json;

use crate::{Call, EmuResponse, Emulator};

/// Operations this module answers.
pub const OPERATIONS: &[&str] = &[
    "list_certificate_authority",
    "show_certificate_authority",
    "disable_certificate_authority",
    "enable_certificate_authority",
    "delete_certificate_authority",
    "restore_certificate_authority",
];

const DAY_MS: i64 = 86_400_000;

/// Brings derived statuses up to date: ACTIVED past `not_after` is
/// EXPIRED; a DELETED CA whose grace period ended is gone.
pub fn refresh(emu: &mut Emulator, now_ms: i64) {
    emu.state.cas.retain(|c| !(c.info.status == CaStatus::Deleted && c.info.delete_time.is_some_and(|t| t <= now_ms)));
    for c in &mut emu.state.cas {
        if c.info.status == CaStatus::Actived && c.info.not_after.is_some_and(|t| t <= now_ms) {
            c.info.status = CaStatus::Expired;
        }
    }
}

/// An intermediate certificate issued from someone's CSR: kept for its
/// chain and revocation, but neither listed nor counted as a CA.
pub fn is_issued_from_csr(ca: &ccm_api::pca::cas::CertificateAuthority) -> bool {
    ca.gen_mode == Some(ccm_api::common::GenMode::Csr)
}

pub fn not_found(id: &str) -> EmuResponse {
    EmuResponse::error(404, "PCA.00030102", format!("no CA with id {id}"))
}

pub fn handle(emu: &mut Emulator, call: &Call) -> EmuResponse {
    refresh(emu, call.now_ms);
    if call.op == "list_certificate_authority" {
        return list(emu, call);
    }
    let id = call.param("ca_id").to_owned();
    let Some(record) = emu.state.ca(&id) else { return not_found(&id) };
    let info = record.info.clone();
    let record = record.clone();
    let action = match call.op {
        "show_certificate_authority" => return EmuResponse::json(200, &info),
        "disable_certificate_authority" => CaAction::Disable,
        "enable_certificate_authority" => CaAction::Enable,
        "delete_certificate_authority" => CaAction::Delete,
        _ => CaAction::Restore,
    };
    if let Err(denied) = ca_action_allowed_for(action, &info) {
        return EmuResponse::error(403, denied.code, denied.reason);
    }
    // Revocation is final: a revoked CA stays disabled.
    if action == CaAction::Enable && record.revoked.is_some() {
        return EmuResponse::error(403, "PCA.00030201", format!("{} was revoked by its issuer and cannot be enabled again", info.distinguished_name.common_name));
    }
    match action {
        CaAction::Disable => set_status(emu, &id, CaStatus::Disabled, None),
        CaAction::Enable => set_status(emu, &id, CaStatus::Actived, None),
        CaAction::Restore => set_status(emu, &id, CaStatus::Disabled, None),
        _ => {
            if info.status == CaStatus::Pending {
                // Never issued anything: removed at once.
                emu.state.cas.retain(|c| c.info.ca_id != id);
            } else {
                let days: i64 = call.query("pending_days").and_then(|d| d.parse().ok()).unwrap_or(7);
                set_status(emu, &id, CaStatus::Deleted, Some(call.now_ms + days * DAY_MS));
            }
        }
    }
    EmuResponse::no_content()
}

fn set_status(emu: &mut Emulator, id: &str, status: CaStatus, delete_time: Option<i64>) {
    if let Some(c) = emu.state.ca_mut(id) {
        c.info.status = status;
        c.info.delete_time = delete_time;
    }
}

/// `GET …`: filters, sort and paging as documented (default 10 per page,
/// newest first).
fn list(emu: &Emulator, call: &Call) -> EmuResponse {
    let name = call.query("name").map(str::to_lowercase);
    let status = call.query("status");
    let kind = call.query("type");
    let mut found: Vec<_> = emu
        .state
        .cas
        .iter()
        .map(|c| &c.info)
        // A CA certificate issued from a CSR is not one of the account's CAs.
        .filter(|c| !is_issued_from_csr(c))
        .filter(|c| name.as_ref().is_none_or(|n| c.distinguished_name.common_name.to_lowercase().contains(n)))
        .filter(|c| status.is_none_or(|s| c.status.as_str() == s))
        .filter(|c| kind.is_none_or(|k| c.kind.as_str() == k))
        .collect();
    // `ca_type` is the reference's name for the SDK's `type`.
    match call.query("sort_key").unwrap_or("create_time") {
        "common_name" => found.sort_by(|a, b| a.distinguished_name.common_name.cmp(&b.distinguished_name.common_name)),
        "type" | "ca_type" => found.sort_by_key(|c| c.kind == CaType::Subordinate),
        "not_after" => found.sort_by_key(|c| c.not_after),
        _ => found.sort_by_key(|c| c.create_time),
    }
    let (total, page) = call.direction_and_page(found);
    EmuResponse::json(200, &json!({ "total": total, "certificate_authorities": page }))
}

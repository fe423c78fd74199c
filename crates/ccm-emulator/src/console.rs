//! The console feature flags and the OCSP switch (both SDK only).

use serde_json::json;

use crate::{Call, EmuResponse, Emulator};

pub const OPERATIONS: &[&str] = &["show_console_config", "update_ocsp_switch"];

pub fn handle(emu: &mut Emulator, call: &Call) -> EmuResponse {
    if call.op == "show_console_config" {
        // What this emulator can do: no SM2, no dedicated HSM, no orders.
        return EmuResponse::json(
            200,
            &json!({
                "is_support_eps": false, "is_support_sm2": false, "is_support_dhsm": false, "dhsm_regions": [],
                "is_support_yearly_monthly_ca": false, "is_support_iam5": false, "is_support_ocsp": true
            }),
        );
    }
    let id = call.param("ca_id").to_owned();
    if emu.state.ca(&id).is_none() {
        return crate::pca_cas::not_found(&id);
    }
    let on = call.body.as_ref().and_then(|b| b["ocsp_switch"].as_bool()).unwrap_or(false);
    let is_on = emu.state.ocsp_enabled.contains(&id);
    // The live service refuses a switch to the state the CA is already in.
    match (on, is_on) {
        (true, true) => EmuResponse::error(403, "PCA.10010071", "OCSP is already on for this CA"),
        (false, false) => EmuResponse::error(403, "PCA.10010072", "OCSP is already off for this CA"),
        (true, false) => {
            emu.state.ocsp_enabled.push(id);
            EmuResponse::no_content()
        }
        (false, true) => {
            emu.state.ocsp_enabled.retain(|c| *c != id);
            EmuResponse::no_content()
        }
    }
}

//! Lifecycle actions on the selected CA. Each is offered only when the
//! status rules allow it; otherwise the button is disabled and the reason
//! is shown next to it.

use ccm_api::catalogue::{ca_action_allowed_for, CaAction};
use ccm_api::common::{CaStatus, RevocationReason};
use ccm_api::pca::cas::{
    delete_certificate_authority, disable_certificate_authority, enable_certificate_authority,
    restore_certificate_authority, revoke_certificate_authority, CertificateAuthority,
};
use ccm_api::common::{SignatureAlgorithm, ValidityType};
use ccm_api::validate::{check_field, ValidationError};
use ccm_api::{ApiRequest, Service};
use leptos::prelude::*;

use super::create_form::{eligible_issuers, max_path_length, ActivationDraft};
use crate::api::client::use_api;
use crate::components::confirm::ConfirmDialog;
use crate::components::field::TextField;
use crate::form::action::{ActionError, ActionRunner};
use crate::state::ca_revocations::{CaRevocation, CaRevocations};

/// The actions this panel offers, in display order.
const ACTIONS: [CaAction; 6] =
    [CaAction::Activate, CaAction::Disable, CaAction::Enable, CaAction::Delete, CaAction::Restore, CaAction::Revoke];

fn button_label(action: CaAction) -> &'static str {
    match action {
        CaAction::Disable => "Disable",
        CaAction::Enable => "Enable",
        CaAction::Delete => "Delete",
        CaAction::Revoke => "Revoke",
        CaAction::Activate => "Activate",
        _ => "Restore",
    }
}

#[component]
pub fn CaActions(ca: CertificateAuthority, all: Vec<CertificateAuthority>, on_changed: Callback<()>) -> impl IntoView {
    let api = use_api();
    let runner = ActionRunner::<CaAction>::new();
    let pending = runner.pending();
    let revocations = CaRevocations::get_or_provide();
    let pending_days = RwSignal::new("7".to_owned());
    let days_error = RwSignal::new(None::<String>);
    // Empty: no reason given (the body is then `{}`).
    let reason = RwSignal::new(String::new());
    let activation = ActivationSignals::new();
    let activation_errors = RwSignal::new(Vec::<ValidationError>::new());
    let all = StoredValue::new(all);
    let ca = StoredValue::new(ca);
    let name = ca.with_value(|c| c.distinguished_name.common_name.clone());

    let run = move |action: CaAction| {
        let (id, cn, status) = ca.with_value(|c| (c.ca_id.clone(), c.distinguished_name.common_name.clone(), c.status.clone()));
        let req: ApiRequest = match action {
            CaAction::Disable => disable_certificate_authority(&id),
            CaAction::Enable => enable_certificate_authority(&id),
            CaAction::Restore => restore_certificate_authority(&id),
            CaAction::Activate => match activation.draft().to_request(&id, &all.get_value(), js_sys::Date::now() as i64) {
                Ok(req) => {
                    activation_errors.set(Vec::new());
                    req
                }
                Err(errors) => {
                    activation_errors.set(errors);
                    return;
                }
            },
            CaAction::Revoke => {
                let r = reason.get_untracked();
                revoke_certificate_authority(&id, (!r.is_empty()).then(|| RevocationReason::from_wire(&r)))
            }
            _ => {
                let days_text = pending_days.get_untracked();
                let days: i64 = match days_text.trim().parse() {
                    Ok(d) => d,
                    Err(_) => {
                        days_error.set(Some("enter a whole number of days".into()));
                        return;
                    }
                };
                if let Err(m) = check_field(Service::Ccm, "delete_certificate_authority", "pending_days", Some(&days.into())) {
                    days_error.set(Some(m));
                    return;
                }
                days_error.set(None);
                // The service ignores the grace period for a PENDING CA.
                delete_certificate_authority(&id, if status == CaStatus::Pending { 7 } else { days })
            }
        };
        let notice = format!("{cn}: {}", done_message(action, &status));
        runner.send(api, req, notice, move || {
            if action == CaAction::Revoke {
                // The service will show it as disabled only (see state/ca_revocations.rs).
                revocations.record(&id, &reason.get_untracked(), js_sys::Date::now() as i64);
            }
            on_changed.run(());
        });
    };

    view! {
        <section class="ca-actions" aria-label=format!("Actions on {name}")>
            <h3>"Actions"</h3>
            <ul class="action-list">
                {ACTIONS.into_iter().map(|action| {
                    let reason_id = format!("why-not-{}", button_label(action).to_lowercase());
                    let reason = ca.with_value(|c| why_not(action, c, revocations.of(c)));
                    view! {
                        <li>
                            <button disabled=reason.is_some() aria-describedby=reason.as_ref().map(|_| reason_id.clone())
                                on:click=move |_| runner.open(action)>
                                {button_label(action)}
                            </button>
                            {reason.map(|r| view! { <span class="field-hint" id=reason_id>{r}</span> })}
                        </li>
                    }
                }).collect::<Vec<_>>()}
            </ul>
            {move || runner.opened().map(|action| {
                let (cn, status) = ca.with_value(|c| (c.distinguished_name.common_name.clone(), c.status.clone()));
                let title = confirm_title(action, &cn, &status);
                let danger = matches!(action, CaAction::Delete | CaAction::Disable | CaAction::Revoke);
                view! {
                    <ConfirmDialog title confirm_label=format!("{} {cn}", button_label(action)) danger
                        pending=pending on_confirm=Callback::new(move |_| run(action))
                        on_cancel=Callback::new(move |_| runner.cancel())>
                        {(action == CaAction::Activate).then(|| view! {
                            <ActivationFields signals=activation errors=activation_errors all=all.get_value() own_id=ca.with_value(|c| c.ca_id.clone()) />
                        })}
                        {(action == CaAction::Revoke).then(|| view! {
                            <div class="field">
                                <label for="revoke-reason">"Reason (RFC 5280)"</label>
                                <select id="revoke-reason" on:change=move |ev| reason.set(event_target_value(&ev))>
                                    <option value="">"No reason given"</option>
                                    {RevocationReason::known().into_iter().map(|r| view! {
                                        <option value=r.as_str().to_owned()>{r.label().to_owned()}</option>
                                    }).collect::<Vec<_>>()}
                                </select>
                            </div>
                        })}
                        {(action == CaAction::Delete && status != CaStatus::Pending).then(|| view! {
                            <TextField id="pending-days" label="Days before it is gone (7 to 30)" value=pending_days
                                error=days_error
                                hint="Until then it can be restored; after that it and its keys are deleted for good." />
                        })}
                    </ConfirmDialog>
                }
            })}
            <ActionError runner />
        </section>
    }
}

/// Why an action is not offered on this CA, or `None` when it is: the
/// status rules, and for a CA revoked from here, what the service refuses
/// after a revocation (enabling it, revoking it again).
fn why_not(action: CaAction, ca: &CertificateAuthority, revoked: Option<CaRevocation>) -> Option<String> {
    match (action, revoked) {
        (CaAction::Enable | CaAction::Revoke, Some(r)) => {
            Some(format!("{}: a revoked CA cannot be enabled or revoked again.", r.describe()))
        }
        _ => ca_action_allowed_for(action, ca).err().map(|d| d.reason),
    }
}

fn confirm_title(action: CaAction, cn: &str, status: &CaStatus) -> String {
    match action {
        CaAction::Disable => format!("Disable {cn}? It stops issuing certificates until it is enabled again."),
        CaAction::Enable => format!("Enable {cn}? It can issue certificates again."),
        CaAction::Delete if *status == CaStatus::Pending => format!("Delete {cn}? A pending CA is removed at once."),
        CaAction::Delete => format!("Delete {cn}? It is scheduled for deletion and can be restored until then."),
        CaAction::Revoke => format!("Revoke {cn}? Its issuer lists it in its CRL; this cannot be undone."),
        CaAction::Activate => format!("Activate {cn}: choose the CA that signs it."),
        _ => format!("Restore {cn}? It comes back disabled."),
    }
}

fn done_message(action: CaAction, status: &CaStatus) -> &'static str {
    match action {
        CaAction::Disable => "disabled",
        CaAction::Enable => "enabled",
        CaAction::Delete if *status == CaStatus::Pending => "deleted",
        CaAction::Delete => "scheduled for deletion",
        CaAction::Revoke => "revoked",
        CaAction::Activate => "activated",
        _ => "restored (disabled)",
    }
}

#[derive(Clone, Copy)]
struct ActivationSignals {
    issuer_id: RwSignal<String>,
    path_length: RwSignal<String>,
    signature_algorithm: RwSignal<String>,
    validity_type: RwSignal<String>,
    validity_value: RwSignal<String>,
}

impl ActivationSignals {
    fn new() -> Self {
        let d = ActivationDraft::default();
        ActivationSignals {
            issuer_id: RwSignal::new(d.issuer_id),
            path_length: RwSignal::new(d.path_length),
            signature_algorithm: RwSignal::new(d.signature_algorithm),
            validity_type: RwSignal::new(d.validity_type),
            validity_value: RwSignal::new(d.validity_value),
        }
    }

    fn draft(&self) -> ActivationDraft {
        ActivationDraft {
            issuer_id: self.issuer_id.get_untracked(),
            path_length: self.path_length.get_untracked(),
            signature_algorithm: self.signature_algorithm.get_untracked(),
            validity_type: self.validity_type.get_untracked(),
            validity_value: self.validity_value.get_untracked(),
        }
    }
}

/// Issuer, path length, signature and validity for an activation.
#[component]
fn ActivationFields(
    signals: ActivationSignals,
    errors: RwSignal<Vec<ValidationError>>,
    all: Vec<CertificateAuthority>,
    own_id: String,
) -> impl IntoView {
    let error_for = move |field: &'static str| {
        Signal::derive(move || errors.with(|e| e.iter().find(|e| e.field == field || e.field.starts_with(&format!("{field}."))).map(|e| e.message.clone())))
    };
    let issuers: Vec<(String, String)> = eligible_issuers(&all)
        .into_iter()
        .filter(|c| c.ca_id != own_id)
        .map(|c| (c.ca_id.clone(), format!("{} (path length {} left)", c.distinguished_name.common_name, max_path_length(c))))
        .collect();
    view! {
        <div class="field">
            <label for="activate-issuer">"Issuing CA"</label>
            <select id="activate-issuer" on:change=move |ev| signals.issuer_id.set(event_target_value(&ev))>
                <option value="">"Choose an active CA"</option>
                {issuers.into_iter().map(|(id, text)| view! { <option value=id>{text}</option> }).collect::<Vec<_>>()}
            </select>
            <p class="field-error">{move || error_for("issuer_id").get()}</p>
        </div>
        <div class="field-row">
            <TextField id="activate-path" label="Path length (0 to 6)" value=signals.path_length error=error_for("path_length") />
            <div class="field">
                <label for="activate-sig">"Signature algorithm"</label>
                <select id="activate-sig" on:change=move |ev| signals.signature_algorithm.set(event_target_value(&ev))>
                    {SignatureAlgorithm::known().into_iter().filter(|s| *s != SignatureAlgorithm::Sm3).map(|s| {
                        let wire = s.as_str().to_owned();
                        view! { <option value=wire.clone() selected=wire == "SHA256">{s.label().to_owned()}</option> }
                    }).collect::<Vec<_>>()}
                </select>
            </div>
        </div>
        <div class="field-row">
            <TextField id="activate-validity" label="Validity" value=signals.validity_value error=error_for("validity.value") />
            <div class="field">
                <label for="activate-unit">"Unit"</label>
                <select id="activate-unit" on:change=move |ev| signals.validity_type.set(event_target_value(&ev))>
                    {ValidityType::known().into_iter().map(|v| {
                        let wire = v.as_str().to_owned();
                        view! { <option value=wire.clone() selected=wire == "YEAR">{v.label().to_owned()}</option> }
                    }).collect::<Vec<_>>()}
                </select>
            </div>
        </div>
    }
}

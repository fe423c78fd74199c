//! Lifecycle actions on the selected CA. Each is offered only when the
//! status rules allow it; otherwise the button is disabled and the reason
//! is shown next to it.

use ccm_api::catalogue::{ca_action_allowed_for, CaAction};
use ccm_api::common::{CaStatus, RevocationReason};
use ccm_api::pca::cas::{
    disable_certificate_authority, enable_certificate_authority, restore_certificate_authority,
    revoke_certificate_authority, CertificateAuthority,
};
use ccm_api::common::SignatureAlgorithm;
use ccm_api::{ApiRequest, Service};
use leptos::prelude::*;

use super::create_form::{issuer_options, ActivationDraft};
use super::deletion::{deletion_form, DeletionFields};
use crate::api::client::use_api;
use crate::components::confirm::ConfirmDialog;
use crate::components::select::WireSelect;
use crate::components::validity_fields::ValidityFields;
use crate::form::action::{ActionError, ActionRunner};
use crate::form::field::{RuleField, RuleSelect};
use crate::form::request_form::RequestForm;
use crate::pages::pca::certs::revoke_reason::ReasonSelect;
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
    // Empty: no reason given (the body is then `{}`).
    let reason = RwSignal::new(String::new());
    let all = StoredValue::new(all);
    let ca = StoredValue::new(ca);
    let name = ca.with_value(|c| c.distinguished_name.common_name.clone());

    // `form`: the dialog's fields, for the actions that have some
    // (activate, delete); every problem shows, and nothing is sent until
    // they are fixed.
    let run = move |action: CaAction, form: Option<RequestForm>| {
        let (id, cn, status) = ca.with_value(|c| (c.ca_id.clone(), c.distinguished_name.common_name.clone(), c.status.clone()));
        let req: ApiRequest = match action {
            CaAction::Disable => disable_certificate_authority(&id),
            CaAction::Enable => enable_certificate_authority(&id),
            CaAction::Activate | CaAction::Delete => match form.and_then(|form| form.request_now()) {
                Some(req) => req,
                None => return,
            },
            CaAction::Revoke => {
                let r = reason.get_untracked();
                revoke_certificate_authority(&id, (!r.is_empty()).then(|| RevocationReason::from_wire(&r)))
            }
            _ => restore_certificate_authority(&id),
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
                // A dialog's fields live as long as the dialog.
                let id = ca.with_value(|c| c.ca_id.clone());
                let activation = (action == CaAction::Activate).then(|| activation_form(id.clone(), all));
                let deletion = (action == CaAction::Delete).then(|| deletion_form(id, status.clone()));
                let form = activation.map(|(_, form)| form).or(deletion.map(|(_, form)| form));
                view! {
                    <ConfirmDialog title confirm_label=format!("{} {cn}", button_label(action)) danger
                        pending=pending on_confirm=Callback::new(move |_| run(action, form))
                        on_cancel=Callback::new(move |_| runner.cancel())>
                        {activation.map(|(d, form)| view! {
                            <ActivationFields d form issuers=all.with_value(|all| ca.with_value(|c| issuer_options(all, Some(&c.ca_id), false))) />
                        })}
                        {(action == CaAction::Revoke).then(|| view! { <ReasonSelect id="revoke-reason" value=reason /> })}
                        // A PENDING CA goes at once: no grace period to ask.
                        {deletion.filter(|_| status != CaStatus::Pending).map(|(d, form)| view! { <DeletionFields d form /> })}
                    </ConfirmDialog>
                }
            })}
            <ActionError state=runner.state />
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

crate::draft_signals!(ActivationSignals for ActivationDraft {
    issuer_id: String,
    path_length: String,
    signature_algorithm: String,
    validity_type: String,
    validity_value: String,
});

/// The activation's draft and its form: checked with the contract's rules
/// for the activate call and against the chosen issuer on every edit.
fn activation_form(ca_id: String, all: StoredValue<Vec<CertificateAuthority>>) -> (ActivationSignals, RequestForm) {
    let d = ActivationSignals::new();
    let check = move || {
        let draft = d.draft();
        all.with_value(|all| draft.to_request(&ca_id, all, js_sys::Date::now() as i64))
    };
    (d, RequestForm::new(Service::Ccm, "issue_certificate_authority_certificate", check))
}

/// Issuer, path length, signature and validity for an activation; the
/// required marks, messages and "left" come from the form.
#[component]
fn ActivationFields(d: ActivationSignals, form: RequestForm, issuers: Vec<(String, String)>) -> impl IntoView {
    view! {
        <RuleSelect form path="issuer_id" id="activate-issuer" label="Issuing CA" value=d.issuer_id none="Choose an active CA"
            options=Signal::stored(issuers) />
        <div class="field-row">
            <RuleField form path="path_length" id="activate-path" label="Path length (0 to 6)" value=d.path_length />
            <WireSelect id="activate-sig" label="Signature algorithm" value=d.signature_algorithm
                options=SignatureAlgorithm::known().into_iter().filter(|s| *s != SignatureAlgorithm::Sm3).map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect() />
        </div>
        <ValidityFields id_prefix="activate" value=d.validity_value unit=d.validity_type form />
    }
}

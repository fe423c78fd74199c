//! Revoke and delete on one certificate, each behind a confirmation that
//! names it. An action its status does not allow is shown disabled with
//! the reason.

use ccm_api::catalogue::{cert_action_allowed_for, CertAction};
use ccm_api::common::RevocationReason;
use ccm_api::pca::certs::{delete_certificate, revoke_certificate, PrivateCertificate};
use leptos::prelude::*;

use super::revoke_reason::ReasonSelect;
use crate::api::client::use_api;
use crate::components::confirm::ConfirmDialog;
use crate::form::action::{ActionError, ActionRunner};

/// `on_revoked` reloads the page; `on_deleted` leaves it.
#[component]
pub fn CertificateActions(cert: PrivateCertificate, on_revoked: Callback<()>, on_deleted: Callback<()>) -> impl IntoView {
    let api = use_api();
    let runner = ActionRunner::<CertAction>::new();
    let pending = runner.pending();
    let reason = RwSignal::new(String::new());
    let cert = StoredValue::new(cert);
    let name = cert.with_value(|c| c.distinguished_name.common_name.clone());

    let run = move |action: CertAction| {
        let (id, cn) = cert.with_value(|c| (c.certificate_id.clone(), c.distinguished_name.common_name.clone()));
        let req = match action {
            CertAction::Revoke => {
                let r = reason.get_untracked();
                revoke_certificate(&id, (!r.is_empty()).then(|| RevocationReason::from_wire(&r)))
            }
            _ => delete_certificate(&id),
        };
        runner.send(api, req, format!("{cn}: {}", action.label()), move || {
            if action == CertAction::Revoke { on_revoked.run(()) } else { on_deleted.run(()) }
        });
    };

    view! {
        <section class="panel" aria-label=format!("Actions on {name}")>
            <h2>"Revoke or delete"</h2>
            <ul class="action-list">
                {[CertAction::Revoke, CertAction::Delete].into_iter().map(|action| {
                    let label = if action == CertAction::Revoke { "Revoke" } else { "Delete" };
                    let why = cert.with_value(|c| cert_action_allowed_for(action, c)).err().map(|d| d.reason);
                    let why_id = format!("why-not-{}", label.to_lowercase());
                    view! {
                        <li>
                            <button class=if action == CertAction::Delete { "danger" } else { "" } disabled=why.is_some()
                                aria-describedby=why.as_ref().map(|_| why_id.clone())
                                on:click=move |_| { reason.set(String::new()); runner.open(action); }>
                                {label}
                            </button>
                            {why.map(|r| view! { <span class="field-hint" id=why_id>{r}</span> })}
                        </li>
                    }
                }).collect::<Vec<_>>()}
            </ul>
            {move || runner.opened().map(|action| {
                let cn = cert.with_value(|c| c.distinguished_name.common_name.clone());
                let (title, confirm) = match action {
                    CertAction::Revoke => (format!("Revoke {cn}? Its issuer lists it in its CRL; this cannot be undone."), format!("Revoke {cn}")),
                    _ => (format!("Delete {cn}? It is removed for good."), format!("Delete {cn}")),
                };
                view! {
                    <ConfirmDialog title confirm_label=confirm danger=true pending on_confirm=Callback::new(move |_| run(action))
                        on_cancel=Callback::new(move |_| runner.cancel())>
                        {(action == CertAction::Revoke).then(|| view! { <ReasonSelect id="revoke-reason" value=reason /> })}
                    </ConfirmDialog>
                }
            })}
            <ActionError state=runner.state />
        </section>
    }
}

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
use crate::components::with_data::marked;
use crate::form::action::{ActionError, ActionRunner};
use crate::i18n::{td_string, use_locale};
use crate::pages::pca::labels::cert_denied_text;

/// `on_revoked` reloads the page; `on_deleted` leaves it.
#[component]
pub fn CertificateActions(cert: PrivateCertificate, on_revoked: Callback<()>, on_deleted: Callback<()>) -> impl IntoView {
    let api = use_api();
    let i18n = use_locale();
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
        let l = i18n;
        let notice = match action {
            CertAction::Revoke => td_string!(l, pca.cert_done_revoked, name = marked(&cn)),
            _ => td_string!(l, pca.cert_done_deleted, name = marked(&cn)),
        };
        runner.send(api, req, notice.to_string(), move || {
            if action == CertAction::Revoke { on_revoked.run(()) } else { on_deleted.run(()) }
        });
    };

    view! {
        <section class="panel" aria-label=td_string!(i18n, pca.actions_on, name = name).to_string()>
            <h2>{td_string!(i18n, pca.revoke_or_delete)}</h2>
            <ul class="action-list">
                {[CertAction::Revoke, CertAction::Delete].into_iter().map(|action| {
                    let l = i18n;
                    let (label, id_word) = if action == CertAction::Revoke { (td_string!(l, pca.action_revoke), "revoke") } else { (td_string!(l, pca.action_delete), "delete") };
                    let why = cert.with_value(|c| cert_action_allowed_for(action, c).err().map(|d| cert_denied_text(d.reason, c, l)));
                    let why_id = format!("why-not-{id_word}");
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
                // The certificate's name is data in the dialog's sentences.
                let cn = marked(&cert.with_value(|c| c.distinguished_name.common_name.clone()));
                let l = i18n;
                let (title, confirm) = match action {
                    CertAction::Revoke => (td_string!(l, pca.confirm_cert_revoke, name = &cn), td_string!(l, pca.action_on, action = td_string!(l, pca.action_revoke), name = &cn)),
                    _ => (td_string!(l, pca.confirm_cert_delete, name = &cn), td_string!(l, pca.action_on, action = td_string!(l, pca.action_delete), name = &cn)),
                };
                let (title, confirm) = (title.to_string(), confirm.to_string());
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

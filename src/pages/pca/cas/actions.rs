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
use crate::components::with_data::marked;
use crate::components::select::WireSelect;
use crate::components::validity_fields::ValidityFields;
use crate::form::action::{ActionError, ActionRunner};
use crate::form::field::{RuleField, RuleSelect};
use crate::form::request_form::RequestForm;
use crate::pages::pca::certs::revoke_reason::ReasonSelect;
use crate::state::ca_revocations::{CaRevocation, CaRevocations};
use crate::i18n::{Locale, td_string, use_locale};
use crate::pages::pca::labels;

/// The actions this panel offers, in display order.
const ACTIONS: [CaAction; 6] =
    [CaAction::Activate, CaAction::Disable, CaAction::Enable, CaAction::Delete, CaAction::Restore, CaAction::Revoke];

fn button_label(action: CaAction, locale: Locale) -> &'static str {
    match action {
        CaAction::Disable => td_string!(locale, pca.action_disable),
        CaAction::Enable => td_string!(locale, pca.action_enable),
        CaAction::Delete => td_string!(locale, pca.action_delete),
        CaAction::Revoke => td_string!(locale, pca.action_revoke),
        CaAction::Activate => td_string!(locale, pca.action_activate),
        _ => td_string!(locale, pca.action_restore),
    }
}

#[component]
pub fn CaActions(ca: CertificateAuthority, all: Vec<CertificateAuthority>, on_changed: Callback<()>) -> impl IntoView {
    let api = use_api();
    let i18n = use_locale();
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
        let locale = i18n;
        let notice = td_string!(locale, pca.done, name = marked(&cn), what = done_message(action, &status, locale)).to_string();
        runner.send(api, req, notice, move || {
            if action == CaAction::Revoke {
                // The service will show it as disabled only (see state/ca_revocations.rs).
                revocations.record(&id, &reason.get_untracked(), js_sys::Date::now() as i64);
            }
            on_changed.run(());
        });
    };

    view! {
        <section class="ca-actions" aria-label=td_string!(i18n, pca.actions_on, name = name).to_string()>
            <h3>{td_string!(i18n, pca.actions)}</h3>
            <ul class="action-list">
                {ACTIONS.into_iter().map(|action| {
                    let reason_id = format!("why-not-{}", button_label(action, Locale::en).to_lowercase());
                    let locale = i18n;
                    let reason = ca.with_value(|c| why_not(action, c, revocations.of(c), locale));
                    view! {
                        <li>
                            <button disabled=reason.is_some() aria-describedby=reason.as_ref().map(|_| reason_id.clone())
                                on:click=move |_| runner.open(action)>
                                {move || button_label(action, i18n)}
                            </button>
                            {reason.map(|r| view! { <span class="field-hint" id=reason_id>{r}</span> })}
                        </li>
                    }
                }).collect::<Vec<_>>()}
            </ul>
            {move || runner.opened().map(|action| {
                let (cn, status) = ca.with_value(|c| (c.distinguished_name.common_name.clone(), c.status.clone()));
                let locale = i18n;
                // The CA's name is data in the dialog's sentences.
                let cn = marked(&cn);
                let title = confirm_title(action, &cn, &status, locale);
                let danger = matches!(action, CaAction::Delete | CaAction::Disable | CaAction::Revoke);
                // A dialog's fields live as long as the dialog.
                let id = ca.with_value(|c| c.ca_id.clone());
                let activation = (action == CaAction::Activate).then(|| activation_form(id.clone(), all));
                let deletion = (action == CaAction::Delete).then(|| deletion_form(id, status.clone()));
                let form = activation.map(|(_, form)| form).or(deletion.map(|(_, form)| form));
                view! {
                    <ConfirmDialog title confirm_label=td_string!(locale, pca.action_on, action = button_label(action, locale), name = cn).to_string() danger
                        pending=pending on_confirm=Callback::new(move |_| run(action, form))
                        on_cancel=Callback::new(move |_| runner.cancel())>
                        {activation.map(|(d, form)| view! {
                            <ActivationFields d form issuers=all.with_value(|all| ca.with_value(|c| issuer_options(all, Some(&c.ca_id), false, locale))) />
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
fn why_not(action: CaAction, ca: &CertificateAuthority, revoked: Option<CaRevocation>, locale: Locale) -> Option<String> {
    match (action, revoked) {
        (CaAction::Enable | CaAction::Revoke, Some(r)) => {
            Some(td_string!(locale, pca.why_revoked, revoked = r.describe(locale)).to_string())
        }
        _ => ca_action_allowed_for(action, ca).err().map(|d| denied_text(d.reason, ca, locale)),
    }
}

/// The catalogue's reason is English; in another language the same three
/// cases (frozen, root only, status) in that language's words.
fn denied_text(english: String, ca: &CertificateAuthority, locale: Locale) -> String {
    if locale == Locale::en {
        english
    } else if ca.is_frozen() {
        td_string!(locale, pca.why_frozen).to_owned()
    } else if ca.is_root() && english.contains("root CA") {
        td_string!(locale, pca.why_root).to_owned()
    } else {
        td_string!(locale, pca.why_status, status = labels::ca_status(&ca.status, false, locale)).to_string()
    }
}

fn confirm_title(action: CaAction, name: &str, status: &CaStatus, locale: Locale) -> String {
    match action {
        CaAction::Disable => td_string!(locale, pca.confirm_disable, name = name),
        CaAction::Enable => td_string!(locale, pca.confirm_enable, name = name),
        CaAction::Delete if *status == CaStatus::Pending => td_string!(locale, pca.confirm_delete_pending, name = name),
        CaAction::Delete => td_string!(locale, pca.confirm_delete, name = name),
        CaAction::Revoke => td_string!(locale, pca.confirm_revoke, name = name),
        CaAction::Activate => td_string!(locale, pca.confirm_activate, name = name),
        _ => td_string!(locale, pca.confirm_restore, name = name),
    }
    .to_string()
}

fn done_message(action: CaAction, status: &CaStatus, locale: Locale) -> &'static str {
    match action {
        CaAction::Disable => td_string!(locale, pca.done_disabled),
        CaAction::Enable => td_string!(locale, pca.done_enabled),
        CaAction::Delete if *status == CaStatus::Pending => td_string!(locale, pca.done_deleted),
        CaAction::Delete => td_string!(locale, pca.done_scheduled),
        CaAction::Revoke => td_string!(locale, pca.done_revoked),
        CaAction::Activate => td_string!(locale, pca.done_activated),
        _ => td_string!(locale, pca.done_restored),
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
    let l = use_locale();
    let check = move || {
        let draft = d.draft();
        all.with_value(|all| draft.to_request(&ca_id, all, js_sys::Date::now() as i64, l))
    };
    (d, RequestForm::new(Service::Ccm, "issue_certificate_authority_certificate", check))
}

/// Issuer, path length, signature and validity for an activation; the
/// required marks, messages and "left" come from the form.
#[component]
fn ActivationFields(d: ActivationSignals, form: RequestForm, issuers: Vec<(String, String)>) -> impl IntoView {
    let l = use_locale();
    view! {
        <RuleSelect form path="issuer_id" id="activate-issuer" label=td_string!(l, pca.issuing_ca) value=d.issuer_id none=td_string!(l, pca.choose_active_ca)
            options=Signal::stored(issuers) />
        <div class="field-row">
            <RuleField form path="path_length" id="activate-path" label=td_string!(l, pca.path_length_range) value=d.path_length />
            <WireSelect id="activate-sig" label=td_string!(l, pca.signature_algorithm) value=d.signature_algorithm
                options=SignatureAlgorithm::known().into_iter().filter(|s| *s != SignatureAlgorithm::Sm3).map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect() />
        </div>
        <ValidityFields id_prefix="activate" value=d.validity_value unit=d.validity_type form />
    }
}

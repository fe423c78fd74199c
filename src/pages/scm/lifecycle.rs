//! The order's own steps on a certificate's details: apply (a link to the
//! form), cancel an application under review, unsubscribe (refund) an
//! order that was never issued. Each is offered only where the status
//! allows it (`ccm_api::scm::scm_action_allowed`, the rule the emulator
//! answers with) and confirmed naming the certificate.

use ccm_api::scm::{cancel_certificate_request, scm_action_allowed, unsubscribe_certificate, ScmAction, ScmCertificate, ScmStatus};
use leptos::prelude::*;

use crate::api::client::use_api;
use crate::components::confirm::ConfirmDialog;
use crate::components::request_inspector::RequestPreview;
use crate::form::action::{ActionError, ActionRunner};
use crate::i18n::{td_string, use_locale};

/// The order steps this status allows, in the order they are offered.
pub fn order_steps(status: &ScmStatus) -> Vec<ScmAction> {
    [ScmAction::Apply, ScmAction::CancelApplication, ScmAction::Unsubscribe]
        .into_iter()
        .filter(|a| scm_action_allowed(*a, status).is_ok())
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Cancel,
    Unsubscribe,
}

#[component]
pub fn OrderSteps(
    cert: ScmCertificate,
    /// The application was withdrawn: read the certificate again.
    on_cancelled: Callback<()>,
    /// The order was refunded: the certificate is gone.
    on_unsubscribed: Callback<()>,
) -> impl IntoView {
    let api = use_api();
    let locale = use_locale();
    let steps = cert.status.as_ref().map(order_steps).unwrap_or_default();
    let id = StoredValue::new(cert.id.clone());
    let name = StoredValue::new(cert.name.clone().unwrap_or_else(|| cert.id.clone()));
    let runner = ActionRunner::<Step>::new();
    let pending = runner.pending();
    let request = move |s: Step| {
        id.with_value(|id| match s {
            Step::Cancel => cancel_certificate_request(id),
            Step::Unsubscribe => unsubscribe_certificate(id),
        })
    };
    let run = move |s: Step| {
        let n = name.get_value();
        match s {
            Step::Cancel => runner.send(api, request(s), td_string!(locale, scm.cancelled_notice, name = n), move || on_cancelled.run(())),
            Step::Unsubscribe => {
                runner.send(api, request(s), td_string!(locale, scm.unsubscribed_notice, name = n), move || on_unsubscribed.run(()))
            }
        }
    };
    (!steps.is_empty()).then(|| view! {
        <section class="order-steps" aria-label=td_string!(locale, scm.order_label)>
            <div class="actions">
                {steps.iter().map(|a| match a {
                    ScmAction::Apply => view! {
                        <a class="button primary" href=format!("/scm/apply?cert={}", id.get_value())>{td_string!(locale, scm.apply_for_it)}</a>
                    }.into_any(),
                    ScmAction::CancelApplication => view! {
                        <button on:click=move |_| runner.open(Step::Cancel)>{td_string!(locale, scm.cancel_application)}</button>
                    }.into_any(),
                    _ => view! {
                        <button class="danger" on:click=move |_| runner.open(Step::Unsubscribe)>{td_string!(locale, scm.unsubscribe_refund)}</button>
                    }.into_any(),
                }).collect::<Vec<_>>()}
            </div>
            {move || runner.opened().map(|s| {
                let n = name.get_value();
                let (title, label) = match s {
                    Step::Cancel => (
                        td_string!(locale, scm.cancel_confirm, name = n.clone()),
                        td_string!(locale, scm.cancel_confirm_label, name = n),
                    ),
                    Step::Unsubscribe => (
                        td_string!(locale, scm.unsubscribe_confirm, name = n.clone()),
                        td_string!(locale, scm.unsubscribe_confirm_label, name = n),
                    ),
                };
                let snapshot = Signal::derive(move || api.preview(&request(s)));
                view! {
                    <ConfirmDialog title confirm_label=label danger=s == Step::Unsubscribe pending
                        on_confirm=Callback::new(move |_| run(s))
                        on_cancel=Callback::new(move |_| runner.cancel())>
                        <RequestPreview snapshot />
                    </ConfirmDialog>
                }
            })}
            <ActionError state=runner.state not_done=td_string!(locale, scm.nothing_changed) />

        </section>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_status_offers_its_steps() {
        assert_eq!(order_steps(&ScmStatus::Paid), [ScmAction::Apply, ScmAction::Unsubscribe]);
        assert_eq!(order_steps(&ScmStatus::Checking), [ScmAction::CancelApplication]);
        assert_eq!(order_steps(&ScmStatus::Unpassed), [ScmAction::Apply, ScmAction::Unsubscribe]);
        assert!(order_steps(&ScmStatus::Issued).is_empty());
        assert!(order_steps(&ScmStatus::Upload).is_empty());
    }
}

//! Revoke or delete the selected certificates: one confirmation naming
//! them, then one request after the other with a progress bar and a
//! result per certificate. A failure is recorded and the run goes on.

use ccm_api::common::RevocationReason;
use ccm_api::pca::certs::PrivateCertificate;
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bulk::{BulkAction, BulkRun, Outcome};
use super::revoke_reason::ReasonSelect;
use crate::api::client::use_api;
use crate::components::confirm::ConfirmDialog;

#[component]
pub fn BulkActions(selected: RwSignal<Vec<PrivateCertificate>>, on_done: Callback<()>) -> impl IntoView {
    let api = use_api();
    let asking = RwSignal::new(None::<BulkAction>);
    let reason = RwSignal::new(String::new());
    let run = RwSignal::new(None::<BulkRun>);
    let running = RwSignal::new(false);
    let count = move || selected.with(Vec::len);

    let start = move |action: BulkAction| {
        let certs = selected.get_untracked();
        let r = reason.get_untracked();
        let why = (action == BulkAction::Revoke && !r.is_empty()).then(|| RevocationReason::from_wire(&r));
        run.set(Some(BulkRun::plan(action, &certs, why)));
        asking.set(None);
        running.set(true);
        spawn_local(async move {
            while let Some((index, req)) = run.with_untracked(|r| r.as_ref().and_then(BulkRun::next)) {
                let result = match api.send(req).await {
                    Ok(()) => Ok(()),
                    Err(ApiError::Aborted) => return,
                    Err(e) => Err(e.to_string()),
                };
                if run.try_update(|r| if let Some(r) = r { r.record(index, result) }).is_none() {
                    return;
                }
            }
            running.try_set(false);
            selected.try_set(Vec::new());
            on_done.run(());
        });
    };

    view! {
        <section class="panel bulk-bar" aria-label="Bulk actions">
            <p>{move || match count() { 0 => "Select certificates to revoke or delete several at once.".to_owned(), 1 => "1 certificate selected".to_owned(), n => format!("{n} certificates selected") }}</p>
            <div class="actions">
                <button disabled=move || count() == 0 || running.get() on:click=move |_| { reason.set(String::new()); asking.set(Some(BulkAction::Revoke)) }>"Revoke selected"</button>
                <button class="danger" disabled=move || count() == 0 || running.get() on:click=move |_| asking.set(Some(BulkAction::Delete))>"Delete selected"</button>
            </div>
            {move || asking.get().map(|action| {
                let names = selected.get_untracked().into_iter().map(|c| c.distinguished_name.common_name).collect::<Vec<_>>();
                let n = names.len();
                let title = match action {
                    BulkAction::Revoke => format!("Revoke {n} certificate(s)? Each issuer lists them in its CRL; this cannot be undone."),
                    BulkAction::Delete => format!("Delete {n} certificate(s)? They are removed for good."),
                };
                view! {
                    <ConfirmDialog title confirm_label=format!("{} {n} certificate(s)", action.verb()) danger=true pending=running
                        on_confirm=Callback::new(move |_| start(action)) on_cancel=Callback::new(move |_| asking.set(None))>
                        <ul class="bulk-names">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect::<Vec<_>>()}</ul>
                        {(action == BulkAction::Revoke).then(|| view! { <ReasonSelect id="bulk-revoke-reason" value=reason /> })}
                    </ConfirmDialog>
                }
            })}
            {move || run.get().map(|r| {
                let (done, total) = r.progress();
                let (action, finished, summary) = (r.action, r.finished(), r.summary());
                let label = format!("{} progress", action.verb());
                view! {
                    <div class="bulk-run">
                        <progress max=total value=done aria-label=label></progress>
                        <p role="status">{if finished { summary } else { format!("{done} of {total} done…") }}</p>
                        <ul aria-label="Results per certificate">
                            {r.items.into_iter().map(|i| {
                                let (class, text) = match &i.outcome {
                                    Outcome::Waiting => ("muted", "waiting".to_owned()),
                                    Outcome::Done => ("ok", action.done().to_owned()),
                                    Outcome::Skipped(why) => ("warn", format!("skipped: {why}")),
                                    Outcome::Failed(why) => ("danger", format!("failed: {why}")),
                                };
                                view! { <li class=format!("bulk-{class}")>{format!("{}: {text}", i.name)}</li> }
                            }).collect::<Vec<_>>()}
                        </ul>
                        {finished.then(|| view! { <button on:click=move |_| run.set(None)>"Dismiss results"</button> })}
                    </div>
                }
            })}
        </section>
    }
}

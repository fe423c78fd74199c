//! The bulk-action bar of a selectable list: how many rows are picked, a
//! button per action, one confirmation naming every picked row, then one
//! request after the other with a progress bar and a result per row. A
//! failure is recorded and the run goes on. The list says only what each
//! action is and how a picked row becomes its request (`BulkAction`).

use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bulk::{BulkItem, BulkRun, Planned};
use super::selection::{Noun, Picked, Selection};
use crate::api::client::use_api;
use crate::components::confirm::ConfirmDialog;
use crate::i18n::{td_string, use_locale};

/// One action the bar offers on the picked rows.
#[derive(Clone)]
pub struct BulkAction {
    /// "Revoke" (in the chosen language): the button reads "Revoke
    /// selected", the confirmation's button "Revoke 3 certificate(s)", the
    /// bar "Revoke progress".
    pub verb: &'static str,
    /// What a row it was done to reads as: "revoked" / "已吊销".
    pub done_word: &'static str,
    pub danger: bool,
    /// The confirmation's question for this many rows.
    pub question: fn(usize) -> String,
    /// Fields inside the confirmation (a reason), built each time it opens.
    pub fields: Option<ViewFn>,
    /// Each picked row's request, or why its status rules refuse it.
    pub plan: Callback<Vec<Picked>, Vec<Planned>>,
}

#[component]
pub fn BulkBar(
    selection: RwSignal<Selection>,
    noun: Noun,
    /// Shown while nothing is picked.
    hint: &'static str,
    actions: Vec<BulkAction>,
    /// After a run: the rows changed (reload the list).
    on_done: Callback<()>,
) -> impl IntoView {
    let api = use_api();
    let l = use_locale();
    let actions = StoredValue::new(actions);
    let asking = RwSignal::new(None::<usize>);
    let run = RwSignal::new(None::<BulkRun>);
    let running = RwSignal::new(false);
    let count = move || selection.with(Selection::len);

    let start = move |index: usize| {
        let (verb, done_word, plan) = actions.with_value(|a| (a[index].verb, a[index].done_word, a[index].plan));
        let picked = selection.with_untracked(|s| s.picked().to_vec());
        run.set(Some(BulkRun::plan(verb, done_word, plan.run(picked), l)));
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
            selection.try_set(Selection::default());
            on_done.try_run(());
        });
    };

    let buttons = actions.with_value(|a| {
        a.iter()
            .enumerate()
            .map(|(index, action)| {
                view! {
                    <button class=if action.danger { "danger" } else { "" } disabled=move || count() == 0 || running.get()
                        on:click=move |_| asking.set(Some(index))>
                        {td_string!(l, common.bulk_button, verb = action.verb)}
                    </button>
                }
            })
            .collect::<Vec<_>>()
    });

    view! {
        <section class="panel bulk-bar" aria-label=td_string!(l, common.bulk_actions)>
            <p>{move || selection.with(|s| s.summary(noun, hint, l))}</p>
            <div class="actions">{buttons}</div>
            {move || asking.get().map(|index| {
                let action = actions.with_value(|a| a[index].clone());
                let names = selection.with_untracked(|s| s.picked().iter().map(|p| p.name.clone()).collect::<Vec<_>>());
                let n = names.len();
                let title = (action.question)(n);
                let fields = action.fields.clone();
                view! {
                    <ConfirmDialog title confirm_label=td_string!(l, common.bulk_confirm, verb = action.verb, count = n, noun = noun.one).to_string()
                        danger=true pending=running
                        on_confirm=Callback::new(move |_| start(index)) on_cancel=Callback::new(move |_| asking.set(None))>
                        <ul class="bulk-names" translate="no">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect::<Vec<_>>()}</ul>
                        {fields.map(|f| f.run())}
                    </ConfirmDialog>
                }
            })}
            {move || run.get().map(|r| {
                let (done, total) = r.progress();
                view! {
                    <div class="bulk-run">
                        <progress max=total value=done aria-label=td_string!(l, common.bulk_progress, verb = r.verb).to_string()></progress>
                        <p role="status">{r.status()}</p>
                        <ul aria-label=td_string!(l, common.bulk_results_per, noun = noun.one).to_string()>
                            {r.items.iter().map(|i| view! { <ResultLine item=i.clone() done_word=r.done_word extra=None /> }).collect::<Vec<_>>()}
                        </ul>
                        {r.finished().then(|| view! { <button on:click=move |_| run.set(None)>{td_string!(l, common.bulk_dismiss)}</button> })}
                    </div>
                }
            })}
        </section>
    }
}

/// One row's line in a run's results: its name (data, not translated),
/// then what happened to it; `extra` after (a link to what was made).
#[component]
pub fn ResultLine(item: BulkItem, done_word: &'static str, extra: Option<AnyView>) -> impl IntoView {
    let l = use_locale();
    let (class, outcome) = item.outcome_text(done_word, l);
    view! { <li class=class><span translate="no">{item.row.name}</span>{td_string!(l, common.name_sep)}{outcome}{extra}</li> }
}

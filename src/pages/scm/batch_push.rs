//! Push a certificate to several regions at once (`batch_push_certificate`):
//! one request, each target listed as pending while it runs, then with its
//! own result (a failure in one region does not stop the others).

use ccm_api::scm::{batch_push_certificate, BatchPushCertificateBody, BatchPushCertificateResponse, BatchPushResult, PushService, ScmCertificate, MAX_PUSH_TARGETS};
use ccm_api::validate::{validate_request, Context};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::push::{load_regions, push_refusal};
use crate::api::client::use_api;
use crate::components::api_error::{change_failed_title, ApiErrorView};
use crate::components::select::WireSelect;
use crate::i18n::{td_string, use_locale, Locale};
use crate::form::rule_words::field_line;
use crate::list::table::{Column, DataTable};

/// One target's line: pending, pushed (with the id it got) or failed (why).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetState {
    Pending,
    Pushed(String),
    Failed(String),
    /// The answer does not mention the target.
    NoAnswer,
}

/// Each chosen target with its outcome from the answer; a target the
/// answer does not mention failed without a word from the service.
pub fn outcomes(targets: &[String], results: &[BatchPushResult]) -> Vec<(String, TargetState)> {
    targets
        .iter()
        .map(|t| {
            let state = match results.iter().find(|r| r.project_name == *t) {
                Some(r) if r.succeeded() => TargetState::Pushed(r.cert_id.clone()),
                Some(r) => TargetState::Failed(r.message.clone()),
                None => TargetState::NoAnswer,
            };
            (t.clone(), state)
        })
        .collect()
}

/// The results table: a row per region with its outcome.
fn result_columns(l: Locale) -> Vec<Column<(String, TargetState)>> {
    vec![
        Column::new(td_string!(l, scm.col_region), |r: &(String, TargetState)| view! { <span translate="no">{r.0.clone()}</span> }),
        Column::new(td_string!(l, scm.col_result), move |r: &(String, TargetState)| r.1.text(l)),
    ]
}

impl TargetState {
    pub fn text(&self, l: Locale) -> String {
        match self {
            TargetState::Pending => td_string!(l, scm.pushing).into(),
            TargetState::Pushed(id) if id.is_empty() => td_string!(l, scm.pushed).into(),
            TargetState::Pushed(id) => td_string!(l, scm.pushed_id, id = id.clone()),
            TargetState::Failed(why) => td_string!(l, scm.push_failed_why, why = why.clone()),
            TargetState::NoAnswer => td_string!(l, scm.push_failed_why, why = td_string!(l, scm.batch_no_answer)),
        }
    }
}

#[component]
pub fn BatchPushPanel(cert: ScmCertificate) -> impl IntoView {
    let api = use_api();
    let locale = use_locale();
    let refusal = push_refusal(&cert, locale);
    let id = StoredValue::new(cert.id.clone());
    let service = RwSignal::new(PushService::Elb.as_str().to_owned());
    let regions = RwSignal::new(Vec::<String>::new());
    let chosen = RwSignal::new(Vec::<String>::new());
    let rows = RwSignal::new(Vec::<(String, TargetState)>::new());
    let problem = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    load_regions(api, regions, None);
    let push = move |_| {
        let targets = chosen.get_untracked();
        let body = BatchPushCertificateBody { target_projects: targets.clone(), target_service: PushService::from_wire(&service.get_untracked()) };
        let req = id.with_value(|id| batch_push_certificate(id, &body));
        if let Some(p) = validate_request(&req, &Context { now_millis: 0 }).first() {
            problem.set(Some(if p.field == "target_projects" {
                td_string!(locale, scm.batch_choose_count, max = MAX_PUSH_TARGETS)
            } else {
                field_line(p, locale)
            }));
            return;
        }
        problem.set(None);
        error.set(None);
        pending.set(true);
        rows.set(targets.iter().map(|t| (t.clone(), TargetState::Pending)).collect());
        spawn_local(async move {
            let r = api.json::<BatchPushCertificateResponse>(req).await;
            pending.try_set(false);
            match r {
                Ok(answer) => {
                    rows.try_set(outcomes(&targets, &answer.results));
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    rows.try_set(Vec::new());
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section class="scm-batch-push" aria-label=td_string!(locale, scm.batch_heading)>
            <h3>{td_string!(locale, scm.batch_heading)}</h3>
            // The reason is said once, by the single push above.
            {match refusal {
                Some(_) => view! { <p class="field-hint">{td_string!(locale, scm.batch_unavailable)}</p> }.into_any(),
                None => view! {
                    <WireSelect id="batch-service" label=td_string!(locale, scm.push_service) value=service
                        options=PushService::known().into_iter().map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect() />
                    <fieldset>
                        <legend>{td_string!(locale, scm.regions)}</legend>
                        <div class="check-grid">
                            {move || regions.get().into_iter().map(|r| {
                                let (r1, r2) = (r.clone(), r.clone());
                                view! {
                                    <label class="check">
                                        <input type="checkbox" prop:checked=move || chosen.with(|c| c.contains(&r1))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                chosen.update(|c| { c.retain(|x| *x != r2); if on { c.push(r2.clone()) } });
                                            } />
                                        {r}
                                    </label>
                                }
                            }).collect::<Vec<_>>()}
                        </div>
                    </fieldset>
                    <p class="field-error" role="alert">{move || problem.get()}</p>
                    <button disabled=move || pending.get() || chosen.with(Vec::is_empty) on:click=push>
                        {move || match chosen.with(Vec::len) {
                            0 => td_string!(locale, scm.batch_choose).to_owned(),
                            1 => td_string!(locale, scm.batch_push_one).to_owned(),
                            n => td_string!(locale, scm.batch_push_n, count = n),
                        }}
                    </button>
                    {move || (!rows.with(Vec::is_empty)).then(|| view! {
                        <DataTable caption=td_string!(locale, scm.batch_results) columns=result_columns(locale) rows=rows.get() />
                    })}
                    {move || error.get().map(|e| view! {
                        <ApiErrorView title=change_failed_title(&e, td_string!(locale, scm.nothing_pushed), td_string!(locale, scm.batch_maybe_pushed)) error=e />
                    })}
                }.into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_gets_its_own_outcome() {
        let targets = vec!["ap-southeast-1".to_owned(), "eu-west-101".to_owned(), "cn-north-4".to_owned()];
        let results = vec![
            BatchPushResult { project_name: "ap-southeast-1".into(), cert_id: "elb-1".into(), message: "success".into() },
            BatchPushResult { project_name: "eu-west-101".into(), cert_id: String::new(), message: "SCM.0075: not an SCM region".into() },
        ];
        let o = outcomes(&targets, &results);
        assert_eq!(o[0].1, TargetState::Pushed("elb-1".into()));
        assert_eq!(o[1].1.text(Locale::en), "Failed: SCM.0075: not an SCM region");
        assert_eq!(o[2].1, TargetState::NoAnswer);
        assert_eq!(TargetState::Pending.text(Locale::en), "Pushing…");
        assert_eq!(TargetState::NoAnswer.text(Locale::en), "Failed: the service did not answer for this region");
    }
}

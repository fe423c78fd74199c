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
use crate::list::table::{Column, DataTable};

/// One target's line: pending, pushed (with the id it got) or failed (why).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetState {
    Pending,
    Pushed(String),
    Failed(String),
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
                None => TargetState::Failed("the service did not answer for this region".into()),
            };
            (t.clone(), state)
        })
        .collect()
}

/// The results table: a row per region with its outcome.
fn result_columns() -> Vec<Column<(String, TargetState)>> {
    vec![Column::new("Region", |r: &(String, TargetState)| r.0.clone()), Column::new("Result", |r: &(String, TargetState)| r.1.text())]
}

impl TargetState {
    pub fn text(&self) -> String {
        match self {
            TargetState::Pending => "Pushing…".into(),
            TargetState::Pushed(id) if id.is_empty() => "Pushed".into(),
            TargetState::Pushed(id) => format!("Pushed (id {id})"),
            TargetState::Failed(why) => format!("Failed: {why}"),
        }
    }
}

#[component]
pub fn BatchPushPanel(cert: ScmCertificate) -> impl IntoView {
    let api = use_api();
    let refusal = push_refusal(&cert);
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
            problem.set(Some(if p.field == "target_projects" { format!("Choose 1 to {MAX_PUSH_TARGETS} regions.") } else { p.to_string() }));
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
        <section class="scm-batch-push" aria-label="Push to several regions">
            <h3>"Push to several regions"</h3>
            // The reason is said once, by the single push above.
            {match refusal {
                Some(_) => view! { <p class="field-hint">"Not available for this certificate: see why under Push above."</p> }.into_any(),
                None => view! {
                    <WireSelect id="batch-service" label="Service" value=service
                        options=PushService::known().into_iter().map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect() />
                    <fieldset>
                        <legend>"Regions"</legend>
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
                            0 => "Choose regions to push to".to_owned(),
                            1 => "Push to 1 region".to_owned(),
                            n => format!("Push to {n} regions"),
                        }}
                    </button>
                    {move || (!rows.with(Vec::is_empty)).then(|| view! {
                        <DataTable caption="Push results by region" columns=result_columns() rows=rows.get() />
                    })}
                    {move || error.get().map(|e| view! {
                        <ApiErrorView title=change_failed_title(&e, "Nothing was pushed", "No confirmation from the service: some regions may have the certificate") error=e />
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
        assert_eq!(o[1].1.text(), "Failed: SCM.0075: not an SCM region");
        assert!(matches!(o[2].1, TargetState::Failed(_)));
        assert_eq!(TargetState::Pending.text(), "Pushing…");
    }
}

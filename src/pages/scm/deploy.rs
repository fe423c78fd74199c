//! Deploying a certificate to the resources that serve it (ELB listeners,
//! WAF domains, CDN domains) and the list of where it is deployed
//! (`list_deployed_resources`), read again after each deployment.

use ccm_api::scm::{
    list_deployed_resources, DeployCertificateResponse, ListDeployedResourcesBody,
    ListDeployedResourcesResponse, PushService, ScmCertificate, WafResourceType,
};
use ccm_api::{ApiError, ApiRequest};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::deploy_form::{deploy_refusal, DeployDraft};
use super::push::load_regions;
use crate::api::client::{use_api, Api};
use crate::components::api_error::{change_failed_title, ApiErrorView};
use crate::components::field::TextField;
use crate::components::select::WireSelect;
use crate::list::table::{Column, DataTable};

/// One deployment: service, region, resource name and id.
pub type DeployedRow = (String, String, String, String);

/// The deployed-resources query for one certificate, every service.
pub fn deployed_request(certificate_id: &str) -> ApiRequest {
    list_deployed_resources(&ListDeployedResourcesBody { certificate_ids: vec![certificate_id.to_owned()], service_names: vec!["ALL".into()] })
}

/// Where `certificate_id` is deployed, one row per resource.
pub async fn load_deployed(api: Api, certificate_id: &str) -> Result<Vec<DeployedRow>, ApiError> {
    let r = api.json::<ListDeployedResourcesResponse>(deployed_request(certificate_id)).await?;
    Ok(r.results
        .iter()
        .filter(|x| x.certificate_id == certificate_id)
        .flat_map(|x| x.flatten())
        .map(|(service, region, res)| (service.to_owned(), region.to_owned(), res.resource_name.clone(), res.resource_id.clone()))
        .collect())
}

fn deployed_columns() -> Vec<Column<DeployedRow>> {
    vec![
        Column::new("Service", |r: &DeployedRow| r.0.clone()),
        Column::new("Region", |r: &DeployedRow| r.1.clone()),
        Column::new("Resource", |r: &DeployedRow| r.2.clone()),
        Column::new("Id", |r: &DeployedRow| view! { <code>{r.3.clone()}</code> }),
    ]
}

#[component]
pub fn DeployedResources(id: String, #[prop(into)] version: Signal<u32>) -> impl IntoView {
    let api = use_api();
    let rows = RwSignal::new(None::<Result<Vec<DeployedRow>, ApiError>>);
    let id = StoredValue::new(id);
    Effect::new(move |_| {
        version.track();
        spawn_local(async move {
            let r = load_deployed(api, &id.get_value()).await;
            if r != Err(ApiError::Aborted) {
                rows.try_set(Some(r));
            }
        });
    });
    view! {
        <section aria-label="Deployed to">
            <h3>"Deployed to"</h3>
            {move || match rows.get() {
                None => view! { <p role="status">"Reading where it is deployed…"</p> }.into_any(),
                Some(Err(e)) => view! { <ApiErrorView title="Could not read where the certificate is deployed" error=e /> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="field-hint">"Not deployed to any resource."</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <DataTable caption="Resources the certificate is deployed to" columns=deployed_columns() rows=list />
                }.into_any(),
            }}
        </section>
    }
}

crate::draft_signals!(DeploySignals for DeployDraft {
    service: String,
    project: String,
    resources: String,
    waf_type: String,
    enterprise_project_id: String,
});

#[component]
pub fn DeployPanel(cert: ScmCertificate, on_deployed: Callback<()>) -> impl IntoView {
    let api = use_api();
    let refusal = deploy_refusal(&cert);
    let id = StoredValue::new(cert.id.clone());
    let d = DeploySignals::new();
    let regions = RwSignal::new(Vec::<String>::new());
    load_regions(api, regions, Some(d.project));
    let problems = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<ApiError>);
    let result = RwSignal::new(None::<(usize, DeployCertificateResponse)>);
    let pending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let draft = d.draft();
        let req = match draft.to_request(&id.get_value()) {
            Ok(r) => r,
            Err(p) => {
                problems.set(p.into_iter().map(|e| e.to_string()).collect());
                return;
            }
        };
        let count = draft.lines().len();
        problems.set(Vec::new());
        error.set(None);
        result.set(None);
        pending.set(true);
        spawn_local(async move {
            let r = api.json::<DeployCertificateResponse>(req).await;
            pending.try_set(false);
            match r {
                Ok(answer) => {
                    // Entered lines are kept when some failed, to fix and retry.
                    if answer.failure_list.is_empty() {
                        d.resources.try_set(String::new());
                    }
                    result.try_set(Some((count, answer)));
                    on_deployed.run(());
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    let is = move |s: PushService| d.service.get() == s.as_str();
    view! {
        <section class="scm-deploy" aria-label="Deploy">
            <h3>"Deploy to resources"</h3>
            {match refusal {
                Some(why) => view! { <p class="field-hint">{why}</p> }.into_any(),
                None => view! {
                    <form on:submit=submit aria-label="Deploy the certificate">
                        <div class="field-row">
                            <WireSelect id="deploy-service" label="Service" value=d.service
                                options=PushService::known().into_iter().map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect() />
                            {move || (!is(PushService::Cdn)).then(|| view! {
                                <WireSelect id="deploy-region" label="Region" value=d.project
                                    options=regions.get().into_iter().map(|r| (r.clone(), r)).collect() />
                            })}
                            {move || is(PushService::Waf).then(|| view! {
                                <WireSelect id="deploy-waf-type" label="WAF mode" value=d.waf_type
                                    options=WafResourceType::known().into_iter().map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect() />
                                <TextField id="deploy-eps" label="Enterprise project id" value=d.enterprise_project_id />
                            })}
                        </div>
                        <div class="field">
                            <label for="deploy-resources">"Resources"</label>
                            <textarea id="deploy-resources" rows="4" aria-describedby="deploy-resources-hint"
                                prop:value=move || d.resources.get() on:input=move |ev| d.resources.set(event_target_value(&ev))></textarea>
                            <p class="field-hint" id="deploy-resources-hint">{move || d.draft().resource_hint()}</p>
                        </div>
                        <ul class="field-error" role="alert">{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect::<Vec<_>>()}</ul>
                        <button type="submit" disabled=move || pending.get()>{move || if pending.get() { "Deploying…" } else { "Deploy" }}</button>
                    </form>
                    {move || result.get().map(|(count, answer)| {
                        let failed = answer.failure_list.len();
                        view! {
                            <div role="status" aria-label="Deployment result">
                                <p>{format!("{} of {count} resource{} deployed.", count.saturating_sub(failed), if count == 1 { "" } else { "s" })}</p>
                                <ul>{answer.failure_list.into_iter().map(|f| view! { <li class="field-error">{format!("{}: {}", f.resource, f.failure_info)}</li> }).collect::<Vec<_>>()}</ul>
                            </div>
                        }
                    })}
                    {move || error.get().map(|e| view! {
                        <ApiErrorView title=change_failed_title(&e, "Nothing was deployed", "No confirmation from the service: the certificate may have been deployed") error=e />
                    })}
                }.into_any(),
            }}
        </section>
    }
}

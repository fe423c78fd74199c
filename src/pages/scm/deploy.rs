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
use crate::i18n::{t, t_string, td_string, use_i18n, Locale};


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
    let i18n = use_i18n();
    view! {
        <section aria-label=move || t_string!(i18n, scm.deployed_to)>
            <h3>{t!(i18n, scm.deployed_to)}</h3>
            {move || match rows.get() {
                None => view! { <p role="status">{t!(i18n, scm.reading_deployed)}</p> }.into_any(),
                Some(Err(e)) => view! { <ApiErrorView title=t_string!(i18n, scm.deployed_load_failed) error=e /> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="field-hint">{t!(i18n, scm.not_deployed)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <table class="data-table">
                        <caption class="visually-hidden">{t!(i18n, scm.deployed_caption)}</caption>
                        <thead><tr>
                            <th scope="col">{t!(i18n, scm.col_service)}</th><th scope="col">{t!(i18n, scm.col_region)}</th>
                            <th scope="col">{t!(i18n, scm.col_resource)}</th><th scope="col">{t!(i18n, scm.col_id)}</th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|(s, r, n, i)| view! {
                                <tr translate="no"><td>{s}</td><td>{r}</td><td>{n}</td><td><code>{i}</code></td></tr>
                            }).collect::<Vec<_>>()}
                        </tbody>
                    </table>
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
    let i18n = use_i18n();
    let refusal = deploy_refusal(&cert, i18n.get_locale_untracked());
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
        <section class="scm-deploy" aria-label=move || t_string!(i18n, scm.deploy_label)>
            <h3>{t!(i18n, scm.deploy_heading)}</h3>
            {match refusal {
                Some(why) => view! { <p class="field-hint">{why}</p> }.into_any(),
                None => view! {
                    <form on:submit=submit aria-label=move || t_string!(i18n, scm.deploy_form_label)>
                        <div class="field-row">
                            <WireSelect id="deploy-service" label=t_string!(i18n, scm.col_service) value=d.service
                                options=PushService::known().into_iter().map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect() />
                            {move || (!is(PushService::Cdn)).then(|| view! {
                                <WireSelect id="deploy-region" label=t_string!(i18n, scm.col_region) value=d.project
                                    options=regions.get().into_iter().map(|r| (r.clone(), r)).collect() />
                            })}
                            {move || is(PushService::Waf).then(|| view! {
                                <WireSelect id="deploy-waf-type" label=t_string!(i18n, scm.waf_mode) value=d.waf_type
                                    options=WafResourceType::known().into_iter().map(|s| (s.as_str().to_owned(), waf_label(&s, i18n.get_locale()).into_owned())).collect() />
                                <TextField id="deploy-eps" label=t_string!(i18n, scm.enterprise_project_id) value=d.enterprise_project_id />
                            })}
                        </div>
                        <div class="field">
                            <label for="deploy-resources">{t!(i18n, scm.resources)}</label>
                            <textarea id="deploy-resources" rows="4" aria-describedby="deploy-resources-hint"
                                prop:value=move || d.resources.get() on:input=move |ev| d.resources.set(event_target_value(&ev))></textarea>
                            <p class="field-hint" id="deploy-resources-hint">{move || d.draft().resource_hint(i18n.get_locale())}</p>
                        </div>
                        <ul class="field-error" role="alert">{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect::<Vec<_>>()}</ul>
                        <button type="submit" disabled=move || pending.get()>{move || if pending.get() { t_string!(i18n, scm.deploying) } else { t_string!(i18n, scm.deploy) }}</button>
                    </form>
                    {move || result.get().map(|(count, answer)| {
                        let failed = answer.failure_list.len();
                        view! {
                            <div role="status" aria-label=move || t_string!(i18n, scm.deploy_result)>
                                <p>{move || {
                                    let done = count.saturating_sub(failed);
                                    if count == 1 {
                                        t_string!(i18n, scm.deployed_count_one, done)
                                    } else {
                                        t_string!(i18n, scm.deployed_count, done, count)
                                    }
                                }}</p>
                                <ul>{answer.failure_list.into_iter().map(|f| view! { <li class="field-error" translate="no">{format!("{}: {}", f.resource, f.failure_info)}</li> }).collect::<Vec<_>>()}</ul>
                            </div>
                        }
                    })}
                    {move || error.get().map(|e| view! {
                        <ApiErrorView title=change_failed_title(&e, t_string!(i18n, scm.nothing_deployed), t_string!(i18n, scm.deploy_maybe_done)) error=e />

                    })}
                }.into_any(),
            }}
        </section>
    }
}

/// WAF's two modes in the chosen language.
fn waf_label(w: &WafResourceType, l: Locale) -> std::borrow::Cow<'static, str> {
    match w {
        WafResourceType::Cloud => td_string!(l, scm.waf_cloud).into(),
        WafResourceType::Premium => td_string!(l, scm.waf_premium).into(),
        WafResourceType::Other(w) => w.clone().into(),
    }
}

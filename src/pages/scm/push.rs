//! Push a certificate to another cloud service (CDN, WAF or ELB) in a
//! chosen region. Regions come from the account's IAM projects; when that
//! list cannot be read, from the console's region presets.

use ccm_api::iam::{list_auth_projects, Project, ProjectsResponse};
use ccm_api::scm::{push_certificate, PushCertificateBody, PushService, ScmCertificate, ScmStatus};
use ccm_api::validate::{validate_request, Context};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::{use_api, Api};
use crate::components::api_error::ApiErrorView;
use crate::components::request_inspector::RequestPreview;
use crate::i18n::{td_string, use_locale, Locale};
use crate::form::rule_words::field_line;

use super::labels::status_label;

/// Why this certificate cannot be pushed, if it cannot.
pub fn push_refusal(c: &ScmCertificate, l: Locale) -> Option<String> {
    if !matches!(c.status, Some(ScmStatus::Issued) | Some(ScmStatus::Upload)) {
        let status = c.status.as_ref().map(|s| status_label(s, l).into_owned()).unwrap_or_else(|| td_string!(l, scm.status_unknown).to_owned());
        return Some(td_string!(l, scm.push_only_issued, status));
    }
    if c.push_support.as_deref() == Some("OFF") {
        return Some(td_string!(l, scm.push_type_off).to_owned());
    }
    None
}

/// Region names from the account's projects (`ap-southeast-1_dev` is a
/// sub-project of `ap-southeast-1`) and the certificate's own SCM region,
/// sorted, each once; the presets when the projects cannot be read.
pub fn push_regions(projects: &[Project], home: &str) -> Vec<String> {
    let mut regions: Vec<String> = projects
        .iter()
        .filter(|p| p.is_domain != Some(true))
        .map(|p| p.name.split('_').next().unwrap_or(&p.name).to_owned())
        .filter(|n| n.split('-').count() >= 3)
        .collect();
    if regions.is_empty() {
        regions = ccm_api::endpoints::SCM_REGIONS.iter().chain(ccm_api::endpoints::CCM_REGIONS).map(|s| (*s).to_owned()).collect();
    }
    if !home.is_empty() {
        regions.push(home.to_owned());
    }
    regions.sort();
    regions.dedup();
    regions
}

/// Reads the regions into `regions` (see [`push_regions`]) and, when given,
/// sets `chosen` to the profile's SCM region (or the first one).
pub fn load_regions(api: Api, regions: RwSignal<Vec<String>>, chosen: Option<RwSignal<String>>) {
    spawn_local(async move {
        let projects = match api.json::<ProjectsResponse>(list_auth_projects()).await {
            Ok(r) => r.projects,
            Err(ApiError::Aborted) => return,
            Err(_) => Vec::new(),
        };
        let home = api.session().active_profile().map(|p| p.scm_region).unwrap_or_default();
        let list = push_regions(&projects, &home);
        if let Some(chosen) = chosen {
            chosen.try_set(if list.contains(&home) { home } else { list.first().cloned().unwrap_or_default() });
        }
        regions.try_set(list);
    });
}

#[component]
pub fn PushPanel(cert: ScmCertificate) -> impl IntoView {
    let api = use_api();
    let locale = use_locale();
    let refusal = push_refusal(&cert, locale);
    let id = StoredValue::new(cert.id.clone());
    let name = cert.name.clone().unwrap_or_else(|| cert.id.clone());

    let service = RwSignal::new(PushService::Cdn.as_str().to_owned());
    let region = RwSignal::new(String::new());
    let regions = RwSignal::new(Vec::<String>::new());
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(Vec::<String>::new());

    load_regions(api, regions, Some(region));

    let request = move || {
        let body = PushCertificateBody {
            target_project: region.get(),
            target_service: PushService::from_wire(&service.get()),
        };
        id.with_value(|id| push_certificate(id, &body))
    };
    let snapshot = Signal::derive(move || api.preview(&request()));
    let push = move |_| {
        let req = request();
        let problems = validate_request(&req, &Context { now_millis: js_sys::Date::now() as i64 });
        if let Some(p) = problems.first() {
            problem.set(Some(field_line(p, locale)));
            return;
        }
        problem.set(None);
        error.set(None);
        pending.set(true);
        let (svc, reg) = (service.get_untracked(), region.get_untracked());
        spawn_local(async move {
            let result = api.send(req).await;
            pending.try_set(false);
            match result {
                Ok(()) => {
                    done.try_update(|d| d.push(td_string!(locale, scm.pushed_to, service = svc, region = reg)));
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };

    view! {
        <section class="scm-push" aria-label=move || td_string!(locale, scm.push_label, name = name.clone())>
            <h3>{td_string!(locale, scm.push_heading)}</h3>
            {match refusal {
                Some(why) => view! { <p class="field-hint">{why}</p> }.into_any(),
                None => view! {
                    <div class="field-row">
                        <div class="field">
                            <label for="push-service">{td_string!(locale, scm.push_service)}</label>
                            <select id="push-service" on:change=move |ev| service.set(event_target_value(&ev))>
                                {PushService::known().into_iter().map(|s| {
                                    let wire = s.as_str().to_owned();
                                    let w = wire.clone();
                                    view! { <option value=wire selected=move || service.get() == w>{s.label().to_owned()}</option> }
                                }).collect::<Vec<_>>()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="push-region">{td_string!(locale, scm.push_region)}</label>
                            <select id="push-region" on:change=move |ev| region.set(event_target_value(&ev))>
                                {move || regions.get().into_iter().map(|r| {
                                    let w = r.clone();
                                    view! { <option value=r.clone() selected=move || region.get() == w>{r.clone()}</option> }
                                }).collect::<Vec<_>>()}
                            </select>
                        </div>
                    </div>
                    <p class="field-error">{move || problem.get()}</p>
                    <RequestPreview snapshot />
                    <button class="primary" disabled=move || pending.get() || region.with(String::is_empty) on:click=push>
                        {move || if pending.get() { td_string!(locale, scm.pushing) } else { td_string!(locale, scm.push) }}
                    </button>
                    <ul class="push-results" role="status" aria-label=td_string!(locale, scm.push_results)>
                        {move || done.get().into_iter().map(|d| view! { <li>{d}</li> }).collect::<Vec<_>>()}
                    </ul>
                    {move || error.get().map(|e| view! { <ApiErrorView title=td_string!(locale, scm.push_failed) error=e /> })}
                }.into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cert(status: &str, push: &str) -> ScmCertificate {
        serde_json::from_value(json!({"id": "scs1", "status": status, "push_support": push})).unwrap()
    }

    #[test]
    fn only_live_pushable_certificates_push() {
        let english = Locale::en;
        assert_eq!(push_refusal(&cert("ISSUED", "ON"), english), None);
        assert_eq!(push_refusal(&cert("UPLOAD", "ON"), english), None);
        assert!(push_refusal(&cert("EXPIRED", "ON"), english).unwrap().contains("Expired"));
        assert!(push_refusal(&cert("ISSUED", "OFF"), english).unwrap().contains("cannot be pushed"));
        assert!(push_refusal(&cert("EXPIRED", "ON"), Locale::zh_CN).unwrap().contains("已过期"));

    }

    #[test]
    fn regions_come_from_projects() {
        let p = |name: &str| Project {
            id: "x".into(), name: name.into(), domain_id: None, is_domain: None, parent_id: None, description: None, enabled: None, links: None,
        };
        assert_eq!(
            push_regions(&[p("eu-west-101"), p("ap-southeast-1_dev"), p("ap-southeast-1"), p("MOS")], "cn-north-4"),
            vec!["ap-southeast-1", "cn-north-4", "eu-west-101"]
        );
        assert!(push_regions(&[], "").contains(&"ap-southeast-1".to_owned()));
    }
}

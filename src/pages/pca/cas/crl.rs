//! Publishing a CA's CRL to OBS: the agency that lets PCA write there
//! (checked, and created on request), a bucket, the update interval.

use ccm_api::common::CaStatus;
use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::pca::crl::{
    create_certificate_authority_obs_agency, disable_certificate_authority_crl, enable_certificate_authority_crl,
    list_certificate_authority_obs_bucket, show_certificate_authority_obs_agency, AgencyResponse, EnableCrlBody,
    ObsBucketsResponse,
};
use ccm_api::validate::{validate_request, Context};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::field::TextField;
use crate::components::notifications::use_notifications;

/// Where the set-up stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Closed,
    Checking,
    /// PCA may not write to OBS yet.
    NeedsAgency,
    /// Ready: pick a bucket.
    Choose(Vec<String>),
}

#[component]
pub fn CrlPanel(ca: CertificateAuthority, on_changed: Callback<()>) -> impl IntoView {
    let api = use_api();
    let notify = use_notifications();
    let id = StoredValue::new(ca.ca_id.clone());
    let cn = StoredValue::new(ca.distinguished_name.common_name.clone());
    let config = ca.crl_configuration.clone().filter(|c| c.enabled);
    let can_publish = ca.status == CaStatus::Actived;
    let step = RwSignal::new(Step::Closed);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let bucket = RwSignal::new(String::new());
    let crl_name = RwSignal::new(String::new());
    let valid_days = RwSignal::new("7".to_owned());
    let field_errors = RwSignal::new(Vec::<ccm_api::validate::ValidationError>::new());

    let load_buckets = move || {
        spawn_local(async move {
            match api.json::<ObsBucketsResponse>(list_certificate_authority_obs_bucket()).await {
                Ok(b) => {
                    let names: Vec<String> = b.obs_buckets.into_iter().map(|b| b.bucket_name).collect();
                    if let Some(first) = names.first() {
                        bucket.try_set(first.clone());
                    }
                    step.try_set(Step::Choose(names));
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    step.try_set(Step::Closed);
                    error.try_set(Some(e));
                }
            }
        });
    };
    let start = move |_| {
        error.set(None);
        step.set(Step::Checking);
        spawn_local(async move {
            match api.json::<AgencyResponse>(show_certificate_authority_obs_agency()).await {
                Ok(a) if a.granted() => load_buckets(),
                Ok(_) => {
                    step.try_set(Step::NeedsAgency);
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    step.try_set(Step::Closed);
                    error.try_set(Some(e));
                }
            }
        });
    };
    let grant = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        spawn_local(async move {
            let r = api.send(create_certificate_authority_obs_agency()).await;
            pending.try_set(false);
            match r {
                Ok(()) => load_buckets(),
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    let enable = move |_| {
        if pending.get_untracked() {
            return;
        }
        let Ok(days) = valid_days.get_untracked().trim().parse::<i64>() else {
            field_errors.set(vec![ccm_api::validate::ValidationError::new("valid_days", "enter a whole number from 7 to 30")]);
            return;
        };
        let name = crl_name.get_untracked().trim().to_owned();
        let body = EnableCrlBody { crl_name: (!name.is_empty()).then_some(name), obs_bucket_name: bucket.get_untracked(), valid_days: days };
        let req = enable_certificate_authority_crl(&id.get_value(), &body);
        let problems = validate_request(&req, &Context { now_millis: js_sys::Date::now() as i64 });
        if !problems.is_empty() {
            field_errors.set(problems);
            return;
        }
        field_errors.set(Vec::new());
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let r = api.send(req).await;
            pending.try_set(false);
            match r {
                Ok(()) => {
                    notify.success(format!("{}: CRL published", cn.get_value()));
                    step.try_set(Step::Closed);
                    on_changed.run(());
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    let disable = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let r = api.send(disable_certificate_authority_crl(&id.get_value())).await;
            pending.try_set(false);
            match r {
                Ok(()) => {
                    notify.success(format!("{}: CRL no longer published", cn.get_value()));
                    on_changed.run(());
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    let field_error = move |field: &'static str| {
        Signal::derive(move || field_errors.with(|e| e.iter().find(|e| e.field == field).map(|e| e.message.clone())))
    };

    view! {
        <section class="ca-crl" aria-label="Certificate revocation list">
            <h3>"CRL"</h3>
            {match config {
                Some(c) => view! {
                    <p>
                        "Published to OBS bucket " <strong>{c.obs_bucket_name.clone()}</strong>
                        {c.valid_days.map(|d| format!(", renewed every {d} days"))}
                    </p>
                    {c.crl_dis_point.clone().map(|url| view! { <p class="field-hint">"Distribution point: " <code>{url}</code></p> })}
                    <button on:click=disable disabled=move || pending.get()>"Stop publishing the CRL"</button>
                }.into_any(),
                None if can_publish => view! {
                    <p class="field-hint">"Not published. Certificates issued after publishing carry the CRL's address."</p>
                    <Show when=move || step.get() == Step::Closed>
                        <button on:click=start>"Publish a CRL"</button>
                    </Show>
                }.into_any(),
                None => view! { <p class="field-hint">"Only an active CA can publish a CRL."</p> }.into_any(),
            }}
            {move || match step.get() {
                Step::Closed => None,
                Step::Checking => Some(view! { <p role="status">"Checking access to OBS…"</p> }.into_any()),
                Step::NeedsAgency => Some(view! {
                    <p>"PCA needs permission (an IAM agency) to write CRLs to your OBS buckets."</p>
                    <button class="primary" on:click=grant disabled=move || pending.get()>"Grant PCA access to OBS"</button>
                }.into_any()),
                Step::Choose(buckets) => Some(view! {
                    <div class="field">
                        <label for="crl-bucket">"OBS bucket"</label>
                        <select id="crl-bucket" on:change=move |ev| bucket.set(event_target_value(&ev))>
                            {buckets.into_iter().map(|b| view! { <option value=b.clone()>{b.clone()}</option> }).collect::<Vec<_>>()}
                        </select>
                        <p class="field-error">{move || field_error("obs_bucket_name").get()}</p>
                    </div>
                    <TextField id="crl-name" label="CRL name (optional; the CA id when empty)" value=crl_name error=field_error("crl_name") />
                    <TextField id="crl-days" label="Renew every (7 to 30 days)" value=valid_days error=field_error("valid_days") />
                    <div class="actions">
                        <button class="primary" on:click=enable disabled=move || pending.get()>"Publish"</button>
                        <button on:click=move |_| step.set(Step::Closed)>"Cancel"</button>
                    </div>
                }.into_any()),
            }}
            {move || error.get().map(|e| view! { <ApiErrorView title="The CRL could not be changed" error=e /> })}
        </section>
    }
}

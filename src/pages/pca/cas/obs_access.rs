//! Where a CRL goes: checks that PCA may write to OBS (the IAM agency),
//! offers to grant it, then lists the account's buckets to pick one. Used
//! by the CRL panel and by the create wizard.

use ccm_api::pca::crl::{
    create_certificate_authority_obs_agency, list_certificate_authority_obs_bucket, show_certificate_authority_obs_agency,
    AgencyResponse, ObsBucketsResponse,
};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::i18n::{td_string, use_locale};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Checking,
    /// PCA may not write to OBS yet.
    NeedsAgency,
    Choose(Vec<String>),
    Failed(ApiError),
}

/// Fills `bucket` with the chosen bucket's name; `ready` turns true once a
/// bucket can be chosen. `bucket_error` is shown under the picker.
#[component]
pub fn ObsBucketPicker(
    #[prop(into)] id: String,
    bucket: RwSignal<String>,
    ready: RwSignal<bool>,
    #[prop(into)] bucket_error: Signal<Option<String>>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_locale();
    let step = RwSignal::new(Step::Checking);
    let granting = RwSignal::new(false);

    let load_buckets = move || {
        spawn_local(async move {
            match api.json::<ObsBucketsResponse>(list_certificate_authority_obs_bucket()).await {
                Ok(b) => {
                    let names: Vec<String> = b.obs_buckets.into_iter().map(|b| b.bucket_name).collect();
                    if bucket.get_untracked().is_empty() {
                        if let Some(first) = names.first() {
                            bucket.try_set(first.clone());
                        }
                    }
                    ready.try_set(true);
                    step.try_set(Step::Choose(names));
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    step.try_set(Step::Failed(e));
                }
            }
        });
    };
    spawn_local(async move {
        match api.json::<AgencyResponse>(show_certificate_authority_obs_agency()).await {
            Ok(a) if a.granted() => load_buckets(),
            Ok(_) => {
                step.try_set(Step::NeedsAgency);
            }
            Err(ApiError::Aborted) => {}
            Err(e) => {
                step.try_set(Step::Failed(e));
            }
        }
    });
    let grant = move |_| {
        if granting.get_untracked() {
            return;
        }
        granting.set(true);
        spawn_local(async move {
            let r = api.send(create_certificate_authority_obs_agency()).await;
            granting.try_set(false);
            match r {
                Ok(()) => load_buckets(),
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    step.try_set(Step::Failed(e));
                }
            }
        });
    };

    move || match step.get() {
        Step::Checking => view! { <p role="status">{td_string!(i18n, pca.obs_checking)}</p> }.into_any(),
        Step::NeedsAgency => view! {
            <p>{td_string!(i18n, pca.obs_needs_agency)}</p>
            <button type="button" class="primary" on:click=grant disabled=move || granting.get()>{td_string!(i18n, pca.obs_grant)}</button>
        }.into_any(),
        Step::Choose(buckets) => {
            let id = id.clone();
            view! {
                <div class="field">
                    <label for=id.clone()>{td_string!(i18n, pca.obs_bucket)}</label>
                    <select id=id on:change=move |ev| bucket.set(event_target_value(&ev))>
                        {buckets.into_iter().map(|b| {
                            let b2 = b.clone();
                            view! { <option value=b.clone() selected=move || bucket.get() == b2>{b.clone()}</option> }
                        }).collect::<Vec<_>>()}
                    </select>
                    <p class="field-error">{move || bucket_error.get()}</p>
                </div>
            }.into_any()
        }
        Step::Failed(e) => view! { <ApiErrorView title=td_string!(i18n, pca.obs_failed) error=e /> }.into_any(),
    }
}

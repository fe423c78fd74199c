//! Publishing a CA's CRL to OBS (a bucket picked after the agency check in
//! `obs_access.rs`, the update interval) and stopping it.

use ccm_api::common::CaStatus;
use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::pca::crl::{disable_certificate_authority_crl, enable_certificate_authority_crl, EnableCrlBody};
use ccm_api::validate::{validate_request, Context};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::with_data::marked;
use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::field::TextField;
use crate::components::notifications::use_notifications;

use super::obs_access::ObsBucketPicker;
use crate::i18n::{td_string, use_locale};
use crate::form::rule_words::localized;

/// Whether the publish form is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Closed,
    Open,
}

#[component]
pub fn CrlPanel(ca: CertificateAuthority, on_changed: Callback<()>) -> impl IntoView {
    let api = use_api();
    let i18n = use_locale();
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

    let ready = RwSignal::new(false);
    let start = move |_| {
        error.set(None);
        ready.set(false);
        step.set(Step::Open);
    };
    let enable = move |_| {
        if pending.get_untracked() {
            return;
        }
        let Ok(days) = valid_days.get_untracked().trim().parse::<i64>() else {
            field_errors.set(vec![ccm_api::validate::ValidationError::new("valid_days", td_string!(i18n, pca.crl_days_whole))]);
            return;
        };
        let name = crl_name.get_untracked().trim().to_owned();
        let body = EnableCrlBody { crl_name: (!name.is_empty()).then_some(name), obs_bucket_name: bucket.get_untracked(), valid_days: days };
        let req = enable_certificate_authority_crl(&id.get_value(), &body);
        let problems = validate_request(&req, &Context { now_millis: js_sys::Date::now() as i64 });
        if !problems.is_empty() {
            field_errors.set(localized(problems, i18n));
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
                    notify.success(td_string!(i18n, pca.crl_published_notice, name = marked(&cn.get_value())).to_string());
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
                    notify.success(td_string!(i18n, pca.crl_stopped_notice, name = marked(&cn.get_value())).to_string());
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
        <section class="ca-crl" aria-label=move || td_string!(i18n, pca.crl_section)>
            <h3>{td_string!(i18n, pca.crl_heading)}</h3>
            {match config {
                Some(c) => view! {
                    <p>
                        {td_string!(i18n, pca.crl_published_to)} <strong translate="no">{c.obs_bucket_name.clone()}</strong>
                        {c.valid_days.map(|d| td_string!(i18n, pca.crl_renewed_every, days = d))}
                    </p>
                    {c.crl_dis_point.clone().map(|url| view! { <p class="field-hint">{td_string!(i18n, pca.crl_dist_point)} <code>{url}</code></p> })}
                    <p><a href=format!("/pca/cas/{}/crl", id.get_value())>{td_string!(i18n, pca.view_crl)}</a></p>
                    <button on:click=disable disabled=move || pending.get()>{td_string!(i18n, pca.crl_stop)}</button>
                }.into_any(),
                None if can_publish => view! {
                    <p class="field-hint">{td_string!(i18n, pca.crl_not_published_hint)}</p>
                    <Show when=move || step.get() == Step::Closed>
                        <button on:click=start>{td_string!(i18n, pca.crl_publish_start)}</button>
                    </Show>
                }.into_any(),
                None => view! { <p class="field-hint">{td_string!(i18n, pca.crl_only_active)}</p> }.into_any(),
            }}
            <Show when=move || step.get() == Step::Open>
                <ObsBucketPicker id="crl-bucket" bucket ready bucket_error=field_error("obs_bucket_name") />
                <Show when=move || ready.get()>
                    <TextField id="crl-name" label=td_string!(i18n, pca.crl_name_label) value=crl_name error=field_error("crl_name") />
                    <TextField id="crl-days" label=td_string!(i18n, pca.crl_days_label) value=valid_days error=field_error("valid_days") />
                    <div class="actions">
                        <button class="primary" on:click=enable disabled=move || pending.get()>{td_string!(i18n, pca.crl_publish)}</button>
                        <button on:click=move |_| step.set(Step::Closed)>{td_string!(i18n, pca.cancel)}</button>
                    </div>
                </Show>
            </Show>
            {move || error.get().map(|e| view! { <ApiErrorView title=td_string!(i18n, pca.crl_change_failed) error=e /> })}
        </section>
    }
}

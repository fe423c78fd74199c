use ccm_api::quota::{show_certificate_authority_quota, QuotaResponse};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::i18n::{td_string, use_locale};

/// Calls the CA quota endpoint with the active profile and credential.
#[component]
pub fn ConnectionTest() -> impl IntoView {
    let api = use_api();
    let locale = use_locale();
    let pending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<String, ApiError>>);

    let run = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        outcome.set(None);
        let host = api.session().active_profile().map(|p| p.endpoints().ccm).unwrap_or_default();
        spawn_local(async move {
            let result = api.json::<QuotaResponse>(show_certificate_authority_quota()).await.map(|q| {
                let summary = q
                    .quotas
                    .resources
                    .iter()
                    .map(|r| {
                        td_string!(locale, settings.quota_used, kind = r.kind.label(), used = r.used, quota = r.quota)
                            .into_owned()
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                td_string!(locale, settings.connected, host, summary).into_owned()
            });
            pending.try_set(false);
            if result != Err(ApiError::Aborted) {
                outcome.try_set(Some(result));
            }
        });
    };

    view! {
        <section class="panel" aria-labelledby="test-title">
            <h2 id="test-title">{td_string!(locale, settings.test_title)}</h2>
            <p>{td_string!(locale, settings.test_intro)}</p>
            <button on:click=run disabled=move || pending.get()>
                {move || if pending.get() { td_string!(locale, settings.testing) } else { td_string!(locale, settings.test_title) }}
            </button>
            {move || match outcome.get() {
                None => None,
                Some(Ok(text)) => Some(view! { <p class="ok" role="status">{text}</p> }.into_any()),
                Some(Err(e)) => Some(view! { <ApiErrorView title=td_string!(locale, settings.test_failed) error=e /> }.into_any()),
            }}
        </section>
    }
}

//! Used / total for CAs and private certificates, with a warning near the limit.

use ccm_api::quota::{show_certificate_authority_quota, show_certificate_quota, QuotaResource, QuotaResponse};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::i18n::{td_string, use_locale, Locale};

/// A quota's name; one the reference does not list shows its wire name.
pub fn quota_label(kind: &ccm_api::quota::QuotaKind, l: Locale) -> String {
    use ccm_api::quota::QuotaKind as K;
    match kind {
        K::CertificateAuthority => td_string!(l, common.quota_cas).to_owned(),
        K::Certificate => td_string!(l, common.quota_certs).to_owned(),
        K::Other(_) => kind.label().to_owned(),
    }
}

/// The two quota reads the cards show, in order.
pub fn quota_reads() -> [ccm_api::ApiRequest; 2] {
    [show_certificate_authority_quota(), show_certificate_quota()]
}

#[component]
pub fn QuotaCards() -> impl IntoView {
    let api = use_api();
    let l = use_locale();
    let quotas = RwSignal::new(None::<Result<Vec<QuotaResource>, ApiError>>);
    let load = Callback::new(move |_: ()| {
        quotas.set(None);
        spawn_local(async move {
            let mut all = Vec::new();
            for req in quota_reads() {
                match api.json::<QuotaResponse>(req).await {
                    Ok(q) => all.extend(q.quotas.resources),
                    Err(ApiError::Aborted) => return,
                    Err(e) => {
                        quotas.try_set(Some(Err(e)));
                        return;
                    }
                }
            }
            quotas.try_set(Some(Ok(all)));
        });
    });
    load.run(());
    view! {
        <section class="panel" aria-label=td_string!(l, common.quotas)>
            <h2>{td_string!(l, common.quotas)}</h2>
            {move || match quotas.get() {
                None => view! { <p class="loading" role="status">{td_string!(l, common.quotas_loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ApiErrorView title=td_string!(l, common.quotas_failed) error=e retry=load /> }.into_any(),
                Some(Ok(list)) => view! {
                    <div class="cards">
                        {list.into_iter().map(|q| view! { <QuotaCard quota=q /> }).collect::<Vec<_>>()}
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn QuotaCard(quota: QuotaResource) -> impl IntoView {
    let l = use_locale();
    let near = quota.is_near_limit();
    let label = quota_label(&quota.kind, l);
    view! {
        <div class="card" class:card-warn=near>
            <h3>{label.clone()}</h3>
            <p class="card-figure">{quota.used} " / " {quota.quota}</p>
            <meter min="0" max=quota.quota value=quota.used aria-label=td_string!(l, common.quota_used, label = &label).to_string()></meter>
            {near.then(|| view! { <p class="warn">{td_string!(l, common.quota_near)}</p> })}
        </div>
    }
}

//! Used / total for CAs and private certificates, with a warning near the limit.

use ccm_api::quota::{show_certificate_authority_quota, show_certificate_quota, QuotaResource, QuotaResponse};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;

/// The two quota reads the cards show, in order.
pub fn quota_reads() -> [ccm_api::ApiRequest; 2] {
    [show_certificate_authority_quota(), show_certificate_quota()]
}

#[component]
pub fn QuotaCards() -> impl IntoView {
    let api = use_api();
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
        <section class="panel" aria-label="Quotas">
            <h2>"Quotas"</h2>
            {move || match quotas.get() {
                None => view! { <p class="loading" role="status">"Loading quotas…"</p> }.into_any(),
                Some(Err(e)) => view! { <ApiErrorView title="Could not load the quotas" error=e retry=load /> }.into_any(),
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
    let near = quota.is_near_limit();
    let label = quota.kind.label().to_owned();
    view! {
        <div class="card" class:card-warn=near>
            <h3>{label.clone()}</h3>
            <p class="card-figure">{quota.used} " / " {quota.quota}</p>
            <meter min="0" max=quota.quota value=quota.used aria-label=format!("{label} quota used")></meter>
            {near.then(|| view! { <p class="warn">"Near the limit: delete unused items or ask for a larger quota."</p> })}
        </div>
    }
}

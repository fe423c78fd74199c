//! "Order a certificate": brand, type, names and validity as the SDK
//! offers them. No billing here: the service records the order (the
//! emulator as paid) and the new certificates wait for an application.

use ccm_api::scm::{show_certificate, PrimaryDomainType, ScmBrand, ScmCertType, ScmCertificate, ScmDomainType, SubscribeCertificateResponse, MAX_EFFECTIVE_YEARS};
use ccm_api::ApiError;
use leptos::task::spawn_local;
use ccm_api::Service;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::order_form::OrderDraft;
use super::renew::{apply_href, renewal_order, Renewing};
use crate::components::api_error::ApiErrorView;
use crate::components::select::WireSelect;
use crate::form::field::RuleField;
use crate::form::page::{FormFrame, FormPage};
use crate::form::request_form::RequestForm;
use crate::form::consent::PrivacyConsent;

crate::draft_signals!(OrderSignals for OrderDraft {
    brand: String,
    cert_type: String,
    domain_type: String,
    domain_numbers: String,
    primary_domain_type: String,
    effective_time: String,
    order_number: String,
    agree_privacy: bool,
});

/// (wire value, label) of every documented value of a wire enum.
macro_rules! choices {
    ($t:ty) => {
        <$t>::known().into_iter().map(|v| (v.as_str().to_owned(), v.label().to_owned())).collect::<Vec<_>>()
    };
}

#[component]
pub fn OrderCertificatePage() -> impl IntoView {
    let page = FormPage::open();
    let d = OrderSignals::new();
    // "Renew" on the expiry radar: the certificate is read, the form filled
    // from it, and its domains passed on to the application.
    let renew_id = use_query_map().with_untracked(|q| q.get("renew"));
    let renewing = RwSignal::new(None::<Result<Renewing, ApiError>>);
    if let Some(id) = renew_id.clone() {
        let api = page.api;
        spawn_local(async move {
            let read = api.json::<ScmCertificate>(show_certificate(&id)).await;
            if read == Err(ApiError::Aborted) {
                return;
            }
            renewing.try_set(Some(read.map(|c| match renewal_order(&c) {
                Some((draft, r)) => {
                    d.set_draft(draft);
                    r
                }
                // Neither issued nor uploaded: nothing to copy; the form stays as it is.
                None => Renewing { name: c.name.clone().unwrap_or(c.id.clone()), domain: String::new(), sans: String::new() },
            })));
        });
    }
    let form = RequestForm::new(Service::Scm, "subscribe_certificate", move || d.draft().to_request());
    let send = form.sender(page.api, move |r: SubscribeCertificateResponse| {
        let n = r.cert.len();
        page.done((format!("Order {} placed: {n} certificate{} waiting for an application", r.order_id, if n == 1 { "" } else { "s" })).into(), match r.cert.first() {
            Some(c) => match renewing.get_untracked() {
                Some(Ok(r)) => apply_href(&c.cert_id, &r),
                _ => format!("/scm/apply?cert={}", c.cert_id),
            },
            None => "/scm?status=PAID".to_owned(),
        });
    });
    let multi = move || d.domain_type.get() == ScmDomainType::MultiDomain.as_str();
    view! {
        <FormFrame form heading="Order a certificate" back=("/scm", "Back to the SSL certificates") on_send=send send_label="Place order"
            not_done="Nothing was ordered" unsure="No confirmation from the service: the order may have been placed">
            {renew_id.is_some().then(|| view! {
                <section aria-label="Renewal">
                    {move || match renewing.get() {
                        None => view! { <p role="status">"Reading the certificate to renew…"</p> }.into_any(),
                        Some(Err(e)) => view! { <ApiErrorView title="The certificate to renew could not be read" error=e /> }.into_any(),
                        Some(Ok(r)) => view! {
                            <h2>{format!("Renewing {}", r.name)}</h2>
                            <p class="field-hint">{format!(
                                "The service has no renewal call: a renewal is a new order, filled in below from the certificate renewed (its product; for one uploaded here, its names). \
                                 Once it is placed, the application form opens with the same domains ({}); the certificate you renew \
                                 stays valid until it expires.",
                                std::iter::once(r.domain.as_str()).chain(r.sans.split(' ')).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
                            )}</p>
                        }.into_any(),
                    }}
                </section>
            })}
            <fieldset>
                <legend>"Product"</legend>
                <div class="field-row">
                    <WireSelect id="order-brand" label="Brand" value=d.brand options={choices!(ScmBrand)} />
                    <WireSelect id="order-type" label="Type" value=d.cert_type options={choices!(ScmCertType)}
                        hint="DV proves the domain only; OV and EV also check the organisation." />
                </div>
            </fieldset>
            <fieldset>
                <legend>"Names"</legend>
                <div class="field-row">
                    <WireSelect id="order-domain-type" label="Domain type" value=d.domain_type options={choices!(ScmDomainType)} />
                    {move || multi().then(|| view! {
                        <RuleField form path="domain_numbers" id="order-domains" label="Number of domains" value=d.domain_numbers
                            hint="2 to 100 names on one certificate." />
                        <WireSelect id="order-primary" label="Main domain kind" value=d.primary_domain_type options={choices!(PrimaryDomainType)} />
                    })}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Quantity and validity"</legend>
                <div class="field-row">
                    <WireSelect id="order-years" label="Validity" value=d.effective_time
                        options=(1..=MAX_EFFECTIVE_YEARS).map(|y| (y.to_string(), format!("{y} year{}", if y == 1 { "" } else { "s" }))).collect() />
                    <RuleField form path="order_number" id="order-count" label="Number of certificates" value=d.order_number hint="1 to 100." />
                </div>
            </fieldset>
            <PrivacyConsent form value=d.agree_privacy />
        </FormFrame>
    }
}

//! "Order a certificate": brand, type, names and validity as the SDK
//! offers them. No billing here: the service records the order (the
//! emulator as paid) and the new certificates wait for an application.

use ccm_api::scm::{PrimaryDomainType, ScmBrand, ScmCertType, ScmDomainType, SubscribeCertificateResponse, MAX_EFFECTIVE_YEARS};
use ccm_api::Service;
use leptos::prelude::*;

use super::order_form::OrderDraft;
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
    let form = RequestForm::new(Service::Scm, "subscribe_certificate", move || d.draft().to_request());
    let send = form.sender(page.api, move |r: SubscribeCertificateResponse| {
        let n = r.cert.len();
        page.done((format!("Order {} placed: {n} certificate{} waiting for an application", r.order_id, if n == 1 { "" } else { "s" })).into(), match r.cert.first() {
            Some(c) => format!("/scm/apply?cert={}", c.cert_id),
            None => "/scm?status=PAID".to_owned(),
        });
    });
    let multi = move || d.domain_type.get() == ScmDomainType::MultiDomain.as_str();
    view! {
        <FormFrame form heading="Order a certificate" back=("/scm", "Back to the SSL certificates") on_send=send send_label="Place order"
            not_done="Nothing was ordered" unsure="No confirmation from the service: the order may have been placed">
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

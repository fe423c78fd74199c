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
use crate::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::pages::scm::labels::{domain_type_label, type_label};

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
/// (wire, words) of every documented value, the words from `label`.
macro_rules! choices {
    ($t:ty, $label:expr) => {
        <$t>::known().into_iter().map(|v| (v.as_str().to_owned(), ($label)(&v).to_string())).collect::<Vec<_>>()
    };
}

fn primary_label(p: &PrimaryDomainType, l: Locale) -> String {
    match p {
        PrimaryDomainType::SingleDomain => td_string!(l, scm.primary_single).to_owned(),
        PrimaryDomainType::WildcardDomain => td_string!(l, scm.primary_wildcard).to_owned(),
        PrimaryDomainType::Other(w) => w.clone(),
    }
}

#[component]
pub fn OrderCertificatePage() -> impl IntoView {
    let page = FormPage::open();
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let d = OrderSignals::new();
    let form = RequestForm::new(Service::Scm, "subscribe_certificate", move || d.draft().to_request(i18n.get_locale()));
    let send = form.sender(page.api, move |r: SubscribeCertificateResponse| {
        let n = r.cert.len();
        let id = r.order_id.clone();
        let message = if n == 1 { t_string!(i18n, scm.order_placed_one, id) } else { t_string!(i18n, scm.order_placed, id, count = n) };
        page.done(message, match r.cert.first() {
            Some(c) => format!("/scm/apply?cert={}", c.cert_id),
            None => "/scm?status=PAID".to_owned(),
        });
    });
    let multi = move || d.domain_type.get() == ScmDomainType::MultiDomain.as_str();
    view! {
        <FormFrame form heading=t_string!(i18n, scm.order_heading) back=("/scm", t_string!(i18n, scm.back_to_ssl)) on_send=send
            send_label=t_string!(i18n, scm.place_order) sending_label=t_string!(i18n, scm.sending)
            not_done=t_string!(i18n, scm.nothing_ordered) unsure=t_string!(i18n, scm.order_maybe_placed)>
            <fieldset>
                <legend>{t!(i18n, scm.product)}</legend>
                <div class="field-row">
                    <WireSelect id="order-brand" label=t_string!(i18n, scm.brand) value=d.brand options={choices!(ScmBrand, |b: &ScmBrand| b.label().to_owned())} />
                    <WireSelect id="order-type" label=t_string!(i18n, scm.cert_type) value=d.cert_type options={choices!(ScmCertType, |t| type_label(t, l))}
                        hint=t_string!(i18n, scm.type_hint) />
                </div>
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, scm.names)}</legend>
                <div class="field-row">
                    <WireSelect id="order-domain-type" label=t_string!(i18n, scm.domain_type) value=d.domain_type options={choices!(ScmDomainType, |t| domain_type_label(t, l))} />
                    {move || multi().then(|| view! {
                        <RuleField form path="domain_numbers" id="order-domains" label=t_string!(i18n, scm.domain_count) value=d.domain_numbers
                            hint=t_string!(i18n, scm.domain_count_hint) />
                        <WireSelect id="order-primary" label=t_string!(i18n, scm.primary_kind) value=d.primary_domain_type options={choices!(PrimaryDomainType, |p| primary_label(p, l))} />
                    })}
                </div>
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, scm.quantity_validity)}</legend>
                <div class="field-row">
                    <WireSelect id="order-years" label=t_string!(i18n, scm.validity) value=d.effective_time
                        options=(1..=MAX_EFFECTIVE_YEARS).map(|y| (y.to_string(), if y == 1 { t_string!(i18n, scm.year_one).to_owned() } else { t_string!(i18n, scm.years, count = y) })).collect() />
                    <RuleField form path="order_number" id="order-count" label=t_string!(i18n, scm.cert_count) value=d.order_number hint=t_string!(i18n, scm.cert_count_hint) />
                </div>
            </fieldset>
            <PrivacyConsent form value=d.agree_privacy />
        </FormFrame>
    }
}

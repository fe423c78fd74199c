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
use crate::components::with_data::marked;
use crate::components::api_error::ApiErrorView;
use crate::components::select::WireSelect;
use crate::form::field::RuleField;
use crate::form::page::{FormFrame, FormPage};
use crate::form::request_form::RequestForm;
use crate::form::consent::PrivacyConsent;
use crate::i18n::{td_string, use_locale, Locale};
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
    let locale = use_locale();
    let l = locale;
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
    let form = RequestForm::new(Service::Scm, "subscribe_certificate", move || d.draft().to_request(locale));
    let send = form.sender(page.api, move |r: SubscribeCertificateResponse| {
        let n = r.cert.len();
        let id = marked(&r.order_id);
        let message = if n == 1 { td_string!(locale, scm.order_placed_one, id) } else { td_string!(locale, scm.order_placed, id, count = n) };
        page.done(message, match r.cert.first() {
            Some(c) => match renewing.get_untracked() {
                Some(Ok(r)) => apply_href(&c.cert_id, &r),
                _ => format!("/scm/apply?cert={}", c.cert_id),
            },
            None => "/scm?status=PAID".to_owned(),
        });
    });
    let multi = move || d.domain_type.get() == ScmDomainType::MultiDomain.as_str();
    view! {
        <FormFrame form heading=td_string!(locale, scm.order_heading) back=("/scm", td_string!(locale, scm.back_to_ssl)) on_send=send
            send_label=td_string!(locale, scm.place_order) sending_label=td_string!(locale, scm.sending)
            not_done=td_string!(locale, scm.nothing_ordered) unsure=td_string!(locale, scm.order_maybe_placed)>
{renew_id.is_some().then(|| view! {
                <section aria-label=td_string!(locale, scm.renewal)>
                    {move || match renewing.get() {
                        None => view! { <p role="status">{td_string!(locale, scm.reading_renewed)}</p> }.into_any(),
                        Some(Err(e)) => view! { <ApiErrorView title=td_string!(locale, scm.renewed_unreadable) error=e /> }.into_any(),
                        Some(Ok(r)) => view! {
                            <h2>{td_string!(locale, scm.renewing_label)}" "<span translate="no">{r.name.clone()}</span></h2>
                            <p class="field-hint">{td_string!(locale, scm.renewing_hint, domains = std::iter::once(r.domain.as_str()).chain(r.sans.split(' ')).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", "))}</p>
                        }.into_any(),
                    }}
                </section>
            })}
            <fieldset>
                <legend>{td_string!(locale, scm.product)}</legend>
                <div class="field-row">
                    <WireSelect id="order-brand" label=td_string!(locale, scm.brand) value=d.brand options={choices!(ScmBrand, |b: &ScmBrand| marked(b.label()))} />
                    <WireSelect id="order-type" label=td_string!(locale, scm.cert_type) value=d.cert_type options={choices!(ScmCertType, |t| type_label(t, l))}
                        hint=td_string!(locale, scm.type_hint) />
                </div>
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, scm.names)}</legend>
                <div class="field-row">
                    <WireSelect id="order-domain-type" label=td_string!(locale, scm.domain_type) value=d.domain_type options={choices!(ScmDomainType, |t| domain_type_label(t, l))} />
                    {move || multi().then(|| view! {
                        <RuleField form path="domain_numbers" id="order-domains" label=td_string!(locale, scm.domain_count) value=d.domain_numbers
                            hint=td_string!(locale, scm.domain_count_hint) />
                        <WireSelect id="order-primary" label=td_string!(locale, scm.primary_kind) value=d.primary_domain_type options={choices!(PrimaryDomainType, |p| primary_label(p, l))} />
                    })}
                </div>
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, scm.quantity_validity)}</legend>
                <div class="field-row">
                    <WireSelect id="order-years" label=td_string!(locale, scm.validity) value=d.effective_time
                        options=(1..=MAX_EFFECTIVE_YEARS).map(|y| (y.to_string(), if y == 1 { td_string!(locale, scm.year_one).to_owned() } else { td_string!(locale, scm.years, count = y) })).collect() />
                    <RuleField form path="order_number" id="order-count" label=td_string!(locale, scm.cert_count) value=d.order_number hint=td_string!(locale, scm.cert_count_hint) />
                </div>
            </fieldset>
            <PrivacyConsent form value=d.agree_privacy />
        </FormFrame>
    }
}

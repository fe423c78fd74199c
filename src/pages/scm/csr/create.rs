//! "Create a CSR": the service makes the key pair and keeps the key. Every
//! field is checked against the contract as typed; the exact request is
//! shown before it is sent; a refusal keeps the input.

use ccm_api::scm::{CsrInfo, CsrUsage, PrivateKeyAlgo};
use ccm_api::Service;
use leptos::prelude::*;
use super::table::usage_label;
use crate::components::with_data::marked;
use crate::i18n::{td_string, use_locale};

use super::forms::CreateCsrDraft;
use crate::components::field::TextField;
use crate::components::select::WireSelect;
use crate::form::field::RuleField;
use crate::form::page::{FormFrame, FormPage};
use crate::form::request_form::RequestForm;

crate::draft_signals!(CreateSignals for CreateCsrDraft {
    name: String,
    domain_name: String,
    sans: String,
    private_key_algo: String,
    usage: String,
    company_country: String,
    company_province: String,
    company_city: String,
    company_name: String,
});

#[component]
pub fn CreateCsrPage() -> impl IntoView {
    let page = FormPage::open();
    let locale = use_locale();
    let d = CreateSignals::new();
    let form = RequestForm::new(Service::Scm, "create_csr", move || d.draft().to_request());
    let send = form.sender(page.api, move |r: CsrInfo| {
        page.done(td_string!(locale, scm.csr_created, name = marked(&d.name.get_untracked())), format!("/scm/csr?csr={}", r.id));
    });
    let enterprise = move || d.usage.get() == CsrUsage::Enterprise.as_str();
    view! {
        <FormFrame form heading=td_string!(locale, scm.csr_create) back=("/scm/csr", td_string!(locale, scm.back_to_csrs)) on_send=send
            send_label=td_string!(locale, scm.csr_create_submit) sending_label=td_string!(locale, scm.sending)
            not_done=td_string!(locale, scm.csr_not_created) unsure=td_string!(locale, scm.csr_maybe_created)>
            <fieldset>
                <legend>{td_string!(locale, scm.request)}</legend>
                <RuleField form path="name" id="csr-name" label=td_string!(locale, scm.col_name) value=d.name hint=td_string!(locale, scm.csr_name_hint) />
                <RuleField form path="domain_name" id="csr-domain" label=td_string!(locale, scm.col_domain) value=d.domain_name placeholder=marked("www.example.com")
                    hint=td_string!(locale, scm.csr_domain_hint) />
                <TextField id="csr-sans" label=td_string!(locale, scm.additional_domains) value=d.sans error=form.error_for("sans")
                    on_blur=form.on_leave("sans") hint=td_string!(locale, scm.csr_sans_hint) />
                <div class="field-row">
                    <WireSelect id="csr-algo" label=td_string!(locale, scm.key_algorithm) value=d.private_key_algo
                        options=PrivateKeyAlgo::known().into_iter().map(|a| (a.as_str().to_owned(), a.label().to_owned())).collect() />
                    <WireSelect id="csr-usage" label=td_string!(locale, scm.usage) value=d.usage
                        options=CsrUsage::known().into_iter().map(|u| (u.as_str().to_owned(), usage_label(&u, locale))).collect()
                        hint=td_string!(locale, scm.usage_hint) />
                </div>
            </fieldset>
            <fieldset>
                <legend>{move || if enterprise() { td_string!(locale, scm.company) } else { td_string!(locale, scm.company_optional) }}</legend>
                <div class="field-row">
                    <RuleField form path="company_name" id="csr-company" label=td_string!(locale, scm.company_name) value=d.company_name />
                    <RuleField form path="company_country" id="csr-country" label=td_string!(locale, scm.country_code) value=d.company_country placeholder=marked("DE") />
                </div>
                <div class="field-row">
                    <RuleField form path="company_province" id="csr-province" label=td_string!(locale, scm.state_province) value=d.company_province />
                    <RuleField form path="company_city" id="csr-city" label=td_string!(locale, scm.city) value=d.company_city />
                </div>
            </fieldset>
        </FormFrame>
    }
}

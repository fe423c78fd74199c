//! "Create a CSR": the service makes the key pair and keeps the key. Every
//! field is checked against the contract as typed; the exact request is
//! shown before it is sent; a refusal keeps the input.

use ccm_api::scm::{CsrInfo, CsrUsage, PrivateKeyAlgo};
use ccm_api::Service;
use leptos::prelude::*;
use super::table::usage_label;
use crate::i18n::{t, t_string, use_i18n};

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
    let i18n = use_i18n();
    let d = CreateSignals::new();
    let form = RequestForm::new(Service::Scm, "create_csr", move || d.draft().to_request());
    let send = form.sender(page.api, move |r: CsrInfo| {
        page.done(t_string!(i18n, scm.csr_created, name = d.name.get_untracked()), format!("/scm/csr?csr={}", r.id));
    });
    let enterprise = move || d.usage.get() == CsrUsage::Enterprise.as_str();
    view! {
        <FormFrame form heading=t_string!(i18n, scm.csr_create) back=("/scm/csr", t_string!(i18n, scm.back_to_csrs)) on_send=send
            send_label=t_string!(i18n, scm.csr_create_submit) sending_label=t_string!(i18n, scm.sending)
            not_done=t_string!(i18n, scm.csr_not_created) unsure=t_string!(i18n, scm.csr_maybe_created)>
            <fieldset>
                <legend>{t!(i18n, scm.request)}</legend>
                <RuleField form path="name" id="csr-name" label=t_string!(i18n, scm.col_name) value=d.name hint=t_string!(i18n, scm.csr_name_hint) />
                <RuleField form path="domain_name" id="csr-domain" label=t_string!(i18n, scm.col_domain) value=d.domain_name placeholder="www.example.com"
                    hint=t_string!(i18n, scm.csr_domain_hint) />
                <TextField id="csr-sans" label=t_string!(i18n, scm.additional_domains) value=d.sans error=form.error_for("sans")
                    on_blur=form.on_leave("sans") hint=t_string!(i18n, scm.csr_sans_hint) />
                <div class="field-row">
                    <WireSelect id="csr-algo" label=t_string!(i18n, scm.key_algorithm) value=d.private_key_algo
                        options=PrivateKeyAlgo::known().into_iter().map(|a| (a.as_str().to_owned(), a.label().to_owned())).collect() />
                    <WireSelect id="csr-usage" label=t_string!(i18n, scm.usage) value=d.usage
                        options=CsrUsage::known().into_iter().map(|u| (u.as_str().to_owned(), usage_label(&u, i18n.get_locale_untracked()))).collect()
                        hint=t_string!(i18n, scm.usage_hint) />
                </div>
            </fieldset>
            <fieldset>
                <legend>{move || if enterprise() { t_string!(i18n, scm.company) } else { t_string!(i18n, scm.company_optional) }}</legend>
                <div class="field-row">
                    <RuleField form path="company_name" id="csr-company" label=t_string!(i18n, scm.company_name) value=d.company_name />
                    <RuleField form path="company_country" id="csr-country" label=t_string!(i18n, scm.country_code) value=d.company_country placeholder="DE" />
                </div>
                <div class="field-row">
                    <RuleField form path="company_province" id="csr-province" label=t_string!(i18n, scm.state_province) value=d.company_province />
                    <RuleField form path="company_city" id="csr-city" label=t_string!(i18n, scm.city) value=d.company_city />
                </div>
            </fieldset>
        </FormFrame>
    }
}

//! "Create a CSR": the service makes the key pair and keeps the key. Every
//! field is checked against the contract as typed; the exact request is
//! shown before it is sent; a refusal keeps the input.

use ccm_api::scm::{CsrInfo, CsrUsage, PrivateKeyAlgo};
use ccm_api::Service;
use leptos::prelude::*;

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
    let d = CreateSignals::new();
    let form = RequestForm::new(Service::Scm, "create_csr", move || d.draft().to_request());
    let send = form.sender(page.api, move |r: CsrInfo| {
        page.done((format!("CSR {} created", d.name.get_untracked())).into(), format!("/scm/csr?csr={}", r.id));
    });
    let enterprise = move || d.usage.get() == CsrUsage::Enterprise.as_str();
    view! {
        <FormFrame form heading="Create a CSR" back=("/scm/csr", "Back to the CSRs") on_send=send send_label="Create CSR"
            not_done="The CSR was not created" unsure="No confirmation from the service: the CSR may have been created">
            <fieldset>
                <legend>"Request"</legend>
                <RuleField form path="name" id="csr-name" label="Name" value=d.name hint="Up to 63 characters, to find it again." />
                <RuleField form path="domain_name" id="csr-domain" label="Domain" value=d.domain_name placeholder="www.example.com"
                    hint="The certificate you apply for with this CSR must cover this name." />
                <TextField id="csr-sans" label="Additional domains" value=d.sans error=form.error_for("sans")
                    on_blur=form.on_leave("sans") hint="Optional; separated by spaces, commas or semicolons." />
                <div class="field-row">
                    <WireSelect id="csr-algo" label="Key algorithm" value=d.private_key_algo
                        options=PrivateKeyAlgo::known().into_iter().map(|a| (a.as_str().to_owned(), a.label().to_owned())).collect() />
                    <WireSelect id="csr-usage" label="Usage" value=d.usage
                        options=CsrUsage::known().into_iter().map(|u| (u.as_str().to_owned(), u.label().to_owned())).collect()
                        hint="An enterprise CSR names the company." />
                </div>
            </fieldset>
            <fieldset>
                <legend>{move || if enterprise() { "Company" } else { "Company (optional)" }}</legend>
                <div class="field-row">
                    <RuleField form path="company_name" id="csr-company" label="Company name" value=d.company_name />
                    <RuleField form path="company_country" id="csr-country" label="Country (2 letters)" value=d.company_country placeholder="DE" />
                </div>
                <div class="field-row">
                    <RuleField form path="company_province" id="csr-province" label="State or province" value=d.company_province />
                    <RuleField form path="company_city" id="csr-city" label="City" value=d.company_city />
                </div>
            </fieldset>
        </FormFrame>
    }
}

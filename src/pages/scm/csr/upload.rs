//! "Upload a CSR" made elsewhere, with its private key when the service
//! should keep it. The CSR's signature and the key's match are checked in
//! the browser (the `pki` module) before anything is sent.

use ccm_api::scm::UploadCsrResponse;
use ccm_api::Service;
use leptos::prelude::*;
use crate::components::with_data::marked;
use crate::i18n::{td_string, use_locale};

use super::forms::UploadCsrDraft;
use crate::components::pem_input::PemInput;
use crate::form::field::RuleField;
use crate::form::page::{FormFrame, FormPage};
use crate::form::request_form::RequestForm;

crate::draft_signals!(UploadSignals for UploadCsrDraft {
    name: String,
    csr: String,
    private_key: String,
});

#[component]
pub fn UploadCsrPage() -> impl IntoView {
    let page = FormPage::open();
    let locale = use_locale();
    let d = UploadSignals::new();
    let form = RequestForm::new(Service::Scm, "upload_csr", move || d.draft().to_request(locale));
    let send = form.sender(page.api, move |r: UploadCsrResponse| {
        page.done(td_string!(locale, scm.csr_uploaded, name = marked(&d.name.get_untracked())), format!("/scm/csr?csr={}", r.id));
    });
    view! {
        <FormFrame form heading=td_string!(locale, scm.csr_upload) back=("/scm/csr", td_string!(locale, scm.back_to_csrs)) on_send=send
            send_label=td_string!(locale, scm.csr_upload_submit) sending_label=td_string!(locale, scm.sending)
            not_done=td_string!(locale, scm.csr_not_uploaded) unsure=td_string!(locale, scm.csr_maybe_uploaded)>
            <fieldset>
                <legend>{td_string!(locale, scm.request)}</legend>
                <RuleField form path="name" id="csr-name" label=td_string!(locale, scm.col_name) value=d.name hint=td_string!(locale, scm.csr_upload_name_hint) />
                <PemInput id="csr-pem" label=td_string!(locale, scm.csr_pem) value=d.csr rows=10 error=form.error_for("csr")
                    hint=td_string!(locale, scm.csr_upload_pem_hint) />
                <PemInput id="csr-key" label=td_string!(locale, scm.csr_upload_key) value=d.private_key rows=6 error=form.error_for("private_key")
                    hint=td_string!(locale, scm.csr_upload_key_hint) />
            </fieldset>
        </FormFrame>
    }
}

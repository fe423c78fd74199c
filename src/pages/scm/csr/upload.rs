//! "Upload a CSR" made elsewhere, with its private key when the service
//! should keep it. The CSR's signature and the key's match are checked in
//! the browser (the `pki` module) before anything is sent.

use ccm_api::scm::UploadCsrResponse;
use ccm_api::Service;
use leptos::prelude::*;
use crate::i18n::{t, t_string, use_i18n};

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
    let i18n = use_i18n();
    let d = UploadSignals::new();
    let form = RequestForm::new(Service::Scm, "upload_csr", move || d.draft().to_request(i18n.get_locale()));
    let send = form.sender(page.api, move |r: UploadCsrResponse| {
        page.done(t_string!(i18n, scm.csr_uploaded, name = d.name.get_untracked()), format!("/scm/csr?csr={}", r.id));
    });
    view! {
        <FormFrame form heading=t_string!(i18n, scm.csr_upload) back=("/scm/csr", t_string!(i18n, scm.back_to_csrs)) on_send=send
            send_label=t_string!(i18n, scm.csr_upload_submit) sending_label=t_string!(i18n, scm.sending)
            not_done=t_string!(i18n, scm.csr_not_uploaded) unsure=t_string!(i18n, scm.csr_maybe_uploaded)>
            <fieldset>
                <legend>{t!(i18n, scm.request)}</legend>
                <RuleField form path="name" id="csr-name" label=t_string!(i18n, scm.col_name) value=d.name hint=t_string!(i18n, scm.csr_upload_name_hint) />
                <PemInput id="csr-pem" label=t_string!(i18n, scm.csr_pem) value=d.csr rows=10 error=form.error_for("csr")
                    hint=t_string!(i18n, scm.csr_upload_pem_hint) />
                <PemInput id="csr-key" label=t_string!(i18n, scm.csr_upload_key) value=d.private_key rows=6 error=form.error_for("private_key")
                    hint=t_string!(i18n, scm.csr_upload_key_hint) />
            </fieldset>
        </FormFrame>
    }
}

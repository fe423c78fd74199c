//! "Upload a CSR" made elsewhere, with its private key when the service
//! should keep it. The CSR's signature and the key's match are checked in
//! the browser (the `pki` module) before anything is sent.

use ccm_api::scm::UploadCsrResponse;
use ccm_api::Service;
use leptos::prelude::*;

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
    let d = UploadSignals::new();
    let form = RequestForm::new(Service::Scm, "upload_csr", move || d.draft().to_request());
    let send = form.sender(page.api, move |r: UploadCsrResponse| {
        page.done((format!("CSR {} uploaded", d.name.get_untracked())).into(), format!("/scm/csr?csr={}", r.id));
    });
    view! {
        <FormFrame form heading="Upload a CSR" back=("/scm/csr", "Back to the CSRs") on_send=send send_label="Upload CSR"
            not_done="The CSR was not uploaded" unsure="No confirmation from the service: the CSR may have been uploaded">
            <fieldset>
                <legend>"Request"</legend>
                <RuleField form path="name" id="csr-name" label="Name" value=d.name hint="Up to 63 characters." />
                <PemInput id="csr-pem" label="Certificate signing request (PEM)" value=d.csr rows=10 error=form.error_for("csr")
                    hint="Paste the CSR or choose its file; its signature is checked here." />
                <PemInput id="csr-key" label="Private key (optional, PEM)" value=d.private_key rows=6 error=form.error_for("private_key")
                    hint="Only if the service should keep the key; it must belong to the CSR. Not shown in the activity log." />
            </fieldset>
        </FormFrame>
    }
}

//! "Upload a CSR" made elsewhere, with its private key when the service
//! should keep it. The CSR's signature and the key's match are checked in
//! the browser (the `pki` module) before anything is sent.

use ccm_api::scm::UploadCsrResponse;
use ccm_api::Service;
use leptos::prelude::*;

use super::forms::UploadCsrDraft;
use crate::api::client::use_api;
use crate::components::notifications::use_notifications;
use crate::components::pem_input::PemInput;
use crate::form::field::RuleField;
use crate::form::request_form::{navigate_when_set, RequestForm};
use crate::form::review::{ReviewButton, SendPanel};

crate::draft_signals!(UploadSignals for UploadCsrDraft {
    name: String,
    csr: String,
    private_key: String,
});

#[component]
pub fn UploadCsrPage() -> impl IntoView {
    let api = use_api();
    let notify = use_notifications();
    let d = UploadSignals::new();
    let form = RequestForm::new(Service::Scm, "upload_csr", move || d.draft().to_request());
    let go_to = navigate_when_set();
    let send = form.sender(api, move |r: UploadCsrResponse| {
        notify.success(format!("CSR {} uploaded", d.name.get_untracked()));
        go_to.try_set(Some(format!("/scm/csr?csr={}", r.id)));
    });
    view! {
        <h1>"Upload a CSR"</h1>
        <p><a href="/scm/csr">"Back to the CSRs"</a></p>
        <form class="panel wizard" on:submit=move |ev| form.review(ev) novalidate>
            <fieldset>
                <legend>"Request"</legend>
                <RuleField form path="name" id="csr-name" label="Name" value=d.name hint="Up to 63 characters." />
                <PemInput id="csr-pem" label="Certificate signing request (PEM)" value=d.csr rows=10 error=form.error_for("csr")
                    hint="Paste the CSR or choose its file; its signature is checked here." />
                <PemInput id="csr-key" label="Private key (optional, PEM)" value=d.private_key rows=6 error=form.error_for("private_key")
                    hint="Only if the service should keep the key; it must belong to the CSR. Not shown in the activity log." />
            </fieldset>
            <ReviewButton form />
        </form>
        <SendPanel form on_send=send send_label="Upload CSR"
            not_done="The CSR was not uploaded" unsure="No confirmation from the service: the CSR may have been uploaded" />
    }
}

//! "Issue from a CSR": paste or upload a CSR; the browser decodes it and
//! checks its signature, the service's parse call reads it too, and both
//! are shown side by side. Then issuer, validity and type (leaf, or a
//! subordinate CA with a path length); the exact request is shown first.

use ccm_api::pca::certs::{parse_certificate_signing_request, CreateCertificateResponse, CsrCertType, ParseCsrResponse};
use ccm_api::validate::{validate_request, Context};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::csr_form::{compare, decode, CsrDraft};
use super::issuer_select::IssuerSelect;
use super::issuers::{find_issuer, BACK_TO_LIST};
use crate::components::api_error::ApiErrorView;
use crate::components::csr_summary::CsrSummary;
use crate::components::pem_input::PemInput;
use crate::components::validity_fields::ValidityFields;
use crate::form::field::RuleField;
use crate::form::page::{FormFrame, FormPage};
use crate::pages::pca::cas::create_form::max_path_length;
use crate::pages::pca::cas::loader;

crate::draft_signals!(CsrSignals for CsrDraft {
    csr: String,
    issuer_id: String,
    validity_type: String,
    validity_value: String,
    kind: String,
    path_length: String,
});

#[component]
pub fn IssueFromCsrPage() -> impl IntoView {
    let page = FormPage::open();
    let api = page.api;
    let d = CsrSignals::new();
    let (form, cas, load_error) = loader::form_over_cas(api, "create_certificate_by_csr", move |cas, now| d.draft().to_request(cas, now));

    // The browser's reading, as the text changes.
    let local = Memo::new(move |_| d.csr.with(|t| (!t.trim().is_empty()).then(|| decode(t))));
    // The service's reading of a CSR the browser could read.
    let service = RwSignal::new(None::<Result<ParseCsrResponse, ApiError>>);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        service.set(None);
        if !matches!(local.get(), Some(Ok(_))) {
            return;
        }
        let req = parse_certificate_signing_request(d.csr.get_untracked().trim());
        if !validate_request(&req, &Context { now_millis: js_sys::Date::now() as i64 }).is_empty() {
            return;
        }
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        spawn_local(async move {
            let r = api.json::<ParseCsrResponse>(req).await;
            if r != Err(ApiError::Aborted) && generation.try_get_value() == Some(mine) {
                service.try_set(Some(r));
            }
        });
    });

    let issued_ca = RwSignal::new(None::<String>);
    let send = form.sender(api, move |r: CreateCertificateResponse| {
        // A subordinate CA issued from a CSR stays out of the CA list (its
        // key is elsewhere): say where it went instead of leaving the page.
        if d.kind.get_untracked() == CsrCertType::IntermediateCa.as_str() {
            issued_ca.try_set(Some(r.certificate_id));
        } else {
            page.done("Certificate issued from the CSR".to_owned(), format!("/pca/certs/{}", r.certificate_id));
        }
    });
    let is_ca = move || d.kind.get() == CsrCertType::IntermediateCa.as_str();
    let room = move || {
        cas.with(|c| find_issuer(c, &d.issuer_id.get()).map(max_path_length))
    };

    view! {
        <FormFrame form heading="Issue a certificate from a CSR" back=BACK_TO_LIST load_error load_title="Could not load the CAs"
            on_send=send send_label="Issue"
            not_done="Nothing was issued" unsure="No confirmation from the service: the certificate may have been issued">
            <fieldset>
                <legend>"Request"</legend>
                <PemInput id="csr-text" label="Certificate signing request (PEM)" value=d.csr rows=10
                    hint="Paste the CSR or choose its file. The key stays with you: the service only signs." error=form.error_for("csr") />
            </fieldset>
            {move || local.get().map(|decoded| match decoded {
                Err(why) => view! { <p class="field-error" role="alert">{format!("The browser cannot use this CSR: {why}")}</p> }.into_any(),
                Ok(info) => {
                    let rows = service.get().map(|s| s.map(|s| compare(&info, &s)));
                    view! {
                        <section class="panel" aria-label="Decoded CSR">
                            <h2>"What the CSR asks for"</h2>
                            <CsrSummary info=info.clone() />
                            {match rows {
                                None => view! { <p role="status">"Asking the service to parse it…"</p> }.into_any(),
                                Some(Err(e)) => view! { <ApiErrorView title="The service could not parse the CSR" error=e /> }.into_any(),
                                Some(Ok(rows)) => view! {
                                    <table class="data-table">
                                        <caption>"Read by the browser and by the service"</caption>
                                        <thead><tr><th scope="col">"Field"</th><th scope="col">"Browser"</th><th scope="col">"Service"</th></tr></thead>
                                        <tbody>
                                            {rows.into_iter().map(|r| view! { <tr><th scope="row">{r.label}</th><td>{r.browser}</td><td>{r.service}</td></tr> }).collect::<Vec<_>>()}
                                        </tbody>
                                    </table>
                                }.into_any(),
                            }}
                        </section>
                    }.into_any()
                }
            })}
            <fieldset>
                <legend>"Issuer"</legend>
                <IssuerSelect id="csr-issuer" value=d.issuer_id cas form />
            </fieldset>
            <fieldset>
                <legend>"Validity"</legend>
                <ValidityFields id_prefix="csr" value=d.validity_value unit=d.validity_type form
                    hint="At most 20 years, and not beyond the issuer's own validity." />
            </fieldset>
            <fieldset>
                <legend>"Issue as"</legend>
                {CsrCertType::known().into_iter().map(|t| {
                    let wire = t.as_str().to_owned();
                    let (w1, w2) = (wire.clone(), wire.clone());
                    view! {
                        <label class="check">
                            <input type="radio" name="csr-type" prop:checked=move || d.kind.get() == w1 on:change=move |_| d.kind.set(w2.clone()) />
                            {t.label().to_owned()}
                        </label>
                    }
                }).collect::<Vec<_>>()}
                <Show when=is_ca>
                    <RuleField form path="path_length" id="csr-path" label="Path length (0 to 6)" value=d.path_length
                        hint="How many levels of CAs may exist below the new CA; 0 means it signs only end-entity certificates." />
                    {move || room().map(|n| view! { <p class="field-hint">{format!("The chosen issuer allows at most {n}.")}</p> })}
                </Show>
            </fieldset>
        </FormFrame>
        {move || issued_ca.get().map(|id| view! {
            <section class="panel" role="status" aria-label="Issued">
                <p>{format!("Subordinate CA issued; its id is {id}. The service keeps it out of the CA list because its key is held elsewhere.")}</p>
            </section>
        })}
    }
}

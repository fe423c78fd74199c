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
use super::issuers::{back_to_list, find_issuer};
use crate::i18n::{Locale, td_string, use_locale};
use crate::components::api_error::ApiErrorView;
use crate::components::csr_summary::CsrSummary;
use crate::components::pem_input::PemInput;
use crate::components::validity_fields::ValidityFields;
use crate::form::field::RuleField;
use crate::form::message::message_view;
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
    let l = use_locale();
    let api = page.api;
    let d = CsrSignals::new();
    let (form, cas, load_error) = loader::form_over_cas(api, "create_certificate_by_csr", move |cas, now| d.draft().to_request(cas, now, l));

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
            page.done(td_string!(l, pca.csr_issued).to_owned(), format!("/pca/certs/{}", r.certificate_id));
        }
    });
    let is_ca = move || d.kind.get() == CsrCertType::IntermediateCa.as_str();
    let room = move || {
        cas.with(|c| find_issuer(c, &d.issuer_id.get()).map(max_path_length))
    };

    view! {
        <FormFrame form heading=td_string!(l, pca.csr_heading) back=back_to_list(l) load_error load_title=td_string!(l, pca.load_cas_failed_short)
            on_send=send send_label=td_string!(l, pca.issue)
            not_done=td_string!(l, pca.nothing_issued) unsure=td_string!(l, pca.cert_maybe_issued)>
            <fieldset>
                <legend>{td_string!(l, pca.request)}</legend>
                <PemInput id="csr-text" label=td_string!(l, pca.csr_pem_label) value=d.csr rows=10
                    hint=td_string!(l, pca.csr_pem_hint) error=form.error_for("csr") />
            </fieldset>
            {move || local.get().map(|decoded| match decoded {
                Err(why) => view! { <p class="field-error" role="alert">{message_view(Some(td_string!(l, pca.csr_unusable, why = why.words(l)).to_string()))}</p> }.into_any(),
                Ok(info) => {
                    let rows = service.get().map(|s| s.map(|s| compare(&info, &s, l)));
                    view! {
                        <section class="panel" aria-label=td_string!(l, pca.decoded_csr)>
                            <h2>{td_string!(l, pca.csr_asks)}</h2>
                            <CsrSummary info=info.clone() />
                            {match rows {
                                None => view! { <p role="status">{td_string!(l, pca.asking_service)}</p> }.into_any(),
                                Some(Err(e)) => view! { <ApiErrorView title=td_string!(l, pca.service_parse_failed) error=e /> }.into_any(),
                                Some(Ok(rows)) => view! {
                                    <table class="data-table">
                                        <caption>{td_string!(l, pca.read_by_both)}</caption>
                                        <thead><tr><th scope="col">{td_string!(l, pca.field)}</th><th scope="col">{td_string!(l, pca.browser)}</th><th scope="col">{td_string!(l, pca.service)}</th></tr></thead>
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
                <legend>{td_string!(l, pca.issuer)}</legend>
                <IssuerSelect id="csr-issuer" value=d.issuer_id cas form />
            </fieldset>
            <fieldset>
                <legend>{td_string!(l, pca.validity)}</legend>
                <ValidityFields id_prefix="csr" value=d.validity_value unit=d.validity_type form
                    hint=td_string!(l, pca.cert_validity_hint) />
            </fieldset>
            <fieldset>
                <legend>{td_string!(l, pca.issue_as)}</legend>
                {CsrCertType::known().into_iter().map(|t| {
                    let wire = t.as_str().to_owned();
                    let (w1, w2) = (wire.clone(), wire.clone());
                    view! {
                        <label class="check">
                            <input type="radio" name="csr-type" prop:checked=move || d.kind.get() == w1 on:change=move |_| d.kind.set(w2.clone()) />
                            {csr_type_label(&t, l)}
                        </label>
                    }
                }).collect::<Vec<_>>()}
                <Show when=is_ca>
                    <RuleField form path="path_length" id="csr-path" label=td_string!(l, pca.path_length_range) value=d.path_length
                        hint=td_string!(l, pca.csr_path_hint) />
                    {move || room().map(|n| view! { <p class="field-hint">{td_string!(l, pca.issuer_allows, n = n).to_string()}</p> })}
                </Show>
            </fieldset>
        </FormFrame>
        {move || issued_ca.get().map(|id| view! {
            <section class="panel" role="status" aria-label=td_string!(l, pca.issued)>
                <p>{td_string!(l, pca.sub_ca_issued, id = id).to_string()}</p>
            </section>
        })}
    }
}
fn csr_type_label(t: &CsrCertType, locale: Locale) -> String {
    match t {
        CsrCertType::EntityCert => td_string!(locale, pca.csr_type_entity).to_owned(),
        CsrCertType::IntermediateCa => td_string!(locale, pca.csr_type_ca).to_owned(),
        CsrCertType::Other(s) => s.clone(),
    }
}


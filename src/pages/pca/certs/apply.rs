//! "Apply for a certificate": the service makes the key. Issuer (active
//! CAs only), subject with the issuer's values as inherited defaults, key
//! and signature, validity, names, usages and a custom extension. Every
//! field is checked before sending; the exact request is shown first; a
//! failure keeps the input.

use ccm_api::common::{KeyAlgorithm, KeyUsage, SignatureAlgorithm};
use ccm_api::pca::certs::CreateCertificateResponse;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::apply_form::{inherited, ApplyDraft, DnPart, EkuChoice, SanRow, Template};
use super::issue_again::{changes, draft_from_query};
use super::issuer_select::IssuerSelect;
use super::issuers::{back_to_list, find_issuer};
use super::san_editor::SanEditor;
use crate::components::with_data::marked;
use crate::components::select::WireSelect;
use crate::components::subject_fields::{SubjectFields, SubjectSignals};
use crate::components::validity_fields::ValidityFields;
use crate::form::field::RuleField;
use crate::form::page::{FormFrame, FormPage};
use crate::pages::pca::cas::loader;
use crate::pages::pca::labels;
use crate::i18n::{td_string, use_locale};

crate::draft_signals!(ApplySignals for ApplyDraft {
    issuer_id: String,
    key_algorithm: String,
    signature_algorithm: String,
    validity_type: String,
    validity_value: String,
    start_date: String,
    sans: Vec<SanRow>,
    key_usages: Vec<String>,
    eku: EkuChoice,
    extension_oid: String,
    extension_value: String,
} { subject: SubjectSignals });

#[component]
pub fn ApplyCertificatePage() -> impl IntoView {
    let page = FormPage::open();
    let l = use_locale();
    let query = use_query_map();
    let issuer_id = query.with_untracked(|p| p.get("issuer")).unwrap_or_default();
    // "Issue again" from a certificate's details: the form starts as that certificate.
    let again = query.with_untracked(|q| draft_from_query(|k| q.get(k), |k| q.get_all(k).unwrap_or_default()));
    let d = ApplySignals::from_draft(again.clone().unwrap_or(ApplyDraft { issuer_id, ..Default::default() }));
    let (form, cas, load_error) = loader::form_over_cas(page.api, "create_certificate", move |cas, now| d.draft().to_request(cas, now, l));
    let issuer = Memo::new(move |_| cas.with(|c| find_issuer(c, &d.issuer_id.get()).cloned()));

    let send = form.sender(page.api, move |r: CreateCertificateResponse| {
        page.done(td_string!(l, pca.cert_issued, name = marked(&d.subject.common_name.get_untracked())).to_string(), format!("/pca/certs/{}", r.certificate_id));
    });

    let inherited_values = move || {
        let i = issuer.get();
        [DnPart::Country, DnPart::State, DnPart::Locality, DnPart::Organization, DnPart::OrganizationalUnit]
            .map(|p| inherited(i.as_ref(), p))
    };

    view! {
        <FormFrame form heading=if again.is_some() { td_string!(l, pca.issue_again_heading) } else { td_string!(l, pca.apply_cert) }
            back=back_to_list(l) load_error load_title=td_string!(l, pca.load_cas_failed_short)
            on_send=send send_label=td_string!(l, pca.apply)
            not_done=td_string!(l, pca.cert_not_issued) unsure=td_string!(l, pca.cert_maybe_issued)>
            {again.map(|original| view! {
                <section aria-label=td_string!(l, pca.what_changes)>
                    <h2>{td_string!(l, pca.what_changes)}</h2>
                    <p class="field-hint">{td_string!(l, pca.again_hint)}</p>
                    <ul>{move || changes(&original, &d.draft(), l).into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                </section>
            })}
            <fieldset>
                <legend>{td_string!(l, pca.template)}</legend>
                <p class="field-hint">{td_string!(l, pca.template_hint)}</p>
                <div class="actions">
                    {Template::ALL.into_iter().map(|t| view! {
                        <button type="button" on:click=move |_| {
                            let (ku, eku) = t.usages();
                            d.key_usages.set(ku);
                            d.eku.set(eku);
                        }>{td_string!(l, pca.use_template, name = t.label(l)).to_string()}</button>
                    }).collect::<Vec<_>>()}
                </div>
            </fieldset>
            <fieldset>
                <legend>{td_string!(l, pca.issuer)}</legend>
                <IssuerSelect id="cert-issuer" value=d.issuer_id cas form
                    hint=td_string!(l, pca.cert_issuer_hint) />
            </fieldset>
            <fieldset>
                <legend>{td_string!(l, pca.subject)}</legend>
                <p class="field-hint">{td_string!(l, pca.cert_subject_hint)}</p>
                {move || view! { <SubjectFields id_prefix="cert" signals=d.subject form inherited=inherited_values() /> }}
            </fieldset>
            <fieldset>
                <legend>{td_string!(l, pca.keys)}</legend>
                <div class="field-row">
                    <WireSelect id="cert-key" label=td_string!(l, pca.key_algorithm) value=d.key_algorithm
                        options=KeyAlgorithm::known().into_iter().filter(|k| *k != KeyAlgorithm::Sm2).map(|k| (k.as_str().to_owned(), k.label().to_owned())).collect() />
                    <WireSelect id="cert-sig" label=td_string!(l, pca.signature_algorithm) value=d.signature_algorithm
                        options=SignatureAlgorithm::known().into_iter().filter(|s| *s != SignatureAlgorithm::Sm3).map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect() />
                </div>
            </fieldset>
            <fieldset>
                <legend>{td_string!(l, pca.validity)}</legend>
                <ValidityFields id_prefix="cert" value=d.validity_value unit=d.validity_type start_date=d.start_date form
                    hint=td_string!(l, pca.cert_validity_hint) />
            </fieldset>
            <SanEditor rows=d.sans error_for=form.exact_error_lookup() />
            <fieldset>
                <legend>{td_string!(l, pca.key_usages)}</legend>
                <div class="check-grid">
                    {KeyUsage::known().into_iter().filter(|k| !matches!(k, KeyUsage::KeyCertSign | KeyUsage::CrlSign)).map(|k| {
                        let wire = k.as_str().to_owned();
                        let w = wire.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=move || d.key_usages.with(|l| l.contains(&w))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        d.key_usages.update(|l| { l.retain(|x| *x != wire); if on { l.push(wire.clone()) } });
                                    } />
                                {labels::key_usage(&k, l)}
                            </label>
                        }
                    }).collect::<Vec<_>>()}
                </div>
                <p class="field-hint">{td_string!(l, pca.ku_none_hint)}</p>
            </fieldset>
            <fieldset>
                <legend>{td_string!(l, pca.eku)}</legend>
                <div class="check-grid">
                    {eku_box(d.eku, td_string!(l, pca.eku_server), |e| &mut e.server_auth)}
                    {eku_box(d.eku, td_string!(l, pca.eku_client), |e| &mut e.client_auth)}
                    {eku_box(d.eku, td_string!(l, pca.eku_code), |e| &mut e.code_signing)}
                    {eku_box(d.eku, td_string!(l, pca.eku_email), |e| &mut e.email_protection)}
                    {eku_box(d.eku, td_string!(l, pca.eku_time), |e| &mut e.time_stamping)}
                </div>
            </fieldset>
            <fieldset>
                <legend>{td_string!(l, pca.custom_ext)}</legend>
                <div class="field-row">
                    <RuleField form path="customized_extension.object_identifier" id="cert-ext-oid" label=td_string!(l, pca.ext_oid)
                        value=d.extension_oid placeholder="1.3.6.1.4.1.2011.4.99" />
                    <RuleField form path="customized_extension.value" id="cert-ext-value" label=td_string!(l, pca.ext_value) value=d.extension_value />
                </div>
            </fieldset>
        </FormFrame>
    }
}

/// One extended key usage checkbox bound to its flag.
fn eku_box(eku: RwSignal<EkuChoice>, label: &'static str, flag: fn(&mut EkuChoice) -> &mut bool) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=move || { let mut e = eku.get(); *flag(&mut e) }
                on:change=move |ev| { let on = event_target_checked(&ev); eku.update(|e| *flag(e) = on) } />
            {label}
        </label>
    }
}

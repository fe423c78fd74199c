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
use super::issuers::{find_issuer, BACK_TO_LIST};
use super::san_editor::SanEditor;
use crate::components::select::WireSelect;
use crate::components::subject_fields::{SubjectFields, SubjectSignals};
use crate::components::validity_fields::ValidityFields;
use crate::form::field::RuleField;
use crate::form::page::{FormFrame, FormPage};
use crate::pages::pca::cas::loader;

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
    let query = use_query_map();
    let issuer_id = query.with_untracked(|p| p.get("issuer")).unwrap_or_default();
    // "Issue again" from a certificate's details: the form starts as that certificate.
    let again = query.with_untracked(|q| draft_from_query(|k| q.get(k), |k| q.get_all(k).unwrap_or_default()));
    let d = ApplySignals::from_draft(again.clone().unwrap_or(ApplyDraft { issuer_id, ..Default::default() }));
    let (form, cas, load_error) = loader::form_over_cas(page.api, "create_certificate", move |cas, now| d.draft().to_request(cas, now));
    let issuer = Memo::new(move |_| cas.with(|c| find_issuer(c, &d.issuer_id.get()).cloned()));

    let send = form.sender(page.api, move |r: CreateCertificateResponse| {
        page.done(format!("Certificate {} issued", d.subject.common_name.get_untracked()), format!("/pca/certs/{}", r.certificate_id));
    });

    let inherited_values = move || {
        let i = issuer.get();
        [DnPart::Country, DnPart::State, DnPart::Locality, DnPart::Organization, DnPart::OrganizationalUnit]
            .map(|p| inherited(i.as_ref(), p))
    };

    view! {
        <FormFrame form heading=if again.is_some() { "Issue a certificate again" } else { "Apply for a certificate" }
            back=BACK_TO_LIST load_error load_title="Could not load the CAs"
            on_send=send send_label="Apply"
            not_done="The certificate was not issued" unsure="No confirmation from the service: the certificate may have been issued">
            {again.map(|original| view! {
                <section aria-label="What changes">
                    <h2>"What changes"</h2>
                    <p class="field-hint">"Every field below starts as the certificate issued again; edit any of them."</p>
                    <ul>{move || changes(&original, &d.draft()).into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                </section>
            })}
            <fieldset>
                <legend>"Template"</legend>
                <p class="field-hint">"A template sets the key usages and extended key usages; adjust them below."</p>
                <div class="actions">
                    {Template::ALL.into_iter().map(|t| view! {
                        <button type="button" on:click=move |_| {
                            let (ku, eku) = t.usages();
                            d.key_usages.set(ku);
                            d.eku.set(eku);
                        }>{format!("Use the {} template", t.label())}</button>
                    }).collect::<Vec<_>>()}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Issuer"</legend>
                <IssuerSelect id="cert-issuer" value=d.issuer_id cas form
                    hint="Only active CAs are listed. The certificate must end before its issuer does." />
            </fieldset>
            <fieldset>
                <legend>"Subject"</legend>
                <p class="field-hint">"Only the common name (marked *) is required; a part left empty takes the issuer's value, shown in grey."</p>
                {move || view! { <SubjectFields id_prefix="cert" signals=d.subject form inherited=inherited_values() /> }}
            </fieldset>
            <fieldset>
                <legend>"Keys"</legend>
                <div class="field-row">
                    <WireSelect id="cert-key" label="Key algorithm" value=d.key_algorithm
                        options=KeyAlgorithm::known().into_iter().filter(|k| *k != KeyAlgorithm::Sm2).map(|k| (k.as_str().to_owned(), k.label().to_owned())).collect() />
                    <WireSelect id="cert-sig" label="Signature algorithm" value=d.signature_algorithm
                        options=SignatureAlgorithm::known().into_iter().filter(|s| *s != SignatureAlgorithm::Sm3).map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect() />
                </div>
            </fieldset>
            <fieldset>
                <legend>"Validity"</legend>
                <ValidityFields id_prefix="cert" value=d.validity_value unit=d.validity_type start_date=d.start_date form
                    hint="At most 20 years, and not beyond the issuer's own validity." />
            </fieldset>
            <SanEditor rows=d.sans error_for=form.exact_error_lookup() />
            <fieldset>
                <legend>"Key usages"</legend>
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
                                {k.label().to_owned()}
                            </label>
                        }
                    }).collect::<Vec<_>>()}
                </div>
                <p class="field-hint">"None ticked: the service's defaults (digital signature, key agreement)."</p>
            </fieldset>
            <fieldset>
                <legend>"Extended key usages"</legend>
                <div class="check-grid">
                    {eku_box(d.eku, "Server authentication", |e| &mut e.server_auth)}
                    {eku_box(d.eku, "Client authentication", |e| &mut e.client_auth)}
                    {eku_box(d.eku, "Code signing", |e| &mut e.code_signing)}
                    {eku_box(d.eku, "E-mail protection", |e| &mut e.email_protection)}
                    {eku_box(d.eku, "Time stamping", |e| &mut e.time_stamping)}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Custom extension (optional)"</legend>
                <div class="field-row">
                    <RuleField form path="customized_extension.object_identifier" id="cert-ext-oid" label="Object identifier"
                        value=d.extension_oid placeholder="1.3.6.1.4.1.2011.4.99" />
                    <RuleField form path="customized_extension.value" id="cert-ext-value" label="Extension value" value=d.extension_value />
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

//! "Apply for a certificate": the service makes the key. Issuer (active
//! CAs only), subject with the issuer's values as inherited defaults, key
//! and signature, validity, names, usages and a custom extension. Every
//! field is checked before sending; the exact request is shown first; a
//! failure keeps the input.

use ccm_api::common::{KeyAlgorithm, KeyUsage, SignatureAlgorithm};
use ccm_api::pca::cas::CertificateAuthority;
use ccm_api::pca::certs::CreateCertificateResponse;
use ccm_api::validate::ValidationError;
use ccm_api::{ApiError, ApiRequest};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::apply_form::{inherited, ApplyDraft, DnPart, EkuChoice, SanRow, Template};
use super::issuers::{active_issuers, find_issuer, issuer_label};
use super::request_preview::RequestPreview;
use super::san_editor::SanEditor;
use crate::components::submit_guard::SubmitGuard;
use crate::api::client::use_api;
use crate::components::api_error::{change_failed_title, ApiErrorView};
use crate::components::field::{error_lookup, TextField};
use crate::components::notifications::use_notifications;
use crate::components::select::WireSelect;
use crate::components::subject_fields::{SubjectFields, SubjectSignals};
use crate::components::validity_fields::ValidityFields;
use crate::pages::pca::cas::loader;

#[derive(Clone, Copy)]
struct ApplySignals {
    issuer_id: RwSignal<String>,
    subject: SubjectSignals,
    key_algorithm: RwSignal<String>,
    signature_algorithm: RwSignal<String>,
    validity_type: RwSignal<String>,
    validity_value: RwSignal<String>,
    start_date: RwSignal<String>,
    sans: RwSignal<Vec<SanRow>>,
    key_usages: RwSignal<Vec<String>>,
    eku: RwSignal<EkuChoice>,
    extension_oid: RwSignal<String>,
    extension_value: RwSignal<String>,
}

impl ApplySignals {
    fn new(issuer_id: String) -> Self {
        let d = ApplyDraft::default();
        ApplySignals {
            issuer_id: RwSignal::new(issuer_id),
            subject: SubjectSignals::new(),
            key_algorithm: RwSignal::new(d.key_algorithm),
            signature_algorithm: RwSignal::new(d.signature_algorithm),
            validity_type: RwSignal::new(d.validity_type),
            validity_value: RwSignal::new(d.validity_value),
            start_date: RwSignal::new(d.start_date),
            sans: RwSignal::new(d.sans),
            key_usages: RwSignal::new(d.key_usages),
            eku: RwSignal::new(d.eku),
            extension_oid: RwSignal::new(d.extension_oid),
            extension_value: RwSignal::new(d.extension_value),
        }
    }

    fn draft(&self) -> ApplyDraft {
        let s = self.subject;
        ApplyDraft {
            issuer_id: self.issuer_id.get(),
            common_name: s.common_name.get(),
            country: s.country.get(),
            state: s.state.get(),
            locality: s.locality.get(),
            organization: s.organization.get(),
            organizational_unit: s.organizational_unit.get(),
            key_algorithm: self.key_algorithm.get(),
            signature_algorithm: self.signature_algorithm.get(),
            validity_type: self.validity_type.get(),
            validity_value: self.validity_value.get(),
            start_date: self.start_date.get(),
            sans: self.sans.get(),
            key_usages: self.key_usages.get(),
            eku: self.eku.get(),
            extension_oid: self.extension_oid.get(),
            extension_value: self.extension_value.get(),
        }
    }
}

#[component]
pub fn ApplyCertificatePage() -> impl IntoView {
    let api = use_api();
    let notify = use_notifications();
    let navigate = use_navigate();
    let params = use_query_map();
    let d = ApplySignals::new(params.with_untracked(|p| p.get("issuer")).unwrap_or_default());
    let cas = RwSignal::new(Vec::<CertificateAuthority>::new());
    let load_error = RwSignal::new(None::<ApiError>);
    spawn_local(async move {
        match loader::load_all(api, RwSignal::new(None)).await {
            Ok(list) => {
                cas.try_set(list);
            }
            Err(ApiError::Aborted) => {}
            Err(e) => {
                load_error.try_set(Some(e));
            }
        }
    });

    // Checked on every change once the user asked to review.
    let reviewed = RwSignal::new(false);
    let result = Memo::new(move |_| cas.with(|c| d.draft().to_request(c, js_sys::Date::now() as i64)));
    let errors = Signal::derive(move || if reviewed.get() { result.get().err().unwrap_or_default() } else { Vec::new() });
    let error_for = error_lookup(errors);
    let exact_error = Callback::new(move |field: String| {
        errors.with(|list: &Vec<ValidationError>| list.iter().find(|e| e.field == field).map(|e| e.message.clone()))
    });
    let preview = RwSignal::new(None::<ApiRequest>);
    let guard = SubmitGuard::new();
    let pending = guard.pending;
    let api_error = RwSignal::new(None::<ApiError>);
    let issuer = Memo::new(move |_| cas.with(|c| find_issuer(c, &d.issuer_id.get()).cloned()));

    let review = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        reviewed.set(true);
        preview.set(result.get_untracked().ok());
    };
    let created = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(id) = created.get() {
            navigate(&format!("/pca/certs/{id}"), Default::default());
        }
    });
    let send = Callback::new(move |_: ()| {
        let Some(req) = preview.get_untracked() else { return };
        if !guard.ready() {
            return;
        }
        if !guard.begin() {
            return;
        }
        api_error.set(None);
        spawn_local(async move {
            let answer = api.json::<CreateCertificateResponse>(req).await;
            guard.end();
            match answer {
                Ok(r) => {
                    notify.success(format!("Certificate {} issued", d.subject.common_name.get_untracked()));
                    created.try_set(Some(r.certificate_id));
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    api_error.try_set(Some(e));
                }
            }
        });
    });
    // Any edit invalidates the previewed request.
    Effect::new(move |_| {
        d.draft();
        preview.set(None);
    });

    let inherited_values = move || {
        let i = issuer.get();
        [DnPart::Country, DnPart::State, DnPart::Locality, DnPart::Organization, DnPart::OrganizationalUnit]
            .map(|p| inherited(i.as_ref(), p))
    };

    view! {
        <h1>"Apply for a certificate"</h1>
        <p><a href="/pca/certs">"Back to the certificate list"</a></p>
        {move || load_error.get().map(|e| view! { <ApiErrorView title="Could not load the CAs" error=e /> })}
        <form class="panel wizard" on:submit=review novalidate>
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
                <div class="field">
                    <label for="cert-issuer">"Issuing CA"</label>
                    <select id="cert-issuer" on:change=move |ev| d.issuer_id.set(event_target_value(&ev))
                        aria-invalid=move || error_for.run("issuer_id").get().is_some().to_string()>
                        <option value="" selected=move || d.issuer_id.get().is_empty()>"Choose an active CA"</option>
                        {move || cas.with(|c| active_issuers(c).into_iter().map(|i| {
                            let id = i.ca_id.clone();
                            let id_sel = id.clone();
                            view! { <option value=id selected=move || d.issuer_id.get() == id_sel>{issuer_label(i)}</option> }
                        }).collect::<Vec<_>>())}
                    </select>
                    <p class="field-hint">"Only active CAs are listed. The certificate must end before its issuer does."</p>
                    <p class="field-error">{move || error_for.run("issuer_id").get()}</p>
                </div>
            </fieldset>
            <fieldset>
                <legend>"Subject"</legend>
                <p class="field-hint">"Only the common name is required; a part left empty takes the issuer's value, shown in grey."</p>
                {move || view! { <SubjectFields id_prefix="cert" signals=d.subject error_for inherited=inherited_values() /> }}
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
                <ValidityFields id_prefix="cert" value=d.validity_value unit=d.validity_type start_date=d.start_date error_for
                    hint="At most 20 years, and not beyond the issuer's own validity." />
            </fieldset>
            <SanEditor rows=d.sans error_for=exact_error />
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
                    <TextField id="cert-ext-oid" label="Object identifier" value=d.extension_oid placeholder="1.3.6.1.4.1.2011.4.99"
                        error=error_for.run("customized_extension.object_identifier") />
                    <TextField id="cert-ext-value" label="Extension value" value=d.extension_value
                        error=error_for.run("customized_extension.value") />
                </div>
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary">"Review request"</button>
            </div>
            {move || (reviewed.get() && result.with(|r| r.is_err())).then(|| view! {
                <p class="field-error" role="alert">"Some fields need attention; nothing was sent."</p>
            })}
        </form>
        {move || preview.get().map(|req| view! {
            <RequestPreview req pending send_label="Apply" on_send=send />
        })}
        {move || api_error.get().map(|e| view! { <ApiErrorView title=change_failed_title(&e, "The certificate was not issued", "No confirmation from the service: the certificate may have been issued") error=e /> })}
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

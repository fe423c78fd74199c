//! "Create CA": root, subordinate signed now, or subordinate left pending.
//! Every field is checked as typed with the contract's rules; the exact
//! request is shown before it is sent; a failure keeps the input.

use ccm_api::common::{KeyAlgorithm, KeyUsage, SignatureAlgorithm, ValidityType};
use ccm_api::pca::cas::{CertificateAuthority, CreateCertificateAuthorityResponse};
use ccm_api::validate::ValidationError;
use ccm_api::{ApiError, ApiRequest};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::create_form::{eligible_issuers, max_path_length, CaDraft, CaKindChoice};
use super::loader;
use super::obs_access::ObsBucketPicker;
use crate::components::submit_guard::SubmitGuard;
use crate::api::client::use_api;
use crate::components::api_error::{change_failed_title, ApiErrorView};
use crate::components::field::TextField;
use crate::components::notifications::use_notifications;

#[derive(Clone, Copy)]
struct DraftSignals {
    choice: RwSignal<CaKindChoice>,
    common_name: RwSignal<String>,
    country: RwSignal<String>,
    state: RwSignal<String>,
    locality: RwSignal<String>,
    organization: RwSignal<String>,
    organizational_unit: RwSignal<String>,
    key_algorithm: RwSignal<String>,
    signature_algorithm: RwSignal<String>,
    validity_type: RwSignal<String>,
    validity_value: RwSignal<String>,
    start_date: RwSignal<String>,
    issuer_id: RwSignal<String>,
    path_length: RwSignal<String>,
    key_usages: RwSignal<Vec<String>>,
    crl_publish: RwSignal<bool>,
    crl_bucket: RwSignal<String>,
    crl_name: RwSignal<String>,
    crl_valid_days: RwSignal<String>,
}

impl DraftSignals {
    fn new() -> Self {
        let d = CaDraft::default();
        DraftSignals {
            choice: RwSignal::new(d.choice),
            common_name: RwSignal::new(d.common_name),
            country: RwSignal::new(d.country),
            state: RwSignal::new(d.state),
            locality: RwSignal::new(d.locality),
            organization: RwSignal::new(d.organization),
            organizational_unit: RwSignal::new(d.organizational_unit),
            key_algorithm: RwSignal::new(d.key_algorithm),
            signature_algorithm: RwSignal::new(d.signature_algorithm),
            validity_type: RwSignal::new(d.validity_type),
            validity_value: RwSignal::new(d.validity_value),
            start_date: RwSignal::new(d.start_date),
            issuer_id: RwSignal::new(d.issuer_id),
            path_length: RwSignal::new(d.path_length),
            key_usages: RwSignal::new(d.key_usages),
            crl_publish: RwSignal::new(d.crl_publish),
            crl_bucket: RwSignal::new(d.crl_bucket),
            crl_name: RwSignal::new(d.crl_name),
            crl_valid_days: RwSignal::new(d.crl_valid_days),
        }
    }

    fn draft(&self) -> CaDraft {
        CaDraft {
            choice: self.choice.get(),
            common_name: self.common_name.get(),
            country: self.country.get(),
            state: self.state.get(),
            locality: self.locality.get(),
            organization: self.organization.get(),
            organizational_unit: self.organizational_unit.get(),
            key_algorithm: self.key_algorithm.get(),
            signature_algorithm: self.signature_algorithm.get(),
            validity_type: self.validity_type.get(),
            validity_value: self.validity_value.get(),
            start_date: self.start_date.get(),
            issuer_id: self.issuer_id.get(),
            path_length: self.path_length.get(),
            key_usages: self.key_usages.get(),
            crl_publish: self.crl_publish.get(),
            crl_bucket: self.crl_bucket.get(),
            crl_name: self.crl_name.get(),
            crl_valid_days: self.crl_valid_days.get(),
        }
    }
}

#[component]
pub fn CreateCaPage() -> impl IntoView {
    let api = use_api();
    let notify = use_notifications();
    let navigate = use_navigate();
    let d = DraftSignals::new();
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
    let errors = move || if reviewed.get() { result.get().err().unwrap_or_default() } else { Vec::new() };
    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            errors().into_iter().find(|e: &ValidationError| e.field == field || e.field.starts_with(&format!("{field}."))).map(|e| e.message)
        })
    };
    let preview = RwSignal::new(None::<ApiRequest>);
    let guard = SubmitGuard::new();
    let pending = guard.pending;
    let api_error = RwSignal::new(None::<ApiError>);

    let review = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        reviewed.set(true);
        preview.set(result.get_untracked().ok());
    };
    // Navigation happens in an effect so the click handler stays Copy.
    let created = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(id) = created.get() {
            navigate(&format!("/pca/cas?ca={id}"), Default::default());
        }
    });
    let create = move |_| {
        let Some(req) = preview.get_untracked() else { return };
        if !guard.ready() {
            return;
        }
        if !guard.begin() {
            return;
        }
        api_error.set(None);
        spawn_local(async move {
            let answer = api.json::<CreateCertificateAuthorityResponse>(req).await;
            guard.end();
            match answer {
                Ok(r) => {
                    notify.success(format!("CA {} created", d.common_name.get_untracked()));
                    created.try_set(Some(r.ca_id));
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    api_error.try_set(Some(e));
                }
            }
        });
    };
    // Any edit invalidates the previewed request.
    Effect::new(move |_| {
        d.draft();
        preview.set(None);
    });

    let choice_radio = move |value: CaKindChoice, label: &'static str| view! {
        <label class="check">
            <input type="radio" name="ca-kind" prop:checked=move || d.choice.get() == value on:change=move |_| d.choice.set(value) />
            {label}
        </label>
    };
    let signs_now = move || d.choice.get() != CaKindChoice::SubordinatePending;
    let crl_ready = RwSignal::new(false);

    view! {
        <h1>"Create a CA"</h1>
        {move || load_error.get().map(|e| view! { <ApiErrorView title="Could not load the existing CAs" error=e /> })}
        <form class="panel wizard" on:submit=review novalidate>
            <fieldset>
                <legend>"Kind"</legend>
                {choice_radio(CaKindChoice::Root, "Root CA (self-signed, top of a hierarchy)")}
                {choice_radio(CaKindChoice::SubordinateNow, "Subordinate CA, signed now by a CA here")}
                {choice_radio(CaKindChoice::SubordinatePending, "Subordinate CA, left pending (activate later or sign its CSR elsewhere)")}
            </fieldset>
            <fieldset>
                <legend>"Subject"</legend>
                <TextField id="ca-cn" label="Common name" value=d.common_name error=error_for("distinguished_name.common_name") />
                <div class="field-row">
                    <TextField id="ca-country" label="Country (2 letters)" value=d.country error=error_for("distinguished_name.country") />
                    <TextField id="ca-state" label="State or province" value=d.state error=error_for("distinguished_name.state") />
                    <TextField id="ca-locality" label="Locality" value=d.locality error=error_for("distinguished_name.locality") />
                </div>
                <div class="field-row">
                    <TextField id="ca-org" label="Organization" value=d.organization error=error_for("distinguished_name.organization") />
                    <TextField id="ca-ou" label="Organizational unit" value=d.organizational_unit error=error_for("distinguished_name.organizational_unit") />
                </div>
            </fieldset>
            <fieldset>
                <legend>"Keys"</legend>
                <div class="field-row">
                    <WireSelect id="ca-key" label="Key algorithm" value=d.key_algorithm
                        options=KeyAlgorithm::known().into_iter().filter(|k| *k != KeyAlgorithm::Sm2).map(|k| (k.as_str().to_owned(), k.label().to_owned())).collect() />
                    <Show when=signs_now>
                        <WireSelect id="ca-sig" label="Signature algorithm" value=d.signature_algorithm
                            options=SignatureAlgorithm::known().into_iter().filter(|k| *k != SignatureAlgorithm::Sm3).map(|k| (k.as_str().to_owned(), k.label().to_owned())).collect() />
                    </Show>
                </div>
                <Show when=move || d.choice.get() == CaKindChoice::Root
                    fallback=move || view! { <KeyUsagePicker usages=d.key_usages error=error_for("key_usages") /> }>
                    <p class="field-hint">"A root CA's key usages are fixed: digital signature, certificate signing, CRL signing."</p>
                </Show>
            </fieldset>
            <Show when=move || d.choice.get() == CaKindChoice::SubordinateNow>
                <fieldset>
                    <legend>"Issuer"</legend>
                    <div class="field">
                        <label for="ca-issuer">"Issuing CA"</label>
                        <select id="ca-issuer" on:change=move |ev| d.issuer_id.set(event_target_value(&ev))
                            aria-invalid=move || error_for("issuer_id").get().is_some().to_string()>
                            <option value="" selected=move || d.issuer_id.get().is_empty()>"Choose an active CA"</option>
                            {move || cas.with(|c| eligible_issuers(c).into_iter().map(|i| {
                                let id = i.ca_id.clone();
                                let id_sel = id.clone();
                                let text = format!("{} (path length {} left{})", i.distinguished_name.common_name, max_path_length(i),
                                    i.not_after.map(|t| format!(", until {}", crate::expiry::date(t))).unwrap_or_default());
                                view! { <option value=id selected=move || d.issuer_id.get() == id_sel>{text}</option> }
                            }).collect::<Vec<_>>())}
                        </select>
                        <p class="field-hint">"Only active CAs whose path length leaves room for another CA are listed."</p>
                        <p class="field-error">{move || error_for("issuer_id").get()}</p>
                    </div>
                    <TextField id="ca-path" label="Path length (0 to 6)" value=d.path_length error=error_for("path_length")
                        hint="How many levels of CAs may exist below this one; 0 means it signs only end-entity certificates." />
                </fieldset>
            </Show>
            <Show when=signs_now>
                <fieldset>
                    <legend>"Validity"</legend>
                    <div class="field-row">
                        <TextField id="ca-validity" label="Validity" value=d.validity_value error=error_for("validity.value") />
                        <WireSelect id="ca-validity-unit" label="Unit" value=d.validity_type
                            options=ValidityType::known().into_iter().map(|k| (k.as_str().to_owned(), k.label().to_owned())).collect() />
                        <div class="field">
                            <label for="ca-start">"Start (optional)"</label>
                            <input id="ca-start" type="date" prop:value=move || d.start_date.get()
                                on:input=move |ev| d.start_date.set(event_target_value(&ev)) />
                            <p class="field-error">{move || error_for("validity.start_from").get()}</p>
                        </div>
                    </div>
                    <p class="field-hint">"A root CA may be valid for up to 30 years, a subordinate for up to 20 and not beyond its issuer."</p>
                </fieldset>
            </Show>
            <Show when=signs_now>
                <fieldset>
                    <legend>"Certificate revocation list"</legend>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || d.crl_publish.get()
                            on:change=move |ev| d.crl_publish.set(event_target_checked(&ev)) />
                        "Publish a CRL to OBS"
                    </label>
                    <Show when=move || d.crl_publish.get()>
                        <ObsBucketPicker id="ca-crl-bucket" bucket=d.crl_bucket ready=crl_ready
                            bucket_error=error_for("crl_configuration.obs_bucket_name") />
                        <div class="field-row">
                            <TextField id="ca-crl-name" label="CRL name (optional)" value=d.crl_name error=error_for("crl_configuration.crl_name") />
                            <TextField id="ca-crl-days" label="Renew every (7 to 30 days)" value=d.crl_valid_days
                                error=error_for("crl_configuration.valid_days") />
                        </div>
                    </Show>
                </fieldset>
            </Show>
            <div class="actions">
                <button type="submit" class="primary">"Review request"</button>
            </div>
            {move || (reviewed.get() && result.with(|r| r.is_err())).then(|| view! {
                <p class="field-error" role="alert">"Some fields need attention; nothing was sent."</p>
            })}
        </form>
        {move || preview.get().map(|req| view! {
            <section class="panel" aria-label="Request to send">
                <h2>"Request to send"</h2>
                <pre class="request-preview"><code>{format!("{} {}\n\n{}", req.method, req.path_and_query(),
                    req.body.as_ref().map(|b| serde_json::to_string_pretty(b).unwrap_or_default()).unwrap_or_default())}</code></pre>
                <button class="primary" disabled=move || pending.get() on:click=create>
                    {move || if pending.get() { "Creating…" } else { "Create CA" }}
                </button>
            </section>
        })}
        {move || api_error.get().map(|e| view! { <ApiErrorView title=change_failed_title(&e, "The CA was not created", "No confirmation from the service: the CA may have been created") error=e /> })}
    }
}

/// The nine RFC 5280 key usages as checkboxes, in the API's names.
#[component]
fn KeyUsagePicker(usages: RwSignal<Vec<String>>, error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <fieldset class="checks" aria-describedby="ca-key-usages-error">
            <legend>"Key usages"</legend>
            {KeyUsage::known().into_iter().map(|u| {
                let wire = u.as_str().to_owned();
                let (w1, w2) = (wire.clone(), wire.clone());
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || usages.with(|l| l.contains(&w1))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                usages.update(|l| {
                                    l.retain(|x| x != &w2);
                                    if on { l.push(w2.clone()); }
                                });
                            } />
                        {wire}
                    </label>
                }
            }).collect::<Vec<_>>()}
            <p class="field-error" id="ca-key-usages-error">{move || error.get()}</p>
        </fieldset>
    }
}

#[component]
fn WireSelect(id: &'static str, label: &'static str, value: RwSignal<String>, options: Vec<(String, String)>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(wire, text)| {
                    let w = wire.clone();
                    view! { <option value=wire selected=move || value.get() == w>{text}</option> }
                }).collect::<Vec<_>>()}
            </select>
        </div>
    }
}

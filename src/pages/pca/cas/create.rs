//! "Create CA": root, subordinate signed now, or subordinate left pending.
//! Every field is checked as typed with the contract's rules; the exact
//! request is shown before it is sent; a failure keeps the input.

use ccm_api::common::{KeyAlgorithm, KeyUsage, SignatureAlgorithm, ValidityType};
use ccm_api::pca::cas::{CertificateAuthority, CreateCertificateAuthorityResponse};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::create_form::{eligible_issuers, issuer_options, CaDraft, CaKindChoice};
use super::loader;
use super::obs_access::ObsBucketPicker;
use super::similar::{similar_changes, similar_draft, SIMILAR_KEY, USAGE_KEY};
use super::validity_cap::{capped, most_units_before};
use crate::components::select::WireSelect;
use crate::components::subject_fields::{SubjectFields, SubjectSignals};
use crate::components::validity_fields::ValidityFields;
use crate::form::field::{RuleField, RuleSelect};
use crate::form::page::{FormFrame, FormPage};

crate::draft_signals!(DraftSignals for CaDraft {
    choice: CaKindChoice,
    key_algorithm: String,
    signature_algorithm: String,
    validity_type: String,
    validity_value: String,
    start_date: String,
    issuer_id: String,
    path_length: String,
    key_usages: Vec<String>,
    crl_publish: bool,
    crl_bucket: String,
    crl_name: String,
    crl_valid_days: String,
} { subject: SubjectSignals });

#[component]
pub fn CreateCaPage() -> impl IntoView {
    let page = FormPage::open();
    let d = DraftSignals::new();
    let (form, cas, load_error) = loader::form_over_cas(page.api, "create_certificate_authority", move |cas, now| d.draft().to_request(cas, now));
    // "Create similar" from a CA's details: once the CAs are read, the
    // form becomes that CA, and what was filled is what changes compare to.
    let (similar_id, usages) = use_query_map().with_untracked(|q| (q.get(SIMILAR_KEY), q.get_all(USAGE_KEY).unwrap_or_default()));
    let original = RwSignal::new(None::<CaDraft>);
    if let Some(id) = similar_id.clone() {
        Effect::new(move |_| {
            if original.with_untracked(Option::is_some) {
                return;
            }
            if let Some(like) = cas.with(|c| c.iter().find(|ca| ca.ca_id == id).map(|ca| similar_draft(ca, &usages))) {
                d.set_draft(like.clone());
                original.set(Some(like));
            }
        });
    }
    let create = form.sender(page.api, move |r: CreateCertificateAuthorityResponse| {
        page.done(format!("CA {} created", d.subject.common_name.get_untracked()), format!("/pca/cas?ca={}", r.ca_id));
    });

    let issuer = Memo::new(move |_| {
        let id = d.issuer_id.get();
        cas.with(|c| eligible_issuers(c).into_iter().find(|i| i.ca_id == id).cloned())
    });
    // A subordinate must end before its issuer: picking an issuer cuts a
    // validity that would outlast it, and says so.
    let capped_to = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let (Some(issuer), CaKindChoice::SubordinateNow) = (issuer.get(), d.choice.get()) else { return };
        let Some(end) = issuer.not_after else { return };
        let kind = ValidityType::from_wire(&d.validity_type.get_untracked());
        let now = js_sys::Date::now() as i64;
        if let Some((unit, value)) = capped(now, end, &kind, &d.validity_value.get_untracked()) {
            d.validity_type.set(unit.as_str().to_owned());
            d.validity_value.set(value.to_string());
            capped_to.set(Some(format!("Validity set to {value} {} so that it ends before {} does.", unit.label(), issuer.distinguished_name.common_name)));
        }
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
        <FormFrame form heading=if similar_id.is_some() { "Create a similar CA" } else { "Create a CA" } load_error load_title="Could not load the existing CAs"
            on_send=create send_label="Create CA" sending_label="Creating…"
            not_done="The CA was not created" unsure="No confirmation from the service: the CA may have been created">
            {similar_id.is_some().then(|| view! {
                <section aria-label="What changes">
                    <h2>"What changes"</h2>
                    {move || match original.get() {
                        None => view! { <p role="status">"Reading the CA to start from…"</p> }.into_any(),
                        Some(o) => view! {
                            <p class="field-hint">"Every field below starts as the CA you started from; edit any of them. Key usages are those of its certificate (when the details had read it), else the usual ones."</p>
                            <ul>{move || similar_changes(&o, &d.draft()).into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                        }.into_any(),
                    }}
                </section>
            })}
            <p class="field-hint">"Fields marked * are required."</p>
            <fieldset>
                <legend>"Kind"</legend>
                {choice_radio(CaKindChoice::Root, "Root CA (self-signed, top of a hierarchy)")}
                {choice_radio(CaKindChoice::SubordinateNow, "Subordinate CA, signed now by a CA here")}
                {choice_radio(CaKindChoice::SubordinatePending, "Subordinate CA, left pending (activate later or sign its CSR elsewhere)")}
            </fieldset>
            <fieldset>
                <legend>"Subject"</legend>
                <SubjectFields id_prefix="ca" signals=d.subject form />
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
                    fallback=move || view! { <KeyUsagePicker usages=d.key_usages error=form.error_for("key_usages") /> }>
                    <p class="field-hint">"A root CA's key usages are fixed: digital signature, certificate signing, CRL signing."</p>
                </Show>
            </fieldset>
            <Show when=move || d.choice.get() == CaKindChoice::SubordinateNow>
                <fieldset>
                    <legend>"Issuer"</legend>
                    <RuleSelect form path="issuer_id" id="ca-issuer" label="Issuing CA" value=d.issuer_id none="Choose an active CA"
                        options=Signal::derive(move || cas.with(|c| issuer_options(c, None, true)))
                        hint="Only active CAs whose path length leaves room for another CA are listed." />
                    <RuleField form path="path_length" id="ca-path" label="Path length (0 to 6)" value=d.path_length
                        hint="How many levels of CAs may exist below this one; 0 means it signs only end-entity certificates." />
                </fieldset>
            </Show>
            <Show when=signs_now>
                <fieldset>
                    <legend>"Validity"</legend>
                    <ValidityFields id_prefix="ca" value=d.validity_value unit=d.validity_type start_date=d.start_date form
                        hint="A root CA may be valid for up to 30 years, a subordinate for up to 20 and not beyond its issuer." />
                    {move || (d.choice.get() == CaKindChoice::SubordinateNow).then(|| issuer.get()).flatten().map(|i| {
                        view! { <IssuerFit issuer=i unit=d.validity_type /> }
                    })}
                    {move || capped_to.get().map(|m| view! { <p class="field-hint" role="status">{m}</p> })}
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
                            bucket_error=form.error_for("crl_configuration.obs_bucket_name") />
                        <div class="field-row">
                            <RuleField form path="crl_configuration.crl_name" id="ca-crl-name" label="CRL name (optional)" value=d.crl_name />
                            <RuleField form path="crl_configuration.valid_days" id="ca-crl-days" label="Renew every (7 to 30 days)" value=d.crl_valid_days />
                        </div>
                    </Show>
                </fieldset>
            </Show>
        </FormFrame>
    }
}

/// How long a subordinate may be valid under the chosen issuer, in the
/// chosen unit.
#[component]
fn IssuerFit(issuer: CertificateAuthority, unit: RwSignal<String>) -> impl IntoView {
    let name = issuer.distinguished_name.common_name.clone();
    move || {
        issuer.not_after.map(|end| {
            let kind = ValidityType::from_wire(&unit.get());
            let most = most_units_before(js_sys::Date::now() as i64, end, &kind);
            format!("{name} is valid until {}: at most {most} {} fit under it.", crate::expiry::date(end), kind.label())
        })
        .map(|text| view! { <p class="field-hint">{text}</p> })
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

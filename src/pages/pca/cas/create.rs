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
use super::similar::{similar_changes, similar_draft, SimilarChange, SIMILAR_KEY, USAGE_KEY};
use crate::components::with_data::marked;
use crate::components::with_data::DataMarked;
use super::validity_cap::{capped, most_units_before};
use crate::components::select::WireSelect;
use crate::components::subject_fields::{SubjectFields, SubjectSignals};
use crate::components::validity_fields::ValidityFields;
use crate::form::field::{RuleField, RuleSelect};
use crate::form::page::{FormFrame, FormPage};
use crate::i18n::{td_string, use_locale};
use crate::pages::pca::labels;

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
    let i18n = use_locale();
    let l = i18n;
    let d = DraftSignals::new();
    let (form, cas, load_error) = loader::form_over_cas(page.api, "create_certificate_authority", move |cas, now| d.draft().to_request(cas, now, l));
    // "Create similar" from a CA's details: once the CAs are read, the
    // form becomes that CA, and what was filled is what changes compare to.
    let (similar_id, usages) = use_query_map().with_untracked(|q| (q.get(SIMILAR_KEY), q.get_all(USAGE_KEY).unwrap_or_default()));
    let original = RwSignal::new(None::<CaDraft>);
    // The CA may be gone (deleted since its details were shown): once the
    // list is read without it, say so instead of reading for ever.
    let original_missing = RwSignal::new(false);
    if let Some(id) = similar_id.clone() {
        Effect::new(move |ran_before: Option<()>| {
            if original.with_untracked(Option::is_some) {
                return;
            }
            match cas.with(|c| c.iter().find(|ca| ca.ca_id == id).map(|ca| similar_draft(ca, &usages))) {
                Some(like) => {
                    d.set_draft(like.clone());
                    original.set(Some(like));
                }
                // The first run sees the empty list from before the load.
                None if ran_before.is_some() => original_missing.set(true),
                None => {}
            }
        });
    }
    let create = form.sender(page.api, move |r: CreateCertificateAuthorityResponse| {
        page.done(td_string!(l, pca.ca_created, name = marked(&d.subject.common_name.get_untracked())).to_string(), format!("/pca/cas?ca={}", r.ca_id));
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
            capped_to.set(Some(td_string!(l, pca.validity_capped, value = value, unit = labels::validity_unit(&unit, l), issuer = &issuer.distinguished_name.common_name).to_string()));
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
        <FormFrame form heading=if similar_id.is_some() { td_string!(l, pca.similar_heading) } else { td_string!(l, pca.create_heading) } load_error load_title=td_string!(l, pca.load_cas_failed)
            on_send=create send_label=td_string!(l, pca.create_ca) sending_label=td_string!(l, pca.creating)
            not_done=td_string!(l, pca.ca_not_created) unsure=td_string!(l, pca.ca_maybe_created)>
            {similar_id.is_some().then(|| view! {
                <section aria-label=td_string!(l, pca.what_changes)>
                    <h2>{td_string!(l, pca.what_changes)}</h2>
                    {move || match original.get() {
                        None if original_missing.get() => view! { <p role="alert">{td_string!(l, pca.similar_not_found)}</p> }.into_any(),
                        None => view! { <p role="status">{td_string!(l, pca.reading_original)}</p> }.into_any(),
                        Some(o) => view! {
                            <p class="field-hint">{td_string!(l, pca.similar_hint)}</p>
                            <ul>{move || similar_changes(&o, &d.draft(), l).into_iter().map(change_line).collect_view()}</ul>
                        }.into_any(),
                    }}
                </section>
            })}
            <p class="field-hint">{td_string!(l, pca.required_hint)}</p>
            <fieldset>
                <legend>{td_string!(l, pca.kind)}</legend>
                {choice_radio(CaKindChoice::Root, td_string!(l, pca.choice_root))}
                {choice_radio(CaKindChoice::SubordinateNow, td_string!(l, pca.choice_sub_now))}
                {choice_radio(CaKindChoice::SubordinatePending, td_string!(l, pca.choice_sub_pending))}
            </fieldset>
            <fieldset>
                <legend>{td_string!(l, pca.subject)}</legend>
                <SubjectFields id_prefix="ca" signals=d.subject form />
            </fieldset>
            <fieldset>
                <legend>{td_string!(l, pca.keys)}</legend>
                <div class="field-row">
                    <WireSelect id="ca-key" label=td_string!(l, pca.key_algorithm) value=d.key_algorithm
                        options=KeyAlgorithm::known().into_iter().filter(|k| *k != KeyAlgorithm::Sm2).map(|k| (k.as_str().to_owned(), k.label().to_owned())).collect() />
                    <Show when=signs_now>
                        <WireSelect id="ca-sig" label=td_string!(l, pca.signature_algorithm) value=d.signature_algorithm
                            options=SignatureAlgorithm::known().into_iter().filter(|k| *k != SignatureAlgorithm::Sm3).map(|k| (k.as_str().to_owned(), k.label().to_owned())).collect() />
                    </Show>
                </div>
                <Show when=move || d.choice.get() == CaKindChoice::Root
                    fallback=move || view! { <KeyUsagePicker usages=d.key_usages error=form.error_for("key_usages") /> }>
                    <p class="field-hint">{td_string!(l, pca.root_usages_fixed)}</p>
                </Show>
            </fieldset>
            <Show when=move || d.choice.get() == CaKindChoice::SubordinateNow>
                <fieldset>
                    <legend>{td_string!(l, pca.issuer)}</legend>
                    <RuleSelect form path="issuer_id" id="ca-issuer" label=td_string!(l, pca.issuing_ca) value=d.issuer_id none=td_string!(l, pca.choose_active_ca)
                        options=Signal::derive(move || cas.with(|c| issuer_options(c, None, true, l)))
                        hint=td_string!(l, pca.issuer_hint) />
                    <RuleField form path="path_length" id="ca-path" label=td_string!(l, pca.path_length_range) value=d.path_length
                        hint=td_string!(l, pca.path_length_hint) />
                </fieldset>
            </Show>
            <Show when=signs_now>
                <fieldset>
                    <legend>{td_string!(l, pca.validity)}</legend>
                    <ValidityFields id_prefix="ca" value=d.validity_value unit=d.validity_type start_date=d.start_date form
                        hint=td_string!(l, pca.validity_hint) />
                    {move || (d.choice.get() == CaKindChoice::SubordinateNow).then(|| issuer.get()).flatten().map(|i| {
                        view! { <IssuerFit issuer=i unit=d.validity_type /> }
                    })}
                    {move || capped_to.get().map(|m| view! { <p class="field-hint" role="status">{m}</p> })}
                </fieldset>
            </Show>
            <Show when=signs_now>
                <fieldset>
                    <legend>{td_string!(l, pca.crl_section)}</legend>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || d.crl_publish.get()
                            on:change=move |ev| d.crl_publish.set(event_target_checked(&ev)) />
                        {td_string!(l, pca.crl_publish_obs)}
                    </label>
                    <Show when=move || d.crl_publish.get()>
                        <ObsBucketPicker id="ca-crl-bucket" bucket=d.crl_bucket ready=crl_ready
                            bucket_error=form.error_for("crl_configuration.obs_bucket_name") />
                        <div class="field-row">
                            <RuleField form path="crl_configuration.crl_name" id="ca-crl-name" label=td_string!(l, pca.crl_name_optional) value=d.crl_name />
                            <RuleField form path="crl_configuration.valid_days" id="ca-crl-days" label=td_string!(l, pca.crl_days_label) value=d.crl_valid_days />
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
    let i18n = use_locale();
    move || {
        let l = i18n;
        issuer.not_after.map(|end| {
            let kind = ValidityType::from_wire(&unit.get());
            let most = most_units_before(js_sys::Date::now() as i64, end, &kind);
            td_string!(l, pca.issuer_fit, name = &name, date = crate::i18n::format::date(l, end), most = most, unit = labels::validity_unit(&kind, l)).to_string()
        })
        .map(|text| view! { <p class="field-hint">{text}</p> })
    }
}

/// The nine RFC 5280 key usages as checkboxes, in the API's names.
#[component]
fn KeyUsagePicker(usages: RwSignal<Vec<String>>, error: Signal<Option<String>>) -> impl IntoView {
    let l = use_locale();
    view! {
        <fieldset class="checks" aria-describedby="ca-key-usages-error">
            <legend>{td_string!(l, pca.key_usages)}</legend>
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
                        <span translate="no">{wire}</span>
                    </label>
                }
            }).collect::<Vec<_>>()}
            <p class="field-error" id="ca-key-usages-error">{move || error.get()}</p>
        </fieldset>
    }
}

/// One line of "what the new CA will be"; names and values stay untranslated.
fn change_line(c: SimilarChange) -> AnyView {
    match c {
        SimilarChange::Fact(text) => view! { <li>{text}</li> }.into_any(),
        SimilarChange::Field { label, before, after } => view! {
            <li>{label}{td_string!(use_locale(), common.name_sep)}<DataMarked text=before />" → "<DataMarked text=after /></li>
        }
        .into_any(),
    }
}

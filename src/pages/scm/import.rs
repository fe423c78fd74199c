//! Import an SSL certificate with its chain and private key (pasted or
//! from files). Everything is decoded and checked in the browser as it is
//! typed; a refused set is never sent.

use ccm_api::scm::{import_certificate, ImportCertificateResponse};
use ccm_api::validate::{validate_request, Context};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::import_check::{check_import, decode_preview, ImportDraft, Problem};
use super::ScmViewQuery;
use crate::components::with_data::{code, marked};
use crate::components::submit_guard::SubmitGuard;
use crate::list::url_state::UrlState;
use crate::api::client::use_api;
use crate::components::api_error::{change_failed_title, ApiErrorView};
use crate::components::cert_info::{CertificateDetails, ChainView};
use crate::components::field::TextField;
use crate::components::notifications::use_notifications;
use crate::components::pem_input::PemInput;
use crate::components::request_inspector::RequestPreview;
use crate::i18n::{td_string, use_locale, Locale};
use crate::form::rule_words::worded;

#[component]
pub fn ImportCertificatePage() -> impl IntoView {
    let api = use_api();
    let locale = use_locale();
    let notify = use_notifications();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let certificate = RwSignal::new(String::new());
    let chain = RwSignal::new(String::new());
    let private_key = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<Problem>::new());
    let error = RwSignal::new(None::<ApiError>);
    let guard = SubmitGuard::new();
    let pending = guard.pending;
    let draft = move || ImportDraft {
        name: name.get(),
        certificate: certificate.get(),
        chain: chain.get(),
        private_key: private_key.get(),
    };
    let now_secs = || (js_sys::Date::now() / 1000.0) as i64;
    let decoded = Memo::new(move |_| decode_preview(&draft()));
    // The request as it would go now (key masked), once the checks pass.
    let snapshot = Signal::derive(move || check_import(&draft(), now_secs(), locale).ok().and_then(|(body, _)| api.preview(&import_certificate(&body))));
    let problem_for = move |field: &'static str| {
        Signal::derive(move || problems.with(|p| p.iter().find(|p| p.field == field).map(|p| p.message.clone())))
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !guard.ready() {
            return;
        }
        error.set(None);
        let body = match check_import(&draft(), now_secs(), locale) {
            Ok((body, _)) => body,
            Err(p) => {
                problems.set(p);
                return;
            }
        };
        let req = import_certificate(&body);
        let contract = validate_request(&req, &Context { now_millis: js_sys::Date::now() as i64 });
        if !contract.is_empty() {
            problems.set(contract.iter().map(|e| Problem { field: field_of(&e.field), message: worded(e, locale) }).collect());
            return;
        }
        problems.set(Vec::new());
        if !guard.begin() {
            return;
        }
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = api.json::<ImportCertificateResponse>(req).await;
            guard.end();
            match result {
                Ok(r) => {
                    notify.success(td_string!(locale, scm.imported_notice, name = marked(&body.name.clone()), id = marked(&r.certificate_id.clone())));
                    let q = ScmViewQuery { selected: Some(r.certificate_id), ..Default::default() };
                    navigate(&format!("/scm{}", q.to_query()), Default::default());
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };

    view! {
        <div class="page-head">
            <h1>{td_string!(locale, scm.import_title)}</h1>
            <div class="actions"><a href="/scm">{td_string!(locale, scm.back_to_list)}</a></div>
        </div>
        <form class="panel wizard" aria-label=td_string!(locale, scm.import_form_label) on:submit=submit novalidate=true>
            <p class="lead">{td_string!(locale, scm.import_lead)}</p>
            <TextField id="import-name" label=td_string!(locale, scm.imp_name) value=name error=problem_for("name")
                hint=td_string!(locale, scm.imp_name_hint) />
            <PemInput id="import-certificate" label=td_string!(locale, scm.imp_certificate) value=certificate error=problem_for("certificate")
                hint=td_string!(locale, scm.imp_certificate_hint, begin = code("-----BEGIN CERTIFICATE-----")).to_string() />
            <PemInput id="import-chain" label=td_string!(locale, scm.imp_chain) value=chain error=problem_for("certificate_chain")
                hint=td_string!(locale, scm.imp_chain_hint) />
            <PemInput id="import-key" label=td_string!(locale, scm.imp_key) value=private_key error=problem_for("private_key")
                hint=td_string!(locale, scm.imp_key_hint) />
            <section class="import-preview" aria-label=td_string!(locale, scm.imp_preview_label)>
                <h2>{td_string!(locale, scm.imp_preview_heading)}</h2>
                {move || {
                    let (cert, chain_infos, key) = decoded.get();
                    let now_ms = js_sys::Date::now() as i64;
                    view! {
                        {match cert {
                            Some(info) => view! { <CertificateDetails info now_ms /> }.into_any(),
                            None => view! { <p class="field-hint">{td_string!(locale, scm.imp_no_cert_yet)}</p> }.into_any(),
                        }}
                        <p>{match key { Some(k) => td_string!(locale, scm.imp_key_is, key = k), None => td_string!(locale, scm.imp_key_not_yet).to_owned() }}</p>
                        {(!chain_infos.is_empty()).then(|| view! { <h3>{td_string!(locale, scm.chain_heading)}</h3><ChainView chain=chain_infos now_ms /> })}
                    }
                }}
            </section>
            {move || (!problems.with(Vec::is_empty)).then(|| view! {
                <div class="api-error" role="alert" aria-label=td_string!(locale, scm.not_sent)>
                    <p class="api-error-title">{td_string!(locale, scm.not_sent_fix)}</p>
                    <ul class="import-checks">
                        {problems.get().into_iter().map(|p| view! { <li class="bad">{td_string!(locale, scm.field_problem, field = label_of(locale, p.field), message = p.message)}</li> }).collect::<Vec<_>>()}
                    </ul>
                </div>
            })}
            <RequestPreview snapshot />
            <div class="actions">
                <button class="primary" type="submit" disabled=move || pending.get()>
                    {move || if pending.get() { td_string!(locale, scm.importing) } else { td_string!(locale, scm.import) }}
                </button>
            </div>
            {move || error.get().map(|e| view! { <ApiErrorView title=change_failed_title(&e, td_string!(locale, scm.not_imported), td_string!(locale, scm.import_maybe_done)) error=e /> })}
        </form>
    }
}

fn label_of(locale: Locale, field: &str) -> &'static str {
    match field {
        "name" => td_string!(locale, scm.imp_name),
        "certificate" => td_string!(locale, scm.imp_certificate),
        "certificate_chain" => td_string!(locale, scm.imp_chain),
        "private_key" => td_string!(locale, scm.imp_key),
        _ => td_string!(locale, scm.imp_request),
    }
}

fn field_of(path: &str) -> &'static str {
    match path {
        "name" => "name",
        "certificate" => "certificate",
        "certificate_chain" => "certificate_chain",
        "private_key" => "private_key",
        _ => "request",
    }
}

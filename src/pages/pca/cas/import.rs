//! Importing the certificate a pending CA got from an outside CA (its CSR
//! signed elsewhere), with the chain up to that CA's root. The browser
//! decodes both as they are pasted and refuses, before sending, a
//! certificate for another key than the CSR's or a chain that does not
//! link; the service checks again.

use ccm_api::catalogue::{ca_action_allowed_for, CaAction};
use ccm_api::pca::cas::{
    export_certificate_authority_csr, import_certificate_authority_certificate, CertificateAuthority, CsrResponse,
    ImportCaCertificateBody,
};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::with_data::marked;
use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::cert_info::CertificateDetails;
use crate::components::notifications::use_notifications;
use crate::components::pem_input::PemInput;
use crate::form::message::message_view;
use crate::pki::ca_import::{check_ca_import, ImportProblem};

use crate::layout::lazy_view::lazy_component;
use crate::i18n::{td_string, use_locale};

// The form decodes what is pasted: its code comes with the `pki` module.
lazy_component!(LazyCaImport = CaImport(ca: CertificateAuthority, on_changed: Callback<()>) in pki via load_ca_import);

fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

#[component]
pub fn CaImport(ca: CertificateAuthority, on_changed: Callback<()>) -> impl IntoView {
    let allowed = ca_action_allowed_for(CaAction::ImportCertificate, &ca).is_ok();
    let api = use_api();
    let i18n = use_locale();
    let notify = use_notifications();
    let id = StoredValue::new(ca.ca_id.clone());
    let cn = StoredValue::new(ca.distinguished_name.common_name.clone());
    let certificate = RwSignal::new(String::new());
    let chain = RwSignal::new(String::new());
    // The public key of this CA's CSR: the certificate must carry it.
    let csr_key = RwSignal::new(None::<Vec<u8>>);
    let problem = RwSignal::new(None::<ImportProblem>);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    if allowed {
        spawn_local(async move {
            if let Ok(r) = api.json::<CsrResponse>(export_certificate_authority_csr(&id.get_value())).await {
                let key = ccm_pki::decode_csr(r.csr.as_bytes()).ok().map(|c| c.public_key.spki_der);
                csr_key.try_set(key);
            }
        });
    }
    // Decoded as typed; problems are shown once the user asks to import.
    let preview = Memo::new(move |_| {
        let cert = certificate.get();
        (!cert.trim().is_empty()).then(|| csr_key.with(|k| check_ca_import(&cert, &chain.get(), k.as_deref(), now_secs())))
    });

    let import = move |_| {
        if pending.get_untracked() {
            return;
        }
        let (cert, chain_text) = (certificate.get_untracked(), chain.get_untracked());
        let checked = csr_key.with_untracked(|k| check_ca_import(&cert, &chain_text, k.as_deref(), now_secs()));
        if let Err(p) = checked {
            problem.set(Some(p));
            return;
        }
        problem.set(None);
        error.set(None);
        pending.set(true);
        let body = ImportCaCertificateBody {
            certificate: cert.trim().to_owned(),
            certificate_chain: (!chain_text.trim().is_empty()).then(|| chain_text.trim().to_owned()),
        };
        spawn_local(async move {
            let r = api.send(import_certificate_authority_certificate(&id.get_value(), &body)).await;
            pending.try_set(false);
            match r {
                Ok(()) => {
                    notify.success(td_string!(i18n, pca.imported_notice, name = marked(&cn.get_value())).to_string());
                    on_changed.run(());
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };

    allowed.then(|| view! {
        <section class="ca-import" aria-label=move || td_string!(i18n, pca.import_title)>
            <h3>{td_string!(i18n, pca.import_title)}</h3>
            <p class="field-hint">{td_string!(i18n, pca.import_hint)}</p>
            <PemInput id="import-cert" label=td_string!(i18n, pca.import_cert_label) value=certificate />
            <PemInput id="import-chain" label=td_string!(i18n, pca.import_chain_label) value=chain
                hint=td_string!(i18n, pca.import_chain_hint) />
            {move || preview.get().and_then(Result::ok).map(|p| {
                let path = p.path.join(" → ");
                view! {
                    <div class="import-preview" role="group" aria-label=move || td_string!(i18n, pca.decoded_in_browser)>
                        <h4>{td_string!(i18n, pca.decoded_in_browser)}</h4>
                        <CertificateDetails info=p.certificate now_ms=js_sys::Date::now() as i64 />
                        {(!path.is_empty()).then(|| view! { <p class="ok-note">{td_string!(i18n, pca.chain_verified, path = path.clone())}</p> })}
                    </div>
                }
            })}
            <p class="field-error" role="alert">{move || message_view(problem.get().map(|p| p.words(i18n)))}</p>
            <button class="primary" on:click=import disabled=move || pending.get()>
                {move || if pending.get() { td_string!(i18n, pca.importing) } else { td_string!(i18n, pca.import) }}
            </button>
            {move || error.get().map(|e| view! { <ApiErrorView title=td_string!(i18n, pca.import_failed) error=e /> })}
        </section>
    })
}

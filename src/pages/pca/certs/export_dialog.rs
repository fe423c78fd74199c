//! The export dialog: server type, compressed or not, optional key
//! password. A compressed export saves the service's ZIP as it comes; an
//! uncompressed one offers each PEM, a ZIP of them built here, and for IIS
//! and TOMCAT a PKCS#12 file built here with the password. The exported
//! key lives only in this dialog's state and is dropped when it closes.

use ccm_api::pca::certs::{ExportCertificateResponse, ExportType, PrivateCertificate};
use ccm_api::validate::ValidationError;
use ccm_api::ApiError;
use ccm_pki::ZipEntry;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::export_plan::{archive_name, build_p12, pem_files, pem_zip_name, pkcs12_name, plan, ExportChoice, ExportPlan, P12Failed, PemFile};
use crate::components::with_data::{WithData, DATA};
use crate::form::message::message_view;
use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::download::{download, download_zip, DownloadFailed};
use crate::components::field::TextField;
use crate::components::focus::{is_escape, manage_dialog_focus};
use crate::i18n::{td_string, use_locale};

/// What an uncompressed export produced (holds key material).
#[derive(Clone)]
struct Exported {
    files: Vec<PemFile>,
    /// The `.p12` bytes, or why it could not be built; `None` when not asked.
    pkcs12: Option<Result<Vec<u8>, P12Failed>>,
}

#[component]
pub fn ExportDialog(cert: PrivateCertificate, on_close: Callback<()>) -> impl IntoView {
    let api = use_api();
    let name = cert.distinguished_name.common_name.clone();
    let id = StoredValue::new(cert.certificate_id.clone());
    let stored_name = StoredValue::new(name.clone());
    let has_key = cert.has_managed_key();
    let server = RwSignal::new(ExportType::Nginx.as_str().to_owned());
    let compressed = RwSignal::new(true);
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ValidationError>::new());
    let pending = RwSignal::new(false);
    let api_error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(None::<String>);
    let exported = RwSignal::new(None::<Exported>);
    // Leaving the page drops the key as closing the dialog does.
    Owner::on_cleanup(move || {
        exported.try_set(None);
        password.try_set(String::new());
    });
    // A new choice withdraws what the previous one produced.
    Effect::new(move |_| {
        server.track();
        compressed.track();
        exported.set(None);
        saved.set(None);
    });
    let close = move || {
        exported.set(None);
        password.set(String::new());
        on_close.run(());
    };
    // The keyboard: focus inside on opening, Escape closes, focus back after.
    let root = NodeRef::<leptos::html::Section>::new();
    manage_dialog_focus(root);
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if is_escape(&ev) {
            ev.prevent_default();
            close();
        }
    };
    let l = use_locale();
    let saved_text = move |file: &str, r: Result<(), DownloadFailed>| match r {
        Ok(()) => td_string!(l, pca.saved_file, file = file).to_string(),
        Err(e) => td_string!(l, pca.save_failed, file = file, error = e.0).to_string(),
    };
    let save = move |file_name: String, bytes: Vec<u8>, mime: &'static str| {
        saved.set(Some(saved_text(&file_name, download(&file_name, &bytes, mime))))
    };

    let export = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let choice = ExportChoice {
            server: ExportType::from_wire(&server.get_untracked()),
            compressed: compressed.get_untracked(),
            password: password.get_untracked(),
        };
        let planned = match plan(&id.get_value(), &choice, l) {
            Ok(p) => p,
            Err(e) => {
                errors.set(e);
                return;
            }
        };
        errors.set(Vec::new());
        api_error.set(None);
        saved.set(None);
        exported.set(None);
        pending.set(true);
        spawn_local(async move {
            let cn = stored_name.get_value();
            match planned {
                ExportPlan::Archive(req) => match api.raw(req).await {
                    Ok(r) => {
                        let file = archive_name(r.content_disposition.as_deref(), &cn, &choice.server);
                        save(file, r.body, "application/zip");
                    }
                    Err(ApiError::Aborted) => {}
                    Err(e) => {
                        api_error.try_set(Some(e));
                    }
                },
                ExportPlan::Pems { request, pkcs12 } => match api.json::<ExportCertificateResponse>(request).await {
                    Ok(answer) => {
                        let p12 = pkcs12.then(|| build_p12(&answer, &choice.password, &cn));
                        exported.try_set(Some(Exported { files: pem_files(&cn, &answer), pkcs12: p12 }));
                    }
                    Err(ApiError::Aborted) => {}
                    Err(e) => {
                        api_error.try_set(Some(e));
                    }
                },
            }
            pending.try_set(false);
        });
    };

    let needs_p12 = move || !compressed.get() && ExportType::from_wire(&server.get()).needs_archive();
    let password_error = Signal::derive(move || errors.with(|e| e.iter().find(|e| e.field == "password").map(|e| e.message.clone())));

    view! {
        <section class="panel export-dialog" role="dialog" aria-label=td_string!(l, pca.export_name, name = &name).to_string() node_ref=root on:keydown=on_keydown>
            <h2><WithData sentence=td_string!(l, pca.export_name, name = DATA).to_string() data=vec![name.clone()] /></h2>
            {(!has_key).then(|| view! {
                <p class="field-hint" role="note">{td_string!(l, pca.export_csr_note)}</p>
            })}
            <form on:submit=export novalidate>
                <fieldset>
                    <legend>{td_string!(l, pca.server_type)}</legend>
                    {ExportType::known().into_iter().map(|t| {
                        let wire = t.as_str().to_owned();
                        let (w1, w2) = (wire.clone(), wire.clone());
                        view! {
                            <label class="check">
                                <input type="radio" name="export-type" prop:checked=move || server.get() == w1
                                    on:change=move |_| server.set(w2.clone()) />
                                // A server's name is a product's, not a word to translate.
                                {if t == ExportType::Pem { td_string!(l, pca.export_type_pem).to_string().into_any() } else { view! { <span translate="no">{t.label()}</span> }.into_any() }}
                            </label>
                        }
                    }).collect::<Vec<_>>()}
                </fieldset>
                <label class="check">
                    <input type="checkbox" prop:checked=move || compressed.get() on:change=move |ev| compressed.set(event_target_checked(&ev)) />
                    {td_string!(l, pca.compressed)}
                </label>
                <Show when=needs_p12>
                    <p class="field-hint">{td_string!(l, pca.p12_note)}</p>
                </Show>
                <TextField id="export-password" label=if has_key { td_string!(l, pca.key_password) } else { td_string!(l, pca.password) }
                    value=password password=true autocomplete="new-password" error=password_error
                    hint=td_string!(l, pca.password_hint) />
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || pending.get()>
                        {move || if pending.get() { td_string!(l, pca.exporting) } else { td_string!(l, pca.export) }}
                    </button>
                    <button type="button" on:click=move |_| close()>{td_string!(l, pca.close_export)}</button>
                </div>
            </form>
            <p role="status">{move || saved.get()}</p>
            {move || api_error.get().map(|e| view! { <ApiErrorView title=td_string!(l, pca.export_failed) error=e /> })}
            {move || exported.get().map(|x| {
                let cn = stored_name.get_value();
                let entries: Vec<ZipEntry> = x.files.iter().map(|f| ZipEntry::new(f.file_name.clone(), f.text.as_bytes())).collect();
                let zip_name = pem_zip_name(&cn);
                let p12_name = pkcs12_name(&cn);
                view! {
                    <ul class="export-files" aria-label=td_string!(l, pca.exported_files)>
                        {x.files.into_iter().map(|f| {
                            let what = match f.label {
                                "Certificate" => td_string!(l, pca.file_certificate),
                                "Chain" => td_string!(l, pca.file_chain),
                                "Full chain" => td_string!(l, pca.file_full_chain),
                                _ => td_string!(l, pca.file_private_key),
                            };
                            let label = td_string!(l, pca.download_file, what = what, file = &f.file_name).to_string();
                            view! { <li><button type="button" on:click=move |_| save(f.file_name.clone(), f.text.clone().into_bytes(), "application/x-pem-file")>{label}</button></li> }
                        }).collect::<Vec<_>>()}
                        <li><button type="button" on:click=move |_| saved.set(Some(saved_text(&zip_name, download_zip(&zip_name, &entries))))>
                            {td_string!(l, pca.download_zip_named, file = pem_zip_name(&cn)).to_string()}</button></li>
                        {x.pkcs12.map(|p| match p {
                            Ok(bytes) => {
                                let label = td_string!(l, pca.download_p12, file = &p12_name).to_string();
                                view! { <li><button type="button" on:click=move |_| save(p12_name.clone(), bytes.clone(), "application/x-pkcs12")>{label}</button></li> }.into_any()
                            }
                            Err(e) => view! { <li class="field-error">{message_view(Some(td_string!(l, pca.p12_failed, error = e.words(l)).to_string()))}</li> }.into_any(),
                        })}
                    </ul>
                }
            })}
        </section>
    }
}

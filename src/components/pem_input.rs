//! A PEM text area with a file picker beside it. The picked file is turned
//! into text in the area (DER converted), so the user sees what is sent.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{td_string, use_locale};
use crate::components::with_data::CodeMarked;
use crate::form::message::{code_mark, message_view};
use crate::pki::upload::pem_text_from_upload;

/// Files larger than this are refused unless the field says otherwise: the
/// largest PEM field of the reference takes 2 MiB.
const DEFAULT_MAX_BYTES: usize = 2 * 1024 * 1024;

#[component]
pub fn PemInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional)] rows: Option<u32>,
    /// Names marked with `with_data::code` show as code.
    #[prop(into, optional)] hint: Option<String>,
    #[prop(optional)] max_bytes: Option<usize>,
    #[prop(into, optional)] error: Signal<Option<String>>,
) -> impl IntoView {
    let l = use_locale();
    let limit = max_bytes.unwrap_or(DEFAULT_MAX_BYTES);
    let upload_error = RwSignal::new(None::<String>);
    let shown_error = move || upload_error.get().or_else(|| error.get());
    let file_id = format!("{id}-file");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described = {
        let (e, h) = (error_id.clone(), hint_id.clone());
        move || if has_hint { format!("{h} {e}") } else { e.clone() }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Pick the same file again after editing the text: clear the picker.
        input.set_value("");
        spawn_local(async move {
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    upload_error.try_set(Some(td_string!(l, common.file_unreadable).into()));
                    return;
                }
            };
            match pem_text_from_upload(&bytes, limit) {
                Ok(text) => {
                    upload_error.try_set(None);
                    value.try_set(text);
                }
                Err(e) => {
                    upload_error.try_set(Some(td_string!(l, common.upload_refused, file = code_mark(&file.name()), why = e.words(l)).to_string()));
                }
            }
        });
    };

    view! {
        <div class="field pem-input" class:field-invalid=move || shown_error().is_some()>
            <div class="pem-input-head">
                <label for=id.clone()>{label.clone()}</label>
                <label class="file-button">
                    {td_string!(l, common.choose_file)}
                    <input id=file_id type="file" class="visually-hidden"
                        accept=".pem,.crt,.cer,.der,.csr,.req,.key,.txt"
                        aria-label=td_string!(l, common.file_for, label = &label).to_string() on:change=on_file />
                </label>
            </div>
            <textarea
                id=id.clone()
                rows=rows.unwrap_or(6)
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| { upload_error.set(None); value.set(event_target_value(&ev)); }
                aria-invalid=move || if shown_error().is_some() { "true" } else { "false" }
                aria-describedby=described
            ></textarea>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()><CodeMarked text=h /></p> })}
            <p class="field-error" id=error_id.clone()>{move || message_view(shown_error())}</p>
        </div>
    }
}

//! Where the toolbox's inputs come from: a text area to paste into, a file
//! picker (several files at once) and the whole panel as a drop zone, plus
//! the one password that opens PKCS#12 files, key stores and encrypted keys.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use crate::i18n::format::number;
use crate::i18n::{td_string, use_locale, Locale};

use crate::components::field::TextField;

/// A file given to the toolbox, read whole.
#[derive(Clone, PartialEq, Eq)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Sizes only: files may hold keys.
impl std::fmt::Debug for InputFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "InputFile({}, {} bytes)", self.name, self.bytes.len())
    }
}

/// Reads every file of a list into `files` (added after those already there).
fn add_files(list: web_sys::FileList, files: RwSignal<Vec<InputFile>>, error: RwSignal<Option<String>>, locale: Locale) {
    let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    for file in picked {
        spawn_local(async move {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    files.try_update(|f| f.push(InputFile { name: file.name(), bytes }));
                }
                Err(_) => {
                    error.try_set(Some(td_string!(locale, tools.file_unreadable, name = file.name())));
                }
            }
        });
    }
}

#[component]
pub fn InputPanel(text: RwSignal<String>, files: RwSignal<Vec<InputFile>>, password: RwSignal<String>) -> impl IntoView {
    let locale = use_locale();
    let error = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        if let Some(list) = input.files() {
            add_files(list, files, error, locale);
        }
        // The same file can be picked again after it was removed.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            add_files(list, files, error, locale);
        }
    };
    let remove = move |i: usize| files.update(|f| {
        if i < f.len() {
            f.remove(i);
        }
    });
    view! {
        <section
            class="panel tools-input"
            class:drop-active=move || dragging.get()
            aria-label=td_string!(locale, tools.input)
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <div class="field">
                <label for="tools-text">{td_string!(locale, tools.paste_here)}</label>
                <textarea id="tools-text" rows=8 spellcheck="false" aria-describedby="tools-text-hint"
                    placeholder="-----BEGIN CERTIFICATE-----"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <p class="field-hint" id="tools-text-hint">{td_string!(locale, tools.paste_hint)}</p>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="tools-files">{td_string!(locale, tools.files)}</label>
                    <input id="tools-files" type="file" multiple=true on:change=on_pick
                        accept=".pem,.crt,.cer,.der,.csr,.req,.key,.crl,.p12,.pfx,.jks,.keystore,.txt" />
                </div>
                <TextField id="tools-password" label=td_string!(locale, tools.password) value=password password=true autocomplete="off" />
            </div>
            <p class="field-error" role="alert">{move || error.get()}</p>
            {move || {
                let list = files.get();
                (!list.is_empty()).then(|| view! {
                    <ul class="tools-files" aria-label=td_string!(locale, tools.files_added)>
                        {list.into_iter().enumerate().map(|(i, f)| view! {
                            <li>
                                <span translate="no">{f.name.clone()}</span>" "
                                {td_string!(locale, tools.file_size, count = number(locale, f.bytes.len() as i64))}" "
                                <button type="button" class="link-button" aria-label=td_string!(locale, tools.remove_file, name = f.name.clone())
                                    on:click=move |_| remove(i)>{td_string!(locale, tools.remove)}</button>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }}
            <div class="actions">
                <button type="button" on:click=move |_| { text.set(String::new()); files.set(Vec::new()); error.set(None); }>{td_string!(locale, tools.clear_all)}</button>
            </div>
        </section>
    }
}

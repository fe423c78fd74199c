//! Conversions of what was read: every object as its own PEM file in a ZIP
//! ("split a bundle"), and a key with its certificate and chain as PKCS#12.
//! PEM <-> DER of single objects is on each object's card.

use ccm_pki::findings::{pkcs12_for_key, split_into_files, Analysis};
use ccm_pki::inspect::{Found, Object};
use leptos::prelude::*;

use crate::components::download::{download, download_zip};
use crate::components::field::TextField;
use crate::form::message::{code_mark, message_view};
use crate::i18n::{td_string, use_locale};

/// Keys that belong to a certificate given: what a PKCS#12 can be built from.
pub fn keys_with_certificate(objects: &[Found], analysis: &Analysis) -> Vec<usize> {
    (0..objects.len())
        .filter(|&k| matches!(objects[k].object, Object::Key(_)))
        .filter(|&k| analysis.targets_of(k).any(|t| matches!(objects[t].object, Object::Certificate(_))))
        .collect()
}

#[component]
pub fn ConvertPanel(
    objects: Vec<Found>,
    analysis: Analysis,
    /// The user's objects come first; the account's CAs only complete chains.
    own: usize,
) -> impl IntoView {
    let locale = use_locale();
    let keys: Vec<usize> = keys_with_certificate(&objects, &analysis).into_iter().filter(|&k| k < own).collect();
    let titles: Vec<(usize, String)> = keys.iter().map(|&k| (k, format!("#{} {}", k + 1, objects[k].object.title()))).collect();
    let objects = StoredValue::new(objects);
    let analysis = StoredValue::new(analysis);
    let chosen = RwSignal::new(keys.first().copied());
    let p12_password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let split = move |_| {
        let result = objects.with_value(|o| split_into_files(&o[..own]).map_err(|e| td_string!(locale, tools.build_failed, detail = code_mark(&e.to_string())).to_string())).and_then(|files| download_zip("split.zip", &files).map_err(|e| e.words(locale)));
        error.set(result.err());
    };
    let build_p12 = move |_| {
        let Some(key) = chosen.get_untracked() else { return };
        let password = p12_password.get_untracked();
        if password.is_empty() {
            error.set(Some(td_string!(locale, tools.p12_password_first).to_owned()));
            return;
        }
        let result = objects
            .with_value(|o| analysis.with_value(|a| pkcs12_for_key(o, a, key, &password)))
            .map_err(|e| td_string!(locale, tools.build_failed, detail = code_mark(&e.to_string())).to_string())
            .and_then(|bytes| download("bundle.p12", &bytes, "application/x-pkcs12").map_err(|e| e.words(locale)));
        error.set(result.err());
    };
    let has_keys = !titles.is_empty();
    view! {
        <section class="panel" aria-labelledby="tools-convert">
            <h2 id="tools-convert">{td_string!(locale, tools.convert)}</h2>
            <div class="actions">
                <button type="button" on:click=split>{td_string!(locale, tools.split)}</button>
            </div>
            {if has_keys {
                view! {
                    <div class="field-row tools-p12">
                        <div class="field">
                            <label for="tools-p12-key">{td_string!(locale, tools.p12_key)}</label>
                            <select id="tools-p12-key" on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                                {titles.into_iter().map(|(k, t)| view! { <option value=k.to_string() translate="no">{t}</option> }).collect_view()}
                            </select>
                        </div>
                        <TextField id="tools-p12-password" label=td_string!(locale, tools.p12_password) value=p12_password password=true autocomplete="new-password" />
                    </div>
                    <div class="actions">
                        <button type="button" class="primary" on:click=build_p12>{td_string!(locale, tools.p12_download)}</button>
                    </div>
                }.into_any()
            } else {
                view! { <p class="field-hint">{td_string!(locale, tools.p12_needs)}</p> }.into_any()
            }}
            <p class="field-error" role="alert">{move || message_view(error.get())}</p>
        </section>
    }
}

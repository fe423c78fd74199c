//! The key the service keeps for a CSR it created, fetched on request after
//! a warning. It lives in this panel's state only: never logged, stored or
//! written to the activity log (which records requests, not answers), and
//! dropped when hidden or when the panel closes.

use ccm_api::scm::{show_csr_private_key, CsrPrivateKeyResponse};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::confirm::ConfirmDialog;
use crate::components::copy_button::CopyButton;

#[component]
pub fn PrivateKeyPanel(id: String, name: String) -> impl IntoView {
    let api = use_api();
    let id = StoredValue::new(id);
    let name = StoredValue::new(name);
    let asking = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let key = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let fetch = move || {
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let r = api.json::<CsrPrivateKeyResponse>(id.with_value(|id| show_csr_private_key(id))).await;
            pending.try_set(false);
            asking.try_set(false);
            match r {
                Ok(k) => {
                    key.try_set(Some(k.private_key));
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section class="csr-key" aria-label="Private key">
            <h3>"Private key"</h3>
            {move || match key.get() {
                None => view! {
                    <p class="field-hint">"The service keeps the key of a CSR it created. Fetch it only to install the certificate on a server you run."</p>
                    <button on:click=move |_| asking.set(true) disabled=move || asking.get()>"Show the private key"</button>
                }.into_any(),
                Some(pem) => {
                    let label = name.with_value(|n| format!("Private key of {n}"));
                    let copy_label = name.with_value(|n| format!("Copy the private key of {n}"));
                    view! {
                        <p class="warning" role="alert">"Anyone with this key can pose as your site. Copy it straight to the server; the console does not keep it and forgets it when you hide it or leave."</p>
                        <pre class="pem-text secret" aria-label=label>{pem.clone()}</pre>
                        <div class="actions">
                            <CopyButton label=copy_label text=pem />
                            <button on:click=move |_| key.set(None)>"Hide the key"</button>
                        </div>
                    }.into_any()
                }
            }}
            {move || asking.get().then(|| view! {
                <ConfirmDialog
                    title=name.with_value(|n| format!("Show the private key of {n}? It appears on this screen in plain text."))
                    confirm_label="Show the key"
                    pending
                    on_confirm=Callback::new(move |_| fetch())
                    on_cancel=Callback::new(move |_| asking.set(false))>
                    <p class="field-hint">"Make sure nobody is watching your screen and that it is not being shared or recorded."</p>
                </ConfirmDialog>
            })}
            {move || error.get().map(|e| view! { <ApiErrorView title="The private key could not be fetched" error=e /> })}
        </section>
    }
}

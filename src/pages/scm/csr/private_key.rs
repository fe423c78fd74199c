//! The key the service keeps for a CSR it created, fetched on request after
//! a warning. It lives in this panel's state only: never logged, stored or
//! written to the activity log (which records requests, not answers), and
//! dropped when hidden or when the panel closes.

use ccm_api::scm::{show_csr_private_key, CsrPrivateKeyResponse};
use ccm_api::ApiError;
use leptos::prelude::*;
use crate::i18n::{td_string, use_locale};
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
    let locale = use_locale();
    view! {
        <section class="csr-key" aria-label=td_string!(locale, scm.private_key)>
            <h3>{td_string!(locale, scm.private_key)}</h3>
            {move || match key.get() {
                None => view! {
                    <p class="field-hint">{td_string!(locale, scm.pk_hint)}</p>
                    <button on:click=move |_| asking.set(true) disabled=move || asking.get()>{td_string!(locale, scm.pk_show)}</button>
                }.into_any(),
                Some(pem) => {
                    let label = td_string!(locale, scm.pk_of, name = name.get_value());
                    let copy_label = td_string!(locale, scm.pk_copy, name = name.get_value());
                    view! {
                        <p class="warning" role="alert">{td_string!(locale, scm.pk_warning)}</p>
                        <pre class="pem-text secret" aria-label=label>{pem.clone()}</pre>
                        <div class="actions">
                            <CopyButton label=copy_label text=pem />
                            <button on:click=move |_| key.set(None)>{td_string!(locale, scm.pk_hide)}</button>
                        </div>
                    }.into_any()
                }
            }}
            {move || asking.get().then(|| view! {
                <ConfirmDialog
                    title=td_string!(locale, scm.pk_confirm, name = name.get_value())
                    confirm_label=td_string!(locale, scm.pk_confirm_label)
                    pending
                    on_confirm=Callback::new(move |_| fetch())
                    on_cancel=Callback::new(move |_| asking.set(false))>
                    <p class="field-hint">{td_string!(locale, scm.pk_watch)}</p>
                </ConfirmDialog>
            })}
            {move || error.get().map(|e| view! { <ApiErrorView title=td_string!(locale, scm.pk_failed) error=e /> })}
        </section>
    }
}

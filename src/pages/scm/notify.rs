//! The expiry reminder switch of one SSL certificate
//! (`enable_notification` / `disable_notification`). The live service does
//! not say whether it is on; the emulator does (`notification_enabled`),
//! and a switch the console changed shows its new state.

use ccm_api::scm::{disable_notification, enable_notification, expiry_notice, ScmCertificate};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::{change_failed_title, ApiErrorView};
use crate::components::notifications::use_notifications;

#[component]
pub fn ExpiryReminder(cert: ScmCertificate) -> impl IntoView {
    let api = use_api();
    let notify = use_notifications();
    let id = StoredValue::new(cert.id.clone());
    let name = StoredValue::new(cert.name.clone().unwrap_or_else(|| cert.id.clone()));
    let on = RwSignal::new(cert.notification_enabled);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let switch = move |want: bool| {
        if pending.get_untracked() {
            return;
        }
        let entries = [id.with_value(|id| expiry_notice(id))];
        let req = if want { enable_notification(&entries) } else { disable_notification(&entries) };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let r = api.send(req).await;
            pending.try_set(false);
            match r {
                Ok(()) => {
                    on.try_set(Some(want));
                    notify.success(format!("Expiry reminders {} for {}", if want { "on" } else { "off" }, name.get_value()));
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section aria-label="Expiry reminders">
            <h3>"Expiry reminders"</h3>
            <p>{move || match on.get() {
                Some(true) => "On: the account's contacts are reminded before the certificate expires.",
                Some(false) => "Off: no reminder before the certificate expires.",
                None => "The service does not say whether reminders are on.",
            }}</p>
            <div class="actions">
                <button disabled=move || pending.get() || on.get() == Some(true) on:click=move |_| switch(true)>"Turn reminders on"</button>
                <button disabled=move || pending.get() || on.get() == Some(false) on:click=move |_| switch(false)>"Turn reminders off"</button>
            </div>
            {move || error.get().map(|e| view! {
                <ApiErrorView title=change_failed_title(&e, "The reminders were not changed", "No confirmation from the service: the reminders may have been changed") error=e />
            })}
        </section>
    }
}

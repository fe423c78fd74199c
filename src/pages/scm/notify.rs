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
use crate::i18n::{td_string, use_locale};

#[component]
pub fn ExpiryReminder(cert: ScmCertificate) -> impl IntoView {
    let api = use_api();
    let locale = use_locale();
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
                    let name = name.get_value();
                    notify.success(if want {
                        td_string!(locale, scm.reminders_on_notice, name)
                    } else {
                        td_string!(locale, scm.reminders_off_notice, name)
                    });
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section aria-label=td_string!(locale, scm.reminders)>
            <h3>{td_string!(locale, scm.reminders)}</h3>
            <p>{move || match on.get() {
                Some(true) => td_string!(locale, scm.reminders_on_text),
                Some(false) => td_string!(locale, scm.reminders_off_text),
                None => td_string!(locale, scm.reminders_unknown),
            }}</p>
            <div class="actions">
                <button disabled=move || pending.get() || on.get() == Some(true) on:click=move |_| switch(true)>{td_string!(locale, scm.reminders_turn_on)}</button>
                <button disabled=move || pending.get() || on.get() == Some(false) on:click=move |_| switch(false)>{td_string!(locale, scm.reminders_turn_off)}</button>
            </div>
            {move || error.get().map(|e| view! {
                <ApiErrorView title=change_failed_title(&e, td_string!(locale, scm.reminders_not_changed), td_string!(locale, scm.reminders_maybe_changed)) error=e />

            })}
        </section>
    }
}

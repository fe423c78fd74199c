//! Delete an SSL certificate, after a confirmation that names it.

use ccm_api::scm::{delete_certificate, ScmCertificate};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::confirm::ConfirmDialog;
use crate::components::notifications::use_notifications;
use crate::components::request_inspector::RequestPreview;

#[component]
pub fn DeleteAction(cert: ScmCertificate, on_deleted: Callback<()>) -> impl IntoView {
    let api = use_api();
    let notify = use_notifications();
    let open = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let id = StoredValue::new(cert.id.clone());
    let name = StoredValue::new(cert.name.clone().unwrap_or_else(|| cert.id.clone()));
    let snapshot = Signal::derive(move || api.preview(&id.with_value(|id| delete_certificate(id))));
    let run = move || {
        pending.set(true);
        error.set(None);
        let req = id.with_value(|id| delete_certificate(id));
        spawn_local(async move {
            let result = api.send(req).await;
            pending.try_set(false);
            match result {
                Ok(()) => {
                    open.try_set(false);
                    notify.success(format!("{} deleted", name.get_value()));
                    on_deleted.run(());
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section class="scm-delete" aria-label="Delete">
            <button class="danger" on:click=move |_| { error.set(None); open.set(true); }>"Delete"</button>
            {move || open.get().then(|| {
                let n = name.get_value();
                view! {
                    <ConfirmDialog
                        title=format!("Delete {n}? It is removed from SCM; services it was pushed to keep their copy.")
                        confirm_label=format!("Delete {n}")
                        danger=true
                        pending
                        on_confirm=Callback::new(move |_| run())
                        on_cancel=Callback::new(move |_| open.set(false))>
                        <RequestPreview snapshot />
                    </ConfirmDialog>
                }
            })}
            {move || error.get().map(|e| view! { <ApiErrorView title="The certificate was not deleted" error=e /> })}
        </section>
    }
}

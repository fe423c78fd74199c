//! Delete an SSL certificate, after a confirmation that names it.

use ccm_api::scm::{delete_certificate, ScmCertificate};
use leptos::prelude::*;

use crate::api::client::use_api;
use crate::components::confirm::ConfirmDialog;
use crate::form::action::{ActionError, ActionRunner};
use crate::components::request_inspector::RequestPreview;

#[component]
pub fn DeleteAction(cert: ScmCertificate, on_deleted: Callback<()>) -> impl IntoView {
    let api = use_api();
    let runner = ActionRunner::<()>::new();
    let pending = runner.pending();
    let id = StoredValue::new(cert.id.clone());
    let name = StoredValue::new(cert.name.clone().unwrap_or_else(|| cert.id.clone()));
    let snapshot = Signal::derive(move || api.preview(&id.with_value(|id| delete_certificate(id))));
    let run = move || {
        let req = id.with_value(|id| delete_certificate(id));
        runner.send(api, req, format!("{} deleted", name.get_value()), move || on_deleted.run(()));
    };
    view! {
        <section class="scm-delete" aria-label="Delete">
            <button class="danger" on:click=move |_| runner.open(())>"Delete"</button>
            {move || runner.opened().map(|()| {
                let n = name.get_value();
                view! {
                    <ConfirmDialog
                        title=format!("Delete {n}? It is removed from SCM; services it was pushed to keep their copy.")
                        confirm_label=format!("Delete {n}")
                        danger=true
                        pending
                        on_confirm=Callback::new(move |_| run())
                        on_cancel=Callback::new(move |_| runner.cancel())>
                        <RequestPreview snapshot />
                    </ConfirmDialog>
                }
            })}
            <ActionError state=runner.state not_done="The certificate was not deleted" />
        </section>
    }
}

//! Delete an SSL certificate, after a confirmation that names it. Where it
//! is deployed is read when the confirmation opens and listed first: the
//! service refuses to delete a certificate that resources still use.

use ccm_api::scm::{delete_certificate, ScmCertificate};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::deploy::{load_deployed, DeployedRow};
use crate::api::client::use_api;
use crate::components::confirm::ConfirmDialog;
use crate::components::request_inspector::RequestPreview;
use crate::form::action::{ActionError, ActionRunner};

/// The confirmation's title: a plain delete, or a warning naming how many
/// resources still use the certificate.
pub fn delete_title(name: &str, deployed: Option<&[DeployedRow]>) -> String {
    match deployed {
        Some(rows) if !rows.is_empty() => format!(
            "{name} is deployed to {} resource{} (listed below). The service refuses to delete it until they use another certificate. Delete anyway?",
            rows.len(),
            if rows.len() == 1 { "" } else { "s" }
        ),
        _ => format!("Delete {name}? It is removed from SCM; services it was pushed to keep their copy."),
    }
}

#[component]
pub fn DeleteAction(cert: ScmCertificate, on_deleted: Callback<()>) -> impl IntoView {
    let api = use_api();
    let runner = ActionRunner::<()>::new();
    let pending = runner.pending();
    let id = StoredValue::new(cert.id.clone());
    let name = StoredValue::new(cert.name.clone().unwrap_or_else(|| cert.id.clone()));
    let deployed = RwSignal::new(None::<Result<Vec<DeployedRow>, ApiError>>);
    let snapshot = Signal::derive(move || api.preview(&id.with_value(|id| delete_certificate(id))));
    let open = move |_| {
        deployed.set(None);
        runner.open(());
        spawn_local(async move {
            let r = load_deployed(api, &id.get_value()).await;
            if r != Err(ApiError::Aborted) {
                deployed.try_set(Some(r));
            }
        });
    };
    let run = move || {
        let req = id.with_value(|id| delete_certificate(id));
        runner.send(api, req, format!("{} deleted", name.get_value()), move || on_deleted.run(()));
    };
    view! {
        <section class="scm-delete" aria-label="Delete">
            <button class="danger" on:click=open>"Delete"</button>
            {move || runner.opened().map(|()| {
                let n = name.get_value();
                let rows = deployed.get();
                let title = delete_title(&n, rows.as_ref().and_then(|r| r.as_ref().ok()).map(Vec::as_slice));
                view! {
                    <ConfirmDialog title confirm_label=format!("Delete {n}") danger=true pending
                        on_confirm=Callback::new(move |_| run())
                        on_cancel=Callback::new(move |_| runner.cancel())>
                        {match rows {
                            None => view! { <p role="status">"Checking where it is deployed…"</p> }.into_any(),
                            Some(Err(_)) => view! { <p class="warn">"Where it is deployed could not be read."</p> }.into_any(),
                            Some(Ok(list)) if list.is_empty() => view! { <span></span> }.into_any(),
                            Some(Ok(list)) => view! {
                                <ul aria-label="Resources using the certificate">
                                    {list.into_iter().map(|(s, r, n, _)| view! { <li>{format!("{s} in {r}: {n}")}</li> }).collect::<Vec<_>>()}
                                </ul>
                            }.into_any(),
                        }}
                        <RequestPreview snapshot />
                    </ConfirmDialog>
                }
            })}
            <ActionError state=runner.state not_done="The certificate was not deleted" />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_warns_when_resources_use_the_certificate() {
        assert!(delete_title("shop", None).starts_with("Delete shop?"));
        assert!(delete_title("shop", Some(&[])).starts_with("Delete shop?"));
        let rows = vec![("ELB".to_owned(), "ap-southeast-1".to_owned(), "web-https-443".to_owned(), "x".to_owned())];
        assert!(delete_title("shop", Some(&rows)).contains("deployed to 1 resource (listed below)"));
    }
}

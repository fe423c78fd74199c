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
use crate::i18n::{td_string, use_locale, Locale};

/// The confirmation's title: a plain delete, or a warning naming how many
/// resources still use the certificate.
pub fn delete_title(name: &str, deployed: Option<&[DeployedRow]>, l: Locale) -> String {
    let name = name.to_owned();
    match deployed {
        Some([_]) => td_string!(l, scm.delete_deployed_one, name),
        Some(rows) if !rows.is_empty() => td_string!(l, scm.delete_deployed, name, count = rows.len()),
        _ => td_string!(l, scm.delete_confirm, name),
    }
}

#[component]
pub fn DeleteAction(cert: ScmCertificate, on_deleted: Callback<()>) -> impl IntoView {
    let api = use_api();
    let locale = use_locale();
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
        runner.send(api, req, td_string!(locale, scm.deleted_notice, name = name.get_value()), move || on_deleted.run(()));
    };
    view! {
        <section class="scm-delete" aria-label=td_string!(locale, scm.delete_label)>
            <button class="danger" on:click=open>{td_string!(locale, scm.delete)}</button>
            {move || runner.opened().map(|()| {
                let n = name.get_value();
                let rows = deployed.get();
                let title = delete_title(&n, rows.as_ref().and_then(|r| r.as_ref().ok()).map(Vec::as_slice), locale);
                view! {
                    <ConfirmDialog title confirm_label=td_string!(locale, scm.delete_confirm_label, name = n) danger=true pending
                        on_confirm=Callback::new(move |_| run())
                        on_cancel=Callback::new(move |_| runner.cancel())>
                        {match rows {
                            None => view! { <p role="status">{td_string!(locale, scm.checking_deployed)}</p> }.into_any(),
                            Some(Err(_)) => view! { <p class="warn">{td_string!(locale, scm.deployed_unreadable)}</p> }.into_any(),
                            Some(Ok(list)) if list.is_empty() => view! { <span></span> }.into_any(),
                            Some(Ok(list)) => view! {
                                <ul aria-label=td_string!(locale, scm.resources_using)>
                                    {list.into_iter().map(|(s, r, n, _)| view! {
                                        <li translate="no">{td_string!(locale, scm.resource_in_region, service = s, region = r, name = n)}</li>
                                    }).collect::<Vec<_>>()}
                                </ul>
                            }.into_any(),
                        }}
                        <RequestPreview snapshot />
                    </ConfirmDialog>
                }
            })}
            <ActionError state=runner.state not_done=td_string!(locale, scm.not_deleted) />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_warns_when_resources_use_the_certificate() {
        let english = Locale::en;
        assert!(delete_title("shop", None, english).starts_with("Delete shop?"));
        assert!(delete_title("shop", Some(&[]), english).starts_with("Delete shop?"));
        let rows = vec![("ELB".to_owned(), "ap-southeast-1".to_owned(), "web-https-443".to_owned(), "x".to_owned())];
        assert!(delete_title("shop", Some(&rows), english).contains("deployed to 1 resource (listed below)"));
        let two = [rows[0].clone(), rows[0].clone()];
        assert!(delete_title("shop", Some(&two), english).contains("deployed to 2 resources"));
        assert!(delete_title("shop", Some(&two), Locale::zh_CN).contains("已部署到 2 个资源"));

    }
}

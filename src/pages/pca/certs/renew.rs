//! "Renew" (`/pca/certs/renew?id=…&id=…`, from the overview's expiry
//! radar): each certificate is read and its PEM decoded for its names and
//! usages, the renewal planned (`renew_plan.rs`), then, on one press, the
//! new certificates are issued one after the other with a progress bar and
//! a result per certificate (`list/bulk.rs`). The new ones are offered as
//! one download; only once saved does the page offer to revoke the old
//! ones as superseded, confirmed naming each.

use ccm_api::pca::certs::{
    export_certificate, show_certificate, CreateCertificateResponse, ExportCertificateBody, ExportCertificateResponse,
    ExportType, PrivateCertificate,
};
use ccm_api::{ApiError, ApiRequest};
use ccm_pki::{decode_certificate, ZipEntry};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use super::certificate::again_inputs;
use super::export_plan::pem_files;
use super::issue_again::Decoded;
use super::renew_plan::{plan_renewal, supersede_plan};
use crate::api::client::{use_api, Api};
use crate::components::api_error::remedy;
use crate::components::confirm::ConfirmDialog;
use crate::components::download::download_zip;
use crate::list::bulk::{BulkRun, Outcome, Planned};
use crate::list::selection::Picked;
use crate::pages::pca::cas::loader;

/// The service's code and message, then what to do.
fn failure(e: &ApiError) -> String {
    match remedy(e) {
        Some(r) => format!("{e}. {r}"),
        None => e.to_string(),
    }
}

/// A certificate's record and what its PEM says.
async fn read_one(api: Api, id: &str) -> Result<(PrivateCertificate, Decoded), String> {
    let cert: PrivateCertificate = api.json(show_certificate(id)).await.map_err(|e| failure(&e))?;
    let pems: ExportCertificateResponse =
        api.json(export_certificate(id, &ExportCertificateBody::new(ExportType::Pem, false))).await.map_err(|e| failure(&e))?;
    let info = decode_certificate(pems.certificate.as_deref().unwrap_or_default().as_bytes())
        .map_err(|e| format!("its certificate cannot be decoded: {e}"))?;
    Ok((cert, again_inputs(&info)))
}

/// Sends each waiting item of `run` in turn; a new certificate's id goes
/// to `new_ids` at the item's index.
fn drive(api: Api, run: RwSignal<Option<BulkRun>>, new_ids: Option<RwSignal<Vec<Option<String>>>>) {
    spawn_local(async move {
        while let Some((index, req)) = run.with_untracked(|r| r.as_ref().and_then(BulkRun::next)) {
            let result = match new_ids {
                Some(ids) => api.json::<CreateCertificateResponse>(req).await.map(|r| {
                    ids.try_update(|v| v[index] = Some(r.certificate_id));
                }),
                None => api.send(req).await,
            };
            if result == Err(ApiError::Aborted) {
                return;
            }
            if run.try_update(|r| if let Some(r) = r { r.record(index, result.map_err(|e| failure(&e))) }).is_none() {
                return;
            }
        }
    });
}

#[component]
pub fn RenewCertificatesPage() -> impl IntoView {
    let api = use_api();
    let ids: Vec<String> = use_query_map().with_untracked(|q| q.get_all("id").unwrap_or_default());
    let count = ids.len();
    let (cas, cas_error) = loader::load_all_into(api);
    let read = RwSignal::new(None::<Vec<(String, Result<(PrivateCertificate, Decoded), String>)>>);
    spawn_local(async move {
        let mut all = Vec::new();
        for id in ids {
            let r = read_one(api, &id).await;
            if r.as_ref().err().is_some_and(|e| e == &ApiError::Aborted.to_string()) {
                return;
            }
            all.push((id, r));
        }
        read.try_set(Some(all));
    });
    let now = js_sys::Date::now() as i64;
    // Each certificate's renewal, once it and the CAs are read.
    let plan = Memo::new(move |_| {
        let read = read.get()?;
        cas.with(|cas| (!cas.is_empty()).then(|| {
            read.iter()
                .map(|(id, r)| {
                    let name = r.as_ref().map(|(c, _)| c.distinguished_name.common_name.clone()).unwrap_or_else(|_| id.clone());
                    let planned = r.clone().and_then(|(c, d)| plan_renewal(&c, &d, cas, now).map(|p| (c, p)));
                    (Picked::new(id, &name), planned)
                })
                .collect::<Vec<_>>()
        }))
    });
    // Each row's certificate, where it could be planned; aligned with the run.
    let olds = Memo::new(move |_| {
        plan.with(|p| p.iter().flatten().map(|(_, r)| r.as_ref().ok().map(|(c, _)| c.clone())).collect::<Vec<_>>())
    });
    let renew_run = RwSignal::new(None::<BulkRun>);
    let new_ids = RwSignal::new(Vec::<Option<String>>::new());
    let start = move |_| {
        let Some(rows) = plan.get_untracked() else { return };
        let planned: Vec<Planned> = rows.into_iter().map(|(p, r)| (p, r.map(|(_, renewal)| renewal.request))).collect();
        new_ids.set(vec![None; planned.len()]);
        renew_run.set(Some(BulkRun::plan("Renew", "renewed", planned)));
        drive(api, renew_run, Some(new_ids));
    };
    let renewed_any = move || new_ids.with(|v| v.iter().any(Option::is_some));
    let finished = move || renew_run.with(|r| r.as_ref().is_some_and(BulkRun::finished));

    view! {
        <div class="page-head">
            <h1>{if count == 1 { "Renew a certificate" } else { "Renew certificates" }}</h1>
            <div class="actions"><a href="/">"Back to the overview"</a></div>
        </div>
        <section class="panel">
            <p class="lead">
                "Each certificate is issued again by the same CA, with the same subject, alternative names, key algorithm, \
                 signature and usages, and a new key and serial number. The new one is valid as long as the old one was, \
                 starting now, and ends before its CA does. The old certificate stays valid until you revoke it."
            </p>
            {move || cas_error.get().map(|e| view! { <p class="field-error" role="alert">{format!("The CAs could not be read: {}", failure(&e))}</p> })}
            {move || match plan.get() {
                None => view! { <p role="status">{format!("Reading {count} certificate(s) and their CAs…")}</p> }.into_any(),
                Some(rows) => view! { <PlanTable rows /> }.into_any(),
            }}
            <div class="actions">
                <button class="primary" on:click=start
                    disabled=move || renew_run.with(Option::is_some) || plan.with(|p| !p.as_ref().is_some_and(|rows| rows.iter().any(|(_, r)| r.is_ok())))>
                    {move || match plan.with(|p| p.as_ref().map(|rows| rows.iter().filter(|(_, r)| r.is_ok()).count()).unwrap_or(0)) {
                        1 => "Renew 1 certificate".to_owned(),
                        n => format!("Renew {n} certificates"),
                    }}
                </button>
            </div>
        </section>
        {move || renew_run.get().map(|r| view! { <RunResults run=r new_ids=new_ids.get() noun="renewal" /> })}
        {move || (finished() && renewed_any()).then(|| view! { <SaveThenSupersede api olds new_ids /> })}
    }
}

/// The plan: each certificate, what its renewal will be, or why it cannot be.
#[component]
fn PlanTable(rows: Vec<(Picked, Result<(PrivateCertificate, super::renew_plan::Renewal), String>)>) -> impl IntoView {
    view! {
        <table class="data-table">
            <caption>"What will be issued"</caption>
            <thead><tr><th scope="col">"Certificate"</th><th scope="col">"CA"</th><th scope="col">"New validity"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(p, r)| match r {
                    Ok((c, renewal)) => view! {
                        <tr>
                            <td><a href=format!("/pca/certs/{}", c.certificate_id)>{p.name}</a></td>
                            <td>{c.issuer_name.clone().or(c.issuer_id.clone()).unwrap_or_default()}</td>
                            <td>{renewal.validity}</td>
                        </tr>
                    }.into_any(),
                    Err(why) => view! {
                        <tr><td>{p.name}</td><td colspan="2" class="bulk-danger">{format!("Cannot be renewed: {why}")}</td></tr>
                    }.into_any(),
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// A run's progress bar, its status line and a line per certificate, with
/// the new certificate's link where one was made.
#[component]
fn RunResults(run: BulkRun, new_ids: Vec<Option<String>>, noun: &'static str) -> impl IntoView {
    let (done, total) = run.progress();
    let heading = if run.finished() { "Done" } else { "In progress" };
    view! {
        <section class="panel bulk-run" aria-label=format!("{} results", run.verb)>
            <h2>{format!("{}: {heading}", if run.verb == "Renew" { "Renewal" } else { "Revocation" })}</h2>
            <progress max=total value=done aria-label=format!("{} progress", run.verb)></progress>
            <p role="status">{run.status()}</p>
            <ul aria-label=format!("Result per {noun}")>
                {run.items.iter().enumerate().map(|(i, item)| {
                    let (class, text) = item.line(run.done_word);
                    let link = new_ids.get(i).cloned().flatten().filter(|_| item.outcome == Outcome::Done)
                        .map(|id| view! { " " <a href=format!("/pca/certs/{id}")>{format!("New certificate of {}", item.row.name)}</a> });
                    view! { <li class=class>{text}{link}</li> }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// After the renewals: save the new certificates, and only then offer to
/// revoke the old ones as superseded.
#[component]
fn SaveThenSupersede(api: Api, olds: Memo<Vec<Option<PrivateCertificate>>>, new_ids: RwSignal<Vec<Option<String>>>) -> impl IntoView {
    let saved = RwSignal::new(None::<Result<String, String>>);
    let saving = RwSignal::new(false);
    let save = move |_| {
        saving.set(true);
        let made: Vec<(String, String)> = olds.with_untracked(|o| {
            new_ids.with_untracked(|ids| {
                o.iter().zip(ids).filter_map(|(c, id)| Some((id.clone()?, c.as_ref()?.distinguished_name.common_name.clone()))).collect()
            })
        });
        spawn_local(async move {
            let mut entries: Vec<ZipEntry> = Vec::new();
            for (n, (id, name)) in made.iter().enumerate() {
                let req = export_certificate(id, &ExportCertificateBody::new(ExportType::Pem, false));
                match api.json::<ExportCertificateResponse>(req).await {
                    Ok(answer) => entries.extend(pem_files(name, &answer).into_iter().map(|f| {
                        // Two renewed certificates may share a name.
                        let file = if made[..n].iter().any(|(_, other)| other == name) { format!("{n}-{}", f.file_name) } else { f.file_name };
                        ZipEntry::new(file, f.text)
                    })),
                    Err(e) => {
                        saving.try_set(false);
                        saved.try_set(Some(Err(format!("{name} could not be exported: {}", failure(&e)))));
                        return;
                    }
                }
            }
            let file = "renewed-certificates.zip";
            saved.try_set(Some(download_zip(file, &entries).map(|()| format!("Saved {file}: each new certificate, its chain and its private key."))));
            saving.try_set(false);
        });
    };
    let done = move || saved.with(|s| matches!(s, Some(Ok(_))));
    let n = new_ids.with_untracked(|v| v.iter().flatten().count());
    view! {
        <section class="panel" aria-label="New certificates">
            <h2>{if n == 1 { "Save the new certificate" } else { "Save the new certificates" }}</h2>
            <p class="field-hint">"The private keys were made by the service: save them now and install them where the old certificates are."</p>
            <div class="actions">
                <button class="primary" disabled=move || saving.get() on:click=save>
                    {if n == 1 { "Download the new certificate (ZIP)".to_owned() } else { format!("Download the {n} new certificates (ZIP)") }}
                </button>
            </div>
            {move || saved.get().map(|s| match s {
                Ok(m) => view! { <p class="ok-note" role="status">{m}</p> }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
            })}
        </section>
        {move || done().then(|| view! { <Supersede api olds new_ids /> })}
    }
}

/// Optional: revoke the renewed certificates' predecessors as superseded.
#[component]
fn Supersede(api: Api, olds: Memo<Vec<Option<PrivateCertificate>>>, new_ids: RwSignal<Vec<Option<String>>>) -> impl IntoView {
    let asking = RwSignal::new(false);
    let run = RwSignal::new(None::<BulkRun>);
    let running = Signal::derive(move || run.with(|r| r.as_ref().is_some_and(|r| !r.finished())));
    let planned = move || {
        let (certs, renewed): (Vec<PrivateCertificate>, Vec<bool>) = olds.with_untracked(|o| {
            new_ids.with_untracked(|ids| o.iter().zip(ids).filter_map(|(c, id)| Some((c.clone()?, id.is_some()))).unzip())
        });
        supersede_plan(&certs, &renewed)
    };
    let names = move || planned().into_iter().map(|(p, _)| p.name).collect::<Vec<_>>();
    let one = names().len() == 1;
    let label = if one { "Revoke the old certificate as superseded" } else { "Revoke the old certificates as superseded" };
    let confirm = move |_| {
        asking.set(false);
        let rows: Vec<(Picked, Result<ApiRequest, String>)> = planned();
        run.set(Some(BulkRun::plan("Revoke", "revoked as superseded", rows)));
        drive(api, run, None);
    };
    view! {
        <section class="panel" aria-label="Old certificates">
            <h2>{if one { "Revoke the old one (optional)" } else { "Revoke the old ones (optional)" }}</h2>
            <p class="field-hint">"Once the new certificates are installed, revoke the old ones so that clients checking the CRL stop trusting them. The reason given is \u{201c}superseded\u{201d}."</p>
            <div class="actions">
                <button class="danger" disabled=move || run.with(Option::is_some) on:click=move |_| asking.set(true)>{label}</button>
            </div>
            {move || asking.get().then(|| {
                let names = names();
                let title = if names.len() == 1 { format!("Revoke {} as superseded?", names[0]) } else { format!("Revoke these {} certificates as superseded?", names.len()) };
                view! {
                    <ConfirmDialog title confirm_label=format!("Revoke {} certificate(s)", names.len()) danger=true pending=running
                        on_confirm=Callback::new(confirm) on_cancel=Callback::new(move |_| asking.set(false))>
                        <ul class="bulk-names">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                        <p>"Clients that check revocation will refuse them at once. This cannot be undone."</p>
                    </ConfirmDialog>
                }
            })}
        </section>
        {move || run.get().map(|r| view! { <RunResults run=r new_ids=Vec::new() noun="old certificate" /> })}
    }
}

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
use crate::components::with_data::{marked, WithData, DATA};
use crate::i18n::{td_string, use_locale, Locale};
use crate::list::bulk::{BulkRun, Outcome, Planned};
use crate::list::bulk_bar::ResultLine;
use crate::list::selection::Picked;
use crate::pages::pca::cas::loader;

/// The service's code and message, then what to do.
fn failure(e: &ApiError, l: Locale) -> String {
    match remedy(e, l) {
        Some(r) => format!("{e}. {r}"),
        None => e.to_string(),
    }
}

/// A certificate's record and what its PEM says.
async fn read_one(api: Api, id: &str, l: Locale) -> Result<(PrivateCertificate, Decoded), String> {
    let cert: PrivateCertificate = api.json(show_certificate(id)).await.map_err(|e| failure(&e, l))?;
    let pems: ExportCertificateResponse =
        api.json(export_certificate(id, &ExportCertificateBody::new(ExportType::Pem, false))).await.map_err(|e| failure(&e, l))?;
    let info = decode_certificate(pems.certificate.as_deref().unwrap_or_default().as_bytes())
        .map_err(|e| td_string!(l, pca.renew_undecodable, why = e).to_string())?;
    Ok((cert, again_inputs(&info)))
}

/// Sends each waiting item of `run` in turn; a new certificate's id goes
/// to `new_ids` at the item's index.
fn drive(api: Api, run: RwSignal<Option<BulkRun>>, new_ids: Option<RwSignal<Vec<Option<String>>>>, l: Locale) {
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
            if run.try_update(|r| if let Some(r) = r { r.record(index, result.map_err(|e| failure(&e, l))) }).is_none() {
                return;
            }
        }
    });
}

#[component]
pub fn RenewCertificatesPage() -> impl IntoView {
    let api = use_api();
    let l = use_locale();
    let ids: Vec<String> = use_query_map().with_untracked(|q| q.get_all("id").unwrap_or_default());
    let count = ids.len();
    let (cas, cas_error) = loader::load_all_into(api);
    let read = RwSignal::new(None::<Vec<(String, Result<(PrivateCertificate, Decoded), String>)>>);
    spawn_local(async move {
        let mut all = Vec::new();
        for id in ids {
            let r = read_one(api, &id, l).await;
            if r.as_ref().err().is_some_and(|e| e == &failure(&ApiError::Aborted, l)) {
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
                    let planned = r.clone().and_then(|(c, d)| plan_renewal(&c, &d, cas, now, l).map(|p| (c, p)));
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
        renew_run.set(Some(BulkRun::plan(td_string!(l, pca.renew_verb), td_string!(l, pca.renew_done), planned, l)));
        drive(api, renew_run, Some(new_ids), l);
    };
    let renewed_any = move || new_ids.with(|v| v.iter().any(Option::is_some));
    let finished = move || renew_run.with(|r| r.as_ref().is_some_and(BulkRun::finished));

    view! {
        <div class="page-head">
            <h1>{if count == 1 { td_string!(l, pca.renew_title_one) } else { td_string!(l, pca.renew_title_many) }}</h1>
            <div class="actions"><a href="/">{td_string!(l, pca.renew_back)}</a></div>
        </div>
        <section class="panel">
            <p class="lead">{td_string!(l, pca.renew_lead)}</p>
            {move || cas_error.get().map(|e| view! { <p class="field-error" role="alert">{td_string!(l, pca.renew_cas_unread, why = failure(&e, l))}</p> })}
            {move || match plan.get() {
                None => view! { <p role="status">{td_string!(l, pca.renew_reading, count = count)}</p> }.into_any(),
                Some(rows) => view! { <PlanTable rows /> }.into_any(),
            }}
            <div class="actions">
                <button class="primary" on:click=start
                    disabled=move || renew_run.with(Option::is_some) || plan.with(|p| !p.as_ref().is_some_and(|rows| rows.iter().any(|(_, r)| r.is_ok())))>
                    {move || match plan.with(|p| p.as_ref().map(|rows| rows.iter().filter(|(_, r)| r.is_ok()).count()).unwrap_or(0)) {
                        1 => td_string!(l, pca.renew_button_one).to_owned(),
                        n => td_string!(l, pca.renew_button_many, n = n).to_string(),
                    }}
                </button>
            </div>
        </section>
        {move || renew_run.get().map(|r| view! { <RunResults run=r new_ids=new_ids.get() renewal=true /> })}
        {move || (finished() && renewed_any()).then(|| view! { <SaveThenSupersede api olds new_ids /> })}
    }
}

/// The plan: each certificate, what its renewal will be, or why it cannot be.
#[component]
fn PlanTable(rows: Vec<(Picked, Result<(PrivateCertificate, super::renew_plan::Renewal), String>)>) -> impl IntoView {
    let l = use_locale();
    view! {
        <table class="data-table">
            <caption>{td_string!(l, pca.renew_plan_caption)}</caption>
            <thead><tr>
                <th scope="col">{td_string!(l, pca.renew_col_cert)}</th>
                <th scope="col">{td_string!(l, pca.renew_col_ca)}</th>
                <th scope="col">{td_string!(l, pca.renew_col_validity)}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|(p, r)| match r {
                    Ok((c, renewal)) => view! {
                        <tr>
                            <td translate="no"><a href=format!("/pca/certs/{}", c.certificate_id)>{p.name}</a></td>
                            <td translate="no">{c.issuer_name.clone().or(c.issuer_id.clone()).unwrap_or_default()}</td>
                            <td>{renewal.validity}</td>
                        </tr>
                    }.into_any(),
                    Err(why) => view! {
                        <tr><td translate="no">{p.name}</td><td colspan="2" class="bulk-danger">{td_string!(l, pca.renew_cannot, why = why)}</td></tr>
                    }.into_any(),
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// A run's progress bar, its status line and a line per certificate, with
/// the new certificate's link where one was made.
#[component]
fn RunResults(run: BulkRun, new_ids: Vec<Option<String>>, renewal: bool) -> impl IntoView {
    let l = use_locale();
    let (done, total) = run.progress();
    let (region, heading, list) = match (renewal, run.finished()) {
        (true, true) => (td_string!(l, pca.renew_results_renew), td_string!(l, pca.renew_renewal_done), td_string!(l, pca.renew_result_per_renewal)),
        (true, false) => (td_string!(l, pca.renew_results_renew), td_string!(l, pca.renew_renewal_running), td_string!(l, pca.renew_result_per_renewal)),
        (false, true) => (td_string!(l, pca.renew_results_revoke), td_string!(l, pca.renew_revocation_done), td_string!(l, pca.renew_result_per_old)),
        (false, false) => (td_string!(l, pca.renew_results_revoke), td_string!(l, pca.renew_revocation_running), td_string!(l, pca.renew_result_per_old)),
    };
    view! {
        <section class="panel bulk-run" aria-label=region>
            <h2>{heading}</h2>
            <progress max=total value=done aria-label=td_string!(l, common.bulk_progress, verb = run.verb).to_string()></progress>
            <p role="status">{run.status()}</p>
            <ul aria-label=list>
                {run.items.iter().enumerate().map(|(i, item)| {
                    let link = new_ids.get(i).cloned().flatten().filter(|_| item.outcome == Outcome::Done).map(|id| {
                        let sentence = td_string!(l, pca.renew_new_of, name = DATA).to_string();
                        view! { " " <a href=format!("/pca/certs/{id}")><WithData sentence data=vec![item.row.name.clone()] /></a> }.into_any()
                    });
                    view! { <ResultLine item=item.clone() done_word=run.done_word extra=link /> }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// After the renewals: save the new certificates, and only then offer to
/// revoke the old ones as superseded.
#[component]
fn SaveThenSupersede(api: Api, olds: Memo<Vec<Option<PrivateCertificate>>>, new_ids: RwSignal<Vec<Option<String>>>) -> impl IntoView {
    let l = use_locale();
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
                        saved.try_set(Some(Err(td_string!(l, pca.renew_export_failed, name = name, why = failure(&e, l)).to_string())));
                        return;
                    }
                }
            }
            let file = "renewed-certificates.zip";
            saved.try_set(Some(download_zip(file, &entries).map(|()| file.to_owned()).map_err(|e| e.words(l))));
            saving.try_set(false);
        });
    };
    let done = move || saved.with(|s| matches!(s, Some(Ok(_))));
    let n = new_ids.with_untracked(|v| v.iter().flatten().count());
    view! {
        <section class="panel" aria-label=td_string!(l, pca.renew_new_region)>
            <h2>{if n == 1 { td_string!(l, pca.renew_save_one) } else { td_string!(l, pca.renew_save_many) }}</h2>
            <p class="field-hint">{td_string!(l, pca.renew_save_hint)}</p>
            <div class="actions">
                <button class="primary" disabled=move || saving.get() on:click=save>
                    {if n == 1 { td_string!(l, pca.renew_download_one).to_owned() } else { td_string!(l, pca.renew_download_many, n = n).to_string() }}
                </button>
            </div>
            {move || saved.get().map(|s| match s {
                Ok(file) => {
                    let sentence = td_string!(l, pca.renew_saved, file = DATA).to_string();
                    view! { <p class="ok-note" role="status"><WithData sentence data=vec![file] /></p> }.into_any()
                }
                Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
            })}
        </section>
        {move || done().then(|| view! { <Supersede api olds new_ids /> })}
    }
}

/// Optional: revoke the renewed certificates' predecessors as superseded.
#[component]
fn Supersede(api: Api, olds: Memo<Vec<Option<PrivateCertificate>>>, new_ids: RwSignal<Vec<Option<String>>>) -> impl IntoView {
    let l = use_locale();
    let asking = RwSignal::new(false);
    let run = RwSignal::new(None::<BulkRun>);
    let running = Signal::derive(move || run.with(|r| r.as_ref().is_some_and(|r| !r.finished())));
    let planned = move || {
        let (certs, renewed): (Vec<PrivateCertificate>, Vec<bool>) = olds.with_untracked(|o| {
            new_ids.with_untracked(|ids| o.iter().zip(ids).filter_map(|(c, id)| Some((c.clone()?, id.is_some()))).unzip())
        });
        supersede_plan(&certs, &renewed, l)
    };
    let names = move || planned().into_iter().map(|(p, _)| p.name).collect::<Vec<_>>();
    let one = names().len() == 1;
    let label = if one { td_string!(l, pca.renew_revoke_old_one) } else { td_string!(l, pca.renew_revoke_old_many) };
    let confirm = move |_| {
        asking.set(false);
        let rows: Vec<(Picked, Result<ApiRequest, String>)> = planned();
        run.set(Some(BulkRun::plan(td_string!(l, pca.action_revoke), td_string!(l, pca.renew_done_superseded), rows, l)));
        drive(api, run, None, l);
    };
    view! {
        <section class="panel" aria-label=td_string!(l, pca.renew_old_region)>
            <h2>{if one { td_string!(l, pca.renew_revoke_old_one_title) } else { td_string!(l, pca.renew_revoke_old_many_title) }}</h2>
            <p class="field-hint">{td_string!(l, pca.renew_revoke_hint)}</p>
            <div class="actions">
                <button class="danger" disabled=move || run.with(Option::is_some) on:click=move |_| asking.set(true)>{label}</button>
            </div>
            {move || asking.get().then(|| {
                let names = names();
                let title = if names.len() == 1 {
                    td_string!(l, pca.renew_confirm_one, name = marked(&names[0])).to_string()
                } else {
                    td_string!(l, pca.renew_confirm_many, n = names.len()).to_string()
                };
                let confirm_label = td_string!(l, common.bulk_confirm, verb = td_string!(l, pca.action_revoke), count = names.len(), noun = td_string!(l, pca.noun_cert_one)).to_string();
                view! {
                    <ConfirmDialog title confirm_label danger=true pending=running
                        on_confirm=Callback::new(confirm) on_cancel=Callback::new(move |_| asking.set(false))>
                        <ul class="bulk-names" translate="no">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                        <p>{td_string!(l, pca.renew_confirm_warning)}</p>
                    </ConfirmDialog>
                }
            })}
        </section>
        {move || run.get().map(|r| view! { <RunResults run=r new_ids=Vec::new() renewal=false /> })}
    }
}

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::Lazy;
use leptos_router::path;

use crate::components::focus::keep_focus_on_page;
use crate::components::notifications::{provide_notifications, NotificationArea};
use crate::layout::lazy_page::{lazy_page, ChunkLoadError, ChunkLoadFailed};
use crate::layout::shell::Shell;
use crate::api::activity::provide_activity_log;
use crate::api::in_flight::provide_in_flight;
use crate::pages::{
    not_found::NotFound, overview::OverviewPage, pca::cas::{CaHierarchyPage, CreateCaPage},
    pca::certs::{ApplyCertificatePage, CertificateDetailsPage, IssueFromCsrPage, PrivateCertificatesPage}, scm::{ImportCertificatePage, SslCertificatesPage}, settings::SettingsPage,
};
use crate::state::session::provide_session;

lazy_page!(ActivityRoute, activity_page, ActivityPage);
use crate::pages::activity::ActivityPage;

#[component]
pub fn App() -> impl IntoView {
    provide_notifications();
    provide_session();
    provide_activity_log();
    provide_in_flight();
    keep_focus_on_page();

    view! {
        <Router>
            <Shell>
                <ErrorBoundary fallback=|errors| {
                    let chunk_failed = errors.with(|e| e.iter().any(|(_, e)| e.is::<ChunkLoadError>()));
                    if chunk_failed {
                        return view! { <ChunkLoadFailed /> }.into_any();
                    }
                    view! {
                        <section class="panel error-panel" role="alert">
                            <h2>"Something went wrong on this page"</h2>
                            <ul>
                                {move || {
                                    errors
                                        .get()
                                        .into_iter()
                                        .map(|(_, e)| view! { <li>{e.to_string()}</li> })
                                        .collect::<Vec<_>>()
                                }}
                            </ul>
                            <p>"Other pages still work: pick one in the navigation."</p>
                        </section>
                    }
                    .into_any()
                }>
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=OverviewPage />
                        <Route path=path!("/scm") view=SslCertificatesPage />
                        <Route path=path!("/scm/import") view=ImportCertificatePage />
                        <Route path=path!("/pca/cas") view=CaHierarchyPage />
                        <Route path=path!("/pca/cas/new") view=CreateCaPage />
                        <Route path=path!("/pca/certs") view=PrivateCertificatesPage />
                        <Route path=path!("/pca/certs/new") view=ApplyCertificatePage />
                        <Route path=path!("/pca/certs/csr") view=IssueFromCsrPage />
                        <Route path=path!("/pca/certs/:id") view=CertificateDetailsPage />
                        <Route path=path!("/settings") view=SettingsPage />
                        <Route path=path!("/activity") view={Lazy::<ActivityRoute>::new()} />
                    </Routes>
                </ErrorBoundary>
            </Shell>
            <NotificationArea />
        </Router>
    }
}

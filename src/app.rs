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
use crate::i18n::choice::provide_locale;
use crate::i18n::{td_string, use_locale};
use crate::pages::activity::ActivityPage;
use crate::pages::pca::cas::{CaHierarchyPage, CreateCaPage};
use crate::pages::pca::certs::{ApplyCertificatePage, CertificateDetailsPage, IssueFromCsrPage, PrivateCertificatesPage, RenewCertificatesPage};
use crate::pages::scm::csr::{CreateCsrPage, CsrManagerPage, UploadCsrPage};
use crate::pages::scm::order::{ApplySslPage, OrderCertificatePage};
use crate::pages::scm::{ImportCertificatePage, SslCertificatesPage};
use crate::pages::settings::SettingsPage;
use crate::pages::tools::ToolboxPage;
use crate::pages::crl::CrlViewerPage;
use crate::pages::{not_found::NotFound, overview::OverviewPage};
use crate::state::session::provide_session;

// Every page but the landing one (the overview) and "not found" is a chunk
// of its own, fetched on its first visit (layout/lazy_page.rs).
lazy_page!(SslListRoute, ssl_list_page in ssl, SslCertificatesPage, prefetch = crate::pages::scm::first_reads);
lazy_page!(SslImportRoute, ssl_import_page in pki, ImportCertificatePage);
lazy_page!(CsrListRoute, csr_list_page in ssl, CsrManagerPage, prefetch = crate::pages::scm::csr::first_reads);
lazy_page!(CsrCreateRoute, csr_create_page in ssl, CreateCsrPage);
lazy_page!(CsrUploadRoute, csr_upload_page in pki, UploadCsrPage);
lazy_page!(SslOrderRoute, ssl_order_page in ssl, OrderCertificatePage);
lazy_page!(SslApplyRoute, ssl_apply_page in ssl, ApplySslPage);
lazy_page!(CaHierarchyRoute, ca_hierarchy_page in ca, CaHierarchyPage, prefetch = crate::pages::pca::cas::loader::first_reads);
lazy_page!(CaCreateRoute, ca_create_page in ca, CreateCaPage);
lazy_page!(CertListRoute, cert_list_page in certs, PrivateCertificatesPage, prefetch = crate::pages::pca::certs::list_first_reads);
lazy_page!(CertApplyRoute, cert_apply_page in certs, ApplyCertificatePage);
lazy_page!(CertFromCsrRoute, cert_csr_page in pki, IssueFromCsrPage);
lazy_page!(CertDetailsRoute, cert_details_page in pki, CertificateDetailsPage);
lazy_page!(CertRenewRoute, cert_renew_page in pki, RenewCertificatesPage);
lazy_page!(SettingsRoute, settings_page in settings, SettingsPage);
lazy_page!(ActivityRoute, activity_page in activity, ActivityPage);
// The toolbox decodes everything it is given: it lives with the certificate code.
lazy_page!(ToolsRoute, tools_page in pki, ToolboxPage);
lazy_page!(CrlViewerRoute, crl_viewer_page in pki, CrlViewerPage);

#[component]
pub fn App() -> impl IntoView {
    let choice = provide_locale();
    provide_notifications();
    provide_session();
    provide_activity_log();
    provide_in_flight();
    keep_focus_on_page();

    // Text is not reactive (src/i18n/mod.rs): a switch of language draws
    // the app again, below the contexts above, so the session, the
    // notifications and the activity log stay.
    move || {
        choice.0.track();
        view! { <Frame /> }
    }
}

/// The router and the page frame, drawn in the current language.
#[component]
fn Frame() -> impl IntoView {
    let locale = use_locale();
    view! {
        <Router>
            <Shell>
                <ErrorBoundary fallback=move |errors| {
                    let chunk_failed = errors.with(|e| e.iter().any(|(_, e)| e.is::<ChunkLoadError>()));
                    if chunk_failed {
                        return view! { <ChunkLoadFailed /> }.into_any();
                    }
                    view! {
                        <section class="panel error-panel" role="alert">
                            <h2>{td_string!(locale, layout.page_error_title)}</h2>
                            <ul>
                                {move || {
                                    errors
                                        .get()
                                        .into_iter()
                                        .map(|(_, e)| view! { <li>{e.to_string()}</li> })
                                        .collect::<Vec<_>>()
                                }}
                            </ul>
                            <p>{td_string!(locale, layout.page_error_text)}</p>
                        </section>
                    }
                    .into_any()
                }>
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=OverviewPage />
                        <Route path=path!("/scm") view={Lazy::<SslListRoute>::new()} />
                        <Route path=path!("/scm/import") view={Lazy::<SslImportRoute>::new()} />
                        <Route path=path!("/scm/csr") view={Lazy::<CsrListRoute>::new()} />
                        <Route path=path!("/scm/csr/new") view={Lazy::<CsrCreateRoute>::new()} />
                        <Route path=path!("/scm/csr/upload") view={Lazy::<CsrUploadRoute>::new()} />
                        <Route path=path!("/scm/order") view={Lazy::<SslOrderRoute>::new()} />
                        <Route path=path!("/scm/apply") view={Lazy::<SslApplyRoute>::new()} />
                        <Route path=path!("/pca/cas") view={Lazy::<CaHierarchyRoute>::new()} />
                        <Route path=path!("/pca/cas/new") view={Lazy::<CaCreateRoute>::new()} />
                        <Route path=path!("/pca/certs") view={Lazy::<CertListRoute>::new()} />
                        <Route path=path!("/pca/certs/new") view={Lazy::<CertApplyRoute>::new()} />
                        <Route path=path!("/pca/certs/csr") view={Lazy::<CertFromCsrRoute>::new()} />
                        <Route path=path!("/pca/certs/renew") view={Lazy::<CertRenewRoute>::new()} />
                        <Route path=path!("/pca/certs/:id") view={Lazy::<CertDetailsRoute>::new()} />
                        <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()} />
                        <Route path=path!("/activity") view={Lazy::<ActivityRoute>::new()} />
                        <Route path=path!("/tools") view={Lazy::<ToolsRoute>::new()} />
                        <Route path=path!("/pca/cas/:id/crl") view={Lazy::<CrlViewerRoute>::new()} />
                    </Routes>
                </ErrorBoundary>
            </Shell>
            <NotificationArea />
        </Router>
    }
}

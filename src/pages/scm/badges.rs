//! Status pill of an SSL certificate.

use ccm_api::scm::ScmStatus;
use leptos::prelude::*;

/// CSS class of a status: issued and managed are good, expired and
/// revoked need attention, the review steps are informational.
pub fn status_class(status: &ScmStatus) -> &'static str {
    match status {
        ScmStatus::Issued | ScmStatus::Upload => "pill pill-ok",
        ScmStatus::Expired | ScmStatus::Unpassed => "pill pill-warn",
        ScmStatus::Revoked => "pill pill-danger",
        ScmStatus::Other(_) | ScmStatus::All => "pill pill-muted",
        _ => "pill pill-info",
    }
}

#[component]
pub fn ScmStatusBadge(status: Option<ScmStatus>) -> impl IntoView {
    match status {
        Some(s) => view! { <span class=status_class(&s) title=s.as_str().to_owned()>{s.label().to_owned()}</span> }.into_any(),
        None => view! { <span class="pill pill-muted">"Unknown"</span> }.into_any(),
    }
}

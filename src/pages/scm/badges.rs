//! Status pill of an SSL certificate.

use ccm_api::scm::ScmStatus;
use leptos::prelude::*;

use super::labels::status_label;
use crate::i18n::{td_string, use_locale};

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
    let locale = use_locale();
    match status {
        Some(s) => {
            let class = status_class(&s);
            let wire = s.as_str().to_owned();
            // The tooltip is the wire value: data, not words.
            view! { <span class=class title=wire.clone() data-untranslated=wire>{move || status_label(&s, locale).into_owned()}</span> }.into_any()
        }
        None => view! { <span class="pill pill-muted">{td_string!(locale, scm.status_unknown)}</span> }.into_any(),
    }

}

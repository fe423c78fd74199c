//! Small status and expiry badges shared by the lists.

use ccm_api::common::{CaStatus, CertificateStatus};
use leptos::prelude::*;

use crate::expiry::Urgency;
use crate::i18n::{format, td_string, use_locale};
use crate::pages::pca::labels;

#[component]
pub fn CaStatusBadge(
    status: CaStatus,
    /// Revoked by its issuer (the service shows it as disabled; see
    /// state/ca_revocations.rs).
    #[prop(optional)]
    revoked: bool,
) -> impl IntoView {
    let l = use_locale();
    if revoked {
        return view! { <span class="pill pill-danger">{labels::ca_status(&status, true, l)}</span> }.into_any();
    }
    let class = match status {
        CaStatus::Actived => "pill pill-ok",
        CaStatus::Pending => "pill pill-info",
        CaStatus::Disabled | CaStatus::Expired => "pill pill-warn",
        CaStatus::Deleted => "pill pill-danger",
        CaStatus::Other(_) => "pill pill-muted",
    };
    view! { <span class=class>{labels::ca_status(&status, false, l)}</span> }.into_any()
}

#[component]
pub fn CertStatusBadge(status: CertificateStatus) -> impl IntoView {
    let class = match status {
        CertificateStatus::Issued => "pill pill-ok",
        CertificateStatus::Expired => "pill pill-warn",
        CertificateStatus::Revoked => "pill pill-danger",
        CertificateStatus::Other(_) => "pill pill-muted",
    };
    view! { <span class=class>{labels::cert_status(&status, use_locale())}</span> }.into_any()
}

/// Time left, coloured by urgency, with the date as a tooltip.
#[component]
pub fn ExpiryBadge(not_after: i64, now: i64) -> impl IntoView {
    let urgency = Urgency::of(not_after, now);
    let locale = use_locale();
    view! {
        <span class=urgency.class() title=td_string!(locale, forms.expires_on, date = format::date(locale, not_after)).into_owned()>
            {format::time_left(locale, not_after, now)}
        </span>
    }
}

//! One page of SSL certificates as a table; the status and expiry headers
//! sort (a second click reverses).

use ccm_api::scm::{ScmCertificateSummary, ScmSortKey};
use leptos::prelude::*;

use super::badges::ScmStatusBadge;
use super::time::parse_scm_time;
use super::ScmViewQuery;
use crate::components::badges::ExpiryBadge;
use crate::list::sort::SortBy;
use crate::list::table::{or_dash, Column, DataTable};
use crate::list::url_state::UrlState;

#[component]
pub fn ScmTable(rows: Vec<ScmCertificateSummary>, query: ScmViewQuery, now: i64) -> impl IntoView {
    let columns = columns(&query, now);
    view! {
        <DataTable caption="SSL certificates" empty="No SSL certificate matches these filters." columns rows sort=SortBy::query(query) />
    }
}

fn columns(query: &ScmViewQuery, now: i64) -> Vec<Column<ScmCertificateSummary, ScmSortKey>> {
    let query = query.clone();
    vec![
        Column::new("Name", move |c: &ScmCertificateSummary| {
            let href = format!("/scm{}", ScmViewQuery { selected: Some(c.id.clone()), ..query.clone() }.to_query());
            view! { <a href=href>{c.name.clone().unwrap_or_else(|| c.id.clone())}</a> }
        })
        .class("name-cell"),
        Column::new("Domain", |c: &ScmCertificateSummary| c.domain.clone().unwrap_or_else(|| "—".into())),
        Column::new("Additional names", |c: &ScmCertificateSummary| or_dash(Some(&c.san_list().join(", ")))).class("sans-cell"),
        Column::new("Type", |c: &ScmCertificateSummary| or_dash(c.kind.as_ref().map(|k| k.label()))),
        Column::new("Brand", |c: &ScmCertificateSummary| or_dash(c.brand.as_ref().map(|b| b.label()))),
        Column::new("Status", |c: &ScmCertificateSummary| view! { <ScmStatusBadge status=c.status.clone() /> }).sorts(ScmSortKey::CertStatus),
        Column::new("Expires", move |c: &ScmCertificateSummary| match c.expire_time.as_deref().and_then(parse_scm_time) {
            Some(t) => view! { <span class="expiry-cell">{crate::expiry::date(t)} " " <ExpiryBadge not_after=t now /></span> }.into_any(),
            None => view! { <span>"Not issued"</span> }.into_any(),
        })
        .sorts(ScmSortKey::CertExpiredTime),
        Column::new("Deployable", |c: &ScmCertificateSummary| match c.deploy_support {
            Some(true) => "Yes",
            Some(false) => "No",
            None => "—",
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::table::sortable_labels;

    #[test]
    fn status_and_expiry_sort() {
        let cols = columns(&ScmViewQuery::default(), 0);
        let labels: Vec<_> = cols.iter().map(|c| c.label()).collect();
        assert_eq!(labels, ["Name", "Domain", "Additional names", "Type", "Brand", "Status", "Expires", "Deployable"]);
        assert_eq!(sortable_labels(&cols), ["Status", "Expires"]);
    }
}

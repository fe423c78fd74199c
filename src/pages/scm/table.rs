//! One page of SSL certificates as a table; the status and expiry headers
//! sort (a second click reverses).

use ccm_api::scm::{ScmCertificateSummary, ScmSortKey};
use leptos::prelude::*;

use super::badges::ScmStatusBadge;
use super::labels::{type_label, yes_no};
use super::time::parse_scm_time;
use super::ScmViewQuery;
use crate::components::badges::ExpiryBadge;
use crate::i18n::format::date;
use crate::i18n::{td_string, use_locale, Locale};
use crate::list::sort::SortBy;
use crate::list::table::{or_dash, Column, DataTable};
use crate::list::url_state::UrlState;

#[component]
pub fn ScmTable(rows: Vec<ScmCertificateSummary>, query: ScmViewQuery, now: i64) -> impl IntoView {
    let l = use_locale();
    let columns = columns(&query, now, l);
    view! {
        <DataTable caption=td_string!(l, scm.title) empty=td_string!(l, scm.empty_filtered) columns rows sort=SortBy::query(query) />
    }
}

/// Names, domains and dates are data: kept from page translators.
fn data(text: String) -> impl IntoView {
    view! { <span translate="no">{text}</span> }
}

fn columns(query: &ScmViewQuery, now: i64, l: Locale) -> Vec<Column<ScmCertificateSummary, ScmSortKey>> {
    let query = query.clone();
    vec![
        Column::new(td_string!(l, scm.col_name), move |c: &ScmCertificateSummary| {
            let href = format!("/scm{}", ScmViewQuery { selected: Some(c.id.clone()), ..query.clone() }.to_query());
            view! { <a href=href translate="no">{c.name.clone().unwrap_or_else(|| c.id.clone())}</a> }
        })
        .class("name-cell"),
        Column::new(td_string!(l, scm.col_domain), |c: &ScmCertificateSummary| data(c.domain.clone().unwrap_or_else(|| "—".into()))),
        Column::new(td_string!(l, scm.col_sans), |c: &ScmCertificateSummary| data(or_dash(Some(&c.san_list().join(", "))))).class("sans-cell"),
        Column::new(td_string!(l, scm.col_type), move |c: &ScmCertificateSummary| or_dash(c.kind.as_ref().map(|k| type_label(k, l)).as_deref())),
        Column::new(td_string!(l, scm.col_brand), |c: &ScmCertificateSummary| data(or_dash(c.brand.as_ref().map(|b| b.label())))),
        Column::new(td_string!(l, scm.col_status), |c: &ScmCertificateSummary| view! { <ScmStatusBadge status=c.status.clone() /> })
            .sorts(ScmSortKey::CertStatus),
        Column::new(td_string!(l, scm.col_expires), move |c: &ScmCertificateSummary| match c.expire_time.as_deref().and_then(parse_scm_time) {
            Some(t) => view! { <span class="expiry-cell">{data(date(l, t))} " " <ExpiryBadge not_after=t now /></span> }.into_any(),
            None => view! { <span>{td_string!(l, scm.not_issued)}</span> }.into_any(),
        })
        .sorts(ScmSortKey::CertExpiredTime),
        Column::new(td_string!(l, scm.col_deployable), move |c: &ScmCertificateSummary| yes_no(c.deploy_support, l)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::table::sortable_labels;

    #[test]
    fn status_and_expiry_sort() {
        let cols = columns(&ScmViewQuery::default(), 0, Locale::en);
        let labels: Vec<_> = cols.iter().map(|c| c.label()).collect();
        assert_eq!(labels, ["Name", "Domain", "Additional names", "Type", "Brand", "Status", "Expires", "Deployable"]);
        assert_eq!(sortable_labels(&cols), ["Status", "Expires"]);
        let zh = columns(&ScmViewQuery::default(), 0, Locale::zh_CN);
        assert_eq!(sortable_labels(&zh), ["状态", "到期时间"]);
    }
}

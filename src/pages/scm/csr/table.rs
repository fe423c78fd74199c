//! One page of CSRs as a table; a name opens its details beside the list.

use ccm_api::scm::{CsrInfo, CsrUsage};
use leptos::prelude::*;

use super::CsrViewQuery;
use crate::i18n::format::date;
use crate::i18n::{td_string, use_locale, Locale};
use crate::list::table::{or_dash, Column, DataTable};
use crate::list::url_state::UrlState;

/// A CSR's usage in the chosen language.
pub fn usage_label(u: &CsrUsage, l: Locale) -> String {
    match u {
        CsrUsage::Personal => td_string!(l, scm.usage_personal).to_owned(),
        CsrUsage::Enterprise => td_string!(l, scm.usage_enterprise).to_owned(),
        CsrUsage::Other(w) => w.clone(),
    }
}

#[component]
pub fn CsrTable(rows: Vec<CsrInfo>, query: CsrViewQuery) -> impl IntoView {
    let l = use_locale();
    view! { <DataTable caption=td_string!(l, scm.csr_caption) empty=td_string!(l, scm.csr_empty) columns=columns(query, l) rows /> }
}

/// Names, domains, algorithms and dates are data: kept from page translators.
fn data(text: String) -> impl IntoView {
    view! { <span translate="no">{text}</span> }
}

fn columns(query: CsrViewQuery, l: Locale) -> Vec<Column<CsrInfo>> {
    vec![
        Column::new(td_string!(l, scm.col_name), move |c: &CsrInfo| {
            let href = format!("/scm/csr{}", query.select(Some(c.id.clone())).to_query());
            view! { <a href=href translate="no">{c.name.clone().filter(|n| !n.is_empty()).unwrap_or_else(|| c.id.clone())}</a> }
        })
        .class("name-cell"),
        Column::new(td_string!(l, scm.col_domain), |c: &CsrInfo| data(or_dash(c.domain_name.as_deref()))),
        Column::new(td_string!(l, scm.col_sans), |c: &CsrInfo| data(or_dash(Some(&c.sans.as_deref().unwrap_or("").replace(';', ", ")))))
            .class("sans-cell"),
        Column::new(td_string!(l, scm.col_key_algorithm), |c: &CsrInfo| data(or_dash(c.private_key_algo.as_ref().map(|a| a.label())))),
        Column::new(td_string!(l, scm.col_usage), move |c: &CsrInfo| or_dash(c.usage.as_ref().map(|u| usage_label(u, l)).as_deref())),
        Column::new(td_string!(l, scm.col_created), move |c: &CsrInfo| data(c.create_time.map(|t| date(l, t)).unwrap_or_else(|| "—".into()))),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::table::sortable_labels;

    #[test]
    fn six_columns_none_sorting() {
        let cols = columns(CsrViewQuery::default(), Locale::en);
        let labels: Vec<_> = cols.iter().map(|c| c.label()).collect();
        assert_eq!(labels, ["Name", "Domain", "Additional names", "Key algorithm", "Usage", "Created"]);
        assert!(sortable_labels(&cols).is_empty());
        assert_eq!(columns(CsrViewQuery::default(), Locale::zh_CN)[4].label(), "用途");
        assert_eq!(usage_label(&CsrUsage::Enterprise, Locale::zh_CN), "企业");
    }
}

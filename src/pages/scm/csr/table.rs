//! One page of CSRs as a table; a name opens its details beside the list.

use ccm_api::scm::CsrInfo;
use leptos::prelude::*;

use super::CsrViewQuery;
use crate::list::table::{or_dash, Column, DataTable};
use crate::list::url_state::UrlState;

#[component]
pub fn CsrTable(rows: Vec<CsrInfo>, query: CsrViewQuery) -> impl IntoView {
    view! { <DataTable caption="CSRs" empty="No CSR matches these filters." columns=columns(query) rows /> }
}

fn columns(query: CsrViewQuery) -> Vec<Column<CsrInfo>> {
    vec![
        Column::new("Name", move |c: &CsrInfo| {
            let href = format!("/scm/csr{}", query.select(Some(c.id.clone())).to_query());
            view! { <a href=href>{c.name.clone().filter(|n| !n.is_empty()).unwrap_or_else(|| c.id.clone())}</a> }
        })
        .class("name-cell"),
        Column::new("Domain", |c: &CsrInfo| or_dash(c.domain_name.as_deref())),
        Column::new("Additional names", |c: &CsrInfo| or_dash(Some(&c.sans.as_deref().unwrap_or("").replace(';', ", ")))).class("sans-cell"),
        Column::new("Key algorithm", |c: &CsrInfo| or_dash(c.private_key_algo.as_ref().map(|a| a.label()))),
        Column::new("Usage", |c: &CsrInfo| or_dash(c.usage.as_ref().map(|u| u.label()))),
        Column::new("Created", |c: &CsrInfo| c.create_time.map(crate::expiry::date).unwrap_or_else(|| "—".into())),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::table::sortable_labels;

    #[test]
    fn six_columns_none_sorting() {
        let cols = columns(CsrViewQuery::default());
        let labels: Vec<_> = cols.iter().map(|c| c.label()).collect();
        assert_eq!(labels, ["Name", "Domain", "Additional names", "Key algorithm", "Usage", "Created"]);
        assert!(sortable_labels(&cols).is_empty());
    }
}

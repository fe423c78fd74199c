//! The same CAs as a flat table, sorted by clicking a column header.

use std::collections::HashMap;

use ccm_api::pca::cas::{CaSortKey, CertificateAuthority};
use leptos::prelude::*;

use super::CaViewQuery;
use crate::components::badges::{CaStatusBadge, ExpiryBadge};
use crate::list::sort::SortBy;
use crate::list::table::{Column, DataTable};
use crate::list::url_state::UrlState;
use crate::state::ca_revocations::CaRevocations;

#[component]
pub fn CaTable(cas: Vec<CertificateAuthority>, query: CaViewQuery, now: i64) -> impl IntoView {
    let rows = query.table_rows(&cas);
    let columns = columns(&cas, &query, now);
    view! {
        <DataTable caption="Private CAs" empty="No CA matches these filters." columns rows sort=SortBy::query(query) />
    }
}

/// The columns; `all` names the issuers (also those filtered out).
fn columns(all: &[CertificateAuthority], query: &CaViewQuery, now: i64) -> Vec<Column<CertificateAuthority, CaSortKey>> {
    let names: HashMap<String, String> =
        all.iter().map(|c| (c.ca_id.clone(), c.distinguished_name.common_name.clone())).collect();
    let query = query.clone();
    vec![
        Column::new("Name", move |ca: &CertificateAuthority| {
            let href = format!("/pca/cas{}", CaViewQuery { selected: Some(ca.ca_id.clone()), ..query.clone() }.to_query());
            view! { <a href=href>{ca.distinguished_name.common_name.clone()}</a> }
        })
        .sorts(CaSortKey::CommonName),
        Column::new("Type", |ca: &CertificateAuthority| ca.kind.label().to_owned()).sorts(CaSortKey::Type),
        Column::new("Status", |ca: &CertificateAuthority| {
            view! { <CaStatusBadge status=ca.status.clone() revoked=CaRevocations::get_or_provide().of(ca).is_some() /> }
        }),
        Column::new("Issuer", move |ca: &CertificateAuthority| match &ca.issuer_id {
            Some(i) => names.get(i).cloned().unwrap_or_else(|| "(not visible)".into()),
            None => "—".into(),
        }),
        Column::new("Key", |ca: &CertificateAuthority| ca.key_algorithm.as_ref().map(|k| k.as_str().to_owned())),
        Column::new("Signature", |ca: &CertificateAuthority| ca.signature_algorithm.as_ref().map(|k| k.as_str().to_owned())),
        Column::new("Path length", |ca: &CertificateAuthority| {
            ca.path_length.map(|p| if ca.is_root() { "unlimited".to_owned() } else { p.to_string() })
        }),
        Column::new("Expires", move |ca: &CertificateAuthority| ca.not_after.map(|t| view! { <ExpiryBadge not_after=t now /> }))
            .sorts(CaSortKey::NotAfter),
        Column::new("Created", |ca: &CertificateAuthority| ca.create_time.map(crate::expiry::date)).sorts(CaSortKey::CreateTime),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::table::sortable_labels;

    #[test]
    fn name_type_expiry_and_creation_sort() {
        let cols = columns(&[], &CaViewQuery::default(), 0);
        let labels: Vec<_> = cols.iter().map(|c| c.label()).collect();
        assert_eq!(labels, ["Name", "Type", "Status", "Issuer", "Key", "Signature", "Path length", "Expires", "Created"]);
        assert_eq!(sortable_labels(&cols), ["Name", "Type", "Expires", "Created"]);
        assert_eq!(cols[7].sort_key(), Some(&CaSortKey::NotAfter));
    }
}

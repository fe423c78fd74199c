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
use crate::i18n::format::date;
use crate::i18n::{Locale, td_string, use_locale};
use crate::pages::pca::labels;

#[component]
pub fn CaTable(cas: Vec<CertificateAuthority>, query: CaViewQuery, now: i64) -> impl IntoView {
    let rows = query.table_rows(&cas);
    let l = use_locale();
    let columns = columns(&cas, &query, now, l);
    view! {
        <DataTable caption=td_string!(l, pca.cas_title) empty=td_string!(l, pca.no_ca_matches) columns rows sort=SortBy::query(query) />
    }
}

/// The columns; `all` names the issuers (also those filtered out).
fn columns(all: &[CertificateAuthority], query: &CaViewQuery, now: i64, l: Locale) -> Vec<Column<CertificateAuthority, CaSortKey>> {
    let names: HashMap<String, String> =
        all.iter().map(|c| (c.ca_id.clone(), c.distinguished_name.common_name.clone())).collect();
    let query = query.clone();
    vec![
        Column::new(td_string!(l, pca.col_name), move |ca: &CertificateAuthority| {
            let href = format!("/pca/cas{}", CaViewQuery { selected: Some(ca.ca_id.clone()), ..query.clone() }.to_query());
            view! { <a href=href translate="no">{ca.distinguished_name.common_name.clone()}</a> }
        })
        .sorts(CaSortKey::CommonName),
        Column::new(td_string!(l, pca.col_type), move |ca: &CertificateAuthority| labels::ca_type(&ca.kind, l)).sorts(CaSortKey::Type),
        Column::new(td_string!(l, pca.col_status), |ca: &CertificateAuthority| {
            view! { <CaStatusBadge status=ca.status.clone() revoked=CaRevocations::get_or_provide().of(ca).is_some() /> }
        }),
        Column::new(td_string!(l, pca.col_issuer), move |ca: &CertificateAuthority| match &ca.issuer_id {
            Some(i) => match names.get(i) {
                Some(n) => view! { <span translate="no">{n.clone()}</span> }.into_any(),
                None => td_string!(l, pca.not_visible).into_any(),
            },
            None => "—".into_any(),
        }),
        Column::new(td_string!(l, pca.col_key), |ca: &CertificateAuthority| {
            view! { <span translate="no">{ca.key_algorithm.as_ref().map(|k| k.as_str().to_owned())}</span> }
        }),
        Column::new(td_string!(l, pca.col_signature), |ca: &CertificateAuthority| {
            view! { <span translate="no">{ca.signature_algorithm.as_ref().map(|k| k.as_str().to_owned())}</span> }
        }),
        Column::new(td_string!(l, pca.col_path_length), move |ca: &CertificateAuthority| {
            ca.path_length.map(|p| if ca.is_root() { td_string!(l, pca.unlimited).to_owned() } else { p.to_string() })
        }),
        Column::new(td_string!(l, pca.col_expires), move |ca: &CertificateAuthority| ca.not_after.map(|t| view! { <ExpiryBadge not_after=t now /> }))
            .sorts(CaSortKey::NotAfter),
        Column::new(td_string!(l, pca.col_created), move |ca: &CertificateAuthority| ca.create_time.map(|t| date(l, t))).sorts(CaSortKey::CreateTime),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::table::sortable_labels;

    #[test]
    fn name_type_expiry_and_creation_sort() {
        let cols = columns(&[], &CaViewQuery::default(), 0, Locale::en);
        let labels: Vec<_> = cols.iter().map(|c| c.label()).collect();
        assert_eq!(labels, ["Name", "Type", "Status", "Issuer", "Key", "Signature", "Path length", "Expires", "Created"]);
        assert_eq!(sortable_labels(&cols), ["Name", "Type", "Expires", "Created"]);
        assert_eq!(cols[7].sort_key(), Some(&CaSortKey::NotAfter));
    }
}

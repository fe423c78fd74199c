//! One page of certificates as a table: sortable headers, a checkbox per
//! row for the bulk actions, and a link to each certificate's details.

use ccm_api::pca::certs::{CertSortKey, PrivateCertificate};
use leptos::prelude::*;

use super::query::CertViewQuery;
use crate::components::badges::{CertStatusBadge, ExpiryBadge};
use crate::i18n::format::date;
use crate::i18n::{Locale, td_string, use_locale};
use crate::list::selection::{Picked, Selection};
use crate::list::sort::SortBy;
use crate::list::table::{Column, DataTable, Selectable};

#[component]
pub fn CertTable(
    certificates: Vec<PrivateCertificate>,
    query: CertViewQuery,
    now: i64,
    selection: RwSignal<Selection>,
) -> impl IntoView {
    let l = use_locale();
    let empty = if query.has_filter() { td_string!(l, pca.no_cert_matches) } else { td_string!(l, pca.no_certs_yet) };
    view! {
        <DataTable caption=td_string!(l, pca.certs_title) empty columns=columns(now, l) rows=certificates
            sort=SortBy::query(query) select=Selectable { selection, pick } />
    }
}

/// A row's checkbox: by id, named after the common name.
fn pick(c: &PrivateCertificate) -> Picked {
    Picked::new(&c.certificate_id, &c.distinguished_name.common_name)
}

fn columns(now: i64, l: Locale) -> Vec<Column<PrivateCertificate, CertSortKey>> {
    vec![
        Column::new(td_string!(l, pca.col_common_name), |c: &PrivateCertificate| {
            view! { <a href=format!("/pca/certs/{}", c.certificate_id) translate="no">{c.distinguished_name.common_name.clone()}</a> }
        })
        .sorts(CertSortKey::CommonName),
        Column::new(td_string!(l, pca.col_issuer_ca), |c: &PrivateCertificate| match (&c.issuer_id, &c.issuer_name) {
            (Some(i), name) => view! { <a href=format!("/pca/cas?ca={i}") translate="no">{name.clone().unwrap_or_else(|| i.clone())}</a> }.into_any(),
            (None, name) => view! { <span>{name.clone().unwrap_or_else(|| "—".into())}</span> }.into_any(),
        })
        .sorts(CertSortKey::IssuerName),
        Column::new(td_string!(l, pca.col_status), |c: &PrivateCertificate| view! { <CertStatusBadge status=c.status.clone() /> }),
        Column::new(td_string!(l, pca.col_key_algorithm), |c: &PrivateCertificate| {
            view! { <span translate="no">{c.key_algorithm.as_ref().map(|k| k.label().to_owned())}</span> }
        }),
        Column::new(td_string!(l, pca.col_expires), move |c: &PrivateCertificate| c.not_after.map(|t| view! { {date(l, t)} " " <ExpiryBadge not_after=t now /> }))
            .sorts(CertSortKey::NotAfter),
        Column::new(td_string!(l, pca.col_serial), |c: &PrivateCertificate| view! { <code>{c.serial_number.clone()}</code> }),
        Column::new(td_string!(l, pca.col_created), move |c: &PrivateCertificate| c.create_time.map(|t| date(l, t))).sorts(CertSortKey::CreateTime),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::table::sortable_labels;

    #[test]
    fn name_issuer_expiry_and_creation_sort() {
        let cols = columns(0, Locale::en);
        let labels: Vec<_> = cols.iter().map(|c| c.label()).collect();
        assert_eq!(labels, ["Common name", "Issuer CA", "Status", "Key algorithm", "Expires", "Serial number", "Created"]);
        assert_eq!(sortable_labels(&cols), ["Common name", "Issuer CA", "Expires", "Created"]);
    }

    #[test]
    fn a_row_is_picked_by_id_under_its_common_name() {
        let c: PrivateCertificate = serde_json::from_value(serde_json::json!({
            "certificate_id": "c-1", "status": "ISSUED", "distinguished_name": {"common_name": "vpn.example.com"}
        }))
        .unwrap();
        assert_eq!(pick(&c), Picked::new("c-1", "vpn.example.com"));
    }
}

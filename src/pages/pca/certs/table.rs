//! One page of certificates as a table: sortable headers, a checkbox per
//! row for the bulk actions, and a link to each certificate's details.

use ccm_api::pca::certs::{CertSortKey, PrivateCertificate};
use leptos::prelude::*;

use super::query::CertViewQuery;
use crate::list::selection::{Picked, SelectPage, SelectRow, Selection};
use crate::list::sort::SortHeader;
use crate::list::status::ListEmpty;
use crate::components::badges::{CertStatusBadge, ExpiryBadge};
use crate::expiry::date;

#[component]
pub fn CertTable(
    certificates: Vec<PrivateCertificate>,
    query: CertViewQuery,
    now: i64,
    selection: RwSignal<Selection>,
) -> impl IntoView {
    let empty = certificates.is_empty();
    let empty_text = if query.has_filter() { "No certificate matches these filters." } else { "No private certificates yet." };
    let q = StoredValue::new(query);
    let on_page: Vec<Picked> = certificates.iter().map(|c| Picked::new(&c.certificate_id, &c.distinguished_name.common_name)).collect();
    view! {
        {empty.then(|| view! { <ListEmpty text=empty_text /> })}
        <table class="data-table">
            <caption class="visually-hidden">"Private certificates"</caption>
            <thead>
                <tr>
                    <th scope="col">
                        <SelectPage selection rows=on_page />
                    </th>
                    <SortHeader label="Common name" key=CertSortKey::CommonName query=q />
                    <SortHeader label="Issuer CA" key=CertSortKey::IssuerName query=q />
                    <th scope="col">"Status"</th>
                    <th scope="col">"Key algorithm"</th>
                    <SortHeader label="Expires" key=CertSortKey::NotAfter query=q />
                    <th scope="col">"Serial number"</th>
                    <SortHeader label="Created" key=CertSortKey::CreateTime query=q />
                </tr>
            </thead>
            <tbody>
                {certificates.into_iter().map(|c| {
                    let name = c.distinguished_name.common_name.clone();
                    let id = c.certificate_id.clone();
                    let issuer = match (&c.issuer_id, &c.issuer_name) {
                        (Some(i), name) => view! { <a href=format!("/pca/cas?ca={i}")>{name.clone().unwrap_or_else(|| i.clone())}</a> }.into_any(),
                        (None, name) => view! { <span>{name.clone().unwrap_or_else(|| "—".into())}</span> }.into_any(),
                    };
                    view! {
                        <tr>
                            <td><SelectRow selection id=id.clone() name=name.clone() /></td>
                            <td><a href=format!("/pca/certs/{id}")>{name.clone()}</a></td>
                            <td>{issuer}</td>
                            <td><CertStatusBadge status=c.status.clone() /></td>
                            <td>{c.key_algorithm.as_ref().map(|k| k.label().to_owned())}</td>
                            <td>{c.not_after.map(|t| view! { {date(t)} " " <ExpiryBadge not_after=t now /> })}</td>
                            <td><code>{c.serial_number.clone()}</code></td>
                            <td>{c.create_time.map(date)}</td>
                        </tr>
                    }
                }).collect::<Vec<_>>()}
            </tbody>
        </table>
    }
}


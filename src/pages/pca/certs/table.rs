//! One page of certificates as a table: sortable headers, a checkbox per
//! row for the bulk actions, and a link to each certificate's details.

use ccm_api::pca::certs::{CertSortKey, PrivateCertificate};
use leptos::prelude::*;

use super::query::CertViewQuery;
use crate::list::sort::SortHeader;
use crate::components::badges::{CertStatusBadge, ExpiryBadge};
use crate::expiry::date;

#[component]
pub fn CertTable(
    certificates: Vec<PrivateCertificate>,
    query: CertViewQuery,
    now: i64,
    selected: RwSignal<Vec<PrivateCertificate>>,
) -> impl IntoView {
    let empty = certificates.is_empty();
    let empty_text = if query.has_filter() { "No certificate matches these filters." } else { "No private certificates yet." };
    let on_page = StoredValue::new(certificates.clone());
    let q = StoredValue::new(query);
    let all_checked = move || {
        on_page.with_value(|p| !p.is_empty() && p.iter().all(|c| selected.with(|s| s.iter().any(|x| x.certificate_id == c.certificate_id))))
    };
    let toggle_all = move |on: bool| {
        selected.update(|s| {
            let page = on_page.get_value();
            s.retain(|x| !page.iter().any(|c| c.certificate_id == x.certificate_id));
            if on {
                s.extend(page);
            }
        })
    };
    view! {
        {empty.then(|| view! { <p class="empty">{empty_text}</p> })}
        <table class="data-table">
            <caption class="visually-hidden">"Private certificates"</caption>
            <thead>
                <tr>
                    <th scope="col">
                        <input type="checkbox" aria-label="Select all on this page" prop:checked=all_checked
                            on:change=move |ev| toggle_all(event_target_checked(&ev)) />
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
                    let id_for_check = id.clone();
                    let row = StoredValue::new(c.clone());
                    let checked = move || selected.with(|s| s.iter().any(|x| x.certificate_id == id_for_check));
                    let issuer = match (&c.issuer_id, &c.issuer_name) {
                        (Some(i), name) => view! { <a href=format!("/pca/cas?ca={i}")>{name.clone().unwrap_or_else(|| i.clone())}</a> }.into_any(),
                        (None, name) => view! { <span>{name.clone().unwrap_or_else(|| "—".into())}</span> }.into_any(),
                    };
                    view! {
                        <tr>
                            <td><input type="checkbox" aria-label=format!("Select {name}") prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let cert = row.get_value();
                                    selected.update(|s| {
                                        s.retain(|x| x.certificate_id != cert.certificate_id);
                                        if on { s.push(cert); }
                                    });
                                } /></td>
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


//! One page of certificates as a table: sortable headers, a checkbox per
//! row for the bulk actions, and a link to each certificate's details.

use ccm_api::pca::certs::{CertSortKey, PrivateCertificate};
use leptos::prelude::*;

use super::query::CertViewQuery;
use crate::list::selection::{Picked, SelectPage, SelectRow, Selection};
use crate::list::sort::SortHeader;
use crate::list::status::ListEmpty;
use crate::components::badges::{CertStatusBadge, ExpiryBadge};
use crate::i18n::format::date;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn CertTable(
    certificates: Vec<PrivateCertificate>,
    query: CertViewQuery,
    now: i64,
    selection: RwSignal<Selection>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let empty = certificates.is_empty();
    let empty_text = if query.has_filter() { t_string!(i18n, pca.no_cert_matches) } else { t_string!(i18n, pca.no_certs_yet) };
    let q = StoredValue::new(query);
    let on_page: Vec<Picked> = certificates.iter().map(|c| Picked::new(&c.certificate_id, &c.distinguished_name.common_name)).collect();
    view! {
        {empty.then(|| view! { <ListEmpty text=empty_text /> })}
        <table class="data-table">
            <caption class="visually-hidden">{t!(i18n, pca.certs_title)}</caption>
            <thead>
                <tr>
                    <th scope="col">
                        <SelectPage selection rows=on_page />
                    </th>
                    <SortHeader label=t_string!(i18n, pca.col_common_name) key=CertSortKey::CommonName query=q />
                    <SortHeader label=t_string!(i18n, pca.col_issuer_ca) key=CertSortKey::IssuerName query=q />
                    <th scope="col">{t!(i18n, pca.col_status)}</th>
                    <th scope="col">{t!(i18n, pca.col_key_algorithm)}</th>
                    <SortHeader label=t_string!(i18n, pca.col_expires) key=CertSortKey::NotAfter query=q />
                    <th scope="col">{t!(i18n, pca.col_serial)}</th>
                    <SortHeader label=t_string!(i18n, pca.col_created) key=CertSortKey::CreateTime query=q />
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
                            <td translate="no"><a href=format!("/pca/certs/{id}")>{name.clone()}</a></td>
                            <td translate="no">{issuer}</td>
                            <td><CertStatusBadge status=c.status.clone() /></td>
                            <td translate="no">{c.key_algorithm.as_ref().map(|k| k.label().to_owned())}</td>
                            <td>{c.not_after.map(|t| view! { {date(l, t)} " " <ExpiryBadge not_after=t now /> })}</td>
                            <td><code>{c.serial_number.clone()}</code></td>
                            <td>{c.create_time.map(|t| date(l, t))}</td>
                        </tr>
                    }
                }).collect::<Vec<_>>()}
            </tbody>
        </table>
    }
}


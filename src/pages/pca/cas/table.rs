//! The same CAs as a flat table, sorted by clicking a column header.

use std::collections::HashMap;

use ccm_api::pca::cas::{CaSortKey, CertificateAuthority};
use leptos::prelude::*;

use super::CaViewQuery;
use crate::list::sort::SortHeader;
use crate::list::status::ListEmpty;
use crate::list::url_state::UrlState;
use crate::state::ca_revocations::CaRevocations;
use crate::components::badges::{CaStatusBadge, ExpiryBadge};
use crate::components::render_steps::{drawn_in_steps, first_then_rest};
use crate::pages::pca::hierarchy::compare;
use crate::pages::pca::labels;
use crate::i18n::format::date;
use crate::i18n::{t, t_string, use_i18n, Locale};

#[component]
pub fn CaTable(cas: Vec<CertificateAuthority>, query: CaViewQuery, now: i64) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let names: HashMap<String, String> =
        cas.iter().map(|c| (c.ca_id.clone(), c.distinguished_name.common_name.clone())).collect();
    let mut rows: Vec<CertificateAuthority> = cas.into_iter().filter(|c| query.matches(c)).collect();
    rows.sort_by(|a, b| compare(a, b, &query.sort_key, &query.sort_dir));
    let empty = rows.is_empty();
    let q = StoredValue::new(query);
    // 1,000 rows take a few hundred ms to build: a screenful goes out
    // first, the rest in the next task (components/render_steps.rs).
    let drawn = drawn_in_steps(first_then_rest(rows.len(), FIRST_ROWS));
    let rows = StoredValue::new(rows);
    view! {
        {empty.then(|| view! { <ListEmpty text=t_string!(i18n, pca.no_ca_matches) /> })}
        <table class="data-table">
            <caption class="visually-hidden">{t!(i18n, pca.cas_title)}</caption>
            <thead>
                <tr>
                    <SortHeader label=t_string!(i18n, pca.col_name) key=CaSortKey::CommonName query=q />
                    <SortHeader label=t_string!(i18n, pca.col_type) key=CaSortKey::Type query=q />
                    <th scope="col">{t!(i18n, pca.col_status)}</th>
                    <th scope="col">{t!(i18n, pca.col_issuer)}</th>
                    <th scope="col">{t!(i18n, pca.col_key)}</th>
                    <th scope="col">{t!(i18n, pca.col_signature)}</th>
                    <th scope="col">{t!(i18n, pca.col_path_length)}</th>
                    <SortHeader label=t_string!(i18n, pca.col_expires) key=CaSortKey::NotAfter query=q />
                    <SortHeader label=t_string!(i18n, pca.col_created) key=CaSortKey::CreateTime query=q />
                </tr>
            </thead>
            <tbody>
                <For each=move || 0..drawn.get() key=|&i| i let(i)>
                    {rows.with_value(|rows| table_row(&rows[i], &names, q, now, locale))}
                </For>
            </tbody>
        </table>
    }
}

/// Rows drawn in the first step; see `CaTree`'s.
const FIRST_ROWS: usize = 40;

/// One CA as a table row.
fn table_row(ca: &CertificateAuthority, names: &HashMap<String, String>, q: StoredValue<CaViewQuery>, now: i64, locale: Locale) -> AnyView {
    let href = q.with_value(|q| { let mut q = q.clone(); q.selected = Some(ca.ca_id.clone()); format!("/pca/cas{}", q.to_query()) });
    let name = ca.distinguished_name.common_name.clone();
    let issuer = ca.issuer_id.as_ref().map(|i| names.get(i).cloned().unwrap_or_else(|| crate::i18n::td_string!(locale, pca.not_visible).into()));
    view! {
        <tr>
            <td translate="no"><a href=href>{name}</a></td>
            <td>{labels::ca_type(&ca.kind, locale)}</td>
            <td><CaStatusBadge status=ca.status.clone() revoked=CaRevocations::get_or_provide().of(ca).is_some() /></td>
            <td translate="no">{issuer.unwrap_or_else(|| "—".into())}</td>
            <td translate="no">{ca.key_algorithm.as_ref().map(|k| k.as_str().to_owned())}</td>
            <td translate="no">{ca.signature_algorithm.as_ref().map(|k| k.as_str().to_owned())}</td>
            <td>{ca.path_length.map(|p| if ca.is_root() { crate::i18n::td_string!(locale, pca.unlimited).to_owned() } else { p.to_string() })}</td>
            <td>{ca.not_after.map(|t| view! { <ExpiryBadge not_after=t now /> })}</td>
            <td>{ca.create_time.map(|t| date(locale, t))}</td>
        </tr>
    }
    .into_any()
}


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
use crate::i18n::{t, t_string, use_i18n};
use crate::list::sort::SortHeader;
use crate::list::status::ListEmpty;
use crate::list::url_state::UrlState;

#[component]
pub fn ScmTable(rows: Vec<ScmCertificateSummary>, query: ScmViewQuery, now: i64) -> impl IntoView {
    let i18n = use_i18n();
    let q = StoredValue::new(query);
    let empty = rows.is_empty();
    view! {
        {empty.then(|| view! { <ListEmpty text=t_string!(i18n, scm.empty_filtered) /> })}
        <table class="data-table">
            <caption class="visually-hidden">{t!(i18n, scm.title)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, scm.col_name)}</th>
                    <th scope="col">{t!(i18n, scm.col_domain)}</th>
                    <th scope="col">{t!(i18n, scm.col_sans)}</th>
                    <th scope="col">{t!(i18n, scm.col_type)}</th>
                    <th scope="col">{t!(i18n, scm.col_brand)}</th>
                    <SortHeader label=t_string!(i18n, scm.col_status) key=ScmSortKey::CertStatus query=q />
                    <SortHeader label=t_string!(i18n, scm.col_expires) key=ScmSortKey::CertExpiredTime query=q />
                    <th scope="col">{t!(i18n, scm.col_deployable)}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|c| {
                    let href = q.with_value(|q| format!("/scm{}", ScmViewQuery { selected: Some(c.id.clone()), ..q.clone() }.to_query()));
                    let name = c.name.clone().unwrap_or_else(|| c.id.clone());
                    let sans = c.san_list().join(", ");
                    let expires = c.expire_time.as_deref().and_then(parse_scm_time);
                    let deploy_support = c.deploy_support;
                    let kind = c.kind.clone();
                    view! {
                        <tr>
                            <td class="name-cell" translate="no"><a href=href>{name}</a></td>
                            <td translate="no">{c.domain.clone().unwrap_or_else(|| "—".into())}</td>
                            <td class="sans-cell" translate="no">{if sans.is_empty() { "—".to_owned() } else { sans }}</td>
                            <td>{move || kind.as_ref().map(|k| type_label(k, i18n.get_locale()).into_owned()).unwrap_or_else(|| "—".into())}</td>
                            <td translate="no">{c.brand.as_ref().map(|b| b.label().to_owned()).unwrap_or_else(|| "—".into())}</td>
                            <td><ScmStatusBadge status=c.status.clone() /></td>
                            <td>{match expires {
                                Some(t) => view! { <span class="expiry-cell"><span translate="no">{move || date(i18n.get_locale(), t)}</span> " " <ExpiryBadge not_after=t now /></span> }.into_any(),
                                None => view! { <span>{t!(i18n, scm.not_issued)}</span> }.into_any(),
                            }}</td>
                            <td>{move || yes_no(deploy_support, i18n.get_locale())}</td>

                        </tr>
                    }
                }).collect::<Vec<_>>()}
            </tbody>
        </table>
    }
}

//! One page of CSRs as a table; a name opens its details beside the list.

use ccm_api::scm::{CsrInfo, CsrUsage};
use leptos::prelude::*;
use crate::i18n::format::date;
use crate::i18n::{t, td_string, use_i18n, Locale};

use super::CsrViewQuery;
use crate::list::url_state::UrlState;

fn or_dash(v: &Option<String>) -> String {
    v.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| "—".into())
}


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
    let i18n = use_i18n();
    let empty = rows.is_empty();
    view! {
        {empty.then(|| view! { <p class="empty">{t!(i18n, scm.csr_empty)}</p> })}
        <table class="data-table">
            <caption class="visually-hidden">{t!(i18n, scm.csr_caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, scm.col_name)}</th>
                    <th scope="col">{t!(i18n, scm.col_domain)}</th>
                    <th scope="col">{t!(i18n, scm.col_sans)}</th>
                    <th scope="col">{t!(i18n, scm.col_key_algorithm)}</th>
                    <th scope="col">{t!(i18n, scm.col_usage)}</th>
                    <th scope="col">{t!(i18n, scm.col_created)}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|c| {
                    let href = format!("/scm/csr{}", query.select(Some(c.id.clone())).to_query());
                    let name = c.name.clone().filter(|n| !n.is_empty()).unwrap_or_else(|| c.id.clone());
                    let sans = c.sans.as_deref().unwrap_or("").replace(';', ", ");
                    let (usage, created) = (c.usage.clone(), c.create_time);
                    view! {
                        <tr>
                            <td class="name-cell" translate="no"><a href=href>{name}</a></td>
                            <td translate="no">{or_dash(&c.domain_name)}</td>
                            <td class="sans-cell" translate="no">{if sans.is_empty() { "—".to_owned() } else { sans }}</td>
                            <td translate="no">{c.private_key_algo.as_ref().map(|a| a.label().to_owned()).unwrap_or_else(|| "—".into())}</td>
                            <td>{move || usage.as_ref().map(|u| usage_label(u, i18n.get_locale())).unwrap_or_else(|| "—".into())}</td>
                            <td translate="no">{move || created.map(|t| date(i18n.get_locale(), t)).unwrap_or_else(|| "—".into())}</td>
                        </tr>
                    }
                }).collect::<Vec<_>>()}
            </tbody>
        </table>
    }
}

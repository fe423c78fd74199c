//! One page of SSL certificates as a table; the status and expiry headers
//! sort (a second click reverses).

use ccm_api::scm::{ScmCertificateSummary, ScmSortKey};
use leptos::prelude::*;

use super::badges::ScmStatusBadge;
use super::time::parse_scm_time;
use super::ScmViewQuery;
use crate::components::badges::ExpiryBadge;
use crate::list::sort::SortHeader;
use crate::list::status::ListEmpty;
use crate::list::url_state::UrlState;

#[component]
pub fn ScmTable(rows: Vec<ScmCertificateSummary>, query: ScmViewQuery, now: i64) -> impl IntoView {
    let q = StoredValue::new(query);
    let empty = rows.is_empty();
    view! {
        {empty.then(|| view! { <ListEmpty text="No SSL certificate matches these filters." /> })}
        <table class="data-table">
            <caption class="visually-hidden">"SSL certificates"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Domain"</th>
                    <th scope="col">"Additional names"</th>
                    <th scope="col">"Type"</th>
                    <th scope="col">"Brand"</th>
                    <SortHeader label="Status" key=ScmSortKey::CertStatus query=q />
                    <SortHeader label="Expires" key=ScmSortKey::CertExpiredTime query=q />
                    <th scope="col">"Deployable"</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|c| {
                    let href = q.with_value(|q| format!("/scm{}", ScmViewQuery { selected: Some(c.id.clone()), ..q.clone() }.to_query()));
                    let name = c.name.clone().unwrap_or_else(|| c.id.clone());
                    let sans = c.san_list().join(", ");
                    let expires = c.expire_time.as_deref().and_then(parse_scm_time);
                    let deployable = match c.deploy_support { Some(true) => "Yes", Some(false) => "No", None => "—" };
                    view! {
                        <tr>
                            <td class="name-cell"><a href=href>{name}</a></td>
                            <td>{c.domain.clone().unwrap_or_else(|| "—".into())}</td>
                            <td class="sans-cell">{if sans.is_empty() { "—".to_owned() } else { sans }}</td>
                            <td>{c.kind.as_ref().map(|k| k.label().to_owned()).unwrap_or_else(|| "—".into())}</td>
                            <td>{c.brand.as_ref().map(|b| b.label().to_owned()).unwrap_or_else(|| "—".into())}</td>
                            <td><ScmStatusBadge status=c.status.clone() /></td>
                            <td>{match expires {
                                Some(t) => view! { <span class="expiry-cell">{crate::expiry::date(t)} " " <ExpiryBadge not_after=t now /></span> }.into_any(),
                                None => view! { <span>"Not issued"</span> }.into_any(),
                            }}</td>
                            <td>{deployable}</td>
                        </tr>
                    }
                }).collect::<Vec<_>>()}
            </tbody>
        </table>
    }
}

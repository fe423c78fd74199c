//! One page of CSRs as a table; a name opens its details beside the list.

use ccm_api::scm::CsrInfo;
use leptos::prelude::*;

use super::CsrViewQuery;
use crate::list::url_state::UrlState;

fn or_dash(v: &Option<String>) -> String {
    v.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| "—".into())
}

const COLUMNS: [&str; 6] = ["Name", "Domain", "Additional names", "Key algorithm", "Usage", "Created"];

#[component]
pub fn CsrTable(rows: Vec<CsrInfo>, query: CsrViewQuery) -> impl IntoView {
    let empty = rows.is_empty();
    view! {
        {empty.then(|| view! { <p class="empty">"No CSR matches these filters."</p> })}
        <table class="data-table">
            <caption class="visually-hidden">"CSRs"</caption>
            <thead>
                <tr>
                    {COLUMNS.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect::<Vec<_>>()}
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|c| {
                    let href = format!("/scm/csr{}", query.select(Some(c.id.clone())).to_query());
                    let name = c.name.clone().filter(|n| !n.is_empty()).unwrap_or_else(|| c.id.clone());
                    let sans = c.sans.as_deref().unwrap_or("").replace(';', ", ");
                    view! {
                        <tr>
                            <td class="name-cell"><a href=href>{name}</a></td>
                            <td>{or_dash(&c.domain_name)}</td>
                            <td class="sans-cell">{if sans.is_empty() { "—".to_owned() } else { sans }}</td>
                            <td>{c.private_key_algo.as_ref().map(|a| a.label().to_owned()).unwrap_or_else(|| "—".into())}</td>
                            <td>{c.usage.as_ref().map(|u| u.label().to_owned()).unwrap_or_else(|| "—".into())}</td>
                            <td>{c.create_time.map(crate::expiry::date).unwrap_or_else(|| "—".into())}</td>
                        </tr>
                    }
                }).collect::<Vec<_>>()}
            </tbody>
        </table>
    }
}

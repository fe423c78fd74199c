//! The hierarchy as an ARIA tree: one row per CA, indented by depth,
//! collapsible, each row linking to the CA's details.

use std::collections::HashSet;

use ccm_api::pca::cas::CertificateAuthority;
use leptos::prelude::*;
use leptos_router::components::A;

use super::CaViewQuery;
use crate::components::badges::{CaStatusBadge, ExpiryBadge};
use crate::pages::pca::hierarchy::build;

/// Which CAs are collapsed; kept by the page so it survives re-renders.
#[derive(Clone, Copy)]
pub struct Collapsed(pub RwSignal<HashSet<String>>);

#[component]
pub fn CaTree(cas: Vec<CertificateAuthority>, query: CaViewQuery, now: i64) -> impl IntoView {
    let Collapsed(collapsed) = expect_context::<Collapsed>();
    let total = cas.len();
    let h = build(cas, &query.sort_key, &query.sort_dir);
    let keep = query.has_filter().then(|| h.matching(|c| query.matches(c)));
    let h = StoredValue::new(h);
    let keep = StoredValue::new(keep);
    let query = StoredValue::new(query);
    let rows = move || h.with_value(|h| keep.with_value(|k| collapsed.with(|c| h.rows(c, k.as_ref()))));

    view! {
        {move || (total == 0).then(|| view! { <p class="empty">"No private CAs yet. Create a root CA to start a hierarchy."</p> })}
        {move || (total > 0 && rows().is_empty()).then(|| view! { <p class="empty">"No CA matches these filters."</p> })}
        <ul class="ca-tree" role="tree" aria-label="CA hierarchy">
            {move || rows().into_iter().map(|row| {
                let node = h.with_value(|h| h.nodes[row.node].clone());
                let ca = node.ca.clone();
                let cn = ca.distinguished_name.common_name.clone();
                let id = ca.ca_id.clone();
                let selected = query.with_value(|q| q.selected.as_deref() == Some(id.as_str()));
                let matched = query.with_value(|q| q.has_filter() && q.matches(&ca));
                let href = query.with_value(|q| {
                    let mut q = q.clone();
                    q.selected = Some(id.clone());
                    format!("/pca/cas{}", q.to_query())
                });
                let toggle_id = id.clone();
                let level = (row.depth + 1).to_string();
                let toggle_label = format!("{} {cn}", if row.expanded { "Collapse" } else { "Expand" });
                view! {
                    <li role="treeitem" attr:aria-level=level
                        aria-expanded=row.has_children.then(|| row.expanded.to_string())
                        aria-selected=selected.to_string()
                        class=format!("tree-row indent-{}", row.depth.min(8))
                        class:tree-row-selected=selected class:tree-row-match=matched>
                        {if row.has_children {
                            view! {
                                <button class="tree-toggle" aria-label=toggle_label on:click=move |_| {
                                    let id = toggle_id.clone();
                                    collapsed.update(|c| { if !c.remove(&id) { c.insert(id); } });
                                }>{if row.expanded { "▾" } else { "▸" }}</button>
                            }.into_any()
                        } else {
                            view! { <span class="tree-toggle-space" aria-hidden="true"></span> }.into_any()
                        }}
                        <A href=href attr:class="tree-name">{cn.clone()}</A>
                        <span class="pill pill-muted">{ca.kind.label().to_owned()}</span>
                        <CaStatusBadge status=ca.status.clone() />
                        {node.orphan.then(|| view! { <span class="pill pill-warn" title="The issuing CA is not in the list">"issuer not visible"</span> })}
                        <span class="tree-meta">
                            {ca.key_algorithm.as_ref().map(|k| k.as_str().to_owned())}
                            {ca.signature_algorithm.as_ref().map(|s| format!(" · {}", s.as_str()))}
                            {ca.path_length.map(|p| if ca.is_root() { " · path length unlimited".to_owned() } else { format!(" · path length {p}") })}
                        </span>
                        {ca.not_after.map(|t| view! { <ExpiryBadge not_after=t now /> })}
                    </li>
                }
            }).collect::<Vec<_>>()}
        </ul>
    }
}


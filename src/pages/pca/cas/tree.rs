//! The hierarchy as an ARIA tree: one row per CA, indented by depth,
//! collapsible, each row linking to the CA's details.

use std::collections::HashSet;

use ccm_api::pca::cas::CertificateAuthority;
use leptos::prelude::*;

use super::CaViewQuery;
use crate::components::badges::{CaStatusBadge, ExpiryBadge};
use crate::pages::pca::hierarchy::{build, Hierarchy};

/// Which CAs are collapsed; kept by the page so it survives re-renders.
#[derive(Clone, Copy)]
pub struct Collapsed(pub RwSignal<HashSet<String>>);

#[component]
pub fn CaTree(cas: Vec<CertificateAuthority>, query: CaViewQuery, now: i64) -> impl IntoView {
    let Collapsed(collapsed) = expect_context::<Collapsed>();
    let total = cas.len();
    let h = build(cas, &query.sort_key, &query.sort_dir);
    let keep = query.has_filter().then(|| h.matching(|c| query.matches(c)));
    let visible = keep.as_ref().map_or(h.nodes.len(), |k| k.len());
    let ctx = StoredValue::new(TreeContext { h, keep, query, now });
    let top = ctx.with_value(|c| c.visible_children(None));

    view! {
        {(total == 0).then(|| view! { <p class="empty">"No private CAs yet. Create a root CA to start a hierarchy."</p> })}
        {(total > 0 && visible == 0).then(|| view! { <p class="empty">"No CA matches these filters."</p> })}
        <ul class="ca-tree" role="tree" aria-label="CA hierarchy">
            {top.into_iter().map(|i| tree_item(ctx, collapsed, i)).collect::<Vec<_>>()}
        </ul>
    }
}

/// What every node of one rendering needs.
struct TreeContext {
    h: Hierarchy,
    keep: Option<HashSet<usize>>,
    query: CaViewQuery,
    now: i64,
}

impl TreeContext {
    fn visible_children(&self, node: Option<usize>) -> Vec<usize> {
        self.h.visible_children(node, self.keep.as_ref())
    }
}

/// One CA and, when expanded, its subordinates in a nested group (the
/// nesting gives screen readers the level).
fn tree_item(ctx: StoredValue<TreeContext>, collapsed: RwSignal<HashSet<String>>, i: usize) -> AnyView {
    let (node, kids, query, now) =
        ctx.with_value(|c| (c.h.nodes[i].clone(), c.visible_children(Some(i)), c.query.clone(), c.now));
    let ca = node.ca;
    let cn = ca.distinguished_name.common_name.clone();
    let id = ca.ca_id.clone();
    let selected = query.selected.as_deref() == Some(id.as_str());
    let matched = query.has_filter() && query.matches(&ca);
    let mut link = query.clone();
    link.selected = Some(id.clone());
    let href = format!("/pca/cas{}", link.to_query());
    let has_kids = !kids.is_empty();
    let expanded = {
        let id = id.clone();
        move || !collapsed.with(|c| c.contains(&id))
    };
    // One button whose label follows the state: rebuilding it on each
    // toggle would drop the keyboard focus.
    let toggle = {
        let (id, label_cn) = (id.clone(), cn.clone());
        let (e1, e2) = (expanded.clone(), expanded.clone());
        view! {
            <button class="tree-toggle" aria-label=move || format!("{} {label_cn}", if e1() { "Collapse" } else { "Expand" })
                on:click=move |_| collapsed.update(|c| { if !c.remove(&id) { c.insert(id.clone()); } })>
                {move || if e2() { "▾" } else { "▸" }}
            </button>
        }
    };
    let aria_expanded = {
        let expanded = expanded.clone();
        move || has_kids.then(|| expanded().to_string())
    };
    view! {
        <li role="treeitem" aria-label=cn.clone() aria-expanded=aria_expanded aria-selected=selected.to_string()
            class="tree-item" class:tree-row-selected=selected class:tree-row-match=matched>
            <div class="tree-row">
                {if has_kids { toggle.into_any() } else { view! { <span class="tree-toggle-space" aria-hidden="true"></span> }.into_any() }}
                <a href=href class="tree-name">{cn.clone()}</a>
                <span class="pill pill-muted">{ca.kind.label().to_owned()}</span>
                <CaStatusBadge status=ca.status.clone() />
                {node.orphan.then(|| view! { <span class="pill pill-warn" title="The issuing CA is not in the list">"issuer not visible"</span> })}
                <span class="tree-meta">
                    {ca.key_algorithm.as_ref().map(|k| k.as_str().to_owned())}
                    {ca.signature_algorithm.as_ref().map(|s| format!(" · {}", s.as_str()))}
                    {ca.path_length.map(|p| if ca.is_root() { " · path length unlimited".to_owned() } else { format!(" · path length {p}") })}
                </span>
                {ca.not_after.map(|t| view! { <ExpiryBadge not_after=t now /> })}
            </div>
            {move || (has_kids && expanded()).then(|| view! {
                <ul role="group" class="tree-group">
                    {kids.iter().map(|&k| tree_item(ctx, collapsed, k)).collect::<Vec<_>>()}
                </ul>
            })}
        </li>
    }
    .into_any()
}

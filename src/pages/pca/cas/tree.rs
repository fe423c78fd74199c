//! The hierarchy as an ARIA tree: one row per CA, indented by depth,
//! collapsible, each row linking to the CA's details.
//!
//! The rows are built once per sort order. Filters and the selection only
//! change attributes of rows already in the page (`hidden`, the match and
//! selection marks), so a keystroke in the name filter touches no
//! element's structure: with 1,000 CAs, rebuilding the rows on every
//! keystroke was what made typing slow.

use std::collections::HashSet;
use std::sync::Arc;

use ccm_api::pca::cas::CertificateAuthority;
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::CaViewQuery;
use crate::components::badges::{CaStatusBadge, ExpiryBadge};
use crate::list::status::ListEmpty;
use crate::list::url_state::UrlState;
use crate::state::ca_revocations::CaRevocations;
use crate::components::render_steps::drawn_in_steps;
use crate::pages::pca::hierarchy::{build, Filtered, Hierarchy};
use crate::pages::pca::labels;
use crate::i18n::{Locale, td_string, use_locale};

/// Which CAs are collapsed; kept by the page so it survives re-renders.
#[derive(Clone, Copy)]
pub struct Collapsed(pub RwSignal<HashSet<String>>);

#[component]
pub fn CaTree(cas: Vec<CertificateAuthority>, query: Memo<CaViewQuery>, now: i64) -> impl IntoView {
    let i18n = use_locale();
    let total = cas.len();
    let cas = StoredValue::new(cas);
    let order = Memo::new(move |_| query.with(|q| (q.sort_key.clone(), q.sort_dir.clone())));
    move || {
        let (key, dir) = order.get();
        let h = Arc::new(cas.with_value(|c| build(c.clone(), &key, &dir)));
        // One signal per row, set only when that row changes: thousands of
        // closures subscribed to the query itself would all re-run (and
        // re-subscribe, which is linear in the subscriber count) per keystroke.
        let states: Vec<RwSignal<RowState>> =
            query.with_untracked(|q| row_states(&h, q)).into_iter().map(RwSignal::new).collect();
        let nothing_shown = RwSignal::new(false);
        Effect::new({
            let (h, states) = (h.clone(), states.clone());
            move |_| {
                let fresh = query.with(|q| row_states(&h, q));
                nothing_shown.set(total > 0 && !fresh.iter().any(|s| s.shown));
                for (signal, state) in states.iter().zip(fresh) {
                    if signal.with_untracked(|s| s != &state) {
                        signal.set(state);
                    }
                }
            }
        });
        let rows = Rows {
            h: h.clone(),
            states: Arc::new(states),
            query,
            navigate: Arc::new(use_navigate()),
            collapsed: expect_context::<Collapsed>().0,
            now,
            i18n,
        };
        let drawn = drawn_in_steps(h.render_steps(FIRST_ROWS));
        let top = h.top.clone();
        view! {
            {(total == 0).then(|| view! { <ListEmpty text=td_string!(i18n, pca.no_cas_yet) /> })}
            {move || nothing_shown.get().then(|| view! { <ListEmpty text=td_string!(i18n, pca.no_ca_matches) /> })}
            <ul class="ca-tree" role="tree" aria-label=move || td_string!(i18n, pca.ca_hierarchy)>
                <For each=move || top[..drawn.get()].to_vec() key=|&i| i let(i)>
                    {tree_item(&rows, i)}
                </For>
            </ul>
        }
    }
}

/// Rows drawn in the first step (components/render_steps.rs): more than a
/// screenful, about 10 ms of work, so the top of the tree paints before the
/// rest is built.
const FIRST_ROWS: usize = 40;

/// What filters and the selection change in one row.
#[derive(Debug, Clone, PartialEq)]
struct RowState {
    /// Left in by the filters (a match or an ancestor of one).
    shown: bool,
    /// Matches the filters itself (highlighted).
    matched: bool,
    selected: bool,
    /// Has subordinates the filters leave in (so it can be expanded).
    shown_kids: bool,
}

/// Every row's state for one query, in node order.
fn row_states(h: &Hierarchy, q: &CaViewQuery) -> Vec<RowState> {
    let filter: Option<Filtered> = q.has_filter().then(|| h.filter(|c| q.matches(c)));
    let shown = |i: usize| filter.as_ref().is_none_or(|f| f.shown.contains(&i));
    h.nodes
        .iter()
        .enumerate()
        .map(|(i, node)| RowState {
                shown: shown(i),
                matched: filter.as_ref().is_some_and(|f| f.matched.contains(&i)),
                selected: q.selected.as_deref() == Some(node.ca.ca_id.as_str()),
                shown_kids: node.children.iter().any(|&k| shown(k)),
        })
        .collect()
}

/// The router's navigate function, shared by the rows.
type Navigate = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// What every row of one rendering reads.
#[derive(Clone)]
struct Rows {
    h: Arc<Hierarchy>,
    states: Arc<Vec<RwSignal<RowState>>>,
    query: Memo<CaViewQuery>,
    navigate: Navigate,
    collapsed: RwSignal<HashSet<String>>,
    now: i64,
    i18n: Locale,
}

/// One CA and, when expanded, its subordinates in a nested group (the
/// nesting gives screen readers the level). Rows the filter leaves out are
/// `hidden`, which also takes them out of the accessibility tree.
fn tree_item(rows: &Rows, i: usize) -> AnyView {
    let node = &rows.h.nodes[i];
    let ca = &node.ca;
    let (state, collapsed, i18n) = (rows.states[i], rows.collapsed, rows.i18n);
    let l = i18n;
    let cn = ca.distinguished_name.common_name.clone();
    let id = ca.ca_id.clone();
    // The link's address selects the CA in the default view, so it never
    // changes; a plain click opens it in the current view (filters, sort)
    // instead. Rewriting 1,000 links on every keystroke was slow.
    let href = format!("/pca/cas{}", CaViewQuery { selected: Some(id.clone()), ..Default::default() }.to_query());
    let open_here = {
        let (id, query, navigate) = (id.clone(), rows.query, rows.navigate.clone());
        move |ev: MouseEvent| {
            if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
                return;
            }
            ev.prevent_default();
            let url = query.with_untracked(|q| {
                let mut link = q.clone();
                link.selected = Some(id.clone());
                format!("/pca/cas{}", link.to_query())
            });
            navigate(&url, NavigateOptions::default());
        }
    };
    let kids = node.children.clone();
    // A leaf needs no toggle, group or reactive "has children" at all.
    let (toggle, aria_expanded, group) = if kids.is_empty() {
        (view! { <span class="tree-toggle-space" aria-hidden="true"></span> }.into_any(), None, None)
    } else {
        let expanded = {
            let id = id.clone();
            move || !collapsed.with(|c| c.contains(&id))
        };
        let has_shown_kids = move || state.with(|s| s.shown_kids);
        let toggle = {
            let (id, cn, expanded) = (id.clone(), cn.clone(), expanded.clone());
            move || {
                if !has_shown_kids() {
                    return view! { <span class="tree-toggle-space" aria-hidden="true"></span> }.into_any();
                }
                // One button whose label follows the state: rebuilding it on
                // each toggle would drop the keyboard focus.
                let (id, label_cn) = (id.clone(), cn.clone());
                let (e1, e2) = (expanded.clone(), expanded.clone());
                view! {
                    <button class="tree-toggle" aria-label=move || if e1() { td_string!(i18n, pca.collapse, name = &label_cn) } else { td_string!(i18n, pca.expand, name = &label_cn) }.to_string()
                        on:click=move |_| collapsed.update(|c| { if !c.remove(&id) { c.insert(id.clone()); } })>
                        {move || if e2() { "▾" } else { "▸" }}
                    </button>
                }
                .into_any()
            }
        };
        let aria_expanded = {
            let expanded = expanded.clone();
            move || has_shown_kids().then(|| expanded().to_string())
        };
        let rows = rows.clone();
        let group = move || {
            expanded().then(|| view! {
                <ul role="group" class="tree-group">
                    {kids.iter().map(|&k| tree_item(&rows, k)).collect::<Vec<_>>()}
                </ul>
            })
        };
        (toggle.into_any(), Some(aria_expanded), Some(group))
    };
    view! {
        <li role="treeitem" aria-label=cn.clone() aria-expanded=aria_expanded aria-selected=move || state.with(|s| s.selected.to_string())
            hidden=move || state.with(|s| !s.shown)
            class="tree-item" class:tree-row-selected=move || state.with(|s| s.selected)
            class:tree-row-match=move || state.with(|s| s.matched)>
            <div class="tree-row">
                {toggle}
                <a href=href on:click=open_here class="tree-name" translate="no">{cn.clone()}</a>
                <span class="pill pill-muted">{labels::ca_type(&ca.kind, l)}</span>
                <CaStatusBadge status=ca.status.clone() revoked=CaRevocations::get_or_provide().of(ca).is_some() />
                {node.orphan.then(|| view! { <span class="pill pill-warn" title=td_string!(l, pca.issuer_not_in_list)>{td_string!(l, pca.issuer_not_visible)}</span> })}
                <span class="tree-meta">
                    <span translate="no">{ca.key_algorithm.as_ref().map(|k| k.as_str().to_owned())}
                    {ca.signature_algorithm.as_ref().map(|s| format!(" · {}", s.as_str()))}</span>
                    {ca.path_length.map(|p| if ca.is_root() { td_string!(l, pca.path_length_unlimited).to_owned() } else { td_string!(l, pca.path_length_n, n = p).to_string() })}
                </span>
                {ca.not_after.map(|t| view! { <ExpiryBadge not_after=t now=rows.now /> })}
            </div>
            {group}
        </li>
    }
    .into_any()
}

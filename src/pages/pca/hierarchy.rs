//! The CA hierarchy as a tree, built from the flat CA list by `issuer_id`.
//! Pure, so it is tested natively; the view only renders its rows.
//!
//! Nothing is dropped: a pending subordinate without an issuer sits at the
//! top level, and a CA whose issuer is not in the list is an orphan there
//! too, marked as such.

use std::collections::{HashMap, HashSet};

use ccm_api::common::{CaType, SortDir};
use ccm_api::pca::cas::{CaSortKey, CertificateAuthority};

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub ca: CertificateAuthority,
    pub children: Vec<usize>,
    /// A subordinate whose issuer is not in the list.
    pub orphan: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hierarchy {
    pub nodes: Vec<Node>,
    pub top: Vec<usize>,
}

/// A filter applied to the tree: the nodes that match it, and those shown
/// (the matches and their ancestors).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filtered {
    pub matched: HashSet<usize>,
    pub shown: HashSet<usize>,
}

/// One line of the tree flattened (how the tests read its shape).
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub node: usize,
    pub depth: usize,
    pub has_children: bool,
    pub expanded: bool,
}

pub fn build(cas: Vec<CertificateAuthority>, key: &CaSortKey, dir: &SortDir) -> Hierarchy {
    let index: HashMap<String, usize> = cas.iter().enumerate().map(|(i, c)| (c.ca_id.clone(), i)).collect();
    let mut nodes: Vec<Node> = cas.into_iter().map(|ca| Node { ca, children: Vec::new(), orphan: false }).collect();
    let mut top = Vec::new();
    for i in 0..nodes.len() {
        let parent = nodes[i]
            .ca
            .issuer_id
            .as_deref()
            .filter(|id| !id.is_empty() && *id != nodes[i].ca.ca_id)
            .and_then(|id| index.get(id).copied());
        match parent {
            Some(p) if !is_ancestor(&nodes, &index, i, p) => nodes[p].children.push(i),
            _ => {
                nodes[i].orphan = nodes[i].ca.kind == CaType::Subordinate
                    && nodes[i].ca.issuer_id.as_deref().is_some_and(|id| !id.is_empty());
                top.push(i);
            }
        }
    }
    let order = |a: &usize, b: &usize| compare(&nodes[*a].ca, &nodes[*b].ca, key, dir);
    top.sort_by(order);
    let mut sorted_children: Vec<Vec<usize>> = nodes.iter().map(|n| n.children.clone()).collect();
    for c in &mut sorted_children {
        c.sort_by(order);
    }
    for (n, c) in nodes.iter_mut().zip(sorted_children) {
        n.children = c;
    }
    Hierarchy { nodes, top }
}

/// Whether `candidate` descends from `node` (guards against issuer cycles
/// in malformed data).
fn is_ancestor(nodes: &[Node], index: &HashMap<String, usize>, node: usize, candidate: usize) -> bool {
    let mut seen = HashSet::new();
    let mut cur = Some(candidate);
    while let Some(c) = cur {
        if c == node {
            return true;
        }
        if !seen.insert(c) {
            return true;
        }
        cur = nodes[c].ca.issuer_id.as_deref().and_then(|id| index.get(id).copied());
    }
    false
}

/// The order of the API's sort keys (ties broken by id, so it is stable).
pub fn compare(a: &CertificateAuthority, b: &CertificateAuthority, key: &CaSortKey, dir: &SortDir) -> std::cmp::Ordering {
    let ord = match key {
        CaSortKey::CommonName => a.distinguished_name.common_name.to_lowercase().cmp(&b.distinguished_name.common_name.to_lowercase()),
        CaSortKey::Type => a.kind.as_str().cmp(b.kind.as_str()),
        CaSortKey::NotAfter => a.not_after.cmp(&b.not_after),
        _ => a.create_time.cmp(&b.create_time),
    }
    .then_with(|| a.ca_id.cmp(&b.ca_id));
    match dir {
        SortDir::Desc => ord.reverse(),
        _ => ord,
    }
}

impl Hierarchy {
    /// The children of `node` (the top level for `None`) that `keep` lets
    /// through, in display order.
    #[cfg(test)]
    pub fn visible_children(&self, node: Option<usize>, keep: Option<&HashSet<usize>>) -> Vec<usize> {
        let list = match node {
            None => &self.top,
            Some(n) => &self.nodes[n].children,
        };
        list.iter().copied().filter(|i| keep.is_none_or(|k| k.contains(i))).collect()
    }

    /// Rows in display order; children of collapsed nodes are left out.
    #[cfg(test)]
    pub fn rows(&self, collapsed: &HashSet<String>, keep: Option<&HashSet<usize>>) -> Vec<Row> {
        let mut out = Vec::new();
        let mut stack: Vec<(usize, usize)> = self.top.iter().rev().map(|&i| (i, 0)).collect();
        while let Some((i, depth)) = stack.pop() {
            if keep.is_some_and(|k| !k.contains(&i)) {
                continue;
            }
            let node = &self.nodes[i];
            let kids: Vec<usize> = node.children.iter().copied().filter(|c| keep.is_none_or(|k| k.contains(c))).collect();
            let expanded = !collapsed.contains(&node.ca.ca_id);
            out.push(Row { node: i, depth, has_children: !kids.is_empty(), expanded });
            if expanded {
                stack.extend(kids.iter().rev().map(|&c| (c, depth + 1)));
            }
        }
        out
    }

    /// Nodes that match `pred`, plus every ancestor of a match, so a
    /// filtered tree still shows where each match hangs.
    #[cfg(test)]
    pub fn matching(&self, pred: impl Fn(&CertificateAuthority) -> bool) -> HashSet<usize> {
        self.filter(pred).shown
    }

    /// How many top-level items to have drawn after each of two steps: first
    /// enough whole top-level items (each with all its subordinates) to give
    /// at least `first_rows` rows, then all of them. An empty tree has one
    /// step of 0.
    pub fn render_steps(&self, first_rows: usize) -> Vec<usize> {
        let mut rows = 0;
        let mut first = self.top.len();
        for (drawn, &i) in self.top.iter().enumerate() {
            rows += self.subtree_size(i);
            if rows >= first_rows.max(1) {
                first = drawn + 1;
                break;
            }
        }
        if first == self.top.len() { vec![first] } else { vec![first, self.top.len()] }
    }

    /// The node and all its subordinates.
    fn subtree_size(&self, i: usize) -> usize {
        let mut count = 0;
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            count += 1;
            stack.extend(&self.nodes[n].children);
        }
        count
    }

    /// The matches of `pred` and the nodes a filtered tree shows for them.
    pub fn filter(&self, pred: impl Fn(&CertificateAuthority) -> bool) -> Filtered {
        let mut parent = vec![None; self.nodes.len()];
        for (i, n) in self.nodes.iter().enumerate() {
            for &c in &n.children {
                parent[c] = Some(i);
            }
        }
        let mut filtered = Filtered::default();
        for (i, n) in self.nodes.iter().enumerate() {
            if pred(&n.ca) {
                filtered.matched.insert(i);
                let mut cur = Some(i);
                while let Some(c) = cur {
                    if !filtered.shown.insert(c) {
                        break;
                    }
                    cur = parent[c];
                }
            }
        }
        filtered
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ccm_api::common::{CaStatus, DistinguishedName};

    fn ca(id: &str, cn: &str, kind: CaType, issuer: Option<&str>, created: i64) -> CertificateAuthority {
        let mut value = serde_json::json!({
            "ca_id": id, "type": kind.as_str(), "status": "ACTIVED",
            "distinguished_name": {"common_name": cn}, "create_time": created,
        });
        if let Some(i) = issuer {
            value["issuer_id"] = i.into();
        }
        let mut c: CertificateAuthority = serde_json::from_value(value).unwrap();
        c.distinguished_name = DistinguishedName { common_name: cn.into(), ..c.distinguished_name };
        c
    }

    fn sample() -> Vec<CertificateAuthority> {
        vec![
            ca("sub-b", "Beta issuing", CaType::Subordinate, Some("root"), 3),
            ca("root", "Root", CaType::Root, None, 1),
            ca("sub-a", "Alpha issuing", CaType::Subordinate, Some("root"), 2),
            ca("leafca", "Team CA", CaType::Subordinate, Some("sub-a"), 4),
            ca("pending", "Pending", CaType::Subordinate, None, 5),
            ca("orphan", "Orphan", CaType::Subordinate, Some("gone"), 6),
        ]
    }

    fn names(h: &Hierarchy, rows: &[Row]) -> Vec<(String, usize)> {
        rows.iter().map(|r| (h.nodes[r.node].ca.ca_id.clone(), r.depth)).collect()
    }

    #[test]
    fn builds_the_tree_and_keeps_pending_and_orphans() {
        let h = build(sample(), &CaSortKey::CreateTime, &SortDir::Asc);
        let rows = h.rows(&HashSet::new(), None);
        assert_eq!(
            names(&h, &rows),
            vec![
                ("root".into(), 0),
                ("sub-a".into(), 1),
                ("leafca".into(), 2),
                ("sub-b".into(), 1),
                ("pending".into(), 0),
                ("orphan".into(), 0),
            ]
        );
        let orphan = h.nodes.iter().find(|n| n.ca.ca_id == "orphan").unwrap();
        assert!(orphan.orphan);
        assert!(!h.nodes.iter().find(|n| n.ca.ca_id == "pending").unwrap().orphan);
    }

    #[test]
    fn renders_whole_top_level_items_first_then_the_rest() {
        // Top level in creation order: root (4 rows with its three
        // subordinates), pending (1), orphan (1).
        let h = build(sample(), &CaSortKey::CreateTime, &SortDir::Asc);
        assert_eq!(h.render_steps(4), vec![1, 3]);
        assert_eq!(h.render_steps(2), vec![1, 3]);
        assert_eq!(h.render_steps(5), vec![2, 3]);
        assert_eq!(h.render_steps(6), vec![3]);
        assert_eq!(h.render_steps(100), vec![3]);
        assert_eq!(h.render_steps(0), vec![1, 3]);
        assert_eq!(Hierarchy::default().render_steps(50), vec![0]);
    }

    #[test]
    fn sorting_applies_at_every_level() {
        let h = build(sample(), &CaSortKey::CommonName, &SortDir::Desc);
        let rows = h.rows(&HashSet::new(), None);
        let ids: Vec<_> = names(&h, &rows).into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, vec!["root", "sub-b", "sub-a", "leafca", "pending", "orphan"]);
    }

    #[test]
    fn collapsing_hides_descendants() {
        let h = build(sample(), &CaSortKey::CreateTime, &SortDir::Asc);
        let collapsed: HashSet<String> = ["sub-a".to_owned()].into();
        let rows = h.rows(&collapsed, None);
        assert!(!names(&h, &rows).iter().any(|(id, _)| id == "leafca"));
        let sub_a = rows.iter().find(|r| h.nodes[r.node].ca.ca_id == "sub-a").unwrap();
        assert!(sub_a.has_children && !sub_a.expanded);
    }

    #[test]
    fn a_filter_tells_matches_from_the_ancestors_shown_for_them() {
        let h = build(sample(), &CaSortKey::CreateTime, &SortDir::Asc);
        let f = h.filter(|c| c.distinguished_name.common_name.contains("Team"));
        let matched: Vec<String> = f.matched.iter().map(|&i| h.nodes[i].ca.ca_id.clone()).collect();
        assert_eq!(matched, vec!["leafca".to_owned()]);
        let mut shown: Vec<String> = f.shown.iter().map(|&i| h.nodes[i].ca.ca_id.clone()).collect();
        shown.sort();
        assert_eq!(shown, vec!["leafca".to_owned(), "root".to_owned(), "sub-a".to_owned()]);
    }

    #[test]
    fn filtering_keeps_ancestors_of_matches() {
        let h = build(sample(), &CaSortKey::CreateTime, &SortDir::Asc);
        let keep = h.matching(|c| c.distinguished_name.common_name.contains("Team"));
        let rows = h.rows(&HashSet::new(), Some(&keep));
        assert_eq!(names(&h, &rows), vec![("root".into(), 0), ("sub-a".into(), 1), ("leafca".into(), 2)]);
        let none = h.matching(|c| c.status == CaStatus::Disabled);
        assert!(h.rows(&HashSet::new(), Some(&none)).is_empty());
    }

    #[test]
    fn issuer_cycles_do_not_loop() {
        let cas = vec![
            ca("x", "X", CaType::Subordinate, Some("y"), 1),
            ca("y", "Y", CaType::Subordinate, Some("x"), 2),
        ];
        let h = build(cas, &CaSortKey::CreateTime, &SortDir::Asc);
        let rows = h.rows(&HashSet::new(), None);
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn visible_children_respect_the_filter() {
        let h = build(sample(), &CaSortKey::CreateTime, &SortDir::Asc);
        let keep = h.matching(|c| c.distinguished_name.common_name == "Orphan");
        let top = h.visible_children(None, Some(&keep));
        assert_eq!(top.len(), 1);
        assert_eq!(h.nodes[top[0]].ca.ca_id, "orphan");
        assert_eq!(h.visible_children(None, None).len(), 3);
    }
}

//! What every list view shares: its state in the URL (`url_state`), the
//! sortable column headers (`sort`), paging (`page`), picking rows
//! (`selection`) and acting on them all with progress (`bulk`,
//! `bulk_bar`), the loading, empty and error states (`status`), and the
//! table that draws them all (`table`). A list view declares its query
//! type (fields, defaults, how each is kept in the URL), its columns, its
//! bulk actions and its fetch; the machinery here does the rest.

pub mod bulk;
pub mod bulk_bar;
pub mod page;
pub mod selection;
pub mod sort;
pub mod status;
pub mod table;
pub mod url_state;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use url_state::UrlState;

/// Writes a list's new state into the URL; provided by the list's page
/// as context, used by its filters, headers and pager. One type per query
/// type (`SetQuery<CaViewQuery>`, …), so two lists never mix.
pub struct SetQuery<Q: 'static>(pub Callback<Q>);

impl<Q> Clone for SetQuery<Q> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Q> Copy for SetQuery<Q> {}

impl<Q: UrlState + Send + Sync + 'static> SetQuery<Q> {
    /// Writes each new state into the URL of `path` and provides the
    /// handle as context. The history entry is replaced, so Back leaves
    /// the view instead of undoing each keystroke.
    pub fn provide_in_url(path: &'static str) -> SetQuery<Q> {
        let go = url_writer(path);
        let set = SetQuery(Callback::new(move |q: Q| go.run(q.to_query())));
        provide_context(set);
        set
    }
}

/// Replaces the address with `path` and the query it is given (one copy
/// for every list type).
fn url_writer(path: &'static str) -> Callback<String> {
    let navigate = use_navigate();
    Callback::new(move |query: String| {
        navigate(&format!("{path}{query}"), NavigateOptions { replace: true, scroll: false, ..Default::default() });
    })
}

/// The list state in the current URL, re-read when the URL changes.
pub fn query_from_url<Q: UrlState + Clone + PartialEq + Send + Sync + 'static>() -> Memo<Q> {
    let params = use_query_map();
    Memo::new(move |_| params.with(|p| Q::from_lookup(|k| p.get(k))))
}

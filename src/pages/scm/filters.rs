//! Status, search, sort and page size of the SSL certificate list; every
//! change goes to the URL and back to the first page.

use ccm_api::common::SortDir;
use ccm_api::scm::{ScmSortKey, ScmStatus, SCM_PAGE_SIZES};
use leptos::prelude::*;

use super::query::status_filters;
use super::ScmViewQuery;
use crate::components::select::ChoiceSelect;
use crate::list::SetQuery;

#[component]
pub fn ScmFilterBar(query: Memo<ScmViewQuery>) -> impl IntoView {
    let SetQuery(set) = expect_context::<SetQuery<ScmViewQuery>>();
    let update = move |f: &dyn Fn(&mut ScmViewQuery)| set.run(query.get_untracked().with_filter(f));
    // The search is sent when typing pauses, not on every key.
    let search = RwSignal::new(query.get_untracked().search);
    let typed = StoredValue::new(0u32);
    view! {
        <form class="panel filter-bar" role="search" aria-label="Filter SSL certificates" on:submit=move |ev| {
            ev.prevent_default();
            let v = search.get_untracked();
            update(&|q| q.search = v.clone());
        }>
            <div class="field">
                <label for="scm-search">"Name or domain contains"</label>
                <input id="scm-search" type="search" prop:value=move || search.get()
                    on:input=move |ev| {
                        search.set(event_target_value(&ev));
                        typed.update_value(|n| *n += 1);
                        let mine = typed.get_value();
                        set_timeout(move || {
                            if typed.try_get_value() == Some(mine) {
                                let v = search.get_untracked();
                                if v != query.get_untracked().search {
                                    update(&|q| q.search = v.clone());
                                }
                            }
                        }, std::time::Duration::from_millis(350));
                    } />
            </div>
            <ChoiceSelect id="scm-status" label="Status"
                options=std::iter::once((String::new(), "All statuses".to_owned()))
                    .chain(status_filters().into_iter().map(|s| (s.as_str().to_owned(), s.label().to_owned())))
                    .collect()
                value=Signal::derive(move || query.with(|q| q.status.as_ref().map(|s| s.as_str().to_owned()).unwrap_or_default()))
                on_pick=Callback::new(move |v: String| update(&|q| q.status = (!v.is_empty()).then(|| ScmStatus::from_wire(&v)))) />
            <ChoiceSelect id="scm-sort-key" label="Sort by"
                options=ScmSortKey::known().into_iter().map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect()
                value=Signal::derive(move || query.with(|q| q.sort_key.as_str().to_owned()))
                on_pick=Callback::new(move |v: String| update(&|q| q.sort_key = ScmSortKey::from_wire(&v))) />
            <ChoiceSelect id="scm-sort-dir" label="Order"
                options=vec![("DESC".to_owned(), "Descending".to_owned()), ("ASC".to_owned(), "Ascending".to_owned())]
                value=Signal::derive(move || query.with(|q| q.sort_dir.as_str().to_owned()))
                on_pick=Callback::new(move |v: String| update(&|q| q.sort_dir = SortDir::from_wire(&v))) />
            <ChoiceSelect id="scm-page-size" label="Per page"
                options=SCM_PAGE_SIZES.iter().map(|n| (n.to_string(), n.to_string())).collect()
                value=Signal::derive(move || query.with(|q| q.limit.to_string()))
                on_pick=Callback::new(move |v: String| update(&|q| q.limit = v.parse().unwrap_or(10))) />
        </form>
    }
}

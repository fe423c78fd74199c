//! Status, search, tag, deployable / own / expired-within filters, sort and page size
//! of the SSL certificate list; every change goes to the URL and back to
//! the first page.

use ccm_api::common::SortDir;
use ccm_api::common::DomainTags;
use ccm_api::scm::{list_all_tags, ListAllTagsResponse, ScmSortKey, ScmStatus, SCM_PAGE_SIZES};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::labels::{sort_key_label, status_label};
use super::query::{status_filters, EXPIRY_WINDOWS};
use super::ScmViewQuery;
use crate::components::select::ChoiceSelect;
use crate::api::client::use_api;
use crate::i18n::{td_string, use_locale, Locale};
use crate::list::SetQuery;
use crate::tags::TagFilter;

#[component]
pub fn ScmFilterBar(query: Memo<ScmViewQuery>) -> impl IntoView {
    let SetQuery(set) = expect_context::<SetQuery<ScmViewQuery>>();
    let locale = use_locale();
    let update = move |f: &dyn Fn(&mut ScmViewQuery)| set.run(query.get_untracked().with_filter(f));
    // The search is sent when typing pauses, not on every key.
    let search = RwSignal::new(query.get_untracked().search);
    let typed = StoredValue::new(0u32);
    // Tag choices: every key in use, alone and with each of its values.
    let api = use_api();
    let tag_choices = RwSignal::new(Vec::<TagFilter>::new());
    spawn_local(async move {
        if let Ok(found) = api.json::<ListAllTagsResponse>(list_all_tags()).await {
            let domain: Vec<DomainTags> = found.tags.into_iter().map(|t| DomainTags { key: t.key, values: t.values }).collect();
            tag_choices.try_set(TagFilter::choices(&domain));
        }
    });
    let tag_options = move || {
        let mut choices = tag_choices.get();
        // A tag from a link is offered even before the list arrives.
        if let Some(t) = query.with(|q| q.tag.clone()) {
            if !choices.contains(&t) {
                choices.push(t);
            }
        }
        std::iter::once((String::new(), td_string!(locale, scm.any_tags).to_owned())).chain(choices.into_iter().map(|c| (c.to_param(), c.label(locale)))).collect::<Vec<_>>()
    };
    view! {
        <form class="panel filter-bar" role="search" aria-label=td_string!(locale, scm.filter_label) on:submit=move |ev| {
            ev.prevent_default();
            let v = search.get_untracked();
            update(&|q| q.search = v.clone());
        }>
            <div class="field">
                <label for="scm-search">{td_string!(locale, scm.search_label)}</label>
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
            {move || view! { <StatusChoice locale query update=Callback::new(move |v: Option<ScmStatus>| update(&|q| q.status = v.clone())) /> }}
            {move || view! {
                <ChoiceSelect id="scm-tag" label=td_string!(locale, scm.tag_label) options=tag_options()
                    value=Signal::derive(move || query.with(|q| q.tag.as_ref().map(TagFilter::to_param).unwrap_or_default()))
                    on_pick=Callback::new(move |v: String| update(&|q| q.tag = TagFilter::from_param(&v))) />
            }}
            {move || view! {
                <ChoiceSelect id="scm-expired" label=td_string!(locale, scm.expired_label)
                    options=std::iter::once((String::new(), td_string!(locale, scm.expired_all).to_owned()))
                        .chain(EXPIRY_WINDOWS.iter().map(|d| (d.to_string(), td_string!(locale, scm.expired_within, days = *d))))
                        .collect()
                    value=Signal::derive(move || query.with(|q| q.expired_within.map(|d| d.to_string()).unwrap_or_default()))
                    on_pick=Callback::new(move |v: String| update(&|q| q.expired_within = v.parse().ok())) />
            }}
            <FilterCheck id="scm-deployable" label=Signal::derive(move || td_string!(locale, scm.deployable_only))
                checked=Signal::derive(move || query.with(|q| q.deployable))
                on_toggle=Callback::new(move |on: bool| update(&|q| q.deployable = on)) />
            <FilterCheck id="scm-own" label=Signal::derive(move || td_string!(locale, scm.own_only))
                checked=Signal::derive(move || query.with(|q| q.own))
                on_toggle=Callback::new(move |on: bool| update(&|q| q.own = on)) />
            {move || view! {
                <ChoiceSelect id="scm-sort-key" label=td_string!(locale, scm.sort_by)
                    options=ScmSortKey::known().into_iter().map(|s| (s.as_str().to_owned(), sort_key_label(&s, locale).into_owned())).collect()
                    value=Signal::derive(move || query.with(|q| q.sort_key.as_str().to_owned()))
                    on_pick=Callback::new(move |v: String| update(&|q| q.sort_key = ScmSortKey::from_wire(&v))) />
                <ChoiceSelect id="scm-sort-dir" label=td_string!(locale, scm.sort_order)
                    options=vec![("DESC".to_owned(), td_string!(locale, scm.descending).to_owned()), ("ASC".to_owned(), td_string!(locale, scm.ascending).to_owned())]
                    value=Signal::derive(move || query.with(|q| q.sort_dir.as_str().to_owned()))
                    on_pick=Callback::new(move |v: String| update(&|q| q.sort_dir = SortDir::from_wire(&v))) />
            }}
            <ChoiceSelect id="scm-page-size" label=td_string!(locale, scm.per_page)
                options=SCM_PAGE_SIZES.iter().map(|n| (n.to_string(), n.to_string())).collect()
                value=Signal::derive(move || query.with(|q| q.limit.to_string()))
                on_pick=Callback::new(move |v: String| update(&|q| q.limit = v.parse().unwrap_or(10))) />
            {move || query.with(|q| q.tag.is_some()).then(|| view! {
                <p class="field-hint">{td_string!(locale, scm.tag_search_hint)}</p>
            })}
        </form>
    }
}

/// A checkbox filter: shows the URL's value, reports a toggle.
#[component]
fn FilterCheck(id: &'static str, #[prop(into)] label: Signal<&'static str>, checked: Signal<bool>, on_toggle: Callback<bool>) -> impl IntoView {
    view! {
        <div class="field field-check">
            <label class="check" for=id>
                <input id=id type="checkbox" prop:checked=move || checked.get()
                    on:change=move |ev| on_toggle.run(event_target_checked(&ev)) />
                {move || label.get()}
            </label>
        </div>
    }
}

/// The status filter, with the statuses in the chosen language.
#[component]
fn StatusChoice(locale: Locale, query: Memo<ScmViewQuery>, update: Callback<Option<ScmStatus>>) -> impl IntoView {
    let l = locale;
    view! {
        <ChoiceSelect id="scm-status" label=td_string!(locale, scm.status_label)
            options=std::iter::once((String::new(), td_string!(locale, scm.all_statuses).to_owned()))
                .chain(status_filters().into_iter().map(|s| (s.as_str().to_owned(), status_label(&s, l).into_owned())))
                .collect()
            value=Signal::derive(move || query.with(|q| q.status.as_ref().map(|s| s.as_str().to_owned()).unwrap_or_default()))
            on_pick=Callback::new(move |v: String| update.run((!v.is_empty()).then(|| ScmStatus::from_wire(&v)))) />
    }
}


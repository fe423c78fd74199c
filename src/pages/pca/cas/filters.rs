//! Filters, sort and layout of the CA view; every change goes to the URL.

use ccm_api::common::{CaStatus, CaType, SortDir};
use ccm_api::pca::cas::CaSortKey;
use ccm_api::pca::tags::{list_domain_tags, DomainTagsResponse, TagTarget};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::query::REVOKED;
use super::{CaViewQuery, Layout};
use crate::list::SetQuery;
use crate::api::client::use_api;
use crate::components::with_data::unmarked;
use crate::tags::TagFilter;
use crate::i18n::{Locale, td_string, use_locale};
use crate::pages::pca::labels;

#[component]
pub fn FilterBar(query: Memo<CaViewQuery>) -> impl IntoView {
    let SetQuery(set) = expect_context::<SetQuery<CaViewQuery>>();
    let i18n = use_locale();
    let l = i18n;
    let update = move |f: &dyn Fn(&mut CaViewQuery)| {
        let mut q = query.get_untracked();
        f(&mut q);
        set.run(q);
    };
    view! {
        <form class="panel filter-bar" role="search" aria-label=move || td_string!(i18n, pca.filter_cas) on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="ca-filter-name">{td_string!(i18n, pca.name_contains)}</label>
                <input id="ca-filter-name" type="search" prop:value=move || query.with(|q| q.name.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); update(&|q| q.name = v.clone()) } />
            </div>
            <EnumSelect id="ca-filter-status" label=td_string!(l, pca.col_status) any=td_string!(l, pca.any_status)
                options=CaStatus::known().into_iter().map(|s| (s.as_str().to_owned(), labels::ca_status(&s, false, l)))
                    .chain([(REVOKED.to_owned(), labels::ca_status(&CaStatus::Actived, true, l))]).collect()
                value=Signal::derive(move || query.with(|q| if q.revoked { Some(REVOKED.to_owned()) } else { q.status.as_ref().map(|s| s.as_str().to_owned()) }))
                on_pick=Callback::new(move |v: Option<String>| update(&|q| {
                    q.revoked = v.as_deref() == Some(REVOKED);
                    q.status = v.as_deref().filter(|v| *v != REVOKED).map(CaStatus::from_wire);
                })) />
            <EnumSelect id="ca-filter-type" label=td_string!(l, pca.col_type) any=td_string!(l, pca.any_type)
                options=CaType::known().into_iter().map(|s| (s.as_str().to_owned(), labels::ca_type(&s, l))).collect()
                value=Signal::derive(move || query.with(|q| q.kind.as_ref().map(|s| s.as_str().to_owned())))
                on_pick=Callback::new(move |v: Option<String>| update(&|q| q.kind = v.as_deref().map(CaType::from_wire))) />
            <TagSelect query on_pick=Callback::new(move |t: Option<TagFilter>| update(&|q| q.tag = t.clone())) />
            <EnumSelect id="ca-sort-key" label=td_string!(l, pca.sort_by) any=""
                options=CaSortKey::known().into_iter().map(|s| (s.as_str().to_owned(), sort_key_label(&s, l))).collect()
                value=Signal::derive(move || query.with(|q| Some(q.sort_key.as_str().to_owned())))
                on_pick=Callback::new(move |v: Option<String>| update(&|q| q.sort_key = v.as_deref().map(CaSortKey::from_wire).unwrap_or(CaSortKey::CreateTime))) />
            <EnumSelect id="ca-sort-dir" label=td_string!(l, pca.order) any=""
                options=vec![("ASC".to_owned(), td_string!(l, pca.ascending).to_owned()), ("DESC".to_owned(), td_string!(l, pca.descending).to_owned())]
                value=Signal::derive(move || query.with(|q| Some(q.sort_dir.as_str().to_owned())))
                on_pick=Callback::new(move |v: Option<String>| update(&|q| q.sort_dir = v.as_deref().map(SortDir::from_wire).unwrap_or(SortDir::Asc))) />
            <fieldset class="layout-toggle">
                <legend>{td_string!(i18n, pca.show_as)}</legend>
                <label class="check">
                    <input type="radio" name="ca-layout" prop:checked=move || query.with(|q| q.layout == Layout::Tree)
                        on:change=move |_| update(&|q| q.layout = Layout::Tree) />
                    {td_string!(i18n, pca.tree)}
                </label>
                <label class="check">
                    <input type="radio" name="ca-layout" prop:checked=move || query.with(|q| q.layout == Layout::Table)
                        on:change=move |_| update(&|q| q.layout = Layout::Table) />
                    {td_string!(i18n, pca.table)}
                </label>
            </fieldset>
        </form>
    }
}

fn sort_key_label(key: &CaSortKey, locale: Locale) -> String {
    match key {
        CaSortKey::CreateTime => td_string!(locale, pca.sort_created).to_owned(),
        CaSortKey::CommonName => td_string!(locale, pca.sort_name).to_owned(),
        CaSortKey::Type => td_string!(locale, pca.sort_type).to_owned(),
        CaSortKey::NotAfter => td_string!(locale, pca.sort_expiry).to_owned(),
        CaSortKey::Other(s) => s.clone(),
    }
}

/// The account's CA tags (one call), as "key (any value)" and "key = value".
#[component]
fn TagSelect(query: Memo<CaViewQuery>, on_pick: Callback<Option<TagFilter>>) -> impl IntoView {
    let api = use_api();
    let i18n = use_locale();
    let choices = RwSignal::new(Vec::<TagFilter>::new());
    spawn_local(async move {
        if let Ok(r) = api.json::<DomainTagsResponse>(list_domain_tags(TagTarget::Ca)).await {
            choices.try_set(TagFilter::choices(&r.tags));
        }
    });
    // A tag from a link stays choosable even when the account list lacks it.
    let options = move || {
        let mut list = choices.get();
        if let Some(t) = query.with(|q| q.tag.clone()).filter(|t| !list.contains(t)) {
            list.insert(0, t);
        }
        list.into_iter().map(|t| (t.to_param(), t.label(i18n))).collect::<Vec<_>>()
    };
    view! {
        <div class="field">
            <label for="ca-filter-tag">{td_string!(i18n, pca.tag)}</label>
            <select id="ca-filter-tag" on:change=move |ev| {
                let v = event_target_value(&ev);
                on_pick.run(TagFilter::from_param(&v));
            }>
                <option value="" selected=move || query.with(|q| q.tag.is_none())>{td_string!(i18n, pca.any_tag)}</option>
                {move || options().into_iter().map(|(param, label)| {
                    let p = param.clone();
                    let (label, data) = unmarked(&label);
                    view! { <option value=param data-untranslated=data selected=move || query.with(|q| q.tag.as_ref().map(TagFilter::to_param).as_deref() == Some(p.as_str()))>{label}</option> }
                }).collect::<Vec<_>>()}
            </select>
        </div>
    }
}

/// A select over an enum's wire values; `any` (when not empty) adds a
/// "no filter" choice.
#[component]
fn EnumSelect(
    id: &'static str,
    label: &'static str,
    any: &'static str,
    options: Vec<(String, String)>,
    value: Signal<Option<String>>,
    on_pick: Callback<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                on_pick.run((!v.is_empty()).then_some(v));
            }>
                {(!any.is_empty()).then(|| view! { <option value="" selected=move || value.get().is_none()>{any}</option> })}
                {options.into_iter().map(|(wire, text)| {
                    let w = wire.clone();
                    view! { <option value=wire selected=move || value.get().as_deref() == Some(w.as_str())>{text}</option> }
                }).collect::<Vec<_>>()}
            </select>
        </div>
    }
}

//! Filters and sort of the certificate list; every change goes to the URL
//! and starts again from the first page.

use ccm_api::common::{CertificateStatus, SortDir};
use ccm_api::pca::certs::CertSortKey;
use ccm_api::pca::tags::{list_domain_tags, DomainTagsResponse, TagTarget};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::query::CertViewQuery;
use crate::list::SetQuery;
use crate::components::with_data::unmarked;
use crate::tags::TagFilter;
use crate::api::client::use_api;
use crate::i18n::{Locale, td_string, use_locale};
use crate::pages::pca::labels;

#[component]
pub fn FilterBar(query: Memo<CertViewQuery>) -> impl IntoView {
    let SetQuery(set) = expect_context::<SetQuery<CertViewQuery>>();
    let update = move |f: &dyn Fn(&mut CertViewQuery)| {
        let mut q = query.get_untracked().first_page();
        f(&mut q);
        set.run(q);
    };
    let i18n = use_locale();
    let l = i18n;
    // Tag choices: every key in use, alone and with each of its values.
    let api = use_api();
    let tag_choices = RwSignal::new(Vec::<TagFilter>::new());
    spawn_local(async move {
        if let Ok(found) = api.json::<DomainTagsResponse>(list_domain_tags(TagTarget::Certificate)).await {
            tag_choices.try_set(TagFilter::choices(&found.tags));
        }
    });
    let current_tag = move || query.with(|q| q.tag.clone());

    view! {
        <form class="panel filter-bar" role="search" aria-label=move || td_string!(i18n, pca.filter_certs) on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="cert-filter-name">{td_string!(i18n, pca.name_contains)}</label>
                <input id="cert-filter-name" type="search" prop:value=move || query.with(|q| q.name.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); update(&|q| q.name = v.clone()) } />
            </div>
            <div class="field">
                <label for="cert-filter-status">{td_string!(i18n, pca.col_status)}</label>
                <select id="cert-filter-status" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    update(&|q| q.status = (!v.is_empty()).then(|| CertificateStatus::from_wire(&v)));
                }>
                    <option value="" selected=move || query.with(|q| q.status.is_none())>{td_string!(i18n, pca.any_status)}</option>
                    {CertificateStatus::known().into_iter().map(|s| {
                        let wire = s.as_str().to_owned();
                        let w = wire.clone();
                        view! { <option value=wire selected=move || query.with(|q| q.status.as_ref().map(|s| s.as_str()) == Some(w.as_str()))>{labels::cert_status(&s, l)}</option> }
                    }).collect::<Vec<_>>()}
                </select>
            </div>
            <div class="field">
                <label for="cert-filter-tag">{td_string!(i18n, pca.tag)}</label>
                <select id="cert-filter-tag" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    update(&|q| q.tag = TagFilter::from_param(&v));
                }>
                    <option value="" selected=move || current_tag().is_none()>{td_string!(i18n, pca.any_tags)}</option>
                    {move || {
                        let mut choices = tag_choices.get();
                        // A tag from a link is offered even before the list arrives.
                        if let Some(t) = current_tag() {
                            if !choices.contains(&t) {
                                choices.push(t);
                            }
                        }
                        choices.into_iter().map(|c| {
                            let (text, data) = unmarked(&c.label(l));
                            let is = c.clone();
                            view! { <option value=c.to_param() data-untranslated=data selected=move || current_tag().as_ref() == Some(&is)>{text}</option> }
                        }).collect::<Vec<_>>()
                    }}
                </select>
            </div>
            <div class="field">
                <label for="cert-sort-key">{td_string!(i18n, pca.sort_by)}</label>
                <select id="cert-sort-key" on:change=move |ev| { let v = event_target_value(&ev); update(&|q| q.sort_key = CertSortKey::from_wire(&v)) }>
                    {CertSortKey::known().into_iter().map(|k| {
                        let wire = k.as_str().to_owned();
                        let w = wire.clone();
                        view! { <option value=wire selected=move || query.with(|q| q.sort_key.as_str() == w)>{sort_key_label(&k, l)}</option> }
                    }).collect::<Vec<_>>()}
                </select>
            </div>
            <div class="field">
                <label for="cert-sort-dir">{td_string!(i18n, pca.order)}</label>
                <select id="cert-sort-dir" on:change=move |ev| { let v = event_target_value(&ev); update(&|q| q.sort_dir = SortDir::from_wire(&v)) }>
                    <option value="ASC" selected=move || query.with(|q| q.sort_dir == SortDir::Asc)>{td_string!(i18n, pca.ascending)}</option>
                    <option value="DESC" selected=move || query.with(|q| q.sort_dir == SortDir::Desc)>{td_string!(i18n, pca.descending)}</option>
                </select>
            </div>
            {move || query.with(|q| q.ca_id.clone()).map(|id| view! {
                <p class="filter-chip">
                    {td_string!(i18n, pca.issued_by_ca)}<a href=format!("/pca/cas?ca={id}")><code>{id.clone()}</code></a>" "
                    <button type="button" on:click=move |_| update(&|q| q.ca_id = None)>{td_string!(i18n, pca.show_all_issuers)}</button>
                </p>
            })}
        </form>
    }
}

fn sort_key_label(key: &CertSortKey, locale: Locale) -> String {
    match key {
        CertSortKey::CreateTime => td_string!(locale, pca.sort_created).to_owned(),
        CertSortKey::CommonName => td_string!(locale, pca.sort_name).to_owned(),
        CertSortKey::IssuerName => td_string!(locale, pca.sort_issuer).to_owned(),
        CertSortKey::NotAfter => td_string!(locale, pca.sort_expiry).to_owned(),
        CertSortKey::Other(s) => s.clone(),
    }
}

//! How many of each kind there are, by status.

use leptos::prelude::*;

use super::inventory::counts;
use super::loader::index;
use super::{Loaded, KINDS};
use crate::components::api_error::ApiErrorView;
use crate::i18n::{td_string, use_locale};

#[component]
pub fn StatusCounts(loaded: Loaded, on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_locale();
    view! {
        <section class="panel" aria-label=move || td_string!(i18n, overview.counts_label)>
            <h2>{td_string!(i18n, overview.by_status)}</h2>
            <div class="cards">
                {KINDS.map(|kind| {
                    let slot = loaded[index(kind)];
                    let title = move || kind.plural(i18n);
                    view! {
                        <div class="card" role="group" aria-label=title>
                            <h3>{title}</h3>
                            {move || match slot.get() {
                                None => view! { <p class="loading">{td_string!(i18n, overview.loading)}</p> }.into_any(),
                                Some(Err(e)) => view! { <ApiErrorView title=td_string!(i18n, overview.could_not_read, kinds = title()).to_string() error=e retry=on_retry /> }.into_any(),
                                Some(Ok(items)) => {
                                    let total = items.iter().filter(|i| i.kind == kind).count();
                                    let rows = counts(&items, kind, i18n);
                                    view! {
                                        <p class="card-figure">{crate::i18n::format::number(i18n, total as i64)}</p>
                                        <dl class="count-list">
                                            {rows.into_iter().map(|(label, n)| view! { <dt>{label}</dt><dd>{crate::i18n::format::number(i18n, n as i64)}</dd> }).collect::<Vec<_>>()}
                                        </dl>
                                    }.into_any()
                                }
                            }}
                        </div>
                    }
                }).into_iter().collect::<Vec<_>>()}
            </div>
        </section>
    }
}

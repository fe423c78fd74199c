//! How many of each kind there are, by status.

use leptos::prelude::*;

use super::inventory::counts;
use super::loader::index;
use super::{Loaded, KINDS};
use crate::components::api_error::ApiErrorView;

#[component]
pub fn StatusCounts(loaded: Loaded, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <section class="panel" aria-label="Counts by status">
            <h2>"By status"</h2>
            <div class="cards">
                {KINDS.map(|kind| {
                    let slot = loaded[index(kind)];
                    let title = format!("{}s", kind.label());
                    let heading = title.clone();
                    let label = title.clone();
                    view! {
                        <div class="card" role="group" aria-label=label>
                            <h3>{heading}</h3>
                            {move || match slot.get() {
                                None => view! { <p class="loading">"Loading…"</p> }.into_any(),
                                Some(Err(e)) => view! { <ApiErrorView title=format!("Could not read the {title}") error=e retry=on_retry /> }.into_any(),
                                Some(Ok(items)) => {
                                    let total = items.iter().filter(|i| i.kind == kind).count();
                                    let rows = counts(&items, kind);
                                    view! {
                                        <p class="card-figure">{total}</p>
                                        <dl class="count-list">
                                            {rows.into_iter().map(|(label, n)| view! { <dt>{label}</dt><dd>{n}</dd> }).collect::<Vec<_>>()}
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

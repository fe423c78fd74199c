//! A plain notice for a view that a later piece of work fills in.

use leptos::prelude::*;

#[component]
pub fn Planned(#[prop(into)] title: String, #[prop(into)] what: String) -> impl IntoView {
    view! {
        <section class="panel planned">
            <h1>{title}</h1>
            <p class="planned-note">
                <strong>"Not built yet. "</strong>
                {what}
            </p>
        </section>
    }
}

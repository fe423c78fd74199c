use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{td_string, use_locale};

#[component]
pub fn NotFound() -> impl IntoView {
    let l = use_locale();
    view! {
        <section class="panel">
            <h1>{td_string!(l, common.not_found_title)}</h1>
            <p>{td_string!(l, common.not_found_text)}" "<A href="/">{td_string!(l, common.not_found_home)}</A></p>
        </section>
    }
}

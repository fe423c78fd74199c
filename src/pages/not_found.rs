use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="panel">
            <h1>"Page not found"</h1>
            <p>"There is no view at this address. " <A href="/">"Go to the overview"</A></p>
        </section>
    }
}

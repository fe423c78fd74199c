use leptos::prelude::*;
use leptos_router::components::A;

/// Primary navigation. `<A>` marks the current page with `aria-current`.
#[component]
pub fn SideNav() -> impl IntoView {
    view! {
        <nav class="sidenav" aria-label="Main">
            <ul>
                <li><A href="/" exact=true>"Overview"</A></li>
                <li>
                    <A href="/scm" exact=true>"SSL certificates"</A>
                    <ul class="subnav" aria-label="SSL certificates">
                        <li><A href="/scm/order">"Order a certificate"</A></li>
                        <li><A href="/scm/csr">"CSRs"</A></li>
                    </ul>
                </li>
                <li><A href="/pca/cas">"Private CAs"</A></li>
                <li><A href="/pca/certs">"Private certificates"</A></li>
                <li><A href="/tools">"Toolbox"</A></li>
                <li><A href="/activity">"Activity"</A></li>
                <li><A href="/settings">"Settings"</A></li>
            </ul>
        </nav>
    }
}

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{td_string, use_locale};

/// Primary navigation. `<A>` marks the current page with `aria-current`.
#[component]
pub fn SideNav() -> impl IntoView {
    let locale = use_locale();
    view! {
        <nav class="sidenav" aria-label=td_string!(locale, layout.nav_main)>
            <ul>
                <li><A href="/" exact=true>{td_string!(locale, layout.nav_overview)}</A></li>
                <li>
                    <A href="/scm" exact=true>{td_string!(locale, layout.nav_ssl)}</A>
                    <ul class="subnav" aria-label=td_string!(locale, layout.nav_ssl)>
                        <li><A href="/scm/order">{td_string!(locale, layout.nav_order)}</A></li>
                        <li><A href="/scm/csr">{td_string!(locale, layout.nav_csrs)}</A></li>
                    </ul>
                </li>
                <li><A href="/pca/cas">{td_string!(locale, layout.nav_cas)}</A></li>
                <li><A href="/pca/certs">{td_string!(locale, layout.nav_private_certs)}</A></li>
                <li><A href="/tools">{td_string!(locale, layout.nav_toolbox)}</A></li>
                <li><A href="/activity">{td_string!(locale, layout.nav_activity)}</A></li>
                <li><A href="/settings">{td_string!(locale, layout.nav_settings)}</A></li>
            </ul>
        </nav>
    }
}

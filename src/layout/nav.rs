use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t, t_string, use_i18n};

/// Primary navigation. `<A>` marks the current page with `aria-current`.
#[component]
pub fn SideNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="sidenav" aria-label=move || t_string!(i18n, layout.nav_main)>
            <ul>
                <li><A href="/" exact=true>{t!(i18n, layout.nav_overview)}</A></li>
                <li>
                    <A href="/scm" exact=true>{t!(i18n, layout.nav_ssl)}</A>
                    <ul class="subnav" aria-label=move || t_string!(i18n, layout.nav_ssl)>
                        <li><A href="/scm/order">{t!(i18n, layout.nav_order)}</A></li>
                        <li><A href="/scm/csr">{t!(i18n, layout.nav_csrs)}</A></li>
                    </ul>
                </li>
                <li><A href="/pca/cas">{t!(i18n, layout.nav_cas)}</A></li>
                <li><A href="/pca/certs">{t!(i18n, layout.nav_private_certs)}</A></li>
                <li><A href="/tools">{t!(i18n, layout.nav_toolbox)}</A></li>
                <li><A href="/activity">{t!(i18n, layout.nav_activity)}</A></li>
                <li><A href="/settings">{t!(i18n, layout.nav_settings)}</A></li>
            </ul>
        </nav>
    }
}

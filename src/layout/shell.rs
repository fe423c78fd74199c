use leptos::prelude::*;

use super::nav::SideNav;
use crate::components::session_badge::SessionBadge;

/// The frame around every view: header, navigation, main content.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="topbar">
            <span class="brand">"ccm-console"</span>
            <span class="brand-sub">"Huawei Cloud Certificate Manager"</span>
            <SessionBadge />
        </header>
        <div class="frame">
            <SideNav />
            <main id="main" tabindex="-1">
                {children()}
            </main>
        </div>
    }
}

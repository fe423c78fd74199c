use leptos::prelude::*;

use super::nav::SideNav;
use super::pending_requests::PendingRequests;
use super::sign_in_again::SignInAgainDialog;
use super::theme::{apply_stored_theme, ThemeToggle};
use crate::components::session_badge::SessionBadge;

/// The frame around every view: header, navigation, main content.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    apply_stored_theme();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="topbar">
            <span class="brand">"ccm-console"</span>
            <span class="brand-sub">"Huawei Cloud Certificate Manager"</span>
            <SessionBadge />
            <ThemeToggle />
        </header>
        <div class="frame">
            <SideNav />
            <main id="main" tabindex="-1">
                {children()}
            </main>
        </div>
        <PendingRequests />
        <SignInAgainDialog />
    }
}

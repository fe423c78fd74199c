use leptos::prelude::*;

use super::language::LanguageSwitch;
use super::nav::SideNav;
use super::pending_requests::PendingRequests;
use super::sign_in_again::SignInAgainDialog;
use super::theme::{apply_stored_theme, ThemeToggle};
use crate::components::session_badge::SessionBadge;
use crate::i18n::{td_string, use_locale};

/// The frame around every view: header, navigation, main content.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    apply_stored_theme();
    let locale = use_locale();
    view! {
        <a class="skip-link" href="#main">{td_string!(locale, layout.skip_to_content)}</a>
        <header class="topbar">
            <span class="brand" translate="no">"ccm-console"</span>
            <span class="brand-sub">{td_string!(locale, layout.product)}</span>
            <SessionBadge />
            <LanguageSwitch />
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

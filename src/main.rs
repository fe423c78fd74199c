//! ccm-console: a browser console for Huawei Cloud Certificate Manager.
//!
//! `App` wires the router, the app-wide contexts and the page frame; every
//! view lives in `pages/`, the only HTTP code in `api/`.

mod api;
mod app;
mod components;
mod expiry;
mod form;
mod i18n;
mod layout;
mod list;
mod pages;
mod pki;
mod state;
mod tags;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

//! An inline confirmation that names what is about to change. The confirm
//! button is disabled while the request runs, so one click sends one call.
//! For the keyboard: it takes the focus when it opens (its first field, or
//! Cancel), Escape cancels, and the focus goes back to the opener after.

use leptos::html::Div;
use leptos::prelude::*;

use super::focus::{is_escape, manage_dialog_focus};
use super::with_data::DataMarked;
use crate::i18n::{td_string, use_locale};

#[component]
pub fn ConfirmDialog(
    #[prop(into)] title: String,
    #[prop(into)] confirm_label: String,
    #[prop(optional)] danger: bool,
    #[prop(into)] pending: Signal<bool>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    children: Children,
) -> impl IntoView {
    let l = use_locale();
    let title_id = format!("confirm-{}", title.len());
    let root = NodeRef::<Div>::new();
    manage_dialog_focus(root);
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if is_escape(&ev) && !pending.get_untracked() {
            ev.prevent_default();
            on_cancel.run(());
        }
    };
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby=title_id.clone() node_ref=root on:keydown=on_keydown>
            // Names in the title and the label (`with_data::marked`) stay untranslated.
            <p id=title_id.clone() class="confirm-title"><DataMarked text=title /></p>
            {children()}
            <div class="actions">
                <button class=if danger { "danger" } else { "primary" } disabled=move || pending.get()
                    on:click=move |_| if !pending.get_untracked() { on_confirm.run(()) }>
                    {move || if pending.get() { td_string!(l, common.working).into_any() } else { view! { <DataMarked text=confirm_label.clone() /> }.into_any() }}
                </button>
                <button data-autofocus on:click=move |_| on_cancel.run(())>{td_string!(l, common.cancel)}</button>
            </div>
        </div>
    }
}

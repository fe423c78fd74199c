//! An inline confirmation that names what is about to change. The confirm
//! button is disabled while the request runs, so one click sends one call.

use leptos::prelude::*;

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
    let title_id = format!("confirm-{}", title.len());
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby=title_id.clone()>
            <p id=title_id.clone() class="confirm-title">{title}</p>
            {children()}
            <div class="actions">
                <button class=if danger { "danger" } else { "primary" } disabled=move || pending.get()
                    on:click=move |_| if !pending.get_untracked() { on_confirm.run(()) }>
                    {move || if pending.get() { "Working…".to_owned() } else { confirm_label.clone() }}
                </button>
                <button on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </div>
    }
}

//! The dialog that opens where the user is when a call is refused for its
//! credential (typically an IAM token that expired mid-session). Signing in
//! here keeps the page as it was: form input stays, and the failed action
//! can be repeated with its "Try again" button or its own submit button.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::components::sign_in_form::{SignInForm, SignInMode};
use crate::i18n::{td_string, use_locale};
use crate::state::session::use_session;

#[component]
pub fn SignInAgainDialog() -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let dialog = NodeRef::<Dialog>::new();
    // The form is rebuilt each time the dialog opens, so it starts empty
    // with the method that was in use.
    let mode = Memo::new(move |_| session.credential.with(|c| SignInMode::of(c.as_ref().map(|c| &c.credential))));

    // On Settings the sign-in form is on the page already.
    let location = leptos_router::hooks::use_location();
    let on_settings = Memo::new(move |_| location.pathname.with(|p| p.starts_with("/settings")));
    // A page's parallel calls can each be refused and each set the flag;
    // a memo changes only when it does, so the form (and the field the
    // user is typing in) is not rebuilt by the second refusal.
    let wanted = Memo::new(move |_| session.needs_sign_in.get());
    Effect::new(move |_| {
        if on_settings.get() && wanted.get() {
            session.needs_sign_in.set(false);
        }
    });
    Effect::new(move |_| {
        let open = wanted.get() && !on_settings.get();
        let Some(el) = dialog.get() else { return };
        if open && !el.open() {
            // Modal: focus moves in, the page behind is inert, Escape closes.
            let _ = el.show_modal();
            // Straight to the one field left to fill when the user is known;
            // after the next frame, once the form inside has been drawn.
            let field = if session.last_user.get_untracked().is_empty() { "again-iam-user" } else { "again-iam-password" };
            focus_when_drawn(field, 30);
        } else if !open && el.open() {
            el.close();
        }
    });
    let dismiss = move || session.needs_sign_in.set(false);

    view! {
        <dialog node_ref=dialog class="sign-in-again" aria-labelledby="sign-in-again-title"
            on:close=move |_| dismiss()>
            <h2 id="sign-in-again-title">{td_string!(locale, layout.sign_in_again_title)}</h2>
            <p>{td_string!(locale, layout.sign_in_again_text)}</p>
            {move || wanted.get().then(|| view! {
                <SignInForm id_prefix="again-" initial_mode=mode.get_untracked()
                    on_signed_in=Callback::new(move |_| dismiss()) />
            })}
            <div class="actions">
                <button type="button" on:click=move |_| dismiss()>{td_string!(locale, common.not_now)}</button>
            </div>
        </dialog>
    }
}

/// Focuses the element `id` on the next frame it exists and is not yet
/// focused, for up to `frames` frames: the form is drawn by its own effect,
/// and a page that mounts meanwhile (a lazily loaded one) may take a frame
/// or two more.
fn focus_when_drawn(id: &'static str, frames: u32) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let input = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        let focused = |el: &web_sys::HtmlElement| document().active_element().is_some_and(|a| a == **el);
        match input {
            Some(el) if focused(&el) => {}
            Some(el) => {
                let _ = el.focus();
                if !focused(&el) && frames > 0 {
                    focus_when_drawn(id, frames - 1);
                }
            }
            None if frames > 0 => focus_when_drawn(id, frames - 1),
            None => {}
        }
    });
}

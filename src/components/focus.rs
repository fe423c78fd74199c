//! Keyboard focus around dialogs and navigation. A dialog takes the focus
//! when it opens, closes on Escape, and hands the focus back to the control
//! that opened it; when that control is gone or disabled (a deleted item,
//! an action no longer allowed) the main content gets it, so a keyboard
//! user is never left on the page's body.

use std::time::Duration;

use leptos::html::ElementType;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// What a dialog focuses first: a form field if it has one, else its
/// least harmful button (marked `data-autofocus`), else any button. Tried
/// in this order (one selector list would pick by document order).
const FIRST_FOCUS: [&str; 3] = [
    "input:not([type=hidden]):not([type=radio]):not([disabled]), input[type=radio]:checked, select:not([disabled]), textarea:not([disabled])",
    "[data-autofocus]",
    "button:not([disabled])",
];

fn active_element() -> Option<HtmlElement> {
    document().active_element().and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// The main content area (the shell's `<main id="main" tabindex="-1">`).
pub fn focus_main() {
    if let Some(main) = document().get_element_by_id("main").and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = main.focus();
    }
}

/// After a view replaced the control that had the focus (a submit that
/// navigates, a panel that closed), move it to the main content. Does
/// nothing when the focus is still somewhere on the page.
pub fn focus_main_if_lost() {
    set_timeout(
        || {
            let lost = active_element().is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
            if lost {
                focus_main();
            }
        },
        Duration::ZERO,
    );
}

/// Wires a dialog for the keyboard: call it in the dialog's component with
/// the node of its root element. Focuses the first field or button once the
/// dialog is in the page and gives the focus back to the opener when the
/// dialog goes away. Escape is the caller's (see [`is_escape`]).
pub fn manage_dialog_focus<E>(root: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    // Read before the dialog renders: the control that opened it.
    let opener = SendWrapper::new(active_element());
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(el) = root.get() else { return false };
        let el: web_sys::Element = el.unchecked_into();
        let first = FIRST_FOCUS.iter().find_map(|s| el.query_selector(s).ok().flatten());
        if let Some(first) = first.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = first.focus();
        }
        true
    });
    on_cleanup(move || {
        let opener = opener.take();
        set_timeout(
            move || {
                // Only when the focus went down with the dialog.
                let lost = active_element().is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
                if !lost {
                    return;
                }
                match opener.filter(|o| o.is_connected() && !o.has_attribute("disabled")) {
                    Some(o) => {
                        let _ = o.focus();
                    }
                    None => focus_main(),
                }
            },
            Duration::ZERO,
        );
    });
}

/// True for the Escape key, the one that closes a dialog.
pub fn is_escape(ev: &leptos::ev::KeyboardEvent) -> bool {
    ev.key() == "Escape"
}

/// Placed once inside the router: after every change of view (or of the
/// query that selects an item) whose control took the focus with it, the
/// main content gets the focus, so Tab goes on from the new content.
#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |first: Option<()>| {
        location.pathname.track();
        location.search.track();
        if first.is_some() {
            focus_main_if_lost();
        }
    });
}

//! Keyboard focus around dialogs and navigation. A dialog takes the focus
//! when it opens, closes on Escape, and hands the focus back to the control
//! that opened it; when that control is gone or disabled (a deleted item,
//! an action no longer allowed) the main content gets it, so a keyboard
//! user is never left on the page's body.

use std::cell::RefCell;
use std::time::Duration;

use leptos::html::ElementType;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
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

fn focus_lost() -> bool {
    active_element().is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"))
}

/// Runs `then` once the focus has fallen back to the page's body, checking
/// for about half a second: the router and the panels replace their
/// content a little after the event that changed them.
fn when_focus_lost(then: impl FnOnce() + 'static) {
    fn poll(tries: u32, then: Box<dyn FnOnce()>) {
        set_timeout(
            move || {
                if focus_lost() {
                    then();
                } else if tries > 0 {
                    poll(tries - 1, then);
                }
            },
            Duration::from_millis(20),
        );
    }
    poll(25, Box::new(then));
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
        // Only when the focus went down with the dialog.
        when_focus_lost(move || match opener.filter(|o| o.is_connected() && !o.has_attribute("disabled")) {
            Some(o) => {
                let _ = o.focus();
            }
            None => focus_main(),
        });
    });
}

/// True for the Escape key, the one that closes a dialog.
pub fn is_escape(ev: &leptos::ev::KeyboardEvent) -> bool {
    ev.key() == "Escape"
}

thread_local! {
    /// The element that last took the focus.
    static LAST_FOCUSED: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

fn in_dialog(el: &web_sys::Element) -> bool {
    el.closest("dialog, [role=dialog], [role=alertdialog]").ok().flatten().is_some()
}

/// Installed once for the whole app: when the control that had the focus
/// leaves the page (a link or submit button whose view was replaced, a
/// panel that closed, a removed list item) or is disabled while its request
/// runs, the main content gets the focus, so Tab goes on from the new
/// content instead of the page's top. The browser fires no event when that
/// happens, so every change of the page is checked (cheap: two lookups).
/// Dialogs hand the focus back themselves ([`manage_dialog_focus`]).
pub fn keep_focus_on_page() {
    let _listener = window_event_listener(leptos::ev::focusin, |ev| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        LAST_FOCUSED.with(|l| *l.borrow_mut() = target);
    });
    let check = Closure::<dyn FnMut()>::new(|| {
        if !focus_lost() {
            return;
        }
        let Some(last) = LAST_FOCUSED.with(|l| l.borrow().clone()) else { return };
        let unusable = !last.is_connected() || last.has_attribute("disabled");
        if unusable && !in_dialog(&last) {
            LAST_FOCUSED.with(|l| *l.borrow_mut() = None);
            focus_main();
        }
    });
    let Ok(observer) = web_sys::MutationObserver::new(check.as_ref().unchecked_ref()) else { return };
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_attributes(true);
    options.set_attribute_filter(&js_sys::Array::of1(&"disabled".into()));
    if let Some(body) = document().body() {
        let _ = observer.observe_with_options(&body, &options);
    }
    // Both live as long as the page.
    check.forget();
}

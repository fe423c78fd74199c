//! The notification area: short confirmations after an action, announced
//! to screen readers, gone after a few seconds or when dismissed. Errors
//! are shown next to the form or view that failed, not here, so that they
//! stay beside the input they concern.

use leptos::prelude::*;

use crate::components::with_data::DataMarked;
use crate::i18n::{td_string, use_locale};

#[derive(Debug, Clone, PartialEq, Eq)]
struct Notice {
    id: u64,
    text: String,
}

#[derive(Clone, Copy)]
pub struct Notifications {
    items: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u64>,
}

pub fn provide_notifications() {
    provide_context(Notifications { items: RwSignal::new(Vec::new()), next_id: StoredValue::new(0) });
}

pub fn use_notifications() -> Notifications {
    expect_context::<Notifications>()
}

impl Notifications {
    /// `text` may hold data marked with `with_data::marked` (a name): it
    /// is shown untranslated.
    pub fn success(&self, text: impl Into<String>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.items.update(|v| v.push(Notice { id, text: text.into() }));
        let items = self.items;
        set_timeout(
            move || items.try_update(|v| v.retain(|n| n.id != id)).unwrap_or_default(),
            std::time::Duration::from_secs(6),
        );
    }

    fn dismiss(&self, id: u64) {
        self.items.update(|v| v.retain(|n| n.id != id));
    }
}

#[component]
pub fn NotificationArea() -> impl IntoView {
    let locale = use_locale();
    let n = use_notifications();
    view! {
        <section class="notifications" aria-label=td_string!(locale, layout.notifications) aria-live="polite">
            <For each=move || n.items.get() key=|notice| notice.id let:notice>
                <div class="notice notice-success" role="status">
                    <span><DataMarked text=notice.text.clone() /></span>
                    <button class="notice-close" aria-label=td_string!(locale, layout.dismiss_notification) on:click=move |_| n.dismiss(notice.id)>
                        "×"
                    </button>
                </div>
            </For>
        </section>
    }
}

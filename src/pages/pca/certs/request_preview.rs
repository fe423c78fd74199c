//! The exact request (method, path, JSON body) shown before it is sent,
//! with the button that sends it. The button is disabled while the request
//! runs, so one click sends one POST.

use ccm_api::ApiRequest;
use leptos::prelude::*;

#[component]
pub fn RequestPreview(
    req: ApiRequest,
    #[prop(into)] pending: Signal<bool>,
    send_label: &'static str,
    on_send: Callback<()>,
) -> impl IntoView {
    let text = format!(
        "{} {}\n\n{}",
        req.method,
        req.path_and_query(),
        req.body.as_ref().map(|b| serde_json::to_string_pretty(b).unwrap_or_default()).unwrap_or_default()
    );
    view! {
        <section class="panel" aria-label="Request to send">
            <h2>"Request to send"</h2>
            <pre class="request-preview"><code>{text}</code></pre>
            <button class="primary" disabled=move || pending.get() on:click=move |_| on_send.run(())>
                {move || if pending.get() { "Sending…" } else { send_label }}
            </button>
        </section>
    }
}

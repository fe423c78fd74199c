//! The API inspector: one request shown as sent (masked), as a curl
//! command and as an official Python SDK call, each copyable. Used by the
//! activity log and by forms before they send.

use leptos::prelude::*;

use crate::api::inspect::curl::{curl_command, curl_notes};
use crate::api::inspect::python::python_snippet;
use crate::api::inspect::RequestSnapshot;
use crate::components::download::copy_text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Http,
    Curl,
    Python,
}

impl Form {
    fn label(self) -> &'static str {
        match self {
            Form::Http => "Request",
            Form::Curl => "curl",
            Form::Python => "Python SDK",
        }
    }

    fn region(self) -> &'static str {
        match self {
            Form::Http => "HTTP request",
            Form::Curl => "curl command",
            Form::Python => "Python SDK call",
        }
    }
}

#[component]
pub fn RequestInspector(snapshot: RequestSnapshot) -> impl IntoView {
    let form = RwSignal::new(Form::Http);
    let http = snapshot.as_http();
    let curl = curl_command(&snapshot);
    let python = python_snippet(&snapshot);
    let notes = curl_notes(&snapshot, crate::i18n::use_locale());
    let text = StoredValue::new((http, curl, python));
    let current = move || {
        text.with_value(|(h, c, p)| match form.get() {
            Form::Http => h.clone(),
            Form::Curl => c.clone(),
            Form::Python => p.clone().unwrap_or_else(|| {
                "# The SDK asks IAM for a token by itself; there is no separate call to write.".to_owned()
            }),
        })
    };
    let notes = StoredValue::new(notes);
    view! {
        <div class="inspector">
            <div class="inspector-tabs" role="group" aria-label="Show the request as">
                {[Form::Http, Form::Curl, Form::Python].into_iter().map(|f| view! {
                    <button type="button" aria-pressed=move || if form.get() == f { "true" } else { "false" }
                        on:click=move |_| form.set(f)>{f.label()}</button>
                }).collect::<Vec<_>>()}
                <button type="button" class="link-button" on:click=move |_| copy_text(&current())>
                    {move || format!("Copy {}", form.get().label())}
                </button>
            </div>
            <pre class="request-preview" aria-label=move || form.get().region()><code>{current}</code></pre>
            {move || (form.get() == Form::Curl).then(|| view! {
                <ul class="inspector-notes">
                    {notes.get_value().into_iter().map(|n| view! { <li>{n}</li> }).collect::<Vec<_>>()}
                </ul>
            })}
            {move || (form.get() == Form::Python).then(|| view! {
                <p class="field-hint">
                    "Needs pip install huaweicloudsdkcore huaweicloudsdkccm huaweicloudsdkscm, and your access key in "
                    <code>"HUAWEICLOUD_SDK_AK"</code>" / "<code>"HUAWEICLOUD_SDK_SK"</code>"."
                </p>
            })}
        </div>
    }
}

/// A "Show request" disclosure for a form: the request it would send now.
#[component]
pub fn RequestPreview(#[prop(into)] snapshot: Signal<Option<RequestSnapshot>>) -> impl IntoView {
    view! {
        <details class="request-disclosure">
            <summary>"Show the request (curl, Python SDK)"</summary>
            {move || match snapshot.get() {
                Some(s) => view! { <RequestInspector snapshot=s /> }.into_any(),
                None => view! { <p class="field-hint">"Fill in the form to see the request."</p> }.into_any(),
            }}
        </details>
    }
}

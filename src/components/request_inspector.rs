//! The API inspector: one request shown as sent (masked), as a curl
//! command and as an official Python SDK call, each copyable. Used by the
//! activity log and by forms before they send.

use leptos::prelude::*;

use crate::api::inspect::curl::{curl_command, curl_notes};
use crate::api::inspect::python::python_snippet;
use crate::api::inspect::RequestSnapshot;
use crate::components::download::copy_text;
use crate::components::with_data::{WithData, DATA};
use crate::i18n::{td_string, use_locale, Locale};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Http,
    Curl,
    Python,
}

/// The tools' names, the same in every language.
const CURL: &str = "curl";
const PYTHON_SDK: &str = "Python SDK";

impl Form {
    /// The tab's name, and whether it is a tool's name (not translated).
    fn label(self, l: Locale) -> (&'static str, bool) {
        match self {
            Form::Http => (td_string!(l, common.inspector_request), false),
            Form::Curl => (CURL, true),
            Form::Python => (PYTHON_SDK, true),
        }
    }

    fn region(self, l: Locale) -> &'static str {
        match self {
            Form::Http => td_string!(l, common.inspector_http_region),
            Form::Curl => td_string!(l, common.inspector_curl_region),
            Form::Python => td_string!(l, common.inspector_python_region),
        }
    }
}

/// A tab's name as shown: a tool's name is data.
fn label_view(f: Form, l: Locale) -> AnyView {
    match f.label(l) {
        (name, true) => view! { <span translate="no">{name}</span> }.into_any(),
        (word, false) => word.into_any(),
    }
}

#[component]
pub fn RequestInspector(snapshot: RequestSnapshot) -> impl IntoView {
    let l = use_locale();
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
                td_string!(l, common.inspector_no_token_call).to_owned()
            }),
        })
    };
    let notes = StoredValue::new(notes);
    view! {
        <div class="inspector">
            <div class="inspector-tabs" role="group" aria-label=td_string!(l, common.inspector_show_as)>
                {[Form::Http, Form::Curl, Form::Python].into_iter().map(|f| view! {
                    <button type="button" aria-pressed=move || if form.get() == f { "true" } else { "false" }
                        on:click=move |_| form.set(f)>{label_view(f, l)}</button>
                }).collect::<Vec<_>>()}
                <button type="button" class="link-button" on:click=move |_| copy_text(&current())>
                    {move || {
                        let sentence = td_string!(l, common.inspector_copy, form = DATA).to_string();
                        match form.get().label(l) {
                            (name, true) => view! { <WithData sentence data=vec![name.to_owned()] /> }.into_any(),
                            (word, false) => td_string!(l, common.inspector_copy, form = word).to_string().into_any(),
                        }
                    }}
                </button>
            </div>
            <pre class="request-preview" aria-label=move || form.get().region(l)><code>{current}</code></pre>
            {move || (form.get() == Form::Curl).then(|| view! {
                <ul class="inspector-notes">
                    {notes.get_value().into_iter().map(|n| view! { <li>{n}</li> }).collect::<Vec<_>>()}
                </ul>
            })}
            {move || (form.get() == Form::Python).then(|| view! {
                <p class="field-hint">
                    <WithData code=true sentence=td_string!(l, common.inspector_needs, pip = DATA, ak = DATA, sk = DATA).to_string()
                        data=vec![
                            "pip install huaweicloudsdkcore huaweicloudsdkccm huaweicloudsdkscm".to_owned(),
                            "HUAWEICLOUD_SDK_AK".to_owned(),
                            "HUAWEICLOUD_SDK_SK".to_owned(),
                        ] />
                </p>
            })}
        </div>
    }
}

/// A "Show request" disclosure for a form: the request it would send now.
#[component]
pub fn RequestPreview(#[prop(into)] snapshot: Signal<Option<RequestSnapshot>>) -> impl IntoView {
    let l = use_locale();
    view! {
        <details class="request-disclosure">
            <summary>
                <WithData sentence=td_string!(l, common.inspector_show, curl = DATA, sdk = DATA).to_string()
                    data=vec![CURL.to_owned(), PYTHON_SDK.to_owned()] />
            </summary>
            {move || match snapshot.get() {
                Some(s) => view! { <RequestInspector snapshot=s /> }.into_any(),
                None => view! { <p class="field-hint">{td_string!(l, common.inspector_fill)}</p> }.into_any(),
            }}
        </details>
    }
}

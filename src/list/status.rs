//! What a list shows instead of rows, the same in every list: "Loading …"
//! while its read runs, a sentence when nothing is there (or nothing
//! matches the filters), and the read's error with Retry
//! (`components/api_error.rs`) when it failed.

use ccm_api::ApiError;
use leptos::prelude::*;

use crate::components::api_error::ApiErrorView;

/// The read is running.
#[component]
pub fn ListLoading(text: &'static str) -> impl IntoView {
    view! { <p class="loading" role="status">{text}</p> }
}

/// No rows to show, and why.
#[component]
pub fn ListEmpty(text: &'static str) -> impl IntoView {
    view! { <p class="empty">{text}</p> }
}

/// The read failed: the service's error, and a way to try again.
#[component]
pub fn ListError(title: &'static str, error: ApiError, retry: Callback<()>) -> impl IntoView {
    view! { <ApiErrorView title error retry /> }
}

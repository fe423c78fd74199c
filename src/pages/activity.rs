//! The activity log: every request this tab sent, newest first, and for
//! each one the API inspector (request, curl, Python SDK). Memory only.

use ccm_api::ApiError;
use leptos::prelude::*;

use crate::api::activity::{use_activity_log, ActivityEntry};
use crate::components::api_error::what_happened;
use crate::components::request_inspector::RequestInspector;
use crate::i18n::{td_string, use_locale, Locale};

/// `08:31:07.412` (UTC) from Unix milliseconds.
pub fn clock(ms: f64) -> String {
    let d = ccm_api::sign::sdk_date(ms);
    format!("{}:{}:{}.{:03}", &d[9..11], &d[11..13], &d[13..15], (ms as i64).rem_euclid(1000))
}

/// A duration rounded to whole milliseconds (whole numbers: printing a
/// float would add the float formatting code to the wasm).
pub fn whole_ms(ms: f64) -> u64 {
    (ms.max(0.0) + 0.5) as u64
}

/// The "Error code" cell of a failed request.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorCell {
    /// The service's code (data), else what kind of failure it was, in the
    /// reader's language.
    pub label: String,
    pub is_code: bool,
    /// The service's message or the browser's reason (data), as a tooltip.
    pub detail: Option<String>,
}

pub fn error_cell(error: &ApiError, locale: Locale) -> ErrorCell {
    let (ours, detail) = what_happened(error, locale);
    match (error, ours) {
        (ApiError::Service { code, .. }, _) => ErrorCell { label: code.clone(), is_code: true, detail },
        (_, ours) => ErrorCell { label: ours.unwrap_or_default(), is_code: false, detail },
    }
}

#[component]
pub fn ActivityPage() -> impl IntoView {
    let l = use_locale();
    let log = use_activity_log().expect("the app provides the activity log");
    let open = RwSignal::new(None::<u64>);
    view! {
        <div class="page-head">
            <h1>{td_string!(l, layout.nav_activity)}</h1>
            <div class="actions">
                <button on:click=move |_| { open.set(None); log.clear(); }>{td_string!(l, errors.activity_clear)}</button>
            </div>
        </div>
        <section class="panel" aria-label=td_string!(l, errors.activity_region)>
            <p class="lead">{td_string!(l, errors.activity_lead)}</p>
            {move || log.0.with(|e| e.list.is_empty()).then(|| view! {
                <p class="empty">{td_string!(l, errors.activity_empty)}</p>
            })}
            <table class="data-table activity-table">
                <caption class="visually-hidden">{td_string!(l, errors.activity_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(l, errors.activity_time)}</th>
                        <th scope="col">{td_string!(l, errors.activity_operation)}</th>
                        <th scope="col">{td_string!(l, errors.activity_method)}</th>
                        <th scope="col">{td_string!(l, errors.activity_path)}</th>
                        <th scope="col">{td_string!(l, errors.activity_status)}</th>
                        <th scope="col">{td_string!(l, errors.activity_duration)}</th>
                        <th scope="col">{td_string!(l, errors.error_code)}</th>
                        <th scope="col"><span class="visually-hidden">{td_string!(l, errors.details)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || log.0.get().list key=|e| e.id let:entry>
                        <ActivityRow entry open />
                    </For>
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn ActivityRow(entry: ActivityEntry, open: RwSignal<Option<u64>>) -> impl IntoView {
    let id = entry.id;
    let is_open = move || open.get() == Some(id);
    let l = use_locale();
    let status = entry.status.map(|s| s.to_string()).unwrap_or_else(|| "—".into());
    let status_class = if entry.ok() { "pill pill-ok" } else { "pill pill-danger" };
    let retry = (entry.attempt > 1).then(|| format!(" {}", td_string!(l, errors.activity_try, attempt = entry.attempt)));
    let request = StoredValue::new(entry.request.clone());
    let label = td_string!(l, errors.activity_inspect_label, operation = &entry.request.operation, time = clock(entry.at_ms)).into_owned();
    let error = entry.error.as_ref().map(|e| match error_cell(e, l) {
        ErrorCell { label, is_code: true, detail } => view! { <code translate="no" title=detail>{label}</code> }.into_any(),
        ErrorCell { label, detail, .. } => view! { <span title=detail>{label}</span> }.into_any(),
    });
    view! {
        <tr>
            <td>{clock(entry.at_ms)}</td>
            <td><code>{entry.request.operation.clone()}</code>{retry}</td>
            <td translate="no">{entry.request.method.as_str()}</td>
            <td class="path-cell"><code>{entry.request.path_and_query.clone()}</code></td>
            <td><span class=status_class>{status}</span></td>
            <td>{td_string!(l, errors.activity_ms, ms = whole_ms(entry.duration_ms))}</td>
            <td>{error}</td>
            <td>
                <button class="link-button" aria-expanded=move || if is_open() { "true" } else { "false" } aria-label=label
                    on:click=move |_| open.set(if is_open() { None } else { Some(id) })>
                    {move || if is_open() { td_string!(l, errors.activity_hide) } else { td_string!(l, errors.activity_inspect) }}
                </button>
            </td>
        </tr>
        {move || is_open().then(|| view! {
            <tr class="inspector-row">
                <td colspan="8"><RequestInspector snapshot=request.get_value() /></td>
            </tr>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_shows_milliseconds() {
        // 2024-01-15T08:30:00.042Z
        assert_eq!(clock(1_705_307_400_042.0), "08:30:00.042");
    }

    #[test]
    fn failures_are_named_in_the_readers_language() {
        let service = ApiError::Service { status: 404, code: "SCM.0094".into(), message: "not found".into(), request_id: None };
        let cell = error_cell(&service, Locale::zh_CN);
        assert_eq!((cell.label.as_str(), cell.is_code, cell.detail.as_deref()), ("SCM.0094", true, Some("not found")));
        let net = error_cell(&ApiError::Network("Failed to fetch".into()), Locale::zh_CN);
        assert_eq!((net.label.as_str(), net.is_code, net.detail.as_deref()), ("网络错误", false, Some("Failed to fetch")));
        assert_eq!(error_cell(&ApiError::Aborted, Locale::en).label, "request abandoned");
    }

    #[test]
    fn durations_are_whole_milliseconds() {
        assert_eq!((whole_ms(12.4), whole_ms(12.5), whole_ms(0.0), whole_ms(-3.0)), (12, 13, 0, 0));
    }
}

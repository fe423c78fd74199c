//! The activity log: every request this tab sent, newest first, and for
//! each one the API inspector (request, curl, Python SDK). Memory only.

use leptos::prelude::*;

use crate::api::activity::{use_activity_log, ActivityEntry};
use crate::components::request_inspector::RequestInspector;
use crate::i18n::{td_string, use_locale};

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

#[component]
pub fn ActivityPage() -> impl IntoView {
    let log = use_activity_log().expect("the app provides the activity log");
    let open = RwSignal::new(None::<u64>);
    let l = use_locale();
    view! {
        <div class="page-head">
            <h1>{td_string!(l, activity.title)}</h1>
            <div class="actions">
                <button on:click=move |_| { open.set(None); log.clear(); }>{td_string!(l, activity.clear)}</button>
            </div>
        </div>
        <section class="panel" aria-label=td_string!(l, activity.requests)>
            <p class="lead">{td_string!(l, activity.lead)}</p>
            {move || log.0.with(|e| e.list.is_empty()).then(|| view! {
                <p class="empty">{td_string!(l, activity.empty)}</p>
            })}
            <table class="data-table activity-table">
                <caption class="visually-hidden">{td_string!(l, activity.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(l, activity.col_time)}</th>
                        <th scope="col">{td_string!(l, activity.col_operation)}</th>
                        <th scope="col">{td_string!(l, activity.col_method)}</th>
                        <th scope="col">{td_string!(l, activity.col_path)}</th>
                        <th scope="col">{td_string!(l, activity.col_status)}</th>
                        <th scope="col">{td_string!(l, activity.col_duration)}</th>
                        <th scope="col">{td_string!(l, activity.col_error)}</th>
                        <th scope="col"><span class="visually-hidden">{td_string!(l, activity.col_details)}</span></th>
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
    let l = use_locale();
    let id = entry.id;
    let is_open = move || open.get() == Some(id);
    let status = entry.status.map(|s| s.to_string()).unwrap_or_else(|| "—".into());
    let status_class = if entry.ok() { "pill pill-ok" } else { "pill pill-danger" };
    let retry = (entry.attempt > 1).then(|| td_string!(l, activity.try_n, n = entry.attempt).to_string());
    let request = StoredValue::new(entry.request.clone());
    let label = td_string!(l, activity.inspect_label, operation = &entry.request.operation, time = clock(entry.at_ms)).to_string();
    view! {
        <tr>
            <td>{clock(entry.at_ms)}</td>
            <td><code>{entry.request.operation.clone()}</code>{retry}</td>
            <td translate="no">{entry.request.method.as_str()}</td>
            <td class="path-cell"><code>{entry.request.path_and_query.clone()}</code></td>
            <td><span class=status_class>{status}</span></td>
            <td>{td_string!(l, activity.ms, n = whole_ms(entry.duration_ms))}</td>
            <td>{entry.error_code.clone().map(|c| view! { <code title=entry.error_message.clone()>{c}</code> })}</td>
            <td>
                <button class="link-button" aria-expanded=move || if is_open() { "true" } else { "false" } aria-label=label
                    on:click=move |_| open.set(if is_open() { None } else { Some(id) })>
                    {move || if is_open() { td_string!(l, activity.hide) } else { td_string!(l, activity.inspect) }}
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
    fn durations_are_whole_milliseconds() {
        assert_eq!((whole_ms(12.4), whole_ms(12.5), whole_ms(0.0), whole_ms(-3.0)), (12, 13, 0, 0));
    }
}

//! Shows an API error: what failed, the service's code and message, and
//! what to do about it.

use ccm_api::ApiError;
use leptos::prelude::*;

use crate::form::message::code_mark;
use crate::i18n::{td_string, use_locale, Locale};

/// What the user can do next: the catalogue's remedy for a documented
/// code, else advice for what the transport itself knows.
pub fn remedy(error: &ApiError, locale: Locale) -> Option<String> {
    if let Some(entry) = ccm_api::catalogue::hint(error) {
        return Some(crate::api::remedies::catalogue_remedy(entry, locale).to_owned());
    }
    let advice = match error {
        // The payload says where in English (logs); the user reads this.
        ApiError::NotSignedIn(_) => td_string!(locale, errors.remedy_not_signed_in),
        ApiError::Cancelled => td_string!(locale, errors.remedy_cancelled),
        ApiError::Network(_) => td_string!(locale, errors.remedy_network),
        ApiError::Service { status: 429, .. } | ApiError::Http { status: 429, .. } => td_string!(locale, errors.remedy_throttled),
        ApiError::Service { code, .. } if code.starts_with("PROXY.") => td_string!(locale, errors.remedy_proxy),
        ApiError::Service { status: 401, .. } | ApiError::Http { status: 401, .. } => {
            td_string!(locale, errors.remedy_unauthorized)
        }
        ApiError::Service { status: 403, .. } => td_string!(locale, errors.remedy_forbidden),
        ApiError::Http { status, .. } | ApiError::Service { status, .. } if *status >= 500 => {
            td_string!(locale, errors.remedy_server)
        }
        ApiError::Decode { .. } => td_string!(locale, errors.remedy_decode),
        _ => return None,
    };
    Some(advice.to_owned())
}

/// What happened, in two parts: the console's own words, in `locale`, and
/// the detail that is data (the service's message, the browser's reason,
/// the start of an unreadable answer), shown as is and marked
/// `translate="no"`. A service error has only the service's message.
/// One line for a status text: our words for what happened, or the
/// service's code in backticks (data, shown as code by `form::message`).
pub fn short_text(error: &ApiError, locale: Locale) -> String {
    match (error, what_happened(error, locale)) {
        (ApiError::Service { code, .. }, _) => code_mark(code),
        (_, (Some(ours), _)) => ours,
        (_, (None, detail)) => code_mark(&detail.unwrap_or_default()),
    }
}

pub fn what_happened(error: &ApiError, locale: Locale) -> (Option<String>, Option<String>) {
    let detail = |d: &str| (!d.trim().is_empty()).then(|| d.to_owned());
    let ours = match error {
        ApiError::Service { message, .. } => return (None, detail(message)),
        ApiError::Http { status, snippet } => {
            return (Some(td_string!(locale, errors.error_http, status = status).into_owned()), detail(snippet))
        }
        ApiError::Network(why) => return (Some(td_string!(locale, errors.error_network).to_owned()), detail(why)),
        ApiError::Decode { status, detail: why } => {
            return (Some(td_string!(locale, errors.error_decode, status = status).into_owned()), detail(why))
        }
        ApiError::Aborted => td_string!(locale, errors.error_aborted),
        ApiError::Cancelled => td_string!(locale, errors.error_cancelled),
        ApiError::NotSignedIn(_) => td_string!(locale, errors.error_not_signed_in),
    };
    (Some(ours.to_owned()), None)
}

/// `retry` adds a "Try again" button that repeats what failed (a read;
/// forms keep their own submit button, so a write is repeated only by the
/// user pressing it). A refused credential adds "Sign in again".
/// Whether a change may have been made although no success was seen: the
/// answer was cut short or unreadable, or the user stopped waiting.
pub fn outcome_unknown(error: &ApiError) -> bool {
    match error {
        ApiError::Network(_) | ApiError::Cancelled => true,
        ApiError::Decode { status, .. } => (200..300).contains(status),
        _ => false,
    }
}

/// The title of a failed change: `not_done` when the service refused it,
/// `unsure` when it may have gone through (see [`outcome_unknown`]).
pub fn change_failed_title(error: &ApiError, not_done: &str, unsure: &str) -> String {
    if outcome_unknown(error) { unsure } else { not_done }.to_owned()
}

#[component]
pub fn ApiErrorView(
    #[prop(into)] title: String,
    error: ApiError,
    #[prop(optional, into)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let locale = use_locale();
    let remedy = remedy(&error, locale);
    let session = use_context::<crate::state::session::Session>();
    // A refused credential; someone never signed in has the Settings remedy.
    let sign_in = (error.status() == Some(401))
        .then_some(session)
        .flatten()
        .map(|session| {
            view! { <button type="button" on:click=move |_| session.needs_sign_in.set(true)>{td_string!(locale, errors.sign_in_again)}</button> }
        });
    let retry = retry.map(|retry| {
        view! { <button type="button" class="primary" on:click=move |_| retry.run(())>{td_string!(locale, errors.try_again)}</button> }
    });
    let actions = (sign_in.is_some() || retry.is_some()).then(|| view! { <div class="actions">{sign_in}{retry}</div> });
    let (code, request_id) = match &error {
        ApiError::Service { code, request_id, .. } => (Some(code.clone()), request_id.clone()),
        _ => (None, None),
    };
    let status = error.status();
    // Our words in the user's language; the service's (or the browser's)
    // are data: translate="no", in a row of their own when both are there.
    let (ours, data) = what_happened(&error, locale);
    let (message, details) = match (ours, data) {
        (Some(ours), data) => (view! { <dd>{ours}</dd> }.into_any(), data),
        (None, data) => (view! { <dd translate="no">{data}</dd> }.into_any(), None),
    };
    view! {
        <div class="api-error" role="alert">
            <p class="api-error-title">{title}</p>
            <dl>
                {code.map(|c| view! { <dt>{td_string!(locale, errors.error_code)}</dt><dd><code>{c}</code></dd> })}
                {status.map(|s| view! { <dt>{td_string!(locale, errors.http_status)}</dt><dd>{s}</dd> })}
                <dt>{td_string!(locale, errors.message)}</dt>
                {message}
                {details.map(|d| view! { <dt>{td_string!(locale, errors.details)}</dt><dd translate="no">{d}</dd> })}
                {remedy.map(|r| view! { <dt>{td_string!(locale, errors.what_to_do)}</dt><dd>{r}</dd> })}
                {request_id.map(|id| view! { <dt>{td_string!(locale, errors.request_id)}</dt><dd><code>{id}</code></dd> })}
            </dl>
            {actions}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(error: &ApiError) -> Option<String> {
        remedy(error, Locale::en)
    }

    #[test]
    fn transport_advice_is_given_in_chinese_too() {
        let zh = |e: &ApiError| remedy(e, Locale::zh_CN).unwrap();
        assert!(zh(&service(429, "APIGW.0308")).contains("限流"));
        assert!(zh(&ApiError::Network("reset".into())).contains("代理"));
        assert!(zh(&service(401, "APIGW.0301")).contains("重新登录"));
        assert_eq!(remedy(&ApiError::Aborted, Locale::zh_CN), None);
    }

    fn service(status: u16, code: &str) -> ApiError {
        ApiError::Service { status, code: code.into(), message: String::new(), request_id: None }
    }

    #[test]
    fn documented_codes_take_the_catalogue_remedy() {
        assert_eq!(en(&service(401, "PCA.00010001")).as_deref(), Some("Sign in again to get a new IAM token."));
        assert_eq!(remedy(&service(401, "PCA.00010001"), Locale::zh_CN).as_deref(), Some("请重新登录，获取新的 IAM 令牌。"));
        assert_eq!(remedy(&service(500, "SCM.0100"), Locale::zh_CN).as_deref(), Some("请稍后重试；如果一直失败，请带上请求 ID 联系华为云技术支持。"));
    }

    #[test]
    fn other_failures_get_transport_advice() {
        assert!(en(&service(401, "APIGW.0301")).unwrap().contains("sign in again"));
        assert!(en(&service(403, "PROXY.HOST_NOT_ALLOWED")).unwrap().contains("proxy refused"));
        assert!(en(&ApiError::Network("x".into())).unwrap().contains("proxy"));
        assert!(en(&ApiError::Http { status: 503, snippet: String::new() }).unwrap().contains("Try again"));
        assert_eq!(en(&ApiError::Aborted), None);
    }

    #[test]
    fn what_happened_keeps_the_service_words_apart_from_ours() {
        let e = ApiError::Service { status: 500, code: "PCA.00000001".into(), message: "Internal error".into(), request_id: None };
        assert_eq!(what_happened(&e, Locale::zh_CN), (None, Some("Internal error".to_owned())));
        let cut = ApiError::Decode { status: 200, detail: "EOF while parsing".into() };
        // The English the faults spec reads, and its Chinese.
        assert_eq!(what_happened(&cut, Locale::en), (Some("unexpected response (HTTP 200)".into()), Some("EOF while parsing".into())));
        assert_eq!(what_happened(&cut, Locale::zh_CN).0.as_deref(), Some("无法读取的应答（HTTP 200）"));
        let net = ApiError::Network("TypeError: Failed to fetch".into());
        assert_eq!(what_happened(&net, Locale::en).0.as_deref(), Some("network error"));
        assert_eq!(what_happened(&net, Locale::zh_CN), (Some("网络错误".into()), Some("TypeError: Failed to fetch".into())));
        assert_eq!(what_happened(&ApiError::Cancelled, Locale::en).0.as_deref(), Some("you cancelled the request before the service answered"));
        assert_eq!(what_happened(&ApiError::Http { status: 502, snippet: " ".into() }, Locale::zh_CN), (Some("服务返回了 HTTP 502".into()), None));
        let not_in = ApiError::NotSignedIn("sign in on the Settings page first".into());
        assert_eq!(what_happened(&not_in, Locale::zh_CN), (Some("尚未登录".into()), None));
        assert_eq!(remedy(&not_in, Locale::zh_CN).as_deref(), Some("请先在设置页面登录；如果还没有连接配置，请先在该页面创建。"));
        assert!(en(&not_in).unwrap().contains("create a connection profile"));
    }

    #[test]
    fn a_change_without_a_readable_answer_is_not_called_failed() {
        let title = |e: &ApiError| change_failed_title(e, "The CA was not created", "The CA may have been created");
        assert_eq!(title(&service(500, "PCA.00000001")), "The CA was not created");
        assert_eq!(title(&service(429, "APIGW.0308")), "The CA was not created");
        assert_eq!(title(&ApiError::Decode { status: 200, detail: "EOF".into() }), "The CA may have been created");
        assert_eq!(title(&ApiError::Network("reset".into())), "The CA may have been created");
        assert_eq!(title(&ApiError::Cancelled), "The CA may have been created");
    }

    #[test]
    fn throttling_cancelling_and_unreadable_answers_say_what_to_do() {
        assert!(en(&service(429, "APIGW.0308")).unwrap().contains("Wait a few seconds"));
        assert!(en(&ApiError::Cancelled).unwrap().contains("check before sending it again"));
        let cut = ApiError::Decode { status: 200, detail: "EOF while parsing".into() };
        assert!(en(&cut).unwrap().contains("it was probably done"));
        assert!(en(&ApiError::Network("reset".into())).unwrap().contains("may have been done"));
    }
}

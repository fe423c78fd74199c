//! Shows an API error: what failed, the service's code and message, and
//! what to do about it.

use ccm_api::ApiError;
use leptos::prelude::*;

/// What the user can do next: the catalogue's remedy for a documented
/// code, else advice for what the transport itself knows.
pub fn remedy(error: &ApiError) -> Option<String> {
    if let Some(entry) = ccm_api::catalogue::hint(error) {
        return Some(entry.remedy.to_owned());
    }
    match error {
        ApiError::NotSignedIn(why) => Some(why.clone()),
        ApiError::Cancelled => Some(
            "Nothing was changed if it was a read. A change may still have been carried out: check before sending it again."
                .into(),
        ),
        ApiError::Network(_) => Some(
            "The connection failed before the answer was complete. Check the proxy base URL of the profile and that the proxy \
             is running. If you were changing something, it may have been done: check before sending it again."
                .into(),
        ),
        ApiError::Service { status: 429, .. } | ApiError::Http { status: 429, .. } => Some(
            "The service is throttling requests from this account. Wait a few seconds, then try again.".into(),
        ),
        ApiError::Service { code, .. } if code.starts_with("PROXY.") => {
            Some("The console's proxy refused the request; the message says why. Check the profile's endpoints.".into())
        }
        ApiError::Service { status: 401, .. } | ApiError::Http { status: 401, .. } => {
            Some("The credential was refused or has expired: sign in again on the Settings page.".into())
        }
        ApiError::Service { status: 403, .. } => {
            Some("The account lacks permission for this action: ask its administrator for the CCM policy.".into())
        }
        ApiError::Http { status, .. } | ApiError::Service { status, .. } if *status >= 500 => {
            Some("The service had a problem. Try again in a moment.".into())
        }
        ApiError::Decode { .. } => Some(
            "The service answered, but the answer could not be read (cut short or not the expected shape). If you were \
             changing something, it was probably done: check before sending it again. If this keeps happening, the \
             endpoint may not be a CCM service."
                .into(),
        ),
        _ => None,
    }
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
    let remedy = remedy(&error);
    let session = use_context::<crate::state::session::Session>();
    // A refused credential; someone never signed in has the Settings remedy.
    let sign_in = (error.status() == Some(401))
        .then_some(session)
        .flatten()
        .map(|session| {
            view! { <button type="button" on:click=move |_| session.needs_sign_in.set(true)>"Sign in again"</button> }
        });
    let retry = retry.map(|retry| {
        view! { <button type="button" class="primary" on:click=move |_| retry.run(())>"Try again"</button> }
    });
    let actions = (sign_in.is_some() || retry.is_some()).then(|| view! { <div class="actions">{sign_in}{retry}</div> });
    let (code, message, status, request_id) = match &error {
        ApiError::Service { status, code, message, request_id } => {
            (Some(code.clone()), message.clone(), Some(*status), request_id.clone())
        }
        other => (None, other.to_string(), other.status(), None),
    };
    view! {
        <div class="api-error" role="alert">
            <p class="api-error-title">{title}</p>
            <dl>
                {code.map(|c| view! { <dt>"Error code"</dt><dd><code>{c}</code></dd> })}
                {status.map(|s| view! { <dt>"HTTP status"</dt><dd>{s}</dd> })}
                <dt>"Message"</dt>
                <dd>{message}</dd>
                {remedy.map(|r| view! { <dt>"What to do"</dt><dd>{r}</dd> })}
                {request_id.map(|id| view! { <dt>"Request id"</dt><dd><code>{id}</code></dd> })}
            </dl>
            {actions}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(status: u16, code: &str) -> ApiError {
        ApiError::Service { status, code: code.into(), message: String::new(), request_id: None }
    }

    #[test]
    fn documented_codes_take_the_catalogue_remedy() {
        let entry = ccm_api::catalogue::lookup("PCA.00010001").unwrap();
        assert_eq!(remedy(&service(401, "PCA.00010001")).as_deref(), Some(entry.remedy));
    }

    #[test]
    fn other_failures_get_transport_advice() {
        assert!(remedy(&service(401, "APIGW.0301")).unwrap().contains("sign in again"));
        assert!(remedy(&service(403, "PROXY.HOST_NOT_ALLOWED")).unwrap().contains("proxy refused"));
        assert!(remedy(&ApiError::Network("x".into())).unwrap().contains("proxy"));
        assert!(remedy(&ApiError::Http { status: 503, snippet: String::new() }).unwrap().contains("Try again"));
        assert_eq!(remedy(&ApiError::Aborted), None);
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
        assert!(remedy(&service(429, "APIGW.0308")).unwrap().contains("Wait a few seconds"));
        assert!(remedy(&ApiError::Cancelled).unwrap().contains("check before sending it again"));
        let cut = ApiError::Decode { status: 200, detail: "EOF while parsing".into() };
        assert!(remedy(&cut).unwrap().contains("it was probably done"));
        assert!(remedy(&ApiError::Network("reset".into())).unwrap().contains("may have been done"));
    }
}

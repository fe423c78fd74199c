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
        ApiError::Network(_) => Some(
            "The request did not reach the service. Check the proxy base URL of the profile and that the proxy is running."
                .into(),
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
        ApiError::Decode { .. } => Some("The answer did not have the expected shape; the endpoint may not be a CCM service.".into()),
        _ => None,
    }
}

#[component]
pub fn ApiErrorView(#[prop(into)] title: String, error: ApiError) -> impl IntoView {
    let remedy = remedy(&error);
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
}

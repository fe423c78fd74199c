//! "View CRL" (`/pca/cas/:id/crl?serial=…`): the CA's published CRL, fetched
//! from its distribution point through the console's proxy (the emulator
//! serves it too) and decoded as the toolbox does, with a warning when its
//! next update has passed. `serial` (from a revoked certificate's details)
//! picks out that certificate's entry.

use ccm_api::pca::cas::{show_certificate_authority, CertificateAuthority};
use ccm_api::ApiError;
use ccm_pki::crl::{decode_crl, CrlInfo};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::crl_view::CrlDetails;
use crate::expiry::date;
use crate::state::session::use_session;

/// Why no CRL is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum CrlViewError {
    Api(ApiError),
    NotPublished,
    BadAddress(String),
    Fetch(String),
    Decode(String),
}

impl std::fmt::Display for CrlViewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Api(e) => write!(f, "{e}"),
            Self::NotPublished => f.write_str("This CA does not publish a CRL (publish one from the CA's details)."),
            Self::BadAddress(a) => write!(f, "The CRL's address \"{a}\" is not an http(s) URL."),
            Self::Fetch(why) => write!(f, "The CRL could not be fetched: {why}"),
            Self::Decode(why) => write!(f, "The file at the CRL's address is not a readable CRL: {why}"),
        }
    }
}

/// Where the browser fetches a distribution point: through the proxy
/// (`{proxy}/{host}{path}`) when the profile uses one, else directly.
pub fn crl_fetch_url(distribution_point: &str, proxy: Option<&str>) -> Result<String, CrlViewError> {
    let bad = || CrlViewError::BadAddress(distribution_point.to_owned());
    let rest = distribution_point
        .strip_prefix("https://")
        .or_else(|| distribution_point.strip_prefix("http://"))
        .ok_or_else(bad)?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if host.is_empty() || host.contains(['@', ' ']) {
        return Err(bad());
    }
    Ok(match proxy.map(|p| p.trim_end_matches('/')) {
        Some(p) => format!("{p}/{host}{}", if path.is_empty() { "/" } else { path }),
        None => distribution_point.to_owned(),
    })
}

async fn fetch_crl(url: &str) -> Result<CrlInfo, CrlViewError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| CrlViewError::Fetch(format!("{e} (is the address reachable from this browser?)")))?;
    if response.status() != 200 {
        return Err(CrlViewError::Fetch(format!("the server answered HTTP {}", response.status())));
    }
    let bytes = response.binary().await.map_err(|e| CrlViewError::Fetch(e.to_string()))?;
    decode_crl(&bytes).map_err(|e| CrlViewError::Decode(e.to_string()))
}

struct Loaded {
    ca: CertificateAuthority,
    url: String,
    crl: CrlInfo,
}

#[component]
pub fn CrlViewerPage() -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let params = use_params_map();
    let query = use_query_map();
    let id = params.with_untracked(|p| p.get("id")).unwrap_or_default();
    let serial = query.with_untracked(|q| q.get("serial")).filter(|s| !s.is_empty());
    let state = RwSignal::new(None::<Result<Loaded, CrlViewError>>);
    let proxy = session.connection().and_then(|c| c.proxy);
    {
        let id = id.clone();
        spawn_local(async move {
            let result = async {
                let ca = api.json::<CertificateAuthority>(show_certificate_authority(&id)).await.map_err(CrlViewError::Api)?;
                let point = ca
                    .crl_configuration
                    .as_ref()
                    .filter(|c| c.enabled)
                    .and_then(|c| c.crl_dis_point.clone())
                    .ok_or(CrlViewError::NotPublished)?;
                let url = crl_fetch_url(&point, proxy.as_deref())?;
                let crl = fetch_crl(&url).await?;
                Ok(Loaded { ca, url: point, crl })
            }
            .await;
            if !matches!(result, Err(CrlViewError::Api(ApiError::Aborted))) {
                state.try_set(Some(result));
            }
        });
    }
    let now_ms = js_sys::Date::now() as i64;
    view! {
        <p><a href="/pca/cas">"Back to the CA hierarchy"</a></p>
        {move || match state.with(|s| s.as_ref().map(|r| r.as_ref().map(|l| (l.ca.clone(), l.url.clone(), l.crl.clone())).map_err(Clone::clone))) {
            None => view! { <p class="loading" role="status">"Fetching the CRL…"</p> }.into_any(),
            Some(Err(CrlViewError::Api(e))) => view! { <ApiErrorView title="Could not load the CA" error=e /> }.into_any(),
            Some(Err(e)) => view! { <p class="field-error" role="alert">{e.to_string()}</p> }.into_any(),
            Some(Ok((ca, url, crl))) => {
                let entry = serial.as_ref().map(|s| match crl.entry_for(s) {
                    Some(r) => format!(
                        "Certificate {s} is in this CRL: revoked on {}{}.",
                        date(r.revoked_at * 1000),
                        r.reason.map(|x| format!(" ({x})")).unwrap_or_default()
                    ),
                    None => format!("Certificate {s} is not in this CRL: it was revoked after the CRL was made, or not by this CA."),
                });
                view! {
                    <h1>{format!("CRL of {}", ca.distinguished_name.common_name)}</h1>
                    <section class="panel" aria-label="Certificate revocation list">
                        <p class="muted">"Published at " <code>{url}</code></p>
                        {entry.map(|e| view! { <p class="tool-match" role="status">{e}</p> })}
                        <CrlDetails crl now_ms />
                    </section>
                }.into_any()
            }
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fetch_goes_through_the_proxy() {
        let point = "https://ccm.ap-southeast-3.myhuaweicloud.com/v1/crl/my-bucket/ca-1.crl";
        assert_eq!(
            crl_fetch_url(point, Some("/proxy/")).unwrap(),
            "/proxy/ccm.ap-southeast-3.myhuaweicloud.com/v1/crl/my-bucket/ca-1.crl"
        );
        assert_eq!(crl_fetch_url(point, None).unwrap(), point);
        assert_eq!(crl_fetch_url("http://127.0.0.1:8091", Some("/proxy")).unwrap(), "/proxy/127.0.0.1:8091/");
        assert!(matches!(crl_fetch_url("ftp://x/y", None), Err(CrlViewError::BadAddress(_))));
        assert!(matches!(crl_fetch_url("https:///y", None), Err(CrlViewError::BadAddress(_))));
    }
}

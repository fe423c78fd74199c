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
use crate::i18n::format::date;
use crate::i18n::{Locale, td_string, use_locale};
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

impl CrlViewError {
    /// What the page shows (`Display` stays English for logs and tests).
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Self::Api(e) => e.to_string(),
            Self::NotPublished => td_string!(locale, pca.crl_err_not_published).to_owned(),
            Self::BadAddress(a) => td_string!(locale, pca.crl_err_bad_address, address = a).to_string(),
            Self::Fetch(why) => td_string!(locale, pca.crl_err_fetch, why = why).to_string(),
            Self::Decode(why) => td_string!(locale, pca.crl_err_decode, why = why).to_string(),
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

async fn fetch_crl(url: &str, locale: Locale) -> Result<CrlInfo, CrlViewError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| CrlViewError::Fetch(td_string!(locale, pca.crl_why_unreachable, error = e).to_string()))?;
    if response.status() != 200 {
        return Err(CrlViewError::Fetch(td_string!(locale, pca.crl_why_status, status = response.status()).to_string()));
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
    let i18n = use_locale();
    let locale = i18n;
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
                let crl = fetch_crl(&url, locale).await?;
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
        <p><a href="/pca/cas">{td_string!(i18n, pca.back_to_hierarchy)}</a></p>
        {move || match state.with(|s| s.as_ref().map(|r| r.as_ref().map(|l| (l.ca.clone(), l.url.clone(), l.crl.clone())).map_err(Clone::clone))) {
            None => view! { <p class="loading" role="status">{td_string!(i18n, pca.fetching_crl)}</p> }.into_any(),
            Some(Err(CrlViewError::Api(e))) => view! { <ApiErrorView title=td_string!(i18n, pca.ca_load_failed) error=e /> }.into_any(),
            Some(Err(e)) => view! { <p class="field-error" role="alert">{e.message(i18n)}</p> }.into_any(),
            Some(Ok((ca, url, crl))) => {
                let l = i18n;
                let entry = serial.as_ref().map(|s| match crl.entry_for(s) {
                    Some(r) => match r.reason {
                        Some(x) => td_string!(l, pca.crl_entry_found_reason, serial = s, date = date(l, r.revoked_at * 1000), reason = x),
                        None => td_string!(l, pca.crl_entry_found, serial = s, date = date(l, r.revoked_at * 1000)),
                    }
                    .to_string(),
                    None => td_string!(l, pca.crl_entry_missing, serial = s).to_string(),
                });
                view! {
                    <h1>{td_string!(l, pca.crl_of, name = &ca.distinguished_name.common_name).to_string()}</h1>
                    <section class="panel" aria-label=move || td_string!(i18n, pca.crl_section)>
                        <p class="muted">{td_string!(i18n, pca.published_at)} <code>{url}</code></p>
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

//! Parts of a page whose code loads when they are first shown.
//!
//! The certificate code (ASN.1 decoding, chains, ZIP and PKCS#12 building:
//! about half a megabyte of wasm) is needed by a few panels, not by the
//! lists they sit in. `lazy_component!` wraps such a panel in a split point
//! of the `pki` module, so the CA hierarchy, the private certificates and
//! the SSL certificates draw their rows without it; the panel's code
//! arrives when a details panel first opens.
//!
//! A panel whose code cannot be fetched renders a [`ChunkLoadError`] into
//! the page's error boundary, which offers "Reload" (layout/lazy_page.rs).

use std::future::Future;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::lazy_page::{loaded_or_error, ChunkLoadError};
use crate::i18n::{td_string, use_locale};

/// Shows "Loading…" until `load` has fetched the panel's code, then the panel.
pub fn lazy_view(load: impl Future<Output = Result<AnyView, ChunkLoadError>> + 'static) -> impl IntoView {
    // The loader's future holds JS values; the browser has one thread.
    let load = SendWrapper::new(load);
    view! {
        <Suspense fallback=|| view! { <p class="muted" role="status">{td_string!(use_locale(), common.loading)}</p> }>
            {Suspend::new(async move { loaded_or_error(load.await) })}
        </Suspense>
    }
}

/// Declares a component that renders another one from a lazily loaded module:
///
/// `lazy_component!(LazyCaCertificate = CaCertificate(ca: CertificateAuthority, now: i64) in pki via load_ca_certificate);`
///
/// `LazyCaCertificate` takes the same props as `CaCertificate`; `pki` names
/// the module file (`split_pki.wasm`); `load_ca_certificate` names the split
/// point and must be unique.
macro_rules! lazy_component {
    ($lazy:ident = $component:ident ( $($prop:ident : $ty:ty),* $(,)? ) in $module:ident via $load:ident) => {
        #[::wasm_split_helpers::wasm_split($module, fallible)]
        fn $load($($prop: $ty),*) -> Result<::leptos::prelude::AnyView, $crate::layout::lazy_page::ChunkLoadError> {
            use ::leptos::prelude::*;
            Ok(view! { <$component $($prop=$prop)* /> }.into_any())
        }

        #[::leptos::component]
        pub fn $lazy($($prop: $ty),*) -> impl ::leptos::prelude::IntoView {
            $crate::layout::lazy_view::lazy_view($load($($prop),*))
        }
    };
}

pub(crate) use lazy_component;

//! Pages compiled into wasm chunks of their own, loaded when first visited.
//!
//! `lazy_page!` declares a route type for the router's `Lazy<…>`: its view is
//! a `wasm_split` split point, so the page's code (and whatever only it
//! uses) leaves the first download. `scripts/build-console.sh` runs the
//! splitter that cuts the chunks out after cargo has linked the whole app.
//!
//! A chunk can fail to arrive (network gone, a deployment replaced the
//! files). The split points are `fallible`, so that failure becomes a
//! [`ChunkLoadError`] rendered into the nearest `ErrorBoundary`, which
//! offers "Reload"; without `fallible` the loader panics and the panic
//! aborts the whole module, leaving a blank page.

use leptos::prelude::*;

use crate::i18n::{td_string, use_locale};

/// A page's code could not be fetched or instantiated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this page's code could not be loaded")]
pub struct ChunkLoadError;

impl From<wasm_split_helpers::SplitLoaderError> for ChunkLoadError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ChunkLoadError
    }
}

/// `Ok(view)` as loaded, or the failure as a view the error boundary catches.
pub fn loaded_or_error(loaded: Result<AnyView, ChunkLoadError>) -> AnyView {
    match loaded {
        Ok(view) => view,
        Err(error) => Err::<(), _>(error).into_any(),
    }
}

/// Gives way once to the tasks already queued, then continues.
pub async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(move |cx| {
        if yielded {
            return std::task::Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref();
        std::task::Poll::Pending
    })
    .await
}

/// What the error boundary shows for a chunk that did not load.
#[component]
pub fn ChunkLoadFailed() -> impl IntoView {
    let locale = use_locale();
    let reload = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="panel error-panel" role="alert">
            <h2>{td_string!(locale, layout.chunk_failed_title)}</h2>
            <p>{td_string!(locale, layout.chunk_failed_text)}</p>
            <button class="primary" on:click=reload>{td_string!(locale, common.reload)}</button>
        </section>
    }
}

/// Declares a lazily loaded route:
/// `lazy_page!(RouteType, page_fn in module, PageComponent);` or, for a page
/// whose first reads can start before its code arrives,
/// `lazy_page!(RouteType, page_fn in module, PageComponent, prefetch = reads_fn);`
/// with `reads_fn: fn() -> Vec<ApiRequest>` (see `api/prefetch.rs`).
///
/// `page_fn` names the split point and must be unique. `module` names the
/// chunk file (`split_<module>.wasm`): pages a user goes between share
/// one, so that the code they share loads as that one file instead of the
/// splitter's many small `chunk_<n>.wasm` files, one per combination of
/// pages that use a piece of code (each file is a request and an
/// instantiation; 80 of them cost more than their bytes).
macro_rules! lazy_page {
    ($route:ident, $chunk:ident in $module:ident, $page:ident) => {
        $crate::layout::lazy_page::lazy_page!($route, $chunk in $module, $page, prefetch = ::std::vec::Vec::new);
    };
    ($route:ident, $chunk:ident in $module:ident, $page:ident, prefetch = $reads:path) => {
        pub struct $route;

        impl ::leptos_router::LazyRoute for $route {
            // Runs when the route matches, before the chunk is fetched.
            fn data() -> Self {
                let reads: ::std::vec::Vec<::ccm_api::ApiRequest> = $reads();
                if !reads.is_empty() {
                    $crate::api::client::use_api().prefetch(reads);
                }
                $route
            }

            async fn view(_: Self) -> ::leptos::prelude::AnyView {
                #[::wasm_split_helpers::wasm_split($module, fallible)]
                fn $chunk() -> Result<::leptos::prelude::AnyView, $crate::layout::lazy_page::ChunkLoadError> {
                    use ::leptos::prelude::*;
                    Ok(view! { <$page /> }.into_any())
                }
                // Let the reads `data` queued go out first: the chunk loader
                // starts its fetches as soon as it is polled, and the
                // browser's few connections per host would make the page's
                // API reads wait behind a dozen wasm files.
                $crate::layout::lazy_page::yield_now().await;
                $crate::layout::lazy_page::loaded_or_error($chunk().await)
            }
        }
    };
}

pub(crate) use lazy_page;

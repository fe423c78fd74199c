//! Reads a route starts before its page's code has arrived.
//!
//! A lazily loaded page sends its first request only once its chunk is
//! fetched and instantiated, so the network sat idle while the code
//! loaded. A route's `data()` (see `layout/lazy_page.rs`) runs as soon as
//! the route matches and hands the page's first reads to
//! [`Api::prefetch`](super::client::Api::prefetch), which sends them
//! through [`start`]; when the page then sends the same read,
//! [`Api::raw`](super::client::Api::raw) takes the answer that is already
//! on its way instead of sending it again.
//!
//! Each prefetched answer is used once, by the first identical read, and
//! only within [`FRESH_MS`] of its start: anything later is sent anew.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use ccm_api::{ApiError, ApiRequest, Method};
use leptos::task::spawn_local;

use super::transport::RawResponse;

/// How long a prefetched answer may wait for its page.
const FRESH_MS: f64 = 10_000.0;

type Answer = Result<RawResponse, ApiError>;

/// What identifies a read: two requests with the same key get the same answer.
pub(super) fn key_of(req: &ApiRequest) -> Option<String> {
    (req.method == Method::Get).then(|| format!("{:?} {:?} {}?{}", req.service, req.method, req.path, req.query_string()))
}

/// One prefetched answer, filled in when it arrives.
#[derive(Default)]
struct Slot {
    answer: Option<Answer>,
    waiting: Option<Waker>,
}

struct Pending {
    key: String,
    started_ms: f64,
    slot: Rc<RefCell<Slot>>,
}

thread_local! {
    static PENDING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The current address's query parameters, for a route whose page (and its
/// own reading of the address) has not loaded yet.
pub fn url_query() -> impl Fn(&str) -> Option<String> {
    let search = leptos::prelude::window().location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    move |key| params.as_ref()?.get(key)
}

/// Sends each read in `reqs` now with `send`, for the page that is about to
/// ask for it (through [`Api::prefetch`](super::client::Api::prefetch)).
pub(super) fn start<F, Fut>(reqs: Vec<ApiRequest>, send: F)
where
    F: Fn(ApiRequest) -> Fut,
    Fut: Future<Output = Answer> + 'static,
{
    let now = now_ms();
    for req in reqs {
        let Some(key) = key_of(&req) else { continue };
        let slot = Rc::new(RefCell::new(Slot::default()));
        PENDING.with(|p| {
            let mut p = p.borrow_mut();
            p.retain(|e| now - e.started_ms < FRESH_MS && e.key != key);
            p.push(Pending { key, started_ms: now, slot: slot.clone() });
        });
        let arriving = send(req);
        spawn_local(async move {
            let answer = arriving.await;
            let mut s = slot.borrow_mut();
            s.answer = Some(answer);
            if let Some(w) = s.waiting.take() {
                w.wake();
            }
        });
    }
}

/// The prefetched answer to `req`, if one was started recently; taken, so
/// a second identical read is sent again.
pub(super) fn take(req: &ApiRequest) -> Option<impl Future<Output = Answer>> {
    let key = key_of(req)?;
    let now = now_ms();
    let slot = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        p.retain(|e| now - e.started_ms < FRESH_MS);
        let at = p.iter().position(|e| e.key == key)?;
        Some(p.remove(at).slot)
    })?;
    Some(Arrival(slot))
}

/// Resolves when the slot's answer is in.
struct Arrival(Rc<RefCell<Slot>>);

impl Future for Arrival {
    type Output = Answer;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Answer> {
        let mut s = self.0.borrow_mut();
        match s.answer.take() {
            Some(answer) => Poll::Ready(answer),
            None => {
                s.waiting = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

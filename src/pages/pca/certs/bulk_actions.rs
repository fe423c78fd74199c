//! Bulk revoke and delete on the certificate list: the shared bar
//! (`list/bulk_bar.rs`) with the two actions, a revocation reason, and
//! each certificate's request planned by `bulk.rs`.

use ccm_api::catalogue::CertAction;
use ccm_api::common::RevocationReason;
use ccm_api::pca::certs::PrivateCertificate;
use leptos::prelude::*;

use super::bulk::plan;
use super::revoke_reason::ReasonSelect;
use crate::list::bulk_bar::{BulkAction, BulkBar};
use crate::list::selection::{Noun, Picked, Selection};
use crate::i18n::{td_string, use_locale, Locale};

/// What the certificate list counts, in `l`.
pub fn certificates(l: Locale) -> Noun {
    Noun { one: td_string!(l, pca.noun_cert_one), many: td_string!(l, pca.noun_cert_many) }
}

#[component]
pub fn CertBulkBar(
    selection: RwSignal<Selection>,
    /// The certificates on the page (read when a run starts).
    on_page: Signal<Vec<PrivateCertificate>>,
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_locale();
    // Empty: no reason given (the body is then `{}`).
    let reason = RwSignal::new(String::new());
    let revoke = BulkAction {
        verb: td_string!(i18n, pca.action_revoke),
        done_word: td_string!(i18n, pca.done_revoked),
        danger: false,
        // A plain fn (no captures): the locale is read from the context it runs in.
        question: |n| td_string!(use_locale(), pca.bulk_revoke_question, n = n).to_string(),
        fields: Some(ViewFn::from(move || {
            // Each confirmation starts without a reason.
            reason.set(String::new());
            view! { <ReasonSelect id="bulk-revoke-reason" value=reason /> }
        })),
        plan: Callback::new(move |picked: Vec<Picked>| {
            let r = reason.get_untracked();
            let why = (!r.is_empty()).then(|| RevocationReason::from_wire(&r));
            on_page.with_untracked(|certs| plan(CertAction::Revoke, picked, certs, why, i18n))
        }),
    };
    let delete = BulkAction {
        verb: td_string!(i18n, pca.action_delete),
        done_word: td_string!(i18n, pca.done_deleted),
        danger: true,
        question: |n| td_string!(use_locale(), pca.bulk_delete_question, n = n).to_string(),
        fields: None,
        plan: Callback::new(move |picked: Vec<Picked>| on_page.with_untracked(|certs| plan(CertAction::Delete, picked, certs, None, i18n))),
    };
    view! {
        <BulkBar selection noun=certificates(i18n) hint=td_string!(i18n, pca.bulk_hint)
            actions=vec![revoke, delete] on_done />
    }
}

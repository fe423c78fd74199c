//! The certificate toolbox (`/tools`): paste or drop certificates, CSRs,
//! keys, CRLs, PKCS#12 files and Java KeyStores in any mix; read what each
//! holds, which key belongs to what, the chains, the problems, and convert.
//! Everything runs in this tab: no request is made and no account is
//! needed, so it works offline once loaded. Signed in, the account's CAs
//! are read once (`account.rs`) and chains are checked against them too.
//! The reading and the checks are ccm-pki's (`inspect`, `findings`); this
//! page only lays them out.

mod account;
mod convert;
mod inputs;
mod objects;
mod words;

use ccm_pki::findings::{analyse, Analysis};
use ccm_pki::inspect::{read_sources, Reading, Source};
use leptos::prelude::*;
use crate::i18n::{td_string, use_locale, Locale};
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::short_text;
use crate::form::message::message_view;
use crate::state::session::use_session;
use account::{keep_own, load_account_cas, own_count, AccountCa};
use convert::ConvertPanel;
use inputs::{InputFile, InputPanel};
use objects::{ChainList, ObjectCard, ProblemList, UnreadableList};

/// Name of the pasted text in messages ("pasted text, block 2 (line 14)").
pub const PASTED: &str = "pasted text";

/// What the page shows for the current inputs. Pure.
#[derive(Debug, Clone, Default)]
pub struct Inspection {
    pub reading: Reading,
    pub analysis: Analysis,
}

/// Reads the inputs, then the account's CAs (`account`, empty when signed
/// out) as issuers to build chains with.
pub fn inspect(text: &str, files: &[InputFile], password: &str, now_secs: i64, account: &[AccountCa]) -> Inspection {
    let mut sources = vec![Source { name: PASTED, bytes: text.as_bytes() }];
    sources.extend(files.iter().map(|f| Source { name: &f.name, bytes: &f.bytes }));
    sources.extend(account.iter().map(|a| Source { name: &a.source, bytes: a.pem.as_bytes() }));
    let reading = read_sources(&sources, password);
    let analysis = analyse(&reading.objects, now_secs);
    Inspection { reading, analysis }
}

/// "3 objects read, 0 could not be read, 1 problem found."
pub fn summary(l: Locale, objects: usize, unreadable: usize, problems: usize) -> String {
    let objects = if objects == 1 { td_string!(l, tools.objects_one).to_owned() } else { td_string!(l, tools.objects_n, count = objects) };
    let problems = if problems == 1 { td_string!(l, tools.problems_one).to_owned() } else { td_string!(l, tools.problems_n, count = problems) };
    td_string!(l, tools.summary, objects, unreadable, problems)
}

#[component]
pub fn ToolboxPage() -> impl IntoView {
    let locale = use_locale();
    let text = RwSignal::new(String::new());
    let files = RwSignal::new(Vec::<InputFile>::new());
    let password = RwSignal::new(String::new());
    let now_ms = js_sys::Date::now() as i64;
    // Signed in: the account's CAs, read once. Signed out: no request at all.
    let account = RwSignal::new(Vec::<AccountCa>::new());
    let account_state = RwSignal::new(None::<String>);
    if use_session().is_signed_in() {
        let api = use_api();
        account_state.set(Some(td_string!(locale, tools.reading_cas).to_owned()));
        spawn_local(async move {
            match load_account_cas(api).await {
                Ok(cas) => {
                    account_state.try_set(Some(td_string!(locale, tools.cas_checked, count = cas.len())));
                    account.try_set(cas);
                }
                Err(ccm_api::ApiError::Aborted) => {}
                Err(e) => {
                    account_state.try_set(Some(td_string!(locale, tools.cas_unreadable, error = short_text(&e, locale)).to_string()));
                }
            }
        });
    }
    // Keys have no equality (they are secrets), so every new reading counts as a change.
    let result = Memo::new_with_compare(
        move |_| {
            let (t, p) = (text.get(), password.get());
            account.with(|a| {
                let mut all = files.with(|f| inspect(&t, f, &p, now_ms / 1000, a));
                let own = own_count(&all.reading.objects, a);
                keep_own(&mut all.reading, &mut all.analysis, own, a);
                (all, own)
            })
        },
        |_, _| true,
    );
    let empty = move || result.with(|(r, own)| *own == 0 && r.reading.unreadable.is_empty());
    view! {
        <div class="page-head"><h1>{td_string!(locale, tools.title)}</h1></div>
        <p class="lead">{td_string!(locale, tools.lead)}</p>
        {move || account_state.get().map(|s| view! { <p class="field-hint" role="status" aria-label=td_string!(locale, tools.your_cas)>{message_view(Some(s))}</p> })}
        <InputPanel text files password />
        {move || if empty() {
            view! { <p class="muted" role="status">{td_string!(locale, tools.nothing_yet)}</p> }.into_any()
        } else {
            let (r, own) = result.get();
            let count = own;
            let problems = r.analysis.problems.len();
            view! {
                <p role="status" class="tools-summary">{summary(locale, count, r.reading.unreadable.len(), problems)}</p>
                <UnreadableList unreadable=r.reading.unreadable.clone() />
                <ProblemList problems=r.analysis.problems.clone() />
                <ChainList objects=r.reading.objects.clone() analysis=r.analysis.clone() own />
                <ConvertPanel objects=r.reading.objects.clone() analysis=r.analysis.clone() own />
                <ol class="tool-objects" aria-label=td_string!(locale, tools.objects_read)>
                    {r.reading.objects.iter().take(own).enumerate().map(|(i, f)| view! {
                        <li><ObjectCard index=i found=f.clone() analysis=r.analysis.clone() now_ms /></li>
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::account::*;
    use ccm_pki::findings::Problem;
    use crate::pki::fixtures::Hierarchy;

    fn visible(mut i: Inspection, own: usize, account: &[AccountCa]) -> Inspection {
        keep_own(&mut i.reading, &mut i.analysis, own, account);
        i
    }

    #[test]
    fn a_pasted_leaf_finds_its_issuers_among_the_account_cas() {
        let h = Hierarchy::new();
        let account = vec![AccountCa::new("Fixture Sub CA", h.sub_pem.clone()), AccountCa::new("Fixture Root", h.root_pem.clone())];

        // Signed out: the issuer is missing.
        let alone = inspect(&h.leaf_pem, &[], "", h.now, &[]);
        assert!(alone.analysis.problems.iter().any(|p| matches!(p, Problem::MissingIssuer { certificate: 0, .. })), "{:?}", alone.analysis.problems);

        let both = inspect(&h.leaf_pem, &[], "", h.now, &account);
        let own = own_count(&both.reading.objects, &account);
        assert_eq!((own, both.reading.objects.len()), (1, 3));
        let shown = visible(both.clone(), own, &account);
        assert!(!shown.analysis.problems.iter().any(|p| matches!(p, Problem::MissingIssuer { .. })), "{:?}", shown.analysis.problems);
        assert_eq!(shown.analysis.chains.len(), 1, "the account's own chains are not listed");
        let chain = &shown.analysis.chains[0];
        assert!(chain.complete);
        let names: Vec<String> = chain.members.iter().map(|&m| member_name(&both.reading.objects, m, own, Locale::en)).collect();
        assert_eq!(names, ["#1 leaf.example", "your CA Fixture Sub CA", "your CA Fixture Root"]);
        assert_eq!(issued_by_account(chain, &both.reading.objects, own, Locale::en).as_deref(), Some("Issued by your CA Fixture Sub CA:"));

        // The user's own intermediate comes first; the account's root closes the chain.
        let with_sub = inspect(&format!("{}{}", h.leaf_pem, h.sub_pem), &[], "", h.now, &account[1..]);
        let own = own_count(&with_sub.reading.objects, &account[1..]);
        let shown = visible(with_sub.clone(), own, &account[1..]);
        let chain = &shown.analysis.chains[0];
        assert!(chain.complete);
        assert_eq!(issued_by_account(chain, &with_sub.reading.objects, own, Locale::en), None);
        assert_eq!(member_name(&with_sub.reading.objects, chain.members[2], own, Locale::en), "your CA Fixture Root");
    }
}

//! The certificate toolbox (`/tools`): paste or drop certificates, CSRs,
//! keys, CRLs, PKCS#12 files and Java KeyStores in any mix; read what each
//! holds, which key belongs to what, the chains, the problems, and convert.
//! Everything runs in this tab: no request is made and no account is
//! needed, so it works offline once loaded. The reading and the checks are
//! ccm-pki's (`inspect`, `findings`); this page only lays them out.

mod convert;
mod inputs;
mod objects;
mod words;

use ccm_pki::findings::{analyse, Analysis};
use ccm_pki::inspect::{read_sources, Reading, Source};
use leptos::prelude::*;
use crate::i18n::{t, t_string, td_string, use_i18n, Locale};

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

pub fn inspect(text: &str, files: &[InputFile], password: &str, now_secs: i64) -> Inspection {
    let mut sources = vec![Source { name: PASTED, bytes: text.as_bytes() }];
    sources.extend(files.iter().map(|f| Source { name: &f.name, bytes: &f.bytes }));
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
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let files = RwSignal::new(Vec::<InputFile>::new());
    let password = RwSignal::new(String::new());
    let now_ms = js_sys::Date::now() as i64;
    // Keys have no equality (they are secrets), so every new reading counts as a change.
    let result = Memo::new_with_compare(
        move |_| {
            let (t, p) = (text.get(), password.get());
            files.with(|f| inspect(&t, f, &p, now_ms / 1000))
        },
        |_, _| true,
    );
    let empty = move || result.with(|r| r.reading.objects.is_empty() && r.reading.unreadable.is_empty());
    view! {
        <div class="page-head"><h1>{t!(i18n, tools.title)}</h1></div>
        <p class="lead">{t!(i18n, tools.lead)}</p>
        <InputPanel text files password />
        {move || if empty() {
            view! { <p class="muted" role="status">{t!(i18n, tools.nothing_yet)}</p> }.into_any()
        } else {
            let r = result.get();
            let count = r.reading.objects.len();
            let problems = r.analysis.problems.len();
            view! {
                <p role="status" class="tools-summary">{summary(i18n.get_locale(), count, r.reading.unreadable.len(), problems)}</p>
                <UnreadableList unreadable=r.reading.unreadable.clone() />
                <ProblemList problems=r.analysis.problems.clone() />
                <ChainList objects=r.reading.objects.clone() analysis=r.analysis.clone() />
                <ConvertPanel objects=r.reading.objects.clone() analysis=r.analysis.clone() />
                <ol class="tool-objects" aria-label=move || t_string!(i18n, tools.objects_read)>
                    {r.reading.objects.iter().enumerate().map(|(i, f)| view! {
                        <li><ObjectCard index=i found=f.clone() analysis=r.analysis.clone() now_ms /></li>
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
    }
}

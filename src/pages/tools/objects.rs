//! The toolbox's results: each object read (numbered as the problems name
//! them), what could not be read, the problems, and the chains.

use ccm_pki::decode::{CsrInfo, ExtensionInfo};
use ccm_pki::findings::{Analysis, Problem};
use ccm_pki::inspect::{Found, Object, Unreadable};
use leptos::prelude::*;

use super::account::{issued_by_account, member_name};
use crate::components::cert_info::{key_usage_text, CertificateDetails};
use crate::components::crl_view::CrlDetails;
use crate::components::download::download;
use crate::form::message::{code_mark, message_view};
use super::words::{kind_label, origin_text, problem_text, unreadable_text};
use crate::i18n::{td_string, use_locale};

/// "#1, #3" for object indices.
fn numbers(indices: impl Iterator<Item = usize>) -> String {
    indices.map(|i| format!("#{}", i + 1)).collect::<Vec<_>>().join(", ")
}

/// The file name for a download of object `index` in `format` ("pem"/"der").
pub fn file_name(index: usize, object: &Object, pem: bool) -> String {
    let ext = object.extension();
    if pem {
        format!("object-{}.{}.pem", index + 1, ext)
    } else {
        format!("object-{}.{}.der", index + 1, ext)
    }
}

#[component]
fn Extensions(extensions: Vec<ExtensionInfo>) -> impl IntoView {
    (!extensions.is_empty()).then(|| {
        let count = extensions.len();
        let locale = use_locale();
        view! {
            <details class="tool-extensions">
                <summary>{td_string!(locale, tools.extensions, count)}</summary>
                <ul>
                    {extensions.into_iter().map(|e| {
                        // Extension names and values are X.509's own terms: data.
                        let name = e.name.map(str::to_owned).unwrap_or_else(|| e.oid.clone());
                        let text = e.text.map(|t| format!(": {t}")).unwrap_or_default();
                        let critical = e.critical.then(|| view! { " "{td_string!(locale, tools.critical)} });
                        view! { <li><span translate="no">{name}</span>{critical}<span translate="no">{text}</span></li> }
                    }).collect_view()}
                </ul>
            </details>
        }
    })
}

#[component]
fn CsrDetails(csr: CsrInfo) -> impl IntoView {
    let sans = csr.subject_alt_names.iter().map(|s| format!("{}: {}", s.kind(), s.value())).collect::<Vec<_>>().join(", ");
    let eku = csr.extended_key_usage.iter().map(|e| e.name()).collect::<Vec<_>>().join(", ");
    let locale = use_locale();
    let or_none = move |v: Option<String>, none: &'static str| match v {
        Some(v) => view! { <span translate="no">{v}</span> }.into_any(),
        None => view! { <span>{none}</span> }.into_any(),
    };
    view! {
        <dl class="details-list">
            <dt>{td_string!(locale, tools.subject)}</dt><dd translate="no">{csr.subject.clone()}</dd>
            <dt>{td_string!(locale, tools.public_key)}</dt><dd translate="no">{csr.public_key.description()}</dd>
            <dt>{td_string!(locale, tools.signature_algorithm)}</dt><dd translate="no">{csr.signature_algorithm.clone()}</dd>
            <dt>{td_string!(locale, tools.signature)}</dt><dd>{if csr.signature_valid { td_string!(locale, tools.signature_ok) } else { td_string!(locale, tools.signature_bad) }}</dd>
            <dt>{td_string!(locale, tools.alt_names)}</dt><dd>{or_none((!sans.is_empty()).then_some(sans), td_string!(locale, tools.none))}</dd>
            <dt>{td_string!(locale, tools.key_usage)}</dt><dd>{or_none(key_usage_text(&csr.key_usage), td_string!(locale, tools.none_requested))}</dd>
            <dt>{td_string!(locale, tools.ext_key_usage)}</dt><dd>{or_none((!eku.is_empty()).then_some(eku), td_string!(locale, tools.none_requested))}</dd>
        </dl>
        <Extensions extensions=csr.extensions />
    }
}

#[component]
pub fn ObjectCard(index: usize, found: Found, analysis: Analysis, now_ms: i64) -> impl IntoView {
    let locale = use_locale();
    let l = locale;
    let number = index + 1;
    let kind = kind_label(&found.object, l);
    let title = found.object.title();
    let heading_id = format!("tool-object-{number}");
    let matches = match &found.object {
        Object::Key(_) => {
            let t: Vec<usize> = analysis.targets_of(index).collect();
            Some(if t.is_empty() {
                td_string!(locale, tools.belongs_to_nothing).to_owned()
            } else {
                td_string!(locale, tools.belongs_to, list = numbers(t.into_iter()))
            })
        }
        Object::Certificate(_) | Object::Csr(_) => analysis.key_of(index).map(|k| td_string!(locale, tools.private_key_is, n = k + 1)),
        _ => None,
    };
    let own_problems: Vec<String> = analysis.problems.iter().filter(|p| p.object() == Some(index)).map(|p| problem_text(p, l)).collect();
    let origin = origin_text(&found.origin, l);
    let object = StoredValue::new(found.object.clone());
    let error = RwSignal::new(None::<String>);
    let save = move |pem: bool| {
        let result = object.with_value(|o| {
            let (der, label) = o.der_and_label().map_err(|e| td_string!(l, tools.build_failed, detail = code_mark(&e.to_string())).to_string())?;
            let name = file_name(index, o, pem);
            if pem {
                download(&name, ccm_pki::pem::encode_pem(label, &der).as_bytes(), "application/x-pem-file")
            } else {
                download(&name, &der, "application/octet-stream")
            }
            .map_err(|e| e.words(l))
        });
        error.set(result.err());
    };
    let body = match found.object {
        Object::Certificate(c) => view! {
            <CertificateDetails info=(*c).clone() now_ms />
            <Extensions extensions=c.extensions />
        }.into_any(),
        Object::Csr(c) => view! { <CsrDetails csr=*c /> }.into_any(),
        Object::Key(k) => view! {
            <dl class="details-list">
                <dt>{td_string!(locale, tools.key)}</dt><dd translate="no">{k.public_key.description()}</dd>
            </dl>
        }.into_any(),
        Object::PublicKey(p) => view! {
            <dl class="details-list"><dt>{td_string!(locale, tools.key)}</dt><dd translate="no">{p.description()}</dd></dl>
        }.into_any(),
        Object::Crl(c) => view! { <CrlDetails crl=*c now_ms /> }.into_any(),
    };
    view! {
        <article class="panel tool-object" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{td_string!(locale, tools.object_heading, n = number, kind)}" "<span translate="no">{title}</span></h2>
            <p class="muted">{td_string!(locale, tools.from, origin)}</p>
            {matches.map(|m| view! { <p class="tool-match">{m}</p> })}
            {(!own_problems.is_empty()).then(|| view! {
                <ul class="tool-problems" aria-label=td_string!(locale, tools.problems_of, n = number)>
                    {own_problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            })}
            {body}
            <div class="actions">
                <button type="button" on:click=move |_| save(true) aria-label=td_string!(locale, tools.download_pem_of, n = number)>{td_string!(locale, tools.download_pem)}</button>
                <button type="button" on:click=move |_| save(false) aria-label=td_string!(locale, tools.download_der_of, n = number)>{td_string!(locale, tools.download_der)}</button>
            </div>
            <p class="field-error" role="alert">{move || message_view(error.get())}</p>
        </article>
    }
}

#[component]
pub fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="panel" aria-labelledby="tools-problems">
            <h2 id="tools-problems">{td_string!(locale, tools.problems)}</h2>
            {if problems.is_empty() {
                view! { <p class="ok-note">{td_string!(locale, tools.no_problem)}</p> }.into_any()
            } else {
                view! {
                    <ul class="tool-problems" aria-label=td_string!(locale, tools.problems_found)>
                        {problems.into_iter().map(|p| {
                            let class = if p.is_error() { "bad" } else { "warn" };
                            let code = p.code();
                            view! { <li class=class data-code=code>{move || problem_text(&p, locale)}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn UnreadableList(unreadable: Vec<Unreadable>) -> impl IntoView {
    let locale = use_locale();
    (!unreadable.is_empty()).then(|| view! {
        <section class="panel api-error" aria-labelledby="tools-unreadable">
            <h2 id="tools-unreadable">{td_string!(locale, tools.unreadable)}</h2>
            <ul aria-label=td_string!(locale, tools.unreadable)>
                {unreadable.into_iter().map(|u| view! { <li>{move || unreadable_text(&u, locale)}</li> }).collect_view()}
            </ul>
        </section>
    })
}

#[component]
pub fn ChainList(
    objects: Vec<Found>,
    analysis: Analysis,
    /// Objects before this index are the user's; the rest, the account's CAs.
    own: usize,
) -> impl IntoView {
    let locale = use_locale();
    let chains: Vec<_> = analysis.chains.into_iter().filter(|c| c.members.len() > 1 || c.complete).collect();
    (!chains.is_empty()).then(|| view! {
        <section class="panel" aria-labelledby="tools-chains">
            <h2 id="tools-chains">{td_string!(locale, tools.chains)}</h2>
            <ul aria-label=td_string!(locale, tools.chains_built)>
                {chains.into_iter().map(|c| {
                    let l = locale;
                    let path = c.members.iter().map(|&m| member_name(&objects, m, own, l)).collect::<Vec<_>>().join(" → ");
                    let end = if c.complete { td_string!(locale, tools.chain_complete) } else { td_string!(locale, tools.chain_incomplete) };
                    let by = issued_by_account(&c, &objects, own, l).map(|s| view! { {s}" " });
                    view! { <li>{by}<span translate="no">{path}</span>" "{td_string!(locale, tools.chain_line, end)}</li> }
                }).collect_view()}
            </ul>
        </section>
    })
}

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

/// "#1, #3" for object indices.
fn numbers(indices: impl Iterator<Item = usize>) -> String {
    indices.map(|i| format!("#{}", i + 1)).collect::<Vec<_>>().join(", ")
}

/// "Certificate", "Private key", "CSR".
fn capitalised(kind: &str) -> String {
    let mut c = kind.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
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
        view! {
            <details class="tool-extensions">
                <summary>{format!("Extensions ({count})")}</summary>
                <ul>
                    {extensions.into_iter().map(|e| {
                        let name = e.name.map(str::to_owned).unwrap_or_else(|| e.oid.clone());
                        let text = e.text.map(|t| format!(": {t}")).unwrap_or_default();
                        view! { <li>{format!("{name}{}{text}", if e.critical { " (critical)" } else { "" })}</li> }
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
    view! {
        <dl class="details-list">
            <dt>"Subject"</dt><dd>{csr.subject.clone()}</dd>
            <dt>"Public key"</dt><dd>{csr.public_key.description()}</dd>
            <dt>"Signature algorithm"</dt><dd>{csr.signature_algorithm.clone()}</dd>
            <dt>"Signature"</dt><dd>{if csr.signature_valid { "verifies with the key it carries" } else { "does NOT verify" }}</dd>
            <dt>"Alternative names"</dt><dd>{if sans.is_empty() { "none".to_owned() } else { sans }}</dd>
            <dt>"Key usage"</dt><dd>{key_usage_text(&csr.key_usage).unwrap_or_else(|| "none requested".to_owned())}</dd>
            <dt>"Extended key usage"</dt><dd>{if eku.is_empty() { "none requested".to_owned() } else { eku }}</dd>
        </dl>
        <Extensions extensions=csr.extensions />
    }
}

#[component]
pub fn ObjectCard(index: usize, found: Found, analysis: Analysis, now_ms: i64) -> impl IntoView {
    let number = index + 1;
    let kind = found.object.kind();
    let title = found.object.title();
    let heading_id = format!("tool-object-{number}");
    let matches = match &found.object {
        Object::Key(_) => {
            let t: Vec<usize> = analysis.targets_of(index).collect();
            Some(if t.is_empty() { "Belongs to: nothing given here".to_owned() } else { format!("Belongs to: {}", numbers(t.into_iter())) })
        }
        Object::Certificate(_) | Object::Csr(_) => analysis.key_of(index).map(|k| format!("Private key: #{}", k + 1)),
        _ => None,
    };
    let own_problems: Vec<String> = analysis.problems.iter().filter(|p| p.object() == Some(index)).map(ToString::to_string).collect();
    let object = StoredValue::new(found.object.clone());
    let error = RwSignal::new(None::<String>);
    let save = move |pem: bool| {
        let result = object.with_value(|o| {
            let (der, label) = o.der_and_label().map_err(|e| e.to_string())?;
            let name = file_name(index, o, pem);
            if pem {
                download(&name, ccm_pki::pem::encode_pem(label, &der).as_bytes(), "application/x-pem-file")
            } else {
                download(&name, &der, "application/octet-stream")
            }
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
                <dt>"Key"</dt><dd>{k.public_key.description()}</dd>
            </dl>
        }.into_any(),
        Object::PublicKey(p) => view! {
            <dl class="details-list"><dt>"Key"</dt><dd>{p.description()}</dd></dl>
        }.into_any(),
        Object::Crl(c) => view! { <CrlDetails crl=*c now_ms /> }.into_any(),
    };
    view! {
        <article class="panel tool-object" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{format!("#{number} {}: {title}", capitalised(kind))}</h2>
            <p class="muted">{format!("From {}", found.origin)}</p>
            {matches.map(|m| view! { <p class="tool-match">{m}</p> })}
            {(!own_problems.is_empty()).then(|| view! {
                <ul class="tool-problems" aria-label=format!("Problems of #{number}")>
                    {own_problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            })}
            {body}
            <div class="actions">
                <button type="button" on:click=move |_| save(true) aria-label=format!("Download PEM of #{number}")>"Download PEM"</button>
                <button type="button" on:click=move |_| save(false) aria-label=format!("Download DER of #{number}")>"Download DER"</button>
            </div>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </article>
    }
}

#[component]
pub fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="tools-problems">
            <h2 id="tools-problems">"Problems"</h2>
            {if problems.is_empty() {
                view! { <p class="ok-note">"No problem found."</p> }.into_any()
            } else {
                view! {
                    <ul class="tool-problems" aria-label="Problems found">
                        {problems.into_iter().map(|p| {
                            let class = if p.is_error() { "bad" } else { "warn" };
                            view! { <li class=class>{p.to_string()}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn UnreadableList(unreadable: Vec<Unreadable>) -> impl IntoView {
    (!unreadable.is_empty()).then(|| view! {
        <section class="panel api-error" aria-labelledby="tools-unreadable">
            <h2 id="tools-unreadable">"Could not be read"</h2>
            <ul aria-label="Could not be read">
                {unreadable.into_iter().map(|u| view! { <li>{u.to_string()}</li> }).collect_view()}
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
    let chains: Vec<_> = analysis.chains.into_iter().filter(|c| c.members.len() > 1 || c.complete).collect();
    (!chains.is_empty()).then(|| view! {
        <section class="panel" aria-labelledby="tools-chains">
            <h2 id="tools-chains">"Chains"</h2>
            <ul aria-label="Chains built">
                {chains.into_iter().map(|c| {
                    let path = c.members.iter().map(|&m| member_name(&objects, m, own)).collect::<Vec<_>>().join(" → ");
                    let end = if c.complete { "complete up to a self-signed root" } else { "incomplete: its issuer was not given" };
                    let by = issued_by_account(&c, &objects, own).map(|s| format!("{s}: ")).unwrap_or_default();
                    view! { <li>{format!("{by}{path} ({end})")}</li> }
                }).collect_view()}
            </ul>
        </section>
    })
}

//! The expiry radar: what expires within 7, 30 or 90 days, soonest first,
//! each linking to its details and to its renewal; private certificates
//! can be picked and renewed together; and the whole inventory as CSV.

use leptos::prelude::*;

use super::inventory::{radar, renew_private_href, to_csv, Item, Kind, WINDOWS};
use super::Loaded;
use crate::components::badges::ExpiryBadge;
use crate::components::download::download;
use crate::expiry::date;
use crate::list::selection::{SelectRow, Selection};

#[component]
pub fn ExpiryRadar(loaded: Loaded, now: RwSignal<i64>, on_reload: Callback<()>) -> impl IntoView {
    let window = RwSignal::new(30i64);
    // Private certificates picked for "Renew selected".
    let picked = RwSignal::new(Selection::default());
    // Every kind that loaded; a kind that failed shows its error above.
    let items = Memo::new(move |_| {
        let mut all: Vec<Item> = Vec::new();
        for slot in loaded {
            slot.with(|s| {
                if let Some(Ok(v)) = s {
                    all.extend(v.iter().cloned());
                }
            });
        }
        all
    });
    let ready = move || loaded.iter().all(|l| l.with(Option::is_some));
    let export = move |_| {
        let csv = to_csv(&items.get_untracked(), now.get_untracked());
        let name = format!("ccm-inventory-{}.csv", date(now.get_untracked()));
        let _ = download(&name, csv.as_bytes(), "text/csv");
    };
    view! {
        <section class="panel" aria-labelledby="radar-title">
            <div class="page-head">
                <h2 id="radar-title">"Expiry radar"</h2>
                <div class="actions">
                    <button disabled=move || !ready() on:click=export>"Export inventory (CSV)"</button>
                    <button on:click=move |_| on_reload.run(())>"Reload"</button>
                </div>
            </div>
            <fieldset class="layout-toggle">
                <legend>"Expiring within"</legend>
                {WINDOWS.map(|days| view! {
                    <label class="check">
                        <input type="radio" name="radar-window" prop:checked=move || window.get() == days
                            on:change=move |_| window.set(days) />
                        {format!("{days} days")}
                    </label>
                }).into_iter().collect::<Vec<_>>()}
            </fieldset>
            {move || {
                let hits = radar(&items.get(), now.get(), window.get());
                let n = now.get();
                let caption = format!("Expiring within {} days", window.get());
                if hits.is_empty() {
                    return view! { <p class="empty">{if ready() { format!("Nothing expires within {} days.", window.get()) } else { "Loading…".to_owned() }}</p> }.into_any();
                }
                view! {
                    <table class="data-table">
                        <caption>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Name"</th>
                                <th scope="col">"Kind"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col">"Expires"</th>
                                <th scope="col">"Time left"</th>
                                <th scope="col">"Renew"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {hits.into_iter().map(|i| {
                                let t = i.not_after_ms.unwrap_or_default();
                                let pick = (i.kind == Kind::Private && i.renew_href.is_some())
                                    .then(|| view! { <SelectRow selection=picked id=i.id.clone() name=i.name.clone() /> });
                                // Named "Renew" only: the row names the certificate, and
                                // the name link stays the only link named after it.
                                let renew = i.renew_href.clone().map(|href| view! { <a href=href>"Renew"</a> });
                                view! {
                                    <tr>
                                        <td><a href=i.href.clone()>{i.name.clone()}</a></td>
                                        <td>{i.kind.label()}</td>
                                        <td>{i.status_label.clone()}</td>
                                        <td>{date(t)}</td>
                                        <td><ExpiryBadge not_after=t now=n /></td>
                                        <td><span class="radar-renew">{pick}{renew}</span></td>
                                    </tr>
                                }
                            }).collect::<Vec<_>>()}
                        </tbody>
                    </table>
                    <RenewSelected picked />
                }.into_any()
            }}
        </section>
    }
}

/// How many private certificates are picked, and the link that renews
/// them together (the renewal page runs them one after the other).
#[component]
fn RenewSelected(picked: RwSignal<Selection>) -> impl IntoView {
    view! {
        <div class="actions" role="group" aria-label="Renew several">
            <p>{move || picked.with(|s| match s.len() {
                0 => "Tick private certificates to renew them together.".to_owned(),
                1 => "1 private certificate selected".to_owned(),
                n => format!("{n} private certificates selected"),
            })}</p>
            {move || picked.with(|s| (!s.is_empty()).then(|| {
                let href = renew_private_href(s.picked().iter().map(|p| p.id.as_str()));
                view! { <a class="button primary" href=href>"Renew selected"</a> }
            }))}
        </div>
    }
}

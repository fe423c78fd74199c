//! The expiry radar: what expires within 7, 30 or 90 days, soonest first,
//! each linking to its details and to its renewal; private certificates
//! can be picked and renewed together; and the whole inventory as CSV.

use leptos::prelude::*;

use super::inventory::{radar, renew_private_href, status_text, to_csv, Item, Kind, WINDOWS};
use super::Loaded;
use crate::components::badges::ExpiryBadge;
use crate::components::download::download;
use crate::i18n::format::date;
use crate::i18n::{td_string, use_locale};
use crate::list::selection::{SelectRow, Selection};

#[component]
pub fn ExpiryRadar(loaded: Loaded, now: RwSignal<i64>, on_reload: Callback<()>) -> impl IntoView {
    let i18n = use_locale();
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
        // The file name is data: the same in every language.
        let name = format!("ccm-inventory-{}.csv", crate::expiry::date(now.get_untracked()));
        let _ = download(&name, csv.as_bytes(), "text/csv");
    };
    view! {
        <section class="panel" aria-labelledby="radar-title">
            <div class="page-head">
                <h2 id="radar-title">{td_string!(i18n, overview.radar_title)}</h2>
                <div class="actions">
                    <button disabled=move || !ready() on:click=export>{td_string!(i18n, overview.export_csv)}</button>
                    <button on:click=move |_| on_reload.run(())>{td_string!(i18n, overview.reload)}</button>
                </div>
            </div>
            <fieldset class="layout-toggle">
                <legend>{td_string!(i18n, overview.expiring_within)}</legend>
                {WINDOWS.map(|days| view! {
                    <label class="check">
                        <input type="radio" name="radar-window" prop:checked=move || window.get() == days
                            on:change=move |_| window.set(days) />
                        {td_string!(i18n, overview.days, n = days)}
                    </label>
                }).into_iter().collect::<Vec<_>>()}
            </fieldset>
            {move || {
                let hits = radar(&items.get(), now.get(), window.get());
                let n = now.get();
                let locale = i18n;
                let caption = td_string!(i18n, overview.caption, n = window.get()).to_string();
                if hits.is_empty() {
                    return view! { <p class="empty">{if ready() { td_string!(i18n, overview.nothing_expires, n = window.get()).to_string() } else { td_string!(i18n, overview.loading).to_owned() }}</p> }.into_any();
                }
                view! {
                    <table class="data-table">
                        <caption>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{td_string!(i18n, overview.col_name)}</th>
                                <th scope="col">{td_string!(i18n, overview.col_kind)}</th>
                                <th scope="col">{td_string!(i18n, overview.col_status)}</th>
                                <th scope="col">{td_string!(i18n, overview.col_expires)}</th>
                                <th scope="col">{td_string!(i18n, overview.col_time_left)}</th>
                                <th scope="col">{td_string!(i18n, overview.col_renew)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {hits.into_iter().map(|i| {
                                let t = i.not_after_ms.unwrap_or_default();
                                let pick = (i.kind == Kind::Private && i.renew_href.is_some())
                                    .then(|| view! { <SelectRow selection=picked id=i.id.clone() name=i.name.clone() /> });
                                // Named "Renew" only: the row names the certificate, and
                                // the name link stays the only link named after it.
                                let renew = i.renew_href.clone().map(|href| view! { <a href=href>{td_string!(i18n, overview.renew)}</a> });
                                view! {
                                    <tr>
                                        <td translate="no"><a href=i.href.clone()>{i.name.clone()}</a></td>
                                        <td>{i.kind.name(locale)}</td>
                                        <td>{status_text(&i, locale)}</td>
                                        <td>{date(locale, t)}</td>
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
    let i18n = use_locale();
    view! {
        <div class="actions" role="group" aria-label=move || td_string!(i18n, overview.renew_several)>
            <p>{move || picked.with(|s| match s.len() {
                0 => td_string!(i18n, overview.renew_tick).to_owned(),
                1 => td_string!(i18n, overview.renew_one_selected).to_owned(),
                n => td_string!(i18n, overview.renew_n_selected, n = n).to_string(),
            })}</p>
            {move || picked.with(|s| (!s.is_empty()).then(|| {
                let href = renew_private_href(s.picked().iter().map(|p| p.id.as_str()));
                view! { <a class="button primary" href=href>{td_string!(i18n, overview.renew_selected)}</a> }
            }))}
        </div>
    }
}

//! A decoded CRL: issuer, this and next update (with a warning once the
//! next update has passed), CRL number, and the revoked serials with their
//! dates and reasons. Used by the toolbox and the CA's "View CRL".

use ccm_pki::crl::CrlInfo;
use leptos::prelude::*;

use crate::expiry::date;

/// "overdue by 3 days" once `next_update` has passed, else `None`.
pub fn overdue_text(crl: &CrlInfo, now_secs: i64) -> Option<String> {
    let next = crl.next_update?;
    crl.is_overdue(now_secs).then(|| {
        let days = (now_secs - next).div_euclid(86_400);
        match days {
            0 => "overdue: its next update passed less than a day ago".to_owned(),
            1 => "overdue by 1 day".to_owned(),
            n => format!("overdue by {n} days"),
        }
    })
}

/// The DOM id of a serial's row, so a certificate's details can link to it.
pub fn entry_anchor(serial_hex: &str) -> String {
    format!("crl-entry-{}", serial_hex.trim_start_matches('0').to_ascii_uppercase())
}

#[component]
pub fn CrlDetails(crl: CrlInfo, now_ms: i64) -> impl IntoView {
    let overdue = overdue_text(&crl, now_ms / 1000);
    let next = crl.next_update.map(|n| date(n * 1000)).unwrap_or_else(|| "not given".to_owned());
    let count = crl.revoked.len();
    let rows = crl
        .revoked
        .iter()
        .map(|r| {
            view! {
                <tr id=entry_anchor(&r.serial_hex)>
                    <td><code>{r.serial_hex.clone()}</code></td>
                    <td>{date(r.revoked_at * 1000)}</td>
                    <td>{r.reason.unwrap_or("not given")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <dl class="details-list crl-info">
            <dt>"Issuer"</dt><dd>{crl.issuer.clone()}</dd>
            <dt>"This update"</dt><dd>{date(crl.this_update * 1000)}</dd>
            <dt>"Next update"</dt>
            <dd>{next}{overdue.map(|o| view! { " " <span class="pill pill-warn" role="status">{format!("Warning: {o}")}</span> })}</dd>
            <dt>"CRL number"</dt><dd>{crl.crl_number.clone().unwrap_or_else(|| "none".to_owned())}</dd>
            <dt>"Signature algorithm"</dt><dd>{crl.signature_algorithm.clone()}</dd>
            <dt>"SHA-256 fingerprint"</dt><dd><code class="fingerprint">{crl.sha256_fingerprint.clone()}</code></dd>
        </dl>
        {if count == 0 {
            view! { <p>"No certificate is revoked in this list."</p> }.into_any()
        } else {
            view! {
                <table class="crl-entries" aria-label="Revoked certificates">
                    <caption>{format!("Revoked certificates ({count})")}</caption>
                    <thead><tr><th scope="col">"Serial number"</th><th scope="col">"Revoked on"</th><th scope="col">"Reason"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }.into_any()
        }}
    }
}

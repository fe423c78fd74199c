//! Every field of the selected CA, as the list and details calls return it.

use ccm_api::pca::cas::CertificateAuthority;
use leptos::prelude::*;

use super::actions::CaActions;
use super::certificate::LazyCaCertificate;
use super::crl::CrlPanel;
use super::exports::CaExports;
use super::import::LazyCaImport;
use super::similar::similar_href;
use crate::components::badges::{CaStatusBadge, ExpiryBadge};
use crate::state::ca_revocations::CaRevocations;
use crate::components::tags::TagEditor;
use ccm_api::pca::tags::TagTarget;
use crate::i18n::format::{date, number};
use crate::i18n::{td_string, use_locale};
use crate::pages::pca::labels;

#[component]
pub fn CaDetails(ca: CertificateAuthority, all: Vec<CertificateAuthority>, now: i64, on_changed: Callback<()>) -> impl IntoView {
    let i18n = use_locale();
    let l = i18n;
    let dn = ca.distinguished_name.clone();
    let row = |label: &'static str, value: Option<String>| {
        value.map(|v| view! { <dt>{label}</dt><dd>{v}</dd> })
    };
    // Data (names, ids, serials) read as they are, in every language.
    let data_row = |label: &'static str, value: Option<String>| {
        value.map(|v| view! { <dt>{label}</dt><dd translate="no">{v}</dd> })
    };
    let crl = ca.crl_configuration.clone();
    let revoked = CaRevocations::get_or_provide().of(&ca);
    // The key usages of the CA's certificate, once its panel decoded it:
    // "Create similar" carries them (the record has none).
    let usages = RwSignal::new(None::<Vec<String>>);
    let similar_of = StoredValue::new(ca.clone());
    view! {
        <aside class="panel details" aria-label=td_string!(i18n, pca.details_of, name = dn.common_name.clone()).to_string()>
            <h2 translate="no">{dn.common_name.clone()}</h2>
            <p><CaStatusBadge status=ca.status.clone() revoked=revoked.is_some() />" "{labels::ca_type(&ca.kind, l)}
               {ca.not_after.map(|t| view! { " " <ExpiryBadge not_after=t now /> })}</p>
            <dl class="details-list">
                {data_row(td_string!(l, pca.d_ca_id), Some(ca.ca_id.clone()))}
                {row(td_string!(l, pca.d_revoked), revoked.as_ref().map(|r| td_string!(l, pca.d_revoked_value, revoked = r.describe(l)).to_string()))}
                {data_row(td_string!(l, pca.d_issuer), ca.issuer_name.clone().or_else(|| ca.issuer_id.clone()))}
                {data_row(td_string!(l, pca.d_country), dn.country.clone())}
                {data_row(td_string!(l, pca.d_state), dn.state.clone())}
                {data_row(td_string!(l, pca.d_locality), dn.locality.clone())}
                {data_row(td_string!(l, pca.d_organization), dn.organization.clone())}
                {data_row(td_string!(l, pca.d_unit), dn.organizational_unit.clone())}
                {data_row(td_string!(l, pca.d_key_algorithm), ca.key_algorithm.as_ref().map(|k| k.label().to_owned()))}
                {data_row(td_string!(l, pca.d_signature_algorithm), ca.signature_algorithm.as_ref().map(|s| s.label().to_owned()))}
                {row(td_string!(l, pca.d_path_length), ca.path_length.map(|p| if ca.is_root() { td_string!(l, pca.unlimited).to_owned() } else { p.to_string() }))}
                {data_row(td_string!(l, pca.d_serial), ca.serial_number.clone())}
                {row(td_string!(l, pca.d_valid_from), ca.not_before.map(|t| date(l, t)))}
                {row(td_string!(l, pca.d_valid_until), ca.not_after.map(|t| date(l, t)))}
                {row(td_string!(l, pca.d_created), ca.create_time.map(|t| date(l, t)))}
                {row(td_string!(l, pca.d_deletion), ca.delete_time.map(|t| date(l, t)))}
                {row(td_string!(l, pca.d_gen_mode), ca.gen_mode.as_ref().map(|g| labels::gen_mode(g, l)))}
                {row(td_string!(l, pca.d_frozen), ca.is_frozen().then(|| td_string!(l, pca.d_frozen_value).to_owned()))}
                {row(td_string!(l, pca.d_free_left), ca.free_quota.map(|q| number(l, q)))}
                {data_row(td_string!(l, pca.d_enterprise_project), ca.enterprise_project_id.clone())}
                {row(td_string!(l, pca.d_crl), Some(match &crl {
                    Some(c) if c.enabled => match (&c.obs_bucket_name, c.valid_days) {
                        (Some(b), Some(d)) => td_string!(l, pca.crl_published_bucket_days, bucket = b, days = d).to_string(),
                        (Some(b), None) => td_string!(l, pca.crl_published_bucket, bucket = b).to_string(),
                        (None, Some(d)) => td_string!(l, pca.crl_published_days, days = d).to_string(),
                        (None, None) => td_string!(l, pca.crl_published).to_owned(),
                    },
                    _ => td_string!(l, pca.crl_not_published).to_owned(),
                }))}
            </dl>
            <p><a href=format!("/pca/certs?ca_id={}", ca.ca_id)>{td_string!(i18n, pca.issued_by_this_ca)}</a>
               " · "<a href=move || similar_href(&similar_of.get_value(), usages.get().as_deref())>{td_string!(i18n, pca.create_similar)}</a></p>
            <CaActions ca=ca.clone() all on_changed />
            <LazyCaCertificate ca=ca.clone() now usages />
            <CaExports ca=ca.clone() />
            <LazyCaImport ca=ca.clone() on_changed />
            <CrlPanel ca=ca.clone() on_changed />
            <TagEditor target=TagTarget::Ca id=ca.ca_id.clone() name=dn.common_name.clone() />
        </aside>
    }
}

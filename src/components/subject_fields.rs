//! The subject (distinguished name) fields of a CA or certificate form,
//! with the contract's messages beside each and, for a certificate, the
//! issuer's values shown as what an empty field inherits.

use leptos::prelude::*;

use crate::components::with_data::marked;
use crate::form::draft::SubjectDraft;
use crate::form::field::RuleField;
use crate::form::request_form::RequestForm;
use crate::i18n::{td_string, use_locale};

crate::draft_signals!(pub SubjectSignals for SubjectDraft {
    common_name: String,
    country: String,
    state: String,
    locality: String,
    organization: String,
    organizational_unit: String,
});

/// What an empty field becomes, per part (country, state, locality,
/// organization, unit); `None` where nothing is inherited.
pub type Inherited = [Option<String>; 5];

/// Required markers, messages and "left" come from the form (the
/// contract's rules for its operation).
#[component]
pub fn SubjectFields(
    #[prop(into)] id_prefix: String,
    signals: SubjectSignals,
    form: RequestForm,
    /// Values an empty field inherits (shown as placeholders), if any.
    #[prop(optional)]
    inherited: Option<Inherited>,
) -> impl IntoView {
    let l = use_locale();
    let id = |part: &str| format!("{id_prefix}-{part}");
    let [country, state, locality, org, ou] = inherited.unwrap_or_default();
    let placeholder = |v: Option<String>| v.map(|v| td_string!(l, common.inherited, value = marked(&v)).to_string()).unwrap_or_default();
    view! {
        <RuleField form path="distinguished_name.common_name" id=id("cn") label=td_string!(l, common.dn_common_name) value=signals.common_name />
        <div class="field-row">
            <RuleField form path="distinguished_name.country" id=id("country") label=td_string!(l, common.dn_country) value=signals.country
                placeholder=placeholder(country) />
            <RuleField form path="distinguished_name.state" id=id("state") label=td_string!(l, common.dn_state) value=signals.state
                placeholder=placeholder(state) />
            <RuleField form path="distinguished_name.locality" id=id("locality") label=td_string!(l, common.dn_locality) value=signals.locality
                placeholder=placeholder(locality) />
        </div>
        <div class="field-row">
            <RuleField form path="distinguished_name.organization" id=id("org") label=td_string!(l, common.dn_organization) value=signals.organization
                placeholder=placeholder(org) />
            <RuleField form path="distinguished_name.organizational_unit" id=id("ou") label=td_string!(l, common.dn_unit)
                value=signals.organizational_unit placeholder=placeholder(ou) />
        </div>
    }
}

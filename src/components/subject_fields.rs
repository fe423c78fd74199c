//! The subject (distinguished name) fields of a CA or certificate form,
//! with the contract's messages beside each and, for a certificate, the
//! issuer's values shown as what an empty field inherits.

use leptos::prelude::*;

use crate::components::field::TextField;

/// One signal per part of the name.
#[derive(Clone, Copy)]
pub struct SubjectSignals {
    pub common_name: RwSignal<String>,
    pub country: RwSignal<String>,
    pub state: RwSignal<String>,
    pub locality: RwSignal<String>,
    pub organization: RwSignal<String>,
    pub organizational_unit: RwSignal<String>,
}

impl SubjectSignals {
    pub fn new() -> Self {
        let s = || RwSignal::new(String::new());
        SubjectSignals { common_name: s(), country: s(), state: s(), locality: s(), organization: s(), organizational_unit: s() }
    }
}

impl Default for SubjectSignals {
    fn default() -> Self {
        Self::new()
    }
}

/// What an empty field becomes, per part (country, state, locality,
/// organization, unit); `None` where nothing is inherited.
pub type Inherited = [Option<String>; 5];

/// `error_for` maps a wire path (`distinguished_name.country`) to its message.
#[component]
pub fn SubjectFields(
    #[prop(into)] id_prefix: String,
    signals: SubjectSignals,
    error_for: Callback<&'static str, Signal<Option<String>>>,
    /// Values an empty field inherits (shown as placeholders), if any.
    #[prop(optional)]
    inherited: Option<Inherited>,
) -> impl IntoView {
    let id = |part: &str| format!("{id_prefix}-{part}");
    let [country, state, locality, org, ou] = inherited.unwrap_or_default();
    let placeholder = |v: Option<String>| v.map(|v| format!("inherited: {v}")).unwrap_or_default();
    view! {
        <TextField id=id("cn") label="Common name" value=signals.common_name error=error_for.run("distinguished_name.common_name") />
        <div class="field-row">
            <TextField id=id("country") label="Country (2 letters)" value=signals.country placeholder=placeholder(country)
                error=error_for.run("distinguished_name.country") />
            <TextField id=id("state") label="State or province" value=signals.state placeholder=placeholder(state)
                error=error_for.run("distinguished_name.state") />
            <TextField id=id("locality") label="Locality" value=signals.locality placeholder=placeholder(locality)
                error=error_for.run("distinguished_name.locality") />
        </div>
        <div class="field-row">
            <TextField id=id("org") label="Organization" value=signals.organization placeholder=placeholder(org)
                error=error_for.run("distinguished_name.organization") />
            <TextField id=id("ou") label="Organizational unit" value=signals.organizational_unit placeholder=placeholder(ou)
                error=error_for.run("distinguished_name.organizational_unit") />
        </div>
    }
}

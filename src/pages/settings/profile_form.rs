use ccm_api::endpoints::{Endpoints, CCM_REGIONS, SCM_REGIONS};
use leptos::prelude::*;

use crate::components::with_data::marked;
use crate::components::field::TextField;
use crate::components::notifications::use_notifications;
use crate::components::with_data::code;
use crate::i18n::{td_string, use_locale};
use super::problem_words::profile_words;
use crate::state::profile::{preset_hosts, FieldProblem, Profile, DEFAULT_PROXY};
use crate::state::session::{new_profile_id, use_session};

/// The form's state: one signal per field, so typing never loses input.
#[derive(Clone, Copy)]
struct Draft {
    id: RwSignal<String>,
    name: RwSignal<String>,
    ccm_region: RwSignal<String>,
    scm_region: RwSignal<String>,
    custom: RwSignal<bool>,
    ccm_host: RwSignal<String>,
    scm_host: RwSignal<String>,
    iam_host: RwSignal<String>,
    use_proxy: RwSignal<bool>,
    proxy: RwSignal<String>,
    domain_id: RwSignal<String>,
    account_name: RwSignal<String>,
}

impl Draft {
    fn new() -> Self {
        Draft {
            id: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            ccm_region: RwSignal::new(String::new()),
            scm_region: RwSignal::new(String::new()),
            custom: RwSignal::new(false),
            ccm_host: RwSignal::new(String::new()),
            scm_host: RwSignal::new(String::new()),
            iam_host: RwSignal::new(String::new()),
            use_proxy: RwSignal::new(true),
            proxy: RwSignal::new(String::new()),
            domain_id: RwSignal::new(String::new()),
            account_name: RwSignal::new(String::new()),
        }
    }

    fn load(&self, p: &Profile) {
        let hosts = p.endpoints();
        self.id.set(p.id.clone());
        self.name.set(p.name.clone());
        self.ccm_region.set(p.ccm_region.clone());
        self.scm_region.set(p.scm_region.clone());
        self.custom.set(p.custom_endpoints.is_some());
        self.ccm_host.set(hosts.ccm);
        self.scm_host.set(hosts.scm);
        self.iam_host.set(hosts.iam);
        self.use_proxy.set(p.proxy.is_some());
        self.proxy.set(p.proxy.clone().unwrap_or_else(|| DEFAULT_PROXY.to_owned()));
        self.domain_id.set(p.domain_id.clone());
        self.account_name.set(p.account_name.clone());
    }

    fn to_profile(self) -> Profile {
        Profile {
            id: self.id.get_untracked(),
            name: self.name.get_untracked().trim().to_owned(),
            ccm_region: self.ccm_region.get_untracked(),
            scm_region: self.scm_region.get_untracked(),
            custom_endpoints: self.custom.get_untracked().then(|| Endpoints {
                ccm: self.ccm_host.get_untracked().trim().to_owned(),
                scm: self.scm_host.get_untracked().trim().to_owned(),
                iam: self.iam_host.get_untracked().trim().to_owned(),
            }),
            proxy: self.use_proxy.get_untracked().then(|| self.proxy.get_untracked().trim().to_owned()),
            domain_id: self.domain_id.get_untracked().trim().to_owned(),
            account_name: self.account_name.get_untracked().trim().to_owned(),
        }
    }
}

#[component]
pub fn ProfileForm(editing_new: RwSignal<bool>) -> impl IntoView {
    let session = use_session();
    let notify = use_notifications();
    let locale = use_locale();
    let draft = Draft::new();
    let problems = RwSignal::new(Vec::<FieldProblem>::new());

    // Fill the form from the active profile, or blank for a new one.
    Effect::new(move |_| {
        let profile = if editing_new.get() {
            let mut p = Profile::new_default(new_profile_id());
            p.name = String::new();
            Some(p)
        } else {
            session.active_profile()
        };
        if let Some(p) = profile {
            draft.load(&p);
        }
        problems.set(Vec::new());
    });

    let problem = move |field: &'static str| {
        Signal::derive(move || problems.with(|ps| ps.iter().find(|p| p.field == field).map(|p| profile_words(&p.problem, locale))))
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let profile = draft.to_profile();
        let found = profile.problems();
        if !found.is_empty() {
            problems.set(found);
            return;
        }
        problems.set(Vec::new());
        let name = profile.name.clone();
        session.save_profile(profile);
        editing_new.set(false);
        notify.success(td_string!(locale, settings.profile_saved, name = marked(&name)).into_owned());
    };

    let presets = move || preset_hosts(&draft.ccm_region.get(), &draft.scm_region.get());

    view! {
        <section class="panel" aria-labelledby="profile-form-title">
            <h2 id="profile-form-title">
                {move || if editing_new.get() { td_string!(locale, settings.new_profile) } else { td_string!(locale, settings.edit_profile) }}
            </h2>
            <form on:submit=save novalidate>
                <TextField id="profile-name" label=td_string!(locale, settings.profile_name) value=draft.name error=problem("name") />
                <div class="field-row">
                    <RegionSelect id="ccm-region" label=td_string!(locale, settings.ccm_region) regions=CCM_REGIONS value=draft.ccm_region disabled=draft.custom />
                    <RegionSelect id="scm-region" label=td_string!(locale, settings.scm_region) regions=SCM_REGIONS value=draft.scm_region disabled=draft.custom />
                </div>
                <Show when=move || !draft.custom.get()>
                    <p class="field-hint">
                        // Host names are data: in <code>, around the two labels.
                        {td_string!(locale, settings.hosts_label)}" " <code>{move || presets().ccm}</code> ", " <code>{move || presets().scm}</code>
                        ", "{td_string!(locale, settings.sign_in_at)}" " <code>{move || presets().iam}</code>
                    </p>
                </Show>
                <label class="check">
                    <input type="checkbox" prop:checked=move || draft.custom.get()
                        on:change=move |ev| draft.custom.set(event_target_checked(&ev)) />
                    {td_string!(locale, settings.custom_endpoints)}
                </label>
                <Show when=move || draft.custom.get()>
                    <TextField id="ccm-host" label=td_string!(locale, settings.ccm_host) value=draft.ccm_host error=problem("ccm_host") />
                    <TextField id="scm-host" label=td_string!(locale, settings.scm_host) value=draft.scm_host error=problem("scm_host") />
                    <TextField id="iam-host" label=td_string!(locale, settings.iam_host) value=draft.iam_host error=problem("iam_host") />
                </Show>
                <fieldset>
                    <legend>{td_string!(locale, settings.reach_legend)}</legend>
                    <label class="check">
                        <input type="radio" name="proxy-mode" prop:checked=move || draft.use_proxy.get()
                            on:change=move |_| draft.use_proxy.set(true) />
                        {td_string!(locale, settings.through_proxy)}
                    </label>
                    <label class="check">
                        <input type="radio" name="proxy-mode" prop:checked=move || !draft.use_proxy.get()
                            on:change=move |_| draft.use_proxy.set(false) />
                        {td_string!(locale, settings.direct)}
                    </label>
                    <Show when=move || draft.use_proxy.get()>
                        <TextField id="proxy-base" label=td_string!(locale, settings.proxy_base) value=draft.proxy error=problem("proxy")
                            hint=td_string!(locale, settings.proxy_hint, proxy = code("/proxy"), serve = code("ccm-serve"), nginx = code("nginx"),
                                pattern = code("{proxy}/{host}/{path}")).to_string() />
                    </Show>
                </fieldset>
                <TextField id="account-name" label=td_string!(locale, settings.account_name) value=draft.account_name
                    error=problem("account_name") autocomplete="organization" />
                <TextField id="domain-id" label=td_string!(locale, settings.domain_id) value=draft.domain_id error=problem("domain_id")
                    hint=td_string!(locale, settings.domain_id_hint, header = code("X-Domain-Id")).to_string() />
                <div class="actions">
                    <button type="submit" class="primary">{td_string!(locale, settings.save_profile)}</button>
                    <Show when=move || editing_new.get()>
                        <button type="button" on:click=move |_| editing_new.set(false)>{td_string!(locale, common.cancel)}</button>
                    </Show>
                </div>
            </form>
        </section>
    }
}

#[component]
fn RegionSelect(
    id: &'static str,
    label: &'static str,
    regions: &'static [&'static str],
    value: RwSignal<String>,
    disabled: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id prop:value=move || value.get() disabled=move || disabled.get()
                on:change=move |ev| value.set(event_target_value(&ev))>
                {regions
                    .iter()
                    .map(|r| view! { <option value=*r translate="no" selected=move || value.get() == *r>{*r}</option> })
                    .collect::<Vec<_>>()}
            </select>
        </div>
    }
}

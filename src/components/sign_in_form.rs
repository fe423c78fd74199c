//! The sign-in form: IAM user and password, a pasted token, or an access
//! key. Used by the Settings page and by the sign-in-again dialog that
//! opens when a credential expires mid-session, so both behave alike.

use ccm_api::iam::{token_by_password, TokenResponse, TokenScope};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::submit_guard::SubmitGuard;
use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::field::TextField;
use crate::components::notifications::use_notifications;
use crate::i18n::{td_string, use_locale, Locale};
use crate::state::credential::{check_access_key, check_token, Credential, CredentialProblem, SecretStore};
use crate::state::session::use_session;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInMode {
    Password,
    Token,
    AccessKey,
}

impl SignInMode {
    /// The method to offer first: the one the current credential came from.
    pub fn of(credential: Option<&Credential>) -> SignInMode {
        match credential {
            Some(Credential::AccessKey { .. }) => SignInMode::AccessKey,
            Some(Credential::Token { expires_at: None, .. }) => SignInMode::Token,
            _ => SignInMode::Password,
        }
    }
}

/// `id_prefix` keeps the field ids unique when two forms are on the page.
/// `on_signed_in` runs after a successful sign-in.
/// The sign-in input's problem in `l`.
pub fn credential_words(p: CredentialProblem, l: Locale) -> String {
    match p {
        CredentialProblem::AccessKeyMissing => td_string!(l, forms.p_ak_missing),
        CredentialProblem::AccessKeyChars => td_string!(l, forms.p_ak_chars),
        CredentialProblem::TokenMissing => td_string!(l, forms.p_token_missing),
        CredentialProblem::TokenNotOneLine => td_string!(l, forms.p_token_one_line),
    }
    .to_string()
}

#[component]
pub fn SignInForm(
    #[prop(optional)] id_prefix: &'static str,
    #[prop(optional)] initial_mode: Option<SignInMode>,
    #[prop(optional)] on_signed_in: Option<Callback<()>>,
) -> impl IntoView {
    let session = use_session();
    let api = use_api();
    let notify = use_notifications();
    let locale = use_locale();

    let mode = RwSignal::new(initial_mode.unwrap_or(SignInMode::Password));
    let user = RwSignal::new(session.last_user.get_untracked());
    let password = RwSignal::new(String::new());
    let token = RwSignal::new(String::new());
    let ak = RwSignal::new(String::new());
    let sk = RwSignal::new(String::new());
    let remember = RwSignal::new(session.credential.with_untracked(|c| c.as_ref().is_some_and(|c| c.remember)));
    let input_error = RwSignal::new(None::<String>);
    let api_error = RwSignal::new(None::<ApiError>);
    // Guards against a second request while one is on its way.
    let guard = SubmitGuard::new();
    let pending = guard.pending;

    let finish = move |credential: Credential| {
        session.sign_in(credential, remember.get_untracked());
        password.set(String::new());
        token.set(String::new());
        sk.set(String::new());
        notify.success(td_string!(locale, forms.signed_in));
        if let Some(done) = on_signed_in {
            done.run(());
        }
    };

    let sign_in_with_password = move || {
        let Some(profile) = session.active_profile() else { return };
        let (u, p) = (user.get_untracked().trim().to_owned(), password.get_untracked());
        if profile.account_name.trim().is_empty() {
            input_error.set(Some(td_string!(locale, forms.need_account_name).into()));
            return;
        }
        if u.is_empty() || p.is_empty() {
            input_error.set(Some(td_string!(locale, forms.need_user_password).into()));
            return;
        }
        if !guard.begin() {
            return;
        }
        let req = token_by_password(&profile.account_name, &u, &p, &TokenScope::Domain);
        spawn_local(async move {
            let result = api.raw(req).await;
            guard.end();
            match result {
                Ok(r) => match r.subject_token {
                    Some(t) => {
                        let body: Option<TokenResponse> = serde_json::from_slice(&r.body).ok();
                        let expires_at = body.as_ref().map(|b| b.token.expires_at.clone());
                        let domain_id = body.and_then(|b| b.token.user?.domain).map(|d| d.id);
                        if let (Some(id), Some(mut prof)) = (domain_id, session.active_profile()) {
                            if prof.domain_id.is_empty() {
                                prof.domain_id = id;
                                session.save_profile(prof);
                            }
                        }
                        session.last_user.set(u);
                        finish(Credential::Token { token: t, expires_at });
                    }
                    None => {
                        api_error.try_set(Some(ApiError::Decode {
                            status: r.status,
                            detail: "no X-Subject-Token header in the answer (a proxy must expose it)".into(),
                        }));
                    }
                },
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    api_error.try_set(Some(e));
                }
            }
        });
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !guard.ready() {
            return;
        }
        input_error.set(None);
        api_error.set(None);
        match mode.get_untracked() {
            SignInMode::Token => match check_token(&token.get_untracked()) {
                Ok(()) => finish(Credential::Token { token: token.get_untracked().trim().to_owned(), expires_at: None }),
                Err(p) => input_error.set(Some(credential_words(p, locale))),
            },
            SignInMode::AccessKey => match check_access_key(&ak.get_untracked(), &sk.get_untracked()) {
                Ok(()) => finish(Credential::AccessKey { ak: ak.get_untracked().trim().to_owned(), sk: sk.get_untracked() }),
                Err(p) => input_error.set(Some(credential_words(p, locale))),
            },
            SignInMode::Password => sign_in_with_password(),
        }
    };

    let group = format!("{id_prefix}sign-in-mode");
    let mode_radio = move |value: SignInMode, label: &'static str| {
        view! {
            <label class="check">
                <input type="radio" name=group.clone() prop:checked=move || mode.get() == value
                    on:change=move |_| { mode.set(value); input_error.set(None); } />
                {label}
            </label>
        }
    };
    let id = move |name: &str| format!("{id_prefix}{name}");

    view! {
        <form on:submit=submit novalidate>
            <fieldset>
                <legend>{td_string!(locale, forms.sign_in_method)}</legend>
                {mode_radio(SignInMode::Password, td_string!(locale, forms.mode_password))}
                {mode_radio(SignInMode::Token, td_string!(locale, forms.mode_token))}
                {mode_radio(SignInMode::AccessKey, td_string!(locale, forms.mode_access_key))}
            </fieldset>
            {move || match mode.get() {
                SignInMode::Password => view! {
                    <TextField id=id("iam-user") label=td_string!(locale, forms.iam_user) value=user autocomplete="username" />
                    <TextField id=id("iam-password") label=td_string!(locale, forms.password) value=password password=true autocomplete="current-password" />
                }.into_any(),
                SignInMode::Token => view! {
                    <TextField id=id("token") label=td_string!(locale, forms.iam_token) value=token password=true
                        hint=td_string!(locale, forms.token_hint) />
                }.into_any(),
                SignInMode::AccessKey => view! {
                    <TextField id=id("ak") label=td_string!(locale, forms.access_key_id) value=ak autocomplete="off" />
                    <TextField id=id("sk") label=td_string!(locale, forms.secret_access_key) value=sk password=true autocomplete="off"
                        hint=td_string!(locale, forms.sk_hint) />
                }.into_any(),
            }}
            <label class="check">
                <input type="checkbox" prop:checked=move || remember.get()
                    on:change=move |ev| remember.set(event_target_checked(&ev)) />
                {td_string!(locale, forms.remember)}
            </label>
            <p class="field-hint">{move || SecretStore::for_choice(remember.get()).explanation_in(locale)}</p>
            <p class="field-error" role="alert">{move || input_error.get()}</p>
            {move || api_error.get().map(|e| view! { <ApiErrorView title=td_string!(locale, forms.sign_in_failed) error=e /> })}
            <button type="submit" class="primary" disabled=move || pending.get()>
                {move || if pending.get() { td_string!(locale, forms.signing_in) } else { td_string!(locale, forms.sign_in) }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_method_offered_is_the_one_that_expired() {
        assert_eq!(SignInMode::of(None), SignInMode::Password);
        let from_password = Credential::Token { token: "t".into(), expires_at: Some("2026-11-25T10:00:00Z".into()) };
        assert_eq!(SignInMode::of(Some(&from_password)), SignInMode::Password);
        let pasted = Credential::Token { token: "t".into(), expires_at: None };
        assert_eq!(SignInMode::of(Some(&pasted)), SignInMode::Token);
        let keys = Credential::AccessKey { ak: "a".into(), sk: "s".into() };
        assert_eq!(SignInMode::of(Some(&keys)), SignInMode::AccessKey);
    }
}

use ccm_api::iam::{token_by_password, TokenResponse, TokenScope};
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::use_api;
use crate::components::api_error::ApiErrorView;
use crate::components::field::TextField;
use crate::components::notifications::use_notifications;
use crate::state::credential::{check_access_key, check_token, Credential, SecretStore};
use crate::state::session::use_session;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Password,
    Token,
    AccessKey,
}

/// Sign-in for the active profile: IAM password, pasted token, or AK/SK.
#[component]
pub fn SignInPanel() -> impl IntoView {
    let session = use_session();
    let api = use_api();
    let notify = use_notifications();

    let mode = RwSignal::new(Mode::Password);
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let token = RwSignal::new(String::new());
    let ak = RwSignal::new(String::new());
    let sk = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let input_error = RwSignal::new(None::<String>);
    let api_error = RwSignal::new(None::<ApiError>);
    // Guards against a second request while one is on its way.
    let pending = RwSignal::new(false);

    let finish = move |credential: Credential| {
        session.sign_in(credential, remember.get_untracked());
        password.set(String::new());
        token.set(String::new());
        sk.set(String::new());
        notify.success("Signed in");
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        input_error.set(None);
        api_error.set(None);
        match mode.get_untracked() {
            Mode::Token => match check_token(&token.get_untracked()) {
                Ok(()) => finish(Credential::Token { token: token.get_untracked().trim().to_owned(), expires_at: None }),
                Err(m) => input_error.set(Some(m)),
            },
            Mode::AccessKey => match check_access_key(&ak.get_untracked(), &sk.get_untracked()) {
                Ok(()) => finish(Credential::AccessKey { ak: ak.get_untracked().trim().to_owned(), sk: sk.get_untracked() }),
                Err(m) => input_error.set(Some(m)),
            },
            Mode::Password => {
                let Some(profile) = session.active_profile() else { return };
                let (u, p) = (user.get_untracked().trim().to_owned(), password.get_untracked());
                if profile.account_name.trim().is_empty() {
                    input_error.set(Some("set the account name in the profile above first".into()));
                    return;
                }
                if u.is_empty() || p.is_empty() {
                    input_error.set(Some("enter the IAM user name and password".into()));
                    return;
                }
                pending.set(true);
                let req = token_by_password(&profile.account_name, &u, &p, &TokenScope::Domain);
                spawn_local(async move {
                    let result = api.raw(req).await;
                    pending.try_set(false);
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
            }
        }
    };

    let mode_radio = move |value: Mode, label: &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="sign-in-mode" prop:checked=move || mode.get() == value
                    on:change=move |_| { mode.set(value); input_error.set(None); } />
                {label}
            </label>
        }
    };

    view! {
        <section class="panel" aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">"Sign in"</h2>
            <Show when=move || session.is_signed_in()>
                <div class="signed-in">
                    <p>
                        "Signed in to " <strong>{move || session.active_profile().map(|p| p.name)}</strong> " with "
                        {move || session.credential.with(|c| c.as_ref().map(|c| c.credential.describe()))} "."
                    </p>
                    <p class="field-hint">
                        {move || session.credential.with(|c| c.as_ref().map(|c| SecretStore::for_choice(c.remember).explanation()))}
                    </p>
                    <button on:click=move |_| { session.sign_out(); notify.success("Signed out: credentials wiped"); }>"Sign out"</button>
                </div>
            </Show>
            <form on:submit=submit novalidate>
                <fieldset>
                    <legend>"Sign-in method"</legend>
                    {mode_radio(Mode::Password, "IAM user and password")}
                    {mode_radio(Mode::Token, "Paste a token")}
                    {mode_radio(Mode::AccessKey, "Access key (AK/SK)")}
                </fieldset>
                {move || match mode.get() {
                    Mode::Password => view! {
                        <TextField id="iam-user" label="IAM user name" value=user autocomplete="username" />
                        <TextField id="iam-password" label="Password" value=password password=true autocomplete="current-password" />
                    }.into_any(),
                    Mode::Token => view! {
                        <TextField id="token" label="IAM token" value=token password=true
                            hint="The X-Subject-Token of a token request, e.g. from hcloud or the IAM API." />
                    }.into_any(),
                    Mode::AccessKey => view! {
                        <TextField id="ak" label="Access key ID" value=ak autocomplete="off" />
                        <TextField id="sk" label="Secret access key" value=sk password=true autocomplete="off"
                            hint="Requests are signed in this browser; the secret key is never sent." />
                    }.into_any(),
                }}
                <label class="check">
                    <input type="checkbox" prop:checked=move || remember.get()
                        on:change=move |ev| remember.set(event_target_checked(&ev)) />
                    "Remember on this device"
                </label>
                <p class="field-hint">{move || SecretStore::for_choice(remember.get()).explanation()}</p>
                <p class="field-error" role="alert">{move || input_error.get()}</p>
                {move || api_error.get().map(|e| view! { <ApiErrorView title="Sign-in failed" error=e /> })}
                <button type="submit" class="primary" disabled=move || pending.get()>
                    {move || if pending.get() { "Signing in…" } else { "Sign in" }}
                </button>
            </form>
        </section>
    }
}

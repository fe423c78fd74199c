use leptos::prelude::*;

use crate::components::with_data::{marked, DataMarked};

use crate::components::notifications::use_notifications;
use crate::i18n::{td_string, use_locale};
use crate::state::session::use_session;

/// The saved profiles; pick the active one, start a new one, delete one.
#[component]
pub fn ProfileList(editing_new: RwSignal<bool>) -> impl IntoView {
    let session = use_session();
    let notify = use_notifications();
    let locale = use_locale();
    let profiles = move || session.book.with(|b| b.profiles.clone());
    let active = move || session.book.with(|b| b.active.clone());
    // The profile whose deletion awaits confirmation.
    let confirming = RwSignal::new(None::<(String, String)>);
    view! {
        <section class="panel" aria-labelledby="profiles-title">
            <h2 id="profiles-title">{td_string!(locale, settings.profiles_title)}</h2>
            <fieldset class="profile-list">
                <legend>{td_string!(locale, settings.active_profile)}</legend>
                <For each=profiles key=|p| (p.id.clone(), p.name.clone()) let:profile>
                    {
                        let id = profile.id.clone();
                        let id_for_check = profile.id.clone();
                        let id_for_delete = profile.id.clone();
                        let name = profile.name.clone();
                        view! {
                            <div class="profile-row">
                                <label>
                                    <input
                                        type="radio"
                                        name="active-profile"
                                        prop:checked=move || active().as_deref() == Some(id_for_check.as_str())
                                        on:change=move |_| {
                                            session.select_profile(&id);
                                            editing_new.set(false);
                                        }
                                    />
                                    <span translate="no">{profile.name.clone()}</span>
                                </label>
                                // Named "Delete profile <name>" by the hidden text; the
                                // profile's name is data.
                                <button
                                    class="link-button"
                                    on:click=move |_| confirming.set(Some((id_for_delete.clone(), name.clone())))
                                >
                                    <span aria-hidden="true">{td_string!(locale, settings.delete)}</span>
                                    <span class="visually-hidden">
                                        <DataMarked text=td_string!(locale, settings.delete_profile_label, name = marked(&profile.name)).to_string() />
                                    </span>
                                </button>
                            </div>
                        }
                    }
                </For>
            </fieldset>
            <button on:click=move |_| editing_new.set(true)>{td_string!(locale, settings.new_profile)}</button>
            {move || confirming.get().map(|(id, name)| view! {
                <div class="confirm" role="alertdialog" aria-label=td_string!(locale, settings.delete_profile_question, name = name.clone()).into_owned()>
                    <p>{td_string!(locale, settings.delete_profile_text, name = name.clone()).into_owned()}</p>
                    <button class="danger" on:click={
                        let name = name.clone();
                        move |_| {
                            session.delete_profile(&id);
                            confirming.set(None);
                            notify.success(td_string!(locale, settings.profile_deleted, name = marked(&name.clone())).into_owned());
                        }
                    }>{td_string!(locale, settings.delete_named, name = name.clone()).into_owned()}</button>
                    <button on:click=move |_| confirming.set(None)>{td_string!(locale, common.cancel)}</button>
                </div>
            })}
        </section>
    }
}

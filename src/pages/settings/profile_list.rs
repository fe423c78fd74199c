use leptos::prelude::*;

use crate::components::notifications::use_notifications;
use crate::state::session::use_session;

/// The saved profiles; pick the active one, start a new one, delete one.
#[component]
pub fn ProfileList(editing_new: RwSignal<bool>) -> impl IntoView {
    let session = use_session();
    let notify = use_notifications();
    let profiles = move || session.book.with(|b| b.profiles.clone());
    let active = move || session.book.with(|b| b.active.clone());
    // The profile whose deletion awaits confirmation.
    let confirming = RwSignal::new(None::<(String, String)>);
    view! {
        <section class="panel" aria-labelledby="profiles-title">
            <h2 id="profiles-title">"Connection profiles"</h2>
            <fieldset class="profile-list">
                <legend>"Active profile"</legend>
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
                                    {profile.name.clone()}
                                </label>
                                <button
                                    class="link-button"
                                    aria-label=format!("Delete profile {name}")
                                    on:click=move |_| confirming.set(Some((id_for_delete.clone(), name.clone())))
                                >
                                    "Delete"
                                </button>
                            </div>
                        }
                    }
                </For>
            </fieldset>
            <button on:click=move |_| editing_new.set(true)>"New profile"</button>
            {move || confirming.get().map(|(id, name)| view! {
                <div class="confirm" role="alertdialog" aria-label=format!("Delete profile {name}?")>
                    <p>"Delete profile " <strong>{name.clone()}</strong> "? Its saved sign-in is wiped too."</p>
                    <button class="danger" on:click={
                        let name = name.clone();
                        move |_| {
                            session.delete_profile(&id);
                            confirming.set(None);
                            notify.success(format!("Profile {name} deleted"));
                        }
                    }>{format!("Delete {name}")}</button>
                    <button on:click=move |_| confirming.set(None)>"Cancel"</button>
                </div>
            })}
        </section>
    }
}

//! The tags of one CA, private certificate or SSL certificate: listed, added
//! and removed with the owner's tag calls. Used by the three details panels.

use ccm_api::common::ResourceTag;
use ccm_api::pca::tags::TagsResponse;
use ccm_api::validate::ValidationError;
use ccm_api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::submit_guard::SubmitGuard;
use crate::api::client::use_api;
use crate::components::api_error::{change_failed_title, ApiErrorView};
use crate::components::field::TextField;
use crate::components::with_data::{WithData, DATA};
use crate::i18n::{td_string, use_locale};
use crate::tags::{check_new_tag, tag_text, TagOwner};

#[component]
pub fn TagEditor(#[prop(into)] target: TagOwner, #[prop(into)] id: String, #[prop(into)] name: String) -> impl IntoView {
    let api = use_api();
    let l = use_locale();
    let id = StoredValue::new(id);
    let tags = RwSignal::new(None::<Result<Vec<ResourceTag>, ApiError>>);
    let key = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let field_errors = RwSignal::new(Vec::<ValidationError>::new());
    let error = RwSignal::new(None::<ApiError>);
    let guard = SubmitGuard::new();
    let pending = guard.pending;

    let load = move || {
        spawn_local(async move {
            let r = api.json::<TagsResponse>(target.list(&id.get_value())).await;
            if r != Err(ApiError::Aborted) {
                tags.try_set(Some(r.map(|t| t.tags)));
            }
        });
    };
    load();
    // Runs one change, then reads the tags again. The add form is emptied
    // only once the service took the tag: after a failure it is still there.
    let change = move |req: ccm_api::ApiRequest, empty_form: bool| {
        if !guard.begin() {
            return;
        }
        error.set(None);
        spawn_local(async move {
            let r = api.send(req).await;
            guard.end();
            match r {
                Ok(()) => {
                    if empty_form {
                        key.try_set(String::new());
                        value.try_set(String::new());
                    }
                    load();
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !guard.ready() {
            return;
        }
        let existing = tags.with_untracked(|t| t.as_ref().and_then(|t| t.as_ref().ok()).cloned().unwrap_or_default());
        match check_new_tag(target, &id.get_value(), &key.get_untracked(), &value.get_untracked(), &existing, l) {
            Err(problems) => field_errors.set(problems),
            Ok(tag) => {
                field_errors.set(Vec::new());
                change(target.create(&id.get_value(), &tag), true);
            }
        }
    };
    let field_error = move |path: &'static str| {
        Signal::derive(move || field_errors.with(|e| e.iter().find(|e| e.field == path).map(|e| e.message.clone())))
    };

    view! {
        <section class="tag-editor" aria-label=td_string!(l, common.tags)>
            <h3>{td_string!(l, common.tags)}</h3>
            {move || match tags.get() {
                None => view! { <p role="status">{td_string!(l, common.tags_loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ApiErrorView title=td_string!(l, common.tags_unread) error=e /> }.into_any(),
                Some(Ok(list)) if list.is_empty() => {
                    let sentence = td_string!(l, common.tags_none, name = DATA).to_string();
                    view! { <p class="field-hint"><WithData sentence data=vec![name.clone()] /></p> }.into_any()
                }
                Some(Ok(list)) => view! {
                    <ul class="tag-list">
                        {list.into_iter().map(|tag| {
                            let text = tag_text(&tag);
                            let remove_label = td_string!(l, common.tag_remove, tag = &text).to_string();
                            view! {
                                <li class="tag-chip">
                                    <span translate="no">{text}</span>
                                    <button class="link" aria-label=remove_label disabled=move || pending.get()
                                        on:click=move |_| change(target.delete(&id.get_value(), &tag), false)>
                                        "×"
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <form class="tag-add" on:submit=add aria-label=td_string!(l, common.tag_add_form)>
                <TextField id="tag-key" label=td_string!(l, common.tag_key) value=key error=field_error("tag.key") />
                <TextField id="tag-value" label=td_string!(l, common.tag_value) value=value error=field_error("tag.value") />
                <button type="submit" disabled=move || pending.get()>{td_string!(l, common.tag_add)}</button>
            </form>
            // Problems not tied to the two fields (e.g. the id), said plainly.
            <p class="field-error" role="alert">{move || field_errors.with(|e| {
                e.iter().filter(|e| !e.field.starts_with("tag.")).map(|e| e.to_string()).collect::<Vec<_>>().join("; ")
            })}</p>
            {move || error.get().map(|e| view! { <ApiErrorView title=change_failed_title(&e, td_string!(l, common.tags_not_changed), td_string!(l, common.tags_maybe_changed)) error=e /> })}
        </section>
    }
}

use leptos::prelude::*;

use crate::components::planned::Planned;
use crate::components::quota_cards::QuotaCards;

#[component]
pub fn CaHierarchyPage() -> impl IntoView {
    view! {
        <Planned
            title="Private CAs"
            what="The CA hierarchy (tree and table), CA details, the create wizard and every lifecycle action arrive with the CA hierarchy work. Your CA quota is shown below."
        />
        <QuotaCards />
    }
}

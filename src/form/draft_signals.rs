//! `draft_signals!`: one `RwSignal` per field of a form's draft struct,
//! started from the draft's `Default`, and `draft()` reading them back.
//! The draft stays plain data (tested natively); the signals are what the
//! inputs bind to.

/// `draft_signals!(Signals for Draft { field: Type, … })` declares
/// `Signals` (Copy) with `new()`, `from_draft(d)` and `draft()`. `draft()`
/// reads every signal tracked, so a memo over it follows every edit.
#[macro_export]
macro_rules! draft_signals {
    ($name:ident for $draft:ident { $($field:ident: $ty:ty),+ $(,)? }) => {
        #[derive(Clone, Copy)]
        struct $name {
            $($field: leptos::prelude::RwSignal<$ty>,)+
        }

        #[allow(dead_code)]
        impl $name {
            fn new() -> Self {
                Self::from_draft($draft::default())
            }

            fn from_draft(d: $draft) -> Self {
                $name { $($field: leptos::prelude::RwSignal::new(d.$field),)+ }
            }

            fn draft(&self) -> $draft {
                use leptos::prelude::Get;
                $draft { $($field: self.$field.get(),)+ }
            }
        }
    };
}

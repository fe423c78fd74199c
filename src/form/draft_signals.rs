//! `draft_signals!`: one `RwSignal` per field of a form's draft struct,
//! started from the draft's `Default`, and `draft()` reading them back.
//! The draft stays plain data (tested natively); the signals are what the
//! inputs bind to.

/// `draft_signals!(Signals for Draft { field: Type, … })` declares
/// `Signals` (Copy) with `new()`, `from_draft(d)`, `draft()` and
/// `set_draft(d)` (a form filled once what it starts from has loaded). `draft()`
/// reads every signal tracked, so a memo over it follows every edit.
///
/// A part of the draft that is itself a draft (`subject: SubjectDraft`)
/// follows in a second brace group with its own signals type, declared
/// by this macro too: `{ …fields… } { subject: SubjectSignals }`.
#[macro_export]
macro_rules! draft_signals {
    ($vis:vis $name:ident for $draft:ident { $($field:ident: $ty:ty),+ $(,)? } $({ $($part:ident: $part_ty:ty),+ $(,)? })?) => {
        #[derive(Clone, Copy)]
        $vis struct $name {
            $(pub $field: leptos::prelude::RwSignal<$ty>,)+
            $($(pub $part: $part_ty,)+)?
        }

        #[allow(dead_code)]
        impl $name {
            $vis fn new() -> Self {
                Self::from_draft($draft::default())
            }

            $vis fn from_draft(d: $draft) -> Self {
                $name {
                    $($field: leptos::prelude::RwSignal::new(d.$field),)+
                    $($($part: <$part_ty>::from_draft(d.$part),)+)?
                }
            }

            $vis fn draft(&self) -> $draft {
                use leptos::prelude::Get;
                $draft {
                    $($field: self.$field.get(),)+
                    $($($part: self.$part.draft(),)+)?
                }
            }

            $vis fn set_draft(&self, d: $draft) {
                use leptos::prelude::Set;
                $(self.$field.set(d.$field);)+
                $($(self.$part.set_draft(d.$part);)+)?
            }
        }
    };
}

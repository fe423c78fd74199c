//! Translations: the generated `Locale`, `use_i18n` and `t!` family (from the
//! locale files, build.rs), the locale choice and the formatting helpers.
//! How to use it: docs/i18n.md.

pub mod choice;
pub mod format;
#[cfg(test)]
mod tests;

// build.rs writes `pub mod i18n { ... }`; its items are re-exported here so
// the console writes `crate::i18n::{t, use_i18n, Locale}`.
// The generated code has items the console does not use (scoped contexts,
// per-namespace builders): no warnings for those.
#[allow(unused_imports, dead_code)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}
pub use generated::i18n::*;

/// The console's translation context (a copyable handle on the locale signal).
pub type I18nContext = leptos_i18n::I18nContext<Locale>;

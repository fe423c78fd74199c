//! Translations: the generated `Locale` and `td_string!` (from the locale
//! files, build.rs), the locale choice and the formatting helpers.
//! How to use it: docs/i18n.md.
//!
//! Text is not reactive: a component reads the locale once (`use_locale`)
//! and the whole app is drawn again when the header's switch changes it
//! (app.rs). A reactive `t!` per string costs about 1 kB of wasm per call
//! site (a render effect and its view per string); a `td_string!` costs a
//! `match` on the locale.

pub mod choice;
pub mod format;
#[cfg(test)]
mod tests;

// build.rs writes `pub mod i18n { ... }`. Only what takes a `Locale` is
// re-exported: the crate's reactive context (`use_i18n`, `t!`) is not used.
// The generated code has items the console does not use (scoped contexts,
// per-namespace builders): no warnings for those.
#[allow(unused_imports, dead_code)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}
pub use generated::i18n::{td_string, Locale};
pub use choice::use_locale;

//! Generates the `i18n` module (src/i18n/mod.rs includes it) from the locale
//! files: one JSON file per namespace per locale, locales/<locale>/<namespace>.json.
//! Every key must exist in every locale; the build fails otherwise.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::path::PathBuf;

/// The namespaces, one per area of the console so that people converting
/// different areas never edit the same file (docs/i18n.md).
const NAMESPACES: [&str; 12] = [
    "common", "layout", "settings", "forms", "rules", "errors", "remedies", "pca", "overview", "scm", "tools", "activity",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?).join("i18n");
    // interpolate_display: `td_string!(locale, ns.key, name = value)` for
    // text built in plain Rust code, outside a component.
    let cfg = Config::new("en")?
        .add_locale("zh-CN")?
        .add_namespaces(NAMESPACES)?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}

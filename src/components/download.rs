//! Hands bytes to the user as a file, and text to the clipboard. Nothing
//! leaves the browser: the file is built from a Blob in memory.

use wasm_bindgen::JsCast;

use crate::form::message::code_mark;
use crate::i18n::{td_string, Locale};

/// The browser would not hand over the file (no window, a refused Blob) or
/// the ZIP could not be built; the detail is technical (data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadFailed(pub String);

impl DownloadFailed {
    /// In `l`, the detail shown as code (`form::message`).
    pub fn words(&self, l: Locale) -> String {
        td_string!(l, common.download_failed, detail = code_mark(&self.0)).to_string()
    }
}

fn failed(what: &str) -> DownloadFailed {
    DownloadFailed(what.to_owned())
}

/// Starts a download of `bytes` named `filename`.
pub fn download(filename: &str, bytes: &[u8], mime: &str) -> Result<(), DownloadFailed> {
    let window = web_sys::window().ok_or_else(|| failed("no window"))?;
    let document = window.document().ok_or_else(|| failed("no document"))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| failed("Blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed("URL.createObjectURL"))?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| failed("<a>"))?.dyn_into().map_err(|_| failed("<a>"))?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // Free the Blob once the browser has taken it.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies text; the browser may refuse without a user gesture.
pub fn copy_text(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Builds a ZIP of `entries` in the browser and downloads it.
pub fn download_zip(filename: &str, entries: &[ccm_pki::ZipEntry]) -> Result<(), DownloadFailed> {
    let bytes = ccm_pki::build_zip(entries, ccm_pki::Compression::Deflated, None).map_err(|e| DownloadFailed(e.to_string()))?;
    download(filename, &bytes, "application/zip")
}

/// A name made safe as a file name: letters, digits and `-_.@` kept, the
/// rest `_`, no leading or trailing dots; `fallback` when nothing is left.
pub fn safe_file_stem(name: &str, fallback: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || "-_.@".contains(c) { c } else { '_' })
        .collect();
    let safe = safe.trim_matches('.');
    if safe.trim_matches('_').is_empty() {
        fallback.to_owned()
    } else {
        safe.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(safe_file_stem("Acme Issuing CA 1", "ca"), "Acme_Issuing_CA_1");
        assert_eq!(safe_file_stem("a/b\\c", "ca"), "a_b_c");
        assert_eq!(safe_file_stem("  ", "ca"), "ca");
        assert_eq!(safe_file_stem("..", "certificate"), "certificate");
        assert_eq!(safe_file_stem("ops@example.com", "x"), "ops@example.com");
    }
}

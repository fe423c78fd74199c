//! Hands bytes to the user as a file, and text to the clipboard. Nothing
//! leaves the browser: the file is built from a Blob in memory.

use wasm_bindgen::JsCast;

/// Starts a download of `bytes` named `filename`.
pub fn download(filename: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| "could not build the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "could not build the file")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| "no anchor")?.dyn_into().map_err(|_| "no anchor")?;
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
pub fn download_zip(filename: &str, entries: &[ccm_pki::ZipEntry]) -> Result<(), String> {
    let bytes = ccm_pki::build_zip(entries, ccm_pki::Compression::Deflated, None).map_err(|e| e.to_string())?;
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

//! Offering bytes built in the browser as a download.

use crate::i18n::Text;
use wasm_bindgen::JsCast;

/// Why a download did not start: the browser's part that failed.
fn failed(what: &str) -> Text {
    Text::key("msg.download_failed").with("what", what)
}

/// Starts the download of `bytes` as `file_name`.
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), Text> {
    download_array(&js_sys::Uint8Array::from(bytes), file_name, mime)
}

/// Starts the download of bytes already in JavaScript's memory (a file made by a worker).
pub fn download_array(array: &js_sys::Uint8Array, file_name: &str, mime: &str) -> Result<(), Text> {
    let parts = js_sys::Array::of1(&array.buffer());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options).map_err(|_| failed("Blob"))?;
    download_blob(&blob, file_name)
}

/// Starts the download of `blob` as `file_name`.
pub fn download_blob(blob: &web_sys::Blob, file_name: &str) -> Result<(), Text> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| failed("URL"))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| failed("document"))?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| failed("a"))?.dyn_into().map_err(|_| failed("a"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Release the object URL once the browser has surely taken the download.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

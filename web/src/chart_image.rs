//! Saving a chart as a picture: its SVG as it is, or a PNG drawn from that SVG on an offscreen
//! canvas in the browser. File names come from the chart's title.

use crate::download::{download, download_blob};
use crate::i18n::Text;
use wasm_bindgen::{JsCast, closure::Closure};

/// How many canvas pixels a PNG has per CSS pixel of the chart (sharp enough for a slide or print).
const PNG_SCALE: f64 = 2.0;

/// A file name from a chart title: "Avvikelse per verksamhet, tkr" → "avvikelse-per-verksamhet-tkr".
/// Letters (å, ä, ö too) and digits are kept, everything else becomes one dash.
pub fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() { "diagram".to_owned() } else { stem.chars().take(80).collect() }
}

/// Why a chart image could not be made: the browser's part that failed.
fn failed(what: &str) -> Text {
    Text::key("msg.image_failed").with("what", what)
}

/// Downloads `svg` as `<stem>.svg`.
pub fn save_svg(svg: &str, stem: &str) -> Result<(), Text> {
    download(svg.as_bytes(), &format!("{stem}.svg"), "image/svg+xml")
}

/// Draws `svg` on an offscreen canvas and downloads it as `<stem>.png`. The drawing finishes
/// after the image has loaded; `on_error` hears of a failure then.
pub fn save_png(svg: &str, stem: &str, on_error: impl Fn(Text) + 'static) -> Result<(), Text> {
    let blob = svg_blob(svg).map_err(|_| failed("SVG"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed("URL"))?;
    let image = web_sys::HtmlImageElement::new().map_err(|_| failed("img"))?;
    let file_name = format!("{stem}.png");
    let loaded = {
        let (image, url) = (image.clone(), url.clone());
        Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
            if let Err(err) = draw_and_download(&image, file_name) {
                on_error(err);
            }
        })
    };
    image.set_onload(Some(loaded.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

fn svg_blob(svg: &str) -> Result<web_sys::Blob, wasm_bindgen::JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&svg.into()), &options)
}

/// Paints the loaded `image` on a white canvas at [`PNG_SCALE`] and offers the PNG.
fn draw_and_download(image: &web_sys::HtmlImageElement, file_name: String) -> Result<(), Text> {
    let (width, height) = (f64::from(image.natural_width()), f64::from(image.natural_height()));
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| failed("document"))?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").map_err(|_| failed("canvas"))?.dyn_into().map_err(|_| failed("canvas"))?;
    canvas.set_width((width * PNG_SCALE).round() as u32);
    canvas.set_height((height * PNG_SCALE).round() as u32);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()).ok_or_else(|| failed("2d"))?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, width * PNG_SCALE, height * PNG_SCALE);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width * PNG_SCALE, height * PNG_SCALE)
        .map_err(|_| failed("drawImage"))?;
    let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        if let Some(blob) = blob {
            let _ = download_blob(&blob, &file_name);
        }
    });
    canvas.to_blob_with_type(done.unchecked_ref(), "image/png").map_err(|_| failed("PNG"))
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn file_names_follow_the_title() {
        assert_eq!(file_stem("Avvikelse per verksamhet, tkr"), "avvikelse-per-verksamhet-tkr");
        assert_eq!(file_stem("Måluppfyllelse – 2024 (%)"), "måluppfyllelse-2024");
        assert_eq!(file_stem(" – "), "diagram");
    }
}

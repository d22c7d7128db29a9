//! The drop zone and file picker. A file dropped anywhere on the page is loaded too, and the
//! browser never opens a dropped file itself: the window takes every `dragover` and `drop`.

use crate::control::Control;
use crate::i18n::use_lang;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`DropZone`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Where loaded files go.
    pub control: Control,
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Listens on the window for `dragover` (accepts the drag, so the browser does not open the file,
/// and lights up the drop zone), `dragleave` out of the window and `drop` (loads the files). The
/// listeners live as long as the drop zone.
fn window_drop_listeners(control: Control, hovering: UseStateHandle<bool>) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let active = EventListenerOptions::enable_prevent_default();
    let dragover = {
        let hovering = hovering.clone();
        EventListener::new_with_options(&window, "dragover", active, move |e| {
            e.prevent_default();
            hovering.set(true);
            if let Some(dt) = e.dyn_ref::<web_sys::DragEvent>().and_then(web_sys::DragEvent::data_transfer) {
                dt.set_drop_effect("copy");
            }
        })
    };
    let dragleave = {
        let hovering = hovering.clone();
        EventListener::new(&window, "dragleave", move |e| {
            // Out of the window: there is no element it moves into.
            if e.dyn_ref::<web_sys::DragEvent>().is_some_and(|d| d.related_target().is_none()) {
                hovering.set(false);
            }
        })
    };
    let drop = EventListener::new_with_options(&window, "drop", active, move |e| {
        e.prevent_default();
        hovering.set(false);
        let files =
            files_of(e.dyn_ref::<web_sys::DragEvent>().and_then(|d| d.data_transfer()).and_then(|dt| dt.files()));
        if !files.is_empty() {
            crate::load::load_files(files, control.clone());
        }
    });
    vec![dragover, dragleave, drop]
}

/// Accepts spreadsheets by drag and drop (here or anywhere on the page) or through a file dialog.
#[function_component(DropZone)]
pub fn drop_zone(props: &Props) -> Html {
    // Set on every `dragover`: re-render only when it changes.
    let hovering = use_state_eq(|| false);
    {
        let (control, hovering) = (props.control.clone(), hovering.clone());
        use_effect_with((), move |_| {
            let listeners = window_drop_listeners(control, hovering);
            move || drop(listeners)
        });
    }
    let onchange = {
        let control = props.control.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                return;
            };
            let files = files_of(input.files());
            // Allow choosing the same file again (next month's file often has the same name).
            input.set_value("");
            crate::load::load_files(files, control.clone());
        })
    };
    let lang = use_lang();
    let class = classes!("drop-zone", (*hovering).then_some("hover"));
    html! {
        <div {class} data-testid="drop-zone">
            <p class="drop-title">{lang.text("drop.title")}</p>
            <p class="drop-hint">{lang.text("drop.hint")}</p>
            <label class="button secondary">
                {lang.text("drop.choose")}
                <input type="file" multiple=true class="visually-hidden" {onchange}
                    accept=".xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt,.json" data-testid="file-input" />
            </label>
        </div>
    }
}

//! The drop zone and file picker.

use crate::state::State;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`DropZone`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Where loaded files go.
    pub dispatcher: yew::UseReducerDispatcher<State>,
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Accepts spreadsheets by drag and drop or through a file dialog.
#[function_component(DropZone)]
pub fn drop_zone(props: &Props) -> Html {
    let hovering = use_state(|| false);
    let ondragover = {
        let hovering = hovering.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            hovering.set(true);
        })
    };
    let ondragleave = {
        let hovering = hovering.clone();
        Callback::from(move |_: DragEvent| hovering.set(false))
    };
    let ondrop = {
        let hovering = hovering.clone();
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            hovering.set(false);
            let files = files_of(e.data_transfer().and_then(|dt| dt.files()));
            crate::load::load_files(files, dispatcher.clone());
        })
    };
    let onchange = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                return;
            };
            let files = files_of(input.files());
            // Allow choosing the same file again (next month's file often has the same name).
            input.set_value("");
            crate::load::load_files(files, dispatcher.clone());
        })
    };
    let class = classes!("drop-zone", (*hovering).then_some("hover"));
    html! {
        <div {class} {ondragover} {ondragleave} {ondrop} data-testid="drop-zone">
            <p class="drop-title">{"Släpp filer här"}</p>
            <p class="drop-hint">{"xlsx, xls, ods, csv eller Kolada-JSON"}</p>
            <label class="button secondary">
                {"Välj filer…"}
                <input type="file" multiple=true class="visually-hidden" {onchange}
                    accept=".xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt,.json" data-testid="file-input" />
            </label>
        </div>
    }
}

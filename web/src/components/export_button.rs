//! "Exportera till Excel": builds the workbook in the browser and downloads it.

use crate::state::{Action, LoadedFile, State};
use std::rc::Rc;
use uppfolj_model::Report;
use yew::prelude::*;

/// Props of [`ExportButton`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The report to export.
    pub report: Rc<Report>,
    /// The loaded files (their datasets go on the input-data sheet).
    pub files: Vec<LoadedFile>,
    /// For error messages.
    pub dispatcher: yew::UseReducerDispatcher<State>,
}

/// A file name for the export: "budget-follow-up_2026-11-24.xlsx".
fn file_name(report: &Report) -> String {
    let date = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    let day = date.get(..10).unwrap_or("rapport");
    format!("{}_{day}.xlsx", report.plugin.id)
}

/// Downloads the report as xlsx.
#[function_component(ExportButton)]
pub fn export_button(props: &Props) -> Html {
    let onclick = {
        let report = props.report.clone();
        let files = props.files.clone();
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_| {
            let datasets: Vec<_> = files.iter().flat_map(|f| f.import.datasets.iter().cloned()).collect();
            let result = uppfolj_xlsx::export(&report, &datasets, &uppfolj_xlsx::ExportOptions::default())
                .map_err(|e| format!("Excel-filen kunde inte skapas: {e}"))
                .and_then(|bytes| {
                    crate::download::download(
                        &bytes,
                        &file_name(&report),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    )
                });
            if let Err(text) = result {
                dispatcher.dispatch(Action::Notify { is_error: true, text });
            }
        })
    };
    html! {
        <button class="button primary" {onclick} data-testid="export-xlsx">{"Exportera till Excel"}</button>
    }
}

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

/// Today's date in the browser's time zone, "2026-11-24".
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Downloads the report as xlsx.
#[function_component(ExportButton)]
pub fn export_button(props: &Props) -> Html {
    let onclick = {
        let report = props.report.clone();
        let files = props.files.clone();
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_| {
            // Borrowed, not cloned: the export's memory is the file it makes (the rows are streamed).
            let datasets = files.iter().flat_map(|f| f.import.datasets.iter());
            let date = today();
            let options = uppfolj_xlsx::ExportOptions { date: Some(date.clone()), ..Default::default() };
            let result = uppfolj_xlsx::export(&report, datasets, &options)
                .map_err(|e| format!("Excel-filen kunde inte skapas: {e}"))
                .and_then(|bytes| {
                    crate::download::download(
                        &bytes,
                        &format!("{}_{date}.xlsx", report.plugin.id),
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

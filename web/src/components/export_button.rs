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

/// Above this many input rows the browser export leaves out the input-data sheet: in
/// WebAssembly the whole workbook is built in memory (about 2,5 kB per written row), and a tab
/// has a few GB at most. The CLI writes large sheets through a temporary file instead.
const MAX_INPUT_ROWS_IN_BROWSER: usize = 100_000;

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
            let datasets: Vec<_> = files.iter().flat_map(|f| f.import.datasets.iter().cloned()).collect();
            let input_rows: usize = datasets.iter().map(|d| d.rows.len()).sum();
            let input_data = input_rows <= MAX_INPUT_ROWS_IN_BROWSER;
            if !input_data {
                dispatcher.dispatch(Action::Notify {
                    is_error: false,
                    text: format!(
                        "Indata har {} rader; bladet med indata utelämnas i webbläsaren för att spara minne. \
                         Kommandoradens export (uppfolj run … --xlsx) tar med det.",
                        uppfolj_model::format::number(input_rows as f64, 0)
                    ),
                });
            }
            let date = today();
            let options = uppfolj_xlsx::ExportOptions { date: Some(date.clone()), input_data, ..Default::default() };
            let result = uppfolj_xlsx::export(&report, &datasets, &options)
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

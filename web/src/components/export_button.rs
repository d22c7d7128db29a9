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

/// Downloads the report as xlsx. The export runs on the page's thread; for a large report that
/// takes seconds, so the button first shows "Skapar Excelfilen…" (and is disabled) and the export
/// starts once the browser has drawn that.
#[function_component(ExportButton)]
pub fn export_button(props: &Props) -> Html {
    let busy = use_state(|| false);
    let onclick = {
        let report = props.report.clone();
        let files = props.files.clone();
        let dispatcher = props.dispatcher.clone();
        let busy = busy.clone();
        Callback::from(move |_| {
            if *busy {
                return;
            }
            busy.set(true);
            let (report, files, dispatcher, busy) = (report.clone(), files.clone(), dispatcher.clone(), busy.clone());
            // A short timeout lets the browser paint the busy state before the export blocks it.
            gloo::timers::callback::Timeout::new(30, move || {
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
                busy.set(false);
            })
            .forget();
        })
    };
    html! {
        <button class="button primary" {onclick} disabled={*busy} aria-busy={busy.to_string()} data-testid="export-xlsx">
            { if *busy { "Skapar Excelfilen…" } else { "Exportera till Excel" } }
        </button>
    }
}

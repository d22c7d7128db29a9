//! "Exportera till Excel": builds the workbook in a Web Worker and downloads it.

use crate::control::Control;
use crate::i18n::{Text, export_failure_text, use_lang};
use crate::state::{Action, export_topic};
use std::cell::RefCell;
use std::rc::Rc;
use uppfolj_model::Report;
use uppfolj_web::export_worker::{self, ExportWorker, WORKER_URL};
use yew::prelude::*;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Props of [`ExportButton`].
#[derive(Properties)]
pub struct Props {
    /// The report to export (the session worker packs it, with the datasets it was computed
    /// from for the input-data sheets).
    pub report: Rc<Report>,
    /// Whether the session worker is busy (a file being read): the report shown may be about to
    /// change, so the export waits.
    pub waiting: bool,
    /// For packing the job and for messages.
    pub control: Control,
}

/// The same report is the same `Rc`, as for the report view.
impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report) && self.waiting == other.waiting && self.control == other.control
    }
}

/// Today's date in the browser's time zone, "2026-11-24".
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// The export in progress, if any.
#[derive(Debug, Default)]
struct Running {
    /// Counts the exports started or stopped: a job packed for an earlier click sees the count
    /// has moved on and does not start.
    generation: u32,
    /// The worker; dropping it terminates it.
    worker: Option<ExportWorker>,
}

impl Running {
    /// Stops whatever runs.
    fn stop(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        self.worker = None;
    }
}

/// Downloads the report as xlsx. The export runs in a worker of its own, so the page answers
/// while a large workbook is made: the button says "Skapar Excelfilen…" and "Avbryt" stops the
/// worker. The job (the Report and its inputs) is packed by the session worker, which holds the
/// inputs, and handed on to the export worker; the page only passes the chunks along.
#[function_component(ExportButton)]
pub fn export_button(props: &Props) -> Html {
    let lang = use_lang();
    let busy = use_state(|| false);
    let running: Rc<RefCell<Running>> = use_mut_ref(Running::default);
    {
        // An export does not outlive the button (the report was closed): its worker is stopped.
        let running = running.clone();
        use_effect_with((), move |_| {
            move || {
                running.borrow_mut().stop();
            }
        });
    }

    let onclick = {
        let (report, control) = (props.report.clone(), props.control.clone());
        let (busy, running) = (busy.clone(), running.clone());
        Callback::from(move |_| {
            if *busy {
                return;
            }
            busy.set(true);
            let generation = {
                let mut running = running.borrow_mut();
                running.stop();
                running.generation
            };
            let (report, control, busy, running) = (report.clone(), control.clone(), busy.clone(), running.clone());
            let sender = control.clone();
            let date = today();
            let file_name = format!("{}_{date}.xlsx", report.plugin.id);
            // The session worker packs the job; then it goes on to an export worker of its own.
            let start = move |packed: Result<js_sys::Array, Text>| {
                if running.borrow().generation != generation {
                    return;
                }
                let topic = export_topic(&report.plugin.id);
                let fail = |text: Text| {
                    busy.set(false);
                    control.dispatch(Action::NotifyAbout { about: topic.clone(), is_error: true, text });
                };
                let packed = match packed {
                    Ok(packed) => packed,
                    Err(text) => return fail(text),
                };
                let done = {
                    let (control, busy, running, topic) =
                        (control.clone(), busy.clone(), running.clone(), topic.clone());
                    move |outcome: export_worker::Outcome| {
                        // The worker is done: terminating it gives its memory back.
                        running.borrow_mut().stop();
                        busy.set(false);
                        let result = outcome
                            .map_err(|failure| export_failure_text(&failure))
                            .and_then(|file| crate::download::download_array(&file, &file_name, XLSX_MIME));
                        // A failure is said until an export of the report succeeds.
                        control.dispatch(match result {
                            Ok(()) => Action::Resolved(topic),
                            Err(text) => Action::NotifyAbout { about: topic, is_error: true, text },
                        });
                    }
                };
                match ExportWorker::start(WORKER_URL, packed, done) {
                    Ok(worker) => running.borrow_mut().worker = Some(worker),
                    Err(failure) => fail(export_failure_text(&failure)),
                }
            };
            sender.export(date, start);
        })
    };
    let cancel = {
        let (control, busy, running) = (props.control.clone(), busy.clone(), running.clone());
        let about = export_topic(&props.report.plugin.id);
        Callback::from(move |_| {
            running.borrow_mut().stop();
            busy.set(false);
            let text = Text::key("export.cancelled");
            control.dispatch(Action::NotifyAbout { about: about.clone(), is_error: false, text });
        })
    };
    html! {
        <>
            <button class="button primary" {onclick} disabled={*busy || props.waiting} aria-busy={busy.to_string()} data-testid="export-xlsx">
                { lang.text(if *busy { "export.busy" } else { "export.button" }) }
            </button>
            if *busy {
                <button class="button secondary" onclick={cancel} data-testid="export-cancel">{ lang.text("export.cancel") }</button>
            }
        </>
    }
}

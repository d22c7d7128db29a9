//! "Exportera till Excel": builds the workbook in a Web Worker and downloads it.

use crate::state::{Action, LoadedFile, State, export_topic};
use std::cell::RefCell;
use std::rc::Rc;
use uppfolj_model::Report;
use uppfolj_web::export_job::{ExportJob, ExportOptions};
use uppfolj_web::export_worker::{self, ExportWorker, WORKER_URL};
use yew::prelude::*;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Props of [`ExportButton`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The report to export.
    pub report: Rc<Report>,
    /// The loaded files (the report's inputs among them go on the input-data sheets).
    pub files: Vec<LoadedFile>,
    /// For messages.
    pub dispatcher: yew::UseReducerDispatcher<State>,
}

/// Today's date in the browser's time zone, "2026-11-24".
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// The export in progress, if any.
#[derive(Debug, Default)]
struct Running {
    /// Counts the exports started or stopped: a packing that was scheduled by an earlier click
    /// sees the count has moved on and does not start.
    generation: u32,
    /// The frame after which packing starts; dropping it cancels the start.
    frame: Option<gloo::render::AnimationFrame>,
    /// The worker; dropping it terminates it.
    worker: Option<ExportWorker>,
}

impl Running {
    /// Stops whatever runs.
    fn stop(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        self.frame = None;
        self.worker = None;
    }
}

/// Downloads the report as xlsx. The export runs in a worker of its own, so the page answers
/// while a large workbook is made: the button says "Skapar Excelfilen…" and "Avbryt" stops the
/// worker. Only packing the job (the Report and its inputs) happens on the page, after the busy
/// state has been drawn.
#[function_component(ExportButton)]
pub fn export_button(props: &Props) -> Html {
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
        let (report, files, dispatcher) = (props.report.clone(), props.files.clone(), props.dispatcher.clone());
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
            let handle = running.clone();
            let (report, files, dispatcher, busy, running) =
                (report.clone(), files.clone(), dispatcher.clone(), busy.clone(), running.clone());
            // Packing holds the page, so it starts once the browser has drawn the busy state: after
            // the next frame (a timeout of 0 from within the frame's callback runs after its paint).
            let start = move || {
                if running.borrow().generation != generation {
                    return;
                }
                let topic = export_topic(&report.plugin.id);
                let fail = |text: String| {
                    busy.set(false);
                    dispatcher.dispatch(Action::NotifyAbout { about: topic.clone(), is_error: true, text });
                };
                let date = today();
                let file_name = format!("{}_{date}.xlsx", report.plugin.id);
                let options = ExportOptions { date: Some(date), ..Default::default() };
                let job = ExportJob::new(&report, files.iter().flat_map(|f| f.import.datasets.iter()), options);
                let packed = match export_worker::pack(&job) {
                    Ok(packed) => packed,
                    Err(text) => return fail(text),
                };
                let done = {
                    let (dispatcher, busy, running, topic) =
                        (dispatcher.clone(), busy.clone(), running.clone(), topic.clone());
                    move |outcome: export_worker::Outcome| {
                        // The worker is done: terminating it gives its memory back.
                        running.borrow_mut().stop();
                        busy.set(false);
                        let result =
                            outcome.and_then(|file| crate::download::download_array(&file, &file_name, XLSX_MIME));
                        // A failure is said until an export of the report succeeds.
                        dispatcher.dispatch(match result {
                            Ok(()) => Action::Resolved(topic),
                            Err(text) => Action::NotifyAbout { about: topic, is_error: true, text },
                        });
                    }
                };
                match ExportWorker::start(WORKER_URL, packed, done) {
                    Ok(worker) => running.borrow_mut().worker = Some(worker),
                    Err(text) => fail(text),
                }
            };
            let frame = gloo::render::request_animation_frame(move |_| {
                gloo::timers::callback::Timeout::new(0, start).forget();
            });
            handle.borrow_mut().frame = Some(frame);
        })
    };
    let cancel = {
        let (dispatcher, busy, running) = (props.dispatcher.clone(), busy.clone(), running.clone());
        let about = export_topic(&props.report.plugin.id);
        Callback::from(move |_| {
            running.borrow_mut().stop();
            busy.set(false);
            let text = "Excelexporten avbröts.".to_owned();
            dispatcher.dispatch(Action::NotifyAbout { about: about.clone(), is_error: false, text });
        })
    };
    html! {
        <>
            <button class="button primary" {onclick} disabled={*busy} aria-busy={busy.to_string()} data-testid="export-xlsx">
                { if *busy { "Skapar Excelfilen…" } else { "Exportera till Excel" } }
            </button>
            if *busy {
                <button class="button secondary" onclick={cancel} data-testid="export-cancel">{ "Avbryt" }</button>
            }
        </>
    }
}

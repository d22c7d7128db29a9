//! The page: header, files and report choice on the left, the report on the right.

use crate::components::{
    clear_data::ClearData, drop_zone::DropZone, export_button::ExportButton, file_list::FileList, gallery::Gallery,
    input_choice::InputChoices, messages::Messages, params_form::ParamsForm, plugin_picker::PluginPicker,
    report_view::ReportView,
};
use crate::state::{Action, State};
use yew::prelude::*;

/// Opens the browser's print dialog; the print style sheet shows only the report.
fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The application root.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| match uppfolj_app::registry() {
        Ok(registry) => State::new(registry),
        Err(err) => {
            let mut s = State::new(uppfolj_plugin::Registry::new());
            s.notify(true, format!("Programfel: {err}"));
            s
        }
    });
    let files = state.session.files().to_vec();
    let plugin_id = state.session.plugin_id().unwrap_or_default().to_owned();
    {
        let dispatcher = state.dispatcher();
        // The saved workspace, or the sample on a first visit; then every change is saved.
        use_effect_with((), move |_| crate::persist::start(dispatcher));
    }
    crate::persist::use_autosave(&state);
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |id| dispatcher.dispatch(Action::Dismiss(id)))
    };
    html! {
        <>
        <a class="skip-link" href="#rapport">{"Hoppa till rapporten"}</a>
        <header class="app-header">
            <div class="brand">
                <span class="logo" aria-hidden="true">{"▦"}</span>
                <span class="name">{"uppfolj"}</span>
                <span class="tagline">{"Budget- och verksamhetsuppföljning"}</span>
            </div>
            <p class="privacy">{"Allt räknas i din webbläsare. Inga filer skickas någonstans."}</p>
        </header>
        <main class="layout">
            <aside class="sidebar" aria-label="Data och rapportval">
                <DropZone dispatcher={state.dispatcher()} />
                <FileList files={files.clone()} sample={state.sample.clone()} remembered={state.remembered.iter().cloned().collect::<Vec<_>>()} dispatcher={state.dispatcher()} />
                <PluginPicker registry={state.session.registry().clone()} selected={plugin_id.clone()} dispatcher={state.dispatcher()} />
                <ParamsForm registry={state.session.registry().clone()} {plugin_id} params={state.session.params().to_vec()} dispatcher={state.dispatcher()} />
                <ClearData saves={state.saves} dispatcher={state.dispatcher()} />
            </aside>
            <section class="content" id="rapport" tabindex="-1" aria-label="Rapporten">
                <Messages messages={state.messages.clone()} {on_dismiss} />
                <Gallery entries={state.gallery.clone()} open={state.session.files().is_empty()} dispatcher={state.dispatcher()} />
                <InputChoices choices={state.input_choices.clone()} dispatcher={state.dispatcher()} />
                if let Some(report) = &state.report {
                    <div class="report-actions">
                        <button class="button secondary" onclick={Callback::from(|_| print_page())}>{"Skriv ut"}</button>
                        <ExportButton report={report.clone()} {files} dispatcher={state.dispatcher()} />
                    </div>
                    <ReportView report={report.clone()} />
                } else if let Some(error) = &state.report_error {
                    // The chosen report cannot be made of the files loaded now: the reason, in its place.
                    <div class="empty" role="status" data-testid="report-error">
                        <h1>{"Rapporten kunde inte tas fram"}</h1>
                        <p>{error}</p>
                        <p class="hint">{"Under ”Alla rapporter” ovan står vilka rapporter de inlästa filerna räcker till och vilken fil de andra behöver."}</p>
                    </div>
                } else {
                    <div class="empty">
                        <h1>{"Ingen rapport ännu"}</h1>
                        <p>{"Släpp en budget- eller indikatorfil till vänster, eller välj en fil."}</p>
                    </div>
                }
            </section>
        </main>
        </>
    }
}

//! The page: header, files and report choice on the left, the report on the right.

use crate::components::{
    clear_data::ClearData, drop_zone::DropZone, export_button::ExportButton, file_list::FileList, gallery::Gallery,
    input_choice::InputChoices, messages::Messages, params_form::ParamsForm, plugin_picker::PluginPicker,
    progress::ProgressBar, report_view::ReportView,
};
use crate::control::Control;
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
    let state = use_reducer(State::default);
    let control = use_state(|| Control::new(state.dispatcher()));
    let control: Control = (*control).clone();
    // What "Avbryt" makes again: the workspace as shown.
    control.shown(&state);
    {
        let control = control.clone();
        // The saved workspace, or the sample on a first visit; then every change is saved.
        use_effect_with((), move |_| crate::persist::start(control));
    }
    crate::persist::use_autosave(&state);
    let on_dismiss = {
        let control = control.clone();
        Callback::from(move |id| control.dispatch(Action::Dismiss(id)))
    };
    let view = &state.view;
    let plugin_id = view.plugin.clone().unwrap_or_default();
    let busy = state.busy.clone();
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
                <DropZone control={control.clone()} />
                if let Some(busy) = busy.clone().filter(|b| b.label.is_some()) {
                    <ProgressBar {busy} control={control.clone()} />
                }
                <FileList files={view.files.iter().filter(|f| !state.removing.contains(&f.name)).cloned().collect::<Vec<_>>()} control={control.clone()} />
                <PluginPicker plugins={view.plugins.clone()} selected={plugin_id.clone()} control={control.clone()} />
                <ParamsForm specs={view.param_specs.clone()} params={view.params.clone()} control={control.clone()} />
                <ClearData saves={state.saves} control={control.clone()} />
            </aside>
            <section class="content" id="rapport" tabindex="-1" aria-label="Rapporten">
                <Messages messages={state.messages.clone()} {on_dismiss} />
                <Gallery entries={view.gallery.clone()} open={view.files.is_empty()} control={control.clone()} />
                <InputChoices choices={view.input_choices.clone()} control={control.clone()} />
                if let Some(report) = &state.report {
                    <div class="report-actions">
                        <button class="button secondary" onclick={Callback::from(|_| print_page())}>{"Skriv ut"}</button>
                        <ExportButton report={report.clone()} waiting={busy.is_some()} control={control.clone()} />
                    </div>
                    <ReportView report={report.clone()} />
                } else if let Some(error) = &view.report_error {
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

//! The page: header, files and report choice on the left, the report on the right.

use crate::components::{
    clear_data::ClearData, drop_zone::DropZone, export_button::ExportButton, file_list::FileList, gallery::Gallery,
    input_choice::InputChoices, language_toggle::LanguageToggle, later::use_report_a_frame_later, messages::Messages,
    params_form::ParamsForm, plugin_picker::PluginPicker, progress::ProgressBar, report_view::ReportView,
};
use crate::control::Control;
use crate::i18n::{self, Lang};
use crate::state::{Action, State};
use yew::prelude::*;

/// Opens the browser's print dialog; the print style sheet shows only the report.
fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The interface's language, kept between visits, and the callback the toggle calls. `<html
/// lang>` and the title follow it.
#[hook]
fn use_language() -> (Lang, Callback<Lang>) {
    let lang = use_state_eq(i18n::saved);
    use_effect_with(*lang, |lang| i18n::apply_to_document(*lang));
    let on_change = {
        let lang = lang.clone();
        Callback::from(move |chosen: Lang| {
            i18n::save(chosen);
            lang.set(chosen);
        })
    };
    (*lang, on_change)
}

/// The application root; the language reaches every component as a context.
#[function_component(App)]
pub fn app() -> Html {
    let (lang, on_lang) = use_language();
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
    // A new report is drawn a frame after the rest of the answer (components/later.rs).
    let report = use_report_a_frame_later(state.report.clone());
    let view = &state.view;
    let plugin_id = view.plugin.clone().unwrap_or_default();
    let busy = state.busy.clone();
    let t = |key: &str| lang.text(key);
    html! {
        <ContextProvider<Lang> context={lang}>
        <a class="skip-link" href="#rapport">{t("app.skip_link")}</a>
        <header class="app-header">
            <div class="brand">
                <span class="logo" aria-hidden="true">{"▦"}</span>
                <span class="name">{"uppfolj"}</span>
                <span class="tagline">{t("app.tagline")}</span>
            </div>
            <p class="privacy">{t("app.privacy")}</p>
            <LanguageToggle {lang} on_change={on_lang} />
        </header>
        <main class="layout">
            <aside class="sidebar" aria-label={t("app.sidebar")}>
                <DropZone control={control.clone()} />
                if let Some(busy) = busy.clone().filter(|b| b.label.is_some()) {
                    <ProgressBar {busy} control={control.clone()} />
                }
                <FileList files={view.files.iter().filter(|f| !state.removing.contains(&f.name)).cloned().collect::<Vec<_>>()} control={control.clone()} />
                <PluginPicker plugins={view.plugins.clone()} selected={plugin_id.clone()} control={control.clone()} />
                <ParamsForm specs={view.param_specs.clone()} params={view.params.clone()} control={control.clone()} />
                <ClearData saves={state.saves} control={control.clone()} />
            </aside>
            <section class="content" id="rapport" tabindex="-1" aria-label={t("app.content")}>
                <Messages messages={state.messages.clone()} {on_dismiss} />
                <Gallery entries={view.gallery.clone()} open={view.files.is_empty()} control={control.clone()} />
                <InputChoices choices={view.input_choices.clone()} control={control.clone()} />
                if lang != Lang::Sv && (report.is_some() || view.report_error.is_some()) {
                    <p class="lang-note" data-testid="lang-note">{t("app.swedish_reports")}</p>
                }
                if let Some(report) = &report {
                    <div class="report-actions">
                        <button class="button secondary" onclick={Callback::from(|_| print_page())}>{t("app.print")}</button>
                        <ExportButton report={report.clone()} waiting={busy.is_some()} control={control.clone()} />
                    </div>
                    <ReportView report={report.clone()} />
                } else if let Some(error) = &view.report_error {
                    // The chosen report cannot be made of the files loaded now: the reason, in its place.
                    <div class="empty" role="status" data-testid="report-error">
                        <h1>{t("app.report_failed")}</h1>
                        <p>{i18n::report_problem(error).show(lang)}</p>
                        <p class="hint">{t("app.report_failed_hint")}</p>
                    </div>
                } else {
                    <div class="empty">
                        <h1>{t("app.no_report")}</h1>
                        <p>{t("app.no_report_hint")}</p>
                    </div>
                }
            </section>
        </main>
        </ContextProvider<Lang>>
    }
}

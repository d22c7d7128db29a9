//! Which file feeds which input of the chosen report, when several loaded files fit one
//! ([`uppfolj_app::InputChoice`]): a list box per input, "Automatiskt (the file it takes now)"
//! first, set to the file the user chose or else to that; choosing another makes the report of
//! it. Beside it, the reports that compare those files (two budget
//! files: "Jämför filerna"), one button each.

use crate::control::Control;
use crate::i18n::{Lang, Text, use_lang};
use uppfolj_app::{InputChoice, ReportLink};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`InputChoices`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The inputs several files fit.
    pub choices: Vec<InputChoice>,
    /// For choosing (a command to the session worker).
    pub control: Control,
}

fn choice(c: &InputChoice, control: &Control, lang: Lang) -> Html {
    let onchange = {
        let (control, input) = (control.clone(), c.key.clone());
        Callback::from(move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                control.bind(input.clone(), select.value());
            }
        })
    };
    let id = format!("input-{}", c.key);
    html! {
        <div class="param input-choice">
            <label for={id.clone()} lang="sv">{&c.description_sv}</label>
            <select {id} {onchange} data-testid="input-choice" data-input={c.key.clone()}>
                <option value="" selected={!c.chosen}>{automatic(&c.automatic, lang)}</option>
                { for c.files.iter().map(|f| html! {
                    <option value={f.clone()} selected={c.chosen && *f == c.used}>{f}</option>
                }) }
            </select>
            { for c.compare.iter().map(|r| compare(r, c.files.len(), control, lang)) }
        </div>
    }
}

/// The choice that leaves the file to the report, naming the file it takes now ("Automatiskt
/// (budget_2024.xlsx)").
pub fn automatic(file: &str, lang: Lang) -> String {
    if file.is_empty() {
        return lang.text("choice.automatic_none");
    }
    Text::key("choice.automatic").with("file", file).show(lang)
}

/// The button that picks a report comparing the files ("Jämför filerna: Jämförelse av budgetfiler").
fn compare(report: &ReportLink, files: usize, control: &Control, lang: Lang) -> Html {
    let onclick = {
        let (control, id) = (control.clone(), report.id.clone());
        Callback::from(move |_| control.pick(id.clone()))
    };
    let what = lang.text(if files == 2 { "choice.compare_two" } else { "choice.compare_all" });
    html! {
        <button type="button" class="button secondary compare" data-testid="compare-files" data-id={report.id.clone()} {onclick}>
            {format!("{what}: ")}<span lang="sv">{&report.name_sv}</span>
        </button>
    }
}

/// Says which file the report is made of where several fit, and lets the user choose.
#[function_component(InputChoices)]
pub fn input_choices(props: &Props) -> Html {
    let lang = use_lang();
    if props.choices.is_empty() {
        return html! {};
    }
    html! {
        <section class="input-choices panel" aria-labelledby="input-choices-heading" data-testid="input-choices">
            <h2 id="input-choices-heading">{lang.text("choice.heading")}</h2>
            <p class="input-choices-hint">
                {lang.text("choice.hint")}
            </p>
            { for props.choices.iter().map(|c| choice(c, &props.control, lang)) }
        </section>
    }
}

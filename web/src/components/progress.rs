//! The progress of a file being read in the session worker: what is done now ("Läser bladet
//! 'Blad1': 40 960 rader", in the page's language), a bar that fills when the share done is
//! known and moves to and fro while it is not, and "Avbryt".

use crate::control::{Control, RESTORING};
use crate::i18n::{Text, step_text, use_lang};
use crate::state::Busy;
use yew::prelude::*;

/// Props of [`ProgressBar`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The command running.
    pub busy: Busy,
    /// For cancelling.
    pub control: Control,
}

/// The progress bar with its text and "Avbryt".
#[function_component(ProgressBar)]
pub fn progress_bar(props: &Props) -> Html {
    let lang = use_lang();
    let label = props.busy.label.clone().unwrap_or_default();
    let working = props.busy.working.clone();
    let text = working.as_ref().map_or_else(|| lang.text("progress.starting"), |w| step_text(&w.step).show(lang));
    let fraction = working.and_then(|w| w.fraction).map(|f| f.clamp(0.0, 1.0));
    let cancel = {
        let control = props.control.clone();
        Callback::from(move |_| control.cancel())
    };
    let title = if label == RESTORING {
        lang.text("progress.workspace")
    } else {
        Text::key("progress.reading").with("name", label).show(lang)
    };
    html! {
        <section class="panel progress" aria-label={title.clone()} data-testid="progress">
            <p class="progress-title">{title.clone()}</p>
            if let Some(fraction) = fraction {
                <progress max="1" value={fraction.to_string()} aria-label={title.clone()}></progress>
            } else {
                // No value: the browser draws an indeterminate bar.
                <progress max="1" aria-label={title}></progress>
            }
            <p class="progress-text" data-testid="progress-text">{text}</p>
            <button class="button secondary" onclick={cancel} data-testid="cancel-import">{lang.text("progress.cancel")}</button>
        </section>
    }
}

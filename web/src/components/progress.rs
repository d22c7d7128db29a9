//! The progress of a file being read in the session worker: what is done now (the import's own
//! Swedish words, "Läser bladet 'Blad1': 40 960 rader"), a bar that fills when the share done is
//! known and moves to and fro while it is not, and "Avbryt".

use crate::control::Control;
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
    let label = props.busy.label.clone().unwrap_or_default();
    let working = props.busy.working.clone();
    let text = working.as_ref().map_or_else(|| "Startar".to_owned(), |w| w.text.clone());
    let fraction = working.and_then(|w| w.fraction).map(|f| f.clamp(0.0, 1.0));
    let cancel = {
        let control = props.control.clone();
        Callback::from(move |_| control.cancel())
    };
    let title = format!("Läser in {label}");
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
            <button class="button secondary" onclick={cancel} data-testid="cancel-import">{"Avbryt"}</button>
        </section>
    }
}

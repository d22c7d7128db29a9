//! "Sparat i webbläsaren": says that the workspace is kept in this browser, and "Rensa all data"
//! removes it all after a confirmation (the page starts again as on a first visit).

use crate::control::Control;
use crate::i18n::use_lang;
use yew::prelude::*;

/// Props of [`ClearData`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// How many times the workspace was saved (for tests and the curious: `data-saves`).
    pub saves: u32,
    /// For clearing.
    pub control: Control,
}

/// The storage panel with "Rensa all data" and its confirmation.
#[function_component(ClearData)]
pub fn clear_data(props: &Props) -> Html {
    let lang = use_lang();
    let asking = use_state(|| false);
    let confirm_ref = use_node_ref();
    {
        // The confirmation takes the focus, so a keyboard user answers it at once.
        let confirm_ref = confirm_ref.clone();
        use_effect_with(*asking, move |asking| {
            if let (true, Some(button)) = (*asking, confirm_ref.cast::<web_sys::HtmlElement>()) {
                let _ = button.focus();
            }
        });
    }
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(true))
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(false))
    };
    let confirm = {
        let (asking, control) = (asking.clone(), props.control.clone());
        Callback::from(move |_| {
            asking.set(false);
            crate::persist::clear_all(control.clone());
        })
    };
    html! {
        <section class="panel storage" aria-labelledby="storage-heading" data-testid="storage" data-saves={props.saves.to_string()}>
            <h2 id="storage-heading">{lang.text("storage.heading")}</h2>
            <p class="hint">{lang.text("storage.hint")}</p>
            if *asking {
                <div class="confirm" role="group" aria-labelledby="clear-question">
                    <p id="clear-question">{lang.text("storage.question")}</p>
                    <button class="button danger" ref={confirm_ref} onclick={confirm} data-testid="clear-confirm">{lang.text("storage.confirm")}</button>
                    <button class="button secondary" onclick={cancel}>{lang.text("storage.cancel")}</button>
                </div>
            } else {
                <button class="button secondary" onclick={ask} data-testid="clear-all">{lang.text("storage.clear")}</button>
            }
        </section>
    }
}

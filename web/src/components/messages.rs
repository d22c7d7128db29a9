//! Messages above the report: import errors, plugin errors, confirmations.

use crate::i18n::use_lang;
use crate::state::Message;
use yew::prelude::*;

/// Props of [`Messages`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The messages.
    pub messages: Vec<Message>,
    /// Dismisses a message by id.
    pub on_dismiss: Callback<u32>,
}

/// Shows messages. The list is the page's only live region: a message that appears is read out
/// by a screen reader (errors at once, as alerts), the report beside it is not.
#[function_component(Messages)]
pub fn messages(props: &Props) -> Html {
    let lang = use_lang();
    html! {
        <div class="messages" aria-live="polite" data-testid="messages">
        { for props.messages.iter().map(|m| {
            let id = m.id;
            let on_dismiss = props.on_dismiss.clone();
            let onclick = Callback::from(move |_| on_dismiss.emit(id));
            let (class, role, label) =
                if m.is_error { ("message error", "alert", "messages.error") } else { ("message info", "status", "messages.info") };
            let label = lang.text(label);
            html! {
                <div {class} {role} data-testid={if m.is_error { "error" } else { "info" }}>
                    <strong>{label}{": "}</strong>
                    <span>
                        {m.text.show(lang)}
                        if let Some(detail) = &m.detail {
                            <small class="detail">{lang.text("messages.detail")}{detail}</small>
                        }
                    </span>
                    <button class="icon" aria-label={lang.text("messages.close")} {onclick}>{"×"}</button>
                </div>
            }
        }) }
        </div>
    }
}

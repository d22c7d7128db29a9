//! The language toggle in the header: a button named in the other language ("English" on the
//! Swedish page, "Svenska" on the English one) that switches the interface to it.

use crate::i18n::Lang;
use yew::prelude::*;

/// Props of [`LanguageToggle`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The language shown now.
    pub lang: Lang,
    /// Called with the language chosen.
    pub on_change: Callback<Lang>,
}

/// The button that switches to the other language; its text is in that language (and marked so,
/// for a screen reader to say it right).
#[function_component(LanguageToggle)]
pub fn language_toggle(props: &Props) -> Html {
    let other = props.lang.other();
    let onclick = {
        let on_change = props.on_change.clone();
        Callback::from(move |_| on_change.emit(other))
    };
    let name = match other {
        Lang::Sv => "Svenska",
        Lang::En => "English",
    };
    html! {
        <button type="button" class="button secondary lang-toggle" lang={other.code()} {onclick} data-testid="lang-toggle">
            {name}
        </button>
    }
}

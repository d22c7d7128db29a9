//! Choosing the report (plugin).

use crate::control::Control;
use crate::i18n::use_lang;
use uppfolj_web::session_protocol::PluginChoice;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`PluginPicker`].
#[derive(Properties)]
pub struct Props {
    /// The reports offered, with whether the loaded files fit each.
    pub plugins: Vec<PluginChoice>,
    /// The chosen plugin id.
    pub selected: String,
    /// For choosing.
    pub control: Control,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        self.plugins == other.plugins && self.selected == other.selected
    }
}

/// A list of the reports there are, with their descriptions.
#[function_component(PluginPicker)]
pub fn plugin_picker(props: &Props) -> Html {
    let lang = use_lang();
    let onchange = {
        let control = props.control.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                control.pick(select.value());
            }
        })
    };
    let description =
        props.plugins.iter().find(|p| p.id == props.selected).map(|p| p.description.clone()).unwrap_or_default();
    html! {
        <section class="panel" aria-labelledby="plugin-heading">
            <h2 id="plugin-heading"><label for="plugin-select">{lang.text("picker.heading")}</label></h2>
            <select id="plugin-select" lang="sv" {onchange} data-testid="plugin-select">
            { for props.plugins.iter().map(|p| html! {
                <option value={p.id.clone()} selected={p.id == props.selected}>{p.name.clone()}</option>
            }) }
            </select>
            <p class="plugin-description" lang="sv">{description}</p>
        </section>
    }
}

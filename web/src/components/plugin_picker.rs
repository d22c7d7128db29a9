//! Choosing the report (plugin).

use crate::state::{Action, State};
use std::sync::Arc;
use uppfolj_plugin::Registry;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`PluginPicker`].
#[derive(Properties)]
pub struct Props {
    /// The plugins.
    pub registry: Arc<Registry>,
    /// The chosen plugin id.
    pub selected: String,
    /// For choosing.
    pub dispatcher: yew::UseReducerDispatcher<State>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.registry, &other.registry) && self.selected == other.selected
    }
}

/// A list of the reports there are, with their descriptions.
#[function_component(PluginPicker)]
pub fn plugin_picker(props: &Props) -> Html {
    let onchange = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                dispatcher.dispatch(Action::SelectPlugin(select.value()));
            }
        })
    };
    let description = props.registry.meta(&props.selected).map(|m| m.description_sv.clone()).unwrap_or_default();
    html! {
        <section class="panel" aria-labelledby="plugin-heading">
            <h2 id="plugin-heading"><label for="plugin-select">{"Rapport"}</label></h2>
            <select id="plugin-select" {onchange} data-testid="plugin-select">
            { for props.registry.metas().map(|meta| html! {
                <option value={meta.id.clone()} selected={meta.id == props.selected}>{meta.name_sv.clone()}</option>
            }) }
            </select>
            <p class="plugin-description">{description}</p>
        </section>
    }
}

//! The chosen plugin's parameters.

use crate::state::{Action, State};
use std::sync::Arc;
use uppfolj_plugin::{ParamKind, Registry};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`ParamsForm`].
#[derive(Properties)]
pub struct Props {
    /// The plugins.
    pub registry: Arc<Registry>,
    /// The chosen plugin.
    pub plugin_id: String,
    /// Values typed so far.
    pub params: Vec<(String, String)>,
    /// For changes.
    pub dispatcher: yew::UseReducerDispatcher<State>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.registry, &other.registry) && self.plugin_id == other.plugin_id && self.params == other.params
    }
}

fn value_of(e: &Event) -> Option<String> {
    let target = e.target()?;
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(if input.type_() == "checkbox" { input.checked().to_string() } else { input.value() });
    }
    target.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value())
}

/// A form with one field per parameter; a change recomputes the report.
#[function_component(ParamsForm)]
pub fn params_form(props: &Props) -> Html {
    let Some(plugin) = props.registry.get(&props.plugin_id) else { return html! {} };
    let specs = plugin.params();
    if specs.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel" aria-labelledby="params-heading">
            <h2 id="params-heading">{"Inställningar"}</h2>
            <div class="params">
            { for specs.into_iter().map(|spec| {
                let key = spec.key.to_owned();
                let current = props.params.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone());
                let default = spec.default.as_ref().map(|d| match d {
                    uppfolj_plugin::ParamValue::Number(v) => v.to_string(),
                    other => other.to_string(),
                }).unwrap_or_default();
                let value = current.unwrap_or_else(|| default.clone());
                let dispatcher = props.dispatcher.clone();
                let k = key.clone();
                let onchange = Callback::from(move |e: Event| {
                    if let Some(v) = value_of(&e) {
                        dispatcher.dispatch(Action::SetParam(k.clone(), v));
                    }
                });
                let id = format!("param-{key}");
                let field = match &spec.kind {
                    ParamKind::Choice { choices } => html! {
                        <select id={id.clone()} {onchange}>
                        { for choices.iter().map(|(v, label)| html! {
                            <option value={v.clone()} selected={*v == value}>{label}</option>
                        }) }
                        </select>
                    },
                    ParamKind::Bool => html! {
                        <input id={id.clone()} type="checkbox" checked={value == "true" || value == "ja"} {onchange} />
                    },
                    ParamKind::Number { .. } | ParamKind::Integer { .. } => html! {
                        <input id={id.clone()} type="text" inputmode="decimal" value={value} {onchange} />
                    },
                    ParamKind::Text => html! { <input id={id.clone()} type="text" value={value} {onchange} /> },
                };
                html! {
                    <div class="param">
                        <label for={id}>{spec.label_sv}</label>
                        {field}
                        if !spec.help_sv.is_empty() { <small>{spec.help_sv}</small> }
                    </div>
                }
            }) }
            </div>
        </section>
    }
}

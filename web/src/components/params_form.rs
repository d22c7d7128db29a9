//! The chosen plugin's parameters.

use super::input_choice::automatic;
use crate::control::Control;
use crate::i18n::{Lang, use_lang};
use uppfolj_plugin::{ParamKind, ParamSpec};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`ParamsForm`].
#[derive(Properties)]
pub struct Props {
    /// The chosen report's parameters.
    pub specs: Vec<ParamSpec>,
    /// Values typed so far.
    pub params: Vec<(String, String)>,
    /// For changes.
    pub control: Control,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        self.specs == other.specs && self.params == other.params
    }
}

fn value_of(e: &Event) -> Option<String> {
    let target = e.target()?;
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(if input.type_() == "checkbox" { input.checked().to_string() } else { input.value() });
    }
    target.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value())
}

/// A form with one field per parameter; a change recomputes the report. The parameters of a
/// composite report's parts (`scorecard.partial`, labelled "Måluppfyllelse: …") are grouped
/// per part, each group folded until the user opens it or has set one of its values.
#[function_component(ParamsForm)]
pub fn params_form(props: &Props) -> Html {
    let lang = use_lang();
    let specs = &props.specs;
    if specs.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel" aria-labelledby="params-heading">
            <h2 id="params-heading">{lang.text("params.heading")}</h2>
            <div class="params" lang="sv">
            { for groups(specs).into_iter().map(|(group, specs)| match group {
                None => specs.into_iter().map(|spec| field(spec, spec.label_sv.clone(), props, lang)).collect::<Html>(),
                Some(name) => {
                    let open = specs.iter().any(|s| props.params.iter().any(|(k, _)| *k == s.key));
                    let prefix = format!("{name}: ");
                    html! {
                        <details class="param-group" {open}>
                            <summary>{name}</summary>
                            { for specs.into_iter().map(|spec| {
                                let label = spec.label_sv.strip_prefix(&prefix).unwrap_or(&spec.label_sv).to_owned();
                                field(spec, label, props, lang)
                            }) }
                        </details>
                    }
                }
            }) }
            </div>
        </section>
    }
}

/// The specs in runs of the same part: `None` for the plugin's own, else the part's name (the
/// label before ": " of a key `part.key`).
fn groups(specs: &[ParamSpec]) -> Vec<(Option<String>, Vec<&ParamSpec>)> {
    let mut groups: Vec<(Option<String>, Vec<&ParamSpec>)> = Vec::new();
    for spec in specs {
        let group = spec.key.contains('.').then(|| spec.label_sv.split_once(": ").map(|(g, _)| g.to_owned())).flatten();
        match groups.last_mut() {
            Some((last, members)) if *last == group => members.push(spec),
            _ => groups.push((group, vec![spec])),
        }
    }
    groups
}

/// An option's words: a composite report's "" for a part's file (`<part>.file`) is the report's
/// own choice, labelled with the file it takes now ("Automatiskt (drift.xlsx)").
fn option_label(spec: &ParamSpec, value: &str, label: &str, lang: Lang) -> String {
    if value.is_empty() && spec.key.ends_with(".file") { automatic(label, lang) } else { label.to_owned() }
}

/// One parameter's field, labelled `label`.
fn field(spec: &ParamSpec, label: String, props: &Props, lang: Lang) -> Html {
    let key = spec.key.clone();
    let current = props.params.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone());
    let default = spec
        .default
        .as_ref()
        .map(|d| match d {
            uppfolj_plugin::ParamValue::Number(v) => v.to_string(),
            other => other.to_string(),
        })
        .unwrap_or_default();
    let value = current.unwrap_or(default);
    let control = props.control.clone();
    let k = key.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(v) = value_of(&e) {
            control.set_param(k.clone(), v);
        }
    });
    let id = format!("param-{}", key.replace('.', "-"));
    let input = match &spec.kind {
        ParamKind::Choice { choices } => html! {
            <select id={id.clone()} {onchange}>
            { for choices.iter().map(|(v, label)| html! {
                <option value={v.clone()} selected={*v == value}>{option_label(spec, v, label, lang)}</option>
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
            <label for={id}>{label}</label>
            {input}
            if !spec.help_sv.is_empty() { <small>{spec.help_sv.clone()}</small> }
        </div>
    }
}

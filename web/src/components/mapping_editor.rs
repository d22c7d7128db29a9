//! Correcting what the import understood: the header row, the unit and each column's role. The
//! corrections (a mapping) can be saved as a file and applied to next month's file with the same
//! layout.

use crate::control::Control;
use crate::state::FileView;
use uppfolj_import::{ColumnOverride, Mapping};
use uppfolj_model::{ColumnRole, Unit};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`MappingEditor`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Index of the file in the state.
    pub index: usize,
    /// The file.
    pub file: FileView,
    /// For applying the mapping.
    pub control: Control,
}

const UNITS: &[(&str, Unit)] = &[
    ("kr", Unit::Kr),
    ("tkr", Unit::Tkr),
    ("mnkr", Unit::Mnkr),
    ("kr/inv", Unit::KrPerInv),
    ("%", Unit::Percent),
    ("antal", Unit::Count),
];

fn role_key(role: ColumnRole) -> String {
    format!("{role:?}")
}

fn select_value(e: &Event) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value())
}

/// A form over the file's mapping; "Läs in igen" re-imports with it.
#[function_component(MappingEditor)]
pub fn mapping_editor(props: &Props) -> Html {
    let draft = use_state(|| props.file.mapping.clone());
    {
        // The file read with another mapping (remembered for its layout, or that undone): the form
        // shows it.
        let draft = draft.clone();
        use_effect_with(props.file.mapping.clone(), move |mapping| draft.set(mapping.clone()));
    }
    let set = {
        let draft = draft.clone();
        move |f: Box<dyn Fn(&mut Mapping)>| {
            let mut m = (*draft).clone();
            f(&mut m);
            draft.set(m);
        }
    };
    let on_header = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let value = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value());
            let row = value.and_then(|v| v.trim().parse::<u32>().ok()).filter(|r| *r >= 1);
            set(Box::new(move |m| m.header_row = row));
        })
    };
    let on_unit = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let unit = select_value(&e).and_then(|v| UNITS.iter().find(|(k, _)| *k == v).map(|(_, u)| u.clone()));
            set(Box::new(move |m| m.unit = unit.clone()));
        })
    };
    let apply = {
        let draft = draft.clone();
        let control = props.control.clone();
        let name = props.file.name.clone();
        Callback::from(move |_| control.remap(name.clone(), (*draft).clone(), false))
    };
    let save = {
        let draft = draft.clone();
        let control = props.control.clone();
        let name = props.file.name.clone();
        Callback::from(move |_| {
            let result =
                serde_json::to_vec_pretty(&*draft).map_err(|e| format!("Tolkningen kunde inte sparas: {e}")).and_then(
                    |bytes| crate::download::download(&bytes, &format!("{name}.tolkning.json"), "application/json"),
                );
            if let Err(text) = result {
                control.notify(true, text);
            }
        })
    };
    let load = {
        let control = props.control.clone();
        let draft = draft.clone();
        let file_name = props.file.name.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
            input.set_value("");
            let (control, file_name) = (control.clone(), file_name.clone());
            let draft = draft.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let text = gloo::file::futures::read_as_text(&gloo::file::File::from(file)).await;
                match text.map_err(|e| e.to_string()).and_then(|t| serde_json::from_str::<Mapping>(&t).map_err(|e| e.to_string())) {
                    Ok(mapping) => {
                        draft.set(mapping.clone());
                        control.remap(file_name, mapping, false);
                    }
                    Err(err) => control.notify(
                        true,
                        format!("{name} är ingen sparad tolkning från uppfolj ({err}). Välj en fil som slutar på .tolkning.json."),
                    ),
                }
            });
        })
    };
    let unit_value = draft.unit.as_ref().map(|u| u.label().to_owned()).unwrap_or_default();
    html! {
        <details class="mapping-editor">
            <summary>{"Ändra tolkningen"}</summary>
            <div class="param">
                <label for={format!("hdr-{}", props.index)}>{"Rubrikrad (radnummer i Excel)"}</label>
                <input id={format!("hdr-{}", props.index)} type="text" inputmode="numeric" placeholder="automatisk"
                    value={draft.header_row.map(|r| r.to_string()).unwrap_or_default()} onchange={on_header} />
            </div>
            <div class="param">
                <label for={format!("unit-{}", props.index)}>{"Enhet för beloppen"}</label>
                <select id={format!("unit-{}", props.index)} onchange={on_unit}>
                    <option value="" selected={unit_value.is_empty()}>{"automatisk"}</option>
                    { for UNITS.iter().map(|(k, _)| html! { <option value={*k} selected={unit_value == *k}>{*k}</option> }) }
                </select>
            </div>
            <table class="mapping-columns">
                <thead><tr><th scope="col">{"Kolumn"}</th><th scope="col">{"Roll"}</th></tr></thead>
                <tbody>
                { for props.file.columns.iter().map(|c| {
                    let (letter, name, detected) = (c.letter.clone(), c.name.clone(), c.role);
                    let current = draft.columns.iter().find(|o| o.column == letter);
                    let value = match current {
                        Some(o) if o.ignore => "ignore".to_owned(),
                        Some(o) => o.role.map(role_key).unwrap_or_default(),
                        None => String::new(),
                    };
                    let set = set.clone();
                    let l = letter.clone();
                    let onchange = Callback::from(move |e: Event| {
                        let Some(v) = select_value(&e) else { return };
                        let l = l.clone();
                        set(Box::new(move |m| {
                            m.columns.retain(|o| o.column != l);
                            let role = ColumnRole::ALL.iter().copied().find(|r| role_key(*r) == v);
                            if v == "ignore" || role.is_some() {
                                m.columns.push(ColumnOverride { column: l.clone(), role, unit: None, ignore: v == "ignore" });
                            }
                        }));
                    });
                    let auto = format!("automatisk ({})", detected.map_or("ingen roll", |r| r.label_sv()));
                    html! {
                        <tr>
                            <td title={name.clone()}>{format!("{letter} {name}")}</td>
                            <td>
                                <select aria-label={format!("Roll för kolumn {letter}")} {onchange}>
                                    <option value="" selected={value.is_empty()}>{auto}</option>
                                    { for ColumnRole::ALL.iter().map(|r| html! {
                                        <option value={role_key(*r)} selected={value == role_key(*r)}>{r.label_sv()}</option>
                                    }) }
                                    <option value="ignore" selected={value == "ignore"}>{"Ignorera kolumnen"}</option>
                                </select>
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            <div class="mapping-actions">
                <button class="button primary" onclick={apply}>{"Läs in igen"}</button>
                <button class="button secondary" onclick={save}>{"Spara tolkning"}</button>
                <label class="button secondary">
                    {"Använd sparad…"}
                    <input type="file" accept=".json" class="visually-hidden" onchange={load} />
                </label>
            </div>
        </details>
    }
}

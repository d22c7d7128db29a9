//! Correcting what the import understood: the header row, the unit and each column's role. Each
//! change applies at once (the file is read again with it; if that fails, the earlier reading
//! stays and a message says why); an ignored column stays listed, so that it can be brought back.
//! The corrections (a mapping) can be saved as a file and applied to next month's file with the
//! same layout.

use crate::control::Control;
use crate::i18n::{Lang, Text, role_name, use_lang};
use crate::state::{Action, FileView};
use std::collections::BTreeMap;
use std::rc::Rc;
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

/// The columns of every table of the file: (letter, header, role the import gave).
fn columns(file: &FileView) -> Vec<(String, String, Option<ColumnRole>)> {
    file.columns.iter().map(|c| (c.letter.clone(), c.name.clone(), c.role)).collect()
}

/// The header of each column the editor saw, by letter: an ignored column keeps its name.
type Seen = BTreeMap<String, String>;

/// The columns the import read, and after them those the mapping ignores (which the import
/// leaves out), named by the header seen before they were ignored when it is known.
fn rows(file: &FileView, seen: &Seen) -> Vec<(String, String, Option<ColumnRole>)> {
    let mut out = columns(file);
    for o in file.mapping.columns.iter().filter(|o| o.ignore) {
        let key = o.column.trim().to_owned();
        if !out.iter().any(|(l, name, _)| l.eq_ignore_ascii_case(&key) || name.eq_ignore_ascii_case(&key)) {
            let name = seen.get(&key).cloned().unwrap_or_default();
            out.push((key, name, None));
        }
    }
    out
}

/// `mapping` with the column `letter` given `value`: a role's key, "ignore", or "" (automatic).
fn with_column(mut mapping: Mapping, letter: &str, value: &str) -> Mapping {
    mapping.columns.retain(|o| !o.column.trim().eq_ignore_ascii_case(letter));
    let role = ColumnRole::ALL.iter().copied().find(|r| role_key(*r) == value);
    if value == "ignore" || role.is_some() {
        mapping.columns.push(ColumnOverride { column: letter.to_owned(), role, unit: None, ignore: value == "ignore" });
    }
    mapping
}

/// Reads the file again with a mapping: the change applies at once.
type Apply = Rc<dyn Fn(Mapping)>;

/// One column: its letter and header, and its role (or "Ignorera kolumnen"); an ignored column
/// is struck through, with a button that brings it back.
fn column_row(
    (letter, name, detected): (String, String, Option<ColumnRole>),
    draft: &Mapping,
    base: &Mapping,
    apply: &Apply,
    lang: Lang,
) -> Html {
    let current = draft.columns.iter().find(|o| o.column.trim().eq_ignore_ascii_case(&letter));
    let value = match current {
        Some(o) if o.ignore => "ignore".to_owned(),
        Some(o) => o.role.map(role_key).unwrap_or_default(),
        None => String::new(),
    };
    let onchange = {
        let (apply, base, l) = (apply.clone(), base.clone(), letter.clone());
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                apply(with_column(base.clone(), &l, &v));
            }
        })
    };
    let restore = {
        let (apply, base, l) = (apply.clone(), base.clone(), letter.clone());
        Callback::from(move |_: MouseEvent| apply(with_column(base.clone(), &l, "")))
    };
    let ignored = value == "ignore";
    let detected = detected.map_or_else(|| lang.text("mapping.no_role"), |r| role_name(r, lang));
    let auto = Text::key("mapping.automatic_role").with("role", detected).show(lang);
    let header = if name.is_empty() { letter.clone() } else { format!("{letter} {name}") };
    html! {
        <tr class={classes!(ignored.then_some("ignored"))} data-testid="mapping-column" data-column={letter.clone()}>
            <td title={name.clone()}>
                {header}
                if ignored { <span class="visually-hidden">{lang.text("mapping.ignored")}</span> }
            </td>
            <td>
                if ignored {
                    <button class="button small" onclick={restore} aria-label={Text::key("mapping.restore_named").with("column", letter.as_str()).show(lang)}>
                        {lang.text("mapping.restore")}
                    </button>
                } else {
                    <select aria-label={Text::key("mapping.role_of").with("column", letter.as_str()).show(lang)} {onchange}>
                        <option value="" selected={value.is_empty()}>{auto}</option>
                        { for ColumnRole::ALL.iter().map(|r| html! {
                            <option value={role_key(*r)} selected={value == role_key(*r)}>{role_name(*r, lang)}</option>
                        }) }
                        <option value="ignore">{lang.text("mapping.ignore")}</option>
                    </select>
                }
            </td>
        </tr>
    }
}

/// Saves the mapping as a `.tolkning.json` file.
fn save_callback(draft: Mapping, name: String, control: Control) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        let result = serde_json::to_vec_pretty(&draft)
            .map_err(|e| Text::key("mapping.save_failed").with("reason", e.to_string()))
            .and_then(|bytes| crate::download::download(&bytes, &format!("{name}.tolkning.json"), "application/json"));
        if let Err(text) = result {
            control.dispatch(Action::NotifyAbout { about: name.clone(), is_error: true, text });
        }
    })
}

/// Reads a saved `.tolkning.json` and applies it.
fn load_callback(apply: Apply, about: String, control: Control) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        input.set_value("");
        let (apply, about, control) = (apply.clone(), about.clone(), control.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.name();
            let text = gloo::file::futures::read_as_text(&gloo::file::File::from(file)).await;
            match text
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str::<Mapping>(&t).map_err(|e| e.to_string()))
            {
                Ok(mapping) => apply(mapping),
                Err(err) => control.dispatch(Action::NotifyAbout {
                    about,
                    is_error: true,
                    text: Text::key("mapping.not_a_mapping").with("name", name).with("reason", err),
                }),
            }
        });
    })
}

/// Whether the editor is open, and its two handlers: a click on its summary (at once, so that the
/// form is there as the editor opens) and the `toggle` of its `<details>` (what it is). A closed
/// editor draws no form: a file with many columns would add hundreds of elements to every
/// answer's render (issue #12: the longest pause).
#[hook]
fn use_open() -> (bool, Callback<MouseEvent>, Callback<Event>) {
    let open = use_state_eq(|| false);
    let on_click = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                open.set(details.has_attribute("open"));
            }
        })
    };
    (*open, on_click, on_toggle)
}

/// A form over the file's mapping; each change reads the file again at once.
#[function_component(MappingEditor)]
pub fn mapping_editor(props: &Props) -> Html {
    let lang = use_lang();
    let (open, on_click, on_toggle) = use_open();
    // What the form shows: the mapping last applied (a change the import refused stays visible
    // beside the message saying why, while the file keeps its earlier reading).
    let draft = use_state(|| props.file.mapping.clone());
    // The columns seen: an ignored column keeps its header in the list.
    let seen = use_mut_ref(Seen::new);
    for (letter, name, _) in columns(&props.file) {
        seen.borrow_mut().insert(letter, name);
    }
    {
        // The file read with another mapping (remembered for its layout, or that undone): the form
        // shows it.
        let draft = draft.clone();
        use_effect_with(props.file.mapping.clone(), move |mapping| draft.set(mapping.clone()));
    }
    let base = props.file.mapping.clone();
    let apply: Apply = {
        let (draft, control, name) = (draft.clone(), props.control.clone(), props.file.name.clone());
        Rc::new(move |mapping: Mapping| {
            draft.set(mapping.clone());
            control.remap(name.clone(), mapping, false);
        })
    };
    let on_header = {
        let (apply, base) = (apply.clone(), base.clone());
        Callback::from(move |e: Event| {
            let value = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value());
            let header_row = value.and_then(|v| v.trim().parse::<u32>().ok()).filter(|r| *r >= 1);
            apply(Mapping { header_row, ..base.clone() });
        })
    };
    let on_unit = {
        let (apply, base) = (apply.clone(), base.clone());
        Callback::from(move |e: Event| {
            let unit = select_value(&e).and_then(|v| UNITS.iter().find(|(k, _)| *k == v).map(|(_, u)| u.clone()));
            apply(Mapping { unit, ..base.clone() });
        })
    };
    let reset = {
        let apply = apply.clone();
        Callback::from(move |_: MouseEvent| apply(Mapping::default()))
    };
    let save = save_callback((*draft).clone(), props.file.name.clone(), props.control.clone());
    let load = load_callback(apply.clone(), props.file.name.clone(), props.control.clone());
    let unit_value = draft.unit.as_ref().map(|u| u.label().to_owned()).unwrap_or_default();
    let rows = rows(&props.file, &seen.borrow());
    html! {
        <details class="mapping-editor" data-testid="mapping-editor" ontoggle={on_toggle}>
            <summary onclick={on_click}>{lang.text("mapping.summary")}</summary>
            if open {
            <p class="mapping-hint">{lang.text("mapping.hint")}</p>
            <div class="param">
                <label for={format!("hdr-{}", props.index)}>{lang.text("mapping.header_row")}</label>
                <input id={format!("hdr-{}", props.index)} type="text" inputmode="numeric" placeholder={lang.text("mapping.automatic")}
                    value={draft.header_row.map(|r| r.to_string()).unwrap_or_default()} onchange={on_header} />
            </div>
            <div class="param">
                <label for={format!("unit-{}", props.index)}>{lang.text("mapping.unit")}</label>
                <select id={format!("unit-{}", props.index)} onchange={on_unit}>
                    <option value="" selected={unit_value.is_empty()}>{lang.text("mapping.automatic")}</option>
                    { for UNITS.iter().map(|(k, _)| html! { <option value={*k} selected={unit_value == *k}>{*k}</option> }) }
                </select>
            </div>
            <table class="mapping-columns">
                <thead><tr><th scope="col">{lang.text("mapping.column")}</th><th scope="col">{lang.text("mapping.role")}</th></tr></thead>
                <tbody>
                { for rows.into_iter().map(|row| column_row(row, &draft, &base, &apply, lang)) }
                </tbody>
            </table>
            <div class="mapping-actions">
                <button class="button secondary" onclick={reset} disabled={props.file.mapping.is_empty()}>
                    {lang.text("mapping.reset")}
                </button>
                <button class="button secondary" onclick={save}>{lang.text("mapping.save")}</button>
                <label class="button secondary">
                    {lang.text("mapping.use_saved")}
                    <input type="file" accept=".json" class="visually-hidden" onchange={load} />
                </label>
            </div>
            }
        </details>
    }
}

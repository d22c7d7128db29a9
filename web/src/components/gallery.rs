//! The gallery of reports: every report with its description, whether the loaded files satisfy
//! it and, if not, what file it needs ([`uppfolj_app::GalleryEntry`], computed by the session).
//! Choosing a report here picks it, as the report list in the sidebar does.
//!
//! The reports are a radio group (native radio buttons: Tab reaches the group, the arrow keys
//! move between reports, each with a visible focus), inside a disclosure that is open while no
//! file is loaded.

use crate::control::Control;
use crate::i18n::{Lang, Text, use_lang};
use uppfolj_app::{GalleryEntry, GalleryInput};
use yew::prelude::*;

/// Props of [`Gallery`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The reports, in the order offered.
    pub entries: Vec<GalleryEntry>,
    /// Whether the gallery is open (no file is loaded).
    pub open: bool,
    /// For picking a report (a command to the session worker).
    pub control: Control,
}

/// "3 av 10 rapporter kan göras av de inlästa filerna."
fn summary_text(entries: &[GalleryEntry], lang: Lang) -> String {
    let ready = entries.iter().filter(|e| e.satisfied).count();
    let total = entries.len().to_string();
    match ready {
        0 => Text::key("gallery.none_ready").with("total", total),
        n => Text::key("gallery.some_ready").with("ready", n.to_string()).with("total", total),
    }
    .show(lang)
}

/// The files a report would be made of, or what it still needs.
fn inputs_text(entry: &GalleryEntry, lang: Lang) -> Html {
    if entry.satisfied {
        let mut files: Vec<&str> = Vec::new();
        for f in entry.inputs.iter().flat_map(|i| i.files.iter()) {
            if !files.contains(&f.as_str()) {
                files.push(f);
            }
        }
        return html! { <p class="gallery-files">{lang.text("gallery.made_of")}{files.join(", ")}</p> };
    }
    let missing: Vec<&GalleryInput> = entry.missing().collect();
    html! {
        <div class="gallery-needs">
            <p>{lang.text("gallery.needs")}</p>
            <ul lang="sv">{ for missing.iter().map(|i| html! { <li>{&i.needs_sv}</li> }) }</ul>
        </div>
    }
}

fn card(entry: &GalleryEntry, control: &Control, lang: Lang) -> Html {
    let id = entry.id.clone();
    let onchange = {
        let control = control.clone();
        Callback::from(move |_: Event| control.pick(id.clone()))
    };
    let input_id = format!("gallery-{}", entry.id);
    let (status_class, status) = if entry.satisfied {
        ("badge status-good", lang.text("gallery.ready"))
    } else {
        ("badge status-neutral", lang.text("gallery.missing"))
    };
    let class = classes!("gallery-card", entry.chosen.then_some("chosen"), (!entry.satisfied).then_some("unmet"));
    html! {
        <li {class} data-testid="gallery-card" data-id={entry.id.clone()} data-satisfied={entry.satisfied.to_string()}>
            <input type="radio" name="gallery-report" id={input_id.clone()} value={entry.id.clone()}
                checked={entry.chosen} {onchange} aria-describedby={format!("{input_id}-text")} />
            <label for={input_id.clone()}>
                <span class="gallery-name" lang="sv">{&entry.name_sv}</span>
                <span class={status_class}>{status}</span>
            </label>
            <div id={format!("{input_id}-text")} class="gallery-text">
                <p class="gallery-description" lang="sv">{&entry.description_sv}</p>
                { inputs_text(entry, lang) }
            </div>
        </li>
    }
}

/// Every report, which of them the loaded files satisfy, and what the others need.
#[function_component(Gallery)]
pub fn gallery(props: &Props) -> Html {
    let lang = use_lang();
    if props.entries.is_empty() {
        return html! {};
    }
    html! {
        <details class="gallery panel" open={props.open} data-testid="gallery">
            <summary>
                <span class="gallery-title">{lang.text("gallery.title")}</span>
                <span class="gallery-summary">{ summary_text(&props.entries, lang) }</span>
            </summary>
            <fieldset>
                <legend class="visually-hidden">{lang.text("gallery.legend")}</legend>
                <ul class="gallery-list">
                    { for props.entries.iter().map(|e| card(e, &props.control, lang)) }
                </ul>
            </fieldset>
        </details>
    }
}

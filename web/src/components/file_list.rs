//! The loaded files, with what the import understood of each.

use crate::components::mapping_editor::MappingEditor;
use crate::control::Control;
use crate::state::FileView;
use yew::prelude::*;

/// Props of [`FileList`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The files, in load order.
    pub files: Vec<FileView>,
    /// For removing a file.
    pub control: Control,
}

fn size_text(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", uppfolj_model::format::number(bytes as f64 / 1e6, 1))
    } else {
        format!("{} kB", uppfolj_model::format::number((bytes as f64 / 1e3).max(1.0), 0))
    }
}

/// Lists loaded files; each can be removed and its import summary opened.
#[function_component(FileList)]
pub fn file_list(props: &Props) -> Html {
    if props.files.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel" aria-labelledby="files-heading">
            <h2 id="files-heading">{"Inlästa filer"}</h2>
            <ul class="file-list" data-testid="file-list">
            { for props.files.iter().enumerate().map(|(i, f)| {
                let control = props.control.clone();
                let name = f.name.clone();
                let onclick = Callback::from(move |_| control.remove(name.clone()));
                let tables = f.tables;
                let undo = {
                    let (control, name) = (props.control.clone(), f.name.clone());
                    Callback::from(move |_| control.remap(name.clone(), uppfolj_import::Mapping::default(), true))
                };
                html! {
                    <li key={f.name.clone()}>
                        <div class="file-row">
                            <span class="file-name" title={f.name.clone()}>{&f.name}</span>
                            <button class="icon" aria-label={format!("Ta bort {}", f.name)} title="Ta bort" {onclick}>{"×"}</button>
                        </div>
                        <div class="file-meta">
                            {format!("{} · {} {}", size_text(f.size), tables, if tables == 1 { "tabell" } else { "tabeller" })}
                            if f.is_sample { <span class="tag">{"Exempeldata"}</span> }
                        </div>
                        if f.remembered {
                            <p class="remembered" data-testid="remembered">
                                {"Läst med tolkningen du sparade för en fil med samma kolumner. "}
                                <button class="link" onclick={undo}>{"Ångra"}</button>
                            </p>
                        }
                        <details class="import-summary">
                            <summary>{"Vad importen förstod"}</summary>
                            <pre tabindex="0" aria-label={format!("Vad importen förstod av {}", f.name)}>{f.summary.clone()}</pre>
                        </details>
                        <MappingEditor index={i} file={f.clone()} control={props.control.clone()} />
                    </li>
                }
            }) }
            </ul>
        </section>
    }
}

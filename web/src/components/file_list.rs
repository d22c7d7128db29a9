//! The loaded files, with what the import understood of each.

use crate::components::mapping_editor::MappingEditor;
use crate::control::Control;
use crate::i18n::{Text, counted, use_lang};
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
    let lang = use_lang();
    if props.files.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel" aria-labelledby="files-heading">
            <h2 id="files-heading">{lang.text("files.heading")}</h2>
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
                            <button class="icon" aria-label={Text::key("files.remove_named").with("name", f.name.as_str()).show(lang)} title={lang.text("files.remove")} {onclick}>{"×"}</button>
                        </div>
                        <div class="file-meta">
                            {format!("{} · {}", size_text(f.size), counted(tables, "unit.table_one", "unit.table_other").show(lang))}
                            if f.is_sample { <span class="tag">{lang.text("files.sample")}</span> }
                        </div>
                        if f.remembered {
                            <p class="remembered" data-testid="remembered">
                                {lang.text("files.remembered")}
                                <button class="link" onclick={undo}>{lang.text("files.undo")}</button>
                            </p>
                        }
                        <details class="import-summary">
                            <summary>{lang.text("files.summary")}</summary>
                            <pre tabindex="0" lang="sv" aria-label={Text::key("files.summary_named").with("name", f.name.as_str()).show(lang)}>{f.summary.clone()}</pre>
                        </details>
                        <MappingEditor index={i} file={f.clone()} control={props.control.clone()} />
                    </li>
                }
            }) }
            </ul>
        </section>
    }
}

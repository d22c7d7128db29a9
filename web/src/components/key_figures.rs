//! Key-figure cards.

use crate::i18n::use_lang;
use uppfolj_model::format;
use uppfolj_model::report::KeyFigure;
use yew::prelude::*;

/// Props of [`KeyFigures`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The cards.
    pub figures: Vec<KeyFigure>,
}

/// Formats a value with its unit: "−1 234 tkr", "66,7 %".
pub fn value_with_unit(value: f64, unit: Option<&uppfolj_model::Unit>, decimals: usize) -> String {
    match unit {
        Some(uppfolj_model::Unit::Percent) => format::percent(value, decimals),
        Some(u) => match u.value_suffix() {
            Some(suffix) => format!("{}\u{00A0}{suffix}", format::number(value, decimals)),
            None => format::number(value, decimals),
        },
        None => format::number(value, decimals),
    }
}

/// A row of cards, each with a value, unit, change and status (text and colour).
#[function_component(KeyFigures)]
pub fn key_figures(props: &Props) -> Html {
    let lang = use_lang();
    html! {
        <div class="key-figures">
        { for props.figures.iter().map(|f| {
            let decimals = usize::from(f.decimals);
            let value = f.value.map_or_else(|| "–".to_owned(), |v| value_with_unit(v, f.unit.as_ref(), decimals));
            let status_class = f.status.map(super::table_view::status_class);
            html! {
                <div class={classes!("card", status_class)}>
                    <div class="card-label">{&f.label}</div>
                    <div class="card-value">{value}</div>
                    if let Some(change) = f.change {
                        <div class="card-change"><span lang={lang.code()}>{lang.text("report.change")}</span>{format::signed(change, decimals)}</div>
                    }
                    if let Some(status) = f.status_text() {
                        <div class="card-status">{status}</div>
                    }
                    if let Some(note) = &f.note { <div class="card-note">{note}</div> }
                </div>
            }
        }) }
        </div>
    }
}

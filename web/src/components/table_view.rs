//! A report table as an HTML table. A long table shows its first rows and its trailing total rows,
//! and says how many rows the Excel export holds; more rows are shown on request.

use crate::i18n::{Text, use_lang};
use std::rc::Rc;
use uppfolj_model::format;
use uppfolj_model::report::{Block, ColumnKind, Report, Row, RowKindOut, Status, TableCell, Trend};
use yew::prelude::*;

/// Rows shown at first, and added by each "Visa fler rader".
pub const ROWS_PER_STEP: usize = 1_000;

/// Props of [`TableView`]: the table is block `block` of section `section` of `report` (shared, so
/// that a 500 000-row table is never copied to be shown).
#[derive(Properties)]
pub struct Props {
    /// The report.
    pub report: Rc<Report>,
    /// The section's index.
    pub section: usize,
    /// The table block's index in the section.
    pub block: usize,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report) && self.section == other.section && self.block == other.block
    }
}

/// The CSS class of a status.
pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::Good => "status-good",
        Status::Warning => "status-warning",
        Status::Bad => "status-bad",
        Status::Neutral => "status-neutral",
    }
}

fn cell(kind: &ColumnKind, cell: &TableCell) -> Html {
    match (cell, kind) {
        (TableCell::Empty, _) => html! { <td class="num empty">{"–"}</td> },
        (TableCell::Text(s), _) => html! { <td>{s}</td> },
        (TableCell::Number(v), ColumnKind::Amount { decimals, .. } | ColumnKind::Number { decimals }) => {
            // A sign says nothing about good or bad (costs are negative in a driftredovisning):
            // numbers are not coloured; status columns and charts say which is which.
            html! { <td class="num">{format::number(*v, usize::from(*decimals))}</td> }
        }
        (TableCell::Number(v), ColumnKind::Percent { decimals }) => {
            html! { <td class="num">{format::percent(*v, usize::from(*decimals))}</td> }
        }
        (TableCell::Number(v), _) => html! { <td class="num">{format::number(*v, 0)}</td> },
        (TableCell::Status { status, label }, _) => html! {
            <td><span class={classes!("badge", status_class(*status))}>{label}</span></td>
        },
        (TableCell::Trend(t), _) => {
            let (arrow, class) = match t {
                Trend::Better => ("▲", "status-good"),
                Trend::Unchanged => ("▶", "status-neutral"),
                Trend::Worse => ("▼", "status-bad"),
            };
            let text = t.label_sv();
            html! { <td><span class={classes!("trend", class)} aria-label={text} title={text}>{arrow}{" "}{text}</span></td> }
        }
    }
}

fn row(t: &uppfolj_model::report::Table, r: &Row) -> Html {
    let class = match r.kind {
        RowKindOut::Data => None,
        RowKindOut::Subtotal => Some("subtotal"),
        RowKindOut::Total => Some("total"),
    };
    let indent = format!("--level: {}", r.level);
    html! {
        <tr {class} style={indent}>
        { for t.columns.iter().zip(&r.cells).enumerate().map(|(i, (c, v))| {
            if i == 0 {
                html! { <th scope="row" class="label">{match v { TableCell::Text(s) => s.clone(), _ => String::new() }}</th> }
            } else {
                cell(&c.kind, v)
            }
        }) }
        </tr>
    }
}

/// Renders the table: units in the headers, numbers right-aligned in Swedish format, hierarchy
/// indented, total rows bold.
#[function_component(TableView)]
pub fn table_view(props: &Props) -> Html {
    let lang = use_lang();
    let shown = use_state(|| ROWS_PER_STEP);
    let table = props.report.sections.get(props.section).and_then(|s| s.blocks.get(props.block));
    let Some(Block::Table(t)) = table else { return Html::default() };
    // The trailing total rows are always shown; the other rows up to `shown`.
    let totals = t.rows.iter().rev().take_while(|r| r.kind == RowKindOut::Total).count();
    let body = &t.rows[..t.rows.len() - totals];
    let visible = body.len().min(*shown);
    let hidden = body.len() - visible;
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + ROWS_PER_STEP))
    };
    html! {
        // A wide table may scroll sideways on a narrow screen: the wrapper takes focus, so that a
        // keyboard scrolls it too, and is named by the table's title.
        <div class="table-wrap" tabindex="0" role="region" aria-label={t.title.clone()}>
        <table class="report-table" data-testid={format!("table-{}", t.id)}>
            <caption>{&t.title}</caption>
            <thead><tr>
            { for t.columns.iter().map(|c| {
                let numeric = !matches!(c.kind, ColumnKind::Text | ColumnKind::Status | ColumnKind::Trend);
                html! { <th scope="col" class={classes!(numeric.then_some("num"))}>{c.header()}</th> }
            }) }
            </tr></thead>
            <tbody>
            { for body[..visible].iter().map(|r| row(t, r)) }
            if hidden > 0 {
                <tr class="more-rows" data-testid="more-rows">
                    <td colspan={t.columns.len().to_string()} lang={lang.code()}>
                        {Text::key("report.showing_rows")
                            .with("shown", format::number(visible as f64, 0))
                            .with("total", format::number(body.len() as f64, 0))
                            .show(lang)}
                        {" "}
                        <button class="button" onclick={more}>
                            {Text::key("report.more_rows")
                                .with("count", format::number(hidden.min(ROWS_PER_STEP) as f64, 0))
                                .show(lang)}
                        </button>
                    </td>
                </tr>
            }
            { for t.rows[t.rows.len() - totals..].iter().map(|r| row(t, r)) }
            </tbody>
        </table>
        </div>
    }
}

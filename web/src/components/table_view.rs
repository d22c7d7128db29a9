//! A report table as an HTML table.

use uppfolj_model::format;
use uppfolj_model::report::{ColumnKind, RowKindOut, Status, Table, TableCell, Trend};
use yew::prelude::*;

/// Props of [`TableView`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The table.
    pub table: Table,
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

fn header(kind: &ColumnKind, title: &str) -> String {
    match kind {
        ColumnKind::Amount { unit, .. } => format!("{title}, {}", unit.label()),
        ColumnKind::Percent { .. } if !title.contains('%') => format!("{title}, %"),
        _ => title.to_owned(),
    }
}

fn cell(kind: &ColumnKind, cell: &TableCell) -> Html {
    match (cell, kind) {
        (TableCell::Empty, _) => html! { <td class="num empty">{"–"}</td> },
        (TableCell::Text(s), _) => html! { <td>{s}</td> },
        (TableCell::Number(v), ColumnKind::Amount { decimals, .. } | ColumnKind::Number { decimals }) => {
            let neg = *v < 0.0;
            html! { <td class={classes!("num", neg.then_some("neg"))}>{format::number(*v, usize::from(*decimals))}</td> }
        }
        (TableCell::Number(v), ColumnKind::Percent { decimals }) => {
            html! { <td class="num">{format::percent(*v, usize::from(*decimals))}</td> }
        }
        (TableCell::Number(v), _) => html! { <td class="num">{format::number(*v, 0)}</td> },
        (TableCell::Status { status, label }, _) => html! {
            <td><span class={classes!("badge", status_class(*status))}>{label}</span></td>
        },
        (TableCell::Trend(t), _) => {
            let (arrow, text, class) = match t {
                Trend::Better => ("▲", "Bättre", "status-good"),
                Trend::Unchanged => ("▶", "Oförändrat", "status-neutral"),
                Trend::Worse => ("▼", "Sämre", "status-bad"),
            };
            html! { <td><span class={classes!("trend", class)} aria-label={text} title={text}>{arrow}{" "}{text}</span></td> }
        }
    }
}

/// Renders the table: units in the headers, numbers right-aligned in Swedish format, hierarchy
/// indented, total rows bold.
#[function_component(TableView)]
pub fn table_view(props: &Props) -> Html {
    let t = &props.table;
    html! {
        <div class="table-wrap">
        <table class="report-table" data-testid={format!("table-{}", t.id)}>
            <caption>{&t.title}</caption>
            <thead><tr>
            { for t.columns.iter().map(|c| {
                let numeric = !matches!(c.kind, ColumnKind::Text | ColumnKind::Status | ColumnKind::Trend);
                html! { <th scope="col" class={classes!(numeric.then_some("num"))}>{header(&c.kind, &c.title)}</th> }
            }) }
            </tr></thead>
            <tbody>
            { for t.rows.iter().map(|r| {
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
            }) }
            </tbody>
        </table>
        </div>
    }
}

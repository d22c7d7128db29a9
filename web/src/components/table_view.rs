//! A report table as an HTML table. A long table shows its first rows and its trailing total rows,
//! and says how many rows the Excel export holds; more rows are shown on request.
//!
//! The rows are drawn a chunk per animation frame ([`FIRST_ROWS`], then [`ROWS_PER_FRAME`]), each
//! chunk a component of its own that is never drawn again, so that a report with a thousand rows
//! never holds the page for longer than a frame or two (issue #12: the longest pause under 100 ms).

use crate::i18n::{Text, use_lang};
use gloo::render::{AnimationFrame, request_animation_frame};
use std::hash::{Hash, Hasher};
use std::rc::Rc;
use uppfolj_model::format;
use uppfolj_model::report::{Block, ColumnKind, Report, Row, RowKindOut, Status, Table, TableCell, Trend};
use yew::prelude::*;

/// Rows shown at first, and added by each "Visa fler rader". A browser lays a table out again
/// whole when rows are added, and the cost grows with the rows there are: with 1 000 rows each
/// chunk's frame took 130–170 ms (the Örebro ledger's grouped table), so the page shows 250 at a
/// time; the Excel export has them all.
pub const ROWS_PER_STEP: usize = 250;

/// Rows drawn with the rest of the report.
const FIRST_ROWS: usize = 30;

/// Rows drawn in each later animation frame, until the rows shown are drawn.
const ROWS_PER_FRAME: usize = 60;

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

fn row(t: &Table, r: &Row) -> Html {
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

/// Props of [`RowChunk`]: rows `start..end` of the table block, drawn once `drawn`.
#[derive(Properties)]
struct ChunkProps {
    report: Rc<Report>,
    section: usize,
    block: usize,
    start: usize,
    end: usize,
    drawn: bool,
}

impl PartialEq for ChunkProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && (self.section, self.block, self.start, self.end, self.drawn)
                == (other.section, other.block, other.start, other.end, other.drawn)
    }
}

/// Some rows of a table, in a `<tbody>` of their own: empty until their turn comes, then drawn
/// once and never again.
#[function_component(RowChunk)]
fn row_chunk(props: &ChunkProps) -> Html {
    let table = props.report.sections.get(props.section).and_then(|s| s.blocks.get(props.block));
    let Some(Block::Table(t)) = table.filter(|_| props.drawn) else { return html! { <tbody></tbody> } };
    let rows = t.rows.get(props.start..props.end).unwrap_or_default();
    html! { <tbody>{ for rows.iter().map(|r| row(t, r)) }</tbody> }
}

/// What makes a table the same table in another report: its id and its columns. A report made
/// again (a parameter changed, another file chosen) keeps its tables' rows drawn and shown, so
/// that the page neither shrinks nor moves under a reader who has scrolled.
fn identity(t: &Table) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    t.id.hash(&mut hasher);
    for c in &t.columns {
        (&c.key, c.header()).hash(&mut hasher);
    }
    hasher.finish()
}

/// How many of the `visible` rows are drawn: [`FIRST_ROWS`] with a new table, then
/// [`ROWS_PER_FRAME`] more in each animation frame. The same table in a new report
/// ([`identity`]) keeps the rows drawn before: they are drawn again at once, diffed in place.
#[hook]
fn use_drawn_rows(key: u64, visible: usize) -> usize {
    let state = use_state_eq(|| (key, FIRST_ROWS));
    let drawn = if state.0 == key { state.1 } else { FIRST_ROWS };
    let frame = use_mut_ref(|| None::<AnimationFrame>);
    use_effect_with((key, drawn < visible, drawn), move |&(key, behind, now)| {
        // Replacing the handle cancels a frame asked for earlier.
        *frame.borrow_mut() = behind.then(|| request_animation_frame(move |_| state.set((key, now + ROWS_PER_FRAME))));
    });
    drawn.min(visible)
}

/// The chunks of rows `0..visible`: the first [`FIRST_ROWS`], then [`ROWS_PER_FRAME`] at a time.
/// Every chunk of the rows shown is on the page from the start, empty until it is drawn: the list
/// of chunks never changes length as rows are drawn, so the rows drawn before are never moved
/// (a list that grew made Yew move every chunk drawn before: each frame drew them all again).
fn chunks(visible: usize) -> impl Iterator<Item = (usize, usize)> {
    let first = std::iter::once((0, FIRST_ROWS.min(visible)));
    let rest =
        (FIRST_ROWS..visible).step_by(ROWS_PER_FRAME).map(move |start| (start, (start + ROWS_PER_FRAME).min(visible)));
    first.filter(|(_, end)| *end > 0).chain(rest)
}

/// Renders the table: units in the headers, numbers right-aligned in Swedish format, hierarchy
/// indented, total rows bold.
#[function_component(TableView)]
pub fn table_view(props: &Props) -> Html {
    let lang = use_lang();
    let table = props.report.sections.get(props.section).and_then(|s| s.blocks.get(props.block));
    let table = match table {
        Some(Block::Table(t)) => Some(t),
        _ => None,
    };
    let key = table.map_or(0, identity);
    // How many rows the user asked to see, for this table.
    let asked = use_state_eq(|| (key, ROWS_PER_STEP));
    let shown = if asked.0 == key { asked.1 } else { ROWS_PER_STEP };
    // The trailing total rows are always shown; the other rows up to `shown`.
    let totals = table.map_or(0, |t| t.rows.iter().rev().take_while(|r| r.kind == RowKindOut::Total).count());
    let body = table.map_or(&[][..], |t| &t.rows[..t.rows.len() - totals]);
    let visible = body.len().min(shown);
    let drawn = use_drawn_rows(key, visible);
    let Some(t) = table else { return Html::default() };
    let hidden = body.len() - visible;
    let (report, section, block) = (props.report.clone(), props.section, props.block);
    let more = Callback::from(move |_| asked.set((key, shown + ROWS_PER_STEP)));
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
            { for chunks(visible).map(|(start, end)| html! {
                <RowChunk report={report.clone()} {section} {block} {start} {end} drawn={start < drawn} />
            }) }
            <tbody>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_keep_their_bounds_as_rows_are_added() {
        let shown = |n| chunks(n).collect::<Vec<_>>();
        assert_eq!(shown(0), []);
        assert_eq!(shown(25), [(0, 25)]);
        assert_eq!(shown(FIRST_ROWS), [(0, FIRST_ROWS)]);
        let later = shown(FIRST_ROWS + 2 * ROWS_PER_FRAME);
        assert_eq!(later.len(), 3);
        assert!(later.starts_with(&shown(FIRST_ROWS + ROWS_PER_FRAME)), "{later:?}");
        assert_eq!(later.last().map(|c| c.1), Some(FIRST_ROWS + 2 * ROWS_PER_FRAME));
        assert_eq!(shown(ROWS_PER_STEP).last().map(|c| c.1), Some(ROWS_PER_STEP));
    }
}

//! Layout detection: where the tables are in a sheet and what their rows and columns mean.
//!
//! Per sheet, `detect` classifies every row (`rows`) and finds the tables (`tables`): a
//! header row (`header_rows`), with a group row above it when the header has two rows ("2024"
//! over "Budget | Utfall"), the title lines above it, and the rows below until a footer or a gap
//! followed by another title or header. A sheet without a header but with label + number rows
//! becomes a headerless table whose columns are named by letter.
//!
//! Each table is then built by a short pipeline of steps over a `draft::Draft`, in this order:
//! 1. `columns`: the columns present, named from the header rows, profiled;
//! 2. `header_roles`: roles, periods, regions and units the header words name;
//! 3. `value_roles`: roles the values decide where the header word misleads (region codes,
//!    KPI ids or names, units of measure under "Enhet");
//! 4. `overrides`: the user's mapping;
//! 5. `staggered`: staggered label columns become a code and a label column;
//! 6. `content_roles`: roles from content for the columns still without one;
//! 7. `table_unit` and `title`;
//! 8. `label_columns`: the column naming the rows, the grouping columns to fill down;
//! 9. `values`: the cells read (Swedish numbers, missing markers, error cells), bold and
//!    indentation noted;
//! 10. `totals` (by text, by bold) and `codes`: total and subtotal rows;
//! 11. `levels`: the hierarchy, then `coverage`: which rows a subtotal covers, from the sums
//!     where position and indentation leave it open;
//! 12. `metadata`, `kind`, `sign`, `warnings`, and `finish`: the [`Dataset`] and its
//!     summary.
//!
//! Cost stays linear in rows with a small factor: `columns` profiles every column in one pass
//! over the rows; the steps that only look at what a column holds (`value_roles`, `staggered`,
//! `content_roles`, `label_columns`' fill-down) decide from the first
//! `draft::SAMPLE_ROWS` (2 000) data rows, and look further only for a column empty there; `values`
//! reads all rows once, and each table's rows, moved out of the sheet, are freed as they are
//! read. The steps after it work on the read rows; those that test every row's label (`totals`)
//! look at each distinct text once.
//!
//! A large xlsx sheet never becomes a whole grid: [`Streamer`] (`stream`) decides the layout on
//! its first rows (steps 1–8, `plan`), reads each further row by that plan (step 9) as the
//! reader finds it, and at the end makes the plan again with every column's profile over all
//! rows; steps 10–12 (`complete`) follow only where the two plans agree.
//!
//! [`Dataset`]: uppfolj_model::Dataset

mod cell_text;
mod codes;
mod columns;
mod content_roles;
mod coverage;
mod draft;
mod finish;
mod header_roles;
mod header_rows;
mod kind;
mod label_columns;
mod levels;
mod metadata;
mod overrides;
mod rows;
mod sign;
mod staggered;
mod stream;
mod table_unit;
mod tables;
mod title;
mod totals;
mod value_roles;
mod values;
mod warnings;

pub use cell_text::serial_to_iso;
pub use stream::{Context, Next, Streamer};

#[cfg(test)]
use crate::grid::{GCell, Raw};
use crate::grid::{GRow, Grid};
use crate::mapping::Mapping;
use crate::summary::TableSummary;
use draft::{Draft, Sheet, Span};
use uppfolj_model::Dataset;

/// A table found, with its summary (the summary's `dataset` index is set by the caller).
#[derive(Debug)]
pub struct Found {
    /// The dataset.
    pub dataset: Dataset,
    /// What was understood.
    pub summary: TableSummary,
}

/// Options for layout detection.
#[derive(Debug, Clone, Copy)]
pub struct LayoutLimits {
    /// Most columns in one table.
    pub max_columns: usize,
}

/// Finds the tables of one sheet. The sheet is taken: each table's data rows are moved out of
/// it and freed as they are read, so its cells and the datasets are not held twice.
pub fn detect(grid: Grid, file: &str, mapping: &Mapping, limits: LayoutLimits) -> Vec<Found> {
    tables_of(grid, Context { file, mapping, limits }, tables::scan)
}

/// The tables of `grid` at the spans `scan` finds in it.
fn tables_of(mut grid: Grid, context: Context<'_>, scan: fn(&Sheet<'_>) -> Vec<Span>) -> Vec<Found> {
    let Context { file, mapping, limits } = context;
    let infos: Vec<rows::RowInfo> = grid.rows.iter().map(rows::row_info).collect();
    let spans = scan(&Sheet { grid: &grid, file, mapping, limits, infos: &infos });
    let mut found = Vec::with_capacity(spans.len());
    for span in &spans {
        let data = take_rows(&mut grid, span);
        let sheet = Sheet { grid: &grid, file, mapping, limits, infos: &infos };
        found.extend(build(&sheet, span, data));
    }
    found
}

/// The data rows of `span`, moved out of `grid` (their places keep their row numbers).
fn take_rows(grid: &mut Grid, span: &Span) -> Vec<GRow> {
    let rows = grid.rows.get_mut(span.start..span.end).unwrap_or_default();
    rows.iter_mut().map(|r| GRow { row: r.row, cells: std::mem::take(&mut r.cells) }).collect()
}

/// Builds the table at `span` from its data rows: the steps in order over one draft. `None`
/// without data rows.
fn build(sheet: &Sheet<'_>, span: &Span, data: Vec<GRow>) -> Option<Found> {
    let mut d = Draft::new(sheet, span, data)?;
    plan(&mut d);
    values::read(&mut d);
    Some(complete(d))
}

/// The steps that decide how the rows are read: the columns, their roles, the unit, the title
/// and the label columns.
fn plan(d: &mut Draft<'_>) {
    columns::find(d);
    header_roles::assign(d);
    value_roles::assign(d);
    overrides::apply(d);
    staggered::merge(d);
    content_roles::assign(d);
    table_unit::find(d);
    title::find(d);
    label_columns::find(d);
}

/// The steps over the rows read: totals, the hierarchy, the metadata and the summary.
fn complete(mut d: Draft<'_>) -> Found {
    totals::by_text(&mut d);
    totals::by_bold(&mut d);
    codes::mark(&mut d);
    levels::assign(&mut d);
    coverage::by_sums(&mut d);
    metadata::describe(&mut d);
    kind::classify(&mut d);
    sign::detect(&mut d);
    warnings::collect(&mut d);
    finish::found(d)
}

/// Convenience for tests: the cells of a grid from rows of raw values.
#[cfg(test)]
pub fn grid_from(rows: &[&[Raw]]) -> Grid {
    let mut cells = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, raw) in row.iter().enumerate() {
            cells.push((r as u32, GCell::new(c as u32, raw.clone())));
        }
    }
    Grid::from_cells(Some("Blad1".into()), cells)
}

#[cfg(test)]
mod tests {
    use super::*;
    use uppfolj_model::{ColumnRole, DatasetKind, RowKind, Unit, Value};

    fn t(s: &str) -> Raw {
        Raw::Text(s.into())
    }
    fn n(v: f64) -> Raw {
        Raw::Number(v)
    }
    const E: Raw = Raw::Empty;
    const LIMITS: LayoutLimits = LayoutLimits { max_columns: 1000 };

    #[test]
    fn driftredovisning() {
        let g = grid_from(&[
            &[t("Driftredovisning januari–augusti 2024")],
            &[t("Belopp i tkr")],
            &[],
            &[t("Verksamhet"), t("Budget"), t("Utfall")],
            &[t("Vård"), n(-100.0), n(-90.0)],
            &[t("Skola"), n(-50.0), n(-55.0)],
            &[t("Summa"), n(-150.0), n(-145.0)],
            &[],
            &[t("Källa: ekonomisystemet")],
        ]);
        let found = detect(g, "x.xlsx", &Mapping::default(), LIMITS);
        assert_eq!(found.len(), 1);
        let d = &found[0].dataset;
        assert_eq!(d.kind, DatasetKind::Budget);
        assert_eq!(d.unit, Some(Unit::Tkr));
        assert_eq!(d.title, "Driftredovisning januari–augusti 2024");
        assert_eq!(d.rows.len(), 3);
        assert_eq!(d.rows.heads()[2].kind, RowKind::Total);
        assert_eq!(d.columns[0].role, Some(ColumnRole::OrgUnit));
        assert_eq!(d.columns[1].role, Some(ColumnRole::Budget));
        assert_eq!(d.columns[2].role, Some(ColumnRole::Outcome));
        assert_eq!(found[0].summary.range, "A4:C7");
    }

    #[test]
    fn two_row_header_and_two_tables() {
        let g = grid_from(&[
            &[t("Tabell 1")],
            &[E, n(2024.0), E, n(2023.0)],
            &[t("Verksamhet"), t("Budget"), t("Utfall"), t("Budget"), t("Utfall")],
            &[t("A"), n(1.0), n(2.0), n(3.0), n(4.0)],
            &[t("B"), n(1.0), n(2.0), n(3.0), n(4.0)],
            &[],
            &[],
            &[t("Tabell 2 (mnkr)")],
            &[t("Nämnd"), t("Prognos")],
            &[t("X"), t("1 234,5")],
        ]);
        let found = detect(g, "x.xlsx", &Mapping::default(), LIMITS);
        assert_eq!(found.len(), 2, "{found:#?}");
        let a = &found[0].dataset;
        assert_eq!(a.columns[3].name, "2023 / Budget");
        assert_eq!(a.columns[3].period.as_deref(), Some("2023"));
        assert_eq!(a.columns[2].period.as_deref(), Some("2024"));
        let b = &found[1].dataset;
        assert_eq!(b.unit, Some(Unit::Mnkr));
        assert_eq!(b.rows.value(0, 1).cloned().expect("a value"), Value::number(1234.5));
    }

    #[test]
    fn a_seven_character_header_with_a_dash_is_read() {
        // "Ansv-nr" has the shape of "2024-03"; reading it as a period used to panic.
        let g = grid_from(&[
            &[t("Ansv-nr"), t("Verksamhet"), t("Budget")],
            &[t("A1"), t("Vård"), n(-100.0)],
            &[t("B2"), t("Skola"), n(-50.0)],
        ]);
        let found = detect(g, "x.xlsx", &Mapping::default(), LIMITS);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].dataset.columns[0].name, "Ansv-nr");
        assert_eq!(found[0].dataset.columns[0].period, None);
    }
}

//! Reading a balanskravsutredning from its dataset: the year columns, the unit, the recognised
//! rows and, per year, the amount of each line as the file writes it (and of each row with
//! amounts it did not recognise, which may explain a difference from the file's own results).

use super::lines::{self, Line};
use super::text::join_years;
use uppfolj_plugin::PluginError;
use uppfolj_plugin::kit::vocab::{is_year_number, norm};
use uppfolj_plugin::kit::{cell_at, column_year, label_column, num_at, text_at, unit_of};
use uppfolj_plugin::model::dataset::{CellRef, Dataset, Value};
use uppfolj_plugin::model::report::{Diagnostic, ProvenanceNote};
use uppfolj_plugin::model::unit::Unit;

/// A balanskravsutredning as the file gives it.
#[derive(Debug)]
pub(super) struct Sheet<'a> {
    pub ds: &'a Dataset,
    /// The unit of the amounts ("enhet okänd" when the file names none).
    pub unit: Unit,
    /// The reserve as the file names it: "resultatutjämningsreserv (RUR)", "resultatreserv", or
    /// both.
    pub reserve_name: &'static str,
    /// The recognised rows: the line each stands for and its dataset row, in file order.
    recognised: Vec<(Line, usize)>,
    /// The year columns: (year, dataset column), one per year, in year order.
    year_cols: Vec<(i32, usize)>,
    /// Each year's amounts, in year order.
    pub years: Vec<Year>,
}

/// One year of the file: the amount of every recognised row, as read, before signs.
#[derive(Debug, Clone, Default)]
pub(super) struct Year {
    pub year: i32,
    /// Whether the column is a forecast for the year ("Prognos 2024"), as an interim report's
    /// balanskravsutredning has for the current year.
    pub forecast: bool,
    /// (line, amount, source cell) per recognised row; the amount is `None` when the cell is
    /// empty.
    values: Vec<(Line, Option<f64>, Option<CellRef>)>,
    /// (row text, amount, source cell) per row with amounts not recognised.
    pub unrecognised: Vec<(String, f64, Option<CellRef>)>,
}

impl Year {
    /// The sum of the line's amounts in the file; `None` when no row of it has one.
    pub(super) fn get(&self, line: Line) -> Option<f64> {
        self.values.iter().filter(|(l, _, _)| *l == line).filter_map(|(_, v, _)| *v).reduce(|a, b| a + b)
    }

    /// The line's amount with `sign` (+1 or −1) whatever sign the file writes, or as the file
    /// writes it when `sign` is 0; 0 when missing.
    pub(super) fn signed(&self, line: Line, sign: f64) -> f64 {
        self.get(line).map_or(0.0, |v| if sign == 0.0 { v } else { sign * v.abs() })
    }

    /// The first amount the file gives for the line, and its cell.
    pub(super) fn first(&self, line: Line) -> Option<(f64, Option<CellRef>)> {
        self.values.iter().find_map(|(l, v, at)| v.filter(|_| *l == line).map(|v| (v, *at)))
    }

    /// The cell of the first amount the file gives for the line.
    pub(super) fn cell(&self, line: Line) -> Option<CellRef> {
        self.first(line).and_then(|(_, at)| at)
    }
}

/// Reads `ds` as a balanskravsutredning, pushing to `diags` what the reader should know: a
/// missing unit, rows not recognised, lines missing.
///
/// Fails only when the dataset has no year columns, which a dataset meeting the input's
/// [`Need::YearColumns`](uppfolj_plugin::Need::YearColumns) always has.
pub(super) fn read<'a>(ds: &'a Dataset, diags: &mut Vec<Diagnostic>) -> Result<Sheet<'a>, PluginError> {
    let label_col = label_column(ds, &[]);
    let Some(found) = year_columns(ds, label_col) else {
        return Err(PluginError::Other(format!(
            "{}: hittar inga årskolumner. Rubrikerna ska vara årtal ('2023', '2024' eller 'Bokslut 2024').",
            ds.source
        )));
    };
    if found.in_label_column {
        let years: Vec<i32> = found.columns.iter().map(|(y, _)| *y).collect();
        diags.push(Diagnostic::warning(format!(
            "Filen har inga årskolumner utom kolumnen med radtexterna, så årtalen där används ({}). Kontrollera \
             beloppen och ge varje år en egen kolumn med årtalet som rubrik ('2023', '2024' eller 'Bokslut 2024').",
            join_years(&years)
        )));
    }
    let year_cols = found.columns;
    let unit = unit_of(ds, year_cols.first().map(|(_, c)| *c)).unwrap_or_else(|| {
        diags.push(Diagnostic::warning("Filen anger ingen enhet (t.ex. 'Belopp i mnkr'); beloppen visas som de står."));
        Unit::unknown()
    });
    let first_data_row = found.year_row.map_or(0, |r| r + 1);
    let (recognised, unrecognised) = recognise_rows(ds, label_col, first_data_row, &year_cols, diags);
    let reserve_name = reserve_name(ds, label_col);
    for (line, _) in Line::ADJUSTMENTS.iter().chain(&Line::RESERVES) {
        if !recognised.iter().any(|(l, _)| l == line) {
            diags.push(Diagnostic::info(format!(
                "Raden '{}' finns inte i filen och räknas som 0.",
                line.title(reserve_name)
            )));
        }
    }
    let years = year_cols
        .iter()
        .map(|&(year, col)| Year {
            year,
            forecast: is_forecast_column(ds, col),
            values: recognised
                .iter()
                .map(|&(line, row)| (line, num_at(ds, row, Some(col)), cell_at(ds, row, Some(col))))
                .collect(),
            unrecognised: unrecognised
                .iter()
                .filter_map(|(label, row)| {
                    num_at(ds, *row, Some(col)).map(|v| (label.clone(), v, cell_at(ds, *row, label_col)))
                })
                .collect(),
        })
        .collect();
    Ok(Sheet { ds, unit, reserve_name, recognised, year_cols, years })
}

impl Sheet<'_> {
    /// Where each recognised row's amounts come from, one note per row.
    pub(super) fn provenance(&self) -> Vec<ProvenanceNote> {
        self.recognised
            .iter()
            .filter_map(|&(line, row)| {
                let cells = self.year_cols.iter().filter_map(|(_, c)| cell_at(self.ds, row, Some(*c)));
                ProvenanceNote::new(line.title(self.reserve_name), self.ds.source.clone(), cells)
            })
            .collect()
    }

    /// The dataset row of the line's first row in the file; `None` when the file has none.
    pub(super) fn row_of(&self, line: Line) -> Option<usize> {
        self.recognised.iter().find(|(l, _)| *l == line).map(|(_, row)| *row)
    }

    /// The first and the last year of the file.
    pub(super) fn first_and_last_year(&self) -> (i32, i32) {
        (self.years.first().map_or(0, |y| y.year), self.years.last().map_or(0, |y| y.year))
    }
}

/// Whether the column's header (or period) says it is a forecast ("Prognos 2024", "Prognos helår").
fn is_forecast_column(ds: &Dataset, col: usize) -> bool {
    ds.columns.get(col).is_some_and(|c| {
        [Some(c.name.as_str()), c.period.as_deref()].into_iter().flatten().any(|t| norm(t).contains("prognos"))
    })
}

/// The year columns of a dataset, and where their years were found.
#[derive(Debug, PartialEq)]
struct YearColumns {
    /// (year, dataset column), one per year, in year order.
    columns: Vec<(i32, usize)>,
    /// The row holding the years, when they are numbers in a row the import took for data.
    year_row: Option<usize>,
    /// Whether the years were found only by counting the column of row texts too.
    in_label_column: bool,
}

/// The year columns: columns named by a year ("2023", "Bokslut 2024") that hold numbers, else
/// the year numbers of the first of the top six rows with at least two ("Balanskravsutredning |
/// 2021 | 2022", a year row the import took for data), each time leaving out the column of row
/// texts. When that finds none, the same search over every column: that is how the input's
/// `Need::YearColumns` counts, so a dataset the input accepts always has year columns here.
fn year_columns(ds: &Dataset, label_col: Option<usize>) -> Option<YearColumns> {
    let found = |skip: Option<usize>| {
        let named = named_year_columns(ds, skip);
        if named.is_empty() { year_row(ds, skip).map(|(row, cols)| (cols, Some(row))) } else { Some((named, None)) }
    };
    let (mut columns, year_row, in_label_column) = match found(label_col) {
        Some((columns, row)) => (columns, row, false),
        None => label_col.and_then(|_| found(None)).map(|(columns, row)| (columns, row, true))?,
    };
    columns.sort();
    columns.dedup_by_key(|(y, _)| *y);
    Some(YearColumns { columns, year_row, in_label_column })
}

/// Columns other than `skip` named by a year, holding numbers.
fn named_year_columns(ds: &Dataset, skip: Option<usize>) -> Vec<(i32, usize)> {
    (0..ds.columns.len())
        .filter(|&c| Some(c) != skip)
        .filter_map(|c| column_year(ds, c).map(|y| (y, c)))
        .filter(|&(_, c)| (0..ds.rows.len()).any(|r| matches!(ds.value(r, c), Some(Value::Number { .. }))))
        .collect()
}

/// The first of the top six rows with year numbers in at least two of its cells outside column
/// `skip`: the row and its (year, column) pairs.
fn year_row(ds: &Dataset, skip: Option<usize>) -> Option<(usize, Vec<(i32, usize)>)> {
    (0..ds.rows.len()).take(6).find_map(|r| {
        let found: Vec<(i32, usize)> = (0..ds.columns.len())
            .filter(|&c| Some(c) != skip)
            .filter_map(|c| num_at(ds, r, Some(c)).filter(|v| is_year_number(*v)).map(|v| (v as i32, c)))
            .collect();
        (found.len() >= 2).then_some((r, found))
    })
}

/// A row with amounts not recognised: its text and dataset row.
type Unrecognised = (String, usize);

/// The recognised rows from `first_row` on, and those with amounts not recognised (each a
/// warning), with their dataset rows.
fn recognise_rows(
    ds: &Dataset,
    label_col: Option<usize>,
    first_row: usize,
    year_cols: &[(i32, usize)],
    diags: &mut Vec<Diagnostic>,
) -> (Vec<(Line, usize)>, Vec<Unrecognised>) {
    let mut recognised = Vec::new();
    let mut unrecognised = Vec::new();
    for i in first_row..ds.rows.len() {
        let label = text_at(ds, i, label_col);
        if let Some(line) = Line::recognise(&label) {
            recognised.push((line, i));
        } else if !label.is_empty() && year_cols.iter().any(|(_, c)| num_at(ds, i, Some(*c)).is_some_and(|v| v != 0.0))
        {
            diags.push(
                Diagnostic::warning(format!(
                    "Raden '{label}' känns inte igen som en rad i balanskravsutredningen och räknas inte med. \
                     Skriv om radtexten (se pluginets dokumentation) om den ska ingå."
                ))
                .at(&ds.source, cell_at(ds, i, label_col)),
            );
            unrecognised.push((label, i));
        }
    }
    (recognised, unrecognised)
}

/// The reserve's name as the file's row texts use it.
fn reserve_name(ds: &Dataset, label_col: Option<usize>) -> &'static str {
    let texts: Vec<String> = (0..ds.rows.len()).map(|i| norm(&text_at(ds, i, label_col))).collect();
    let uses_new_reserve = texts.iter().any(|t| t.contains("resultatreserv"));
    let uses_rur = texts.iter().any(|t| lines::is_rur(t));
    match (uses_rur, uses_new_reserve) {
        (true, true) => "resultatutjämningsreserv/resultatreserv",
        (false, true) => "resultatreserv",
        _ => "resultatutjämningsreserv (RUR)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BalanceRequirement;
    use uppfolj_plugin::model::dataset::{ColumnMeta, DatasetKind, RowHead, Rows, SourceFile};
    use uppfolj_plugin::model::report::Block;
    use uppfolj_plugin::{Inputs, Params, ReportPlugin};

    enum V {
        T(&'static str),
        N(f64),
    }

    /// A dataset in mnkr with `headers` and `rows`, every cell read from the sheet.
    fn dataset(headers: &[&str], rows: &[&[V]]) -> Dataset {
        let value = |v: &V| match v {
            V::T(t) => Value::text(*t),
            V::N(n) => Value::number(*n),
        };
        let columns: Vec<ColumnMeta> =
            headers.iter().enumerate().map(|(i, h)| ColumnMeta::new(*h, None, i as u32)).collect();
        let mut data = Rows::new(&columns);
        for (r, cells) in rows.iter().enumerate() {
            data.push_values(RowHead::data(r as u32 + 1), cells.iter().map(value));
        }
        Dataset {
            source: SourceFile { file: "balans.xlsx".into(), sheet: None },
            title: String::new(),
            kind: DatasetKind::Table,
            unit: Some(Unit::Mnkr),
            range: None,
            columns,
            rows: data,
        }
    }

    /// Runs the plugin on `ds` as the applications do, after checking that its input accepts it.
    fn run(ds: Dataset) -> uppfolj_plugin::model::Report {
        let plugin = BalanceRequirement;
        assert!(plugin.inputs()[0].accepts(&ds), "the input accepts the dataset");
        plugin.compute(&Inputs::new(vec![ds]), &Params::default()).expect("an accepted dataset gives a report")
    }

    fn key_figure(report: &uppfolj_plugin::model::Report, label: &str) -> Option<f64> {
        report.sections.iter().flat_map(|s| &s.blocks).find_map(|b| match b {
            Block::KeyFigures { figures } => figures.iter().find(|f| f.label == label).and_then(|f| f.value),
            _ => None,
        })
    }

    #[test]
    fn years_beside_the_row_texts_are_read_as_before() {
        let ds = dataset(
            &["Balanskravsutredning", "2023", "2024"],
            &[&[V::T("Årets resultat"), V::N(-10.0), V::N(25.0)], &[V::T("Skatteintäkter"), V::N(900.0), V::N(950.0)]],
        );
        let found = year_columns(&ds, label_column(&ds, &[])).expect("year columns");
        assert_eq!(found, YearColumns { columns: vec![(2023, 1), (2024, 2)], year_row: None, in_label_column: false });
        let report = run(ds);
        assert_eq!(key_figure(&report, "Att återställa efter 2024"), Some(0.0));
    }

    #[test]
    fn a_year_row_with_one_year_over_the_row_texts_is_read() {
        // The year row "2023 | 2024" has its first year in the column of row texts: the input's
        // Need::YearColumns counts both, so the plugin must read the file, not fail.
        let ds = dataset(
            &["A", "B"],
            &[
                &[V::N(2023.0), V::N(2024.0)],
                &[V::T("Årets resultat"), V::N(25.0)],
                &[V::T("Skatteintäkter"), V::N(950.0)],
            ],
        );
        let found = year_columns(&ds, label_column(&ds, &[])).expect("year columns");
        assert_eq!(
            found,
            YearColumns { columns: vec![(2023, 0), (2024, 1)], year_row: Some(0), in_label_column: true }
        );
        let report = run(ds);
        assert_eq!(key_figure(&report, "Årets resultat 2024"), Some(25.0));
        assert!(report.diagnostics.iter().any(|d| d.message.contains("årtalen där används (2023 och 2024)")));
    }

    #[test]
    fn a_year_only_over_the_row_texts_is_read() {
        // The only header naming a year is the column of row texts, which holds a number: the
        // input accepts the file, so the plugin reports on it and says why the amounts are missing.
        let ds = dataset(
            &["Balanskravsutredning 2024", "Belopp"],
            &[&[V::T("Årets resultat"), V::N(25.0)], &[V::T("Not"), V::N(1.0)], &[V::N(3.0), V::N(2.0)]],
        );
        let report = run(ds);
        assert!(report.diagnostics.iter().any(|d| d.message.contains("årtalen där används (2024)")));
    }

    #[test]
    fn a_dataset_without_years_is_refused_by_the_input_not_by_the_reading() {
        let ds = dataset(&["Post", "Belopp"], &[&[V::T("Årets resultat"), V::N(25.0)]]);
        assert!(!BalanceRequirement.inputs()[0].accepts(&ds));
        let err = BalanceRequirement.compute(&Inputs::new(vec![ds]), &Params::default()).expect_err("no years");
        assert!(matches!(err, PluginError::MissingInput { .. }), "{err}");
    }
}

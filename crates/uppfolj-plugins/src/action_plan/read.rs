//! Reading the action plan: which columns hold what, and the file's rows as measures with their
//! planned and realised effect by year, apart from the file's own total rows.

use std::collections::BTreeMap;

use super::{status, text};
use uppfolj_plugin::kit::vocab::{is_subtotal_label, year_in};
use uppfolj_plugin::kit::{cell_at, column_year, label_column, num_at, row_is_total, text_at, unit_of, warn_at};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset};
use uppfolj_plugin::model::report::Diagnostic;
use uppfolj_plugin::model::unit::Unit;

/// A year of a plan; `None` when the file names no year.
pub(super) type Year = Option<i32>;

/// Amounts by year.
pub(super) type ByYear = BTreeMap<Year, f64>;

/// "2024", or "Utan år" when the file names no year.
pub(super) fn year_label(y: Year) -> String {
    y.map_or_else(|| "Utan år".to_owned(), |y| y.to_string())
}

/// Where the plan's columns are in the dataset.
#[derive(Debug)]
pub(super) struct Columns {
    /// The measure (the row label).
    pub measure: Option<usize>,
    /// The area (område, verksamhet).
    pub area: Option<usize>,
    /// The status text.
    pub status: Option<usize>,
    /// Who is responsible.
    pub responsible: Option<usize>,
    /// The year of the row, in a plan with one row per measure and year.
    pub year: Option<usize>,
    /// The planned effect, one column per year or one in all.
    pub planned: Vec<usize>,
    /// The realised effect.
    pub realised: Vec<usize>,
}

impl Columns {
    fn find(ds: &Dataset) -> Self {
        Self {
            measure: label_column(ds, &[ColumnRole::Measure]),
            area: ds.column(ColumnRole::OrgUnit),
            status: ds.column(ColumnRole::Status),
            responsible: ds.column(ColumnRole::Responsible),
            year: ds.column(ColumnRole::Year),
            planned: ds.columns_with(ColumnRole::Planned),
            realised: ds.columns_with(ColumnRole::Realised),
        }
    }
}

/// A measure (åtgärd) of the plan.
#[derive(Debug, Clone)]
pub(super) struct Measure {
    pub label: String,
    pub area: String,
    pub status_text: String,
    pub responsible: String,
    /// Under preparation: shown, but not counted as planned.
    pub in_preparation: bool,
    pub planned: ByYear,
    pub realised: ByYear,
    /// The dataset row it was first read from.
    pub row: usize,
}

/// A total row of the file ("Summa beslutade åtgärder") and the planned effect it states.
#[derive(Debug)]
pub(super) struct FileTotal {
    pub row: usize,
    pub planned: ByYear,
}

/// The action plan as read from the dataset.
#[derive(Debug)]
pub(super) struct Plan {
    pub columns: Columns,
    /// The unit of the effects.
    pub unit: Unit,
    /// The year in the table's title, for amounts with no other year.
    pub title_year: Year,
    pub measures: Vec<Measure>,
    pub file_totals: Vec<FileTotal>,
}

impl Plan {
    /// The years the measures have amounts for, in no order, repeated.
    pub fn years(&self) -> Vec<Year> {
        self.measures.iter().flat_map(|m| m.planned.keys().chain(m.realised.keys()).copied()).collect()
    }

    /// The first year of the measures, else the title's: the year a single requirement is for.
    pub fn first_year(&self) -> Year {
        self.years().into_iter().flatten().min().map(Some).unwrap_or(self.title_year)
    }

    /// The dataset rows of the measures.
    pub fn rows(&self) -> Vec<usize> {
        self.measures.iter().map(|m| m.row).collect()
    }
}

/// Reads the plan from `ds`, with warnings about what is missing.
pub(super) fn read(ds: &Dataset) -> (Plan, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let columns = Columns::find(ds);
    let title_year = year_in(&ds.title);
    let unit = unit_of(ds, columns.planned.first().copied()).unwrap_or_else(|| {
        diags.push(Diagnostic::warning(text::NO_UNIT));
        Unit::unknown()
    });
    let mut plan = Plan { columns, unit, title_year, measures: Vec::new(), file_totals: Vec::new() };
    for i in 0..ds.rows.len() {
        read_row(ds, &mut plan, i, &mut diags);
    }
    (plan, diags)
}

/// Reads dataset row `i` into `plan`: a total row of the file, a new measure, or another year of
/// a measure already read.
fn read_row(ds: &Dataset, plan: &mut Plan, i: usize, diags: &mut Vec<Diagnostic>) {
    let cols = &plan.columns;
    let label = text_at(ds, i, cols.measure);
    let row_year = num_at(ds, i, cols.year).map(|y| y.round() as i32).or_else(|| year_in(&text_at(ds, i, cols.year)));
    let planned = by_year(ds, i, &cols.planned, row_year, plan.title_year);
    let realised = by_year(ds, i, &cols.realised, row_year, plan.title_year);
    if label.is_empty() && planned.is_empty() && realised.is_empty() {
        return;
    }
    // In an action plan any "Summa …" row is a total of the measures.
    if row_is_total(ds, i, &label) || is_subtotal_label(&label) {
        plan.file_totals.push(FileTotal { row: i, planned });
        return;
    }
    let status_text = text_at(ds, i, cols.status);
    let (_, in_preparation) = status::status_of(&status_text);
    if planned.is_empty() {
        diags.push(warn_at(ds, cell_at(ds, i, cols.planned.first().copied()), text::missing_planned(&label)));
    }
    // A measure on several rows (one per year) is one measure.
    let area = text_at(ds, i, cols.area);
    let one_row_per_year = cols.year.is_some();
    if let Some(m) = plan.measures.iter_mut().find(|m| m.label == label && m.area == area && one_row_per_year) {
        add_by_year(&mut m.planned, planned);
        add_by_year(&mut m.realised, realised);
        return;
    }
    let responsible = text_at(ds, i, cols.responsible);
    plan.measures.push(Measure { label, area, status_text, responsible, in_preparation, planned, realised, row: i });
}

/// The amounts of row `i` in `cols` by year: the row's year, else the column's, else the title's.
fn by_year(ds: &Dataset, i: usize, cols: &[usize], row_year: Year, title_year: Year) -> ByYear {
    let mut out = ByYear::new();
    for &c in cols {
        if let Some(v) = num_at(ds, i, Some(c)) {
            *out.entry(row_year.or(column_year(ds, c)).or(title_year)).or_insert(0.0) += v;
        }
    }
    out
}

/// Adds the amounts of `more` to `into`, year by year.
fn add_by_year(into: &mut ByYear, more: ByYear) {
    for (y, v) in more {
        *into.entry(y).or_insert(0.0) += v;
    }
}

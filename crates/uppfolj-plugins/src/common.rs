//! Helpers shared by the built-in plugins: starting and finishing a report, finding columns,
//! reading numbers, recognising total rows and periods, and writing amounts in Swedish.

use uppfolj_plugin::PluginMeta;
use uppfolj_plugin::model::dataset::{CellRef, ColumnRole, Dataset, RowKind, Value};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{
    Block, Column, ColumnFormula, ColumnKind, Diagnostic, ProvenanceNote, Report, Section, Table,
};
use uppfolj_plugin::model::unit::Unit;

/// A new report of the plugin `meta` titled `title`, computed from `ds` alone: the dataset's
/// title is the subtitle and its source the report's only input (not every file the user loaded,
/// which is what `uppfolj_plugin::run` lists when a plugin leaves the inputs empty).
pub(crate) fn new_report(meta: &PluginMeta, title: &str, ds: &Dataset) -> Report {
    let mut report = Report::new(meta.report_ref(), title);
    report.subtitle = (!ds.title.trim().is_empty()).then(|| ds.title.trim().to_owned());
    report.inputs = vec![ds.source.clone()];
    report
}

/// Completes `report`: `sections` in order, then the "Källor" section with the provenance
/// `notes`, then the diagnostics `diags`, each once.
pub(crate) fn finish(report: &mut Report, sections: Vec<Section>, notes: Vec<ProvenanceNote>, diags: Vec<Diagnostic>) {
    report.sections.extend(sections);
    let mut sources = Section::new("kallor", "Källor");
    sources.blocks.push(Block::Provenance { notes });
    report.sections.push(sources);
    for d in diags {
        uppfolj_plugin::push_diagnostic(report, d);
    }
}

/// A section holding one table.
pub(crate) fn table_section(id: &str, title: &str, table: Table) -> Section {
    let mut section = Section::new(id, title);
    section.blocks.push(Block::Table(table));
    section
}

/// Swedish month names, full and abbreviated, January first.
const MONTHS: [(&str, &str); 12] = [
    ("januari", "jan"),
    ("februari", "feb"),
    ("mars", "mar"),
    ("april", "apr"),
    ("maj", "maj"),
    ("juni", "jun"),
    ("juli", "jul"),
    ("augusti", "aug"),
    ("september", "sep"),
    ("oktober", "okt"),
    ("november", "nov"),
    ("december", "dec"),
];

/// The full Swedish name of month `m` (1–12).
pub(crate) fn month_name(m: u32) -> &'static str {
    MONTHS.get((m.clamp(1, 12) - 1) as usize).map_or("december", |(full, _)| full)
}

/// "januari–augusti" for 8 months, "januari" for 1, "helåret" for 12.
pub(crate) fn period_text(months: Option<u32>) -> String {
    match months {
        Some(12) => "helåret".to_owned(),
        Some(1) => "januari".to_owned(),
        Some(m) => format!("januari–{}", month_name(m)),
        None => "perioden".to_owned(),
    }
}

/// The last month named in `text` ("Utfall jan–aug" → 8, "januari–augusti 2024" → 8,
/// "Bokslut 2023" / "helår" → 12). `None` when no month is named.
pub(crate) fn months_in_text(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    let mut last = None;
    for token in lower.split(|c: char| !c.is_alphabetic()) {
        if token.is_empty() {
            continue;
        }
        if let Some(i) = MONTHS.iter().position(|(full, abbr)| {
            token == *full || token == *abbr || (*abbr == "sep" && token == "sept") || token == format!("{abbr}.")
        }) {
            last = Some(i as u32 + 1);
        }
    }
    if last.is_none() && (lower.contains("helår") || lower.contains("bokslut") || lower.contains("årsbudget")) {
        return Some(12);
    }
    last
}

/// Whether a header names a part of the year ("Budget jan–aug", "Ack. utfall", "Utfall perioden").
pub(crate) fn is_period_header(text: &str) -> bool {
    let lower = text.to_lowercase();
    let named_month = months_in_text(&lower)
        .is_some_and(|_| !lower.contains("helår") && !lower.contains("årsbudget") && !lower.contains("bokslut"));
    named_month || lower.contains("ack") || lower.contains("period") || lower.contains("hittills")
}

/// Whether a header names the whole year ("Årsbudget", "Helårsbudget", "Budget helår").
pub(crate) fn is_annual_header(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("årsbudget") || lower.contains("helår") || lower.contains("bokslut") || lower.contains("år ")
}

/// Normalised label: lower case, single spaces, without trailing colon.
pub(crate) fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(':').to_lowercase()
}

/// Whether a row label names the grand total of a table ("Summa", "Totalt", "Summa totalt").
pub(crate) fn is_total_label(label: &str) -> bool {
    let n = norm(label);
    matches!(n.as_str(), "summa" | "totalt" | "total" | "totalsumma" | "summa totalt" | "total summa" | "samtliga")
        || n.starts_with("summa totalt")
        || n.starts_with("totalt för")
        || n.starts_with("summa nämnd")
        || n.starts_with("summa förvaltning")
}

/// Whether a row label names a subtotal ("Delsumma", "Summa Närsjukvård").
pub(crate) fn is_subtotal_label(label: &str) -> bool {
    let n = norm(label);
    !is_total_label(label) && (n.starts_with("delsumma") || n.starts_with("summa ") || n.starts_with("totalt "))
}

/// The column holding row labels: the org unit, else the label, account, measure, else the first
/// column with text in most rows.
pub(crate) fn label_column(ds: &Dataset, prefer: &[ColumnRole]) -> Option<usize> {
    for role in prefer.iter().chain(&[ColumnRole::OrgUnit, ColumnRole::Label, ColumnRole::Account]) {
        if let Some(c) = ds.column(*role) {
            return Some(c);
        }
    }
    (0..ds.columns.len()).find(|&c| {
        let texts = ds.rows.iter().filter(|r| matches!(r.cells.get(c).map(|x| &x.value), Some(Value::Text(_)))).count();
        texts * 2 >= ds.rows.len().max(1)
    })
}

/// The text of row `row` in column `col` (numbers written as they are), trimmed.
pub(crate) fn text_at(ds: &Dataset, row: usize, col: Option<usize>) -> String {
    match col.and_then(|c| ds.value(row, c)) {
        Some(Value::Text(s)) => s.trim().to_owned(),
        Some(Value::Number { value, .. }) => format::number(*value, if value.fract() == 0.0 { 0 } else { 2 }),
        _ => String::new(),
    }
}

/// The number at `row`, `col`, if the cell holds one.
pub(crate) fn num_at(ds: &Dataset, row: usize, col: Option<usize>) -> Option<f64> {
    col.and_then(|c| ds.value(row, c)).and_then(Value::as_f64).filter(|v| v.is_finite())
}

/// The source cell of `row`, `col`.
pub(crate) fn cell_at(ds: &Dataset, row: usize, col: Option<usize>) -> Option<CellRef> {
    let c = col?;
    let r = ds.rows.get(row)?;
    r.cells
        .get(c)
        .and_then(|cell| cell.at)
        .or_else(|| ds.columns.get(c).map(|m| CellRef::new(r.source_row, m.source_col)))
}

/// Whether the dataset row is the file's grand total (marked by the import or labelled so).
pub(crate) fn row_is_total(ds: &Dataset, row: usize, label: &str) -> bool {
    ds.rows.get(row).is_some_and(|r| r.kind == RowKind::Total) || is_total_label(label)
}

/// The amount unit of column `col`, else the table's.
pub(crate) fn unit_of(ds: &Dataset, col: Option<usize>) -> Option<Unit> {
    match col {
        Some(c) => ds.unit_of(c).cloned(),
        None => ds.unit.clone(),
    }
}

/// Decimals normally shown for an amount in `unit`.
pub(crate) fn decimals_for(unit: &Unit) -> u8 {
    match unit {
        Unit::Mnkr => 1,
        Unit::Percent => 1,
        _ => 0,
    }
}

/// "−126 410 tkr".
pub(crate) fn amount(value: f64, unit: &Unit) -> String {
    format!("{} {}", format::number(value, decimals_for(unit) as usize), unit.label())
}

/// "+33 tkr" / "−12 tkr".
pub(crate) fn signed_amount(value: f64, unit: &Unit) -> String {
    format!("{} {}", format::signed(value, decimals_for(unit) as usize), unit.label())
}

/// Sum of the values that are present; `None` when none is.
pub(crate) fn sum_present(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    values.into_iter().flatten().fold(None, |acc, v| Some(acc.unwrap_or(0.0) + v))
}

/// A text column.
pub(crate) fn text_col(key: &str, title: &str) -> Column {
    Column { key: key.to_owned(), title: title.to_owned(), kind: ColumnKind::Text, formula: None }
}

/// An amount column.
pub(crate) fn amount_col(key: &str, title: &str, unit: &Unit, formula: Option<ColumnFormula>) -> Column {
    Column {
        key: key.to_owned(),
        title: title.to_owned(),
        kind: ColumnKind::Amount { unit: unit.clone(), decimals: decimals_for(unit) },
        formula,
    }
}

/// A percent column.
pub(crate) fn percent_col(key: &str, title: &str, formula: Option<ColumnFormula>) -> Column {
    Column { key: key.to_owned(), title: title.to_owned(), kind: ColumnKind::Percent { decimals: 1 }, formula }
}

/// A status column.
pub(crate) fn status_col(key: &str, title: &str) -> Column {
    Column { key: key.to_owned(), title: title.to_owned(), kind: ColumnKind::Status, formula: None }
}

/// `a − b` formula.
pub(crate) fn diff(a: &str, b: &str) -> ColumnFormula {
    ColumnFormula::Difference { a: a.to_owned(), b: b.to_owned() }
}

/// A provenance note for the cells of column `col` over the rows `rows` of `ds`.
pub(crate) fn provenance(ds: &Dataset, what: String, col: Option<usize>, rows: &[usize]) -> Option<ProvenanceNote> {
    col?;
    let cells: Vec<CellRef> = rows.iter().filter_map(|&r| cell_at(ds, r, col)).collect();
    (!cells.is_empty()).then(|| ProvenanceNote { what, source: ds.source.clone(), cells })
}

/// A warning located at a cell of `ds`.
pub(crate) fn warn_at(ds: &Dataset, at: Option<CellRef>, message: String) -> Diagnostic {
    Diagnostic::warning(message).at(&ds.source, at)
}

/// A year written in a header or a cell ("2024", "Bokslut 2023", 2024.0).
pub(crate) fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse::<i32>().ok())
        .find(|y| (1990..=2100).contains(y))
}

/// The year of column `col`: a year in its period, else in its header ("Planerad effekt 2025").
pub(crate) fn column_year(ds: &Dataset, col: usize) -> Option<i32> {
    let c = ds.columns.get(col)?;
    c.period.as_deref().and_then(year_in).or_else(|| year_in(&c.name))
}

/// Converts `value` from `from` into `to`, or keeps it when no conversion applies.
pub(crate) fn convert(value: f64, from: &Unit, to: &Unit) -> f64 {
    from.convert(value, to).unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_months_in_swedish_period_texts() {
        assert_eq!(months_in_text("Utfall jan–aug"), Some(8));
        assert_eq!(months_in_text("driftredovisning januari–augusti 2024"), Some(8));
        assert_eq!(months_in_text("Ack utfall mars"), Some(3));
        assert_eq!(months_in_text("Budget helår"), Some(12));
        assert_eq!(months_in_text("Budget"), None);
        assert!(is_period_header("Budget jan–aug"));
        assert!(!is_period_header("Årsbudget"));
        assert!(is_annual_header("Årsbudget"));
        assert_eq!(period_text(Some(8)), "januari–augusti");
    }

    #[test]
    fn recognises_total_rows_but_not_subtotals() {
        assert!(is_total_label("Summa"));
        assert!(is_total_label("SUMMA TOTALT"));
        assert!(is_total_label("Totalt:"));
        assert!(!is_total_label("Summa Närsjukvård"));
        assert!(is_subtotal_label("Summa Närsjukvård"));
        assert!(is_subtotal_label("Delsumma"));
        assert!(!is_subtotal_label("Folktandvården"));
    }

    #[test]
    fn sums_only_present_values() {
        assert_eq!(sum_present([Some(1.0), None, Some(2.0)]), Some(3.0));
        assert_eq!(sum_present([None, None]), None);
        assert_eq!(year_in("Bokslut 2023"), Some(2023));
    }
}

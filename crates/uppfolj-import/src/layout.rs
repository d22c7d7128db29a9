//! Layout detection: where the tables are in a sheet and what their rows and columns mean.
//!
//! Steps, per sheet:
//! 1. classify every row (how many text, number and year cells; a footer such as "Källa: …");
//! 2. find a header row (text or years above rows with numbers), with a group row above it when
//!    the header has two rows ("2024" over "Budget | Utfall"); rows above it are the title
//!    (and may state the unit: "Belopp i tkr");
//! 3. take the rows below until a footer, or a gap followed by another title or header (then the
//!    next table starts);
//! 4. give each column a role (header synonyms, a period or a region as header, else content);
//! 5. mark total and subtotal rows (text "Summa", "Totalt", "Delsumma"; bold-only rows; parent
//!    codes), find the hierarchy (indentation, codes, staggered label columns, subtotals) and
//!    fill blank group labels down;
//! 6. parse values (Swedish numbers, missing markers, error cells) into a [`Dataset`].
//!
//! A sheet without a header but with label + number rows becomes a headerless table whose
//! columns are named by letter.

#[cfg(test)]
use crate::grid::GCell;
use crate::grid::{GRow, Grid, Raw};
use crate::mapping::{Mapping, SignConvention};
use crate::number::{self, Parsed};
use crate::roles;
use crate::summary::{ColumnSummary, TableSummary, TotalRow};
use uppfolj_model::dataset::Cell;
use uppfolj_model::{
    CellRef, ColumnMeta, ColumnRole, DataRow, Dataset, DatasetKind, Diagnostic, RowKind, SourceFile, Unit, Value,
};

/// A table found, with its summary (the summary's `dataset` index is set by the caller).
#[derive(Debug)]
pub struct Found {
    /// The dataset.
    pub dataset: Dataset,
    /// What was understood.
    pub summary: TableSummary,
}

/// How a cell reads, for layout decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cls {
    Empty,
    Number,
    Year,
    Text,
    Missing,
    Error,
}

fn classify(raw: &Raw) -> Cls {
    match raw {
        Raw::Empty => Cls::Empty,
        Raw::Number(v) => {
            if roles::year_number(*v).is_some() {
                Cls::Year
            } else {
                Cls::Number
            }
        }
        Raw::Date(_) => Cls::Number,
        Raw::Bool(_) => Cls::Text,
        Raw::Error(_) => Cls::Error,
        Raw::Text(t) => {
            if roles::year(t).is_some() {
                return Cls::Year;
            }
            match number::parse(t) {
                Parsed::Number { .. } | Parsed::NotFinite => Cls::Number,
                Parsed::Missing(None) => Cls::Empty,
                Parsed::Missing(Some(_)) => Cls::Missing,
                Parsed::Text => Cls::Text,
            }
        }
    }
}

/// What a row looks like.
#[derive(Debug, Clone, Default)]
struct RowInfo {
    nonempty: usize,
    numbers: usize,
    years: usize,
    texts: usize,
    role_words: usize,
    footer: bool,
    /// The only non-empty cell is text (a title, a note, a unit line).
    single_text: bool,
}

const FOOTER_PREFIXES: &[&str] = &[
    "källa",
    "källor",
    "not:",
    "not ",
    "noter",
    "anm",
    "anmärkning",
    "kommentar:",
    "fotnot",
    "source",
    "* ",
    "uppgifterna",
    "observera",
    "obs",
];

fn row_info(row: &GRow) -> RowInfo {
    let mut info = RowInfo::default();
    for c in &row.cells {
        match classify(&c.raw) {
            Cls::Empty => continue,
            Cls::Number => info.numbers += 1,
            Cls::Year => info.years += 1,
            Cls::Text => info.texts += 1,
            Cls::Missing | Cls::Error => {}
        }
        info.nonempty += 1;
    }
    // Only a row without numbers can be a header: look for role words there alone (it is the
    // costly part).
    if info.numbers == 0 {
        info.role_words = row
            .cells
            .iter()
            .filter_map(|c| c.raw.text())
            .filter(|t| t.len() < 80 && roles::role_for_header(t).is_some())
            .count();
    }
    if info.nonempty == 1 && info.texts == 1 {
        info.single_text = true;
        if let Some(t) = row.cells.iter().find_map(|c| c.raw.text()) {
            let lower = t.trim().to_lowercase();
            info.footer = FOOTER_PREFIXES.iter().any(|p| lower.starts_with(p));
        }
    }
    info
}

/// Options for layout detection.
#[derive(Debug, Clone, Copy)]
pub struct LayoutLimits {
    /// Most columns in one table.
    pub max_columns: usize,
}

/// Finds the tables of one sheet.
pub fn detect(grid: &Grid, file: &str, mapping: &Mapping, limits: LayoutLimits) -> Vec<Found> {
    let infos: Vec<RowInfo> = grid.rows.iter().map(row_info).collect();
    let mut found = Vec::new();
    let mut i = 0usize;
    let mut titles: Vec<usize> = Vec::new();
    let forced_header = mapping.header_row.map(|r| r.saturating_sub(1));
    while i < grid.rows.len() {
        let is_header = match forced_header {
            Some(h) => grid.rows[i].row == h,
            None => header_candidate(grid, &infos, i),
        };
        if !is_header {
            if infos[i].nonempty > 0 && !infos[i].footer {
                titles.push(i);
            }
            i += 1;
            continue;
        }
        // Two-row header: a group row right above ("2024" over "Budget | Utfall").
        let mut upper = None;
        if forced_header.is_none() {
            if i + 1 < grid.rows.len()
                && grid.rows[i].row + 1 == grid.rows[i + 1].row
                && header_candidate(grid, &infos, i + 1)
                && infos[i + 1].role_words > infos[i].role_words
            {
                // The group row was taken for the header: the next row is the real one.
                upper = Some(i);
                i += 1;
            } else if let Some(&t) = titles.last()
                && t + 1 == i
                && grid.rows[t].row + 1 == grid.rows[i].row
                && infos[t].numbers == 0
                && (infos[t].nonempty >= 2
                    || (infos[t].years >= 1 && grid.rows[t].cells[0].col > grid.rows[i].cells[0].col))
            {
                upper = Some(t);
                titles.pop();
            }
        }
        let end = table_end(grid, &infos, i, forced_header.is_some());
        if end > i + 1
            && let Some(t) = build(grid, file, mapping, limits, &titles, upper, Some(i), i + 1, end)
        {
            found.push(t);
            titles.clear();
        } else {
            // Not a table after all: the row stays a title line for the next one.
            titles.extend(upper);
            titles.push(i);
        }
        i = end.max(i + 1);
        if forced_header.is_some() {
            break;
        }
    }
    if found.is_empty() && forced_header.is_none() {
        // A sheet without a header row: rows of a label and numbers (a budget bill table).
        if let Some(start) = (0..grid.rows.len()).find(|&k| infos[k].numbers >= 1 && infos[k].texts >= 1) {
            let labelled = infos[start..].iter().filter(|x| x.numbers >= 1 && x.texts >= 1).count();
            if labelled >= 2 {
                let end = table_end(grid, &infos, start.saturating_sub(1), true).max(start + 1);
                let title_rows: Vec<usize> = (0..start).filter(|&k| infos[k].single_text && !infos[k].footer).collect();
                if let Some(t) = build(grid, file, mapping, limits, &title_rows, None, None, start, end) {
                    found.push(t);
                }
            }
        }
    }
    found
}

/// Whether row `i` looks like a header: several text or year cells, no other numbers, and rows
/// with values below it.
fn header_candidate(grid: &Grid, infos: &[RowInfo], i: usize) -> bool {
    let info = &infos[i];
    if info.numbers > 0 || info.footer {
        return false;
    }
    let labels = info.texts + info.years;
    // A one-cell header ("Inkomsttyp" over a staggered hierarchy) must name a role, not be a
    // unit line ("Belopp i tkr"), and have text right below it in the same column.
    let single_named = info.nonempty == 1 && info.role_words == 1 && {
        let row = &grid.rows[i];
        let cell = &row.cells[0];
        cell.raw.text().is_some_and(|t| roles::unit_in_text(t).is_none() && t.split_whitespace().count() <= 3)
            && grid.rows.get(i + 1).is_some_and(|next| {
                next.row == row.row + 1 && next.get(cell.col).is_some_and(|c| classify(&c.raw) == Cls::Text)
            })
    };
    // Years count as header cells only several at a time or beside header texts ("Verksamhet |
    // 2024 | 2023"); a label and one year-like number is a data row.
    if info.years > 0 && info.years < 2 && info.texts < 2 {
        return false;
    }
    if !(labels >= 2 || single_named) {
        return false;
    }
    // Look at the next few rows: at least one must hold values.
    let row = grid.rows[i].row;
    let mut seen = 0;
    for (k, next) in infos.iter().enumerate().skip(i + 1).take(4) {
        if grid.rows[k].row > row + 4 {
            break;
        }
        if next.footer {
            return false;
        }
        if next.numbers >= 1 && next.nonempty >= 2 {
            // A year row over numbers, or text headers over numbers.
            return true;
        }
        if info.years >= 2 && info.texts == 0 {
            // Years as a header need numbers below.
            seen += 1;
            continue;
        }
        if next.texts >= 2 && next.nonempty >= labels.min(2) && info.role_words >= 1 {
            // An all-text table (an action plan) with a recognised header.
            return true;
        }
        seen += 1;
    }
    let _ = seen;
    false
}

/// The index one past the last row of the table whose header is at `header` (data start at
/// `header + 1`).
fn table_end(grid: &Grid, infos: &[RowInfo], header: usize, forced: bool) -> usize {
    let mut prev_row = grid.rows.get(header).map_or(0, |r| r.row);
    let mut k = header + 1;
    while k < grid.rows.len() {
        let info = &infos[k];
        let row = grid.rows[k].row;
        if info.footer {
            return k;
        }
        let gap = row > prev_row + 1;
        if gap && !forced {
            // Another table's title or header after a gap ends this one.
            if header_candidate(grid, infos, k) && infos[k].role_words >= 1 {
                return k;
            }
            if info.single_text && k + 1 < grid.rows.len() {
                let next_is_header = (k + 1..(k + 4).min(grid.rows.len())).any(|n| header_candidate(grid, infos, n));
                if next_is_header {
                    return k;
                }
            }
            if row > prev_row + 3 && info.single_text {
                return k;
            }
        }
        prev_row = row;
        k += 1;
    }
    k
}

const TOTAL_WORDS: &[&str] =
    &["summa", "totalt", "total", "totalsumma", "s:a", "alla kommuner", "samtliga kommuner", "riket totalt"];

fn total_word(label: &str) -> Option<bool> {
    let l = roles::normalise(label);
    if l.starts_with("delsumma") || l.starts_with("delsum") {
        return Some(false);
    }
    TOTAL_WORDS.iter().any(|w| l.starts_with(w) || l.ends_with(&format!(" {}", w.trim()))).then_some(true)
}

fn is_label_role(role: ColumnRole) -> bool {
    matches!(
        role,
        ColumnRole::Label
            | ColumnRole::OrgUnit
            | ColumnRole::Account
            | ColumnRole::Period
            | ColumnRole::IndicatorId
            | ColumnRole::IndicatorName
            | ColumnRole::RegionId
            | ColumnRole::RegionName
            | ColumnRole::Year
            | ColumnRole::Gender
            | ColumnRole::Measure
            | ColumnRole::Status
            | ColumnRole::Responsible
            | ColumnRole::Comment
            | ColumnRole::ReportBack
    )
}

fn raw_to_text(raw: &Raw) -> String {
    match raw {
        Raw::Empty => String::new(),
        Raw::Number(v) => format_plain(*v),
        Raw::Text(t) => t.clone(),
        Raw::Bool(b) => if *b { "SANT" } else { "FALSKT" }.to_string(),
        Raw::Date(serial) => serial_to_iso(*serial),
        Raw::Error(e) => e.clone(),
    }
}

fn format_plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") }
}

/// An Excel serial date as "YYYY-MM-DD" (1900 system; serials before 1900-03-01 are rare).
pub fn serial_to_iso(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return format!("{serial}");
    }
    // Days from 1970-01-01: serial 25569 is 1970-01-01.
    let days = serial.floor() as i64 - 25_569;
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A short line that only states the unit ("Belopp i tkr").
fn is_unit_line(s: &str) -> bool {
    let n = roles::normalise(s);
    roles::unit_in_text(s).is_some()
        && (n.starts_with("belopp") || n.starts_with("alla belopp") || n.starts_with('(') || Unit::parse(&n).is_some())
}

/// A column being built.
#[derive(Debug, Clone)]
struct Col {
    /// Source columns: one, or several for a composed (staggered) label column.
    src: Vec<u32>,
    name: String,
    role: Option<ColumnRole>,
    because: &'static str,
    unit: Option<Unit>,
    period: Option<String>,
    region: Option<String>,
    numeric: bool,
    percent_format: bool,
    /// For a composed column: take the code (a number) instead of the text.
    code: bool,
}

fn header_text(grid: &Grid, row: &GRow, col: u32) -> Option<String> {
    let raw = row.raw(col);
    if !raw.is_blank() {
        return Some(raw_to_text(raw).trim().to_string());
    }
    // A merged header cell: the value of the merge's first cell.
    let at = CellRef::new(row.row, col);
    let (a, _) = grid.merge_at(at)?;
    if *a == at {
        return None;
    }
    let first = grid.rows.iter().find(|r| r.row == a.row)?;
    let raw = first.raw(a.col);
    (!raw.is_blank()).then(|| raw_to_text(raw).trim().to_string())
}

#[allow(clippy::too_many_arguments)]
fn build(
    grid: &Grid,
    file: &str,
    mapping: &Mapping,
    limits: LayoutLimits,
    title_rows: &[usize],
    upper: Option<usize>,
    header: Option<usize>,
    start: usize,
    end: usize,
) -> Option<Found> {
    let source = SourceFile { file: file.to_string(), sheet: grid.sheet.clone() };
    let data = grid.rows.get(start..end)?;
    if data.is_empty() {
        return None;
    }
    let mut warnings: Vec<Diagnostic> = Vec::new();

    // Columns present in the header or the data.
    let mut present: Vec<u32> = Vec::new();
    for r in header.iter().chain(upper.iter()).map(|&h| &grid.rows[h]).chain(data.iter()) {
        present.extend(r.cells.iter().filter(|c| !c.raw.is_blank()).map(|c| c.col));
    }
    present.sort_unstable();
    present.dedup();
    if present.len() > limits.max_columns {
        warnings.push(
            Diagnostic::warning(format!(
                "Tabellen har {} kolumner; bara de första {} lästes. Ta bort tomma eller onödiga kolumner.",
                present.len(),
                limits.max_columns
            ))
            .at(&source, None),
        );
        present.truncate(limits.max_columns);
    }

    // Header names, with the group row forward-filled to the right.
    let header_row = header.map(|h| &grid.rows[h]);
    let upper_row = upper.map(|u| &grid.rows[u]);
    let mut cols: Vec<Col> = Vec::new();
    let mut group: Option<String> = None;
    for &c in &present {
        let lower = header_row.and_then(|r| header_text(grid, r, c));
        let up = match upper_row {
            Some(r) => match header_text(grid, r, c) {
                Some(t) => {
                    group = Some(t.clone());
                    Some(t)
                }
                None => group.clone(),
            },
            None => None,
        };
        let name = match (&up, &lower) {
            (Some(u), Some(l)) => format!("{u} / {l}"),
            (Some(u), None) => u.clone(),
            (None, Some(l)) => l.clone(),
            (None, None) => format!("Kolumn {}", CellRef::column_letters(c)),
        };
        // Profile the data.
        let (mut nums, mut texts, mut pct, mut filled) = (0usize, 0usize, 0usize, 0usize);
        for r in data {
            if let Some(cell) = r.get(c) {
                match classify(&cell.raw) {
                    Cls::Number | Cls::Error => nums += 1,
                    Cls::Year => nums += 1,
                    Cls::Text => texts += 1,
                    Cls::Missing | Cls::Empty => {}
                }
                if cell.percent_format {
                    pct += 1;
                }
                filled += 1;
            }
        }
        let numeric = nums > texts;
        let mut col = Col {
            src: vec![c],
            name,
            role: None,
            because: "innehåll",
            unit: None,
            period: None,
            region: None,
            numeric,
            percent_format: filled > 0 && pct * 2 > filled,
            code: false,
        };
        // Role from the header words.
        let by_lower = lower.as_deref().and_then(roles::role_for_header);
        let by_upper = up.as_deref().and_then(roles::role_for_header);
        let period_lower = lower.as_deref().and_then(roles::period);
        let period_upper = up.as_deref().and_then(roles::period);
        if let Some(role) = by_lower.or(by_upper) {
            col.role = Some(role);
            col.because = "rubrik";
            if by_lower.is_some() {
                col.period = period_upper.clone();
            } else {
                col.period = period_lower.clone();
            }
        } else if let Some(p) = period_lower.clone().or(period_upper.clone()) {
            if numeric || texts == 0 {
                col.role = Some(ColumnRole::Value);
                col.period = Some(p);
                col.because = "rubrik (period)";
            }
        } else if let Some(m) = lower.as_deref().and_then(roles::municipality)
            && numeric
        {
            col.role = Some(ColumnRole::Value);
            col.region = Some(m.id.to_string());
            col.because = "rubrik (kommun/region)";
        }
        // A role found in a header but contradicted by the content: a numeric role on a text
        // column is dropped (a "Budget" comment column), a label role on numbers kept (codes).
        if let Some(role) = col.role
            && !is_label_role(role)
            && !numeric
            && texts > 0
        {
            col.role = None;
            col.because = "innehåll";
        }
        col.unit =
            lower.as_deref().and_then(roles::unit_in_text).or_else(|| up.as_deref().and_then(roles::unit_in_text));
        if col.unit.is_none() && col.percent_format && numeric {
            col.unit = Some(Unit::Percent);
        }
        // The user's word is final.
        if let Some(o) = mapping.column(&col.name, c).or_else(|| lower.as_deref().and_then(|l| mapping.column(l, c))) {
            if o.ignore {
                continue;
            }
            if o.role.is_some() {
                col.role = o.role;
                col.because = "mappning";
            }
            if o.unit.is_some() {
                col.unit = o.unit.clone();
            }
        }
        cols.push(col);
    }

    // Staggered label columns (codes and texts moving right with depth) become one label column
    // and one code column.
    let staggered = staggered_labels(&cols, data);
    if let Some(n) = staggered {
        let srcs: Vec<u32> = cols[..n].iter().flat_map(|c| c.src.clone()).collect();
        let name =
            cols[..n].iter().find(|c| !c.name.starts_with("Kolumn ")).map_or("Radtext".to_string(), |c| c.name.clone());
        let code = Col {
            src: srcs.clone(),
            name: "Kod".to_string(),
            role: Some(ColumnRole::Account),
            because: "innehåll (koder)",
            unit: None,
            period: None,
            region: None,
            numeric: false,
            percent_format: false,
            code: true,
        };
        let label = Col {
            src: srcs,
            name,
            role: Some(ColumnRole::Label),
            because: "innehåll (trappstegsindrag)",
            unit: None,
            period: None,
            region: None,
            numeric: false,
            percent_format: false,
            code: false,
        };
        cols.splice(..n, [code, label]);
    }

    // Text columns without a role: municipality names make a region column; the first other one
    // is the row label unless a column already names the rows.
    for col in cols.iter_mut().filter(|c| c.role.is_none() && !c.numeric && c.src.len() == 1) {
        if mostly_municipalities(data, col.src[0]) {
            col.role = Some(ColumnRole::RegionName);
            col.because = "innehåll (kommun-/regionnamn)";
        }
    }
    let names_rows = |r: ColumnRole| {
        matches!(
            r,
            ColumnRole::Label
                | ColumnRole::OrgUnit
                | ColumnRole::Account
                | ColumnRole::Measure
                | ColumnRole::IndicatorName
        )
    };
    let wide = cols.iter().any(|c| c.period.is_some() || c.region.is_some());
    let has_region = cols.iter().any(|c| c.role == Some(ColumnRole::RegionName));
    if wide && has_region && !cols.iter().any(|c| c.role.is_some_and(names_rows)) {
        // Kolada's wide export: municipality, then the indicator, then one column per year.
        if let Some(col) = cols.iter_mut().find(|c| c.role.is_none() && !c.numeric) {
            col.role = Some(ColumnRole::IndicatorName);
            col.because = "innehåll (nyckeltal per kommun)";
        }
    }
    let mut have_label = cols.iter().any(|c| c.role.is_some_and(names_rows));
    for col in &mut cols {
        if col.role.is_none() && !col.numeric && !have_label {
            col.role = Some(ColumnRole::Label);
            col.because = "innehåll (första textkolumnen)";
            have_label = true;
        }
    }
    // Numeric columns without a role in a headerless table: values.
    for col in &mut cols {
        if col.role.is_none() && col.numeric && (header.is_none() || col.name.starts_with("Kolumn ")) {
            col.role = Some(ColumnRole::Value);
            col.because = "innehåll (tal)";
        }
    }

    // The table's unit: a mapping, a title line, else the columns' common unit.
    let mut unit = None;
    let mut unit_source = None;
    if let Some(u) = &mapping.unit {
        unit = Some(u.clone());
        unit_source = Some("mappning".to_string());
    } else {
        for &t in title_rows.iter().rev() {
            if let Some(cell) = grid.rows[t].cells.iter().find(|c| c.raw.text().is_some()) {
                let text = raw_to_text(&cell.raw);
                if let Some(u) = roles::unit_in_text(&text) {
                    unit_source =
                        Some(format!("rubrik '{}' ({})", text.trim(), CellRef::new(grid.rows[t].row, cell.col)));
                    unit = Some(u);
                    break;
                }
            }
        }
    }
    if unit.is_none() {
        let amount_units: Vec<&Unit> = cols
            .iter()
            .filter(|c| c.numeric && c.role.is_some_and(|r| !is_label_role(r)))
            .filter_map(|c| c.unit.as_ref())
            .collect();
        if let Some(first) = amount_units.first()
            && amount_units.iter().all(|u| u == first)
        {
            unit = Some((*first).clone());
            unit_source = Some("kolumnrubrik".to_string());
        }
    }

    // Title: the first title line that is not only a unit.
    let title = title_rows
        .iter()
        .filter_map(|&t| grid.rows[t].cells.iter().find_map(|c| c.raw.text()).map(|s| s.trim().to_string()))
        .find(|s| !s.is_empty() && !is_unit_line(s))
        .or_else(|| grid.sheet.clone())
        .unwrap_or_else(|| file.to_string());

    // The column that names a row: the first label column.
    let label_col = cols.iter().position(|c| c.role.is_some_and(is_label_role) && !c.code);
    // Forward-fill: blank group labels left of another label column.
    let label_cols: Vec<usize> = cols
        .iter()
        .enumerate()
        .filter(|(_, c)| c.role.is_some_and(is_label_role) && c.src.len() == 1)
        .map(|(i, _)| i)
        .collect();
    let mut fill_cols: Vec<usize> = Vec::new();
    if label_cols.len() >= 2 {
        for &ci in &label_cols[..label_cols.len() - 1] {
            let src = cols[ci].src[0];
            let blanks = data
                .iter()
                .filter(|r| {
                    r.get(src).is_none() && label_cols.iter().any(|&o| o != ci && r.get(cols[o].src[0]).is_some())
                })
                .count();
            if blanks > 0 && blanks * 2 >= data.len() / 2 {
                fill_cols.push(ci);
            }
        }
    }

    // Rows.
    let mut rows: Vec<DataRow> = Vec::with_capacity(data.len());
    let mut last_fill: Vec<Option<(String, CellRef)>> = vec![None; cols.len()];
    let mut filled_count = vec![0usize; cols.len()];
    let mut errors = 0usize;
    let mut non_finite = 0usize;
    let mut first_error: Option<(CellRef, String)> = None;
    let mut first_nonfinite: Option<CellRef> = None;
    let mut bold_rows = 0usize;
    let mut indents: Vec<u32> = Vec::with_capacity(data.len());
    for r in data {
        let mut cells = Vec::with_capacity(cols.len());
        for (ci, col) in cols.iter().enumerate() {
            if col.src.len() > 1 {
                cells.push(composed_cell(r, &col.src, col.code));
                continue;
            }
            let c = col.src[0];
            let at = CellRef::new(r.row, c);
            let Some(cell) = r.get(c) else {
                if fill_cols.contains(&ci)
                    && let Some((text, from)) = &last_fill[ci]
                {
                    filled_count[ci] += 1;
                    cells.push(Cell { value: Value::Text(text.clone()), at: Some(*from) });
                    continue;
                }
                cells.push(Cell::new(Value::empty(), at));
                continue;
            };
            let value = if col.role.is_some_and(is_label_role) || !col.numeric {
                let text = raw_to_text(&cell.raw);
                let text = text.trim();
                if text.is_empty() {
                    Value::empty()
                } else {
                    if fill_cols.contains(&ci) {
                        last_fill[ci] = Some((text.to_string(), at));
                    }
                    Value::Text(text.to_string())
                }
            } else {
                match &cell.raw {
                    Raw::Number(v) => {
                        if v.is_finite() {
                            let v = if col.percent_format && col.unit == Some(Unit::Percent) { v * 100.0 } else { *v };
                            Value::number(v)
                        } else {
                            non_finite += 1;
                            first_nonfinite.get_or_insert(at);
                            Value::Missing { marker: Some(format!("{v}")) }
                        }
                    }
                    Raw::Date(serial) => Value::Text(serial_to_iso(*serial)),
                    Raw::Error(e) => {
                        errors += 1;
                        first_error.get_or_insert((at, e.clone()));
                        Value::Missing { marker: Some(e.clone()) }
                    }
                    Raw::Bool(b) => Value::number(if *b { 1.0 } else { 0.0 }),
                    Raw::Empty => Value::empty(),
                    Raw::Text(t) => match number::parse(t) {
                        Parsed::Number { value, preliminary, .. } => Value::Number { value, preliminary },
                        Parsed::Missing(marker) => Value::Missing { marker },
                        Parsed::NotFinite => {
                            non_finite += 1;
                            first_nonfinite.get_or_insert(at);
                            Value::Missing { marker: Some(t.trim().to_string()) }
                        }
                        Parsed::Text => Value::Text(t.trim().to_string()),
                    },
                }
            };
            cells.push(Cell::new(value, at));
        }
        let label_cell = label_col
            .and_then(|lc| cols[lc].src.iter().rev().find_map(|&s| r.get(s).filter(|c| c.raw.text().is_some())));
        let bold =
            label_cell.is_some_and(|c| c.bold) || (label_cell.is_none() && r.cells.first().is_some_and(|c| c.bold));
        if bold {
            bold_rows += 1;
        }
        // A row without its own label (a filled-down group) keeps the indentation above.
        let indent = label_cell.map_or(indents.last().copied().unwrap_or(0), |c| {
            let lead = c.raw.text().map_or(0, |t| t.chars().take_while(|ch| *ch == ' ' || *ch == '\u{a0}').count());
            u32::from(c.indent) * 100 + lead as u32
        });
        indents.push(indent);
        rows.push(DataRow { cells, kind: RowKind::Data, level: 0, source_row: r.row });
    }

    // Totals by text: every "Summa …" row but the last is a subtotal.
    let mut total_rows: Vec<TotalRow> = Vec::new();
    let label_of = |row: &DataRow| -> String {
        label_col
            .and_then(|lc| row.cells.get(lc))
            .and_then(|c| c.value.as_text().map(str::to_string))
            .or_else(|| row.cells.iter().find_map(|c| c.value.as_text().map(str::to_string)))
            .unwrap_or_default()
    };
    let text_totals: Vec<(usize, bool)> =
        rows.iter().enumerate().filter_map(|(i, r)| total_word(&label_of(r)).map(|t| (i, t))).collect();
    // The last total closes the table; a total label repeated in every block (Kolada's "Alla
    // kommuner" per indicator) is a total each time.
    let last_total = text_totals.iter().rev().find(|(_, t)| *t).map(|(i, _)| *i);
    let last_label = last_total.map(|i| roles::normalise(&label_of(&rows[i])));
    for &(i, is_total) in &text_totals {
        let same = last_label.as_deref() == Some(roles::normalise(&label_of(&rows[i])).as_str());
        rows[i].kind = if is_total && same { RowKind::Total } else { RowKind::Subtotal };
    }
    // Bold-only subtotals, when bold is the exception (not every row bold).
    let use_bold = grid.has_fonts && bold_rows > 0 && bold_rows * 2 < rows.len().max(2);
    let mut bold_flags = Vec::with_capacity(rows.len());
    if use_bold {
        for (row, r) in rows.iter_mut().zip(data) {
            let label_cell = label_col
                .and_then(|lc| cols[lc].src.iter().rev().find_map(|&s| r.get(s).filter(|c| c.raw.text().is_some())));
            let bold =
                label_cell.is_some_and(|c| c.bold) || (label_cell.is_none() && r.cells.first().is_some_and(|c| c.bold));
            bold_flags.push(bold);
            if bold && row.kind == RowKind::Data {
                row.kind = RowKind::Subtotal;
            }
        }
    }
    // Code hierarchy: a row whose code is the parent of the next rows' codes is a subtotal.
    let code_col = cols.iter().position(|c| c.code);
    let mut code_levels: Vec<Option<u8>> = vec![None; rows.len()];
    if let (Some(cc), Some(lc)) = (code_col, label_col) {
        // Staggered labels: a row whose next row's text sits further right is its parent.
        let text_cols: Vec<Option<u32>> =
            rows.iter().map(|r| r.cells.get(lc).and_then(|c| c.at).map(|a| a.col)).collect();
        for i in 0..rows.len().saturating_sub(1) {
            if let (Some(a), Some(b)) = (text_cols[i], text_cols[i + 1])
                && b > a
                && rows[i].kind == RowKind::Data
            {
                rows[i].kind = RowKind::Subtotal;
            }
        }
        let _ = cc;
    }
    if let Some(cc) = code_col {
        let codes: Vec<Option<String>> =
            rows.iter().map(|r| r.cells.get(cc).and_then(|c| c.value.as_text().map(str::to_string))).collect();
        for i in 0..rows.len() {
            let Some(code) = &codes[i] else { continue };
            let stem = code.trim_end_matches('0');
            let zeros = code.len() - stem.len();
            code_levels[i] = Some(u8::try_from(code.len().saturating_sub(zeros)).unwrap_or(u8::MAX));
            if zeros > 0
                && !stem.is_empty()
                && let Some(Some(next)) = codes.get(i + 1)
                && next != code
                && next.starts_with(stem)
                && next.len() == code.len()
                && rows[i].kind == RowKind::Data
            {
                rows[i].kind = RowKind::Subtotal;
            }
        }
    }

    // Levels: staggered codes, else indentation, else subtotal structure.
    if code_col.is_some() {
        let mut distinct: Vec<u8> = code_levels.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        for (row, cl) in rows.iter_mut().zip(&code_levels) {
            row.level = match cl {
                Some(l) => u8::try_from(distinct.iter().position(|d| d == l).unwrap_or(0) + 1).unwrap_or(u8::MAX),
                None => 0,
            };
            if row.kind == RowKind::Total {
                row.level = 0;
            }
        }
    } else if indents.iter().any(|&x| x != indents[0]) {
        let mut distinct = indents.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() <= 8 {
            for (row, ind) in rows.iter_mut().zip(&indents) {
                row.level = u8::try_from(distinct.iter().position(|d| d == ind).unwrap_or(0)).unwrap_or(u8::MAX);
            }
        }
    } else if use_bold && rows.iter().any(|r| r.kind == RowKind::Subtotal) {
        // Bold subtotals without a leading code are the top level, with a code the next; the
        // rows under them one deeper.
        let has_code = |row: &DataRow| {
            label_of(row).split_whitespace().next().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'))
        };
        let mut two_levels = false;
        let mut any_top = false;
        for row in rows.iter().filter(|r| r.kind == RowKind::Subtotal) {
            if has_code(row) {
                two_levels = true;
            } else {
                any_top = true;
            }
        }
        let two_levels = two_levels && any_top;
        for row in &mut rows {
            row.level = match row.kind {
                RowKind::Total => 0,
                RowKind::Subtotal => u8::from(two_levels && has_code(row)),
                RowKind::Data => 1 + u8::from(two_levels),
            };
        }
    } else if text_totals.iter().any(|(_, t)| !*t) {
        // Subtotal rows close a group: rows before each subtotal are one level deeper.
        for row in &mut rows {
            row.level = match row.kind {
                RowKind::Data => 1,
                _ => 0,
            };
        }
    }

    // Column metadata.
    let columns: Vec<ColumnMeta> =
        cols.iter()
            .map(|c| ColumnMeta {
                name: c.name.clone(),
                role: c.role,
                unit: c.unit.clone().or_else(|| {
                    (c.numeric && c.role.is_some_and(|r| !is_label_role(r))).then(|| unit.clone()).flatten()
                }),
                period: c.period.clone(),
                region: c.region.clone(),
                source_col: c.src[0],
            })
            .collect();
    let roles_present: Vec<ColumnRole> = columns.iter().filter_map(|c| c.role).collect();
    let kind = if roles_present.iter().any(|r| {
        matches!(r, ColumnRole::Budget | ColumnRole::Outcome | ColumnRole::Forecast | ColumnRole::PreviousYear)
    }) {
        DatasetKind::Budget
    } else if roles_present.iter().any(|r| {
        matches!(r, ColumnRole::IndicatorId | ColumnRole::IndicatorName | ColumnRole::RegionId | ColumnRole::RegionName)
    }) || columns.iter().any(|c| c.region.is_some())
    {
        DatasetKind::Indicator
    } else {
        DatasetKind::Table
    };

    // Sign convention for budget tables.
    let (sign, sign_source) = if let Some(s) = mapping.sign {
        (Some(s), Some("mappning"))
    } else if kind == DatasetKind::Budget {
        let amount_cols: Vec<usize> = columns
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c.role, Some(ColumnRole::Budget | ColumnRole::Outcome | ColumnRole::Forecast)))
            .map(|(i, _)| i)
            .collect();
        let (mut neg, mut all) = (0usize, 0usize);
        for row in rows.iter().filter(|r| r.kind == RowKind::Data) {
            for &ci in &amount_cols {
                if let Some(v) = row.cells.get(ci).and_then(|c| c.value.as_f64()) {
                    all += 1;
                    if v < 0.0 {
                        neg += 1;
                    }
                }
            }
        }
        if all == 0 {
            (None, None)
        } else if neg * 2 > all {
            (Some(SignConvention::CostsNegative), Some("innehåll: de flesta belopp är negativa"))
        } else {
            (Some(SignConvention::CostsPositive), Some("innehåll: de flesta belopp är positiva"))
        }
    } else {
        (None, None)
    };

    // Warnings.
    for (ci, n) in filled_count.iter().enumerate() {
        if *n > 0 {
            warnings.push(
                Diagnostic::info(format!(
                    "Kolumn \"{}\": {n} tomma celler fylldes med värdet ovanför (grupperade rader).",
                    cols[ci].name
                ))
                .at(&source, Some(CellRef::new(data[0].row, cols[ci].src[0]))),
            );
        }
    }
    if errors > 0 {
        let (at, e) = first_error.unwrap_or((CellRef::new(data[0].row, 0), String::new()));
        warnings.push(
            Diagnostic::warning(format!(
                "{errors} celler innehåller ett formelfel (först {e} i {at}) och lästes som saknade värden. Rätta formeln i \
                 filen om värdet behövs."
            ))
            .at(&source, Some(at)),
        );
    }
    if non_finite > 0 {
        let at = first_nonfinite.unwrap_or(CellRef::new(data[0].row, 0));
        warnings.push(
            Diagnostic::warning(format!(
                "{non_finite} celler innehåller ett tal som inte är ändligt (NaN, oändligt eller större än 1e308, först i {at}) \
                 och lästes som saknade värden. Kontrollera cellerna."
            ))
            .at(&source, Some(at)),
        );
    }
    for (ci, col) in cols.iter().enumerate() {
        if col.role.is_none() {
            warnings.push(
                Diagnostic::info(format!(
                    "Kolumn {} \"{}\" fick ingen roll; ange en i mappningen om den behövs.",
                    CellRef::column_letters(col.src[0]),
                    col.name
                ))
                .at(&source, Some(CellRef::new(header_row.map_or(data[0].row, |h| h.row), cols[ci].src[0]))),
            );
        }
    }
    if kind == DatasetKind::Budget && unit.is_none() && columns.iter().all(|c| c.unit.is_none()) {
        warnings.push(
            Diagnostic::warning(
                "Ingen enhet hittades (t.ex. \"Belopp i tkr\"); beloppen antas vara i den enhet filen har. Ange enheten i \
                 mappningen om den behövs.",
            )
            .at(&source, None),
        );
    }

    for (i, row) in rows.iter().enumerate() {
        if row.kind != RowKind::Data {
            let because = if text_totals.iter().any(|(k, _)| *k == i) {
                "text"
            } else if use_bold && bold_flags.get(i).copied().unwrap_or(false) {
                "fetstil"
            } else {
                "kodhierarki"
            };
            total_rows.push(TotalRow { row: row.source_row + 1, label: label_of(row), kind: row.kind, because });
        }
    }

    let first_row = upper.or(header).map_or(data[0].row, |h| grid.rows[h].row);
    let last_row = data.last().map_or(first_row, |r| r.row);
    let first_col = present.first().copied().unwrap_or(0);
    let last_col = present.last().copied().unwrap_or(0);
    let range = (CellRef::new(first_row, first_col), CellRef::new(last_row, last_col));
    let summary = TableSummary {
        dataset: 0,
        sheet: grid.sheet.clone(),
        title: title.clone(),
        range: format!("{}:{}", range.0, range.1),
        header_rows: upper.iter().chain(header.iter()).map(|&h| grid.rows[h].row + 1).collect(),
        kind,
        unit: unit.clone(),
        unit_source,
        columns: cols
            .iter()
            .zip(&columns)
            .map(|(c, m)| ColumnSummary {
                letter: CellRef::column_letters(c.src[0]),
                name: m.name.clone(),
                role: m.role,
                because: c.because,
                unit: m.unit.clone(),
                period: m.period.clone(),
                region: m.region.clone(),
            })
            .collect(),
        data_rows: rows.iter().filter(|r| r.kind == RowKind::Data).count(),
        max_level: rows.iter().map(|r| r.level).max().unwrap_or(0),
        total_rows,
        sign,
        sign_source,
        warnings,
    };
    let dataset = Dataset { source, title, kind, unit, range: Some(range), columns, rows };
    Some(Found { dataset, summary })
}

/// Whether most texts in column `col` are Kolada municipality or region names.
fn mostly_municipalities(data: &[GRow], col: u32) -> bool {
    let mut seen = 0usize;
    let mut hits = 0usize;
    let mut last = "";
    for r in data {
        let Some(t) = r.get(col).and_then(|c| c.raw.text()) else { continue };
        let t = t.trim();
        if t == last {
            continue;
        }
        last = t;
        seen += 1;
        if roles::municipality(t).is_some() {
            hits += 1;
        }
        if seen >= 60 {
            break;
        }
    }
    seen >= 2 && hits * 10 >= seen * 6
}

/// A composed label column's cell: the rightmost text (or, for the code column, the number left
/// of it) among `src`.
fn composed_cell(r: &GRow, src: &[u32], code: bool) -> Cell {
    let text_at = src.iter().rev().find_map(|&s| r.get(s).filter(|c| classify(&c.raw) == Cls::Text));
    if code {
        let limit = text_at.map_or(u32::MAX, |t| t.col);
        let code_cell = src
            .iter()
            .rev()
            .filter(|&&s| s < limit)
            .find_map(|&s| r.get(s).filter(|c| matches!(classify(&c.raw), Cls::Number | Cls::Year)));
        if let Some(c) = code_cell {
            return Cell::new(Value::Text(raw_to_text(&c.raw).trim().to_string()), CellRef::new(r.row, c.col));
        }
        // A code written in the text: "1140-1160 Skattereduktioner".
        if let Some(c) = text_at {
            let text = c.raw.text().unwrap_or("").trim();
            let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
            let rest = &text[digits.len()..];
            if digits.len() >= 3 && (rest.starts_with(' ') || rest.starts_with(['-', '–'])) {
                return Cell::new(Value::Text(digits), CellRef::new(r.row, c.col));
            }
        }
        return Cell { value: Value::empty(), at: None };
    }
    match text_at {
        Some(c) => Cell::new(Value::Text(raw_to_text(&c.raw).trim().to_string()), CellRef::new(r.row, c.col)),
        None => Cell { value: Value::empty(), at: None },
    }
}

/// The number of leading columns that hold a staggered hierarchy: in most rows exactly one of
/// them holds text (and maybe a code number left of it), and the text moves between columns.
fn staggered_labels(cols: &[Col], data: &[GRow]) -> Option<usize> {
    // The label area: the columns before the trailing run of numeric columns.
    let trailing = cols.iter().rev().take_while(|c| c.numeric && c.role.is_none_or(|r| !is_label_role(r))).count();
    let n = (cols.len() - trailing).min(4);
    if trailing == 0 {
        return None;
    }
    if n < 2 || cols[..n].iter().any(|c| c.src.len() != 1) {
        return None;
    }
    let srcs: Vec<u32> = cols[..n].iter().map(|c| c.src[0]).collect();
    let mut one_text = 0usize;
    let mut positions = std::collections::BTreeSet::new();
    let mut codes = 0usize;
    for r in data {
        let texts: Vec<u32> =
            srcs.iter().copied().filter(|&s| r.get(s).is_some_and(|c| classify(&c.raw) == Cls::Text)).collect();
        if texts.len() == 1 {
            one_text += 1;
            positions.insert(texts[0]);
            if srcs
                .iter()
                .any(|&s| s < texts[0] && r.get(s).is_some_and(|c| matches!(classify(&c.raw), Cls::Number | Cls::Year)))
            {
                codes += 1;
            }
        }
    }
    (one_text * 10 >= data.len() * 9 && positions.len() >= 2 && codes * 2 >= data.len()).then_some(n)
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

    fn t(s: &str) -> Raw {
        Raw::Text(s.into())
    }
    fn n(v: f64) -> Raw {
        Raw::Number(v)
    }
    const E: Raw = Raw::Empty;
    const LIMITS: LayoutLimits = LayoutLimits { max_columns: 1000 };

    #[test]
    fn dates() {
        assert_eq!(serial_to_iso(45_383.0), "2024-04-01");
        assert_eq!(serial_to_iso(25_569.0), "1970-01-01");
    }

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
        let found = detect(&g, "x.xlsx", &Mapping::default(), LIMITS);
        assert_eq!(found.len(), 1);
        let d = &found[0].dataset;
        assert_eq!(d.kind, DatasetKind::Budget);
        assert_eq!(d.unit, Some(Unit::Tkr));
        assert_eq!(d.title, "Driftredovisning januari–augusti 2024");
        assert_eq!(d.rows.len(), 3);
        assert_eq!(d.rows[2].kind, RowKind::Total);
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
        let found = detect(&g, "x.xlsx", &Mapping::default(), LIMITS);
        assert_eq!(found.len(), 2, "{found:#?}");
        let a = &found[0].dataset;
        assert_eq!(a.columns[3].name, "2023 / Budget");
        assert_eq!(a.columns[3].period.as_deref(), Some("2023"));
        assert_eq!(a.columns[2].period.as_deref(), Some("2024"));
        let b = &found[1].dataset;
        assert_eq!(b.unit, Some(Unit::Mnkr));
        assert_eq!(b.rows[0].cells[1].value, Value::number(1234.5));
    }
}

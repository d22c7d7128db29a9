//! Kolada API v3 data responses (`/v3/data/kpi/…`): `{"values": [{"kpi", "municipality",
//! "period", "values": [{"gender", "status", "value", "count"}]}], "count", "next_url"}` become one
//! indicator dataset in long form: KPI id, region id and name (from the Kolada list), year,
//! gender, value, with the status kept as a flag.

use crate::error::ImportError;
use crate::roles;
use crate::summary::{ColumnSummary, FileFormat, ImportSummary, TableSummary};
use crate::{Import, ImportOptions};
use serde::Deserialize;
use std::sync::Arc;
use uppfolj_model::{ColumnMeta, ColumnRole, Dataset, DatasetKind, Diagnostic, RowHead, Rows, SourceFile, Value};

#[derive(Debug, Deserialize)]
struct Response {
    values: Vec<Entry>,
    #[serde(default)]
    next_url: Option<String>,
    #[serde(default)]
    next_page: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    kpi: String,
    municipality: String,
    period: serde_json::Value,
    values: Vec<Point>,
}

#[derive(Debug, Deserialize)]
struct Point {
    #[serde(default)]
    gender: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    value: Option<f64>,
}

/// Whether the bytes look like JSON (an object or array first).
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    start.iter().find(|b| !b.is_ascii_whitespace()).is_some_and(|&b| b == b'{' || b == b'[')
}

/// Imports a Kolada data response.
///
/// # Errors
/// [`ImportError::NotKolada`] when the JSON has another shape, [`ImportError::NoData`] when it
/// has no values.
pub fn import(file: &str, bytes: &[u8], options: &ImportOptions) -> Result<Import, ImportError> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let response: Response = serde_json::from_slice(text).map_err(|e| {
        let detail =
            if e.is_syntax() || e.is_eof() { format!("ogiltig JSON ({e})") } else { format!("oväntad form ({e})") };
        ImportError::NotKolada { file: file.to_string(), detail }
    })?;
    if response.values.is_empty() {
        return Err(ImportError::NoData { file: file.to_string() });
    }
    let source = SourceFile { file: file.to_string(), sheet: None };
    let columns = columns();
    let (rows, unknown) = read_rows(file, &response, options)?;
    let warnings = warnings(&source, &response, &unknown);
    let kpis: Vec<&str> = {
        let mut k: Vec<&str> = response.values.iter().map(|e| e.kpi.as_str()).collect();
        k.sort_unstable();
        k.dedup();
        k
    };
    let title = format!("Kolada {}", kpis.join(", "));
    let summary = summary(&title, &columns, rows.len(), warnings);
    let dataset = Dataset { source, title, kind: DatasetKind::Indicator, unit: None, range: None, columns, rows };
    Ok(Import {
        datasets: vec![Arc::new(dataset)],
        summary: ImportSummary {
            file: file.to_string(),
            format: FileFormat::KoladaJson,
            sheets: Vec::new(),
            tables: vec![summary],
            warnings: vec![Diagnostic::info("Källa: Kolada (RKA).")],
        },
    })
}

/// The columns of the long form: KPI, region id and name, year, gender, value, status.
fn columns() -> Vec<ColumnMeta> {
    let names = ["KPI", "Kommun/region-id", "Kommun/region", "År", "Kön", "Värde", "Status"];
    let roles_ = [
        Some(ColumnRole::IndicatorId),
        Some(ColumnRole::RegionId),
        Some(ColumnRole::RegionName),
        Some(ColumnRole::Year),
        Some(ColumnRole::Gender),
        Some(ColumnRole::Value),
        Some(ColumnRole::Status),
    ];
    names
        .iter()
        .zip(roles_)
        .enumerate()
        .map(|(i, (n, r))| ColumnMeta::new(*n, r, u32::try_from(i).unwrap_or(0)))
        .collect()
}

/// One row per value of the response, and the region ids not in the Kolada list.
fn read_rows(file: &str, response: &Response, options: &ImportOptions) -> Result<(Rows, Vec<String>), ImportError> {
    // A response has no cells: a value's place is its line in the response (row) and its field
    // (column), as the columns below number them.
    let mut rows = Rows::new(&columns());
    let mut unknown = Vec::new();
    for e in &response.values {
        let year = match &e.period {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let name = roles::municipality(&e.municipality).map(|m| m.name.to_string());
        if name.is_none() && !unknown.contains(&e.municipality) {
            unknown.push(e.municipality.clone());
        }
        for p in &e.values {
            if rows.len() as u64 >= options.max_cells {
                return Err(ImportError::TooManyCells {
                    file: file.to_string(),
                    detail: format!("svaret har fler än {} värden (gränsen)", options.max_cells),
                });
            }
            let value = match p.value {
                Some(v) if v.is_finite() => Value::number(v),
                _ => Value::Missing { marker: None },
            };
            let text = |s: &str| if s.is_empty() { Value::empty() } else { Value::text(s) };
            let cells = vec![
                text(&e.kpi),
                text(&e.municipality),
                name.as_deref().map_or(Value::empty(), text),
                text(&year),
                text(p.gender.as_deref().unwrap_or("T")),
                value,
                text(p.status.as_deref().unwrap_or("")),
            ];
            rows.push_values(RowHead::data(u32::try_from(rows.len()).unwrap_or(u32::MAX)), cells);
        }
    }
    Ok((rows, unknown))
}

/// Warnings: region ids Kolada does not list, and a response that is one page of several.
fn warnings(source: &SourceFile, response: &Response, unknown: &[String]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    if !unknown.is_empty() {
        warnings.push(
            Diagnostic::warning(format!(
                "Okända kommun-/region-id (finns inte i Koladas lista): {}.",
                unknown.iter().take(10).cloned().collect::<Vec<_>>().join(", ")
            ))
            .at(source, None),
        );
    }
    if response.next_url.as_deref().is_some_and(|u| !u.is_empty())
        || response.next_page.as_deref().is_some_and(|u| !u.is_empty())
    {
        warnings.push(
            Diagnostic::warning(
                "Svaret är en sida av flera (next_url finns): bara den här sidan lästes. Hämta alla sidor och slå ihop dem.",
            )
            .at(source, None),
        );
    }
    warnings
}

/// The summary of the one table: every column's role is Kolada's format.
fn summary(title: &str, columns: &[ColumnMeta], rows: usize, warnings: Vec<Diagnostic>) -> TableSummary {
    TableSummary {
        dataset: 0,
        sheet: None,
        title: title.to_string(),
        range: format!("{rows} värden"),
        header_rows: Vec::new(),
        kind: DatasetKind::Indicator,
        unit: None,
        unit_source: None,
        columns: columns
            .iter()
            .map(|c| ColumnSummary {
                letter: String::new(),
                name: c.name.clone(),
                role: c.role,
                because: "Koladas format",
                unit: None,
                period: None,
                region: None,
            })
            .collect(),
        data_rows: rows,
        total_rows: Vec::new(),
        max_level: 0,
        sign: None,
        sign_source: None,
        warnings,
    }
}

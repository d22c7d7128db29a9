//! Builds datasets by hand for the plugin tests, the way the import lays them out: one column per
//! header with its role, one row per line, every value with the cell it came from.

#![allow(dead_code)]

use uppfolj_plugin::model::dataset::{
    Cell, CellRef, ColumnMeta, ColumnRole, DataRow, Dataset, DatasetKind, RowKind, SourceFile, Value,
};
use uppfolj_plugin::model::unit::Unit;

/// A value in a hand-built row.
#[derive(Debug, Clone)]
pub enum V {
    T(&'static str),
    N(f64),
    E,
}

/// A dataset with `headers` (text, role) in sheet row `header_row` (zero-based) and `rows` below it.
pub fn dataset(
    file: &str,
    title: &str,
    unit: Option<Unit>,
    kind: DatasetKind,
    header_row: u32,
    headers: &[(&str, Option<ColumnRole>)],
    rows: &[Vec<V>],
) -> Dataset {
    let columns: Vec<ColumnMeta> =
        headers.iter().enumerate().map(|(i, (name, role))| ColumnMeta::new(*name, *role, i as u32)).collect();
    let data_rows = rows
        .iter()
        .enumerate()
        .map(|(r, values)| {
            let source_row = header_row + 1 + r as u32;
            let cells = values
                .iter()
                .enumerate()
                .map(|(c, v)| {
                    let value = match v {
                        V::T(s) => Value::Text((*s).to_owned()),
                        V::N(n) => Value::number(*n),
                        V::E => Value::empty(),
                    };
                    Cell::new(value, CellRef::new(source_row, c as u32))
                })
                .collect();
            DataRow { cells, kind: RowKind::Data, level: 0, source_row }
        })
        .collect();
    let last_col = headers.len().saturating_sub(1) as u32;
    Dataset {
        source: SourceFile { file: file.to_owned(), sheet: Some("Blad1".to_owned()) },
        title: title.to_owned(),
        kind,
        unit,
        range: Some((CellRef::new(header_row, 0), CellRef::new(header_row + rows.len() as u32, last_col))),
        columns,
        rows: data_rows,
    }
}

/// Runs plugin `id` from the built-in registry on `datasets` with `params`.
pub fn run(id: &str, datasets: Vec<Dataset>, params: &[(&str, &str)]) -> uppfolj_plugin::model::Report {
    let registry = uppfolj_plugins::registry();
    let plugin = registry.get(id).expect("plugin is registered");
    let raw: Vec<(String, String)> = params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    uppfolj_plugin::run(plugin, &uppfolj_plugin::Inputs::new(datasets), &raw).expect("plugin computes a report")
}

/// The number in table `table_id`, in the row whose first cell is `row_label`, column `key`.
pub fn cell(report: &uppfolj_plugin::model::Report, table_id: &str, row_label: &str, key: &str) -> Option<f64> {
    let table = report.tables().find(|t| t.id == table_id).expect("table exists");
    let col = table.column_index(key).expect("column exists");
    let row = table
        .rows
        .iter()
        .find(|r| matches!(r.cells.first(), Some(uppfolj_plugin::model::report::TableCell::Text(t)) if t == row_label))
        .expect("row exists");
    row.cells[col].as_f64()
}

/// Every diagnostic message of `report`, joined by newlines.
pub fn messages(report: &uppfolj_plugin::model::Report) -> String {
    report.diagnostics.iter().map(|d| d.message.clone()).collect::<Vec<_>>().join("\n")
}

//! A driftredovisning with many lines, shared by the benchmark and the wasm memory example.

use uppfolj_model::report::{Column, ColumnFormula, ColumnKind, PluginRef, Row, RowKindOut, TableCell};
use uppfolj_model::{
    Block, CellRef, ColumnMeta, ColumnRole, Dataset, DatasetKind, Report, RowHead, RowKind, Rows, Section, SourceFile,
    Status, Table, Unit, Value,
};

fn amount() -> ColumnKind {
    ColumnKind::Amount { unit: Unit::Tkr, decimals: 0 }
}

fn col(key: &str, title: &str, kind: ColumnKind, formula: Option<ColumnFormula>) -> Column {
    Column { key: key.into(), title: title.into(), kind, formula }
}

/// A driftredovisning with `n` lines (unit × account), budget, outcome, deviation (a live
/// formula), deviation in percent (a live formula) and status, and the dataset it came from.
pub fn big(n: usize) -> (Report, Vec<Dataset>) {
    let columns = vec![
        ColumnMeta::new("Enhet och konto", Some(ColumnRole::Label), 0),
        ColumnMeta::new("Budget", Some(ColumnRole::Budget), 1),
        ColumnMeta::new("Utfall", Some(ColumnRole::Outcome), 2),
    ];
    let mut rows = Vec::with_capacity(n);
    let mut data = Rows::with_capacity(&columns, n);
    for i in 0..n {
        let budget = -((i % 9_973) as f64) * 10.0 - 100.0;
        let outcome = budget * (0.9 + (i % 21) as f64 / 100.0);
        let deviation = outcome - budget;
        let label = format!("Enhet {} konto {}", i / 50, 4000 + i % 50);
        let status = if deviation >= 0.0 { Status::Good } else { Status::Bad };
        rows.push(Row {
            cells: vec![
                TableCell::Text(label.clone()),
                TableCell::Number(budget),
                TableCell::Number(outcome),
                TableCell::Number(deviation),
                TableCell::Number(100.0 * deviation / budget.abs()),
                TableCell::Status { status, label: status.label_sv().into() },
            ],
            level: 1,
            kind: RowKindOut::Data,
            sum_of: vec![],
        });
        let r = i as u32 + 1;
        data.push_values(
            RowHead { source_row: r, kind: RowKind::Data, level: 1 },
            [Value::text(label), Value::number(budget), Value::number(outcome)],
        );
    }
    let table = Table {
        id: "drift".into(),
        title: "Driftredovisning per enhet och konto".into(),
        columns: vec![
            col("rad", "Enhet och konto", ColumnKind::Text, None),
            col("budget", "Budget", amount(), None),
            col("utfall", "Utfall", amount(), None),
            col(
                "avvikelse",
                "Avvikelse",
                amount(),
                Some(ColumnFormula::Difference { a: "utfall".into(), b: "budget".into() }),
            ),
            col(
                "procent",
                "Avvikelse",
                ColumnKind::Percent { decimals: 1 },
                Some(ColumnFormula::PercentOfAbs { a: "avvikelse".into(), b: "budget".into() }),
            ),
            col("status", "Status", ColumnKind::Status, None),
        ],
        rows,
    };
    let mut report = Report::new(PluginRef { id: "bench".into(), version: "0".into() }, "Stor driftredovisning");
    let mut section = Section::new("drift", "Driftredovisning");
    section.blocks.push(Block::Table(table));
    report.sections.push(section);
    let source = SourceFile { file: "stor.xlsx".into(), sheet: Some("Drift".into()) };
    report.inputs.push(source.clone());
    let dataset = Dataset {
        source,
        title: "Stor driftredovisning".into(),
        kind: DatasetKind::Budget,
        unit: Some(Unit::Tkr),
        range: Some((CellRef::new(0, 0), CellRef::new(n as u32, 2))),
        columns,
        rows: data,
    };
    (report, vec![dataset])
}

//! Hand-built Reports and datasets for the export tests, the example writer and the benchmark.
//! The figures follow the seeds: costs negative, income positive (municipal driftredovisning),
//! an action plan needing 325 mnkr with 175 mnkr planned.

#![allow(dead_code)]

pub mod readback;

use uppfolj_model::report::{
    Chart, ChartKind, Column, ColumnFormula, ColumnKind, KeyFigure, PluginRef, ProvenanceNote, ReferenceLine, Row,
    RowKindOut, Series, TableCell, Text, Trend,
};
use uppfolj_model::{
    Block, CellRef, ColumnMeta, ColumnRole, Dataset, DatasetKind, Diagnostic, Report, RowHead, RowKind, Rows, Section,
    SourceFile, Status, Table, Unit, Value,
};

/// A named case: the Report and the datasets it was computed from.
pub struct Case {
    pub name: &'static str,
    pub report: Report,
    pub datasets: Vec<Dataset>,
}

/// Every case, in order.
pub fn cases() -> Vec<Case> {
    vec![budget_case(), action_plan_case(), edge_case()]
}

fn amount(unit: Unit) -> ColumnKind {
    ColumnKind::Amount { unit, decimals: 0 }
}

fn col(key: &str, title: &str, kind: ColumnKind, formula: Option<ColumnFormula>) -> Column {
    Column { key: key.into(), title: title.into(), kind, formula }
}

fn text(s: &str) -> TableCell {
    TableCell::Text(s.into())
}

fn num(v: f64) -> TableCell {
    TableCell::Number(v)
}

/// Budget lines: (name, level, kind, budget, utfall, sum_of).
type Line = (&'static str, u8, RowKindOut, Option<f64>, f64, Vec<usize>);

fn status_for(deviation: Option<f64>) -> TableCell {
    match deviation {
        Some(d) if d >= 0.0 => TableCell::Status { status: Status::Good, label: "Inom budget".into() },
        Some(d) if d >= -20.0 => TableCell::Status { status: Status::Warning, label: "Risk".into() },
        Some(_) => TableCell::Status { status: Status::Bad, label: "Överskridet".into() },
        None => TableCell::Status { status: Status::Neutral, label: "Ej bedömd".into() },
    }
}

/// The driftredovisning table: budget, utfall, avvikelse (utfall − budget), avvikelse in % of the
/// budget's magnitude, status and trend; areas as subtotals, the total last.
pub fn budget_table() -> Table {
    let lines: Vec<Line> = vec![
        ("Område Somatik", 0, RowKindOut::Subtotal, Some(-1_349.0), -1_376.0, vec![1, 2]),
        ("Kirurgkliniken", 1, RowKindOut::Data, Some(-1_149.0), -1_116.0, vec![]),
        ("Medicinkliniken", 1, RowKindOut::Data, Some(-200.0), -260.0, vec![]),
        ("Område Psykiatri", 0, RowKindOut::Subtotal, Some(-512.0), -520.5, vec![4, 5]),
        ("Vuxenpsykiatri", 1, RowKindOut::Data, Some(-400.0), -395.5, vec![]),
        ("Barn- och ungdomspsykiatri", 1, RowKindOut::Data, Some(-112.0), -125.0, vec![]),
        ("Gemensamt =HYPERLINK(\"http://example.com\",\"klicka\")", 0, RowKindOut::Data, None, -14.0, vec![]),
        ("Summa", 0, RowKindOut::Total, Some(-1_861.0), -1_910.5, vec![0, 3, 6]),
    ];
    let rows = lines
        .into_iter()
        .map(|(name, level, kind, budget, utfall, sum_of)| {
            let deviation = budget.map(|b| utfall - b);
            Row {
                cells: vec![
                    text(name),
                    TableCell::number(budget),
                    num(utfall),
                    TableCell::number(deviation),
                    TableCell::number(budget.map(|b| 100.0 * (utfall - b) / b.abs())),
                    status_for(deviation),
                    TableCell::Trend(if deviation.unwrap_or(0.0) >= 0.0 { Trend::Better } else { Trend::Worse }),
                ],
                level,
                kind,
                sum_of,
            }
        })
        .collect();
    Table {
        id: "driftredovisning".into(),
        title: "Driftredovisning per område, januari–augusti".into(),
        columns: vec![
            col("enhet", "Enhet", ColumnKind::Text, None),
            col("budget", "Budget", amount(Unit::Tkr), None),
            col("utfall", "Utfall", amount(Unit::Tkr), None),
            col(
                "avvikelse",
                "Avvikelse",
                amount(Unit::Tkr),
                Some(ColumnFormula::Difference { a: "utfall".into(), b: "budget".into() }),
            ),
            col(
                "avvikelse_pct",
                "Avvikelse",
                ColumnKind::Percent { decimals: 1 },
                Some(ColumnFormula::PercentOfAbs { a: "avvikelse".into(), b: "budget".into() }),
            ),
            col("status", "Status", ColumnKind::Status, None),
            col("trend", "Trend", ColumnKind::Trend, None),
        ],
        rows,
    }
}

fn source() -> SourceFile {
    SourceFile { file: "driftredovisning_2024_aug.xlsx".into(), sheet: Some("Drift".into()) }
}

/// The dataset the budget report was computed from, as the import would give it.
pub fn budget_dataset() -> Dataset {
    let names = [
        ("Kirurgkliniken", -1_149.0, -1_116.0),
        ("Medicinkliniken", -200.0, -260.0),
        ("Vuxenpsykiatri", -400.0, -395.5),
        ("Barn- och ungdomspsykiatri", -112.0, -125.0),
    ];
    let mut rows = Rows::for_source_columns(vec![0, 2, 3], names.len() + 2);
    for (i, (name, b, u)) in names.iter().enumerate() {
        let head = RowHead { source_row: 4 + i as u32, kind: RowKind::Data, level: 1 };
        rows.push_values(head, [Value::Text((*name).into()), Value::number(*b), Value::number(*u)]);
    }
    rows.push_values(
        RowHead::data(8),
        [
            Value::Text("Gemensamt =HYPERLINK(\"http://example.com\",\"klicka\")".into()),
            Value::Missing { marker: Some("..".into()) },
            Value::number(-14.0),
        ],
    );
    rows.push_values(
        RowHead { source_row: 9, kind: RowKind::Total, level: 0 },
        [Value::Text("=SUMMA".into()), Value::number(-1_861.0), Value::number(-1_910.5)],
    );
    let mut budget = ColumnMeta::new("Budget jan–aug", Some(ColumnRole::Budget), 2);
    budget.unit = Some(Unit::Tkr);
    let mut outcome = ColumnMeta::new("Utfall jan–aug", Some(ColumnRole::Outcome), 3);
    outcome.unit = Some(Unit::Tkr);
    Dataset {
        source: source(),
        title: "Driftredovisning augusti 2024".into(),
        kind: DatasetKind::Budget,
        unit: Some(Unit::Tkr),
        range: Some((CellRef::new(3, 0), CellRef::new(9, 3))),
        columns: vec![ColumnMeta::new("Enhet", Some(ColumnRole::OrgUnit), 0), budget, outcome],
        rows,
    }
}

pub fn budget_case() -> Case {
    let mut report =
        Report::new(PluginRef { id: "budget-follow-up".into(), version: "0.1.0".into() }, "Budgetuppföljning");
    report.subtitle = Some("Januari–augusti 2024, Hälso- och sjukvårdsnämnden".into());
    report.parameters = vec![
        ("Period".into(), "Januari–augusti 2024".into()),
        ("Teckenkonvention".into(), "Kostnader negativa, intäkter positiva".into()),
        ("Enhet".into(), "tkr".into()),
    ];
    report.inputs = vec![source()];
    report.credits = vec!["Källa: Kolada (RKA), invånarantal".into()];
    report.diagnostics = vec![
        Diagnostic::info("Teckenkonvention: kostnader negativa, avvikelse = utfall − budget."),
        Diagnostic::warning("Raden 'Gemensamt' saknar budget; avvikelsen redovisas inte.")
            .at(&source(), Some(CellRef::new(8, 2))),
    ];
    let table = budget_table();
    let mut overview = Section::new("oversikt", "Översikt");
    overview.blocks.push(Block::KeyFigures {
        figures: vec![
            KeyFigure {
                label: "Avvikelse mot budget".into(),
                value: Some(-49.5),
                unit: Some(Unit::Tkr),
                decimals: 1,
                change: Some(-12.0),
                status: Some(Status::Warning),
                status_label: None,
                note: Some("Hela nämnden, januari–augusti".into()),
            },
            KeyFigure {
                label: "Förbrukningsgrad".into(),
                value: Some(102.7),
                unit: Some(Unit::Percent),
                decimals: 1,
                change: None,
                status: Some(Status::Bad),
                status_label: None,
                note: Some("av periodens budget; 66,7 % av året har gått".into()),
            },
        ],
    });
    overview.blocks.push(Block::Text(Text {
        paragraphs: vec![
            "Nämnden redovisar ett underskott mot budget på 49,5 tkr för januari–augusti.".into(),
            "Medicinkliniken överskrider sin budget med 60 tkr (30,0 %), främst på grund av bemanning.".into(),
        ],
        generated: true,
    }));
    overview.blocks.push(Block::Chart(Chart {
        id: "avvikelse".into(),
        title: "Avvikelse per enhet".into(),
        kind: ChartKind::Bar,
        categories: vec![
            "Kirurgkliniken".into(),
            "Medicinkliniken".into(),
            "Vuxenpsykiatri".into(),
            "Barn- och ungdomspsykiatri".into(),
        ],
        series: vec![Series {
            name: "Avvikelse".into(),
            values: vec![Some(33.0), Some(-60.0), Some(4.5), Some(-13.0)],
            statuses: vec![Some(Status::Good), Some(Status::Bad), Some(Status::Good), Some(Status::Warning)],
        }],
        unit: Some(Unit::Tkr),
        value_label: "Avvikelse, tkr".into(),
        reference_lines: vec![],
        horizontal: true,
    }));
    let mut drift = Section::new("drift", "Driftredovisning per område och enhet");
    drift.blocks.push(Block::Table(table));
    drift.blocks.push(Block::Chart(Chart {
        id: "brygga".into(),
        title: "Från budget till utfall".into(),
        kind: ChartKind::Waterfall,
        categories: vec!["Budget".into(), "Somatik".into(), "Psykiatri".into(), "Gemensamt".into(), "Utfall".into()],
        series: vec![Series {
            name: "Förändring".into(),
            values: vec![Some(-1_861.0), Some(-27.0), Some(-8.5), Some(-14.0), Some(-1_910.5)],
            statuses: vec![],
        }],
        unit: Some(Unit::Tkr),
        value_label: "Belopp, tkr".into(),
        reference_lines: vec![],
        horizontal: false,
    }));
    drift.blocks.push(Block::Provenance {
        notes: ProvenanceNote::new(
            "Budget och utfall per enhet".into(),
            source(),
            [CellRef::new(4, 2), CellRef::new(7, 3)],
        )
        .into_iter()
        .collect(),
    });
    report.sections = vec![overview, drift];
    Case { name: "budget", report, datasets: vec![budget_dataset()] }
}

pub fn action_plan_case() -> Case {
    let mut report = Report::new(
        PluginRef { id: "action-plan".into(), version: "0.1.0".into() },
        "Handlingsplan för kostnadsreduceringar",
    );
    report.subtitle = Some("2024–2026, Regionstyrelsen".into());
    report.parameters = vec![("Krav på minskning".into(), "325 mnkr".into())];
    let mnkr = || ColumnKind::Amount { unit: Unit::Mnkr, decimals: 1 };
    let measures = [
        ("Minskad inhyrd personal", 60.0, 45.0, Status::Good),
        ("Samordnad upphandling", 40.0, 12.0, Status::Warning),
        ("Lokaleffektivisering", 50.0, 0.0, Status::Bad),
        ("Digitala vårdbesök", 25.0, 8.5, Status::Warning),
    ];
    let mut rows: Vec<Row> = measures
        .iter()
        .map(|(name, planned, realised, status)| Row {
            cells: vec![
                text(name),
                num(*planned),
                num(*realised),
                num(planned - realised),
                num(100.0 * realised / planned),
                TableCell::Status { status: *status, label: status.label_sv().into() },
            ],
            level: 0,
            kind: RowKindOut::Data,
            sum_of: vec![],
        })
        .collect();
    rows.push(Row {
        cells: vec![
            text("Summa planerat"),
            num(175.0),
            num(65.5),
            num(109.5),
            num(100.0 * 65.5 / 175.0),
            TableCell::Empty,
        ],
        level: 0,
        kind: RowKindOut::Total,
        sum_of: vec![0, 1, 2, 3],
    });
    let table = Table {
        id: "atgarder".into(),
        title: "Åtgärder".into(),
        columns: vec![
            col("atgard", "Åtgärd", ColumnKind::Text, None),
            col("planerad", "Planerad effekt", mnkr(), None),
            col("realiserad", "Realiserad effekt", mnkr(), None),
            col(
                "kvar",
                "Återstår",
                mnkr(),
                Some(ColumnFormula::Difference { a: "planerad".into(), b: "realiserad".into() }),
            ),
            col(
                "andel",
                "Realiserat av planerat",
                ColumnKind::Percent { decimals: 1 },
                Some(ColumnFormula::Percent { a: "realiserad".into(), b: "planerad".into() }),
            ),
            col("status", "Status", ColumnKind::Status, None),
        ],
        rows,
    };
    let mut plan = Section::new("plan", "Åtgärder");
    plan.blocks.push(Block::KeyFigures {
        figures: vec![KeyFigure {
            label: "Ej planerat av kravet".into(),
            value: Some(150.0),
            unit: Some(Unit::Mnkr),
            decimals: 0,
            change: None,
            status: Some(Status::Bad),
            status_label: None,
            note: Some("325 mnkr krävs, 175 mnkr planerat".into()),
        }],
    });
    plan.blocks.push(Block::Table(table));
    report.sections = vec![plan, action_plan_charts(&measures)];
    Case { name: "action_plan", report, datasets: vec![] }
}

/// The action plan's chart section: per year, per area, accumulated, and per measure.
fn action_plan_charts(measures: &[(&str, f64, f64, Status)]) -> Section {
    let years = vec!["2024".to_owned(), "2025".to_owned(), "2026".to_owned()];
    let mut charts = Section::new("diagram", "Planerat mot realiserat");
    charts.blocks.push(Block::Chart(Chart {
        id: "plan_real".into(),
        title: "Planerad och realiserad effekt per år".into(),
        kind: ChartKind::GroupedBar,
        categories: years.clone(),
        series: vec![
            Series {
                name: "Planerad effekt".into(),
                values: vec![Some(100.0), Some(50.0), Some(25.0)],
                statuses: vec![],
            },
            Series { name: "Realiserad effekt".into(), values: vec![Some(65.5), None, None], statuses: vec![] },
        ],
        unit: Some(Unit::Mnkr),
        value_label: "Effekt, mnkr".into(),
        reference_lines: vec![ReferenceLine { label: "Krav per år".into(), value: 108.3 }],
        horizontal: false,
    }));
    charts.blocks.push(Block::Chart(Chart {
        id: "per_omrade".into(),
        title: "Planerad effekt per område".into(),
        kind: ChartKind::StackedBar,
        categories: years.clone(),
        series: vec![
            Series { name: "Personal".into(), values: vec![Some(60.0), Some(20.0), Some(10.0)], statuses: vec![] },
            Series { name: "Lokaler".into(), values: vec![Some(40.0), Some(30.0), Some(15.0)], statuses: vec![] },
        ],
        unit: Some(Unit::Mnkr),
        value_label: "Effekt, mnkr".into(),
        reference_lines: vec![],
        horizontal: false,
    }));
    charts.blocks.push(Block::Chart(Chart {
        id: "ackumulerat".into(),
        title: "Ackumulerad effekt".into(),
        kind: ChartKind::Line,
        categories: years.clone(),
        series: vec![Series {
            name: "Planerad effekt".into(),
            values: vec![Some(100.0), Some(150.0), Some(175.0)],
            statuses: vec![],
        }],
        unit: Some(Unit::Mnkr),
        value_label: "Mnkr".into(),
        reference_lines: vec![ReferenceLine { label: "Krav".into(), value: 325.0 }],
        horizontal: false,
    }));
    charts.blocks.push(Block::Chart(Chart {
        id: "bullet".into(),
        title: "Realiserat mot planerat".into(),
        kind: ChartKind::Bullet,
        categories: measures.iter().map(|m| m.0.to_owned()).collect(),
        series: vec![
            Series {
                name: "Realiserad".into(),
                values: measures.iter().map(|m| Some(m.2)).collect(),
                statuses: vec![],
            },
            Series { name: "Planerad".into(), values: measures.iter().map(|m| Some(m.1)).collect(), statuses: vec![] },
        ],
        unit: Some(Unit::Mnkr),
        value_label: "Effekt, mnkr".into(),
        reference_lines: vec![ReferenceLine { label: "Mål".into(), value: 50.0 }],
        horizontal: true,
    }));
    charts
}

/// Names Excel forbids, duplicate and over-long section names, an empty table and an empty section.
pub fn edge_case() -> Case {
    let mut report =
        Report::new(PluginRef { id: "edge".into(), version: "1".into() }, "Kantfall: namn & tecken [test]");
    let mut a = Section::new("a", "Budget/utfall: jan–aug [tkr]*?");
    a.blocks.push(Block::Table(Table {
        id: "tom".into(),
        title: "Tom tabell".into(),
        columns: vec![col("x", "X", ColumnKind::Text, None), col("x2", "X", amount(Unit::Kr), None)],
        rows: vec![],
    }));
    a.blocks.push(Block::Table(Table {
        id: "tal".into(),
        title: "Bara tal".into(),
        columns: vec![
            col("n", "Antal", ColumnKind::Number { decimals: 0 }, None),
            col(
                "s",
                "Summa",
                ColumnKind::Number { decimals: 2 },
                Some(ColumnFormula::Sum { a: "n".into(), b: "n".into() }),
            ),
        ],
        rows: vec![Row { cells: vec![num(1.5), num(3.0)], level: 0, kind: RowKindOut::Data, sum_of: vec![] }],
    }));
    let b = Section::new("b", "Budget/utfall: jan–aug [tkr]*?");
    let c = Section::new("c", "Hälso- och sjukvårdsnämndens driftredovisning per område");
    report.sections = vec![a, b, c];
    Case { name: "edge", report, datasets: vec![] }
}

/// A dataset read from `file` with `columns` columns and `rows` rows whose only value is the row's
/// number, in the first column (a long or sparse input for the limit and memory tests).
pub fn numbered_rows(file: &str, columns: u32, rows: u32) -> Dataset {
    let meta: Vec<ColumnMeta> = (0..columns).map(|c| ColumnMeta::new(format!("Kolumn {}", c + 1), None, c)).collect();
    Dataset {
        source: SourceFile { file: file.into(), sheet: None },
        title: file.into(),
        kind: DatasetKind::Table,
        unit: None,
        range: None,
        rows: {
            let mut data = Rows::with_capacity(&meta, rows as usize);
            for i in 0..rows {
                data.push_values(RowHead::data(i), [Value::number(f64::from(i))]);
            }
            data
        },
        columns: meta,
    }
}

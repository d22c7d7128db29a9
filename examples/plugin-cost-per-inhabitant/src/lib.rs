//! Example of a custom uppfolj report plugin, written outside the built-ins the way a region or
//! municipality would write its own: **cost per inhabitant** (kostnad per invånare).
//!
//! It depends only on `uppfolj-plugin` (the plugin API, which re-exports the data model) and is
//! added to an application with one line, `uppfolj_plugin_cost_per_inhabitant::register(&mut r)?`,
//! in `crates/uppfolj-cli/src/plugins.rs` and `web/src/plugins.rs`. See `docs/plugins.md`.
//!
//! # What it does
//! Divides the cost of each unit (område, verksamhet) by the number of inhabitants and shows the
//! result in kr/inv in a table and a bar chart.
//!
//! # Input
//! A table with a unit column (Verksamhet, Område …) and an amount column: the outcome (Utfall)
//! or, when there is none, the budget. The amounts are converted to kronor from the table's unit
//! ("Belopp i tkr"). The number of inhabitants comes from a column whose header contains
//! "invånare" or "befolkning" (one figure per row), or else from the parameter `population`.
//! A row labelled "Summa"/"Totalt" is the file's total and is not counted again.
//!
//! # Parameters
//! - `population` — number of inhabitants, used when the file has no inhabitants column.
//! - `sign` — `auto` (default), `costs-negative` or `costs-positive`. With costs negative (as in
//!   municipal driftredovisning) the plugin turns them into positive costs per inhabitant.
//!
//! # Example
//! ```text
//! uppfolj run cost-per-inhabitant samples/driftredovisning_2024_aug.xlsx --param population=245000
//! ```

use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, DatasetKind, RowKind, Value};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{
    Block, Chart, ChartKind, Column, ColumnKind, Diagnostic, KeyFigure, Report, Row, RowKindOut, Section, Series,
    Table, TableCell, Text,
};
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, ParamKind, ParamSpec, ParamValue, Params, PluginMeta, Registry,
    RegistryError, ReportPlugin,
};

/// Adds the plugin to `registry`: the one call an application makes.
pub fn register(registry: &mut Registry) -> Result<(), RegistryError> {
    registry.register(CostPerInhabitant)
}

/// The cost-per-inhabitant plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct CostPerInhabitant;

impl ReportPlugin for CostPerInhabitant {
    fn meta(&self) -> PluginMeta {
        PluginMeta {
            id: "cost-per-inhabitant".into(),
            name_sv: "Kostnad per invånare".into(),
            name_en: "Cost per inhabitant".into(),
            description_sv:
                "Kostnaden per verksamhet delad med antalet invånare, i kr/inv (exempel på ett eget tillägg).".into(),
            description_en: "Cost per unit divided by the number of inhabitants, in kr/inv (example custom plugin)."
                .into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }

    fn inputs(&self) -> Vec<InputSpec> {
        vec![
            InputSpec::new("costs", "Kostnader per verksamhet (utfall eller budget)")
                .kind(DatasetKind::Budget)
                .requires([ColumnRole::Outcome])
                .or_requires([ColumnRole::Budget])
                .uses([ColumnRole::OrgUnit]),
        ]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec {
                key: "population".into(),
                label_sv: "Antal invånare".into(),
                help_sv: "Används när filen saknar en kolumn med antal invånare.".into(),
                kind: ParamKind::Number { min: Some(1.0), max: None },
                default: None,
            },
            ParamSpec {
                key: "sign".into(),
                label_sv: "Teckenkonvention".into(),
                help_sv: "Hur kostnader är tecknade i filen.".into(),
                kind: ParamKind::Choice {
                    choices: vec![
                        ("auto".into(), "Upptäck automatiskt".into()),
                        ("costs-negative".into(), "Kostnader negativa".into()),
                        ("costs-positive".into(), "Kostnader positiva".into()),
                    ],
                },
                default: Some(ParamValue::Text("auto".into())),
            },
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Driftredovisningen per invånare i en region med 245 000 invånare")
                .sample("samples/driftredovisning_2024_aug.xlsx")
                .param("population", "245000"),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        // The first dataset with an outcome or a budget column.
        let specs = self.inputs();
        let ds = uppfolj_plugin::require(self, inputs, &specs[0])?;
        Ok(cost_per_inhabitant(self, ds, params))
    }
}

fn number(ds: &Dataset, row: usize, col: usize) -> Option<f64> {
    ds.value(row, col).and_then(Value::as_f64)
}

fn cost_per_inhabitant(plugin: &CostPerInhabitant, ds: &Dataset, params: &Params) -> Report {
    let mut report = Report::new(plugin.meta().report_ref(), "Kostnad per invånare");
    report.subtitle = Some(ds.title.clone()).filter(|t| !t.is_empty());
    // The file this report was computed from; left empty, `uppfolj_plugin::run` would list every
    // file the user loaded.
    report.inputs = vec![ds.source.clone()];
    let cost_col = ds.column(ColumnRole::Outcome).or(ds.column(ColumnRole::Budget)).unwrap_or(0);
    let label_col = ds.column(ColumnRole::OrgUnit).or(ds.column(ColumnRole::Label)).unwrap_or(0);
    let pop_col = ds.columns.iter().position(|c| {
        let n = c.name.to_lowercase();
        n.contains("invånare") || n.contains("befolkning")
    });
    let population = params.number("population");
    let factor = match ds.unit_of(cost_col).and_then(Unit::kronor_factor) {
        Some(f) => f,
        None => {
            report.diagnostics.push(Diagnostic::warning(
                "Filen anger ingen enhet för beloppen; de antas vara i kronor. Skriv t.ex. 'Belopp i tkr' ovanför tabellen.",
            ));
            1.0
        }
    };
    if pop_col.is_none() && population.is_none() {
        report.diagnostics.push(Diagnostic::warning(
            "Antal invånare saknas: filen har ingen kolumn 'Invånare' och parametern population är inte angiven. \
             Ange t.ex. population=245000.",
        ));
    }

    // (label, cost in kr, inhabitants)
    let mut lines: Vec<(String, Option<f64>, Option<f64>)> = Vec::new();
    for (i, row) in ds.rows.iter().enumerate() {
        let label = ds.value(i, label_col).map(|v| v.to_string()).unwrap_or_default().trim().to_owned();
        let lower = label.to_lowercase();
        if row.kind == RowKind::Total || lower == "summa" || lower == "totalt" || label.is_empty() {
            continue;
        }
        let cost = number(ds, i, cost_col).map(|v| v * factor);
        let inhabitants = pop_col.and_then(|c| number(ds, i, c)).or(population);
        lines.push((label, cost, inhabitants));
    }
    let negatives = lines.iter().filter(|l| l.1.is_some_and(|c| c < 0.0)).count();
    let flip = match params.text("sign") {
        Some("costs-negative") => true,
        Some("costs-positive") => false,
        _ => negatives * 2 > lines.len(),
    };
    let sign = if flip { -1.0 } else { 1.0 };
    let per_inv = |cost: Option<f64>, inh: Option<f64>| match (cost, inh) {
        (Some(c), Some(n)) if n > 0.0 => Some(sign * c / n),
        _ => None,
    };

    let total_cost: f64 = lines.iter().filter_map(|l| l.1).sum();
    let total_inh = match pop_col {
        Some(_) => Some(lines.iter().filter_map(|l| l.2).sum::<f64>()),
        None => population,
    };
    let total = per_inv(Some(total_cost), total_inh);
    let amount = |key: &str, title: &str, unit: Unit| Column {
        key: key.into(),
        title: title.into(),
        kind: ColumnKind::Amount { unit, decimals: 0 },
        formula: None,
    };
    let mut rows: Vec<Row> = lines
        .iter()
        .map(|(label, cost, inh)| Row {
            cells: vec![
                TableCell::Text(label.clone()),
                TableCell::number(cost.map(|c| sign * c)),
                TableCell::number(*inh),
                TableCell::number(per_inv(*cost, *inh)),
            ],
            level: 0,
            kind: RowKindOut::Data,
            sum_of: Vec::new(),
        })
        .collect();
    rows.push(Row {
        cells: vec![
            TableCell::Text("Totalt".into()),
            TableCell::number(Some(sign * total_cost)),
            TableCell::number(total_inh),
            TableCell::number(total),
        ],
        level: 0,
        kind: RowKindOut::Total,
        sum_of: Vec::new(),
    });
    let table = Table {
        id: "kostnad-per-invanare".into(),
        title: "Kostnad per invånare".into(),
        columns: vec![
            Column { key: "verksamhet".into(), title: "Verksamhet".into(), kind: ColumnKind::Text, formula: None },
            amount("kostnad", "Kostnad", Unit::Kr),
            Column {
                key: "invanare".into(),
                title: "Invånare".into(),
                kind: ColumnKind::Number { decimals: 0 },
                formula: None,
            },
            amount("per_invanare", "Kostnad per invånare", Unit::KrPerInv),
        ],
        rows,
    };
    let chart = Chart {
        id: "kostnad-per-invanare".into(),
        title: "Kostnad per invånare per verksamhet".into(),
        kind: ChartKind::Bar,
        categories: lines.iter().map(|l| l.0.clone()).collect(),
        series: vec![Series {
            name: "Kostnad per invånare".into(),
            values: lines.iter().map(|l| per_inv(l.1, l.2)).collect(),
            statuses: Vec::new(),
        }],
        unit: Some(Unit::KrPerInv),
        value_label: "kr/inv".into(),
        reference_lines: Vec::new(),
        horizontal: true,
    };
    let mut section = Section::new("kostnad-per-invanare", "Kostnad per invånare");
    section.blocks.push(Block::KeyFigures {
        figures: vec![KeyFigure {
            label: "Kostnad per invånare, totalt".into(),
            value: total,
            unit: Some(Unit::KrPerInv),
            decimals: 0,
            change: None,
            status: None,
            note: total_inh.map(|n| format!("{} invånare", format::number(n, 0))),
        }],
    });
    let mut text = vec![];
    if let Some(t) = total {
        text.push(format!("Kostnaden är totalt {} kr per invånare.", format::number(t, 0)));
    }
    if flip {
        text.push("Kostnaderna är negativa i filen och visas här som positiva kostnader.".to_owned());
    }
    section.blocks.push(Block::Text(Text { paragraphs: text, generated: true }));
    section.blocks.push(Block::Table(table));
    section.blocks.push(Block::Chart(chart));
    report.sections.push(section);
    report
}

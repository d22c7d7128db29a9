//! Example of a custom uppfolj report plugin, written outside the built-ins the way a region or
//! municipality would write its own: **cost per inhabitant** (kostnad per invånare). Copy this
//! folder to start your own (docs/plugins.md); it is written on the plugin author's kit
//! (`uppfolj_plugin::kit`), like the built-ins.
//!
//! # What it does
//! Divides the cost of each unit (område, verksamhet) by the number of inhabitants and shows the
//! result in kr/inv as a key figure, a table and a bar chart, followed by the "Källor" section
//! (which cells of which file every figure came from).
//!
//! # Input
//! One table with a unit column (Verksamhet, Område …) and an amount column: the outcome
//! (Utfall) or, when there is none, the budget. With several outcome columns ("Utfall 2024",
//! "Utfall 2023") the one of the latest year is used. Amounts are converted to kronor from the
//! table's unit ("Belopp i tkr"). The number of inhabitants comes from a column whose header
//! contains "invånare" or "befolkning" (one figure per row), else from the parameter
//! `population`. The file's total row ("Summa", "Totalt") and subtotals are not counted again.
//!
//! # Parameters
//! - `population` (Antal invånare) — the number of inhabitants, used when the file has no
//!   inhabitants column. No default: without it and without the column, the report says what is
//!   missing.
//! - `sign` (Teckenkonvention) — `auto` (default: detected from the amounts), `costs-negative`
//!   (as in municipal driftredovisning) or `costs-positive`. Costs are shown as positive amounts
//!   either way.
//!
//! # Example
//! ```text
//! uppfolj run cost-per-inhabitant samples/driftredovisning_2024_aug.xlsx --param population=245000
//! ```
//! gives 23 575 kr per inhabitant in total (5 775 909 tkr over 245 000 inhabitants).

use uppfolj_plugin::kit::{self, ReportBuilder, RowShape, SignConvention, TableBuilder, amount_col, text_col};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, DatasetKind, RowKind};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{
    Block, Chart, ChartKind, Column, ColumnKind, Diagnostic, KeyFigure, Report, Section, Series, TableCell, Text,
};
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, ParamSpec, Params, PluginMeta, Registry, RegistryError, ReportPlugin,
    require,
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
        PluginMeta::new("cost-per-inhabitant", "Kostnad per invånare")
            .name_en("Cost per inhabitant")
            .describe(
                "Kostnaden per verksamhet delad med antalet invånare, i kr/inv (exempel på ett eget tillägg).",
                "Cost per unit divided by the number of inhabitants, in kr/inv (example custom plugin).",
            )
            .version(env!("CARGO_PKG_VERSION"))
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
            ParamSpec::number("population", "Antal invånare")
                .range(Some(1.0), None)
                .help("Används när filen saknar en kolumn med antal invånare."),
            SignConvention::param_spec(),
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Driftredovisningen per invånare i en region med 245 000 invånare")
                .sample("samples/driftredovisning_2024_aug.xlsx")
                .param("population", "245000")
                .expect_key_figure("Kostnad per invånare, totalt", 23_575.0)
                .expect_cell("kostnad-per-invanare", "Folktandvården", "per_invanare", 106.6),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let ds = require(self, inputs, &specs[0])?;
        Ok(cost_per_inhabitant(&self.meta(), ds, params))
    }
}

/// A row of the report: a unit, its cost in kronor (positive) and its inhabitants.
struct Line {
    name: String,
    cost: Option<f64>,
    inhabitants: Option<f64>,
}

impl Line {
    fn per_inhabitant(&self) -> Option<f64> {
        match (self.cost, self.inhabitants) {
            (Some(cost), Some(n)) if n > 0.0 => Some(cost / n),
            _ => None,
        }
    }
}

fn cost_per_inhabitant(meta: &PluginMeta, ds: &Dataset, params: &Params) -> Report {
    let mut report = ReportBuilder::for_dataset(meta, "Kostnad per invånare", ds);
    // The outcome of the latest year ("Utfall 2024" before "Utfall 2023"), else the budget.
    let outcomes = ds.columns_with(ColumnRole::Outcome);
    let cost_col = outcomes.iter().copied().max_by_key(|&c| kit::column_year(ds, c)).or(ds.column(ColumnRole::Budget));
    let label_col = kit::label_column(ds, &[]);
    let population_col = ds.columns.iter().position(|c| {
        let name = c.name.to_lowercase();
        name.contains("invånare") || name.contains("befolkning")
    });
    let population = params.number("population");
    let unit = kit::unit_of(ds, cost_col).unwrap_or_else(|| {
        report.diagnostic(Diagnostic::warning(
            "Filen anger ingen enhet för beloppen; de antas vara i kronor. Skriv t.ex. 'Belopp i tkr' ovanför tabellen.",
        ));
        Unit::Kr
    });
    if population_col.is_none() && population.is_none() {
        report.diagnostic(Diagnostic::warning(
            "Antal invånare saknas: filen har ingen kolumn 'Invånare'. Ange inställningen Antal invånare.",
        ));
    }

    let rows: Vec<usize> = (0..ds.rows.len())
        .filter(|&i| {
            let label = kit::text_at(ds, i, label_col);
            !label.is_empty() && ds.rows.heads()[i].kind != RowKind::Subtotal && !kit::row_is_total(ds, i, &label)
        })
        .collect();
    let (sign, detected) =
        SignConvention::from_params_or_detect(params, rows.iter().filter_map(|&i| kit::num_at(ds, i, cost_col)));
    report.diagnostics(detected);
    let lines: Vec<Line> = rows
        .iter()
        .map(|&i| Line {
            name: kit::text_at(ds, i, label_col),
            cost: kit::num_at(ds, i, cost_col).map(|v| sign.cost(kit::convert(v, &unit, &Unit::Kr))),
            inhabitants: kit::num_at(ds, i, population_col).or(population),
        })
        .collect();
    let total = Line {
        name: "Totalt".to_owned(),
        cost: kit::sum_present(lines.iter().map(|l| l.cost)),
        inhabitants: match population_col {
            Some(_) => kit::sum_present(lines.iter().map(|l| l.inhabitants)),
            None => population,
        },
    };

    let mut text = Vec::new();
    if let Some(v) = total.per_inhabitant() {
        text.push(format!("Kostnaden är totalt {} kr per invånare.", format::number(v, 0)));
    }
    if let Some(c) = cost_col {
        text.push(format!("Kostnaden är kolumnen '{}' ({}), här i kronor.", ds.columns[c].name, unit.label()));
    }
    if sign == SignConvention::CostsNegative {
        text.push("Kostnaderna är negativa i filen och visas här som positiva kostnader.".to_owned());
    }
    report.section(section(&lines, &total, text));
    // "Källor": the cells every figure came from.
    for col in [cost_col, population_col].into_iter().flatten() {
        report.note(kit::provenance(ds, ds.columns[col].name.clone(), Some(col), &rows));
    }
    report.finish()
}

/// The report's one section: the key figure, the text, the table and the chart.
fn section(lines: &[Line], total: &Line, text: Vec<String>) -> Section {
    let table = TableBuilder::new("kostnad-per-invanare", "Kostnad per invånare")
        .column(text_col("verksamhet", "Verksamhet"), |l: &Line| TableCell::Text(l.name.clone()))
        .column(amount_col("kostnad", "Kostnad", &Unit::Kr, None), |l| TableCell::number(l.cost))
        .column(
            Column {
                key: "invanare".into(),
                title: "Invånare".into(),
                kind: ColumnKind::Number { decimals: 0 },
                formula: None,
            },
            |l| TableCell::number(l.inhabitants),
        )
        .column(amount_col("per_invanare", "Kostnad per invånare", &Unit::KrPerInv, None), |l| {
            TableCell::number(l.per_inhabitant())
        })
        // The total row is computed here, not summed cell by cell: sum_of stays empty.
        .build(lines.iter().map(|l| (l, RowShape::data())).chain([(total, RowShape::total(Vec::new()))]));
    let chart = Chart {
        id: "kostnad-per-invanare".into(),
        title: "Kostnad per invånare per verksamhet".into(),
        kind: ChartKind::Bar,
        categories: lines.iter().map(|l| l.name.clone()).collect(),
        series: vec![Series {
            name: "Kostnad per invånare".into(),
            values: lines.iter().map(Line::per_inhabitant).collect(),
            statuses: Vec::new(),
        }],
        unit: Some(Unit::KrPerInv),
        value_label: "kr/inv".into(),
        reference_lines: Vec::new(),
        horizontal: true,
    };

    let mut section = Section::new("kostnad-per-invanare", "Kostnad per invånare");
    section.blocks = vec![
        Block::KeyFigures {
            figures: vec![KeyFigure {
                label: "Kostnad per invånare, totalt".into(),
                value: total.per_inhabitant(),
                unit: Some(Unit::KrPerInv),
                decimals: 0,
                change: None,
                status: None,
                status_label: None,
                note: total.inhabitants.map(|n| format!("{} invånare", format::number(n, 0))),
            }],
        },
        Block::Text(Text { paragraphs: text, generated: true }),
        Block::Table(table),
        Block::Chart(chart),
    ];
    section
}

// The code snippets of docs/plugins.md, compiled and run as doctests of this crate. Delete these
// lines in a copy of this folder.
#[cfg(doctest)]
#[doc = include_str!("../../../docs/plugins.md")]
struct PluginsGuide;

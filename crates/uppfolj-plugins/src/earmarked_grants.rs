//! # Riktade statsbidrag och stimulansmedel (`earmarked-grants`)
//!
//! ## What it does
//! Follows up earmarked state grants (riktade statsbidrag, stimulansmedel) per project or
//! activity: allocated (beviljat) against used (förbrukat), the remaining amount, the share used,
//! whether the project must be reported back (återredovisas), and a warning for every project
//! whose use exceeds its allocation. Optionally checks the sum of the allocations against the
//! frame decided for the grant.
//!
//! ## Why
//! Grants that are not used must often be paid back, and use beyond the allocation falls on the
//! ordinary budget. The board wants both in one table, with the projects that must report back.
//!
//! ## Input
//! One table with an **allocated** column; the used amount is optional (without it only the
//! allocation is shown):
//!
//! | Role | Headers |
//! |---|---|
//! | project (row label) | the first text column: Projekt/aktivitet, Benämning, Åtgärd |
//! | allocated | Beviljat, Tilldelat, Fördelat, Anslag |
//! | used (optional) | Förbrukat, Nyttjat, Använt |
//! | report back (optional) | Återredovisas, Återrapportering ("Ja", "Nej", a date or to whom) |
//! | responsible (optional) | Ansvarig |
//!
//! A row labelled "Summa"/"Totalt" is the file's total: not added again, checked against the sum.
//!
//! ## Parameters
//! - `frame` — the total decided for the grant, in the unit of the file (e.g. `2600000` kr); the
//!   sum of the allocations is compared with it.
//! - `low_use` — percent used below which a project is flagged as slow (default 25).
//!
//! ## Example
//! ```text
//! uppfolj run earmarked-grants samples/riktade_statsbidrag_2020.xlsx --param frame=2600000
//! ```
//! For the sample (Region Jämtland Härjedalen's stimulansmedel 2020) the report warns that
//! "1. Levande biblioteket" has used 236 500 kr of 210 000 kr, and that the allocations (3 110 000 kr)
//! exceed the decided frame of 2 600 000 kr.

use crate::common::{
    self, amount, amount_col, cell_at, label_column, num_at, percent_col, provenance, status_col, text_at, text_col,
    warn_at,
};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, DatasetKind};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{
    Block, Chart, ChartKind, ColumnFormula, Diagnostic, KeyFigure, Report, Row, RowKindOut, Section, Series, Status,
    Table, TableCell, Text,
};
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, ParamKind, ParamSpec, ParamValue, Params, PluginMeta, ReportPlugin,
    require,
};

/// The earmarked-grants plugin. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct EarmarkedGrants;

#[derive(Debug)]
struct Grant {
    label: String,
    responsible: String,
    report_back: String,
    allocated: Option<f64>,
    used: Option<f64>,
    row: usize,
}

/// Whether a report-back cell says the project must report back.
fn must_report_back(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    !(t.is_empty() || t == "nej" || t == "no" || t == "-" || t == "–" || t.starts_with("nej"))
}

impl ReportPlugin for EarmarkedGrants {
    fn meta(&self) -> PluginMeta {
        PluginMeta {
            id: "earmarked-grants".into(),
            name_sv: "Riktade statsbidrag och stimulansmedel".into(),
            name_en: "Earmarked state grants".into(),
            description_sv: "Beviljat mot förbrukat per projekt eller aktivitet: kvar, förbrukningsgrad, \
                             återredovisning och varning där förbrukningen överstiger det beviljade."
                .into(),
            description_en: "Allocated vs used per project or activity: remaining, share used, report-back \
                             duty, and a warning where use exceeds the allocation."
                .into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }

    fn inputs(&self) -> Vec<InputSpec> {
        vec![
            InputSpec::new("grants", "Lista över projekt eller aktiviteter med beviljade medel")
                .kind(DatasetKind::Table)
                .requires([ColumnRole::Allocated])
                .uses([ColumnRole::Used, ColumnRole::ReportBack, ColumnRole::Responsible, ColumnRole::OrgUnit]),
        ]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec {
                key: "frame".into(),
                label_sv: "Beslutad ram".into(),
                help_sv: "Hela det beslutade beloppet i filens enhet; summan av det beviljade jämförs med den.".into(),
                kind: ParamKind::Number { min: Some(0.0), max: None },
                default: None,
            },
            ParamSpec {
                key: "low_use".into(),
                label_sv: "Låg förbrukning under (%)".into(),
                help_sv: "Projekt som förbrukat mindre än så av det beviljade markeras.".into(),
                kind: ParamKind::Number { min: Some(0.0), max: Some(100.0) },
                default: Some(ParamValue::Number(25.0)),
            },
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Stimulansmedlen mot den beslutade ramen 2,6 mkr")
                .sample("samples/riktade_statsbidrag_2020.xlsx")
                .param("frame", "2600000"),
            Example::new("Utan ram, låg förbrukning under 50 %")
                .sample("samples/riktade_statsbidrag_2020.xlsx")
                .param("low_use", "50"),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let ds = require(self, inputs, &specs[0])?;
        Ok(compute(self, ds, params))
    }
}

fn compute(plugin: &EarmarkedGrants, ds: &Dataset, params: &Params) -> Report {
    let mut report = common::new_report(&plugin.meta(), "Riktade statsbidrag och stimulansmedel", ds);
    let mut diags: Vec<Diagnostic> = Vec::new();
    let alloc_col = ds.column(ColumnRole::Allocated);
    let used_col = ds.column(ColumnRole::Used);
    let back_col = ds.column(ColumnRole::ReportBack);
    let resp_col = ds.column(ColumnRole::Responsible);
    let label_col = label_column(ds, &[ColumnRole::Label, ColumnRole::Measure]);
    let unit = common::unit_of(ds, alloc_col).unwrap_or_else(|| {
        diags.push(Diagnostic::warning(
            "Filen anger ingen enhet för beloppen (t.ex. 'Belopp i kr' eller 'Beviljat (tkr)'); beloppen visas som de står.",
        ));
        Unit::Other("enhet okänd".into())
    });
    if used_col.is_none() {
        diags.push(Diagnostic::warning(
            "Filen har ingen kolumn för förbrukat belopp ('Förbrukat', 'Nyttjat' eller 'Använt'); \
             rapporten visar bara det beviljade.",
        ));
    }
    let low_use = params.number("low_use").unwrap_or(25.0);

    let mut grants = Vec::new();
    let mut file_totals = Vec::new();
    for i in 0..ds.rows.len() {
        let label = text_at(ds, i, label_col);
        let allocated = num_at(ds, i, alloc_col);
        let used = num_at(ds, i, used_col);
        if label.is_empty() && allocated.is_none() && used.is_none() {
            continue;
        }
        if common::row_is_total(ds, i, &label) || common::is_subtotal_label(&label) {
            file_totals.push((i, allocated, used));
            continue;
        }
        if allocated.is_none() {
            diags.push(warn_at(
                ds,
                cell_at(ds, i, alloc_col),
                format!("'{label}' saknar beviljat belopp; raden visas men räknas inte in i det beviljade."),
            ));
        }
        grants.push(Grant {
            label,
            responsible: text_at(ds, i, resp_col),
            report_back: text_at(ds, i, back_col),
            allocated,
            used,
            row: i,
        });
    }
    let total_alloc = common::sum_present(grants.iter().map(|g| g.allocated));
    let total_used = common::sum_present(grants.iter().map(|g| g.used));
    for (row, a, u) in &file_totals {
        for (what, file_v, sum_v) in [("beviljat", *a, total_alloc), ("förbrukat", *u, total_used)] {
            if let (Some(f), Some(s)) = (file_v, sum_v)
                && (f - s).abs() > 0.5
            {
                diags.push(warn_at(
                    ds,
                    cell_at(ds, *row, label_col),
                    format!(
                        "Summaraden anger {what} {} men raderna summerar till {}. Rapporten använder radernas summa.",
                        amount(f, &unit),
                        amount(s, &unit)
                    ),
                ));
            }
        }
    }

    // Per grant.
    let status_of = |g: &Grant| -> (Status, String) {
        match (g.allocated, g.used) {
            (Some(a), Some(u)) if u > a + 0.5 => (Status::Bad, "Överskridet".into()),
            (Some(a), Some(u)) if a > 0.0 && 100.0 * u / a < low_use => (Status::Warning, "Låg förbrukning".into()),
            (Some(_), Some(_)) => (Status::Good, "Inom beviljat".into()),
            _ => (Status::Neutral, "Ej bedömd".into()),
        }
    };
    for g in &grants {
        if let (Some(a), Some(u)) = (g.allocated, g.used)
            && u > a + 0.5
        {
            diags.push(warn_at(
                ds,
                cell_at(ds, g.row, used_col),
                format!(
                    "'{}' har förbrukat {} av beviljade {}: {} mer än beviljat. Överskridandet belastar ordinarie \
                         budget om inget annat beslutas.",
                    g.label,
                    amount(u, &unit),
                    amount(a, &unit),
                    amount(u - a, &unit)
                ),
            ));
        }
    }
    if let (Some(frame), Some(a)) = (params.number("frame"), total_alloc)
        && (a - frame).abs() > 0.5
    {
        let verb = if a > frame { "överstiger" } else { "understiger" };
        diags.push(Diagnostic::warning(format!(
            "Summan av det beviljade, {}, {verb} den beslutade ramen {} med {}. Kontrollera fördelningen mot beslutet.",
            amount(a, &unit),
            amount(frame, &unit),
            amount((a - frame).abs(), &unit)
        )));
    }

    let has_used = used_col.is_some();
    let mut columns =
        vec![text_col("projekt", &label_col.map_or("Projekt".to_owned(), |c| ds.columns[c].name.clone()))];
    if resp_col.is_some() {
        columns.push(text_col("ansvarig", "Ansvarig"));
    }
    columns.push(amount_col("beviljat", "Beviljat", &unit, None));
    if has_used {
        columns.push(amount_col("forbrukat", "Förbrukat", &unit, None));
        columns.push(amount_col("kvar", "Kvar", &unit, Some(common::diff("beviljat", "forbrukat"))));
        columns.push(percent_col(
            "forbrukat_pct",
            "Förbrukat, %",
            Some(ColumnFormula::Percent { a: "forbrukat".into(), b: "beviljat".into() }),
        ));
    }
    if back_col.is_some() {
        columns.push(text_col("aterredovisas", "Återredovisas"));
    }
    columns.push(status_col("status", "Status"));
    let cells_for =
        |label: &str, resp: &str, back: &str, a: Option<f64>, u: Option<f64>, status: Option<(Status, String)>| {
            let mut cells = vec![TableCell::Text(label.to_owned())];
            if resp_col.is_some() {
                cells.push(TableCell::Text(resp.to_owned()));
            }
            cells.push(TableCell::number(a));
            if has_used {
                cells.push(TableCell::number(u));
                cells.push(TableCell::number(a.zip(u).map(|(a, u)| a - u)));
                cells.push(TableCell::number(a.zip(u).filter(|(a, _)| *a != 0.0).map(|(a, u)| 100.0 * u / a)));
            }
            if back_col.is_some() {
                cells.push(TableCell::Text(back.to_owned()));
            }
            cells.push(status.map_or(TableCell::Empty, |(status, label)| TableCell::Status { status, label }));
            cells
        };
    let mut rows: Vec<Row> = grants
        .iter()
        .map(|g| Row {
            cells: cells_for(&g.label, &g.responsible, &g.report_back, g.allocated, g.used, Some(status_of(g))),
            level: 0,
            kind: RowKindOut::Data,
            sum_of: Vec::new(),
        })
        .collect();
    let total_status = match (total_alloc, total_used) {
        (Some(a), Some(u)) if u > a + 0.5 => Some((Status::Bad, "Överskridet".to_owned())),
        (Some(_), Some(_)) => Some((Status::Good, "Inom beviljat".to_owned())),
        _ => None,
    };
    rows.push(Row {
        cells: cells_for("Summa", "", "", total_alloc, total_used, total_status),
        level: 0,
        kind: RowKindOut::Total,
        sum_of: (0..grants.len()).collect(),
    });
    let table = Table {
        id: "per-projekt".into(),
        title: format!("Beviljat och förbrukat per projekt, {}", unit.label()),
        columns,
        rows,
    };

    let over: Vec<&Grant> = grants.iter().filter(|g| status_of(g).0 == Status::Bad).collect();
    let low: Vec<&Grant> = grants.iter().filter(|g| status_of(g).0 == Status::Warning).collect();
    let report_back: Vec<&Grant> = grants.iter().filter(|g| must_report_back(&g.report_back)).collect();
    let dec = common::decimals_for(&unit);
    let fig =
        |label: &str, value: Option<f64>, unit: Unit, decimals: u8, status: Option<Status>, note: Option<String>| {
            KeyFigure { label: label.into(), value, unit: Some(unit), decimals, change: None, status, note }
        };
    let mut figures = vec![fig(
        "Beviljat",
        total_alloc,
        unit.clone(),
        dec,
        None,
        params.number("frame").map(|f| format!("beslutad ram {}", amount(f, &unit))),
    )];
    if has_used {
        figures.push(fig("Förbrukat", total_used, unit.clone(), dec, None, None));
        figures.push(fig("Kvar", total_alloc.zip(total_used).map(|(a, u)| a - u), unit.clone(), dec, None, None));
        figures.push(fig(
            "Förbrukat av beviljat",
            total_alloc.zip(total_used).filter(|(a, _)| *a != 0.0).map(|(a, u)| 100.0 * u / a),
            Unit::Percent,
            1,
            None,
            None,
        ));
        figures.push(fig(
            "Projekt över beviljat",
            Some(over.len() as f64),
            Unit::Count,
            0,
            Some(if over.is_empty() { Status::Good } else { Status::Bad }),
            None,
        ));
    }

    let mut sentences = Vec::new();
    if let (Some(a), Some(u)) = (total_alloc, total_used) {
        sentences.push(format!(
            "Av beviljade {} har {} förbrukats ({}); {} återstår.",
            amount(a, &unit),
            amount(u, &unit),
            if a != 0.0 { format::percent(100.0 * u / a, 0) } else { "–".into() },
            amount(a - u, &unit)
        ));
    }
    for g in &over {
        if let (Some(a), Some(u)) = (g.allocated, g.used) {
            sentences.push(format!(
                "{} har förbrukat {} mer än beviljat ({} av {}).",
                g.label,
                amount(u - a, &unit),
                amount(u, &unit),
                amount(a, &unit)
            ));
        }
    }
    if !low.is_empty() {
        sentences.push(format!(
            "Förbrukat mindre än {} av det beviljade: {}.",
            format::percent(low_use, 0),
            low.iter().map(|g| g.label.as_str()).collect::<Vec<_>>().join("; ")
        ));
    }
    if back_col.is_some() {
        sentences.push(format!("{} av {} projekt ska återredovisas.", report_back.len(), grants.len()));
    }

    let chart = Chart {
        id: "beviljat-forbrukat".into(),
        title: format!("Beviljat och förbrukat per projekt, {}", unit.label()),
        kind: ChartKind::GroupedBar,
        categories: grants.iter().map(|g| g.label.clone()).collect(),
        series: std::iter::once(Series {
            name: "Beviljat".into(),
            values: grants.iter().map(|g| g.allocated).collect(),
            statuses: Vec::new(),
        })
        .chain(has_used.then(|| Series {
            name: "Förbrukat".into(),
            values: grants.iter().map(|g| g.used).collect(),
            statuses: grants.iter().map(|g| g.used.map(|_| status_of(g).0)).collect(),
        }))
        .collect(),
        unit: Some(unit.clone()),
        value_label: format!("Belopp, {}", unit.label()),
        reference_lines: Vec::new(),
        horizontal: true,
    };

    let rows_used: Vec<usize> = grants.iter().map(|g| g.row).collect();
    let notes = [alloc_col, used_col]
        .into_iter()
        .flatten()
        .filter_map(|c| provenance(ds, ds.columns[c].name.clone(), Some(c), &rows_used))
        .collect();
    let mut overview = Section::new("oversikt", "Översikt");
    overview.blocks.push(Block::KeyFigures { figures });
    overview.blocks.push(Block::Text(Text { paragraphs: sentences, generated: true }));
    let mut projects = Section::new("per-projekt", "Per projekt");
    projects.blocks.push(Block::Table(table));
    projects.blocks.push(Block::Chart(chart));
    common::finish(&mut report, vec![overview, projects], notes, diags);
    report
}

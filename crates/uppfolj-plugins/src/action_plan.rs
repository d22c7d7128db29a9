//! # Handlingsplan för kostnadsreduceringar (`action-plan`)
//!
//! ## What it does
//! Follows up an action plan (handlingsplan) of cost reductions: the planned effect of every
//! measure (åtgärd) per year, the effect realised so far, and the status; the sum against the
//! required reduction (kravet), so that the part of the requirement that still has no measure
//! ("ej planerat") is visible; planned effect per area (område) and year; and a chart of planned
//! vs realised vs required per year.
//!
//! ## Why
//! A board that must reduce costs by 325 mnkr and has measures worth 175 mnkr needs to see the
//! 150 mnkr gap every month, not only the measures that exist.
//!
//! ## Input
//! One table with a **measure** column and at least one **planned effect** column:
//!
//! | Role | Headers |
//! |---|---|
//! | measure | Åtgärd |
//! | area (optional) | Område, Verksamhet, Förvaltning |
//! | planned effect | Planerad effekt, Beräknad besparing — one column per year ("Planerad effekt 2024", "Planerad effekt 2025" …) or one column with a Year column ("År") |
//! | realised effect (optional) | Realiserad effekt, Realiserad effekt 2024 |
//! | status (optional) | Status (Genomförd, Enligt plan, Pågår, Försenad, Ej påbörjad, Under beredning) |
//! | responsible (optional) | Ansvarig |
//!
//! Measures whose status says "under beredning" (or "förslag", "ej beslutad") are counted apart:
//! they are shown, but not as planned. A row labelled "Summa"/"Totalt" is the file's total and is
//! not counted again.
//!
//! ## Parameters
//! - `required` — the required reduction, in the unit of the file: one amount for the first year
//!   (`325`) or per year (`2024=325; 2025=200`).
//! - `year` — the year the key figures are about (default: the first year with a requirement, else
//!   the first year in the file).
//!
//! ## Example
//! ```text
//! uppfolj run action-plan samples/handlingsplan_2024_2026.xlsx --param required=325
//! ```
//! With the sample (Region Västernorrland's hälso- och sjukvård, December 2023): "Kravet för 2024 är
//! 325,0 mnkr. Beslutade åtgärder beräknas ge 175,0 mnkr; 150,0 mnkr saknar ännu åtgärder."

use std::collections::BTreeMap;

use crate::common::{
    self, amount, amount_col, cell_at, column_year, label_column, norm, num_at, percent_col, provenance, status_col,
    text_at, text_col, warn_at, year_in,
};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, DatasetKind};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{
    Block, Chart, ChartKind, ColumnFormula, Diagnostic, KeyFigure, ReferenceLine, Row, RowKindOut, Section, Series,
    Status, Table, TableCell, Text,
};
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, ParamError, ParamKind, ParamSpec, Params, PluginError, PluginMeta,
    ReportPlugin, parse_number, require,
};

/// The action-plan plugin. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct ActionPlan;

/// A year of a plan; `None` when the file names no year.
type Year = Option<i32>;

#[derive(Debug, Clone)]
struct Measure {
    label: String,
    area: String,
    status_text: String,
    responsible: String,
    in_preparation: bool,
    planned: BTreeMap<Year, f64>,
    realised: BTreeMap<Year, f64>,
    row: usize,
}

fn year_label(y: Year) -> String {
    y.map_or_else(|| "Utan år".to_owned(), |y| y.to_string())
}

/// The status a measure's status text stands for.
fn status_of(text: &str) -> (Status, bool) {
    let t = norm(text);
    if t.contains("beredning") || t.contains("förslag") || t.contains("ej beslutad") {
        (Status::Neutral, true)
    } else if t.contains("ej påbörjad") || t.contains("stoppad") || t.contains("avbruten") || t.contains("ej genomförd")
    {
        (Status::Bad, false)
    } else if t.contains("försen") || t.contains("risk") || t.contains("delvis") {
        (Status::Warning, false)
    } else if t.contains("genomförd") || t.contains("klar") || t.contains("enligt plan") || t.contains("pågår") {
        (Status::Good, false)
    } else {
        (Status::Neutral, false)
    }
}

/// Parses `required`: "325" or "2024=325; 2025=200".
fn parse_required(text: &str, first_year: Year) -> Result<BTreeMap<Year, f64>, ParamError> {
    let invalid = |reason: String| ParamError::Invalid {
        key: "required".into(),
        label: "Krav på kostnadsreducering".into(),
        reason,
    };
    let mut out = BTreeMap::new();
    for part in text.split([';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        let (year, value) = match part.split_once(['=', ':']) {
            Some((y, v)) => {
                let y: i32 = y.trim().parse().map_err(|_| invalid(format!("'{}' är inget årtal", y.trim())))?;
                (Some(y), v)
            }
            None => (first_year, part),
        };
        let v = parse_number(value).ok_or_else(|| invalid(format!("'{}' är inget belopp", value.trim())))?;
        out.insert(year, v);
    }
    Ok(out)
}

/// Adds the amounts of `more` to `into`, year by year.
fn add_by_year(into: &mut BTreeMap<Year, f64>, more: BTreeMap<Year, f64>) {
    for (y, v) in more {
        *into.entry(y).or_insert(0.0) += v;
    }
}

impl ReportPlugin for ActionPlan {
    fn meta(&self) -> PluginMeta {
        PluginMeta {
            id: "action-plan".into(),
            name_sv: "Handlingsplan för kostnadsreduceringar".into(),
            name_en: "Cost reduction action plan".into(),
            description_sv: "Åtgärder med planerad och realiserad effekt per år mot kravet på kostnadsreducering: \
                             hur mycket som är planerat, realiserat och ännu saknar åtgärder, per område och år."
                .into(),
            description_en: "Measures with planned and realised effect per year against the required reduction: \
                             what is planned, realised and still without measures, per area and year."
                .into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }

    fn inputs(&self) -> Vec<InputSpec> {
        vec![
            InputSpec::new("plan", "Handlingsplan med åtgärder och planerad effekt")
                .kind(DatasetKind::Table)
                .requires([ColumnRole::Measure, ColumnRole::Planned])
                .uses([
                    ColumnRole::OrgUnit,
                    ColumnRole::Realised,
                    ColumnRole::Status,
                    ColumnRole::Year,
                    ColumnRole::Responsible,
                ]),
        ]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec {
                key: "required".into(),
                label_sv: "Krav på kostnadsreducering".into(),
                help_sv: "Belopp i filens enhet: '325' för första året, eller per år '2024=325; 2025=200'.".into(),
                kind: ParamKind::Text,
                default: None,
            },
            ParamSpec {
                key: "year".into(),
                label_sv: "År för nyckeltalen".into(),
                help_sv: "Förvalt: första året med krav, annars första året i filen.".into(),
                kind: ParamKind::Integer { min: Some(1990), max: Some(2100) },
                default: None,
            },
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Handlingsplanen mot kravet 325 mnkr för 2024")
                .sample("samples/handlingsplan_2024_2026.xlsx")
                .param("required", "325"),
            Example::new("Utan krav: bara planerat och realiserat").sample("samples/handlingsplan_2024_2026.xlsx"),
            Example::new("Krav per år, nyckeltal för 2025")
                .sample("samples/handlingsplan_2024_2026.xlsx")
                .param("required", "2024=325; 2025=150")
                .param("year", "2025"),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let ds = require(self, inputs, &specs[0])?;
        compute(self, ds, params)
    }
}

fn compute(plugin: &ActionPlan, ds: &Dataset, params: &Params) -> ComputeResult {
    let mut report = common::new_report(&plugin.meta(), "Handlingsplan för kostnadsreduceringar", ds);
    let mut diags: Vec<Diagnostic> = Vec::new();

    let measure_col = label_column(ds, &[ColumnRole::Measure]);
    let area_col = ds.column(ColumnRole::OrgUnit);
    let status_col_idx = ds.column(ColumnRole::Status);
    let resp_col = ds.column(ColumnRole::Responsible);
    let year_col = ds.column(ColumnRole::Year);
    let planned_cols = ds.columns_with(ColumnRole::Planned);
    let realised_cols = ds.columns_with(ColumnRole::Realised);
    let title_year = year_in(&ds.title);
    let unit = common::unit_of(ds, planned_cols.first().copied()).unwrap_or_else(|| {
        diags.push(Diagnostic::warning(
            "Filen anger ingen enhet för effekterna (t.ex. 'Belopp i mnkr' eller 'Planerad effekt (mnkr)'); \
             beloppen visas som de står.",
        ));
        Unit::Other("enhet okänd".into())
    });

    let mut measures: Vec<Measure> = Vec::new();
    let mut file_totals = Vec::new();
    for i in 0..ds.rows.len() {
        let label = text_at(ds, i, measure_col);
        let row_year = num_at(ds, i, year_col).map(|y| y.round() as i32).or_else(|| year_in(&text_at(ds, i, year_col)));
        // The row's amounts in `cols` by year: the row's year, else the column's, else the title's.
        let by_year = |cols: &[usize]| {
            let mut out = BTreeMap::new();
            for &c in cols {
                if let Some(v) = num_at(ds, i, Some(c)) {
                    *out.entry(row_year.or(column_year(ds, c)).or(title_year)).or_insert(0.0) += v;
                }
            }
            out
        };
        let planned = by_year(&planned_cols);
        let realised = by_year(&realised_cols);
        if label.is_empty() && planned.is_empty() && realised.is_empty() {
            continue;
        }
        // In an action plan any "Summa …" row is a total of the measures.
        if common::row_is_total(ds, i, &label) || common::is_subtotal_label(&label) {
            file_totals.push((i, planned));
            continue;
        }
        let status_text = text_at(ds, i, status_col_idx);
        let (_, in_preparation) = status_of(&status_text);
        if planned.is_empty() {
            diags.push(warn_at(
                ds,
                cell_at(ds, i, planned_cols.first().copied()),
                format!("Åtgärden '{label}' saknar planerad effekt; den visas men räknas inte in i det planerade."),
            ));
        }
        // A measure on several rows (one per year) is one measure.
        let area = text_at(ds, i, area_col);
        if let Some(m) = measures.iter_mut().find(|m| m.label == label && m.area == area && year_col.is_some()) {
            add_by_year(&mut m.planned, planned);
            add_by_year(&mut m.realised, realised);
            continue;
        }
        measures.push(Measure {
            label,
            area,
            status_text,
            responsible: text_at(ds, i, resp_col),
            in_preparation,
            planned,
            realised,
            row: i,
        });
    }

    let mut years: Vec<Year> =
        measures.iter().flat_map(|m| m.planned.keys().chain(m.realised.keys()).copied()).collect();
    let required = match params.text("required") {
        Some(text) => parse_required(text, years.iter().copied().flatten().min().map(Some).unwrap_or(title_year))
            .map_err(PluginError::Param)?,
        None => {
            diags.push(Diagnostic::info(
                "Inget krav på kostnadsreducering angivet (parametern required, t.ex. required=325); \
                 rapporten visar planerat och realiserat utan jämförelse mot kravet.",
            ));
            BTreeMap::new()
        }
    };
    years.extend(required.keys().copied());
    years.sort();
    years.dedup();
    let focus: Year = params
        .integer("year")
        .map(|y| Some(y as i32))
        .or_else(|| required.keys().next().copied())
        .or_else(|| years.first().copied())
        .flatten();

    // Per year.
    let sum_year = |y: Year, prep: bool, realised: bool| -> f64 {
        measures
            .iter()
            .filter(|m| m.in_preparation == prep)
            .filter_map(|m| if realised { m.realised.get(&y) } else { m.planned.get(&y) })
            .sum()
    };
    for (row, planned) in &file_totals {
        for (y, v) in planned {
            // The file may sum the decided measures only, or all of them.
            let decided = sum_year(*y, false, false);
            let computed = decided + sum_year(*y, true, false);
            if (computed - v).abs() > 0.05 && (decided - v).abs() > 0.05 {
                diags.push(warn_at(
                    ds,
                    cell_at(ds, *row, measure_col),
                    format!(
                        "Summaraden anger planerad effekt {} för {} men åtgärderna summerar till {}. \
                         Rapporten använder åtgärdernas summa.",
                        amount(*v, &unit),
                        year_label(*y),
                        amount(computed, &unit)
                    ),
                ));
            }
        }
    }
    for m in &measures {
        for (y, r) in &m.realised {
            if let Some(p) = m.planned.get(y).filter(|p| *r > **p + 1e-9) {
                diags.push(
                    Diagnostic::info(format!(
                        "'{}' har realiserat {} {} mot planerade {}.",
                        m.label,
                        amount(*r, &unit),
                        year_label(*y),
                        amount(*p, &unit)
                    ))
                    .at(&ds.source, cell_at(ds, m.row, measure_col)),
                );
            }
        }
    }

    // Table per year.
    let year_rows: Vec<Row> = years
        .iter()
        .map(|&y| {
            let planned = sum_year(y, false, false);
            let prep = sum_year(y, true, false);
            let realised = sum_year(y, false, true) + sum_year(y, true, true);
            let req = required.get(&y).copied();
            let gap = req.map(|r| r - planned);
            Row {
                cells: vec![
                    TableCell::Text(year_label(y)),
                    TableCell::number(req),
                    TableCell::Number(planned),
                    TableCell::Number(prep),
                    TableCell::number(gap),
                    TableCell::number(gap.map(|g| g - prep)),
                    TableCell::Number(realised),
                    TableCell::number((planned != 0.0).then(|| 100.0 * realised / planned)),
                ],
                level: 0,
                kind: RowKindOut::Data,
                sum_of: Vec::new(),
            }
        })
        .collect();
    let per_year = Table {
        id: "per-ar".into(),
        title: format!("Krav, planerad och realiserad effekt per år, {}", unit.label()),
        columns: vec![
            text_col("ar", "År"),
            amount_col("krav", "Krav", &unit, None),
            amount_col("planerat", "Planerat (beslutade åtgärder)", &unit, None),
            amount_col("beredning", "Under beredning", &unit, None),
            amount_col("ej_planerat", "Ej planerat", &unit, Some(common::diff("krav", "planerat"))),
            amount_col(
                "ej_planerat_efter_beredning",
                "Ej planerat efter beredning",
                &unit,
                Some(common::diff("ej_planerat", "beredning")),
            ),
            amount_col("realiserat", "Realiserat", &unit, None),
            percent_col(
                "realiserat_pct",
                "Realiserat av planerat, %",
                Some(ColumnFormula::Percent { a: "realiserat".into(), b: "planerat".into() }),
            ),
        ],
        rows: year_rows,
    };

    // Table per measure.
    let mut measure_columns = vec![text_col("atgard", "Åtgärd")];
    if area_col.is_some() {
        measure_columns.push(text_col("omrade", "Område"));
    }
    let realised_years: Vec<Year> =
        years.iter().copied().filter(|y| measures.iter().any(|m| m.realised.contains_key(y))).collect();
    for (key, title, ys) in
        [("planerat", "Planerad effekt", &years), ("realiserat", "Realiserad effekt", &realised_years)]
    {
        measure_columns.extend(ys.iter().map(|y| {
            amount_col(&format!("{key}_{}", year_label(*y)), &format!("{title} {}", year_label(*y)), &unit, None)
        }));
    }
    if status_col_idx.is_some() {
        measure_columns.push(status_col("status", "Status"));
    }
    if resp_col.is_some() {
        measure_columns.push(text_col("ansvarig", "Ansvarig"));
    }
    let mut measure_rows: Vec<Row> = measures
        .iter()
        .map(|m| {
            let mut cells = vec![TableCell::Text(m.label.clone())];
            if area_col.is_some() {
                cells.push(TableCell::Text(m.area.clone()));
            }
            cells.extend(years.iter().map(|y| TableCell::number(m.planned.get(y).copied())));
            cells.extend(realised_years.iter().map(|y| TableCell::number(m.realised.get(y).copied())));
            if status_col_idx.is_some() {
                let (status, _) = status_of(&m.status_text);
                let label = if m.status_text.is_empty() { status.label_sv().to_owned() } else { m.status_text.clone() };
                cells.push(TableCell::Status { status, label });
            }
            if resp_col.is_some() {
                cells.push(TableCell::Text(m.responsible.clone()));
            }
            Row { cells, level: 0, kind: RowKindOut::Data, sum_of: Vec::new() }
        })
        .collect();
    let decided: Vec<usize> = (0..measures.len()).filter(|&i| !measures[i].in_preparation).collect();
    let mut total_cells = vec![TableCell::Text("Summa beslutade åtgärder".into())];
    if area_col.is_some() {
        total_cells.push(TableCell::Empty);
    }
    total_cells.extend(years.iter().map(|&y| TableCell::Number(sum_year(y, false, false))));
    total_cells.extend(realised_years.iter().map(|&y| TableCell::Number(sum_year(y, false, true))));
    if status_col_idx.is_some() {
        total_cells.push(TableCell::Empty);
    }
    if resp_col.is_some() {
        total_cells.push(TableCell::Empty);
    }
    measure_rows.push(Row { cells: total_cells, level: 0, kind: RowKindOut::Total, sum_of: decided });
    let per_measure = Table {
        id: "per-atgard".into(),
        title: format!("Åtgärder, {}", unit.label()),
        columns: measure_columns,
        rows: measure_rows,
    };

    // Table per area and year (decided measures).
    let mut areas: Vec<String> = measures.iter().filter(|m| !m.in_preparation).map(|m| m.area.clone()).collect();
    areas.sort();
    areas.dedup();
    let per_area = (area_col.is_some()).then(|| {
        let mut cols = vec![text_col("omrade", "Område")];
        cols.extend(
            years.iter().map(|y| amount_col(&format!("planerat_{}", year_label(*y)), &year_label(*y), &unit, None)),
        );
        let mut rows: Vec<Row> = areas
            .iter()
            .map(|a| {
                let mut cells = vec![TableCell::Text(if a.is_empty() { "Utan område".into() } else { a.clone() })];
                cells.extend(years.iter().map(|y| {
                    TableCell::Number(
                        measures
                            .iter()
                            .filter(|m| !m.in_preparation && &m.area == a)
                            .filter_map(|m| m.planned.get(y))
                            .sum(),
                    )
                }));
                Row { cells, level: 0, kind: RowKindOut::Data, sum_of: Vec::new() }
            })
            .collect();
        let mut total = vec![TableCell::Text("Summa".into())];
        total.extend(years.iter().map(|&y| TableCell::Number(sum_year(y, false, false))));
        rows.push(Row { cells: total, level: 0, kind: RowKindOut::Total, sum_of: (0..areas.len()).collect() });
        Table {
            id: "per-omrade".into(),
            title: format!("Planerad effekt per område och år, {}", unit.label()),
            columns: cols,
            rows,
        }
    });

    // Chart: planned vs realised vs required per year.
    let mut series = vec![
        Series {
            name: "Planerat".into(),
            values: years.iter().map(|&y| Some(sum_year(y, false, false))).collect(),
            statuses: Vec::new(),
        },
        Series {
            name: "Realiserat".into(),
            values: years.iter().map(|&y| Some(sum_year(y, false, true) + sum_year(y, true, true))).collect(),
            statuses: Vec::new(),
        },
    ];
    if !required.is_empty() {
        series.push(Series {
            name: "Krav".into(),
            values: years.iter().map(|y| required.get(y).copied()).collect(),
            statuses: Vec::new(),
        });
    }
    let chart = Chart {
        id: "planerat-realiserat-krav".into(),
        title: format!("Planerad och realiserad effekt mot krav per år, {}", unit.label()),
        kind: ChartKind::GroupedBar,
        categories: years.iter().map(|y| year_label(*y)).collect(),
        series,
        unit: Some(unit.clone()),
        value_label: format!("Effekt, {}", unit.label()),
        reference_lines: focus
            .and_then(|f| required.get(&Some(f)).map(|r| ReferenceLine { label: format!("Krav {f}"), value: *r }))
            .into_iter()
            .collect(),
        horizontal: false,
    };

    // Key figures and sentences for the focus year.
    let fy = focus;
    let planned = sum_year(fy, false, false);
    let prep = sum_year(fy, true, false);
    let realised = sum_year(fy, false, true) + sum_year(fy, true, true);
    let req = required.get(&fy).copied();
    let dec = common::decimals_for(&unit);
    let fig = |label: String, value: Option<f64>, status: Option<Status>, note: Option<String>| KeyFigure {
        label,
        value,
        unit: Some(unit.clone()),
        decimals: dec,
        change: None,
        status,
        note,
    };
    let yl = year_label(fy);
    let mut figures = Vec::new();
    if let Some(r) = req {
        figures.push(fig(format!("Krav {yl}"), Some(r), None, None));
    }
    figures.push(fig(format!("Planerat {yl}"), Some(planned), None, Some("beslutade åtgärder".into())));
    if prep != 0.0 {
        figures.push(fig(format!("Under beredning {yl}"), Some(prep), None, None));
    }
    if let Some(r) = req {
        let gap = r - planned;
        figures.push(fig(
            format!("Ej planerat {yl}"),
            Some(gap),
            Some(if gap <= 0.0 { Status::Good } else { Status::Bad }),
            Some("krav − planerat".into()),
        ));
    }
    figures.push(fig(
        format!("Realiserat {yl}"),
        Some(realised),
        None,
        (planned != 0.0).then(|| format!("{} av planerat", format::percent(100.0 * realised / planned, 0))),
    ));

    let mut sentences = Vec::new();
    match req {
        Some(r) => {
            let gap = r - planned;
            let mut s = format!(
                "Kravet för {yl} är {}. Beslutade åtgärder beräknas ge {}; ",
                amount(r, &unit),
                amount(planned, &unit)
            );
            if gap > 0.0 {
                s.push_str(&format!("{} saknar ännu åtgärder.", amount(gap, &unit)));
            } else {
                s.push_str(&format!("kravet är täckt med {} att gå på.", amount(-gap, &unit)));
            }
            if prep != 0.0 {
                s.push_str(&format!(
                    " Ytterligare {} är under beredning; räknas de med återstår {}.",
                    amount(prep, &unit),
                    amount((gap - prep).max(0.0), &unit)
                ));
            }
            sentences.push(s);
        }
        None => sentences.push(format!("Beslutade åtgärder beräknas ge {} under {yl}.", amount(planned, &unit))),
    }
    if !realised_cols.is_empty() && planned != 0.0 {
        sentences.push(format!(
            "Hittills har {} realiserats, {} av den planerade effekten för {yl}.",
            amount(realised, &unit),
            format::percent(100.0 * realised / planned, 0)
        ));
    }
    let delayed: Vec<&str> = measures
        .iter()
        .filter(|m| matches!(status_of(&m.status_text).0, Status::Warning | Status::Bad))
        .map(|m| m.label.as_str())
        .collect();
    if !delayed.is_empty() {
        sentences.push(format!("Åtgärder med risk eller försening: {}.", delayed.join("; ")));
    }

    let all_rows: Vec<usize> = measures.iter().map(|m| m.row).collect();
    let notes = planned_cols
        .iter()
        .chain(&realised_cols)
        .filter_map(|&c| provenance(ds, ds.columns[c].name.clone(), Some(c), &all_rows))
        .collect();

    let mut overview = Section::new("oversikt", "Översikt");
    overview.blocks.push(Block::KeyFigures { figures });
    overview.blocks.push(Block::Text(Text { paragraphs: sentences, generated: true }));
    overview.blocks.push(Block::Table(per_year));
    overview.blocks.push(Block::Chart(chart));
    let mut sections = vec![overview, common::table_section("atgarder", "Åtgärder", per_measure)];
    sections.extend(per_area.map(|t| common::table_section("per-omrade", "Per område", t)));
    common::finish(&mut report, sections, notes, diags);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_required_per_year() {
        let r = parse_required("2024=325; 2025=150,5", None).expect("valid");
        assert_eq!(r.get(&Some(2024)), Some(&325.0));
        assert_eq!(r.get(&Some(2025)), Some(&150.5));
        let r = parse_required("325", Some(2024)).expect("valid");
        assert_eq!(r.get(&Some(2024)), Some(&325.0));
        assert!(parse_required("x=3", None).is_err());
    }

    #[test]
    fn reads_status_texts() {
        assert_eq!(status_of("Under beredning"), (Status::Neutral, true));
        assert_eq!(status_of("Försenad"), (Status::Warning, false));
        assert_eq!(status_of("Genomförd"), (Status::Good, false));
        assert_eq!(status_of("Ej påbörjad"), (Status::Bad, false));
    }
}

//! # Jämförelse med andra regioner (Kolada) (`comparison`)
//!
//! ## What it does
//! Compares a region or municipality with the others on Kolada's KPIs (nyckeltal): for each KPI,
//! the unit's value in the latest year, its **place** among the compared units ("plats 8 av 21"),
//! the change of value and place since the year before and since the first year, a **status** by
//! rank band, the value it would have needed for the goal band, Riket as reference, a chart over
//! time and a Swedish analysis sentence:
//!
//! > Region Västernorrland redovisar ett utfall på 32 592,6 kr/inv (2022) och placerar sig på
//! > plats 2 av 3 bland regionerna.
//!
//! ## Why
//! Regions and municipalities follow their goals partly by comparing themselves with the others
//! in Kolada ("ska tillhöra de tre bästa regionerna"). The comparison is the same calculation
//! every time: rank by the KPI's better direction, find the place, judge it against the goal.
//!
//! ## Input
//! KPI values by region or municipality and year, in any shape Kolada data comes in; several
//! files are read together:
//!
//! | Shape | Example | Columns the import recognises |
//! |---|---|---|
//! | Kolada API v3 JSON (`/v3/data/kpi/…`) | `{"values": [{"kpi": "N70060", "municipality": "0022", "period": 2022, "values": [{"gender": "T", "value": 32592.6}]}]}` | all, from the format |
//! | long CSV, one row per value | `kpi,year,value,municipality` or `geo,gender,year,u79092` | KPI (id or name), Kommun/Region (id or name), År, Kön, Värde |
//! | Kolada's Excel export, wide | a row per unit and KPI, a column per year | Kommun/Region, Nyckeltal, one column per year |
//!
//! - **KPI**: a Kolada id ("N70060") or a name. A column of ids that holds names is read as
//!   names. A long table without a KPI column takes the KPI from the value column's header when it
//!   is an id ("u79092" is U79092) and otherwise from the table's title.
//! - **Unit** (region or municipality): a Kolada id ("0013", "1880"), a county code ("13", and
//!   "0" for Riket, as in Kolada dumps) or a name. The 21 regions and Riket are known by id and by
//!   name ("Region Halland", "Halland").
//! - **Gender** (kön): T (totalt) is compared when the file has it, else each gender the file
//!   has (K, M) is compared separately and the report says so; see `gender`.
//! - **Unit of measure**: from the end of the KPI's name as Kolada writes it ("…, kr/inv",
//!   "…, andel (%)"), else the column's.
//!
//! Two more files may be loaded with the data; both are optional:
//! - **Kolada's KPI catalogue** (`/v3/kpi` as a table: `id,title,…,operating_area,perspective,…`;
//!   the region KPIs are in `kolada_v3_kpi_catalog_regions_only_2026-03.csv`): gives each KPI its
//!   group, for the summary per group. A data file with a column of the same kind (headed
//!   `operating_area`, Verksamhetsområde, Område, Nyckeltalsgrupp or Grupp, or a Perspektiv column)
//!   groups its KPIs the same way; the catalogue goes first.
//! - **Kolada's list of municipalities and regions** (`/v3/municipality` as a table: `id,title`):
//!   gives the units a data file names by id only their names ("1880" is shown as "Örebro"). The
//!   21 regions and Riket are known without it ("0013" is "Region Halland"); without the list a
//!   municipality given by id only is shown by its id, and the report says so.
//!
//! ## Rules
//! - **Who is ranked.** The units with a value for the KPI in the year. Riket (0000), Kolada's
//!   groups (ids starting with G) and group averages ("Alla kommuner (ovägt medel)", rows the
//!   import marks as totals) are **never ranked** but shown as reference. A unit without a value
//!   is not ranked ("Saknar värde"). When a unit is chosen, regions are compared with regions and
//!   municipalities with municipalities.
//! - **Rank.** Competition ranking by the KPI's better direction (the highest value first when it
//!   is not known, see below): place 1 is the best; equal values share a place and the next place
//!   is skipped. Example, higher is better: 9, 7, 7, 5 give places 1, 2, 2, 4. "Plats N av M": M
//!   is the number of units ranked that year.
//! - **Direction** (whether higher or lower is better), per KPI, and the report says where it came
//!   from: the parameters `lower_is_better` / `higher_is_better`, else a small built-in table of
//!   well-known Kolada KPIs (N70060 net cost of health care per inhabitant and U79092 unplanned
//!   re-admissions within 30 days: lower is better), else **not known**. Example:
//!   `lower_is_better=N70060` ranks the lowest cost first.
//! - **A KPI whose direction is not known is ordered by value, not judged.** Its units are ranked
//!   with the highest value first (the place says where the value stands, not that it is good),
//!   and the report never colours it: its status is **Bedöms inte (riktning okänd)** (neutral,
//!   neither grön, gul nor röd) in the summary table, the ranking, the chart and the key figures;
//!   it has no value needed for the goal and no goal line in the chart, the chart's top line is
//!   "Högst bland de jämförda", the change of place is told as a move up or down in the order of
//!   value ("har flyttats 2 platser uppåt"), and the summary table leaves "Platser bättre än …"
//!   empty. A warning asks the user to give the KPI in `lower_is_better` or `higher_is_better`;
//!   then it is judged like any other. Example: an unemployment rate without a setting, at 14,8,
//!   9,0 and 7,0 %: the unit at 14,8 % has "plats 1 av 3 …, räknat från det högsta värdet" and
//!   the status Bedöms inte (riktning okänd), not Plats 1–3 (grön); with `lower_is_better` naming
//!   the KPI it has place 3 of 3 and is judged by the bands.
//! - **Latest year** is the latest year with a value in the KPI's series; the previous year is the
//!   year before it in the series, the first year the earliest year the unit has a value. The
//!   change of value is latest − then ("+1 352,1 kr/inv"); the change of place is counted in
//!   places gained ("Platser bättre än föregående år": 2 means from place 5 to place 3).
//! - **Status** by rank band, default goal top 3: places 1–`good_to` (3) are **Plats 1–3**
//!   (grön), up to `warning_to` (7) **Plats 4–7** (gul), the rest **Plats 8 eller sämre** (röd); no
//!   rank is **Saknar värde**, a file with one unit only gives **Ingen jämförelse**, and a KPI whose
//!   direction is not known **Bedöms inte (riktning okänd)** (above). Example: place 8 of 21 is röd.
//! - **Value needed for the goal**: for a unit outside the goal band (of a judged KPI), the
//!   `good_to`-th best value of the other units (an equal value shares that place). Example, lower
//!   is better, the others at 30 100, 30 500 and 31 000 kr/inv: the goal top 3 needed at most
//!   31 000 kr/inv.
//! - **Source**: the report credits "Källa: Kolada" when the data has Kolada KPI ids or a file or
//!   table is named Kolada; never for figures computed here (places, changes, needed values).
//! - **Summary per group of KPIs**, for the chosen unit: per group, the number of KPIs compared
//!   (a KPI compared for women and men separately counts once per gender, as in the summary
//!   table), how many are in each rank band (counted by the same status as the KPI's table; the
//!   column headers name the band and its colour: "Plats 1–3 (grön)", "Plats 4–7 (gul)", "Plats 8
//!   eller sämre (röd)", "Bedöms inte (riktning okänd)" for the KPIs whose direction is not known
//!   (only when there are any), and "Utan placering" for Saknar värde and Ingen jämförelse) and the
//!   **median place** (the middle place, or the mean of the two middle ones; KPIs without a place
//!   and KPIs not judged are left out), and all KPIs last when there is more than one group. The groups are Kolada's
//!   **verksamhetsområde** (`operating_area`) by default, or its **perspective** with
//!   `group_by=perspective`; when the files give no KPI the chosen kind, the other kind is used,
//!   and when they give neither, all KPIs are one group ("Alla nyckeltal") and the report says
//!   how to load the catalogue. A KPI the files give no group is counted under "Utan grupp i
//!   filerna". The KPI is found in the catalogue by its Kolada id, else by its name. Example:
//!   U79092 by gender and N70060 with the catalogue, for Region Västernorrland in 2022: by
//!   verksamhetsområde one group, Hälso- och sjukvård: 3 KPIs, 1 on Plats 1–3 (N70060, place 3),
//!   2 on Plats 8 eller sämre (U79092 kvinnor and män, places 13 and 15), median place 13; by
//!   perspective Resurser (N70060: median place 3) and Volymer (U79092: median place 14, the mean
//!   of 13 and 15), then all KPIs.
//!
//! Without a chosen unit the report shows each KPI's ranking and chart; choose one with `region`.
//!
//! ## Parameters
//! - `region` — Region eller kommun: a Kolada id ("0013", "20") or a name ("Region Halland",
//!   "Halland", "Dalarna", "Ale").
//! - `good_to` — Målet: plats 1 till och med (default 3): the goal band.
//! - `warning_to` — Gul: plats till och med (default 7): the warning band; places after it are röd.
//! - `lower_is_better` — Lägre är bättre för: KPI ids separated by commas ("N70060, U79092") or
//!   names separated by semicolons.
//! - `higher_is_better` — Högre är bättre för: as `lower_is_better`, for KPIs where a higher value
//!   is better (overrides the built-in table).
//! - `gender` — Kön: `auto` (T when the file has it, else each gender separately, the default),
//!   `T`, `K` or `M`.
//! - `group_by` — Gruppera nyckeltalen efter: `area` (verksamhetsområde, the default) or
//!   `perspective` (perspektiv), for the summary per group.
//!
//! ## Example
//! ```text
//! uppfolj run comparison samples/kolada_u79092_aterinskrivning_2018_2022.csv --param region=Halland
//! uppfolj run comparison data.json kolada_v3_kpi_catalog_regions_only_2026-03.csv --param region=0022 \
//!     --param group_by=perspective
//! ```

mod charts;
mod compute;
mod groups;
pub(crate) mod kpis;
mod places;
mod read;
mod tables;
mod text;

use compute::{Bands, Choices, Series};
use groups::{Catalogue, GroupBy, Grouping};
use read::Gender;
use uppfolj_plugin::kit::{ReportBuilder, cell_at};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, DatasetKind};
use uppfolj_plugin::model::report::{Block, Diagnostic, KeyFigure, ProvenanceNote, Section, TableCell, Text};
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, Need, ParamSpec, ParamValue, Params, PluginError, PluginMeta,
    ReportPlugin, require_all,
};

/// The comparison plugin. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct Comparison;

const REGION: &str = "region";
const GOOD_TO: &str = "good_to";
const WARNING_TO: &str = "warning_to";
const LOWER_IS_BETTER: &str = "lower_is_better";
const HIGHER_IS_BETTER: &str = "higher_is_better";
const GENDER: &str = "gender";
const GROUP_BY: &str = "group_by";

/// The sample the examples run on.
const SAMPLE: &str = "samples/kolada_u79092_aterinskrivning_2018_2022.csv";

impl ReportPlugin for Comparison {
    fn meta(&self) -> PluginMeta {
        PluginMeta::new("comparison", "Jämförelse med andra regioner (Kolada)")
            .name_en("Comparison with other regions (Kolada)")
            .describe(
                "En regions eller kommuns placering bland de andra per nyckeltal i Kolada: värde, plats, \
                 förändring, status mot målet (t.ex. topp 3), jämfört med riket och över tid.",
                "A region's or municipality's rank among the others per Kolada KPI: value, place, change, \
                 status against the goal (e.g. top 3), compared with Riket and over time.",
            )
            .version(env!("CARGO_PKG_VERSION"))
    }

    fn inputs(&self) -> Vec<InputSpec> {
        use ColumnRole::{Gender, IndicatorName, RegionId, RegionName, Value, Year};
        vec![
            InputSpec::new("kpi", "Nyckeltal per region eller kommun och år (t.ex. från Kolada)")
                .kind(DatasetKind::Indicator)
                .requires([RegionId, Year, Value])
                .or_requires([RegionName, Year, Value])
                .or_requires([RegionName, Year, Gender])
                .or_requires([Need::Role(RegionName), Need::Role(IndicatorName), Need::YearColumns(2)])
                .uses([ColumnRole::IndicatorId, IndicatorName, Gender])
                .many(),
            InputSpec::new(
                "katalog",
                "Koladas nyckeltalskatalog (id, title, operating_area, perspective), för placeringen per \
                 verksamhetsområde",
            )
            .kind(DatasetKind::Indicator)
            .requires([ColumnRole::IndicatorId, ColumnRole::Perspective])
            .or_requires([ColumnRole::IndicatorId, IndicatorName])
            .uses([ColumnRole::Perspective])
            .optional(),
            InputSpec::new("kommuner", "Koladas lista över kommuner och regioner (id, title), för kommunernas namn")
                .kind(DatasetKind::Indicator)
                .requires([RegionId, RegionName])
                .optional(),
        ]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::text(REGION, text::REGION_LABEL)
                .help("Kolada-id (\"0013\", \"20\") eller namn (\"Region Halland\", \"Halland\", \"Ale\")."),
            ParamSpec::integer(GOOD_TO, "Målet: plats 1 till och med", Some(1), Some(400))
                .help("Platserna som räknas som uppnått mål (grön).")
                .default_value(ParamValue::Integer(3)),
            ParamSpec::integer(WARNING_TO, "Gul: plats till och med", Some(1), Some(400))
                .help("Platserna efter målet till och med denna är gula; sämre placeringar är röda.")
                .default_value(ParamValue::Integer(7)),
            ParamSpec::text(LOWER_IS_BETTER, "Lägre är bättre för")
                .help("Nyckeltal där lågt värde är bättre: id med komma emellan (\"N70060, U79092\") eller namn med semikolon."),
            ParamSpec::text(HIGHER_IS_BETTER, "Högre är bättre för")
                .help("Nyckeltal där högt värde är bättre, som ovan; går före den inbyggda tabellen."),
            ParamSpec::choice(
                GENDER,
                "Kön",
                &[("auto", "Totalt om det finns, annars varje kön för sig"), ("T", "Totalt"), ("K", "Kvinnor"), ("M", "Män")],
            )
            .help("Vilket kön som jämförs när filen har värden per kön.")
            .default_value(ParamValue::Text("auto".into())),
            ParamSpec::choice(
                GROUP_BY,
                "Gruppera nyckeltalen efter",
                &[("area", "Verksamhetsområde"), ("perspective", "Perspektiv")],
            )
            .help("Grupperna i sammanfattningen per grupp, från Koladas nyckeltalskatalog eller en kolumn i filen.")
            .default_value(ParamValue::Text("area".into())),
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Region Halland bland regionerna: oplanerade återinskrivningar inom 30 dagar (U79092), kvinnor och män")
                .sample(SAMPLE)
                .param(REGION, "Halland")
                .expect_key_figure("Plats, U79092, kvinnor", 13.0)
                .expect_key_figure("Plats, U79092, män", 15.0)
                .expect_cell("rangordning-u79092-k", "Region Halland", "plats_fg", 11.0)
                .expect_cell("rangordning-u79092-k", "Region Gävleborg", "plats", 1.0)
                .expect_text(
                    "Region Halland redovisar ett utfall på 18 % (2022) och placerar sig på plats 13 av 19 bland regionerna.",
                ),
            Example::new("Målet plats 1–5 och gul till plats 15 för Region Dalarna (Kolada-id 20)")
                .sample(SAMPLE)
                .param(REGION, "20")
                .param(GOOD_TO, "5")
                .param(WARNING_TO, "15")
                .expect_key_figure("Plats, U79092, män", 15.0)
                .expect_cell("rangordning-u79092-m", "Region Dalarna", "plats", 15.0)
                .expect_text("hade det krävts ett utfall på högst 16 %"),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let datasets = require_all(self, inputs, &specs[0])?;
        let obs: Vec<read::Obs> = datasets.iter().enumerate().flat_map(|(i, ds)| read::read(i, ds)).collect();
        if obs.is_empty() {
            return Err(PluginError::Other(
                "Inga nyckeltalsvärden hittades: filen behöver en kolumn med region eller kommun, år (eller en \
                 kolumn per år) och värde."
                    .to_owned(),
            ));
        }
        let choices = Choices {
            lower_is_better: params.text(LOWER_IS_BETTER),
            higher_is_better: params.text(HIGHER_IS_BETTER),
            gender: params.text(GENDER).and_then(|g| if g == "auto" { None } else { Gender::parse(g) }),
        };
        let good_to = usize::try_from(params.integer(GOOD_TO).unwrap_or(3)).unwrap_or(3).max(1);
        let warning_to = usize::try_from(params.integer(WARNING_TO).unwrap_or(7)).unwrap_or(7).max(good_to);
        let bands = Bands { good_to, warning_to };
        let (mut series, duplicates) = compute::series(&obs, &choices);
        let mut report = ReportBuilder::new(&self.meta(), "Jämförelse med andra regioner (Kolada)");
        for ds in &datasets {
            report.input(ds);
        }
        // The other files (a KPI catalogue, a list of municipalities) first: they name the KPIs'
        // groups and the units before a data file's own columns do.
        let others: Vec<&Dataset> = inputs.iter().filter(|d| !datasets.iter().any(|k| std::ptr::eq(*k, *d))).collect();
        let all: Vec<&Dataset> = others.iter().chain(&datasets).copied().collect();
        name_units(&mut report, &mut series, &all, &others);
        let grouping = groups::grouping(&series, &Catalogue::read(&all), GroupBy::parse(params.text(GROUP_BY)));
        for ds in others.iter().filter(|d| grouping.files.contains(&d.source.file)) {
            report.input(ds);
        }
        if duplicates > 0 {
            report.diagnostic(Diagnostic::warning(text::duplicates(duplicates)));
        }
        if is_kolada(&datasets, &obs) {
            report.credit("Källa: Kolada");
        }
        build(&mut report, &series, params.text(REGION), bands, &datasets, &grouping);
        Ok(report.finish())
    }
}

/// Names the units a file gives by id only, from a list of ids and names among `all` (Kolada's
/// municipality list), adding the lists among `others` that name a municipality of the report to its
/// inputs; says which ids are left without a name.
fn name_units(report: &mut ReportBuilder, series: &mut [Series], all: &[&Dataset], others: &[&Dataset]) {
    let names = places::names(all);
    let unnamed = places::name_by_id(series.iter_mut().flat_map(|s| s.places.iter_mut()), &names);
    let used = |ds: &Dataset| {
        let list = places::names(&[ds]);
        // The regions and Riket are named by the built-in table, not by the list.
        let named = |p: &&places::Place| !compute::is_region(p) && p.key != places::RIKET;
        series.iter().flat_map(|s| &s.places).filter(named).any(|p| list.get(&p.key) == Some(&p.name))
    };
    for ds in others.iter().filter(|d| used(d)) {
        report.input(ds);
    }
    if !unnamed.is_empty() {
        report.diagnostic(Diagnostic::info(text::unnamed(&unnamed)));
    }
}

/// Whether the data is Kolada's: KPI ids in Kolada's form, or a file or table named Kolada.
fn is_kolada(datasets: &[&Dataset], obs: &[read::Obs]) -> bool {
    obs.iter().any(|o| o.kpi_id.is_some())
        || datasets
            .iter()
            .any(|d| d.source.file.to_lowercase().contains("kolada") || d.title.to_lowercase().contains("kolada"))
}

/// The chosen unit in each series (`None` where it has no such unit).
fn chosen(series: &[Series], wanted: Option<&str>) -> Vec<Option<usize>> {
    series
        .iter()
        .map(|s| wanted.and_then(|w| places::find(w, &s.places)).and_then(|p| s.places.iter().position(|q| q == p)))
        .collect()
}

/// The sections, notes and diagnostics of the report.
fn build(
    report: &mut ReportBuilder,
    series: &[Series],
    wanted: Option<&str>,
    bands: Bands,
    datasets: &[&Dataset],
    grouping: &Grouping,
) {
    let chosen = chosen(series, wanted.map(str::trim).filter(|w| !w.is_empty()));
    let names: Vec<String> = {
        let mut n: Vec<String> =
            series.iter().flat_map(|s| s.places.iter().filter(|p| !p.reference).map(|p| p.name.clone())).collect();
        n.dedup();
        n
    };
    match wanted.map(str::trim).filter(|w| !w.is_empty()) {
        None => {
            report.diagnostic(Diagnostic::info(text::no_unit_chosen(&names)));
        }
        Some(w) if chosen.iter().all(Option::is_none) => {
            report.diagnostic(Diagnostic::warning(text::unit_not_found(w, &names)));
        }
        Some(_) => {}
    }
    if let Some((s, p)) = series.iter().zip(&chosen).find_map(|(s, c)| c.map(|p| (s, p))) {
        let years: Vec<i32> = series.iter().filter_map(|s| s.years.last().copied()).collect();
        let (lo, hi) = (years.iter().min().copied().unwrap_or(0), years.iter().max().copied().unwrap_or(0));
        let span = if lo == hi { hi.to_string() } else { format!("{lo}–{hi}") };
        report.subtitle(format!("{} jämförd med de andra {}, {span}", s.places[p].name, text::group_word(s, p)));
        report.organisation(s.places[p].name.clone()).period(span);
    }
    for (s, &c) in series.iter().zip(&chosen) {
        if let Some(p) = c.filter(|&p| compute::is_region(&s.places[p]))
            && let Some(&year) = s.years.last()
        {
            let of = compute::standing(s, p, year, &compute::compared(s, Some(p))).of;
            if of < places::REGIONS.len() - 1 {
                report.diagnostic(Diagnostic::info(text::few_regions(s, of, year)));
            }
        }
        if s.gender != Gender::Total {
            report.diagnostic(Diagnostic::info(text::gender_note(s)));
        }
        if s.direction == kpis::DirectionSource::Assumed {
            report.diagnostic(Diagnostic::warning(text::assumed_direction(s)));
        }
    }
    report.section(overview(series, &chosen, bands, grouping));
    for (s, &c) in series.iter().zip(&chosen) {
        let section = kpi_section(report, s, c, bands);
        report.section(section);
        for note in notes(s, datasets) {
            report.note(note);
        }
    }
}

/// The overview: key figures, the analysis per KPI, the summary table and the summary per group
/// of KPIs, for the chosen unit.
fn overview(series: &[Series], chosen: &[Option<usize>], bands: Bands, grouping: &Grouping) -> Section {
    let mut section = Section::new("oversikt", "Översikt");
    let (lines, group_of): (Vec<tables::Line>, Vec<Option<String>>) = series
        .iter()
        .zip(chosen)
        .zip(&grouping.of)
        .filter_map(|((s, c), g)| {
            let p = (*c)?;
            let compared = compute::compared(s, Some(p));
            let line =
                compute::outcome(s, p, &compared, bands).map(|outcome| tables::Line { series: s, place: p, outcome });
            line.map(|l| (l, g.clone()))
        })
        .unzip();
    if lines.is_empty() {
        let kpis: Vec<String> = series.iter().map(Series::title).collect();
        section.blocks.push(Block::Text(Text {
            paragraphs: vec![format!("Nyckeltal i filerna: {}.", kpis.join("; "))],
            generated: true,
        }));
        return section;
    }
    section.blocks.push(Block::KeyFigures { figures: lines.iter().map(|l| key_figure(l, bands)).collect() });
    let paragraphs = lines
        .iter()
        .map(|l| {
            format!(
                "{}: {} {}",
                l.series.title(),
                text::analysis(l.series, l.place, &l.outcome, bands),
                text::direction(l.series)
            )
        })
        .collect();
    section.blocks.push(Block::Text(Text { paragraphs, generated: true }));
    section.blocks.push(Block::Table(tables::summary(&lines, bands)));
    let (summaries, all) = groups::summaries(&lines, &group_of, grouping.by, bands);
    section.blocks.push(Block::Text(Text { paragraphs: text::grouping(grouping, &summaries), generated: true }));
    section.blocks.push(Block::Table(tables::groups(&summaries, &all, grouping.by, bands)));
    section
}

/// The key figure of one KPI: the place, with its status and what it is out of.
fn key_figure(l: &tables::Line, bands: Bands) -> KeyFigure {
    let o = &l.outcome;
    let value = o.latest.value.map(|v| text::value(l.series, v)).unwrap_or_else(|| "saknar värde".to_owned());
    let (status, label) = match tables::status_cell(bands, o) {
        TableCell::Status { status, label } => (Some(status), label),
        _ => (None, String::new()),
    };
    KeyFigure {
        label: format!("Plats, {}", l.series.short()),
        value: o.latest.rank.filter(|_| o.latest.of > 1).map(|r| r as f64),
        unit: None,
        decimals: 0,
        change: None,
        status,
        status_label: (!label.is_empty()).then(|| label.clone()),
        note: Some(format!(
            "{value} ({}), {} {} jämförda; {label}",
            o.latest.year,
            o.latest.of,
            text::units_word(l.series, l.place, o.latest.of)
        )),
    }
}

/// One KPI's section: the direction, the chart over time and the ranking.
fn kpi_section(report: &mut ReportBuilder, s: &Series, chosen: Option<usize>, bands: Bands) -> Section {
    let mut section = Section::new(format!("kpi-{}", s.slug()), s.short());
    section.blocks.push(Block::Text(Text { paragraphs: vec![text::direction(s)], generated: true }));
    if s.years.len() > 1 {
        let (chart, semantics) = charts::over_time(s, chosen, bands);
        report.report_mut().chart_semantics.push(semantics);
        section.blocks.push(Block::Chart(chart));
    }
    if let Some(table) = tables::ranking(s, chosen, bands) {
        section.blocks.push(Block::Table(table));
    }
    section
}

/// Where a KPI's values came from: the cells read, per dataset.
fn notes(s: &Series, datasets: &[&Dataset]) -> Vec<ProvenanceNote> {
    datasets
        .iter()
        .enumerate()
        .filter_map(|(i, ds)| {
            let cells = s.cells.iter().filter(|c| c.0 == i).filter_map(|&(_, row, col)| cell_at(ds, row, Some(col)));
            ProvenanceNote::new(s.title(), ds.source.clone(), cells)
        })
        .collect()
}

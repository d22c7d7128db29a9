//! The Report document: what a plugin produces and every renderer draws.
//!
//! A [`Report`] is a list of [`Section`]s, each a list of [`Block`]s: text (including generated
//! Swedish sentences), key-figure cards, tables, charts and provenance notes. Renderers (the HTML
//! view in `web/`, SVG charts in `uppfolj-chart`, the workbook in `uppfolj-xlsx`) see only this
//! document, never the input files.
//!
//! The document is serialisable and versioned ([`SCHEMA_VERSION`]); bump it on any change that an
//! old reader cannot read.

use crate::cell_range::CellRange;
use crate::dataset::{CellRef, SourceFile};
use crate::unit::Unit;
use serde::{Deserialize, Serialize};

/// Version of the Report JSON schema. Readers reject documents with a newer major version.
pub const SCHEMA_VERSION: u32 = 2;

/// A finished report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`] at the time of writing.
    pub schema_version: u32,
    /// The plugin that produced it.
    pub plugin: PluginRef,
    /// Report title ("Budgetuppföljning").
    pub title: String,
    /// Subtitle: period and organisation ("Januari–augusti 2024, Hälso- och sjukvårdsnämnden").
    pub subtitle: Option<String>,
    /// The period the report follows up ("januari–augusti 2024", "2021–2024"), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The organisation it is about ("Hälso- och sjukvårdsnämnden", "Region Halland"), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The parameters the plugin ran with, as (Swedish label, value) for display.
    pub parameters: Vec<(String, String)>,
    /// The input files and sheets the report was computed from.
    pub inputs: Vec<SourceFile>,
    /// Source credits that must be shown with the report ("Källa: Kolada").
    pub credits: Vec<String>,
    /// The content.
    pub sections: Vec<Section>,
    /// Warnings and information collected while computing; shown with the report.
    pub diagnostics: Vec<Diagnostic>,
    /// How to read charts, by chart id: the legend label of each status, and whether higher values
    /// of a series are better. A chart without an entry reads as before: each status with its
    /// [`Status::label_sv`], changes coloured by direction only. See [`ChartSemantics`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chart_semantics: Vec<ChartSemantics>,
}

impl Report {
    /// An empty report for `plugin` with `title`.
    pub fn new(plugin: PluginRef, title: impl Into<String>) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            plugin,
            title: title.into(),
            subtitle: None,
            period: None,
            organisation: None,
            parameters: Vec::new(),
            inputs: Vec::new(),
            credits: Vec::new(),
            sections: Vec::new(),
            diagnostics: Vec::new(),
            chart_semantics: Vec::new(),
        }
    }

    /// How to read the chart with id `chart_id`: its entry in [`Report::chart_semantics`], or the
    /// default reading.
    pub fn semantics_of(&self, chart_id: &str) -> ChartSemantics {
        self.chart_semantics
            .iter()
            .find(|s| s.chart == chart_id)
            .cloned()
            .unwrap_or_else(|| ChartSemantics::new(chart_id))
    }

    /// Every table in the report, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }

    /// Every key figure in the report, in order.
    pub fn key_figures(&self) -> impl Iterator<Item = &KeyFigure> {
        self.sections.iter().flat_map(|s| &s.blocks).flat_map(|b| match b {
            Block::KeyFigures { figures } => figures.as_slice(),
            _ => &[],
        })
    }

    /// Every chart in the report, in order.
    pub fn charts(&self) -> impl Iterator<Item = &Chart> {
        self.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
    }
}

/// Which plugin produced a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PluginRef {
    /// Stable id ("budget-follow-up").
    pub id: String,
    /// The plugin's version.
    pub version: String,
}

/// A section of a report; becomes a heading in HTML and a sheet in the workbook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable id within the report ("oversikt").
    pub id: String,
    /// Heading ("Översikt").
    pub title: String,
    /// Content.
    pub blocks: Vec<Block>,
}

impl Section {
    /// An empty section.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self { id: id.into(), title: title.into(), blocks: Vec::new() }
    }
}

/// A piece of content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Block {
    /// Paragraphs of text.
    Text(Text),
    /// Key-figure cards.
    KeyFigures {
        /// The cards.
        figures: Vec<KeyFigure>,
    },
    /// A table.
    Table(Table),
    /// A chart.
    Chart(Chart),
    /// Where figures came from.
    Provenance {
        /// The notes.
        notes: Vec<ProvenanceNote>,
    },
}

/// Text: one or more paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Text {
    /// Paragraphs, plain text.
    pub paragraphs: Vec<String>,
    /// Whether the text was generated from the figures (shown as such).
    #[serde(default)]
    pub generated: bool,
}

/// A key figure: a headline number with its unit, change and status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyFigure {
    /// What it is ("Avvikelse mot budget").
    pub label: String,
    /// The value; `None` when it could not be computed.
    pub value: Option<f64>,
    /// Its unit.
    pub unit: Option<Unit>,
    /// Decimals to show.
    pub decimals: u8,
    /// Change against a comparison, in the same unit.
    pub change: Option<f64>,
    /// Status.
    pub status: Option<Status>,
    /// What the status means here ("Negativ avvikelse", "Plats 1–3"); `None` shows the status's
    /// own label ("Ej uppnått"), which only fits a goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_label: Option<String>,
    /// A short explanation ("av helårsbudget; 66,7 % av året har gått").
    pub note: Option<String>,
}

impl KeyFigure {
    /// The status as the reader sees it: its label here, else the status's own label.
    pub fn status_text(&self) -> Option<&str> {
        let status = self.status?;
        Some(self.status_label.as_deref().unwrap_or(status.label_sv()))
    }
}

/// A traffic-light status. Always rendered as text plus colour, never colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// On target or better ("Uppnått", "Enligt plan").
    Good,
    /// Partly on target ("Delvis uppnått", "Risk").
    Warning,
    /// Off target ("Ej uppnått", "Avvikelse").
    Bad,
    /// No judgement possible ("Ej bedömd").
    Neutral,
}

impl Status {
    /// The default Swedish label.
    pub fn label_sv(self) -> &'static str {
        match self {
            Status::Good => "Uppnått",
            Status::Warning => "Delvis uppnått",
            Status::Bad => "Ej uppnått",
            Status::Neutral => "Ej bedömd",
        }
    }
}

/// Direction of a change, judged by whether higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Better than the comparison.
    Better,
    /// Unchanged.
    Unchanged,
    /// Worse than the comparison.
    Worse,
}

impl Trend {
    /// The Swedish word for the trend ("Bättre", "Oförändrat", "Sämre"), the same in every
    /// renderer.
    pub fn label_sv(self) -> &'static str {
        match self {
            Trend::Better => "Bättre",
            Trend::Unchanged => "Oförändrat",
            Trend::Worse => "Sämre",
        }
    }

    /// The status whose colour and symbol a judged change takes: better is [`Status::Good`],
    /// worse [`Status::Bad`], unchanged [`Status::Neutral`].
    pub fn status(self) -> Status {
        match self {
            Trend::Better => Status::Good,
            Trend::Unchanged => Status::Neutral,
            Trend::Worse => Status::Bad,
        }
    }

    /// An arrow for the trend in plain text ("↑", "→", "↓"): the workbook writes it before the
    /// word. It is never shown alone.
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::Better => "↑",
            Trend::Unchanged => "→",
            Trend::Worse => "↓",
        }
    }
}

/// A table with typed columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Stable id within the report.
    pub id: String,
    /// Caption.
    pub title: String,
    /// Columns.
    pub columns: Vec<Column>,
    /// Rows.
    pub rows: Vec<Row>,
}

impl Table {
    /// The index of the column with `key`.
    pub fn column_index(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Stable key ("budget", "utfall", "avvikelse").
    pub key: String,
    /// Header ("Budget"); the unit is added by renderers ("Budget, tkr").
    pub title: String,
    /// Type of the values.
    pub kind: ColumnKind,
    /// How the values are derived from other columns of the same row, so that the workbook can
    /// write a live formula (with the computed value cached).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<ColumnFormula>,
}

impl Column {
    /// The header of the column: its title and unit ("Budget, tkr", "Avvikelse, %"), unless the
    /// title already ends with the unit ("Avvikelse, %", "Budget (tkr)", "Budget i tkr"). Every
    /// renderer heads the column with this.
    pub fn header(&self) -> String {
        let Some(unit) = self.kind.unit_label() else { return self.title.clone() };
        let t = self.title.trim_end().to_lowercase();
        let u = unit.to_lowercase();
        if t.ends_with(&format!(" {u}")) || t.ends_with(&format!("({u})")) || t == u {
            self.title.clone()
        } else {
            format!("{}, {unit}", self.title)
        }
    }
}

/// Type of a column's values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ColumnKind {
    /// Text.
    Text,
    /// An amount in `unit`, shown with `decimals` decimals.
    Amount {
        /// The unit.
        unit: Unit,
        /// Decimals shown.
        decimals: u8,
    },
    /// A percentage (stored in percentage points: 12.5 means 12,5 %).
    Percent {
        /// Decimals shown.
        decimals: u8,
    },
    /// A plain number (counts, ratios without unit).
    Number {
        /// Decimals shown.
        decimals: u8,
    },
    /// A status (text + colour).
    Status,
    /// A trend arrow.
    Trend,
}

impl ColumnKind {
    /// The unit a header names for values of this kind: the amount's unit ("tkr") or "%".
    pub fn unit_label(&self) -> Option<&str> {
        match self {
            ColumnKind::Amount { unit, .. } => Some(unit.label()),
            ColumnKind::Percent { .. } => Some("%"),
            _ => None,
        }
    }
}

/// A per-row formula over other columns of the same row, by column key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "op")]
pub enum ColumnFormula {
    /// `a − b`.
    Difference {
        /// Minuend column key.
        a: String,
        /// Subtrahend column key.
        b: String,
    },
    /// `a + b`.
    Sum {
        /// First column key.
        a: String,
        /// Second column key.
        b: String,
    },
    /// `100 × a / b` (a percentage), empty when `b` is zero.
    Percent {
        /// Numerator column key.
        a: String,
        /// Denominator column key.
        b: String,
    },
    /// `100 × a / |b|` (a percentage of a magnitude), empty when `b` is zero. Used for deviation
    /// in percent of a budget that may be negative (costs).
    PercentOfAbs {
        /// Numerator column key.
        a: String,
        /// Denominator column key.
        b: String,
    },
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// One cell per column.
    pub cells: Vec<TableCell>,
    /// Hierarchy level (0 = top); renderers indent by level.
    #[serde(default)]
    pub level: u8,
    /// Data, subtotal or total. Subtotal and total rows are bold.
    #[serde(default)]
    pub kind: RowKindOut,
    /// For subtotal and total rows: the indices of the rows they sum, so that the workbook can
    /// write `=SUM(…)` over them. Empty means "not a sum" (a total taken from the file as is).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sum_of: Vec<usize>,
}

/// Kind of a report table row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKindOut {
    /// An ordinary row.
    #[default]
    Data,
    /// A subtotal.
    Subtotal,
    /// The total.
    Total,
}

/// A cell of a report table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum TableCell {
    /// No value (rendered as "–" or blank).
    Empty,
    /// Text.
    Text(String),
    /// A number, in the unit of its column.
    Number(f64),
    /// A status with its label.
    Status {
        /// The status.
        status: Status,
        /// The label shown ("Överskridet").
        label: String,
    },
    /// A trend.
    Trend(Trend),
}

impl TableCell {
    /// The number, if this cell holds one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            TableCell::Number(v) => Some(*v),
            _ => None,
        }
    }

    /// A number cell, or empty for `None` or a non-finite value.
    pub fn number(value: Option<f64>) -> Self {
        match value {
            Some(v) if v.is_finite() => TableCell::Number(v),
            _ => TableCell::Empty,
        }
    }
}

/// A chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    /// Stable id within the report.
    pub id: String,
    /// Title; also the accessible title of the SVG.
    pub title: String,
    /// Kind.
    pub kind: ChartKind,
    /// Category labels (x axis for vertical bars, y axis for horizontal ones).
    pub categories: Vec<String>,
    /// Series, each with one value per category.
    pub series: Vec<Series>,
    /// Unit of the value axis.
    pub unit: Option<Unit>,
    /// Label of the value axis ("Avvikelse, tkr").
    pub value_label: String,
    /// Horizontal/vertical reference lines ("Krav 325 mnkr", "Riket").
    #[serde(default)]
    pub reference_lines: Vec<ReferenceLine>,
    /// Bars run horizontally (long category names).
    #[serde(default)]
    pub horizontal: bool,
}

/// Kind of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// One series of bars.
    Bar,
    /// Several series side by side.
    GroupedBar,
    /// Several series stacked.
    StackedBar,
    /// Lines over categories (periods).
    Line,
    /// A waterfall: each value a step from the previous total; the last category is the total.
    Waterfall,
    /// Bullet chart: a value (first series) against a target (second series).
    Bullet,
}

/// A data series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Name in the legend ("Planerad effekt").
    pub name: String,
    /// One value per category; `None` for missing.
    pub values: Vec<Option<f64>>,
    /// Optional status per value, which colours the point or bar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<Option<Status>>,
}

/// Which direction of a series' values is good: what lets a renderer colour a change as better or
/// worse instead of by its sign (a cost that falls is good; income that falls is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    /// Higher is better (income, result, realised effect).
    Higher,
    /// Lower is better (costs, when they are positive).
    Lower,
}

/// How to read a chart: what its renderers cannot tell from the figures. Kept in
/// [`Report::chart_semantics`], by chart id, so that a [`Chart`] built as before is read as before.
///
/// ```
/// use uppfolj_model::report::{Better, ChartSemantics, Status};
/// let reading = ChartSemantics::new("avvikelse")
///     .with_status_label(Status::Good, "Inom budget")
///     .with_status_label(Status::Bad, "Överskridet")
///     .with_better(0, Better::Higher);
/// assert_eq!(reading.status_label(Status::Bad), "Överskridet");
/// assert_eq!(reading.status_label(Status::Warning), "Delvis uppnått");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ChartSemantics {
    /// The chart's id ([`Chart::id`]).
    pub chart: String,
    /// The legend label of statuses used in the chart ("Överskridet" for [`Status::Bad`]); a
    /// status not listed keeps its [`Status::label_sv`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_labels: Vec<StatusLabel>,
    /// Per series, in order: which direction of its values is better. A series without one has its
    /// changes coloured by direction (increase, decrease), never as good or bad.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub better: Vec<Option<Better>>,
}

/// The label a status has in one chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusLabel {
    /// The status.
    pub status: Status,
    /// Its label in the chart's legend and description.
    pub label: String,
}

impl ChartSemantics {
    /// The default reading of chart `chart`.
    pub fn new(chart: impl Into<String>) -> Self {
        Self { chart: chart.into(), ..Self::default() }
    }

    /// Labels `status` as `label` in this chart.
    pub fn with_status_label(mut self, status: Status, label: impl Into<String>) -> Self {
        self.status_labels.retain(|l| l.status != status);
        self.status_labels.push(StatusLabel { status, label: label.into() });
        self
    }

    /// Says which direction of series `series`' values is better.
    pub fn with_better(mut self, series: usize, better: Better) -> Self {
        if self.better.len() <= series {
            self.better.resize(series + 1, None);
        }
        self.better[series] = Some(better);
        self
    }

    /// The label of `status` in this chart: the one given, or [`Status::label_sv`].
    pub fn status_label(&self, status: Status) -> &str {
        self.status_labels.iter().find(|l| l.status == status).map_or(status.label_sv(), |l| l.label.as_str())
    }

    /// Which direction of series `series`' values is better, if the Report says.
    pub fn better(&self, series: usize) -> Option<Better> {
        self.better.get(series).copied().flatten()
    }

    /// A change of `change` in series `series`, judged: better, unchanged or worse. `None` when
    /// the Report does not say which direction is better for the series.
    pub fn judge(&self, series: usize, change: f64) -> Option<Trend> {
        let better = self.better(series)?;
        let up = match better {
            Better::Higher => Trend::Better,
            Better::Lower => Trend::Worse,
        };
        Some(if change > 0.0 {
            up
        } else if change < 0.0 {
            match up {
                Trend::Better => Trend::Worse,
                _ => Trend::Better,
            }
        } else {
            Trend::Unchanged
        })
    }
}

/// A reference line on the value axis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceLine {
    /// Label ("Krav").
    pub label: String,
    /// Value on the value axis.
    pub value: f64,
}

/// Where a figure came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvenanceNote {
    /// What the figure is ("Budget, Område Somatik").
    pub what: String,
    /// The file and sheet.
    pub source: SourceFile,
    /// The cells, as the fewest rectangles that cover them ([`CellRange::covering`]).
    pub ranges: Vec<CellRange>,
}

impl ProvenanceNote {
    /// A note for `cells` of `source` (in any order); `None` when there are none.
    pub fn new(what: String, source: SourceFile, cells: impl IntoIterator<Item = CellRef>) -> Option<Self> {
        let ranges = CellRange::covering(cells);
        (!ranges.is_empty()).then_some(Self { what, source, ranges })
    }

    /// How many cells the note covers.
    pub fn cell_count(&self) -> u64 {
        self.ranges.iter().map(CellRange::len).sum()
    }

    /// The cells, written as in a spreadsheet ("C2:C68022, E4"), at most `limit` ranges, then
    /// how many more there are ("… och 12 områden till").
    pub fn cells_written(&self, limit: usize) -> String {
        let mut text = self.ranges.iter().take(limit).map(ToString::to_string).collect::<Vec<_>>().join(", ");
        if let Some(more) = self.ranges.len().checked_sub(limit).filter(|n| *n > 0) {
            text.push_str(&format!(" … och {more} områden till"));
        }
        text
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// For information ("Teckenkonvention: kostnader negativa").
    Info,
    /// Something the user should check; the report is still computed.
    Warning,
    /// A part of the report could not be computed.
    Error,
}

impl Severity {
    /// The Swedish word for the severity ("Information", "Varning", "Fel"), the same in every
    /// renderer.
    pub fn label_sv(self) -> &'static str {
        match self {
            Severity::Info => "Information",
            Severity::Warning => "Varning",
            Severity::Error => "Fel",
        }
    }
}

/// A message collected while importing or computing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious.
    pub severity: Severity,
    /// The message, in Swedish, saying what is wrong, where, and what to do.
    pub message: String,
    /// The file/sheet, if it concerns one.
    pub source: Option<SourceFile>,
    /// The cell, if it concerns one.
    pub at: Option<CellRef>,
}

impl Diagnostic {
    /// A warning with a message.
    pub fn warning(message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, message: message.into(), source: None, at: None }
    }

    /// An information message.
    pub fn info(message: impl Into<String>) -> Self {
        Self { severity: Severity::Info, message: message.into(), source: None, at: None }
    }

    /// Attaches a location.
    pub fn at(mut self, source: &SourceFile, at: Option<CellRef>) -> Self {
        self.source = Some(source.clone());
        self.at = at;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(title: &str, kind: ColumnKind) -> Column {
        Column { key: "k".into(), title: title.into(), kind, formula: None }
    }

    #[test]
    fn headers_name_the_unit_once() {
        let tkr = || ColumnKind::Amount { unit: Unit::Tkr, decimals: 0 };
        let percent = || ColumnKind::Percent { decimals: 1 };
        assert_eq!(column("Budget", tkr()).header(), "Budget, tkr");
        assert_eq!(column("budget", tkr()).header(), "budget, tkr");
        assert_eq!(column("procent", percent()).header(), "procent, %");
        assert_eq!(column("Avvikelse, %", percent()).header(), "Avvikelse, %");
        assert_eq!(column("Budget (tkr)", tkr()).header(), "Budget (tkr)");
        assert_eq!(column("Budget i tkr", tkr()).header(), "Budget i tkr");
        assert_eq!(column("Budgetkr", tkr()).header(), "Budgetkr, tkr");
        assert_eq!(column("Enhet", ColumnKind::Text).header(), "Enhet");
        assert_eq!(column("Antal", ColumnKind::Number { decimals: 0 }).header(), "Antal");
    }

    #[test]
    fn labels_are_swedish_and_distinct() {
        let trends = [Trend::Better, Trend::Unchanged, Trend::Worse];
        assert_eq!(trends.map(Trend::label_sv), ["Bättre", "Oförändrat", "Sämre"]);
        assert_eq!(trends.map(Trend::arrow), ["↑", "→", "↓"]);
        let severities = [Severity::Info, Severity::Warning, Severity::Error];
        assert_eq!(severities.map(Severity::label_sv), ["Information", "Varning", "Fel"]);
    }

    #[test]
    fn chart_semantics_default_to_todays_reading() {
        let mut report = Report::new(PluginRef { id: "p".into(), version: "1".into() }, "R");
        let plain = report.semantics_of("a");
        assert_eq!(plain.status_label(Status::Bad), "Ej uppnått");
        assert_eq!(plain.judge(0, -5.0), None, "no direction is better unless the Report says");
        report
            .chart_semantics
            .push(ChartSemantics::new("a").with_status_label(Status::Bad, "Överskridet").with_better(1, Better::Lower));
        let read = report.semantics_of("a");
        assert_eq!(read.status_label(Status::Bad), "Överskridet");
        assert_eq!(read.judge(0, 1.0), None);
        assert_eq!(read.judge(1, -3.0), Some(Trend::Better), "a cost that falls is better");
        assert_eq!(read.judge(1, 3.0), Some(Trend::Worse));
        assert_eq!(read.judge(1, 0.0), Some(Trend::Unchanged));
        assert_eq!(report.semantics_of("b"), ChartSemantics::new("b"));
    }

    #[test]
    fn a_report_without_chart_semantics_serialises_as_before() {
        let report = Report::new(PluginRef { id: "p".into(), version: "1".into() }, "R");
        let json = serde_json::to_value(&report).expect("serialise");
        assert!(json.get("chart_semantics").is_none());
        let back: Report = serde_json::from_value(json).expect("an old document reads");
        assert_eq!(back, report);
    }
}

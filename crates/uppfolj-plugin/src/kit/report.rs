//! [`ReportBuilder`]: a report from start to finish, with the inputs it rests on and the "Källor"
//! section every uppfolj report ends with.

use crate::PluginMeta;
use uppfolj_model::dataset::Dataset;
use uppfolj_model::report::{Block, ChartSemantics, Diagnostic, ProvenanceNote, Report, Section, Table};
use uppfolj_model::vocab::organisation_in;

/// Builds a [`Report`]: title and subtitle, the files it rests on, sections in order, then the
/// "Källor" section with the provenance notes, then the diagnostics, each once.
///
/// ```
/// # use uppfolj_plugin::{PluginMeta, kit::ReportBuilder};
/// # use uppfolj_plugin::model::report::Diagnostic;
/// let meta = PluginMeta::new("demo", "Demo");
/// let mut builder = ReportBuilder::new(&meta, "Kostnad per invånare");
/// builder.diagnostic(Diagnostic::warning("Antal invånare saknas."));
/// builder.diagnostic(Diagnostic::warning("Antal invånare saknas."));
/// let report = builder.finish();
/// assert_eq!(report.sections.last().map(|s| s.title.as_str()), Some("Källor"));
/// assert_eq!(report.diagnostics.len(), 1);
/// ```
#[derive(Debug)]
pub struct ReportBuilder {
    report: Report,
    sections: Vec<Section>,
    notes: Vec<ProvenanceNote>,
    diagnostics: Vec<Diagnostic>,
}

impl ReportBuilder {
    /// A report of the plugin `meta` titled `title`, resting on no file yet.
    pub fn new(meta: &PluginMeta, title: &str) -> Self {
        Self {
            report: Report::new(meta.report_ref(), title),
            sections: Vec::new(),
            notes: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// A report computed from `ds` alone: the dataset's title is the subtitle, the organisation
    /// it names (if any: "Hälso- och sjukvårdsnämnden – driftredovisning …") the report's
    /// organisation, and its file the report's only input (not every file the user loaded, which
    /// is what [`run`](crate::run) lists when a plugin names no input).
    pub fn for_dataset(meta: &PluginMeta, title: &str, ds: &Dataset) -> Self {
        let mut builder = Self::new(meta, title);
        builder.report.subtitle = (!ds.title.trim().is_empty()).then(|| ds.title.trim().to_owned());
        builder.report.organisation = organisation_in(&ds.title);
        builder.input(ds);
        builder
    }

    /// Records that the report rests on `ds` (its file and sheet), once.
    pub fn input(&mut self, ds: &Dataset) -> &mut Self {
        if !self.report.inputs.contains(&ds.source) {
            self.report.inputs.push(ds.source.clone());
        }
        self
    }

    /// Sets the period the report follows up ("januari–augusti 2024", "2021–2024").
    pub fn period(&mut self, period: impl Into<String>) -> &mut Self {
        self.report.period = Some(period.into());
        self
    }

    /// Sets the organisation the report is about ("Region Halland").
    pub fn organisation(&mut self, organisation: impl Into<String>) -> &mut Self {
        self.report.organisation = Some(organisation.into());
        self
    }

    /// Sets the subtitle.
    pub fn subtitle(&mut self, subtitle: impl Into<String>) -> &mut Self {
        self.report.subtitle = Some(subtitle.into());
        self
    }

    /// Adds a credit line ("Källa: Kolada").
    pub fn credit(&mut self, credit: impl Into<String>) -> &mut Self {
        let credit = credit.into();
        if !self.report.credits.contains(&credit) {
            self.report.credits.push(credit);
        }
        self
    }

    /// Says how a chart of the report is read: the legend label of each status it uses
    /// ("Överskridet" rather than the default "Ej uppnått") and which direction of a series is
    /// better. Without it, a chart is read the default way.
    pub fn chart_reading(&mut self, reading: ChartSemantics) -> &mut Self {
        self.report.chart_semantics.retain(|r| r.chart != reading.chart);
        self.report.chart_semantics.push(reading);
        self
    }

    /// Appends a section.
    pub fn section(&mut self, section: Section) -> &mut Self {
        self.sections.push(section);
        self
    }

    /// Appends sections in order.
    pub fn sections(&mut self, sections: impl IntoIterator<Item = Section>) -> &mut Self {
        self.sections.extend(sections);
        self
    }

    /// Adds a provenance note for the "Källor" section (a `None` is skipped, so
    /// [`provenance`](super::provenance)'s result can be passed as it is).
    pub fn note(&mut self, note: impl Into<Option<ProvenanceNote>>) -> &mut Self {
        self.notes.extend(note.into());
        self
    }

    /// Adds a diagnostic; an identical one is kept once.
    pub fn diagnostic(&mut self, diagnostic: Diagnostic) -> &mut Self {
        self.diagnostics.push(diagnostic);
        self
    }

    /// Adds diagnostics.
    pub fn diagnostics(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) -> &mut Self {
        self.diagnostics.extend(diagnostics);
        self
    }

    /// The report so far, for what the builder has no method for.
    pub fn report_mut(&mut self) -> &mut Report {
        &mut self.report
    }

    /// The finished report: the sections, then "Källor", then the diagnostics, each once.
    pub fn finish(self) -> Report {
        let Self { mut report, sections, notes, diagnostics } = self;
        report.sections.extend(sections);
        let mut sources = Section::new("kallor", "Källor");
        sources.blocks.push(Block::Provenance { notes });
        report.sections.push(sources);
        for d in diagnostics {
            crate::push_diagnostic(&mut report, d);
        }
        report
    }
}

/// A section holding one table.
pub fn table_section(id: &str, title: &str, table: Table) -> Section {
    let mut section = Section::new(id, title);
    section.blocks.push(Block::Table(table));
    section
}

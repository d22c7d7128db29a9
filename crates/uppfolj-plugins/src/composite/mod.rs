//! The engine of the composite reports `interim-report` and `annual-report`: one document from
//! several files, made of the other built-in plugins (the parts, [`parts::PARTS`]).
//!
//! 1. Every loaded table goes to the part it fits most closely ([`assign`]), or to the part the
//!    user chose it for (`<part>.file`).
//! 2. Each part runs on its tables with its own parameters, offered under its id
//!    (`scorecard.partial`), exactly as the single report would ([`run`]).
//! 3. The document: Sammanfattning ([`summary`]), the chapters ([`chapters`]) with god ekonomisk
//!    hushållning beside the balance requirement ([`stewardship`]), Underlag ([`sources`]), and
//!    the parts' sources, credits and diagnostics gathered once. A part without data keeps its
//!    place and says what file would fill it.
//!
//! The period decides what kind of report it is ([`period`]).

mod assign;
mod chapters;
mod parts;
mod period;
mod run;
mod sources;
mod stewardship;
mod summary;

pub use assign::automatic_part_files;
use parts::PARTS;
use run::{PartRun, run_parts};
use uppfolj_plugin::kit::ReportBuilder;
use uppfolj_plugin::kit::vocab::months_in_text;
use uppfolj_plugin::model::report::{Block, ChartSemantics, Diagnostic, Section};
use uppfolj_plugin::{ComputeResult, Example, InputSpec, Inputs, ParamSpec, Params, PluginError, PluginMeta};

/// The parameter key of the period's last month.
const MONTHS: &str = "months";

/// Which composite report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Delårsrapport.
    Interim,
    /// Årsrapport.
    Annual,
}

impl Kind {
    fn title(self) -> &'static str {
        match self {
            Kind::Interim => "Delårsrapport",
            Kind::Annual => "Årsrapport",
        }
    }
}

/// The inputs of a composite: any file that one of its parts requires (at least one, and every
/// one counts, so that several files fit a composite more closely than one report), then each
/// part's own inputs, optional, under the part's id.
pub(crate) fn inputs() -> Vec<InputSpec> {
    let mut any = InputSpec::new(
        "files",
        "Filer till rapportens avsnitt: driftredovisning, balanskravsutredning, måluppföljning, nyckeltal från \
         Kolada, handlingsplan eller riktade statsbidrag",
    )
    .many();
    let mut specs = Vec::new();
    for part in &PARTS {
        for spec in part.inputs() {
            if !spec.optional {
                any.alternatives.extend(spec.alternatives.iter().cloned());
            }
            for role in &spec.optional_roles {
                if !any.optional_roles.contains(role) {
                    any.optional_roles.push(*role);
                }
            }
            specs.push(InputSpec { key: format!("{}.{}", part.id, spec.key), optional: true, ..spec });
        }
    }
    specs.insert(0, any);
    specs
}

/// The parameters of a composite: the period's last month, then for each part the file to use
/// and the part's own parameters, under the part's id.
pub(crate) fn params() -> Vec<ParamSpec> {
    let mut specs = vec![ParamSpec::integer(MONTHS, "Periodens sista månad", Some(1), Some(12)).help(
        "Periodens sista månad som tal (8 för januari–augusti), när filerna inte säger det. Avgör vilken sorts \
         rapport det är.",
    )];
    for part in &PARTS {
        specs.push(
            ParamSpec::text(assign::FILE, "Fil")
                .help(format!(
                    "Den inlästa fil som ska fylla avsnittet {} när flera passar (filens namn, t.ex. \
                     'drift_2024.xlsx'). Tomt (Automatiskt): den fil som passar bäst.",
                    part.name.to_lowercase()
                ))
                .scoped(part.id, part.name),
        );
        specs.extend(part.plugin.params().into_iter().map(|s| s.scoped(part.id, part.name)));
    }
    specs
}

/// `example` on every sample of the repository, one per part, with the parameters the samples'
/// README gives for them.
pub(crate) fn all_samples(example: Example) -> Example {
    example
        .sample("samples/driftredovisning_2024_aug.xlsx")
        .sample("samples/balanskravsutredning_2021_2024.xlsx")
        .sample("samples/malupfoljning_2024.csv")
        .sample("samples/kolada_u79092_aterinskrivning_2018_2022.csv")
        .sample("samples/handlingsplan_2024_2026.xlsx")
        .sample("samples/riktade_statsbidrag_2020.xlsx")
        .param("comparison.region", "Halland")
        .param("action-plan.required", "325")
        .param("earmarked-grants.frame", "2600000")
}

/// The composite report of `kind` on `inputs`.
pub(crate) fn compute(kind: Kind, meta: &PluginMeta, inputs: &Inputs, params: &Params) -> ComputeResult {
    let runs = run_parts(&inputs.datasets, params);
    if runs.iter().all(|r| r.feed.tables.is_empty()) {
        let needed = inputs_needed();
        return Err(PluginError::MissingInput { plugin: meta.name_sv.clone(), needed });
    }
    let months = params.integer(MONTHS).and_then(|m| u32::try_from(m).ok()).or_else(|| months_of(&runs));
    let check = period::check(kind, months);
    let mut builder = ReportBuilder::new(meta, kind.title());
    describe(&mut builder, &runs);
    builder.section(summary::section(check.sentence.clone(), &runs));
    builder.sections(chapter_sections(&runs, params));
    builder.section(sources::section(&runs, &inputs.datasets));
    gather(&mut builder, &runs);
    builder.diagnostics(check.warning);
    builder.diagnostics(forecast_missing(kind, &runs));
    let mut report = builder.finish();
    report.parameters = parameters(params, &runs);
    Ok(report)
}

/// For an interim report whose balance requirement has no forecast column: the note that the
/// forecast of the balanskravsresultat, which the interim report should give, is missing.
fn forecast_missing(kind: Kind, runs: &[PartRun<'_>]) -> Option<Diagnostic> {
    let balance = runs.iter().find(|r| r.part.id == "balance-requirement")?.report()?;
    let has_forecast = balance.key_figures().any(|k| k.label.contains("(prognos)"));
    (kind == Kind::Interim && !has_forecast).then(|| {
        Diagnostic::info(
            "Balanskrav: balanskravsutredningen har ingen prognoskolumn för året (t.ex. 'Prognos 2024'), så \
             delårsrapportens prognos för årets balanskravsresultat saknas. Lägg till kolumnen i filen.",
        )
    })
}

fn inputs_needed() -> String {
    inputs().first().map(|s| s.description_sv.clone()).unwrap_or_default()
}

/// The period's last month, from the first part whose period names one (the economy first).
fn months_of(runs: &[PartRun<'_>]) -> Option<u32> {
    runs.iter().filter_map(|r| r.report()?.period.as_deref()).find_map(months_in_text)
}

/// Period, organisation and subtitle from the parts, the economy's first.
fn describe(builder: &mut ReportBuilder, runs: &[PartRun<'_>]) {
    let reports = || runs.iter().filter_map(PartRun::report);
    let period = reports().find_map(|r| r.period.clone());
    let organisation = reports().find_map(|r| r.organisation.clone());
    let subtitle = [period.clone(), organisation.clone()].into_iter().flatten().collect::<Vec<_>>().join(" – ");
    if let Some(p) = period {
        builder.period(p);
    }
    if let Some(o) = organisation {
        builder.organisation(o);
    }
    if !subtitle.is_empty() {
        builder.subtitle(subtitle);
    }
}

/// The chapters, god ekonomisk hushållning after the balance requirement.
fn chapter_sections(runs: &[PartRun<'_>], params: &Params) -> Vec<Section> {
    chapters::CHAPTERS
        .iter()
        .map(|chapter| {
            let mut section = chapters::section(chapter, runs);
            if chapter.id == "balanskrav" {
                section.blocks.extend(stewardship::blocks(runs, params));
            }
            section
        })
        .collect()
}

/// The parts' inputs, credits, chart readings, sources and diagnostics, each once.
fn gather(builder: &mut ReportBuilder, runs: &[PartRun<'_>]) {
    for run in runs {
        let Some(report) = run.report() else { continue };
        for input in &report.inputs {
            if !builder.report_mut().inputs.contains(input) {
                builder.report_mut().inputs.push(input.clone());
            }
        }
        for credit in &report.credits {
            builder.credit(credit.clone());
        }
        for reading in &report.chart_semantics {
            builder.chart_reading(ChartSemantics {
                chart: chapters::scoped_id(run.part.id, &reading.chart),
                ..reading.clone()
            });
        }
        for block in report.sections.iter().filter(|s| s.id == "kallor").flat_map(|s| &s.blocks) {
            if let Block::Provenance { notes } = block {
                notes.iter().cloned().for_each(|n| {
                    builder.note(n);
                });
            }
        }
        builder.diagnostics(report.diagnostics.iter().map(|d| in_part(run.part.name, d)));
    }
}

/// `diagnostic` with the part's name in front ("Ekonomi: …").
fn in_part(name: &str, diagnostic: &Diagnostic) -> Diagnostic {
    Diagnostic { message: format!("{name}: {}", diagnostic.message), ..diagnostic.clone() }
}

/// The composite's own parameters, then each part's as the part's report shows them.
fn parameters(values: &Params, runs: &[PartRun<'_>]) -> Vec<(String, String)> {
    let own: Vec<ParamSpec> = params().into_iter().filter(|s| s.key == MONTHS).collect();
    let mut shown = values.display(&own);
    for run in runs {
        if let Some(report) = run.report() {
            shown.extend(
                report.parameters.iter().map(|(label, value)| (format!("{}: {label}", run.part.name), value.clone())),
            );
        }
    }
    shown
}

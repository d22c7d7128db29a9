//! The built-in plugins use the plugin author's kit ([`uppfolj_plugin::kit`]) like any other
//! plugin; this module only gathers its parts under one name for them.

use uppfolj_plugin::PluginMeta;
pub(crate) use uppfolj_plugin::kit::vocab::{
    is_annual_header, is_period_header, is_subtotal_label, months_in_text, norm, period_text, year_in,
};
pub(crate) use uppfolj_plugin::kit::{
    amount, amount_col, cell_at, column_year, convert, decimals_for, diff, label_column, num_at, percent_col,
    provenance, row_is_total, signed_amount, status_col, sum_present, table_section, text_at, text_col, unit_of,
    warn_at,
};
use uppfolj_plugin::model::dataset::Dataset;
use uppfolj_plugin::model::report::{Block, Diagnostic, ProvenanceNote, Report, Section};

// Transitional: the plugins move to `ReportBuilder`, which replaces these two.

/// A new report of the plugin `meta` titled `title`, computed from `ds` alone.
pub(crate) fn new_report(meta: &PluginMeta, title: &str, ds: &Dataset) -> Report {
    let mut report = Report::new(meta.report_ref(), title);
    report.subtitle = (!ds.title.trim().is_empty()).then(|| ds.title.trim().to_owned());
    report.inputs = vec![ds.source.clone()];
    report
}

/// Completes `report`: `sections` in order, then the "Källor" section with the provenance
/// `notes`, then the diagnostics `diags`, each once.
pub(crate) fn finish(report: &mut Report, sections: Vec<Section>, notes: Vec<ProvenanceNote>, diags: Vec<Diagnostic>) {
    report.sections.extend(sections);
    let mut sources = Section::new("kallor", "Källor");
    sources.blocks.push(Block::Provenance { notes });
    report.sections.push(sources);
    for d in diags {
        uppfolj_plugin::push_diagnostic(report, d);
    }
}

//! The Swedish sentences of the earmarked-grants report: the overview's paragraphs and the
//! messages about the file.

use super::compute::{Figures, Use};
use uppfolj_plugin::kit::amount;
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::unit::Unit;

/// The file names no unit.
pub(super) const NO_UNIT: &str =
    "Filen anger ingen enhet för beloppen (t.ex. 'Belopp i kr' eller 'Beviljat (tkr)'); beloppen visas som de står.";

/// The file has no used column.
pub(super) const NO_USED_COLUMN: &str = "Filen har ingen kolumn för förbrukat belopp ('Förbrukat', 'Nyttjat' eller 'Använt'); \
     rapporten visar bara det beviljade.";

/// A row without an allocation.
pub(super) fn missing_allocation(label: &str) -> String {
    format!("'{label}' saknar beviljat belopp; raden visas men räknas inte in i det beviljade.")
}

/// What a total row states, for the reconciliation: "Summaraden 'Summa', beviljat".
pub(super) fn total_row_what(label: &str, what: &str) -> String {
    format!("Summaraden '{label}', {what}")
}

/// What the report does when a total row differs from the grants' sum.
pub(super) const TOTAL_ROW_THEN: &str = "Rapporten använder radernas summa.";

/// A grant used beyond its allocation, as a warning at the cell.
pub(super) fn overdrawn_warning(label: &str, allocated: f64, used: f64, unit: &Unit) -> String {
    format!(
        "'{label}' har förbrukat {} av beviljade {}: {} mer än beviljat. Överskridandet belastar ordinarie \
             budget om inget annat beslutas.",
        amount(used, unit),
        amount(allocated, unit),
        amount(used - allocated, unit)
    )
}

/// The allocations do not sum to the decided frame.
pub(super) fn frame_differs(allocated: f64, frame: f64, unit: &Unit) -> String {
    let verb = if allocated > frame { "överstiger" } else { "understiger" };
    format!(
        "Summan av det beviljade, {}, {verb} den beslutade ramen {} med {}. Kontrollera fördelningen mot beslutet.",
        amount(allocated, unit),
        amount(frame, unit),
        amount((allocated - frame).abs(), unit)
    )
}

/// The overview's paragraphs: what is used of the total, the grants used beyond their
/// allocation, those used slowly, and (when the file says) how many must report back.
pub(super) fn overview(figures: &Figures, unit: &Unit, has_report_back: bool) -> Vec<String> {
    let mut sentences = Vec::new();
    if let (Some(a), Some(u)) = (figures.allocated, figures.used) {
        sentences.push(format!(
            "Av beviljade {} har {} förbrukats ({}); {} återstår.",
            amount(a, unit),
            amount(u, unit),
            if a != 0.0 { format::percent(100.0 * u / a, 0) } else { "–".into() },
            amount(a - u, unit)
        ));
    }
    for g in figures.grants_with(Use::Overdrawn) {
        if let (Some(a), Some(u)) = (g.allocated, g.used) {
            sentences.push(format!(
                "{} har förbrukat {} mer än beviljat ({} av {}).",
                g.label,
                amount(u - a, unit),
                amount(u, unit),
                amount(a, unit)
            ));
        }
    }
    let low = figures.grants_with(Use::Low);
    if !low.is_empty() {
        sentences.push(format!(
            "Förbrukat mindre än {} av det beviljade: {}.",
            format::percent(figures.low_use, 0),
            low.iter().map(|g| g.label.as_str()).collect::<Vec<_>>().join("; ")
        ));
    }
    if has_report_back {
        sentences.push(format!(
            "{} av {} projekt ska återredovisas.",
            figures.reporting_back().len(),
            figures.grants.len()
        ));
    }
    sentences
}

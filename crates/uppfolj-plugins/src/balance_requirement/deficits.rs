//! The balanskravsresultat of each year and the deficits it leaves to restore: negative results
//! are carried and netted against later surpluses (and synnerliga skäl), oldest first, and must be
//! restored within three years. Synnerliga skäl count once: in årets balanskravsresultat or when
//! the deficit to restore is decided, as the file's order of rows says ([`SpecialReading`]).

use super::lines::Line;
use super::order::SpecialReading;
use super::read::{Sheet, Year};
use super::reconcile;
use uppfolj_plugin::kit::amount;
use uppfolj_plugin::model::report::Diagnostic;
use uppfolj_plugin::model::unit::Unit;

/// The years within which a deficit must be restored, after the year it arose.
pub(super) const RESTORE_WITHIN: i32 = 3;

/// One year of the computation.
#[derive(Debug, Clone)]
pub(super) struct YearFigures<'a> {
    /// The year as the file gives it.
    pub read: &'a Year,
    /// Årets resultat efter balanskravsjusteringar.
    pub after_adjustments: f64,
    /// Årets balanskravsresultat.
    pub balance_result: f64,
    /// To restore at the start of the year.
    pub opening: f64,
    /// Restored during the year.
    pub restored: f64,
    /// Synnerliga skäl, positive.
    pub special: f64,
    /// To restore at the end of the year.
    pub closing: f64,
}

impl YearFigures<'_> {
    /// The year.
    pub(super) fn year(&self) -> i32 {
        self.read.year
    }

    /// The year as the report writes it: "2024", or "2024 (prognos)" for a forecast column.
    pub(super) fn label(&self) -> String {
        if self.read.forecast { format!("{} (prognos)", self.read.year) } else { self.read.year.to_string() }
    }
}

/// A deficit still to restore.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Deficit {
    /// The year it arose; `None` for the one carried from before the file (`opening_deficit`).
    pub origin: Option<i32>,
    /// What remains of it.
    pub remaining: f64,
}

impl Deficit {
    /// The last year by which it must be restored.
    pub(super) fn deadline(&self) -> Option<i32> {
        self.origin.map(|o| o + RESTORE_WITHIN)
    }
}

/// The years' figures and the deficits left after the last year, oldest first.
#[derive(Debug)]
pub(super) struct Restoring<'a> {
    pub years: Vec<YearFigures<'a>>,
    pub deficits: Vec<Deficit>,
    /// Where synnerliga skäl were counted; `None` when the file has no row for them.
    pub reading: Option<SpecialReading>,
}

/// Computes every year of `sheet`, starting from `opening_deficit` carried from before the file,
/// counting synnerliga skäl as `reading` says, and pushes to `diags` where the file's own results
/// disagree and which deficits are overdue.
pub(super) fn restore<'a>(
    sheet: &'a Sheet<'_>,
    reading: Option<SpecialReading>,
    opening_deficit: Option<f64>,
    diags: &mut Vec<Diagnostic>,
) -> Restoring<'a> {
    let in_result = SpecialReading::in_result(reading);
    let mut deficits: Vec<Deficit> = Vec::new();
    if let Some(d) = opening_deficit.filter(|d| *d > 0.0) {
        deficits.push(Deficit { origin: None, remaining: d });
    }
    let mut years = Vec::with_capacity(sheet.years.len());
    for y in &sheet.years {
        let (after_adjustments, balance_result) = balance_result(y, in_result);
        let mut figures = YearFigures {
            read: y,
            after_adjustments,
            balance_result,
            opening: deficits.iter().map(|d| d.remaining).sum(),
            restored: 0.0,
            special: y.get(Line::Special).map_or(0.0, f64::abs),
            closing: 0.0,
        };
        carry(&mut figures, &mut deficits, in_result);
        diags.extend(reconcile::stated_results(&figures, sheet, reading));
        overdue(y.year, &deficits, &sheet.unit, diags);
        years.push(figures);
    }
    Restoring { years, deficits, reading }
}

/// Årets resultat efter balanskravsjusteringar and årets balanskravsresultat: the adjustments
/// and the reserve transfers with the sign of their meaning, and synnerliga skäl when the file
/// counts them `in_result`.
fn balance_result(y: &Year, in_result: bool) -> (f64, f64) {
    let after_adjustments: f64 = Line::ADJUSTMENTS.iter().map(|(l, s)| y.signed(*l, *s)).sum();
    let mut balance_result = Line::RESERVES.iter().fold(after_adjustments, |acc, (l, s)| acc + y.signed(*l, *s));
    if in_result {
        balance_result += y.signed(Line::Special, 1.0);
    }
    // Sums of one-decimal amounts: 0,1 + 0,2 is not 0,3 in binary; round off the dust.
    (clean(after_adjustments), clean(balance_result))
}

/// Restores the oldest deficits first from the year's surplus and synnerliga skäl (unless they
/// are already `in_result`), then carries the year's own deficit.
fn carry(figures: &mut YearFigures<'_>, deficits: &mut Vec<Deficit>, in_result: bool) {
    let special = if in_result { 0.0 } else { figures.special };
    let mut surplus = figures.balance_result.max(0.0) + special;
    for d in deficits.iter_mut() {
        let take = surplus.min(d.remaining);
        d.remaining -= take;
        surplus -= take;
        figures.restored += take;
    }
    deficits.retain(|d| d.remaining > 1e-6);
    if figures.balance_result < 0.0 {
        let new = (-figures.balance_result - surplus).max(0.0);
        if new > 1e-6 {
            deficits.push(Deficit { origin: Some(figures.year()), remaining: new });
        }
    }
    figures.closing = clean(deficits.iter().map(|d| d.remaining).sum());
}

/// Warnings for the deficits not restored by their deadline, at the end of `year`.
fn overdue(year: i32, deficits: &[Deficit], unit: &Unit, diags: &mut Vec<Diagnostic>) {
    for d in deficits {
        if let (Some(origin), Some(deadline)) = (d.origin, d.deadline().filter(|last| year >= *last)) {
            diags.push(Diagnostic::warning(format!(
                "Underskottet från {origin} ({} kvar) skulle ha återställts senast {deadline}; det är inte återställt \
                 {year}.",
                amount(d.remaining, unit),
            )));
        }
    }
}

/// `v` rounded to 9 decimals, so that float dust does not create a deficit of 0,000000000001.
pub(super) fn clean(v: f64) -> f64 {
    let r = (v * 1e9).round() / 1e9;
    if r == 0.0 { 0.0 } else { r }
}

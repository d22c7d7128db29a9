//! The balanskravsresultat of each year and the deficits it leaves to restore: negative results
//! are carried and netted against later surpluses (and synnerliga skäl), oldest first, and must be
//! restored within three years.

use super::lines::Line;
use super::read::{Sheet, Year};
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
}

/// Computes every year of `sheet`, starting from `opening_deficit` carried from before the file,
/// and pushes to `diags` where the file's own sums disagree and which deficits are overdue.
pub(super) fn restore<'a>(
    sheet: &'a Sheet<'_>,
    opening_deficit: Option<f64>,
    diags: &mut Vec<Diagnostic>,
) -> Restoring<'a> {
    let mut deficits: Vec<Deficit> = Vec::new();
    if let Some(d) = opening_deficit.filter(|d| *d > 0.0) {
        deficits.push(Deficit { origin: None, remaining: d });
    }
    let mut years = Vec::with_capacity(sheet.years.len());
    for y in &sheet.years {
        let (after_adjustments, balance_result) = balance_result(y);
        let mut figures = YearFigures {
            read: y,
            after_adjustments,
            balance_result,
            opening: deficits.iter().map(|d| d.remaining).sum(),
            restored: 0.0,
            special: y.get(Line::Special).map_or(0.0, f64::abs),
            closing: 0.0,
        };
        carry(&mut figures, &mut deficits);
        check_file_sums(&figures, sheet, diags);
        overdue(y.year, &deficits, &sheet.unit, diags);
        years.push(figures);
    }
    Restoring { years, deficits }
}

/// Årets resultat efter balanskravsjusteringar and årets balanskravsresultat: the adjustments
/// and the reserve transfers with the sign of their meaning.
fn balance_result(y: &Year) -> (f64, f64) {
    let after_adjustments: f64 = Line::ADJUSTMENTS.iter().map(|(l, s)| y.signed(*l, *s)).sum();
    let balance_result = Line::RESERVES.iter().fold(after_adjustments, |acc, (l, s)| acc + y.signed(*l, *s));
    // Sums of one-decimal amounts: 0,1 + 0,2 is not 0,3 in binary; round off the dust.
    (clean(after_adjustments), clean(balance_result))
}

/// Restores the oldest deficits first from the year's surplus and synnerliga skäl, then carries
/// the year's own deficit.
fn carry(figures: &mut YearFigures<'_>, deficits: &mut Vec<Deficit>) {
    let mut surplus = figures.balance_result.max(0.0) + figures.special;
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

/// Warnings where the file's own rows "Årets resultat efter balanskravsjusteringar", "Årets
/// balanskravsresultat" and "Balanskravsresultat att återställa" disagree with the computation.
fn check_file_sums(figures: &YearFigures<'_>, sheet: &Sheet<'_>, diags: &mut Vec<Diagnostic>) {
    let (y, unit) = (figures.read, &sheet.unit);
    for (line, computed) in
        [(Line::AfterAdjustments, figures.after_adjustments), (Line::BalanceResult, figures.balance_result)]
    {
        if let Some((v, at)) = y.first(line)
            && (v - computed).abs() > 0.05
        {
            diags.push(
                Diagnostic::warning(format!(
                    "{}: filen anger {} {} men raderna ger {}. Rapporten använder den beräknade summan.",
                    y.year,
                    line.title(sheet.reserve_name).to_lowercase(),
                    amount(v, unit),
                    amount(computed, unit)
                ))
                .at(&sheet.ds.source, at),
            );
        }
    }
    if let Some((v, at)) = y.first(Line::ToRestore)
        && (v.abs() - figures.closing).abs() > 0.05
    {
        diags.push(
            Diagnostic::warning(format!(
                "{}: filen anger balanskravsresultat att återställa {} men beräkningen ger {}.",
                y.year,
                amount(v.abs(), unit),
                amount(figures.closing, unit)
            ))
            .at(&sheet.ds.source, at),
        );
    }
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

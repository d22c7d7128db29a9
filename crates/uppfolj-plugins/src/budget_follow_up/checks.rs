//! Checking the file: its subtotals and total rows against the lines they sum (with the likely
//! reason of a difference, through the kit's reconciliation), lines missing a budget, an outcome
//! or a forecast, and the file's own deviation column against the computed one.

use super::amounts::{Amounts, DIFFERENCE, Field};
use super::compute::Derived;
use super::diagnostics::{Diagnostics, LineIssue};
use super::read::{Cols, FileTotal, Line, LineKind, Names};
use super::settings::{ForecastMode, OutputUnit, Settings};
use uppfolj_plugin::kit::reconcile::{Check, Suspect};
use uppfolj_plugin::kit::{amount, cell_at, num_at, warn_at};
use uppfolj_plugin::model::dataset::Dataset;
use uppfolj_plugin::model::report::Diagnostic;

/// What the checks read: the file, its columns and headers, and the report's unit.
#[derive(Debug, Clone, Copy)]
pub(super) struct Checks<'a> {
    pub ds: &'a Dataset,
    pub cols: &'a Cols,
    pub names: &'a Names,
    pub unit: &'a OutputUnit,
}

impl Checks<'_> {
    /// Each subtotal's figures in the file against the sum of the lines under it, with the likely
    /// reason of a difference: rounding, or a line next to it that the file's subtotal seems to
    /// include (or one of its lines it seems to leave out).
    pub fn subtotals(&self, lines: &[Line], subtotals: &[usize], diags: &mut Diagnostics) {
        let (ds, unit) = (self.ds, &self.unit.unit);
        for &s in subtotals {
            let l = &lines[s];
            let (Some(&first), false) = (l.children.first(), l.children.is_empty()) else { continue };
            let neighbours = [first.checked_sub(1), Some(s + 1)].into_iter().flatten().filter(|&j| j < lines.len());
            let suspects: Vec<usize> = l.children.iter().copied().chain(neighbours).filter(|&j| j != s).collect();
            for d in l.file.differences(&l.amounts, self.names) {
                let terms: Vec<f64> = l.children.iter().filter_map(|&c| (d.field)(&lines[c].amounts)).collect();
                let check = Check::new(format!("Delsumman '{}', {}", l.label, d.what), d.own, d.other, unit)
                    .terms(&terms)
                    .tolerance(DIFFERENCE)
                    .suspects(self.suspects(lines, &suspects, d.field));
                let at = cell_at(ds, l.row, self.cols.label);
                if let Some(diagnostic) =
                    check.diagnostic(&ds.source, at, "Rapporten använder summan av raderna under den.")
                {
                    diags.line(LineIssue::SubtotalSum, || diagnostic);
                }
            }
        }
    }

    /// The file's total rows: recognised, not added, checked against `total`, the sum of the
    /// `top` lines, with the likely reason of a difference (rounding, or a line counted in one
    /// sum but not the other).
    pub fn file_totals(
        &self,
        totals: &[FileTotal],
        total: &Amounts,
        lines: &[Line],
        top: &[usize],
        diags: &mut Diagnostics,
    ) {
        let (ds, unit) = (self.ds, &self.unit.unit);
        if totals.is_empty() {
            diags.push(Diagnostic::info(
                "Filen har ingen summarad ('Summa' eller 'Totalt'); rapportens summa är summan av raderna.",
            ));
        }
        for FileTotal { row, label, amounts } in totals {
            let diffs = amounts.differences(total, self.names);
            let at = cell_at(ds, *row, self.cols.label);
            if diffs.is_empty() {
                diags.push(
                    Diagnostic::info(format!(
                        "Filens summarad '{label}' stämmer med summan av raderna och räknas inte två gånger."
                    ))
                    .at(&ds.source, at),
                );
            }
            let data: Vec<usize> = (0..lines.len()).filter(|&j| lines[j].kind == LineKind::Data).collect();
            for d in diffs {
                let terms: Vec<f64> = top.iter().filter_map(|&c| (d.field)(&lines[c].amounts)).collect();
                let check = Check::new(format!("Summaraden '{label}', {}", d.what), d.own, d.other, unit)
                    .terms(&terms)
                    .tolerance(DIFFERENCE)
                    .suspects(self.suspects(lines, &data, d.field));
                if let Some(diagnostic) = check.diagnostic(&ds.source, at, "Rapporten använder radernas summa.") {
                    diags.push(diagnostic);
                }
            }
        }
    }

    /// The lines `rows` as suspects of a difference in the amount `field` reads.
    fn suspects(&self, lines: &[Line], rows: &[usize], field: Field) -> Vec<Suspect> {
        rows.iter()
            .filter_map(|&j| {
                let l = &lines[j];
                (field)(&l.amounts)
                    .map(|v| Suspect::outside_sum(l.label.clone(), v, cell_at(self.ds, l.row, self.cols.label)))
            })
            .collect()
    }

    /// Lines without a budget, without an outcome, or without the forecast the file should give.
    pub fn missing_figures(&self, lines: &[Line], derived: &[Derived], settings: &Settings, diags: &mut Diagnostics) {
        let (ds, cols) = (self.ds, self.cols);
        for (l, d) in lines.iter().zip(derived).filter(|(l, _)| l.kind == LineKind::Data) {
            if d.budget.is_none() && l.amounts.outcome.is_some() {
                diags.line(LineIssue::MissingBudget, || {
                    warn_at(
                        ds,
                        cell_at(ds, l.row, cols.period_budget.or(cols.annual)),
                        format!(
                            "'{}' saknar budget. Raden visas med sitt utfall men utan avvikelse; i summan räknas hela \
                             utfallet som avvikelse mot budget. Fyll i budgeten (0 om raden ska ha noll i budget).",
                            l.label
                        ),
                    )
                });
            } else if l.amounts.outcome.is_none() && d.budget.is_some() {
                diags.line(LineIssue::MissingOutcome, || {
                    warn_at(
                        ds,
                        cell_at(ds, l.row, cols.outcome),
                        format!("'{}' saknar utfall. Raden visas med sin budget men utan avvikelse.", l.label),
                    )
                });
            }
            if settings.forecast == ForecastMode::Given && l.amounts.forecast.is_none() && l.amounts.outcome.is_some() {
                diags.line(LineIssue::MissingForecast, || {
                    warn_at(
                        ds,
                        cell_at(ds, l.row, cols.forecast),
                        format!("'{}' saknar helårsprognos i filen.", l.label),
                    )
                });
            }
        }
    }

    /// The file's own deviation column against the computed deviation: reversed signs (the other
    /// convention) in one warning, other differences line by line.
    pub fn file_deviation(&self, lines: &[Line], derived: &[Derived], settings: &Settings, diags: &mut Diagnostics) {
        let ds = self.ds;
        let Some(dev_col) = self.cols.deviation else { return };
        let mut same = 0;
        let mut reversed = 0;
        let mut other = Vec::new();
        for (l, d) in lines.iter().zip(derived).filter(|(l, _)| l.kind == LineKind::Data) {
            let (Some(file_dev), Some(dev)) =
                (num_at(ds, l.row, Some(dev_col)).map(|v| self.unit.convert(v)), d.deviation)
            else {
                continue;
            };
            if (file_dev - dev).abs() <= 0.5 {
                same += 1;
            } else if (file_dev + dev).abs() <= 0.5 {
                reversed += 1;
            } else {
                other.push((l, file_dev, dev));
            }
        }
        if reversed > 0 && same == 0 {
            diags.push(
                Diagnostic::warning(format!(
                    "Filens avvikelsekolumn har motsatt tecken mot rapportens ({reversed} rader). Rapporten räknar med {}; \
                 välj Teckenkonvention om filen använder den andra konventionen.",
                    settings.sign.label()
                ))
                .at(&ds.source, None),
            );
        }
        for (l, file_dev, dev) in other {
            diags.line(LineIssue::FileDeviation, || {
                warn_at(
                    ds,
                    cell_at(ds, l.row, Some(dev_col)),
                    format!(
                        "'{}': filens avvikelse {} stämmer inte med utfall och budget ({}).",
                        l.label,
                        amount(file_dev, &settings.unit),
                        amount(dev, &settings.unit)
                    ),
                )
            });
        }
    }
}

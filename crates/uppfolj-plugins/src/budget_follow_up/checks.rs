//! Checking the file: its subtotals and total rows against the lines they sum, lines missing a
//! budget, an outcome or a forecast, and the file's own deviation column against the computed one.

use super::amounts::Amounts;
use super::compute::Derived;
use super::diagnostics::{Diagnostics, LineIssue};
use super::read::{Cols, FileTotal, Line, LineKind, Names};
use super::settings::{ForecastMode, OutputUnit, Settings};
use uppfolj_plugin::kit::{amount, cell_at, num_at, signed_amount, warn_at};
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
    /// Each subtotal's figures in the file against the sum of the lines under it.
    pub fn subtotals(&self, lines: &[Line], subtotals: &[usize], diags: &mut Diagnostics) {
        let (ds, unit) = (self.ds, &self.unit.unit);
        for &s in subtotals {
            let l = &lines[s];
            if l.children.is_empty() {
                continue;
            }
            for (what, file_v, sum_v) in l.file.differences(&l.amounts, self.names) {
                diags.line(LineIssue::SubtotalSum, || {
                    warn_at(
                        ds,
                        cell_at(ds, l.row, self.cols.label),
                        format!(
                            "Delsumman '{}' anger {what} {} men raderna under den summerar till {} (skillnad {}). \
                             Rapporten använder radernas summa; kontrollera filen.",
                            l.label,
                            amount(file_v, unit),
                            amount(sum_v, unit),
                            signed_amount(file_v - sum_v, unit)
                        ),
                    )
                });
            }
        }
    }

    /// The file's total rows: recognised, not added, checked against `total`, the lines' sum.
    pub fn file_totals(&self, totals: &[FileTotal], total: &Amounts, diags: &mut Diagnostics) {
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
            for (what, file_v, sum_v) in diffs {
                diags.push(warn_at(
                    ds,
                    at,
                    format!(
                        "Summaraden '{label}' anger {what} {} men raderna summerar till {} (skillnad {}). \
                         Rapporten använder radernas summa; kontrollera filens summarad.",
                        amount(file_v, unit),
                        amount(sum_v, unit),
                        signed_amount(file_v - sum_v, unit)
                    ),
                ));
            }
        }
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

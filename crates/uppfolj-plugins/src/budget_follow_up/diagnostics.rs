//! The report's diagnostics in the order they are found, with at most
//! [`LINE_DIAGNOSTICS_MAX`] of each kind about single lines: a large file with an issue on every
//! line gets a readable list, the rest counted in one diagnostic per kind.

use super::text::rows_text;
use uppfolj_plugin::model::dataset::Dataset;
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::Diagnostic;

/// At most this many diagnostics of one kind about single lines; the rest are counted in one.
pub(super) const LINE_DIAGNOSTICS_MAX: usize = 10;

/// A kind of diagnostic given per line.
#[derive(Debug, Clone, Copy)]
pub(super) enum LineIssue {
    SubtotalSum,
    MissingBudget,
    MissingOutcome,
    MissingForecast,
    FileDeviation,
}

impl LineIssue {
    const ALL: [LineIssue; 5] = [
        LineIssue::SubtotalSum,
        LineIssue::MissingBudget,
        LineIssue::MissingOutcome,
        LineIssue::MissingForecast,
        LineIssue::FileDeviation,
    ];

    /// The one diagnostic standing for the `n` diagnostics of this kind not given.
    fn rest(self, n: usize) -> String {
        let count = format::number(n as f64, 0);
        match self {
            LineIssue::SubtotalSum => format!(
                "Ytterligare {count} belopp i filens delsummor stämmer inte med raderna under dem. Rapporten använder \
                 radernas summor; kontrollera filen."
            ),
            LineIssue::MissingBudget => format!(
                "Ytterligare {} saknar budget och visas utan avvikelse (se tabellen). Fyll i budgeten (0 om raden ska \
                 ha noll i budget).",
                rows_text(n)
            ),
            LineIssue::MissingOutcome => {
                format!("Ytterligare {} saknar utfall och visas utan avvikelse (se tabellen).", rows_text(n))
            }
            LineIssue::MissingForecast => format!("Ytterligare {} saknar helårsprognos i filen.", rows_text(n)),
            LineIssue::FileDeviation => {
                format!("Ytterligare {count} avvikelser i filens avvikelsekolumn stämmer inte med utfall och budget.")
            }
        }
    }
}

/// The diagnostics of one run, in the order they were found.
#[derive(Debug, Default)]
pub(super) struct Diagnostics {
    list: Vec<Diagnostic>,
    given: [usize; LineIssue::ALL.len()],
    left_out: [usize; LineIssue::ALL.len()],
}

impl Diagnostics {
    /// Adds a diagnostic about the file or the run.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.list.push(diagnostic);
    }

    /// Adds the diagnostic `make` builds about a single line, unless enough of its kind were
    /// given already (then it is only counted).
    pub fn line(&mut self, issue: LineIssue, make: impl FnOnce() -> Diagnostic) {
        let k = issue as usize;
        if self.given[k] < LINE_DIAGNOSTICS_MAX {
            self.given[k] += 1;
            self.list.push(make());
        } else {
            self.left_out[k] += 1;
        }
    }

    /// The diagnostics, then one per kind for the line diagnostics left out.
    pub fn finish(mut self, ds: &Dataset) -> Vec<Diagnostic> {
        for issue in LineIssue::ALL {
            let n = self.left_out[issue as usize];
            if n > 0 {
                self.list.push(Diagnostic::warning(issue.rest(n)).at(&ds.source, None));
            }
        }
        self.list
    }
}

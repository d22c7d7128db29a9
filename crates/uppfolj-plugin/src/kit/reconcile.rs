//! Reconciling a result the file states itself (a "Summa", a "Delsumma", "Årets
//! balanskravsresultat", "Balanskravsresultat att återställa") with the figure the plugin
//! computed: whether they differ, the likely reason, and one Swedish diagnostic at the file's
//! cell that gives both numbers and the reason.
//!
//! The likely reason is decided in this order:
//! 1. **rounding**: the difference is at most half a unit of the precision the amounts are
//!    written with, once per amount summed ([`sums::within_rounding`]);
//! 2. **a row**: the difference equals the amount of one [`Suspect`] — a row the plugin did not
//!    recognise, a row its sum does not cover, or an adjustment the file applies in the other
//!    order (such as synnerliga skäl before or after "Årets balanskravsresultat");
//! 3. otherwise the reason is unknown, and the diagnostic says what to check.
//!
//! ```
//! use uppfolj_plugin::kit::reconcile::{Check, Reason, Suspect};
//! use uppfolj_plugin::model::unit::Unit;
//!
//! let check = Check::new("Summaraden 'Summa', utfall", -380.0, -350.0, &Unit::Tkr)
//!     .terms(&[-100.0, -120.0, -130.0])
//!     .suspect(Suspect::unrecognised("Övrigt", -30.0, None));
//! assert!(matches!(check.reason(), Some(Reason::Row(s)) if s.label == "Övrigt"));
//! ```

use super::amounts::{amount, signed_amount};
use uppfolj_model::dataset::{CellRef, SourceFile};
use uppfolj_model::report::Diagnostic;
use uppfolj_model::sums;
use uppfolj_model::unit::Unit;

/// Why a row could explain a difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuspectKind {
    /// A row with amounts the plugin did not recognise and left out.
    Unrecognised,
    /// A row the file's sum seems to include but the computed one does not cover (or the other
    /// way round).
    OutsideSum,
    /// An adjustment the file applies at another point than the computation does.
    OtherOrder,
}

/// A row or an adjustment whose amount could explain a difference.
#[derive(Debug, Clone, PartialEq)]
pub struct Suspect {
    /// The row text as the file writes it, or the adjustment's name ("synnerliga skäl").
    pub label: String,
    /// Its amount; a difference of the same size, either sign, points to it.
    pub value: f64,
    /// Its cell, when it is a row of the file.
    pub at: Option<CellRef>,
    /// Why it could explain the difference.
    pub kind: SuspectKind,
}

impl Suspect {
    /// A row the plugin did not recognise.
    pub fn unrecognised(label: impl Into<String>, value: f64, at: Option<CellRef>) -> Self {
        Suspect { label: label.into(), value, at, kind: SuspectKind::Unrecognised }
    }

    /// A row outside the computed sum.
    pub fn outside_sum(label: impl Into<String>, value: f64, at: Option<CellRef>) -> Self {
        Suspect { label: label.into(), value, at, kind: SuspectKind::OutsideSum }
    }

    /// An adjustment applied in the other order; `label` names it in running text.
    pub fn other_order(label: impl Into<String>, value: f64) -> Self {
        Suspect { label: label.into(), value, at: None, kind: SuspectKind::OtherOrder }
    }
}

/// The likely reason a stated and a computed figure differ.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason<'a> {
    /// Within the rounding of the amounts summed.
    Rounding,
    /// The difference is this row's or adjustment's amount.
    Row(&'a Suspect),
    /// Neither.
    Unknown,
}

/// A figure the file states, against the one computed.
#[derive(Debug, Clone)]
pub struct Check<'a> {
    what: String,
    stated: f64,
    computed: f64,
    unit: &'a Unit,
    terms: Vec<f64>,
    suspects: Vec<Suspect>,
    tolerance: f64,
}

impl<'a> Check<'a> {
    /// `what` names the figure with its row and year ("2023: årets balanskravsresultat");
    /// `stated` is the file's, `computed` the plugin's, both in `unit`.
    pub fn new(what: impl Into<String>, stated: f64, computed: f64, unit: &'a Unit) -> Self {
        Check { what: what.into(), stated, computed, unit, terms: Vec::new(), suspects: Vec::new(), tolerance: 0.0 }
    }

    /// The amounts summed into the computed figure, as the file writes them: their precision and
    /// number decide what rounding explains.
    pub fn terms(mut self, terms: &[f64]) -> Self {
        self.terms = terms.to_vec();
        self
    }

    /// A row or adjustment that could explain a difference; the first that fits is named.
    pub fn suspect(mut self, suspect: Suspect) -> Self {
        self.suspects.push(suspect);
        self
    }

    /// Several suspects.
    pub fn suspects(mut self, suspects: impl IntoIterator<Item = Suspect>) -> Self {
        self.suspects.extend(suspects);
        self
    }

    /// A difference at or below `tolerance` counts as none (a plugin's existing threshold).
    pub fn tolerance(mut self, tolerance: f64) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// Whether the figures differ (by more than float dust and the tolerance).
    pub fn differs(&self) -> bool {
        let diff = (self.stated - self.computed).abs();
        diff > self.tolerance && !sums::same_amount(self.stated, self.computed)
    }

    /// The likely reason of a difference; `None` when they agree.
    pub fn reason(&self) -> Option<Reason<'_>> {
        if !self.differs() {
            return None;
        }
        if sums::within_rounding(self.stated, self.computed, &self.terms) {
            return Some(Reason::Rounding);
        }
        let diff = (self.stated - self.computed).abs();
        let fits = |s: &&Suspect| {
            let tolerance = sums::rounding_tolerance(s.value, &self.terms[..self.terms.len().min(1)]);
            s.value != 0.0 && (s.value.abs() - diff).abs() <= tolerance
        };
        Some(self.suspects.iter().find(fits).map_or(Reason::Unknown, Reason::Row))
    }

    /// The diagnostic for a difference, at the file's cell `at`, ending with `then` (what the
    /// report does about it, e.g. "Rapporten använder den beräknade summan."); `None` when the
    /// figures agree. A difference of rounding is information; any other a warning.
    pub fn diagnostic(&self, source: &SourceFile, at: Option<CellRef>, then: &str) -> Option<Diagnostic> {
        let reason = self.reason()?;
        let message = format!(
            "{}: filen anger {} men beräkningen ger {} (skillnad {}). {} {then}",
            self.what,
            amount(self.stated, self.unit),
            amount(self.computed, self.unit),
            signed_amount(self.stated - self.computed, self.unit),
            self.explain(&reason)
        );
        let diagnostic =
            if reason == Reason::Rounding { Diagnostic::info(message) } else { Diagnostic::warning(message) };
        Some(diagnostic.at(source, at))
    }

    /// The sentence giving the likely reason.
    fn explain(&self, reason: &Reason<'_>) -> String {
        match reason {
            Reason::Rounding => format!(
                "Trolig orsak: avrundning; skillnaden ryms i avrundningen av {} belopp.",
                self.terms.len().max(1)
            ),
            Reason::Row(s) => {
                let value = amount(s.value, self.unit);
                let cell = s.at.map(|c| format!(", cell {c}")).unwrap_or_default();
                match s.kind {
                    SuspectKind::Unrecognised => format!(
                        "Trolig orsak: raden '{}' ({value}{cell}), som inte känns igen och inte räknas med; \
                         skillnaden är lika stor.",
                        s.label
                    ),
                    SuspectKind::OutsideSum if (self.stated - self.computed) * s.value < 0.0 => format!(
                        "Trolig orsak: filens summa tar inte med raden '{}' ({value}{cell}), som beräkningen räknar \
                         med; skillnaden är lika stor.",
                        s.label
                    ),
                    SuspectKind::OutsideSum => format!(
                        "Trolig orsak: filens summa tar med raden '{}' ({value}{cell}), som beräkningen inte räknar in \
                         här; skillnaden är lika stor.",
                        s.label
                    ),
                    SuspectKind::OtherOrder => format!(
                        "Trolig orsak: filen räknar {} ({value}) i en annan ordning än beräkningen; skillnaden är \
                         lika stor.",
                        s.label
                    ),
                }
            }
            Reason::Unknown => "Skillnaden är varken avrundning eller lika stor som någon enskild rad; kontrollera \
                                filens rader och summor."
                .to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> SourceFile {
        SourceFile { file: "drift.xlsx".into(), sheet: Some("Blad1".into()) }
    }

    #[test]
    fn equal_figures_give_nothing() {
        let check = Check::new("Summa", 10.0, 10.0, &Unit::Tkr).terms(&[4.0, 6.0]);
        assert_eq!(check.reason(), None);
        assert!(check.diagnostic(&source(), None, "").is_none());
    }

    #[test]
    fn a_small_difference_is_rounding_and_only_information() {
        let check = Check::new("Summaraden 'Summa', budget", -81.0, -80.0, &Unit::Tkr).terms(&[-10.0, -20.0, -50.0]);
        assert_eq!(check.reason(), Some(Reason::Rounding));
        let d = check.diagnostic(&source(), Some(CellRef::new(13, 1)), "Rapporten använder radernas summa.");
        let d = d.expect("a difference");
        assert_eq!(d.severity, uppfolj_model::report::Severity::Info);
        assert_eq!(
            d.message,
            "Summaraden 'Summa', budget: filen anger −81 tkr men beräkningen ger −80 tkr (skillnad −1 tkr). Trolig \
             orsak: avrundning; skillnaden ryms i avrundningen av 3 belopp. Rapporten använder radernas summa."
        );
    }

    #[test]
    fn a_difference_the_size_of_a_row_names_the_row() {
        let check = Check::new("2023: årets balanskravsresultat", -500.5, -525.5, &Unit::Mnkr)
            .terms(&[-530.0, 4.5])
            .suspect(Suspect::unrecognised("Övrig justering", 7.0, None))
            .suspect(Suspect::other_order("synnerliga skäl", 25.0));
        let d = check.diagnostic(&source(), None, "").expect("a difference");
        assert_eq!(d.severity, uppfolj_model::report::Severity::Warning);
        assert!(d.message.contains("filen räknar synnerliga skäl (25,0 mnkr) i en annan ordning"), "{}", d.message);
    }

    #[test]
    fn a_row_outside_one_sum_says_which_sum_has_it() {
        let left_out = Check::new("Summa", -170.0, -185.0, &Unit::Tkr).suspect(Suspect::outside_sum("X", -15.0, None));
        let d = left_out.diagnostic(&source(), None, "").expect("a difference");
        assert!(d.message.contains("filens summa tar inte med raden 'X' (−15 tkr)"), "{}", d.message);
        let added = Check::new("Summa", -200.0, -185.0, &Unit::Tkr).suspect(Suspect::outside_sum("Y", -15.0, None));
        let d = added.diagnostic(&source(), None, "").expect("a difference");
        assert!(
            d.message.contains("filens summa tar med raden 'Y' (−15 tkr), som beräkningen inte räknar in"),
            "{}",
            d.message
        );
    }

    #[test]
    fn an_unexplained_difference_says_what_to_check() {
        let check = Check::new("Summa", 150.0, 100.0, &Unit::Tkr).terms(&[40.0, 60.0]);
        assert_eq!(check.reason(), Some(Reason::Unknown));
    }

    #[test]
    fn a_tolerance_keeps_a_plugins_threshold() {
        let check = Check::new("Summa", 100.4, 100.0, &Unit::Tkr).tolerance(0.5);
        assert!(!check.differs());
    }
}

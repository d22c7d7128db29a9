//! Which kind of report the period makes: the interim report checks the period against the law
//! (LKBR 13 kap.: a delårsrapport covers at least half and at most two thirds of the financial
//! year, so januari–juni to januari–augusti; januari–mars is allowed as an extra report), the
//! annual report warns when its economy covers part of the year only.

use super::Kind;
use uppfolj_plugin::kit::vocab::period_text;
use uppfolj_plugin::model::report::Diagnostic;

/// What the period makes of the report: a sentence for the summary, and a warning when the
/// period does not fit the kind of report.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PeriodCheck {
    /// The sentence ("Delårsrapport för januari–augusti: den lagstadgade delårsrapporten …").
    pub sentence: String,
    /// The warning, if the period does not fit.
    pub warning: Option<Diagnostic>,
}

/// The check of `months` (the period's last month; `None` when no file says) for `kind`.
pub(crate) fn check(kind: Kind, months: Option<u32>) -> PeriodCheck {
    match kind {
        Kind::Interim => interim(months),
        Kind::Annual => annual(months),
    }
}

fn interim(months: Option<u32>) -> PeriodCheck {
    let period = period_text(months);
    let ok = |sentence: String| PeriodCheck { sentence, warning: None };
    match months {
        Some(3) => ok(format!(
            "Delårsrapport för {period}: en frivillig rapport utöver den delårsrapport lagen kräver (minst hälften och \
             högst två tredjedelar av räkenskapsåret)."
        )),
        Some(6..=8) => ok(format!(
            "Delårsrapport för {period}: den delårsrapport lagen kräver (LKBR 13 kap.: minst hälften och högst två \
             tredjedelar av räkenskapsåret)."
        )),
        Some(12) => PeriodCheck {
            sentence: "Delårsrapport, men underlaget gäller hela året.".to_owned(),
            warning: Some(Diagnostic::warning(
                "Underlaget gäller hela året (januari–december). Välj rapporten Årsrapport för helåret.",
            )),
        },
        Some(m) => PeriodCheck {
            sentence: format!("Delårsrapport för {period}."),
            warning: Some(Diagnostic::warning(format!(
                "Perioden {period} ({m} månader) är varken januari–mars eller minst hälften och högst två tredjedelar \
                 av året (januari–juni till januari–augusti), som lagen kräver av en delårsrapport. Kontrollera \
                 periodens sista månad i inställningen 'Periodens sista månad'."
            ))),
        },
        None => PeriodCheck {
            sentence: "Delårsrapport; periodens längd framgår inte av filerna.".to_owned(),
            warning: Some(Diagnostic::info(
                "Periodens längd framgår inte av filerna, så rapporten kan inte pröva att den är en delårsrapport \
                 enligt lagen. Ange periodens sista månad i inställningen 'Periodens sista månad'.",
            )),
        },
    }
}

fn annual(months: Option<u32>) -> PeriodCheck {
    match months {
        Some(m) if m < 12 => {
            let period = period_text(Some(m));
            PeriodCheck {
                sentence: format!("Årsrapport, men ekonomin gäller {period}."),
                warning: Some(Diagnostic::warning(format!(
                    "Driftredovisningen gäller {period}, inte hela året: ekonomiavsnittet visar delårets siffror. Läs \
                     in årets bokslut, eller välj rapporten Delårsrapport."
                ))),
            }
        }
        _ => PeriodCheck { sentence: "Årsrapport för räkenskapsåret.".to_owned(), warning: None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_law_allows_half_to_two_thirds_of_the_year_and_january_to_march() {
        for m in [3, 6, 7, 8] {
            assert_eq!(check(Kind::Interim, Some(m)).warning, None, "{m}");
        }
        for m in [1, 2, 4, 5, 9, 10, 11, 12] {
            assert!(check(Kind::Interim, Some(m)).warning.is_some(), "{m}");
        }
        assert!(check(Kind::Interim, Some(8)).sentence.contains("januari–augusti"));
    }

    #[test]
    fn an_annual_report_on_part_of_the_year_says_so() {
        assert!(check(Kind::Annual, Some(8)).warning.is_some());
        assert_eq!(check(Kind::Annual, Some(12)).warning, None);
        assert_eq!(check(Kind::Annual, None).warning, None);
    }
}

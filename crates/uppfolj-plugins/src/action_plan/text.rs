//! The Swedish sentences of the action-plan report: the overview's paragraphs and the messages
//! about the file.

use super::compute::YearFigures;
use super::read::{Year, year_label};
use uppfolj_plugin::kit::amount;
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::unit::Unit;

/// The file names no unit.
pub(super) const NO_UNIT: &str = "Filen anger ingen enhet för effekterna (t.ex. 'Belopp i mnkr' eller 'Planerad effekt (mnkr)'); \
     beloppen visas som de står.";

/// No requirement was given (named by the setting's label, never its key).
pub(super) const NO_REQUIREMENT: &str = "Inget krav på kostnadsreducering angivet; rapporten visar planerat och realiserat utan \
     jämförelse mot kravet. Ange Krav på kostnadsreducering (t.ex. 325) för att jämföra.";

/// A measure without planned effect.
pub(super) fn missing_planned(label: &str) -> String {
    format!("Åtgärden '{label}' saknar planerad effekt; den visas men räknas inte in i det planerade.")
}

/// What a total row states, for the reconciliation: "Summaraden, planerad effekt 2025".
pub(super) fn total_row_what(year: Year) -> String {
    format!("Summaraden, planerad effekt {}", year_label(year))
}

/// What the report does when a total row differs from the measures' sum.
pub(super) const TOTAL_ROW_THEN: &str = "Rapporten använder åtgärdernas summa.";

/// A measure that has realised more than planned.
pub(super) fn realised_beyond_planned(label: &str, realised: f64, year: Year, planned: f64, unit: &Unit) -> String {
    format!(
        "'{label}' har realiserat {} {} mot planerade {}.",
        amount(realised, unit),
        year_label(year),
        amount(planned, unit)
    )
}

/// The overview's paragraphs about the year `f`: the requirement against the decided measures and
/// those under preparation, what is realised (when the file has realised effects), and the
/// measures `at_risk`.
pub(super) fn overview(f: &YearFigures, unit: &Unit, has_realised: bool, at_risk: &[&str]) -> Vec<String> {
    let yl = year_label(f.year);
    let mut sentences = vec![requirement(f, unit)];
    if has_realised && f.planned != 0.0 {
        sentences.push(format!(
            "Hittills har {} realiserats, {} av den planerade effekten för {yl}.",
            amount(f.realised, unit),
            format::percent(100.0 * f.realised / f.planned, 0)
        ));
    }
    if !at_risk.is_empty() {
        sentences.push(format!("Åtgärder med risk eller försening: {}.", at_risk.join("; ")));
    }
    sentences
}

/// "Kravet för 2024 är 325,0 mnkr. Beslutade åtgärder beräknas ge 175,0 mnkr; 150,0 mnkr saknar
/// ännu åtgärder." and what the measures under preparation would leave.
fn requirement(f: &YearFigures, unit: &Unit) -> String {
    let yl = year_label(f.year);
    let Some(r) = f.required else {
        return format!("Beslutade åtgärder beräknas ge {} under {yl}.", amount(f.planned, unit));
    };
    let gap = r - f.planned;
    let mut s =
        format!("Kravet för {yl} är {}. Beslutade åtgärder beräknas ge {}; ", amount(r, unit), amount(f.planned, unit));
    if gap > 0.0 {
        s.push_str(&format!("{} saknar ännu åtgärder.", amount(gap, unit)));
    } else {
        s.push_str(&format!("kravet är täckt med {} att gå på.", amount(-gap, unit)));
    }
    if f.in_preparation != 0.0 {
        s.push_str(&format!(
            " Ytterligare {} är under beredning; räknas de med återstår {}.",
            amount(f.in_preparation, unit),
            amount((gap - f.in_preparation).max(0.0), unit)
        ));
    }
    s
}

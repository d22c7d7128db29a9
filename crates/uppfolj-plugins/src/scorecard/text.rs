//! The Swedish sentences of the scorecard: the overview, the rules used, one sentence per
//! indicator, and the messages about the file.

use super::assess::{Assessment, Verdict};
use super::compute::Figures;
use super::direction::Direction;
use super::goals::{Counts, GoalRule};
use super::read::Indicator;
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::Trend;

/// A number as Swedes write it, with at most two decimals and no trailing zeros.
pub(super) fn num(v: f64) -> String {
    let decimals = (0..=2).find(|&d| ((v * 10f64.powi(d as i32)).round() - v * 10f64.powi(d as i32)).abs() < 1e-6);
    format::number(v, decimals.unwrap_or(2))
}

/// The value with the indicator's unit: "72 %", "34 371,1 kr/inv", "12".
fn with_unit(v: f64, ind: &Indicator, a: &Assessment) -> String {
    let percent = a.target.is_some_and(|t| t.percent);
    match ind.unit.trim() {
        "" if percent => format!("{} %", num(v)),
        "" => num(v),
        "%" | "procent" | "andel (%)" => format!("{} %", num(v)),
        "antal" | "st" | "index" => num(v),
        u => format!("{} {u}", num(v)),
    }
}

/// The counts as a list: "6 uppnådda, 2 delvis uppnådda och 3 ej uppnådda"; `singular` is the
/// word for one ("uppnådd" for an indikator, "uppnått" for a mål).
fn listed(c: &Counts, singular: &str) -> String {
    let word = |v: Verdict, n: usize| -> String {
        let met = if n == 1 { singular } else { "uppnådda" };
        match v {
            Verdict::Met => format!("{n} {met}"),
            Verdict::Partly => format!("{n} delvis {met}"),
            Verdict::NotMet => format!("{n} ej {met}"),
            Verdict::NoValue => format!("{n} saknar värde"),
            Verdict::NotAssessed => format!("{n} saknar bedömning"),
        }
    };
    let mut text = format!(
        "{}, {} och {}",
        word(Verdict::Met, c.met),
        word(Verdict::Partly, c.partly),
        word(Verdict::NotMet, c.not_met)
    );
    let missing: Vec<String> = [Verdict::NoValue, Verdict::NotAssessed]
        .iter()
        .filter(|v| c.get(**v) > 0)
        .map(|v| word(*v, c.get(*v)))
        .collect();
    if !missing.is_empty() {
        text.push_str(&format!("; {}", missing.join(" och ")));
    }
    text
}

/// The overview: the indicators and goals by status, and per perspective.
pub(super) fn overview(f: &Figures) -> Vec<String> {
    let c = &f.counts;
    let year = f.settings.year.map_or(String::new(), |y| format!(" {y}"));
    let mut out = vec![format!("Av {} indikatorer{year} är {}.", c.total(), listed(c, "uppnådd"))];
    if f.has_goals() {
        let g = &f.goal_counts;
        out.push(format!("Av {} mål är {}.", g.total(), listed(g, "uppnått")));
    }
    if f.has_perspectives() {
        for p in &f.perspectives {
            let name = if p.name.is_empty() { "Utan perspektiv" } else { p.name.as_str() };
            out.push(format!("{name}: {} av {} indikatorer uppnådda.", p.counts.met, p.counts.total()));
        }
    }
    let unknown = f.assessments.iter().filter(|a| a.direction.is_none()).count();
    if unknown > 0 {
        out.push(format!(
            "För {unknown} {} anger varken filen eller målvärdet om högre eller lägre värden är bättre; \
             där visas ingen trend, och ett målvärde utan jämförelse (\"100\") bedöms inte.",
            if unknown == 1 { "indikator" } else { "indikatorer" }
        ));
    }
    out
}

/// The rules used: partly met, goals, direction.
pub(super) fn rules(f: &Figures) -> Vec<String> {
    let partial = if f.settings.partial < 100.0 {
        format!(
            "En indikator som inte når sitt målvärde räknas som delvis uppnådd när måluppfyllelsen (utfall i procent \
             av målvärdet, omvänt när lägre är bättre) är minst {}.",
            format::percent(f.settings.partial, 0)
        )
    } else {
        "Inställningen ger inget delvis uppnått: en indikator är uppnådd eller inte.".to_owned()
    };
    let mut out = vec![
        partial,
        "Mål som \"ska öka\", \"ska minska\" eller \"oförändrat\" jämförs med föregående år (eller det år målet \
         nämner) och är uppnådda eller inte; \"i snitt\" bedöms på medelvärdet av åren i filen till och med det \
         bedömda året."
            .to_owned(),
    ];
    if f.has_goals() {
        out.push(f.rule.describe().to_owned());
    }
    if f.rule == GoalRule::All {
        out.push("Regeln för målets status är Alla indikatorer.".to_owned());
    }
    out
}

/// One sentence per indicator.
pub(super) fn indicator(ind: &Indicator, a: &Assessment, year: Option<i32>, previous: Option<i32>) -> String {
    let when = year.map_or(String::new(), |y| format!(" år {y}"));
    let mut s = match a.value {
        Some(v) => format!("{} var {}{when}", ind.name, with_unit(v, ind, a)),
        None => format!("{} saknar utfall{when}", ind.name),
    };
    if let Some(note) = &a.note {
        s.push_str(&format!(" ({note})"));
    }
    if !a.target_text.is_empty() {
        s.push_str(&format!(" mot målvärdet \"{}\"", a.target_text));
    }
    s.push_str(&format!(": {}", a.verdict.label().to_lowercase()));
    if let Some(reason) = &a.reason
        && a.verdict == Verdict::NotAssessed
    {
        s.push_str(&format!(" ({reason})"));
    }
    if let Some(d) = a.degree {
        s.push_str(&format!(", måluppfyllelse {}", format::percent(d, 1)));
    }
    s.push('.');
    if let (Some((from, to)), Some(avg)) = (a.averaged, a.judged) {
        s.push_str(&format!(" Snittet {from}–{to} är {}.", with_unit(avg, ind, a)));
    }
    if let (Some(ch), Some(p)) = (a.change, previous) {
        let moved = if ch.abs() < 1e-9 {
            format!(" Oförändrat sedan {p}")
        } else {
            let verb = if ch > 0.0 { "Ökning" } else { "Minskning" };
            format!(" {verb} med {} sedan {p}", num(ch.abs()))
        };
        s.push_str(&moved);
        s.push_str(match a.trend {
            Some(Trend::Better) => ", en förbättring.",
            Some(Trend::Worse) => ", en försämring.",
            Some(Trend::Unchanged) | None => ".",
        });
    }
    s
}

/// A target cell that is no rule.
pub(super) fn unreadable_target(name: &str, text: &str, cell: &str) -> String {
    format!(
        "Målvärdet \"{text}\" för {name} ({cell}) kunde inte tolkas; indikatorn får Saknar bedömning. Skriv målet \
         till exempel som \"≥ 30\", \"minst 70 procent\", \"högst 5 %\", \"ska öka\" eller \"i snitt > 2 %\"."
    )
}

/// A direction cell that says no direction.
pub(super) fn unreadable_direction(name: &str, text: &str, cell: &str) -> String {
    format!("Riktningen \"{text}\" för {name} ({cell}) kunde inte tolkas; skriv \"öka\" eller \"minska\".")
}

/// The direction column and the target disagree.
pub(super) fn conflicting_direction(name: &str, column: Direction, target: Direction, text: &str) -> String {
    format!(
        "För {name} säger kolumnen Önskad riktning \"{}\" men målvärdet \"{text}\" \"{}\". Rapporten använder \
         kolumnens riktning för trend och måluppfyllelse; statusen följer målvärdets jämförelse.",
        column.label().to_lowercase(),
        target.label().to_lowercase()
    )
}

/// Indicators whose direction nobody gave and whose target needs one.
pub(super) fn unknown_direction(names: &[&str]) -> String {
    format!(
        "Riktning saknas för {}: målvärdet säger inte om högre eller lägre är bättre, så indikatorn får Saknar \
         bedömning. Lägg till en kolumn \"Önskad riktning\" (öka/minska) eller välj inställningen Riktning när \
         filen inte anger den.",
        names.join("; ")
    )
}

/// The setting Riktning per indikator names an indicator the file does not have.
pub(super) fn unknown_indicator(name: &str) -> String {
    format!("Inställningen Riktning per indikator nämner \"{name}\", som inte finns bland filens indikatorer.")
}

/// The year asked for has no outcome.
pub(super) fn year_without_outcomes(year: i32, years: &[i32]) -> String {
    let known = years.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
    format!("Året {year} har inga utfall i filen (utfall finns för {known}); alla indikatorer saknar värde.")
}

/// No indicators were found.
pub(super) const NO_INDICATORS: &str = "Filen har inga indikatorer med namn: ange indikatorerna i en kolumn med \
     rubriken Indikator, Nyckeltal eller Mått.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_without_trailing_zeros() {
        assert_eq!(num(72.0), "72");
        assert_eq!(num(13.3), "13,3");
        assert_eq!(num(2.25), "2,25");
        assert_eq!(num(34_371.1), "34\u{202f}371,1");
    }
}

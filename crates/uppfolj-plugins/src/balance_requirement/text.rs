//! The report's Swedish sentences: the overview of every year, the deficits and their deadlines,
//! the reserve against its cap, and the rules the tables follow.

use super::deficits::{Deficit, YearFigures};
use super::reserve::{CAP_FROM, CAP_PERCENT, ReserveYear, reserve_in};
use uppfolj_plugin::kit::amount;
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::unit::Unit;

/// The overview's paragraphs: one per year, then the deficits left, then the reserve.
pub(super) fn overview(
    years: &[YearFigures<'_>],
    deficits: &[Deficit],
    reserve: &[ReserveYear],
    unit: &Unit,
) -> Vec<String> {
    let mut sentences: Vec<String> = years.iter().map(|y| year_sentence(y, unit)).collect();
    sentences.extend(deficits.iter().map(|d| deficit_sentence(d, unit)));
    if deficits.is_empty() {
        sentences.push("Det finns inget balanskravsresultat att återställa.".into());
    }
    sentences.extend(reserve_sentences(reserve, unit));
    sentences
}

/// "2023: årets resultat efter balanskravsjusteringar är … och årets balanskravsresultat …."
fn year_sentence(y: &YearFigures<'_>, unit: &Unit) -> String {
    let mut s = format!(
        "{}: årets resultat efter balanskravsjusteringar är {} och årets balanskravsresultat {}.",
        y.label(),
        amount(y.after_adjustments, unit),
        amount(y.balance_result, unit)
    );
    if y.restored > 0.0 {
        s.push_str(&format!(" {} av tidigare underskott återställs.", amount(y.restored, unit)));
    }
    if y.closing > 0.0 {
        s.push_str(&format!(" Att återställa vid årets slut: {}.", amount(y.closing, unit)));
    }
    s
}

/// "Underskottet från 2023, 518,5 mnkr kvar, ska återställas senast 2026."
fn deficit_sentence(d: &Deficit, unit: &Unit) -> String {
    match (d.origin, d.deadline()) {
        (Some(o), Some(deadline)) => {
            format!("Underskottet från {o}, {} kvar, ska återställas senast {deadline}.", amount(d.remaining, unit))
        }
        _ => format!("Underskott från tidigare år, {} kvar, ska återställas.", amount(d.remaining, unit)),
    }
}

/// The reserve at the end of each year with a cap, and of the last year without one.
fn reserve_sentences(reserve: &[ReserveYear], unit: &Unit) -> Vec<String> {
    let last_year = reserve.last().map(|r| r.year);
    reserve
        .iter()
        .filter_map(|r| match (r.closing, r.cap) {
            (Some(c), Some(cap)) => Some(format!(
                "{}: {} uppgår till {} vid årets slut, {} taket {} ({} av skatteintäkter och generella statsbidrag \
                 och utjämning).",
                r.year,
                reserve_in(r.year),
                amount(c, unit),
                if c > cap + 1e-9 { "över" } else { "inom" },
                amount(cap, unit),
                format::percent(CAP_PERCENT, 0)
            )),
            (Some(c), None) if Some(r.year) == last_year => {
                Some(format!("{}: {} uppgår till {} vid årets slut.", r.year, reserve_in(r.year), amount(c, unit)))
            }
            _ => None,
        })
        .collect()
}

/// The rule of the deficits, under the balanskravsutredning (three years: [`RESTORE_WITHIN`](super::deficits::RESTORE_WITHIN)).
pub(super) const RESTORE_RULE: &str = "Ett negativt balanskravsresultat ska återställas inom de tre närmast följande \
     åren (kommunallagen 11 kap.). Underskott återställs i den ordning de uppstått.";

/// The rule of the reserve and its cap, above the reserve's table.
pub(super) fn reserve_rule() -> String {
    format!(
        "Från {CAP_FROM} ersätts resultatutjämningsreserven av en resultatreserv, som får uppgå till högst {} av \
         skatteintäkter och generella statsbidrag och utjämning (kommunallagen 11 kap.). Reserven vid årets slut \
         är ingående balans plus avsättning minus ianspråktagande. För åren före {CAP_FROM} prövas inget tak här.",
        format::percent(CAP_PERCENT, 0)
    )
}

/// `text` with its first letter in upper case.
pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// "2024", "2024 och 2025", "2023, 2024 och 2025".
pub(super) fn join_years(years: &[i32]) -> String {
    let texts: Vec<String> = years.iter().map(i32::to_string).collect();
    match texts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} och {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_years_the_swedish_way() {
        assert_eq!(join_years(&[2024]), "2024");
        assert_eq!(join_years(&[2024, 2025]), "2024 och 2025");
        assert_eq!(join_years(&[2024, 2025, 2026]), "2024, 2025 och 2026");
    }
}

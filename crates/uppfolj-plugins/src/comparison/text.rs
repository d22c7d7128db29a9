//! The Swedish sentences and messages of the comparison.

use super::compute::{Bands, Outcome, Series, Standing, is_region, round};
use super::groups::{Grouping, Summary, UNGROUPED};
use super::kpis::{Better, DirectionSource};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::Status;
use uppfolj_plugin::model::unit::Unit;

/// The label of the `region` parameter.
pub(super) const REGION_LABEL: &str = "Region eller kommun";

/// A value of `s` as Swedish text with its unit: "34 371,1 kr/inv", "18 %".
pub(super) fn value(s: &Series, v: f64) -> String {
    let n = format::number(v, usize::from(s.decimals));
    match &s.unit {
        Some(u) => format!("{n} {}", u.label()),
        None => n,
    }
}

/// The size of a change of `s`'s value, without sign: "1 352,1 kr/inv", "1 procentenhet".
fn change(s: &Series, v: f64) -> String {
    let n = format::number(v.abs(), usize::from(s.decimals));
    match &s.unit {
        Some(Unit::Percent) if (v.abs() - 1.0).abs() < f64::EPSILON => format!("{n} procentenhet"),
        Some(Unit::Percent) => format!("{n} procentenheter"),
        Some(u) => format!("{n} {}", u.label()),
        None => n,
    }
}

/// "regionerna" or "kommunerna", by the kind of the chosen unit.
pub(super) fn group_word(s: &Series, p: usize) -> &'static str {
    if is_region(&s.places[p]) { "regionerna" } else { "kommunerna" }
}

/// "regioner" or "kommuner" ("region"/"kommun" for one), by the kind of the chosen unit.
pub(super) fn units_word(s: &Series, p: usize, n: usize) -> &'static str {
    match (is_region(&s.places[p]), n == 1) {
        (true, true) => "region",
        (true, false) => "regioner",
        (false, true) => "kommun",
        (false, false) => "kommuner",
    }
}

/// "Lägre värde är bättre (enligt …)": the direction and where it came from; for a KPI whose
/// direction is not known, that it is ordered by value and not judged.
pub(super) fn direction(s: &Series) -> String {
    let which = match s.better {
        Better::Higher => "Högre värde är bättre",
        Better::Lower => "Lägre värde är bättre",
    };
    let from = match s.direction {
        DirectionSource::Setting => "enligt inställningen",
        DirectionSource::BuiltIn => "enligt rapportens inbyggda tabell över kända Kolada-nyckeltal",
        DirectionSource::Assumed => return UNKNOWN_DIRECTION.to_owned(),
    };
    format!("{which} ({from}).")
}

/// What the report says of a KPI whose direction is not known.
const UNKNOWN_DIRECTION: &str = "Riktningen är inte känd: enheterna är ordnade efter värde, högst först, och \
     placeringen bedöms inte (ingen grön, gul eller röd status). Ange nyckeltalet i inställningen Lägre är bättre \
     eller Högre är bättre för att bedöma placeringen.";

/// A short text of where a KPI's direction came from, for the table.
pub(super) fn direction_short(s: &Series) -> String {
    let which = if s.better == Better::Lower { "Lägre är bättre" } else { "Högre är bättre" };
    let from = match s.direction {
        DirectionSource::Setting => "inställning",
        DirectionSource::BuiltIn => "inbyggd tabell",
        DirectionSource::Assumed => return "Okänd (ordnat efter värde, högst först)".to_owned(),
    };
    format!("{which} ({from})")
}

/// "plats 8 av 21".
fn place_text(st: &Standing) -> Option<String> {
    st.rank.map(|r| format!("plats {r} av {}", st.of))
}

/// The analysis of the chosen unit `p` for one KPI, as paragraphs.
pub(super) fn analysis(s: &Series, p: usize, o: &Outcome, bands: Bands) -> String {
    let name = &s.places[p].name;
    let l = &o.latest;
    let mut out = match (l.value, place_text(l)) {
        (Some(v), Some(place)) if l.of > 1 && !s.judged() => format!(
            "{name} redovisar ett utfall på {} ({}) och har {place} bland {}, räknat från det högsta värdet.",
            value(s, v),
            l.year,
            group_word(s, p)
        ),
        (Some(v), Some(place)) if l.of > 1 => format!(
            "{name} redovisar ett utfall på {} ({}) och placerar sig på {place} bland {}.",
            value(s, v),
            l.year,
            group_word(s, p)
        ),
        (Some(v), _) => format!(
            "{name} redovisar ett utfall på {} ({}); filen har inga andra {} med värde det året att jämföra med.",
            value(s, v),
            l.year,
            units_word(s, p, 2)
        ),
        (None, _) => format!("{name} saknar värde för {}.", l.year),
    };
    let rank = l.rank.filter(|_| l.of > 1);
    if let (Some(prev), Some(v)) = (&o.previous, l.value) {
        out.push(' ');
        out.push_str(&since(s, prev, v, rank, "Jämfört med"));
    }
    if let (Some(first), Some(v)) = (&o.first, l.value)
        && o.previous.as_ref().is_none_or(|prev| prev.year != first.year)
    {
        out.push(' ');
        out.push_str(&since(s, first, v, rank, "Sedan"));
    }
    if let Some(n) = o.needed {
        let bound = if s.better == Better::Lower { "högst" } else { "minst" };
        out.push_str(&format!(
            " För att nå målet ({}) hade det krävts ett utfall på {bound} {}.",
            bands.label(Status::Good).to_lowercase(),
            value(s, n)
        ));
    }
    if let Some(r) = o.riket {
        out.push_str(&format!(" Riket: {}.", value(s, r)));
    }
    out
}

/// "Jämfört med 2021 (17 %, plats 11 av 19) har utfallet ökat med 1 procentenhet och placeringen
/// har försämrats med 2 platser."
fn since(s: &Series, then: &Standing, now: f64, rank: Option<usize>, word: &str) -> String {
    let Some(before) = then.value else { return format!("{word} {} saknas värde.", then.year) };
    let place = place_text(then).filter(|_| rank.is_some()).map(|p| format!(", {p}")).unwrap_or_default();
    let diff = round(now - before, s.decimals);
    let moved = if diff == 0.0 {
        "är utfallet oförändrat".to_owned()
    } else if diff > 0.0 {
        format!("har utfallet ökat med {}", change(s, diff))
    } else {
        format!("har utfallet minskat med {}", change(s, diff))
    };
    let rank_text = if s.judged() { rank_change(then.rank, rank) } else { order_change(then.rank, rank) };
    format!("{word} {} ({}{place}) {moved}{rank_text}.", then.year, value(s, before))
}

/// " och placeringen har förbättrats med 2 platser": the change of a judged place.
fn rank_change(then: Option<usize>, now: Option<usize>) -> String {
    match (then, now) {
        (Some(a), Some(b)) if b < a => format!(" och placeringen har förbättrats med {} {}", a - b, places(a - b)),
        (Some(a), Some(b)) if b > a => format!(" och placeringen har försämrats med {} {}", b - a, places(b - a)),
        (Some(_), Some(_)) => " och placeringen är densamma".to_owned(),
        _ => String::new(),
    }
}

/// " och placeringen i värdeordning har flyttats 2 platser uppåt": the change of a place that is
/// an order by value (the KPI's direction is not known), neither better nor worse.
fn order_change(then: Option<usize>, now: Option<usize>) -> String {
    match (then, now) {
        (Some(a), Some(b)) if b < a => {
            format!(" och placeringen i värdeordning har flyttats {} {} uppåt", a - b, places(a - b))
        }
        (Some(a), Some(b)) if b > a => {
            format!(" och placeringen i värdeordning har flyttats {} {} nedåt", b - a, places(b - a))
        }
        (Some(_), Some(_)) => " och placeringen i värdeordning är densamma".to_owned(),
        _ => String::new(),
    }
}

fn places(n: usize) -> &'static str {
    if n == 1 { "plats" } else { "platser" }
}

/// The info when no unit was chosen.
pub(super) fn no_unit_chosen(names: &[String]) -> String {
    format!(
        "Ingen region eller kommun är vald: rapporten visar rangordningen. Ange inställningen {REGION_LABEL} \
         (Kolada-id eller namn) för en enhets placering, till exempel {}.",
        names.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
    )
}

/// The warning when the chosen unit is not in the data.
pub(super) fn unit_not_found(wanted: &str, names: &[String]) -> String {
    let more = if names.len() > 8 { ", …" } else { "" };
    format!(
        "{wanted} (inställningen {REGION_LABEL}) finns inte i filerna. De som finns: {}{more}.",
        names.iter().take(8).cloned().collect::<Vec<_>>().join(", ")
    )
}

/// The info naming the genders compared when a KPI has no total.
pub(super) fn gender_note(s: &Series) -> String {
    format!(
        "{}: filen har inget värde för båda könen tillsammans (T); jämförelsen görs för {} för sig.",
        s.kpi_id.clone().unwrap_or_else(|| s.name.clone()),
        s.gender.label()
    )
}

/// The warning that a KPI's direction is not known, so that it is ranked by value and not judged.
pub(super) fn assumed_direction(s: &Series) -> String {
    format!(
        "Riktningen för {} är inte känd: enheterna är ordnade efter värde, högst först, men placeringen bedöms \
         inte (ingen grön, gul eller röd status). Ange nyckeltalet i inställningen Lägre är bättre eller Högre är \
         bättre.",
        s.title()
    )
}

/// The warning about values read twice.
pub(super) fn duplicates(n: usize) -> String {
    format!("{n} värden fanns flera gånger (samma nyckeltal, enhet, år och kön); det första som lästes används.")
}

/// The info that fewer than the 21 regions were ranked.
pub(super) fn few_regions(s: &Series, of: usize, year: i32) -> String {
    format!("{}: bara {of} av 21 regioner har värde {year} i filerna; placeringen gäller bland dem.", s.short())
}

/// Where the groups of the summary per group came from, and how the median place is taken.
pub(super) fn grouping(g: &Grouping, summaries: &[Summary]) -> Vec<String> {
    let mut out = vec![match g.by {
        Some(by) if by == g.wanted => {
            format!("Nyckeltalen är grupperade efter {} enligt {}.", by.word(), g.files.join(", "))
        }
        Some(by) => format!(
            "Nyckeltalen är grupperade efter {} enligt {}; filerna anger inget {} för dem.",
            by.word(),
            g.files.join(", "),
            g.wanted.word()
        ),
        None => "Filerna anger ingen grupp (verksamhetsområde eller perspektiv) för nyckeltalen, så alla räknas i en \
                 grupp. Läs in Koladas nyckeltalskatalog (kolumnerna id, operating_area och perspective) tillsammans \
                 med datafilen för placeringen per verksamhetsområde."
            .to_owned(),
    }];
    if let Some(u) = summaries.iter().find(|s| s.name == UNGROUPED) {
        out.push(format!("{} av nyckeltalen har ingen grupp i filerna och räknas under {UNGROUPED}.", u.kpis));
    }
    let unjudged = if summaries.iter().any(|s| s.unjudged > 0) {
        ", inte heller nyckeltal vars riktning inte är känd (de bedöms inte)"
    } else {
        ""
    };
    out.push(format!(
        "Medianplats: den mittersta av placeringarna i gruppen (medelvärdet av de två mittersta vid ett jämnt \
         antal); nyckeltal utan placering räknas inte{unjudged}. Ett nyckeltal som jämförs för kvinnor och män för \
         sig räknas en gång per kön."
    ));
    out
}

/// The info that units are shown by their Kolada id, for want of their names.
pub(super) fn unnamed(ids: &[String]) -> String {
    let more = if ids.len() > 5 { ", …" } else { "" };
    format!(
        "{} enheter visas med sitt Kolada-id ({}{more}) eftersom filerna inte har deras namn. Läs in Koladas lista \
         över kommuner och regioner (kolumnerna id och title) tillsammans med datafilen för att se namnen.",
        ids.len(),
        ids.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
    )
}

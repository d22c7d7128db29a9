//! What a header means: column roles from Swedish and English synonyms, periods written as
//! column headers ("2024", "2024-03", "mars", "jan–aug", "T2", "Delår 2"), units written in
//! titles and headers ("Belopp i tkr", "Budget (mnkr)"), and the Kolada list of municipalities
//! and regions (so that "Region Halland" or "Ale" as a column header is a region).

use uppfolj_model::{ColumnRole, Unit};

/// Lower-cases and collapses spaces, so "  Utfall  jan–aug " → "utfall jan–aug".
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// Synonyms per role, most specific first. A header matches a role if it equals a synonym or
/// starts with one followed by a space, a parenthesis, a comma or a digit.
const SYNONYMS: &[(ColumnRole, &[&str])] = &[
    (
        ColumnRole::PreviousYear,
        &[
            "utfall fg år",
            "utfall föregående år",
            "fg år",
            "föregående år",
            "utfall fg",
            "fjolår",
            "previous year",
            "last year",
            "bokslut fg år",
        ],
    ),
    (ColumnRole::Forecast, &["helårsprognos", "prognos", "årsprognos", "forecast", "prognos helår"]),
    (
        ColumnRole::Deviation,
        &[
            "avvikelse",
            "budgetavvikelse",
            "prognosavvikelse",
            "återstår",
            "differens",
            "diff",
            "deviation",
            "variance",
            "avv",
        ],
    ),
    (
        ColumnRole::Budget,
        &[
            "årsbudget",
            "helårsbudget",
            "budget",
            "ram",
            "regionbidrag",
            "kommunbidrag",
            "nettoram",
            "budgetram",
            "anslag budget",
            "periodbudget",
            "ack budget",
            "ackumulerad budget",
        ],
    ),
    (
        ColumnRole::Outcome,
        &[
            "ackumulerat utfall",
            "ack utfall",
            "ack. utfall",
            "utfall",
            "bokfört",
            "redovisat",
            "outcome",
            "actual",
            "actuals",
            "bokslut",
            "belopp",
            "resultat",
        ],
    ),
    (ColumnRole::Target, &["målvärde", "mål", "target", "målnivå"]),
    (ColumnRole::IndicatorId, &["kpi-id", "kpi id", "nyckeltals-id", "indikator-id", "kpi", "kpi_id", "indicator id"]),
    (
        ColumnRole::IndicatorName,
        &[
            "nyckeltal",
            "indikator",
            "indikatornamn",
            "styrmått",
            "mått",
            "fråga",
            "kpi-namn",
            "indicator",
            "measure name",
        ],
    ),
    (
        ColumnRole::RegionId,
        &["kommunkod", "regionkod", "kommun-id", "region-id", "kommunid", "länskod", "municipality id"],
    ),
    (
        ColumnRole::RegionName,
        &["kommun", "region", "län", "kommunnamn", "municipality", "geo", "kommun/region", "område/kommun"],
    ),
    (ColumnRole::Year, &["år", "year", "årtal", "verksamhetsår"]),
    (ColumnRole::Gender, &["kön", "gender", "sex"]),
    (ColumnRole::Period, &["period", "månad", "month", "datum", "date", "kvartal", "tertial", "bokföringsdatum"]),
    (
        ColumnRole::Account,
        &["konto", "kontogrupp", "kostnadsslag", "kontonamn", "kontoklass", "account", "intäkts-/kostnadsslag", "slag"],
    ),
    (
        ColumnRole::OrgUnit,
        &[
            "verksamhet",
            "förvaltning",
            "nämnd",
            "område",
            "enhet",
            "ansvar",
            "kostnadsställe",
            "ansvarsområde",
            "verksamhetsområde",
            "avdelning",
            "organisation",
            "styrelse",
            "department",
            "unit",
            "rn1/förvaltning",
            "resultatenhet",
            "ansvarsenhet",
            "sektor",
            "avdeling",
        ],
    ),
    (ColumnRole::Measure, &["åtgärd", "åtgärder", "action"]),
    (ColumnRole::Planned, &["planerad effekt", "beräknad besparing", "planerad besparing", "förväntad effekt"]),
    (ColumnRole::Realised, &["realiserad effekt", "realiserad besparing", "uppnådd effekt"]),
    (ColumnRole::Status, &["status", "läge"]),
    (ColumnRole::Allocated, &["beviljat", "tilldelat", "fördelat", "anslag", "beviljade medel"]),
    (ColumnRole::Used, &["förbrukat", "nyttjat", "använt", "förbrukade medel"]),
    (ColumnRole::ReportBack, &["återrapportering", "återredovisas", "återrapporteras"]),
    (ColumnRole::Responsible, &["ansvarig", "responsible"]),
    (ColumnRole::Comment, &["kommentar", "analys", "kommentarer", "comment", "notering", "anmärkning"]),
    (ColumnRole::Value, &["värde", "andel", "value", "antal", "kr/inv", "nettokostnad"]),
    (
        ColumnRole::Label,
        &[
            "post",
            "benämning",
            "text",
            "beskrivning",
            "rubrik",
            "namn",
            "inkomsttyp",
            "utgiftsområde",
            "leverantör",
            "name",
            "label",
        ],
    ),
];

/// The role a header names, if it is one of the synonyms.
pub fn role_for_header(header: &str) -> Option<ColumnRole> {
    let h = normalise(header);
    let h = h.trim_matches(|c: char| c == ':' || c == '*' || c == '.');
    if h.is_empty() {
        return None;
    }
    // Exact matches first, over all roles, then prefix matches.
    for (role, words) in SYNONYMS {
        if words.contains(&h) {
            return Some(*role);
        }
    }
    for (role, words) in SYNONYMS {
        for w in *words {
            if w.len() < 3 {
                continue;
            }
            if let Some(rest) = h.strip_prefix(w)
                && (rest.starts_with([' ', '(', ',', '/', '-', '–', '_'])
                    || rest.starts_with(|c: char| c.is_ascii_digit()))
            {
                return Some(*role);
            }
        }
    }
    // A role word later in a short header: "Ackumulerat utfall jan–aug", "Budget 2024 helår".
    // (Not in sentences: a note such as "Påhittade belopp, se README" is no header.)
    if h.split_whitespace().count() > 4 {
        return None;
    }
    for (role, words) in SYNONYMS {
        for w in *words {
            if w.len() < 4 {
                continue;
            }
            if h.split([' ', '/', '(', ')', ',']).any(|part| part == *w) {
                return Some(*role);
            }
        }
    }
    None
}

const MONTHS: &[(&str, &str, u8)] = &[
    ("januari", "jan", 1),
    ("februari", "feb", 2),
    ("mars", "mar", 3),
    ("april", "apr", 4),
    ("maj", "maj", 5),
    ("juni", "jun", 6),
    ("juli", "jul", 7),
    ("augusti", "aug", 8),
    ("september", "sep", 9),
    ("oktober", "okt", 10),
    ("november", "nov", 11),
    ("december", "dec", 12),
];

fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(long, short, _)| w == *long || w == *short || (w.len() >= 3 && long.starts_with(w)))
        .map(|m| m.2)
}

/// A year written on its own: 1900–2100, as a number or text ("2024", "2024*").
pub fn year(text: &str) -> Option<i32> {
    let t = text.trim().trim_end_matches('*').trim();
    if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
        let y: i32 = t.parse().ok()?;
        return (1900..=2100).contains(&y).then_some(y);
    }
    None
}

/// A year as a cell number.
pub fn year_number(v: f64) -> Option<i32> {
    (v.fract() == 0.0 && (1900.0..=2100.0).contains(&v)).then_some(v as i32)
}

/// The period a header stands for, normalised: "2024", "2024-03", "mars" → "03", "jan–aug",
/// "T2", "Delår 2", "Q1". `None` if the header is not a period.
pub fn period(text: &str) -> Option<String> {
    let h = normalise(text);
    let h = h.trim();
    if h.is_empty() {
        return None;
    }
    if let Some(y) = year(h) {
        return Some(y.to_string());
    }
    // 2024-03, 2024-3, 202403, 2024m03
    let digits: String = h.chars().filter(|c| c.is_ascii_digit()).collect();
    if ((h.len() == 7 && h.as_bytes().get(4) == Some(&b'-')) || (h.len() == 6 && digits.len() == 6))
        && let (Some(y), Ok(m)) = (year(&digits[..4]), digits[4..].parse::<u8>())
        && (1..=12).contains(&m)
    {
        return Some(format!("{y}-{m:02}"));
    }
    // "mars", "mars 2024", "jan–aug", "januari-augusti 2024"
    let words: Vec<&str> = h.split([' ', '–', '-', '—', '/']).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [m] if month(m).is_some() => return month(m).map(|m| format!("{m:02}")),
        [m, y] if month(m).is_some() && year(y).is_some() => {
            return Some(format!("{}-{:02}", year(y)?, month(m)?));
        }
        [a, b] if month(a).is_some() && month(b).is_some() => {
            return Some(format!("{}–{}", short_month(month(a)?), short_month(month(b)?)));
        }
        [a, b, y] if month(a).is_some() && month(b).is_some() && year(y).is_some() => {
            return Some(format!("{}–{} {}", short_month(month(a)?), short_month(month(b)?), year(y)?));
        }
        _ => {}
    }
    // T1–T3 (tertial), Q1–Q4, "kvartal 2", "delår 2", "Delår 1 2024"
    let compact: String = h.chars().filter(|c| !c.is_whitespace()).collect();
    for (prefix, label, max) in
        [("delår", "Delår ", 3), ("tertial", "T", 3), ("kvartal", "Q", 4), ("t", "T", 3), ("q", "Q", 4)]
    {
        if let Some(rest) = compact.strip_prefix(prefix)
            && let Ok(n) = rest.parse::<u8>()
            && (1..=max).contains(&n)
        {
            return Some(format!("{label}{n}"));
        }
    }
    None
}

fn short_month(m: u8) -> &'static str {
    MONTHS.get(usize::from(m.saturating_sub(1))).map_or("", |x| x.1)
}

/// A unit written in a title, a note or a header: "Belopp i tkr", "(mnkr)", "Budget, tkr",
/// "Mkr", "Andel (%)", "kr/inv".
pub fn unit_in_text(text: &str) -> Option<Unit> {
    let lower = normalise(text);
    if let Some(u) = Unit::parse(&lower) {
        return Some(u);
    }
    // Words and parenthesised parts, from the start: the first unit named wins ("Belopp i kr.
    // Beslutad ram: 2,6 mkr" is in kr).
    let parts: Vec<&str> = lower
        .split([' ', ',', ';', ':', '(', ')', '[', ']'])
        .map(|p| p.trim().trim_end_matches('.'))
        .filter(|p| !p.is_empty())
        .collect();
    for i in 0..parts.len() {
        for window in [3usize, 2] {
            if i + window <= parts.len() {
                let joined = parts[i..i + window].join(" ");
                if let Some(u) = Unit::parse(&joined) {
                    return Some(u);
                }
            }
        }
        let p = parts[i];
        if matches!(p, "andel" | "antal" | "st" | "procent") {
            continue; // too common as ordinary words in a title
        }
        if let Some(u) = Unit::parse(p) {
            return Some(u);
        }
        if p.ends_with('%') {
            return Some(Unit::Percent);
        }
    }
    None
}

/// The Kolada list of municipalities and regions (id, name, type K/L).
const KOLADA_MUNICIPALITIES: &str = include_str!("../data/kolada_v3_municipality_list_2026-03.csv");

/// A municipality or region from the Kolada list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Municipality {
    /// Kolada id: "0000" (Riket), "0001"–"0025" (regions), four digits for municipalities.
    pub id: &'static str,
    /// Name: "Region Halland", "Ale".
    pub name: &'static str,
    /// "K" for a municipality, "L" for a region.
    pub kind: &'static str,
}

/// All municipalities and regions Kolada knows.
pub fn municipalities() -> impl Iterator<Item = Municipality> {
    KOLADA_MUNICIPALITIES.lines().skip(1).filter_map(|line| {
        let mut parts = line.trim_end_matches('\r').splitn(3, ',');
        Some(Municipality { id: parts.next()?, name: parts.next()?, kind: parts.next()? })
    })
}

/// Finds a municipality or region by its Kolada id or its name ("Halland" finds "Region Halland").
pub fn municipality(text: &str) -> Option<Municipality> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let lower = t.to_lowercase();
    let stripped = lower.strip_suffix(" kommun").or_else(|| lower.strip_suffix("s kommun")).unwrap_or(&lower);
    municipalities().find(|m| {
        m.id == t
            || m.name.to_lowercase() == lower
            || m.name.to_lowercase() == stripped
            || (m.kind == "L" && m.name.to_lowercase().strip_prefix("region ") == Some(stripped))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_from_headers() {
        assert_eq!(role_for_header("Verksamhet"), Some(ColumnRole::OrgUnit));
        assert_eq!(role_for_header("Budget 2024"), Some(ColumnRole::Budget));
        assert_eq!(role_for_header("Utfall jan–aug"), Some(ColumnRole::Outcome));
        assert_eq!(role_for_header("Ackumulerat utfall"), Some(ColumnRole::Outcome));
        assert_eq!(role_for_header("Helårsprognos"), Some(ColumnRole::Forecast));
        assert_eq!(role_for_header("Avvikelse"), Some(ColumnRole::Deviation));
        assert_eq!(role_for_header("Utfall fg år"), Some(ColumnRole::PreviousYear));
        assert_eq!(role_for_header("KONTO"), Some(ColumnRole::Account));
        assert_eq!(role_for_header("RN1/FÖRVALTNING"), Some(ColumnRole::OrgUnit));
        assert_eq!(role_for_header("Kommun"), Some(ColumnRole::RegionName));
        assert_eq!(role_for_header("Kön"), Some(ColumnRole::Gender));
        assert_eq!(role_for_header("Målvärde"), Some(ColumnRole::Target));
        assert_eq!(role_for_header("Regionbidrag"), Some(ColumnRole::Budget));
        assert_eq!(role_for_header("Xyzzy"), None);
    }

    #[test]
    fn periods() {
        assert_eq!(period("2024").as_deref(), Some("2024"));
        assert_eq!(period("2024-03").as_deref(), Some("2024-03"));
        assert_eq!(period("mars").as_deref(), Some("03"));
        assert_eq!(period("Jan–aug").as_deref(), Some("jan–aug"));
        assert_eq!(period("T2").as_deref(), Some("T2"));
        assert_eq!(period("Delår 2").as_deref(), Some("Delår 2"));
        assert_eq!(period("Budget"), None);
    }

    #[test]
    fn units_in_titles() {
        assert_eq!(unit_in_text("Belopp i tkr"), Some(Unit::Tkr));
        assert_eq!(unit_in_text("Budget (mnkr)"), Some(Unit::Mnkr));
        assert_eq!(unit_in_text("Nettokostnad äldreomsorg, kr/inv"), Some(Unit::KrPerInv));
        assert_eq!(unit_in_text("Arbetslöshet, (%)"), Some(Unit::Percent));
        assert_eq!(unit_in_text("Belopp i tusental kronor"), Some(Unit::Tkr));
        assert_eq!(unit_in_text("Driftredovisning januari–augusti 2024"), None);
        assert_eq!(unit_in_text("Belopp i kr. Beslutad ram: 2,6 mkr (RS/26/2020)."), Some(Unit::Kr));
    }

    #[test]
    fn kolada_list() {
        assert_eq!(municipality("Region Halland").map(|m| m.id), Some("0013"));
        assert_eq!(municipality("Halland").map(|m| m.id), Some("0013"));
        assert_eq!(municipality("0022").map(|m| m.name), Some("Region Västernorrland"));
        assert_eq!(municipality("Ale").map(|m| m.id), Some("1440"));
        assert!(municipalities().count() > 300);
    }
}

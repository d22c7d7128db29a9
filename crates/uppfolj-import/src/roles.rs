//! What a header names: column roles from Swedish and English synonyms, and the Kolada list of
//! municipalities and regions (so that "Region Halland" or "Ale" as a column header is a region).
//! Periods and units written in headers are Swedish vocabulary shared with the plugins:
//! [`uppfolj_model::vocab`].

use uppfolj_model::{ColumnRole, vocab};

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
    (ColumnRole::Target, &["målvärde", "target", "målnivå", "målvärden", "mål för året", "önskat läge"]),
    (ColumnRole::Direction, &["önskad riktning", "riktning", "önskvärd riktning", "direction"]),
    (ColumnRole::Perspective, &["perspektiv", "styrkortsperspektiv", "perspective"]),
    (
        ColumnRole::Goal,
        &[
            "mål",
            "målområde",
            "strategiskt mål",
            "strategiska mål",
            "verksamhetsmål",
            "nämndmål",
            "övergripande mål",
            "inriktningsmål",
            "effektmål",
            "målformulering",
            "goal",
        ],
    ),
    (ColumnRole::IndicatorId, &["kpi-id", "kpi id", "nyckeltals-id", "indikator-id", "kpi", "kpi_id", "indicator id"]),
    (
        ColumnRole::IndicatorName,
        &[
            "nyckeltal",
            "indikator",
            "indikatornamn",
            "styrmått",
            "mått",
            "indikatorer",
            "nyckeltal/indikator",
            "resultatmått",
            "mätetal",
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

/// Whether what follows a role's word in a header makes it a kind of that thing rather than the
/// thing: Kolada's catalogue has "municipality_type" (K or L), which names no municipality.
fn names_a_kind(rest: &str) -> bool {
    let word = rest.trim_start_matches([' ', '(', ',', '/', '-', '–', '_']);
    ["type", "typ", "kategori", "category"].contains(&word.trim_end_matches(')'))
}

/// The role a header names, if it is one of the synonyms.
pub fn role_for_header(header: &str) -> Option<ColumnRole> {
    let h = vocab::normalise(header);
    let h = h.trim_matches(|c: char| c == ':' || c == '*' || c == '.');
    if h.is_empty() {
        return None;
    }
    // "Mål" alone heads the goals of a scorecard; "Mål 2024" or "Mål (%)" the target values.
    if let Some(rest) = h.strip_prefix("mål")
        && (rest.starts_with([' ', '('])
            && rest.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '%'))
    {
        return Some(ColumnRole::Target);
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
                return (!names_a_kind(rest)).then_some(*role);
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

/// Whether a text is a Kolada KPI id: a letter and five digits ("N70060", "U79092", "u79092").
pub fn is_kpi_id(text: &str) -> bool {
    let t = text.trim().as_bytes();
    t.len() == 6 && t[0].is_ascii_alphabetic() && t[1..].iter().all(u8::is_ascii_digit)
}

/// Whether a role is kept on a column of text although it is no label role: targets written
/// as people write them ("minst 70 procent", "ska öka") and desired directions ("öka").
pub fn holds_text(role: ColumnRole) -> bool {
    matches!(role, ColumnRole::Target | ColumnRole::Direction)
}

/// Whether a role names or describes rows (a label, an org unit, a period, a comment) rather
/// than holding amounts.
pub fn is_label_role(role: ColumnRole) -> bool {
    matches!(
        role,
        ColumnRole::Label
            | ColumnRole::OrgUnit
            | ColumnRole::Account
            | ColumnRole::Period
            | ColumnRole::IndicatorId
            | ColumnRole::IndicatorName
            | ColumnRole::RegionId
            | ColumnRole::RegionName
            | ColumnRole::Year
            | ColumnRole::Gender
            | ColumnRole::Measure
            | ColumnRole::Status
            | ColumnRole::Responsible
            | ColumnRole::Comment
            | ColumnRole::ReportBack
            | ColumnRole::Perspective
            | ColumnRole::Goal
    )
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
        assert_eq!(role_for_header("municipality_type"), None, "a kind of municipality names none");
        assert_eq!(role_for_header("Kommun (typ)"), None);
        assert_eq!(role_for_header("Kön"), Some(ColumnRole::Gender));
        assert_eq!(role_for_header("Målvärde"), Some(ColumnRole::Target));
        assert_eq!(role_for_header("Regionbidrag"), Some(ColumnRole::Budget));
        assert_eq!(role_for_header("Xyzzy"), None);
    }

    #[test]
    fn scorecard_headers() {
        assert_eq!(role_for_header("Perspektiv"), Some(ColumnRole::Perspective));
        assert_eq!(role_for_header("Mål"), Some(ColumnRole::Goal));
        assert_eq!(role_for_header("Målområde"), Some(ColumnRole::Goal));
        assert_eq!(role_for_header("Strategiskt mål"), Some(ColumnRole::Goal));
        assert_eq!(role_for_header("Mål 2024"), Some(ColumnRole::Target));
        assert_eq!(role_for_header("Mål (%)"), Some(ColumnRole::Target));
        assert_eq!(role_for_header("Målvärde"), Some(ColumnRole::Target));
        assert_eq!(role_for_header("Målvärde 2024"), Some(ColumnRole::Target));
        assert_eq!(role_for_header("Indikator"), Some(ColumnRole::IndicatorName));
        assert_eq!(role_for_header("Nyckeltal"), Some(ColumnRole::IndicatorName));
        assert_eq!(role_for_header("Mått"), Some(ColumnRole::IndicatorName));
        assert_eq!(role_for_header("Önskad riktning"), Some(ColumnRole::Direction));
        assert_eq!(role_for_header("Riktning"), Some(ColumnRole::Direction));
        assert_eq!(role_for_header("Utfall 2023"), Some(ColumnRole::Outcome));
        assert_eq!(role_for_header("Kommentar"), Some(ColumnRole::Comment));
        assert!(holds_text(ColumnRole::Target) && !is_label_role(ColumnRole::Target));
        assert!(is_label_role(ColumnRole::Goal) && is_label_role(ColumnRole::Perspective));
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

//! What the plugin knows of Kolada's KPIs: a small built-in table of well-known ones (name, unit,
//! which direction is better), the unit a KPI's name states, and where a KPI's direction came
//! from.

use uppfolj_plugin::model::unit::Unit;

/// Which direction of a KPI's values is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Better {
    Higher,
    Lower,
}

/// Where a KPI's direction came from; the report says it for every KPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DirectionSource {
    /// The parameters Lägre är bättre / Högre är bättre.
    Setting,
    /// The plugin's table of well-known Kolada KPIs.
    BuiltIn,
    /// Not known: ranked with the highest value first but not judged (a neutral status, no
    /// band), and the report asks the user to say.
    Assumed,
}

/// A KPI of the built-in table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KnownKpi {
    pub id: &'static str,
    pub name: &'static str,
    pub better: Better,
}

/// Well-known Kolada KPIs whose better direction is not a matter of opinion. The user overrides
/// any of them with the parameters.
pub(crate) const KNOWN: &[KnownKpi] = &[
    KnownKpi {
        id: "N70060", name: "Nettokostnad hälso- och sjukvård (exkl. tandvård), kr/inv", better: Better::Lower
    },
    KnownKpi {
        id: "U79092",
        name: "Patienter med oplanerad återinskrivning inom 30 dagar, andel (%)",
        better: Better::Lower,
    },
];

/// The built-in entry for a KPI id (case-insensitive).
pub(crate) fn known(id: &str) -> Option<&'static KnownKpi> {
    KNOWN.iter().find(|k| k.id.eq_ignore_ascii_case(id.trim()))
}

/// The built-in entry an indicator's name points at: a Kolada id in it ("Återinskrivningar
/// (U79092)") or the KPI's Kolada name itself.
pub(crate) fn known_in_name(name: &str) -> Option<&'static KnownKpi> {
    let by_id = name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| is_kpi_id(w)).find_map(known);
    by_id.or_else(|| KNOWN.iter().find(|k| k.name.eq_ignore_ascii_case(name.trim())))
}

/// Whether a text is a Kolada KPI id: a capital letter and five digits ("N70060", "U79092").
pub(crate) fn is_kpi_id(text: &str) -> bool {
    let t = text.trim();
    let mut chars = t.chars();
    t.len() == 6 && chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_digit())
}

/// The unit a KPI's name states at its end, as Kolada writes them: "…, kr/inv", "…, andel (%)",
/// "Arbetslöshet, (%)", "…, antal".
pub(super) fn unit_in_name(name: &str) -> Option<Unit> {
    let lower = name.trim().to_lowercase();
    if lower.ends_with("kr/inv") || lower.ends_with("kr/invånare") {
        Some(Unit::KrPerInv)
    } else if lower.ends_with("(%)") || lower.ends_with('%') || lower.ends_with("procent") {
        Some(Unit::Percent)
    } else if lower.ends_with(", antal") {
        Some(Unit::Count)
    } else if lower.ends_with(", kr") {
        Some(Unit::Kr)
    } else {
        None
    }
}

/// Whether a KPI (by its id or name) is listed in a parameter's list: ids separated by commas
/// ("N70060, U79092"), names (which hold commas) separated by semicolons.
pub(super) fn listed(list: Option<&str>, id: Option<&str>, name: &str) -> bool {
    let is = |item: &str| {
        let item = item.trim();
        !item.is_empty()
            && (id.is_some_and(|id| id.eq_ignore_ascii_case(item)) || name.trim().eq_ignore_ascii_case(item))
    };
    list.is_some_and(|l| l.split(';').any(|part| is(part) || part.split(',').any(is)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_known_kpi_by_the_id_or_name_in_an_indicator_name() {
        assert_eq!(known_in_name("Återinskrivningar 65+ (U79092)").map(|k| k.id), Some("U79092"));
        assert_eq!(
            known_in_name("nettokostnad hälso- och sjukvård (exkl. tandvård), kr/inv").map(|k| k.id),
            Some("N70060")
        );
        assert!(known_in_name("Väntetid till första besök").is_none());
    }

    #[test]
    fn knows_kolada_ids_and_units() {
        assert!(is_kpi_id("N70060") && is_kpi_id("U79092"));
        assert!(!is_kpi_id("Invånare med tillgång till dagligvarubutik inom 2 km, andel (%)"));
        assert_eq!(unit_in_name("Nettokostnad äldreomsorg, kr/inv"), Some(Unit::KrPerInv));
        assert_eq!(unit_in_name("Arbetslöshet, (%)"), Some(Unit::Percent));
        assert_eq!(unit_in_name("Invånare, antal"), Some(Unit::Count));
        assert_eq!(unit_in_name("Index"), None);
        assert_eq!(known("n70060").map(|k| k.better), Some(Better::Lower));
        assert!(listed(Some("N70060, U79092"), Some("U79092"), ""));
        assert!(listed(Some("Arbetslöshet, (%); N70060"), None, "arbetslöshet, (%)"));
        assert!(!listed(Some("N70060"), Some("U79092"), "Återinskrivning"));
    }
}

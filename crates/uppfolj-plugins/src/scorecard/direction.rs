//! Which direction of an indicator is better, and where the report learnt it: the file's
//! direction column, the target's wording, the built-in table of well-known Kolada KPIs, or the
//! parameter. Never assumed without saying so.

/// Which direction of an indicator's values is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    /// Higher is better (öka).
    Higher,
    /// Lower is better (minska).
    Lower,
}

impl Direction {
    /// The Swedish words shown in the table.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Higher => "Högre är bättre",
            Direction::Lower => "Lägre är bättre",
        }
    }
}

/// Where an indicator's direction came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    /// The setting naming the indicator (the user's word is final).
    Indicator,
    /// The file's direction column ("Önskad riktning").
    Column,
    /// The wording of the target ("<10", "ska minska").
    Target,
    /// The built-in table of well-known Kolada KPIs, for an indicator whose name carries one's id
    /// ("(U79092)") or Kolada name.
    BuiltIn,
    /// The setting for indicators whose file says nothing.
    Parameter,
}

impl Source {
    /// How the table says where the direction came from.
    pub fn label(self) -> &'static str {
        match self {
            Source::Indicator => "enligt inställningen för indikatorn",
            Source::Column => "enligt kolumnen Önskad riktning",
            Source::Target => "enligt målvärdet",
            Source::BuiltIn => "enligt den inbyggda tabellen över kända Kolada-nyckeltal",
            Source::Parameter => "enligt inställningen",
        }
    }
}

/// The direction the built-in table of Kolada KPIs gives an indicator named `name`.
pub(super) fn built_in(name: &str) -> Option<Direction> {
    use crate::comparison::kpis::{Better, known_in_name};
    known_in_name(name).map(|k| match k.better {
        Better::Higher => Direction::Higher,
        Better::Lower => Direction::Lower,
    })
}

/// The direction a cell of a direction column states: `Some(None)` for a cell that states none
/// on purpose (empty, "oförändrat", "–"), `None` for a cell that cannot be read.
pub(super) fn from_text(text: &str) -> Option<Option<Direction>> {
    let t = text.trim().to_lowercase();
    if t.is_empty() || matches!(t.as_str(), "-" | "–" | "—" | ".." | "oförändrat" | "oförändrad" | "ingen" | "neutral")
    {
        return Some(None);
    }
    const LOWER: &[&str] =
        &["minska", "minskning", "lägre", "låg", "sänk", "färre", "mindre", "ned", "nedåt", "↓", "lower", "decrease"];
    const HIGHER: &[&str] = &[
        "öka", "ökning", "högre", "hög", "höj", "fler", "större", "mer", "upp", "uppåt", "↑", "stärk", "higher",
        "increase",
    ];
    // The first direction word in the text decides ("Högre är bättre", "Lägre värde är bättre").
    let first = |words: &[&str]| words.iter().filter_map(|w| t.find(w)).min();
    match (first(HIGHER), first(LOWER)) {
        (Some(h), Some(l)) => Some(Some(if h < l { Direction::Higher } else { Direction::Lower })),
        (Some(_), None) => Some(Some(Direction::Higher)),
        (None, Some(_)) => Some(Some(Direction::Lower)),
        (None, None) if t == "+" => Some(Some(Direction::Higher)),
        (None, None) => None,
    }
}

/// Directions given per indicator: "Väntetid=minska; Besök=öka" (name, "=", a direction; `;`
/// or new lines between). `Err` names the part that is no such pair.
pub(super) fn per_indicator(text: &str) -> Result<Vec<(String, Direction)>, String> {
    let mut out = Vec::new();
    for part in text.split([';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        let Some((name, dir)) = part.rsplit_once('=') else {
            return Err(format!("'{part}' saknar '=' (skriv t.ex. Väntetid=minska)"));
        };
        match from_text(dir) {
            Some(Some(d)) if !name.trim().is_empty() => out.push((name.trim().to_lowercase(), d)),
            _ => return Err(format!("'{part}' anger ingen riktning (skriv öka eller minska)")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions_per_indicator() {
        assert_eq!(
            per_indicator("Väntetid = minska; Besök=öka\n"),
            Ok(vec![("väntetid".into(), Direction::Lower), ("besök".into(), Direction::Higher)])
        );
        assert!(per_indicator("Väntetid").is_err());
        assert!(per_indicator("Väntetid=kanske").is_err());
    }

    #[test]
    fn reads_direction_cells() {
        assert_eq!(from_text("Öka"), Some(Some(Direction::Higher)));
        assert_eq!(from_text("minska"), Some(Some(Direction::Lower)));
        assert_eq!(from_text("Högre är bättre"), Some(Some(Direction::Higher)));
        assert_eq!(from_text("Lägre värde är bättre"), Some(Some(Direction::Lower)));
        assert_eq!(from_text("↑"), Some(Some(Direction::Higher)));
        assert_eq!(from_text(""), Some(None));
        assert_eq!(from_text("Oförändrat"), Some(None));
        assert_eq!(from_text("kanske"), None);
    }
}

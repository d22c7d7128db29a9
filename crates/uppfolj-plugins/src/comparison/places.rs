//! The compared units (regions, municipalities, Riket and group averages): Kolada's ids and names
//! of Riket and the 21 regions, the names of the units a file gives by id only (from a list of
//! ids and names loaded with it), how a cell of a file names one, and how the `region` parameter
//! finds one.

use std::collections::BTreeMap;
use uppfolj_plugin::kit::text_at;
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, Value};

/// Kolada's id and name of Riket and the 21 regions (Kolada's municipality list, type L, 2026-03).
/// A region's Kolada id is "00" and its two-digit county code (länskod): "0013" is "13", Halland.
pub(super) const REGIONS: &[(&str, &str)] = &[
    ("0000", "Riket"),
    ("0001", "Region Stockholm"),
    ("0003", "Region Uppsala"),
    ("0004", "Region Sörmland"),
    ("0005", "Region Östergötland"),
    ("0006", "Region Jönköpings län"),
    ("0007", "Region Kronoberg"),
    ("0008", "Region Kalmar"),
    ("0009", "Region Gotland"),
    ("0010", "Region Blekinge"),
    ("0012", "Region Skåne"),
    ("0013", "Region Halland"),
    ("0014", "Västra Götalandsregionen"),
    ("0017", "Region Värmland"),
    ("0018", "Region Örebro län"),
    ("0019", "Region Västmanland"),
    ("0020", "Region Dalarna"),
    ("0021", "Region Gävleborg"),
    ("0022", "Region Västernorrland"),
    ("0023", "Region Jämtland Härjedalen"),
    ("0024", "Region Västerbotten"),
    ("0025", "Region Norrbotten"),
];

/// Kolada's id of Riket.
pub(super) const RIKET: &str = "0000";

/// A compared unit as a file names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Place {
    /// What identifies it across files: the Kolada id when known ("0013"), else its name in
    /// lower case.
    pub key: String,
    /// Its name as shown ("Region Halland", "Ale").
    pub name: String,
    /// Riket or a group average ("Alla kommuner (ovägt medel)"): shown as reference, never ranked.
    pub reference: bool,
}

/// Words that mark a group average or a total rather than one region or municipality.
const REFERENCE_WORDS: &[&str] =
    &["riket", "medel", "genomsnitt", "alla kommuner", "alla regioner", "samtliga", "totalt", "hela landet"];

/// The unit named by an id cell and a name cell of a file (either may be empty). Ids are Kolada's
/// ("0013", "1880") or county codes ("13", and "0" for Riket, as in Kolada dumps); a name cell
/// holding only digits is read as an id. `total_row` is a row the import marked as the file's
/// total (a group average).
pub(super) fn place(id: &str, name: &str, total_row: bool) -> Option<Place> {
    let (id, name) = (id.trim(), name.trim());
    let id = if id.is_empty() && is_digits(name) { name } else { id };
    let name = if is_digits(name) { "" } else { name };
    let id = normalise_id(id);
    let known = match id.as_deref() {
        Some(id) => region_by_id(id),
        None => region_by_full_name(name),
    };
    let (key, shown) = match (known, id) {
        (Some((kid, kname)), _) => (kid.to_owned(), kname.to_owned()),
        (None, Some(id)) => (id.clone(), if name.is_empty() { id } else { name.to_owned() }),
        (None, None) if !name.is_empty() => (name.to_lowercase(), name.to_owned()),
        (None, None) => return None,
    };
    let reference = key == RIKET || key.starts_with('G') || total_row || is_group_name(&shown);
    Some(Place { key, name: shown, reference })
}

/// Whether a name is Riket or a group average.
fn is_group_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    REFERENCE_WORDS.iter().any(|w| lower.contains(w))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// "0" → "0000" (Riket), "13" → "0013" (a county code), four digits as they are; Kolada group
/// ids ("G124") as they are.
fn normalise_id(id: &str) -> Option<String> {
    if id.is_empty() {
        return None;
    }
    if is_digits(id) {
        return Some(match id.len() {
            1 if id == "0" => RIKET.to_owned(),
            1 | 2 => format!("{id:0>4}"),
            3 => format!("{id:0>4}"),
            _ => id.to_owned(),
        });
    }
    Some(id.to_owned())
}

/// The names of units by Kolada id, from every dataset with an id and a name column (Kolada's
/// municipality list: `id,title`): "1880" → "Örebro". The first name read for an id is kept.
pub(super) fn names(datasets: &[&Dataset]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for ds in datasets {
        let (Some(id_col), Some(name_col)) = (ds.column(ColumnRole::RegionId), ds.column(ColumnRole::RegionName))
        else {
            continue;
        };
        for r in 0..ds.rows.len() {
            let id = match ds.value(r, id_col) {
                Some(Value::Number { value, .. }) if value.fract() == 0.0 && *value >= 0.0 => format!("{value:.0}"),
                _ => text_at(ds, r, Some(id_col)),
            };
            let name = text_at(ds, r, Some(name_col));
            if let Some(id) = normalise_id(&id).filter(|_| is_digits(&id) && !name.is_empty() && !is_digits(&name)) {
                out.entry(id).or_insert(name);
            }
        }
    }
    out
}

/// Gives the units known by id only (their name is their id) the name `names` has for them.
/// Returns the ids still without a name.
pub(super) fn name_by_id<'a>(
    places: impl IntoIterator<Item = &'a mut Place>,
    names: &BTreeMap<String, String>,
) -> Vec<String> {
    let mut unnamed = Vec::new();
    for p in places {
        if p.name != p.key || !is_digits(&p.key) {
            continue;
        }
        match names.get(&p.key) {
            Some(name) => {
                p.name.clone_from(name);
                p.reference = p.reference || is_group_name(name);
            }
            None if !unnamed.contains(&p.key) => unnamed.push(p.key.clone()),
            None => {}
        }
    }
    unnamed
}

fn region_by_id(id: &str) -> Option<(&'static str, &'static str)> {
    REGIONS.iter().copied().find(|(k, _)| *k == id)
}

/// A region by its name as Kolada writes it ("Region Halland", "Riket"): a file's cell. A bare
/// "Uppsala" or "Örebro" in a file is the municipality.
fn region_by_full_name(name: &str) -> Option<(&'static str, &'static str)> {
    REGIONS.iter().copied().find(|(_, n)| n.to_lowercase() == name.trim().to_lowercase())
}

/// A region by its name, with or without "Region" ("Halland", "region halland", "Jämtland").
fn region_by_name(name: &str) -> Option<(&'static str, &'static str)> {
    let lower = name.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    let bare = |n: &str| {
        let n = n.to_lowercase();
        let n = n.strip_prefix("region ").map(str::to_owned).unwrap_or(n);
        n.strip_suffix(" län").map(str::to_owned).unwrap_or(n)
    };
    let wanted = bare(&lower);
    REGIONS.iter().copied().find(|(_, n)| {
        let b = bare(n);
        n.to_lowercase() == lower
            || b == wanted
            || (wanted.len() >= 4 && b.split_whitespace().next() == Some(wanted.as_str()))
            || (*n == "Västra Götalandsregionen" && wanted == "västra götaland")
    })
}

/// The key of the unit the `region` parameter names, among the units of the data: a Kolada id
/// ("0013", "13", "1880"), a region's name with or without "Region" ("Halland"), or a
/// municipality's name as the file writes it ("Ale", "Ale kommun").
pub(super) fn find<'a>(wanted: &str, places: impl IntoIterator<Item = &'a Place> + Clone) -> Option<&'a Place> {
    let t = wanted.trim();
    let by_key = |key: &str| places.clone().into_iter().find(|p| p.key == key);
    if is_digits(t) {
        return normalise_id(t).and_then(|k| by_key(&k));
    }
    let lower = t.to_lowercase();
    let stripped = lower.strip_suffix("s kommun").or_else(|| lower.strip_suffix(" kommun")).unwrap_or(&lower);
    let by_name = places.clone().into_iter().find(|p| {
        let n = p.name.to_lowercase();
        n == lower || n == stripped || n.strip_suffix(" kommun") == Some(stripped)
    });
    by_name.or_else(|| region_by_name(t).and_then(|(id, _)| by_key(id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ids_and_names_as_files_write_them() {
        let p = |id: &str, name: &str| place(id, name, false).expect("a place");
        assert_eq!(p("0013", "").name, "Region Halland");
        assert_eq!(p("", "13").key, "0013", "a county code in a name column");
        assert_eq!(p("", "0").name, "Riket");
        assert!(p("", "0").reference);
        assert_eq!(p("", "Region Dalarna").key, "0020");
        assert_eq!(p("", "Västra Götalandsregionen").key, "0014");
        assert_eq!(p("", "Örebro").key, "örebro", "a bare name in a file is the municipality");
        assert_eq!(p("1880", "Örebro").name, "Örebro");
        assert_eq!(p("", "Ale").key, "ale");
        assert!(p("", "Alla kommuner (ovägt medel)").reference);
        assert!(!p("", "Ale").reference);
        assert!(place("", "", false).is_none());
    }

    #[test]
    fn the_parameter_finds_a_unit_by_id_or_name() {
        let places = vec![place("0013", "", false).expect("p"), place("", "Ale", false).expect("p")];
        for wanted in ["0013", "13", "Region Halland", "Halland", "halland"] {
            assert_eq!(find(wanted, &places).map(|p| p.key.as_str()), Some("0013"), "{wanted}");
        }
        assert_eq!(find("Ale kommun", &places).map(|p| p.name.as_str()), Some("Ale"));
        assert_eq!(find("Dalarna", &places), None);
        let uppsala = vec![place("", "Uppsala", false).expect("p"), place("", "Region Uppsala", false).expect("p")];
        assert_eq!(find("Uppsala", &uppsala).map(|p| p.key.as_str()), Some("uppsala"), "the municipality");
        assert_eq!(find("Region Uppsala", &uppsala).map(|p| p.key.as_str()), Some("0003"));
    }
}

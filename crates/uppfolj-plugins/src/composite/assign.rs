//! Which loaded tables feed which part: each table goes to the part it fits most closely (the
//! most needs met, [`InputSpec::specificity`]); a table that fits two parts equally feeds both.
//! A file the user chose for a part (`<part>.file`) feeds that part whatever else it fits.

use super::parts::{PARTS, Part};
use std::sync::Arc;
use uppfolj_plugin::model::Dataset;
use uppfolj_plugin::{InputSpec, Params};

/// The parameter key suffix naming a part's file (`budget-follow-up.file`).
pub(crate) const FILE: &str = "file";

/// The tables one part gets, and why.
#[derive(Debug, Default)]
pub(crate) struct Feed<'a> {
    /// The tables, in load order.
    pub tables: Vec<&'a Arc<Dataset>>,
    /// The file the user chose for the part, if any.
    pub chosen: Option<String>,
}

/// How closely `ds` fits `part`: the most needs one of its inputs' alternatives meets.
pub(crate) fn fit(part: &Part, ds: &Dataset) -> Option<usize> {
    part.inputs().iter().filter_map(|spec: &InputSpec| spec.specificity(ds)).max()
}

/// The tables of `datasets` that feed each part of [`PARTS`], in the parts' order.
pub(crate) fn assign<'a>(datasets: &'a [Arc<Dataset>], params: &Params) -> Vec<Feed<'a>> {
    PARTS
        .iter()
        .map(|part| {
            let chosen = params.scope(part.id).text(FILE).map(str::trim).filter(|f| !f.is_empty()).map(str::to_owned);
            let tables = match &chosen {
                Some(file) => datasets.iter().filter(|d| same_file(&d.source.file, file)).collect(),
                None => datasets.iter().filter(|d| closest_part_of(d).contains(&part.id)).collect(),
            };
            Feed { tables, chosen }
        })
        .collect()
}

/// The files a composite report takes for its part `part` (the part's plugin id) when the user
/// has chosen none: of the tables [`assign`] feeds it (those of `datasets` that fit this part at
/// least as closely as any other part), the first in load order, or every one where the part's
/// plugin takes every fitting table (an input with `many`, as the comparison's). Each file
/// once, in load order. The applications list them beside "Automatiskt", so that a part made
/// of several files says so.
pub fn automatic_part_files<'a>(datasets: impl IntoIterator<Item = &'a Dataset>, part: &str) -> Vec<&'a str> {
    let takes_many = PARTS.iter().find(|p| p.id == part).is_some_and(|p| p.inputs().iter().any(|s| s.many));
    let mut files: Vec<&str> = Vec::new();
    for ds in datasets.into_iter().filter(|ds| closest_part_of(ds).contains(&part)) {
        if !files.contains(&ds.source.file.as_str()) {
            files.push(&ds.source.file);
        }
        if !takes_many {
            break;
        }
    }
    files
}

/// The ids of the parts `ds` fits most closely (none when it fits no part).
fn closest_part_of(ds: &Dataset) -> Vec<&'static str> {
    let fits: Vec<(&'static str, usize)> = PARTS.iter().filter_map(|p| fit(p, ds).map(|f| (p.id, f))).collect();
    let best = fits.iter().map(|(_, f)| *f).max();
    fits.into_iter().filter(|(_, f)| Some(*f) == best).map(|(id, _)| id).collect()
}

/// Whether the file name `name` is the one the user wrote (`file`), ignoring case and a path.
fn same_file(name: &str, file: &str) -> bool {
    let base = |s: &str| s.rsplit(['/', '\\']).next().unwrap_or(s).to_lowercase();
    base(name) == base(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_file_is_matched_by_its_name_alone() {
        assert!(same_file("Drift 2024.xlsx", "drift 2024.XLSX"));
        assert!(same_file("drift.xlsx", "C:\\Users\\a\\drift.xlsx"));
        assert!(!same_file("drift.xlsx", "drift2.xlsx"));
    }
}

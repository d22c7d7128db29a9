//! Grouping the lines of a ledger (a huvudbok export, many lines per unit) by its organisation
//! and account columns, shared by budget-follow-up and ledger-outcome: which columns make the
//! levels (the parameter `group`, else the organisation columns when some unit has several
//! lines), and the tree of groups over the lines ([`tree`]), built on each line's label on each
//! level ([`labels`]).

mod labels;
mod tree;

pub(crate) use tree::{Node, Order, build};

use uppfolj_plugin::kit::ColumnTexts;
use uppfolj_plugin::kit::vocab::in_sentence;
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, RowKind};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::Diagnostic;
use uppfolj_plugin::model::vocab::normalise;
use uppfolj_plugin::{ParamSpec, Params};

/// The key of the grouping parameter.
pub(crate) const PARAM: &str = "group";

/// The parameter's Swedish label.
pub(crate) const LABEL: &str = "Gruppera efter";

/// The value that turns grouping off.
const NONE_WORDS: &[&str] = &["ingen", "inga", "nej", "none", "-"];

/// The grouping parameter: column headers or role words, comma separated.
pub(crate) fn param_spec() -> ParamSpec {
    ParamSpec::text(PARAM, LABEL).help(
        "Kolumner att gruppera raderna efter, från översta nivån, åtskilda med komma: rubriker som i filen \
         (t.ex. Förvaltning, Verksamhet eller Konto) eller orden organisation och konto. Tomt: \
         organisationskolumnerna när en enhet har flera rader. 'ingen' visar raderna ogrupperade.",
    )
}

/// How a ledger's lines are grouped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Grouping {
    /// The levels from the top: each the columns whose texts, joined, name a group.
    pub levels: Vec<Vec<usize>>,
    /// Whether the user chose the columns (else they are the default).
    pub chosen: bool,
}

/// How many organisation columns the default grouping takes, from the left: Förvaltning and
/// Verksamhet, not the finer Ansvar or Kostnadsställe.
pub const DEFAULT_ORG_LEVELS: usize = 2;

impl Grouping {
    /// The grouping of `ds`: as the parameter says, else the default (see [`Grouping::default_of`]);
    /// `None` for no grouping. Names in the parameter that match no column are reported (and
    /// when none matches, the default applies).
    pub fn resolve(ds: &Dataset, params: &Params, diags: &mut Vec<Diagnostic>) -> Option<Grouping> {
        let asked = params.text(PARAM).map(str::trim).filter(|t| !t.is_empty());
        let Some(asked) = asked else { return Self::default_of(ds) };
        if NONE_WORDS.contains(&normalise(asked).as_str()) {
            return None;
        }
        let mut groups: Vec<usize> = Vec::new();
        for item in asked.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let found = columns_named(ds, item);
            if found.is_empty() {
                diags.push(Diagnostic::warning(format!(
                    "{LABEL}: filen har ingen kolumn '{item}'. Ange kolumnernas rubriker som i filen ({}), åtskilda \
                     med komma.",
                    headers(ds)
                )));
            }
            groups.extend(found.into_iter().filter(|c| !groups.contains(c)).collect::<Vec<_>>());
        }
        if groups.is_empty() {
            return Self::default_of(ds);
        }
        Some(Grouping { levels: with_level_below(ds, levels_of(ds, &groups)), chosen: true })
    }

    /// The default grouping: the organisation columns, each a level, with the account columns
    /// as the level below, when the file is a flat list (no levels or subtotals) in which some
    /// unit has several lines.
    pub fn default_of(ds: &Dataset) -> Option<Grouping> {
        let org = ds.columns_with(ColumnRole::OrgUnit);
        if org.is_empty() || ds.rows.iter().any(|r| r.level() > 0 || r.kind() == RowKind::Subtotal) {
            return None;
        }
        some_unit_repeats(ds, &org).then(|| Self::units_and_accounts(ds)).flatten()
    }

    /// The first [`DEFAULT_ORG_LEVELS`] organisation columns (Förvaltning, Verksamhet), each a
    /// level, with the account columns as the level below; the account columns alone when there
    /// is no organisation column; `None` without either. Finer organisation columns (Ansvar,
    /// Kostnadsställe) would make a table nearly as long as the ledger: they are named in the
    /// [`Grouping::statement`] and chosen with the parameter.
    pub fn units_and_accounts(ds: &Dataset) -> Option<Grouping> {
        let org: Vec<usize> = ds.columns_with(ColumnRole::OrgUnit).into_iter().take(DEFAULT_ORG_LEVELS).collect();
        let levels = with_level_below(ds, levels_of(ds, &org));
        (!levels.is_empty()).then_some(Grouping { levels, chosen: false })
    }

    /// Says how `lines` lines were grouped and where they are: "Filens 304 rader är grupperade
    /// per Förvaltning och Verksamhet, med Konto på nivån under. …".
    pub fn statement(&self, ds: &Dataset, lines: usize) -> String {
        let levels = self.levels.len();
        let groups = if levels > 1 { levels - 1 } else { levels };
        let count = format::number(lines as f64, 0);
        let mut s = format!("Filens {count} rader är grupperade per {}", self.describe(ds, groups));
        if levels > 1 {
            s.push_str(&format!(", med {} på nivån under", level_name(ds, &self.levels[levels - 1])));
        }
        s.push_str(
            ". Varje grupp är summan av raderna under den. Alla filens rader finns i Excel-exportens blad Indata.",
        );
        if !self.chosen {
            s.push_str(&format!(
                " Grupperingen är standard när en enhet har flera rader; välj en annan med inställningen {LABEL}."
            ));
            s.push_str(&self.finer_columns(ds));
        }
        s
    }

    /// What the default grouping leaves out: " Kolumnen Ansvar är inte med; skriv
    /// förvaltning,verksamhet,ansvar under Gruppera efter för att ta med den." (empty when none is).
    fn finer_columns(&self, ds: &Dataset) -> String {
        let grouped: Vec<usize> = self.levels.iter().flatten().copied().collect();
        let finer: Vec<usize> =
            ds.columns_with(ColumnRole::OrgUnit).into_iter().filter(|c| !grouped.contains(c)).collect();
        if finer.is_empty() {
            return String::new();
        }
        let names: Vec<String> = finer.iter().map(|&c| level_name(ds, &[c])).collect();
        let noun = if names.len() == 1 { "Kolumnen" } else { "Kolumnerna" };
        let pronoun = if names.len() == 1 { "den" } else { "dem" };
        let all: Vec<String> =
            ds.columns_with(ColumnRole::OrgUnit).iter().map(|&c| in_sentence(&level_name(ds, &[c]))).collect();
        format!(
            " {noun} {} är inte med (det blir nästan en rad per rad i filen); skriv {} under {LABEL} för att ta med {pronoun}.",
            join_and(&names),
            all.join(",")
        )
    }

    /// The headers of the group levels (without the level below when there is one), e.g.
    /// "Förvaltning och Verksamhet".
    pub fn describe(&self, ds: &Dataset, groups: usize) -> String {
        let names: Vec<String> = self.levels.iter().take(groups).map(|l| level_name(ds, l)).collect();
        join_and(&names)
    }

    /// The header of every level, "Förvaltning / Verksamhet / Konto".
    pub fn title(&self, ds: &Dataset) -> String {
        self.levels.iter().map(|l| level_name(ds, l)).collect::<Vec<_>>().join(" / ")
    }
}

/// Whether some unit (the texts of the columns `org`) has several lines in `ds`. A row naming no
/// unit (a unit written once over its rows) is no second line of a unit.
fn some_unit_repeats(ds: &Dataset, org: &[usize]) -> bool {
    let mut texts: Vec<ColumnTexts> = org.iter().map(|&c| ColumnTexts::new(ds, c)).collect();
    let mut seen = std::collections::HashSet::new();
    for row in data_rows(ds) {
        let unit: Vec<usize> = texts.iter_mut().map(|t| t.id(row)).collect();
        let named = unit.iter().zip(&texts).any(|(&id, t)| !t.text(id).is_empty());
        if named && !seen.insert(unit) {
            return true;
        }
    }
    false
}

/// The rows of `ds` a grouping counts: those the import marked data (not the file's total and
/// subtotal rows).
pub(crate) fn data_rows(ds: &Dataset) -> impl Iterator<Item = usize> + '_ {
    let heads = ds.rows.heads();
    (0..heads.len()).filter(|&i| heads[i].kind == RowKind::Data)
}

/// The header of a level: its first column's ("Konto" for Konto and Kontonamn).
pub(crate) fn level_name(ds: &Dataset, cols: &[usize]) -> String {
    cols.first().and_then(|&c| ds.columns.get(c)).map(|m| m.name.trim().to_owned()).unwrap_or_default()
}

/// "a", "a och b", "a, b och c".
pub(crate) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} och {last}", rest.join(", ")),
    }
}

/// The columns an item of the parameter names: a header (compared without case and extra
/// spaces), else a role word ("organisation", "konto").
fn columns_named(ds: &Dataset, item: &str) -> Vec<usize> {
    let wanted = normalise(item);
    let by_header: Vec<usize> = (0..ds.columns.len()).filter(|&c| normalise(&ds.columns[c].name) == wanted).collect();
    if !by_header.is_empty() {
        return by_header;
    }
    match wanted.as_str() {
        "organisation" | "org" | "enhet" | "enheter" => ds.columns_with(ColumnRole::OrgUnit),
        "konto" | "konton" | "account" => ds.columns_with(ColumnRole::Account),
        _ => Vec::new(),
    }
}

/// One level per column, except that the account columns (a code and a name) make one level.
fn levels_of(ds: &Dataset, cols: &[usize]) -> Vec<Vec<usize>> {
    let accounts = ds.columns_with(ColumnRole::Account);
    let mut levels: Vec<Vec<usize>> = Vec::new();
    for &c in cols {
        if accounts.contains(&c) {
            if !levels.iter().any(|l| l.contains(&c)) {
                levels.push(accounts.clone());
            }
        } else {
            levels.push(vec![c]);
        }
    }
    levels
}

/// `levels` with the account columns as the level below, unless they are among them already.
fn with_level_below(ds: &Dataset, mut levels: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let accounts = ds.columns_with(ColumnRole::Account);
    if !accounts.is_empty() && !levels.iter().flatten().any(|c| accounts.contains(c)) {
        levels.push(accounts);
    }
    levels
}

/// The headers of `ds`, for a message: "Förvaltning, Konto, Utfall".
fn headers(ds: &Dataset) -> String {
    ds.columns.iter().map(|c| c.name.trim()).filter(|n| !n.is_empty()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use uppfolj_plugin_test_support::{DatasetBuilder, V};

    fn table(rows: &[[&'static str; 4]]) -> Dataset {
        let rows: Vec<Vec<V>> = rows.iter().map(|r| vec![V::T(r[0]), V::T(r[1]), V::T(r[2]), V::T(r[3])]).collect();
        DatasetBuilder::new("huvudbok.csv")
            .columns(&[
                ("Förvaltning", Some(ColumnRole::OrgUnit)),
                ("Konto", Some(ColumnRole::Account)),
                ("Kontonamn", Some(ColumnRole::Account)),
                ("Projekt", None),
            ])
            .rows(&rows)
            .build()
    }

    fn params(group: &str) -> Params {
        Params::parse(&[param_spec()], &[(PARAM.to_owned(), group.to_owned())]).expect("valid")
    }

    #[test]
    fn several_lines_of_a_unit_group_by_default_with_the_accounts_below() {
        let ds = table(&[["Skola", "4010", "Material", ""], ["Skola", "6110", "Kontor", ""]]);
        assert_eq!(Grouping::default_of(&ds), Some(Grouping { levels: vec![vec![0], vec![1, 2]], chosen: false }));
        let once = table(&[["Skola", "4010", "Material", ""], ["Vård", "4010", "Material", ""]]);
        assert_eq!(Grouping::default_of(&once), None, "one line per unit");
        let unnamed =
            table(&[["Skola", "4010", "Material", ""], ["", "6110", "Kontor", ""], ["", "6420", "Resor", ""]]);
        assert_eq!(Grouping::default_of(&unnamed), None, "rows without a unit are not lines of one unit");
    }

    #[test]
    fn the_parameter_names_headers_or_role_words() {
        let ds = table(&[["Skola", "4010", "Material", "P1"]]);
        let mut diags = Vec::new();
        let by = |g: &str, diags: &mut Vec<Diagnostic>| Grouping::resolve(&ds, &params(g), diags).map(|g| g.levels);
        assert_eq!(by("PROJEKT, förvaltning", &mut diags), Some(vec![vec![3], vec![0], vec![1, 2]]));
        assert_eq!(by("kontonamn", &mut diags), Some(vec![vec![1, 2]]), "the account columns are one level");
        assert_eq!(by("organisation", &mut diags), Some(vec![vec![0], vec![1, 2]]));
        assert_eq!(by("ingen", &mut diags), None);
        assert!(diags.is_empty());
        assert_eq!(by("ansvar", &mut diags), None, "no such column, and the file has one line per unit");
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn by_default_the_two_first_organisation_columns_and_the_finer_ones_are_named() {
        let rows: Vec<Vec<V>> = [
            ["Skola", "Grundskola", "1001", "4010"],
            ["Skola", "Grundskola", "1002", "4010"],
            ["Skola", "Grundskola", "1001", "6110"],
        ]
        .iter()
        .map(|r| r.iter().map(|t| V::T(t)).collect())
        .collect();
        let ds = DatasetBuilder::new("huvudbok.csv")
            .columns(&[
                ("Förvaltning", Some(ColumnRole::OrgUnit)),
                ("Verksamhet", Some(ColumnRole::OrgUnit)),
                ("Ansvar", Some(ColumnRole::OrgUnit)),
                ("Konto", Some(ColumnRole::Account)),
            ])
            .rows(&rows)
            .build();
        let grouping = Grouping::default_of(&ds).expect("grouped");
        assert_eq!(grouping.levels, vec![vec![0], vec![1], vec![3]]);
        let said = grouping.statement(&ds, 3);
        assert!(said.contains("Kolumnen Ansvar är inte med"), "{said}");
        assert!(said.contains("förvaltning,verksamhet,ansvar"), "{said}");
        let chosen = Grouping::resolve(&ds, &params("organisation"), &mut Vec::new()).expect("grouped");
        assert_eq!(chosen.levels, vec![vec![0], vec![1], vec![2], vec![3]], "the parameter takes every one");
    }
}

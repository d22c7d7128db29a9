//! What a plugin needs: [`InputSpec`]s made of alternatives of [`Need`]s, and the [`Inputs`] it
//! runs on. The applications choose plugins for loaded files from these declarations alone.

use crate::kit::vocab;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::Arc;
use uppfolj_model::dataset::{ColumnRole, Dataset, DatasetKind, Value};

/// One thing a dataset must have to fit an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum Need {
    /// A column with this role.
    Role(ColumnRole),
    /// A row whose text (in any text cell) contains this phrase, compared in lower case with
    /// single spaces ("årets resultat").
    RowText(String),
    /// At least this many columns named by a year ("2023", "Bokslut 2024"), in the header or in
    /// the column's period.
    YearColumns(usize),
}

impl From<ColumnRole> for Need {
    fn from(role: ColumnRole) -> Self {
        Need::Role(role)
    }
}

impl Need {
    /// Whether `dataset` has this.
    pub fn is_met_by(&self, dataset: &Dataset) -> bool {
        match self {
            Need::Role(role) => dataset.column(*role).is_some(),
            Need::RowText(phrase) => has_row_text(dataset, phrase),
            Need::YearColumns(n) => year_columns(dataset) >= *n,
        }
    }

    /// How much checking it costs: a column's role is looked up, year columns read a few rows, a
    /// row text reads them all.
    fn cost(&self) -> u8 {
        match self {
            Need::Role(_) => 0,
            Need::YearColumns(_) => 1,
            Need::RowText(_) => 2,
        }
    }

    /// `needs` in the order to check them: the cheapest first, so that a ledger without year
    /// columns is not read row by row for a row text.
    pub fn cheapest_first(needs: &[Need]) -> Vec<&Need> {
        let mut ordered: Vec<&Need> = needs.iter().collect();
        ordered.sort_by_key(|n| n.cost());
        ordered
    }

    /// The need in Swedish words, for messages ("kolumnen Budget", "raden 'Årets resultat'").
    pub fn describe_sv(&self) -> String {
        match self {
            Need::Role(role) => format!("kolumnen {}", role.label_sv()),
            Need::RowText(phrase) => format!("en rad '{}'", capitalise(phrase)),
            Need::YearColumns(1) => "en kolumn per år".to_owned(),
            Need::YearColumns(n) => format!("minst {n} årskolumner"),
        }
    }
}

/// Whether `dataset` meets every need of `needs`, the cheapest checked first.
fn all_met(needs: &[Need], dataset: &Dataset) -> bool {
    Need::cheapest_first(needs).into_iter().all(|n| n.is_met_by(dataset))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Whether a text cell of `dataset` holds `phrase`, compared normalised. A text repeated in a
/// table (a ledger's förvaltning on every line) is one shared allocation, so each allocation is
/// normalised once: a 200 000-line ledger's 1.4 million text cells hold a few thousand. In the
/// browser, normalising every cell made choosing the reports take over a second.
fn has_row_text(dataset: &Dataset, phrase: &str) -> bool {
    let phrase = vocab::norm(phrase);
    let mut seen: HashSet<*const u8, foldhash::fast::RandomState> = HashSet::default();
    dataset.rows.all_values().any(|value| match value {
        Value::Text(t) => seen.insert(t.as_ptr()) && vocab::norm(t).contains(&phrase),
        _ => false,
    })
}

/// Columns named by a year that hold numbers (a year in the header or period), else the year
/// numbers of the first of the top six rows that has at least two (a year row the import took
/// for data, as balance-requirement tables often have).
fn year_columns(dataset: &Dataset) -> usize {
    let holds_numbers = |c: usize| dataset.rows.column(c).is_some_and(|v| v.iter().any(|x| x.as_f64().is_some()));
    let named = dataset
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.period.as_deref().and_then(vocab::year_in).or_else(|| vocab::year_in(&c.name)).is_some())
        .filter(|(i, _)| holds_numbers(*i))
        .count();
    if named > 0 {
        return named;
    }
    dataset
        .rows
        .iter()
        .take(6)
        .map(|row| row.values().filter(|v| v.as_f64().is_some_and(vocab::is_year_number)).count())
        .find(|&n| n >= 2)
        .unwrap_or(0)
}

/// A dataset a plugin needs.
///
/// A dataset fits when it meets every need of at least one alternative:
/// ```
/// # use uppfolj_plugin::InputSpec;
/// # use uppfolj_plugin::model::dataset::{ColumnRole, DatasetKind};
/// let spec = InputSpec::new("costs", "Kostnader per verksamhet")
///     .kind(DatasetKind::Budget)
///     .requires([ColumnRole::Outcome])
///     .or_requires([ColumnRole::Budget])
///     .uses([ColumnRole::OrgUnit]);
/// assert_eq!(spec.alternatives.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputSpec {
    /// Stable key of the input within the plugin ("budget"), used to bind a file to it.
    pub key: String,
    /// What the input is, in Swedish ("Driftredovisning med budget och utfall").
    pub description_sv: String,
    /// The kind of dataset expected (informative: the needs decide).
    pub kind: DatasetKind,
    /// Alternatives of needs; a dataset fits when it meets all needs of one of them. No
    /// alternative at all means any dataset fits.
    pub alternatives: Vec<Vec<Need>>,
    /// Column roles used when present.
    pub optional_roles: Vec<ColumnRole>,
    /// Whether the plugin can run without this input.
    pub optional: bool,
    /// Whether the plugin takes every fitting dataset for this input, not just one.
    pub many: bool,
    /// Whether the input takes a table of a file of its own: not of a file that an input
    /// declared before it takes (the second of two budget files compared). Its plugin finds the
    /// table with [`crate::require_another`].
    #[serde(default)]
    pub own_file: bool,
}

impl InputSpec {
    /// An input with the stable `key`, described in Swedish; add needs with [`InputSpec::requires`].
    pub fn new(key: impl Into<String>, description_sv: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            description_sv: description_sv.into(),
            kind: DatasetKind::Table,
            alternatives: Vec::new(),
            optional_roles: Vec::new(),
            optional: false,
            many: false,
            own_file: false,
        }
    }

    /// Sets the kind of dataset expected.
    #[must_use]
    pub fn kind(mut self, kind: DatasetKind) -> Self {
        self.kind = kind;
        self
    }

    /// Adds an alternative: a dataset with all of `needs` fits.
    #[must_use]
    pub fn requires<N: Into<Need>>(mut self, needs: impl IntoIterator<Item = N>) -> Self {
        self.alternatives.push(needs.into_iter().map(Into::into).collect());
        self
    }

    /// Adds another alternative (the same as [`InputSpec::requires`], read as "or").
    #[must_use]
    pub fn or_requires<N: Into<Need>>(self, needs: impl IntoIterator<Item = N>) -> Self {
        self.requires(needs)
    }

    /// Column roles used when present.
    #[must_use]
    pub fn uses(mut self, roles: impl IntoIterator<Item = ColumnRole>) -> Self {
        self.optional_roles.extend(roles);
        self
    }

    /// Marks the input optional: the plugin runs without it.
    #[must_use]
    pub fn optional(mut self) -> Self {
        self.optional = true;
        self
    }

    /// Marks the input as taking every fitting dataset.
    #[must_use]
    pub fn many(mut self) -> Self {
        self.many = true;
        self
    }

    /// Marks the input as taking a table of another file than the inputs declared before it
    /// (two files of the same kind compared: [`crate::require_another`]).
    #[must_use]
    pub fn own_file(mut self) -> Self {
        self.own_file = true;
        self
    }

    /// Whether `dataset` meets every need of one alternative.
    pub fn accepts(&self, dataset: &Dataset) -> bool {
        self.alternatives.is_empty() || self.alternatives.iter().any(|needs| all_met(needs, dataset))
    }

    /// How closely `dataset` fits: the number of needs of the largest alternative it meets
    /// (0 for an input with no alternatives); `None` when it does not fit.
    pub fn specificity(&self, dataset: &Dataset) -> Option<usize> {
        if self.alternatives.is_empty() {
            return Some(0);
        }
        self.alternatives.iter().filter(|needs| all_met(needs, dataset)).map(Vec::len).max()
    }

    /// What the input needs, in Swedish: the description and the alternatives
    /// ("Driftredovisning (kolumnen Budget och kolumnen Utfall)").
    pub fn describe_sv(&self) -> String {
        let alternatives: Vec<String> = self
            .alternatives
            .iter()
            .map(|needs| needs.iter().map(Need::describe_sv).collect::<Vec<_>>().join(" och "))
            .collect();
        if alternatives.is_empty() {
            self.description_sv.clone()
        } else {
            format!("{} ({})", self.description_sv, alternatives.join(", eller "))
        }
    }
}

/// The datasets a plugin runs on.
///
/// The datasets are shared ([`Arc`]): the application hands every plugin run the datasets it
/// imported without copying them, and a plugin reads them as `&Dataset` (`for d in
/// &inputs.datasets`, [`Inputs::matching`]). Serialised, each is its plain JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Inputs {
    /// All datasets the user loaded, in load order.
    pub datasets: Vec<Arc<Dataset>>,
}

impl Inputs {
    /// Inputs from datasets, owned (`vec![dataset]`) or shared (`Arc<Dataset>`).
    pub fn new<D: Into<Arc<Dataset>>>(datasets: impl IntoIterator<Item = D>) -> Self {
        Self { datasets: datasets.into_iter().map(Into::into).collect() }
    }

    /// Every dataset, in load order.
    pub fn iter(&self) -> impl Iterator<Item = &Dataset> {
        self.datasets.iter().map(AsRef::as_ref)
    }

    /// The datasets `spec` accepts, in load order.
    pub fn matching<'a>(&'a self, spec: &'a InputSpec) -> impl Iterator<Item = &'a Dataset> + 'a {
        self.iter().filter(move |d| spec.accepts(d))
    }

    /// Whether every required input in `specs` has a fitting dataset.
    pub fn satisfy(&self, specs: &[InputSpec]) -> bool {
        self.fit(specs).is_some()
    }

    /// How closely the datasets fit `specs`: the needs the files meet, input by input, each
    /// alternative of needs counted once. For an input of one table, the table that meets the
    /// most needs ([`InputSpec::specificity`]; for an [`InputSpec::own_file`] input, of a file
    /// the inputs before it do not take); for an input declared [`InputSpec::many`], the
    /// closest-fitting table of each file. `None` when a required input has no dataset.
    ///
    /// A plugin that asks for budget and outcome fits a driftredovisning more closely than one
    /// that asks for an outcome alone, so the apps offer it first; a report that takes every
    /// file it can use (an interim report) fits files for several of its parts more closely than
    /// the report on one of them, and as closely as that report when only its file is loaded.
    /// A second file of the same kind (a budget file and another budget file) meets the same
    /// needs again and adds nothing: it says nothing new about which report is meant, so two
    /// budget files fit the budget report as closely as a report that compares them or one made
    /// of several parts. Ties go to the first plugin in the registry.
    pub fn fit(&self, specs: &[InputSpec]) -> Option<usize> {
        let mut counted: Vec<&[Need]> = Vec::new();
        let mut taken: Vec<&str> = Vec::new();
        let mut total = 0;
        for spec in specs.iter().filter(|s| !s.optional) {
            let best = self.best_per_file(spec);
            if spec.many {
                if best.is_empty() {
                    return None;
                }
                for (_, needs) in best {
                    total += count_once(&mut counted, needs);
                }
                continue;
            }
            let free = best.into_iter().filter(|(file, _)| !spec.own_file || !taken.contains(file));
            // The file that adds the most (a need counted already adds nothing); the first among equals.
            let gain = |needs: &[Need], counted: &[&[Need]]| if counted.contains(&needs) { 0 } else { needs.len() };
            let (file, needs) = free.fold(None, |best: Option<(&str, &[Need])>, (file, needs)| match best {
                Some((_, b)) if gain(b, &counted) >= gain(needs, &counted) => best,
                _ => Some((file, needs)),
            })?;
            taken.push(file);
            total += count_once(&mut counted, needs);
        }
        Some(total)
    }

    /// For each file with a table `spec` accepts, in load order: the largest alternative of needs
    /// one of its tables meets (the first declared among equals; empty for a spec with none).
    fn best_per_file<'a>(&'a self, spec: &'a InputSpec) -> Vec<(&'a str, &'a [Need])> {
        let mut best: Vec<(&str, &[Need])> = Vec::new();
        for d in &self.datasets {
            let met = spec.alternatives.iter().filter(|needs| all_met(needs, d));
            let needs: Option<&[Need]> = if spec.alternatives.is_empty() {
                Some(&[])
            } else {
                met.fold(None, |b: Option<&[Need]>, n| if b.is_some_and(|b| b.len() >= n.len()) { b } else { Some(n) })
            };
            let Some(needs) = needs else { continue };
            match best.iter_mut().find(|(file, _)| *file == d.source.file) {
                Some((_, b)) if b.len() < needs.len() => *b = needs,
                Some(_) => {}
                None => best.push((&d.source.file, needs)),
            }
        }
        best
    }
}

/// The number of needs in `needs`, unless the same alternative was counted already (then 0).
fn count_once<'a>(counted: &mut Vec<&'a [Need]>, needs: &'a [Need]) -> usize {
    if counted.contains(&needs) {
        return 0;
    }
    counted.push(needs);
    needs.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use uppfolj_model::Rows;
    use uppfolj_model::dataset::{ColumnMeta, SourceFile};

    fn table(file: &str, roles: &[ColumnRole]) -> Dataset {
        Dataset {
            source: SourceFile { file: file.to_owned(), sheet: None },
            title: String::new(),
            kind: DatasetKind::Table,
            unit: None,
            range: None,
            columns: roles.iter().zip(0..).map(|(r, i)| ColumnMeta::new(r.label_sv(), Some(*r), i)).collect(),
            rows: Rows::default(),
        }
    }

    fn budget() -> InputSpec {
        InputSpec::new("budget", "Budget").requires([ColumnRole::Budget, ColumnRole::Outcome])
    }

    #[test]
    fn a_second_file_of_the_same_kind_adds_nothing_to_the_fit() {
        let both = [ColumnRole::Budget, ColumnRole::Outcome];
        let two = Inputs::new(vec![table("a.csv", &both), table("b.csv", &both)]);
        let grants = Inputs::new(vec![table("a.csv", &both), table("c.csv", &[ColumnRole::Allocated])]);
        let many = InputSpec::new("files", "Filer")
            .requires([ColumnRole::Budget, ColumnRole::Outcome])
            .or_requires([ColumnRole::Allocated])
            .many();
        assert_eq!(two.fit(&[budget()]), Some(2));
        assert_eq!(two.fit(std::slice::from_ref(&many)), Some(2), "the same needs met twice count once");
        assert_eq!(grants.fit(&[many]), Some(3), "files for two alternatives both count");
        let compare = [budget(), InputSpec { key: "other".into(), ..budget() }.own_file()];
        assert_eq!(two.fit(&compare), Some(2), "a comparison of two budget files fits as the budget report");
        let one = Inputs::new(vec![table("a.csv", &both)]);
        assert_eq!(one.fit(&compare), None, "an input of its own file needs another file");
        assert!(!one.satisfy(&compare) && two.satisfy(&compare));
    }
}

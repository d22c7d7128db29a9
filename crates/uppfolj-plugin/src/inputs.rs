//! What a plugin needs: [`InputSpec`]s made of alternatives of [`Need`]s, and the [`Inputs`] it
//! runs on. The applications choose plugins for loaded files from these declarations alone.

use crate::kit::vocab;
use serde::{Deserialize, Serialize};
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

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn has_row_text(dataset: &Dataset, phrase: &str) -> bool {
    let phrase = vocab::norm(phrase);
    dataset.rows.iter().any(|row| {
        row.cells.iter().any(|cell| matches!(&cell.value, Value::Text(t) if vocab::norm(t).contains(&phrase)))
    })
}

/// Columns named by a year that hold numbers (a year in the header or period), else the year
/// numbers of the first of the top six rows that has at least two (a year row the import took
/// for data, as balance-requirement tables often have).
fn year_columns(dataset: &Dataset) -> usize {
    let holds_numbers =
        |c: usize| dataset.rows.iter().any(|r| matches!(r.cells.get(c).map(|x| &x.value), Some(Value::Number { .. })));
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
        .map(|row| row.cells.iter().filter(|c| c.value.as_f64().is_some_and(vocab::is_year_number)).count())
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

    /// Whether `dataset` meets every need of one alternative.
    pub fn accepts(&self, dataset: &Dataset) -> bool {
        self.alternatives.is_empty() || self.alternatives.iter().any(|needs| needs.iter().all(|n| n.is_met_by(dataset)))
    }

    /// How closely `dataset` fits: the number of needs of the largest alternative it meets
    /// (0 for an input with no alternatives); `None` when it does not fit.
    pub fn specificity(&self, dataset: &Dataset) -> Option<usize> {
        if self.alternatives.is_empty() {
            return Some(0);
        }
        self.alternatives.iter().filter(|needs| needs.iter().all(|n| n.is_met_by(dataset))).map(Vec::len).max()
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

    /// How closely the datasets fit `specs`: for each required input, the most needs a dataset
    /// meets ([`InputSpec::specificity`]), added up; an input declared [`InputSpec::many`] counts
    /// every file it takes (the closest-fitting table of each). `None` when a required input has no dataset.
    ///
    /// A plugin that asks for budget and outcome fits a driftredovisning more closely than one
    /// that asks for an outcome alone, so the apps offer it first; a report that takes every
    /// file it can use (an annual report) fits several files more closely than a report on one
    /// of them, and as closely as that report when only its file is loaded.
    pub fn fit(&self, specs: &[InputSpec]) -> Option<usize> {
        specs.iter().filter(|s| !s.optional).map(|s| self.input_fit(s)).sum()
    }

    fn input_fit(&self, spec: &InputSpec) -> Option<usize> {
        let mut best_per_file: Vec<(&str, usize)> = Vec::new();
        for d in &self.datasets {
            let Some(fit) = spec.specificity(d) else { continue };
            match best_per_file.iter_mut().find(|(file, _)| *file == d.source.file) {
                Some((_, best)) => *best = (*best).max(fit),
                None => best_per_file.push((&d.source.file, fit)),
            }
        }
        let fits = best_per_file.into_iter().map(|(_, fit)| fit);
        if spec.many { fits.reduce(|a, b| a + b) } else { fits.max() }
    }
}

//! Reading KPI observations (KPI, unit, year, gender, value) from the datasets the import gives
//! for Kolada data: long tables (the API's JSON, CSV files with a row per value) and wide ones
//! (Kolada's Excel export: a row per unit and KPI, a column per year).

use super::kpis::is_kpi_id;
use super::places::{Place, place};
use uppfolj_plugin::kit::text_at;
use uppfolj_plugin::kit::vocab::{year, year_in, year_number};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, RowKind, Value};
use uppfolj_plugin::model::unit::Unit;

/// Kön: Kolada's T (totalt), K (kvinnor), M (män).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Gender {
    Total,
    Women,
    Men,
}

impl Gender {
    /// Reads "T", "k", "Kvinnor", "män", "male", "Totalt", …; an empty cell is the total.
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim().to_lowercase();
        match t.as_str() {
            "" | "t" | "tot" | "totalt" | "total" | "alla" | "båda könen" | "samtliga" => Some(Self::Total),
            "k" | "kvinna" | "kvinnor" | "f" | "female" | "women" => Some(Self::Women),
            "m" | "man" | "män" | "male" | "men" => Some(Self::Men),
            _ => None,
        }
    }

    /// "totalt", "kvinnor", "män".
    pub fn label(self) -> &'static str {
        match self {
            Self::Total => "totalt",
            Self::Women => "kvinnor",
            Self::Men => "män",
        }
    }

    /// Kolada's letter.
    pub fn letter(self) -> &'static str {
        match self {
            Self::Total => "T",
            Self::Women => "K",
            Self::Men => "M",
        }
    }
}

/// One value of a KPI for a unit, a year and a gender.
#[derive(Debug, Clone)]
pub(super) struct Obs {
    /// The KPI's Kolada id, when the file gives one ("N70060").
    pub kpi_id: Option<String>,
    /// The KPI's name, when the file gives one.
    pub kpi_name: Option<String>,
    pub place: Place,
    pub year: i32,
    pub gender: Gender,
    /// The value; `None` for a missing value ("..", "-", empty).
    pub value: Option<f64>,
    /// The unit of the value column, if the import found one.
    pub unit: Option<Unit>,
    /// The dataset (index in the inputs), row and column of the value.
    pub ds: usize,
    pub row: usize,
    pub col: usize,
}

/// Where a dataset's columns are.
#[derive(Debug, Default)]
struct Columns {
    kpi_id: Option<usize>,
    kpi_name: Option<usize>,
    region_id: Option<usize>,
    region_name: Option<usize>,
    year: Option<usize>,
    gender: Option<usize>,
    /// The value columns, each with the year it stands for in a wide layout.
    values: Vec<(usize, Option<i32>)>,
    /// The KPI named by a value column's header ("u79092") when the file has no KPI column.
    kpi_from_header: Option<String>,
}

/// Whether a column holds numbers in most of its non-empty cells.
fn numeric(ds: &Dataset, col: usize) -> bool {
    let (mut numbers, mut filled) = (0, 0);
    for row in &ds.rows {
        match row.value(col) {
            Some(Value::Number { .. }) => {
                numbers += 1;
                filled += 1;
            }
            Some(Value::Text(_)) => filled += 1,
            _ => {}
        }
    }
    numbers > 0 && numbers * 2 >= filled
}

impl Columns {
    fn find(ds: &Dataset) -> Self {
        let mut c = Self {
            kpi_id: ds.column(ColumnRole::IndicatorId),
            kpi_name: ds.column(ColumnRole::IndicatorName),
            region_id: ds.column(ColumnRole::RegionId),
            region_name: ds.column(ColumnRole::RegionName),
            year: ds.column(ColumnRole::Year),
            gender: ds.column(ColumnRole::Gender),
            ..Self::default()
        };
        let period_year = |i: usize| ds.columns[i].period.as_deref().and_then(year_in);
        let wide: Vec<(usize, Option<i32>)> = (0..ds.columns.len())
            .filter(|&i| ds.columns[i].role == Some(ColumnRole::Value) && period_year(i).is_some())
            .map(|i| (i, period_year(i)))
            .collect();
        if c.year.is_none() && !wide.is_empty() {
            c.values = wide;
        } else if c.year.is_some() {
            c.values = ds.column(ColumnRole::Value).map(|v| vec![(v, None)]).unwrap_or_default();
            if let [(v, None)] = c.values[..]
                && c.kpi_id.is_none()
                && c.kpi_name.is_none()
            {
                let header = ds.columns[v].name.trim().to_uppercase();
                c.kpi_from_header = is_kpi_id(&header).then_some(header);
            }
            if c.values.is_empty() {
                // A long table whose value column is headed by the KPI ("u79092") gets no role
                // from the import: the one numeric column without a role is the value.
                let unnamed: Vec<usize> =
                    (0..ds.columns.len()).filter(|&i| ds.columns[i].role.is_none() && numeric(ds, i)).collect();
                if let [v] = unnamed[..] {
                    c.values = vec![(v, None)];
                    let header = ds.columns[v].name.trim().to_uppercase();
                    c.kpi_from_header = is_kpi_id(&header).then_some(header);
                }
            }
        }
        c
    }
}

/// The observations of dataset `ds` (number `index` in the inputs). Empty when the dataset has
/// no region or municipality and no year or value columns.
pub(super) fn read(index: usize, ds: &Dataset) -> Vec<Obs> {
    let cols = Columns::find(ds);
    if cols.values.is_empty() || (cols.region_id.is_none() && cols.region_name.is_none()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (r, row) in ds.rows.iter().enumerate() {
        let Some(place) =
            place(&text_at(ds, r, cols.region_id), &text_at(ds, r, cols.region_name), row.kind() == RowKind::Total)
        else {
            continue;
        };
        let (kpi_id, kpi_name) = kpi_of(ds, r, &cols);
        let Some(gender) = Gender::parse(&text_at(ds, r, cols.gender)) else { continue };
        let row_year = cols.year.and_then(|c| match ds.value(r, c) {
            Some(Value::Number { value, .. }) => year_number(*value),
            Some(Value::Text(t)) => year(t).or_else(|| year_in(t)),
            _ => None,
        });
        for &(col, col_year) in &cols.values {
            let Some(y) = col_year.or(row_year) else { continue };
            out.push(Obs {
                kpi_id: kpi_id.clone(),
                kpi_name: kpi_name.clone(),
                place: place.clone(),
                year: y,
                gender,
                value: ds.value(r, col).and_then(Value::as_f64).filter(|v| v.is_finite()),
                unit: ds.unit_of(col).cloned(),
                ds: index,
                row: r,
                col,
            });
        }
    }
    out
}

/// The KPI of row `r`: its id and name. An id column holding names (as rKolada's exports do)
/// gives the name; without a KPI column, the value column's header ("u79092") or the dataset's
/// title names it.
fn kpi_of(ds: &Dataset, r: usize, cols: &Columns) -> (Option<String>, Option<String>) {
    let id_text = text_at(ds, r, cols.kpi_id);
    let name_text = text_at(ds, r, cols.kpi_name);
    let (mut id, mut name) = (None, (!name_text.is_empty()).then_some(name_text));
    if is_kpi_id(&id_text) {
        id = Some(id_text.to_uppercase());
    } else if !id_text.is_empty() && name.is_none() {
        name = Some(id_text);
    }
    if id.is_none() && name.is_none() {
        id.clone_from(&cols.kpi_from_header);
        if id.is_none() {
            name = Some(ds.title.trim().to_owned()).filter(|t| !t.is_empty());
        }
    }
    (id, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_genders_as_written() {
        assert_eq!(Gender::parse("T"), Some(Gender::Total));
        assert_eq!(Gender::parse("k"), Some(Gender::Women));
        assert_eq!(Gender::parse("Män"), Some(Gender::Men));
        assert_eq!(Gender::parse(""), Some(Gender::Total));
        assert_eq!(Gender::parse("okänt"), None);
    }
}

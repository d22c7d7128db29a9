//! The tables: requirement, planned and realised effect per year; the measures with their effect
//! per year and status; and planned effect per area and year.

use super::compute::{Figures, YearFigures};
use super::read::{Measure, Plan, year_label};
use super::status::status_of;
use uppfolj_plugin::kit::{RowShape, TableBuilder};
use uppfolj_plugin::kit::{amount_col, diff, percent_col, status_col, text_col};
use uppfolj_plugin::model::report::{ColumnFormula, Table, TableCell};

/// Requirement, planned, under preparation, not planned and realised per year.
pub(super) fn per_year(figures: &Figures, plan: &Plan) -> Table {
    let unit = &plan.unit;
    let rows: Vec<YearFigures> = figures.years.iter().map(|&y| figures.year(y)).collect();
    TableBuilder::new("per-ar", format!("Krav, planerad och realiserad effekt per år, {}", unit.label()))
        .column(text_col("ar", "År"), |f: &YearFigures| TableCell::Text(year_label(f.year)))
        .column(amount_col("krav", "Krav", unit, None), |f| TableCell::number(f.required))
        .column(amount_col("planerat", "Planerat (beslutade åtgärder)", unit, None), |f| TableCell::Number(f.planned))
        .column(amount_col("beredning", "Under beredning", unit, None), |f| TableCell::Number(f.in_preparation))
        .column(amount_col("ej_planerat", "Ej planerat", unit, Some(diff("krav", "planerat"))), |f| {
            TableCell::number(f.gap())
        })
        .column(
            amount_col(
                "ej_planerat_efter_beredning",
                "Ej planerat efter beredning",
                unit,
                Some(diff("ej_planerat", "beredning")),
            ),
            |f| TableCell::number(f.gap_after_preparation()),
        )
        .column(amount_col("realiserat", "Realiserat", unit, None), |f| TableCell::Number(f.realised))
        .column(
            percent_col(
                "realiserat_pct",
                "Realiserat av planerat, %",
                Some(ColumnFormula::Percent { a: "realiserat".into(), b: "planerat".into() }),
            ),
            |f| TableCell::number(f.realised_percent()),
        )
        .build(rows.iter().map(|f| (f, RowShape::data())))
}

/// A row of the measures table: a measure, or the sum of the decided measures.
enum MeasureRow<'a> {
    Measure(&'a Measure),
    DecidedTotal,
}

impl MeasureRow<'_> {
    /// The cell of a text column: `text` of a measure, empty in the total row.
    fn text(&self, text: impl Fn(&Measure) -> &str) -> TableCell {
        match self {
            MeasureRow::Measure(m) => TableCell::Text(text(m).to_owned()),
            MeasureRow::DecidedTotal => TableCell::Empty,
        }
    }
}

/// The measures with their planned and realised effect per year, status and who is responsible,
/// and the sum of the decided measures.
pub(super) fn per_measure(figures: &Figures, plan: &Plan) -> Table {
    let unit = &plan.unit;
    let mut table = TableBuilder::new("per-atgard", format!("Åtgärder, {}", unit.label()))
        .column(text_col("atgard", "Åtgärd"), |r: &MeasureRow| match r {
            MeasureRow::Measure(m) => TableCell::Text(m.label.clone()),
            MeasureRow::DecidedTotal => TableCell::Text("Summa beslutade åtgärder".into()),
        })
        .column_if(plan.columns.area.is_some(), text_col("omrade", "Område"), |r| r.text(|m| &m.area));
    for y in figures.years.iter().copied() {
        let column = amount_col(
            &format!("planerat_{}", year_label(y)),
            &format!("Planerad effekt {}", year_label(y)),
            unit,
            None,
        );
        table = table.column(column, move |r| match r {
            MeasureRow::Measure(m) => TableCell::number(m.planned.get(&y).copied()),
            MeasureRow::DecidedTotal => TableCell::Number(figures.planned(y)),
        });
    }
    for y in figures.realised_years() {
        let column = amount_col(
            &format!("realiserat_{}", year_label(y)),
            &format!("Realiserad effekt {}", year_label(y)),
            unit,
            None,
        );
        table = table.column(column, move |r| match r {
            MeasureRow::Measure(m) => TableCell::number(m.realised.get(&y).copied()),
            MeasureRow::DecidedTotal => TableCell::Number(figures.realised_decided(y)),
        });
    }
    let rows: Vec<MeasureRow> =
        plan.measures.iter().map(MeasureRow::Measure).chain([MeasureRow::DecidedTotal]).collect();
    // The total sums the decided measures only.
    let decided = (0..plan.measures.len()).filter(|&i| !plan.measures[i].in_preparation).collect();
    let shapes = plan.measures.iter().map(|_| RowShape::data()).chain([RowShape::total(decided)]);
    table
        .column_if(plan.columns.status.is_some(), status_col("status", "Status"), |r| match r {
            MeasureRow::Measure(m) => status_cell(&m.status_text),
            MeasureRow::DecidedTotal => TableCell::Empty,
        })
        .column_if(plan.columns.responsible.is_some(), text_col("ansvarig", "Ansvarig"), |r| r.text(|m| &m.responsible))
        .build(rows.iter().zip(shapes))
}

/// The status of a measure: its own text, or the status's name when the text is empty.
fn status_cell(text: &str) -> TableCell {
    let (status, _) = status_of(text);
    let label = if text.is_empty() { status.label_sv().to_owned() } else { text.to_owned() };
    TableCell::Status { status, label }
}

/// A row of the areas table: an area (empty: measures without one), or the sum.
enum AreaRow<'a> {
    Area(&'a str),
    Total,
}

/// Planned effect of the decided measures per area and year, and the sum; `None` when the file
/// has no area column.
pub(super) fn per_area(figures: &Figures, plan: &Plan) -> Option<Table> {
    plan.columns.area?;
    let unit = &plan.unit;
    let areas = figures.areas();
    let mut table = TableBuilder::new("per-omrade", format!("Planerad effekt per område och år, {}", unit.label()))
        .column(text_col("omrade", "Område"), |r: &AreaRow| match r {
            AreaRow::Area("") => TableCell::Text("Utan område".into()),
            AreaRow::Area(a) => TableCell::Text((*a).to_owned()),
            AreaRow::Total => TableCell::Text("Summa".into()),
        });
    for y in figures.years.iter().copied() {
        let column = amount_col(&format!("planerat_{}", year_label(y)), &year_label(y), unit, None);
        table = table.column(column, move |r| match r {
            AreaRow::Area(a) => TableCell::Number(figures.area_planned(a, y)),
            AreaRow::Total => TableCell::Number(figures.planned(y)),
        });
    }
    let rows: Vec<AreaRow> = areas.iter().map(|a| AreaRow::Area(a)).chain([AreaRow::Total]).collect();
    let shapes = (0..areas.len()).map(|_| RowShape::data()).chain([RowShape::total((0..areas.len()).collect())]);
    Some(table.build(rows.iter().zip(shapes)))
}

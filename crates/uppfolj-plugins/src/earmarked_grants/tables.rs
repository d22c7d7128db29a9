//! The table: allocated, used, remaining and share used per project, whether it reports back,
//! its status, and the sum.

use super::compute::{Figures, Use, remaining, share_used};
use super::read::Grants;
use uppfolj_plugin::kit::{RowShape, TableBuilder};
use uppfolj_plugin::kit::{amount_col, diff, percent_col, status_col, text_col};
use uppfolj_plugin::model::report::{ColumnFormula, Table, TableCell};

/// A row of the table: a project, or the sum (with empty texts and the status of the totals).
struct Line<'a> {
    label: &'a str,
    responsible: &'a str,
    report_back: &'a str,
    allocated: Option<f64>,
    used: Option<f64>,
    judgement: Option<Use>,
}

/// Allocated and used per project, and the sum.
pub(super) fn per_project(grants: &Grants, figures: &Figures) -> Table {
    let unit = &grants.unit;
    let cols = &grants.columns;
    let has_used = grants.has_used();
    let mut lines: Vec<Line> = grants
        .grants
        .iter()
        .map(|g| Line {
            label: &g.label,
            responsible: &g.responsible,
            report_back: &g.report_back,
            allocated: g.allocated,
            used: g.used,
            judgement: Some(figures.use_of(g)),
        })
        .collect();
    lines.push(Line {
        label: "Summa",
        responsible: "",
        report_back: "",
        allocated: figures.allocated,
        used: figures.used,
        judgement: Use::of_totals(figures.allocated, figures.used),
    });
    let shapes =
        grants.grants.iter().map(|_| RowShape::data()).chain([RowShape::total((0..grants.grants.len()).collect())]);
    TableBuilder::new("per-projekt", format!("Beviljat och förbrukat per projekt, {}", unit.label()))
        .column(text_col("projekt", &grants.label_title), |l: &Line| TableCell::Text(l.label.to_owned()))
        .column_if(cols.responsible.is_some(), text_col("ansvarig", "Ansvarig"), |l| {
            TableCell::Text(l.responsible.to_owned())
        })
        .column(amount_col("beviljat", "Beviljat", unit, None), |l| TableCell::number(l.allocated))
        .column_if(has_used, amount_col("forbrukat", "Förbrukat", unit, None), |l| TableCell::number(l.used))
        .column_if(has_used, amount_col("kvar", "Kvar", unit, Some(diff("beviljat", "forbrukat"))), |l| {
            TableCell::number(remaining(l.allocated, l.used))
        })
        .column_if(
            has_used,
            percent_col(
                "forbrukat_pct",
                "Förbrukat, %",
                Some(ColumnFormula::Percent { a: "forbrukat".into(), b: "beviljat".into() }),
            ),
            |l| TableCell::number(share_used(l.allocated, l.used)),
        )
        .column_if(cols.report_back.is_some(), text_col("aterredovisas", "Återredovisas"), |l| {
            TableCell::Text(l.report_back.to_owned())
        })
        .column(status_col("status", "Status"), |l| {
            l.judgement.map_or(TableCell::Empty, |u| TableCell::Status { status: u.status(), label: u.label().into() })
        })
        .build(lines.iter().zip(shapes))
}

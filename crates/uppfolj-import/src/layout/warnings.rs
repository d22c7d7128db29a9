//! What the user should know about a table: filled-down cells, formula errors, numbers that are
//! not finite, columns without a role, a budget without a unit.

use super::draft::Draft;
use uppfolj_model::{CellRef, DatasetKind, Diagnostic};

/// Adds the draft's warnings.
pub(super) fn collect(d: &mut Draft<'_>) {
    reading(d);
    let header_row = d.header_row().map_or(d.first_row(), |h| h.row);
    for col in &d.cols {
        if col.measure_unit {
            d.warnings.push(
                Diagnostic::info(format!(
                    "Kolumn {} \"{}\" anger måttenheter (\"kr/inv\", \"%\", \"antal\") och lästes inte som \
                     organisatorisk enhet.",
                    CellRef::column_letters(col.src[0]),
                    col.name
                ))
                .at(&d.source, Some(CellRef::new(header_row, col.src[0]))),
            );
        } else if col.role.is_none() {
            d.warnings.push(
                Diagnostic::info(format!(
                    "Kolumn {} \"{}\" fick ingen roll; ange en i mappningen om den behövs.",
                    CellRef::column_letters(col.src[0]),
                    col.name
                ))
                .at(&d.source, Some(CellRef::new(header_row, col.src[0]))),
            );
        }
    }
    if d.kind == DatasetKind::Budget && d.unit.is_none() && d.columns.iter().all(|c| c.unit.is_none()) {
        d.warnings.push(
            Diagnostic::warning(
                "Ingen enhet hittades (t.ex. \"Belopp i tkr\"); beloppen antas vara i den enhet filen har. Ange enheten i \
                 mappningen om den behövs.",
            )
            .at(&d.source, None),
        );
    }
}

/// Warnings from reading the values: filled-down cells, formula errors, numbers not finite.
fn reading(d: &mut Draft<'_>) {
    let first_row = d.first_row();
    let r = &d.reading;
    for (col, n) in d.cols.iter().zip(&r.filled).filter(|(_, n)| **n > 0) {
        d.warnings.push(
            Diagnostic::info(format!(
                "Kolumn \"{}\": {n} tomma celler fylldes med värdet ovanför (grupperade rader).",
                col.name
            ))
            .at(&d.source, Some(CellRef::new(first_row, col.src[0]))),
        );
    }
    if r.errors > 0 {
        let (at, e) = r.first_error.clone().unwrap_or((CellRef::new(first_row, 0), String::new()));
        d.warnings.push(
            Diagnostic::warning(format!(
                "{} celler innehåller ett formelfel (först {e} i {at}) och lästes som saknade värden. Rätta formeln i \
                 filen om värdet behövs.",
                r.errors
            ))
            .at(&d.source, Some(at)),
        );
    }
    if r.non_finite > 0 {
        let at = r.first_non_finite.unwrap_or(CellRef::new(first_row, 0));
        d.warnings.push(
            Diagnostic::warning(format!(
                "{} celler innehåller ett tal som inte är ändligt (NaN, oändligt eller större än 1e308, först i {at}) \
                 och lästes som saknade värden. Kontrollera cellerna.",
                r.non_finite
            ))
            .at(&d.source, Some(at)),
        );
    }
}

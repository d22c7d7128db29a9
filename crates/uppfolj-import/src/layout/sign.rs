//! The sign convention of a budget table: the user's mapping, else costs are negative when most
//! budget, outcome and forecast amounts in the data rows are.

use super::draft::Draft;
use crate::mapping::SignConvention;
use uppfolj_model::{ColumnRole, DatasetKind, RowKind, Value};

/// Finds the draft's sign convention and says why.
pub(super) fn detect(d: &mut Draft<'_>) {
    if let Some(s) = d.sheet.mapping.sign {
        d.sign = Some(s);
        d.sign_source = Some("mappning");
        return;
    }
    if d.kind != DatasetKind::Budget {
        return;
    }
    let amount_cols: Vec<usize> = d
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.role, Some(ColumnRole::Budget | ColumnRole::Outcome | ColumnRole::Forecast)))
        .map(|(i, _)| i)
        .collect();
    let amounts = d
        .rows
        .iter()
        .filter(|r| r.kind() == RowKind::Data)
        .flat_map(|row| amount_cols.iter().filter_map(move |&ci| row.value(ci).and_then(Value::as_f64)));
    let (neg, all) = amounts.fold((0usize, 0usize), |(neg, all), v| (neg + usize::from(v < 0.0), all + 1));
    if all == 0 {
        return;
    }
    (d.sign, d.sign_source) = if neg * 2 > all {
        (Some(SignConvention::CostsNegative), Some("innehåll: de flesta belopp är negativa"))
    } else {
        (Some(SignConvention::CostsPositive), Some("innehåll: de flesta belopp är positiva"))
    };
}

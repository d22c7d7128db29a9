//! What the header words say about a column: its role ("Budget", "Verksamhet"), a period
//! ("2024", "jan–aug") or a municipality as header (a value column), and its unit ("Budget
//! (tkr)", a percent format).

use super::draft::{Col, Draft};
use crate::roles::{self, is_label_role};
use uppfolj_model::{ColumnRole, Unit, vocab};

/// Gives each column the role, period, region and unit its header words name.
pub(super) fn assign(d: &mut Draft<'_>) {
    for col in &mut d.cols {
        role(col);
        unit(col);
    }
}

/// The role from the header row, else the group row; a period or a municipality as header makes
/// a value column. A role contradicted by the content is dropped.
fn role(col: &mut Col) {
    let (header, group) = (col.header.as_deref(), col.group.as_deref());
    let by_header = header.and_then(roles::role_for_header);
    let by_group = group.and_then(roles::role_for_header);
    let period_header = header.and_then(vocab::period);
    let period_group = group.and_then(vocab::period);
    if let Some(role) = by_header.or(by_group) {
        col.role = Some(role);
        col.because = "rubrik";
        col.period = if by_header.is_some() { period_group } else { period_header };
    } else if let Some(p) = period_header.or(period_group) {
        if col.numeric || col.texts == 0 {
            col.role = Some(ColumnRole::Value);
            col.period = Some(p);
            col.because = "rubrik (period)";
        }
    } else if let Some(m) = header.and_then(roles::municipality)
        && col.numeric
    {
        col.role = Some(ColumnRole::Value);
        col.region = Some(m.id.to_string());
        col.because = "rubrik (kommun/region)";
    } else if header.is_some_and(roles::is_kpi_id) && col.numeric {
        // Kolada's long tables head the value column with the KPI: "u79092", "N70060".
        col.role = Some(ColumnRole::Value);
        col.because = "rubrik (nyckeltals-id)";
    }
    // A column headed "Mål" holding numbers holds target values, not goals.
    if col.role == Some(ColumnRole::Goal) && col.numeric {
        col.role = Some(ColumnRole::Target);
    }
    // A role found in a header but contradicted by the content: a numeric role on a text
    // column is dropped (a "Budget" comment column), a label role on numbers kept (codes).
    // Targets and directions are often text ("minst 70 procent", "öka") and keep their role.
    if let Some(role) = col.role
        && !is_label_role(role)
        && !roles::holds_text(role)
        && !col.numeric
        && col.texts > 0
    {
        col.role = None;
        col.because = "innehåll";
    }
}

/// The unit named in the header row, else the group row; a numeric column formatted as percent
/// is in percent.
fn unit(col: &mut Col) {
    col.unit = col
        .header
        .as_deref()
        .and_then(vocab::unit_in_text)
        .or_else(|| col.group.as_deref().and_then(vocab::unit_in_text));
    if col.unit.is_none() && col.percent_format && col.numeric {
        col.unit = Some(Unit::Percent);
    }
}

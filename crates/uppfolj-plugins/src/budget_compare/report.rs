//! The report's section: key figures, the sentences, the table of every line and the chart of
//! the largest changes.

use super::compare::{Compared, Presence};
use super::read::Side;
use super::text;
use uppfolj_plugin::kit::{RowShape, TableBuilder, amount_col, diff, key_figure, percent_col, text_col};
use uppfolj_plugin::model::report::{
    Block, Chart, ChartKind, ColumnFormula, KeyFigure, Section, Series, Table, TableCell, Text,
};
use uppfolj_plugin::model::unit::Unit;

/// The id of the table of lines.
pub(crate) const TABLE: &str = "jamforelse";
/// Lines in the chart at most: the largest changes.
const CHART_LINES: usize = 20;

/// The totals row of the table.
fn total_line(lines: &[Compared]) -> Compared {
    let (a, b) = super::compare::totals(lines);
    Compared { label: "Summa".to_owned(), a, b, presence: Presence::Both, rows: (None, None) }
}

/// The comparison's one section.
pub(crate) fn section(a: &Side<'_>, b: &Side<'_>, lines: &[Compared], word: &str) -> Section {
    let total = total_line(lines);
    let mut section = Section::new("jamforelse", "Jämförelse rad för rad");
    section.blocks = vec![
        Block::KeyFigures { figures: figures(&total, lines, &a.unit) },
        Block::Text(Text { paragraphs: text::overview(a, b, lines, &total, word), generated: true }),
        Block::Table(table(a, b, lines, &total)),
    ];
    if let Some(chart) = chart(lines, &a.unit) {
        section.blocks.push(Block::Chart(chart));
    }
    section
}

fn figures(total: &Compared, lines: &[Compared], unit: &Unit) -> Vec<KeyFigure> {
    let one_sided = lines.iter().filter(|l| l.presence != Presence::Both).count();
    vec![
        key_figure("Summa A", total.a, unit),
        key_figure("Summa B", total.b, unit),
        key_figure("Förändring B − A", total.difference(), unit),
        key_figure("Förändring i procent", total.change(), &Unit::Percent),
        KeyFigure { decimals: 0, unit: None, ..key_figure("Rader bara i en fil", Some(one_sided as f64), unit) },
    ]
}

fn presence_text(line: &Compared) -> TableCell {
    TableCell::Text(
        match line.presence {
            Presence::Both => "Båda",
            Presence::OnlyA => "Bara i A",
            Presence::OnlyB => "Bara i B",
        }
        .to_owned(),
    )
}

fn table(a: &Side<'_>, b: &Side<'_>, lines: &[Compared], total: &Compared) -> Table {
    let unit = &a.unit;
    let change = ColumnFormula::PercentOfAbs { a: "skillnad".into(), b: "a".into() };
    TableBuilder::new(TABLE, "Rad för rad")
        .column(text_col("rad", "Rad"), |l: &Compared| TableCell::Text(l.label.clone()))
        .column(amount_col("a", &format!("A: {}", a.column_name()), unit, None), |l| TableCell::number(l.a))
        .column(amount_col("b", &format!("B: {}", b.column_name()), unit, None), |l| TableCell::number(l.b))
        .column(amount_col("skillnad", "Skillnad B − A", unit, Some(diff("b", "a"))), |l| {
            TableCell::number(l.difference())
        })
        .column(percent_col("forandring", "Förändring, %", Some(change)), |l| TableCell::number(l.change()))
        .column(
            text_col("finns", "Finns i"),
            |l| if l.rows == (None, None) { TableCell::Empty } else { presence_text(l) },
        )
        .build(
            lines.iter().map(|l| (l, RowShape::data())).chain([(total, RowShape::total((0..lines.len()).collect()))]),
        )
}

/// The lines with the largest changes, largest first.
fn chart(lines: &[Compared], unit: &Unit) -> Option<Chart> {
    let mut changed: Vec<&Compared> = lines.iter().filter(|l| l.difference().is_some_and(|d| d != 0.0)).collect();
    if changed.is_empty() {
        return None;
    }
    changed.sort_by(|x, y| magnitude(y).total_cmp(&magnitude(x)));
    changed.truncate(CHART_LINES);
    let title = if lines.len() > CHART_LINES {
        "De största förändringarna, B − A"
    } else {
        "Förändring per rad, B − A"
    };
    Some(Chart {
        id: "forandring".into(),
        title: title.into(),
        kind: ChartKind::Bar,
        categories: changed.iter().map(|l| l.label.clone()).collect(),
        series: vec![Series {
            name: "Förändring B − A".into(),
            values: changed.iter().map(|l| l.difference()).collect(),
            statuses: Vec::new(),
        }],
        unit: Some(unit.clone()),
        value_label: format!("Förändring, {}", unit.label()),
        reference_lines: Vec::new(),
        horizontal: true,
    })
}

fn magnitude(line: &Compared) -> f64 {
    line.difference().map_or(0.0, f64::abs)
}

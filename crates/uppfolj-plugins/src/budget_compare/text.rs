//! The Swedish sentences of the comparison.

use super::compare::{Compared, Presence};
use super::read::Side;
use uppfolj_plugin::kit::{amount, signed_amount};
use uppfolj_plugin::model::format;

/// How many lines only in one file are named in the text; the table lists them all.
const NAMED: usize = 5;

/// The overview: which files and columns, the totals and their change, the lines only in one
/// file, the largest change, and a unit converted.
pub(crate) fn overview(a: &Side<'_>, b: &Side<'_>, lines: &[Compared], total: &Compared, word: &str) -> Vec<String> {
    let mut text = vec![format!(
        "Jämförelsen ställer {word} i A, {} (kolumnen '{}'), mot B, {} (kolumnen '{}'), rad för rad. Raderna \
         matchas på sin text{}.",
        a.file(),
        a.column_name(),
        b.file(),
        b.column_name(),
        if a.lines.iter().any(|l| l.label.contains(" · ")) {
            " och sina organisations- och kontokolumner"
        } else {
            ""
        }
    )];
    if let (Some(sum_a), Some(sum_b), Some(d)) = (total.a, total.b, total.difference()) {
        let pct = total.change().map(|p| format!(" ({} %)", format::signed(p, 1))).unwrap_or_default();
        text.push(format!(
            "Summan är {} i A och {} i B: en förändring med {}{pct}.",
            amount(sum_a, &a.unit),
            amount(sum_b, &a.unit),
            signed_amount(d, &a.unit)
        ));
    }
    text.push(presence(lines));
    if let Some(l) = lines.iter().max_by(|x, y| magnitude(x).total_cmp(&magnitude(y))).filter(|l| magnitude(l) > 0.0) {
        let d = l.difference().unwrap_or(0.0);
        let only = match l.presence {
            Presence::Both => "",
            Presence::OnlyA => ", som bara finns i A",
            Presence::OnlyB => ", som bara finns i B",
        };
        text.push(format!("Störst förändring har {}{only}: {}.", l.label, signed_amount(d, &a.unit)));
    }
    if a.unit != b.unit {
        text.push(format!("B:s belopp ({}) är omräknade till A:s enhet ({}).", b.unit.label(), a.unit.label()));
    }
    text
}

fn magnitude(line: &Compared) -> f64 {
    line.difference().map_or(0.0, f64::abs)
}

/// "8 rader finns i båda filerna. Bara i A (1 rad): … Bara i B (1 rad): …"
fn presence(lines: &[Compared]) -> String {
    let both = lines.iter().filter(|l| l.presence == Presence::Both).count();
    let mut text = if both == 1 {
        "1 rad finns i båda filerna.".to_owned()
    } else {
        format!("{} rader finns i båda filerna.", format::number(both as f64, 0))
    };
    for (p, name) in [(Presence::OnlyA, "A"), (Presence::OnlyB, "B")] {
        let labels: Vec<&str> = lines.iter().filter(|l| l.presence == p).map(|l| l.label.as_str()).collect();
        if !labels.is_empty() {
            text.push_str(&format!(" Bara i {name} {}.", named(&labels)));
        }
    }
    if both < lines.len() {
        text.push_str(" En rad som bara finns i en fil har ingen förändring i procent: den cellen är tom, och kolumnen Finns i säger vilken fil raden finns i.");
    }
    text
}

/// "(2 rader): Område X, Område Y", at most [`NAMED`] of them named.
fn named(labels: &[&str]) -> String {
    let count = if labels.len() == 1 {
        "1 rad".to_owned()
    } else {
        format!("{} rader", format::number(labels.len() as f64, 0))
    };
    if labels.len() <= NAMED {
        format!("({count}): {}", labels.join(", "))
    } else {
        format!("({count}), bland dem: {}", labels[..NAMED].join(", "))
    }
}

/// What the report does when a file's own sum differs from the lines.
pub(crate) const TOTAL_THEN: &str = "Jämförelsen använder summan av raderna.";

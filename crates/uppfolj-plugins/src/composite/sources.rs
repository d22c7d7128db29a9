//! Underlag: every file, sheet and range the report rests on, which part each fed, and the
//! tables that fit a part but were not used (so that the user can choose another).

use super::run::PartRun;
use std::sync::Arc;
use uppfolj_plugin::kit::{RowShape, TableBuilder, text_col};
use uppfolj_plugin::model::Dataset;
use uppfolj_plugin::model::report::{Block, Section, Table, TableCell};

/// One line of the table.
struct Line {
    part: String,
    file: String,
    sheet: String,
    range: String,
    usage: String,
}

impl Line {
    fn of(part: &str, ds: &Dataset, usage: String) -> Self {
        Self {
            part: part.to_owned(),
            file: ds.source.file.clone(),
            sheet: ds.source.sheet.clone().unwrap_or_default(),
            range: ds.range.map(|(a, b)| format!("{a}:{b}")).unwrap_or_default(),
            usage,
        }
    }
}

/// The section "Underlag".
pub(crate) fn section(runs: &[PartRun<'_>], datasets: &[Arc<Dataset>]) -> Section {
    let mut section = Section::new("underlag", "Underlag");
    let lines: Vec<Line> = runs.iter().flat_map(lines_of).chain(unused(runs, datasets)).collect();
    section.blocks.push(Block::Table(table(&lines)));
    section
}

fn lines_of(run: &PartRun<'_>) -> Vec<Line> {
    let name = run.part.name;
    if run.feed.tables.is_empty() {
        return vec![Line {
            part: name.to_owned(),
            file: String::new(),
            sheet: String::new(),
            range: String::new(),
            usage: "Ingen inläst fil passar".to_owned(),
        }];
    }
    let used = |ds: &Dataset| run.report().is_some_and(|r| r.inputs.contains(&ds.source));
    run.feed
        .tables
        .iter()
        .map(|ds| {
            let usage = match (used(ds), &run.feed.chosen) {
                (true, Some(_)) => "Används (vald fil)".to_owned(),
                (true, None) => "Används".to_owned(),
                (false, _) if run.report().is_none() => "Passar, men avsnittet kunde inte tas fram".to_owned(),
                (false, _) => format!("Passar också; välj fil med inställningen '{name}: Fil'"),
            };
            Line::of(name, ds, usage)
        })
        .collect()
}

/// The loaded tables no part took.
fn unused<'a>(runs: &'a [PartRun<'_>], datasets: &'a [Arc<Dataset>]) -> impl Iterator<Item = Line> + 'a {
    datasets
        .iter()
        .filter(|d| !runs.iter().any(|r| r.feed.tables.iter().any(|t| Arc::ptr_eq(t, d))))
        .map(|d| Line::of("", d, "Passar inget avsnitt".to_owned()))
}

fn table(lines: &[Line]) -> Table {
    let text = |s: &str| if s.is_empty() { TableCell::Empty } else { TableCell::Text(s.to_owned()) };
    TableBuilder::<Line>::new("underlag", "Filer, blad och områden per avsnitt")
        .column(text_col("avsnitt", "Avsnitt"), move |l| text(&l.part))
        .column(text_col("fil", "Fil"), move |l| text(&l.file))
        .column(text_col("blad", "Blad"), move |l| text(&l.sheet))
        .column(text_col("omrade", "Område"), move |l| text(&l.range))
        .column(text_col("anvandning", "Används"), move |l| text(&l.usage))
        .build(lines.iter().map(|l| (l, RowShape::data())))
}

//! The report: the overview (key figures and sentences), the grouped table with its chart, the
//! largest accounts and suppliers, and where the figures came from.

use super::read::Ledger;
use super::{charts, ranking, tables, text};
use crate::grouping::{Grouping, level_name};
use uppfolj_plugin::kit::vocab::in_sentence;
use uppfolj_plugin::kit::{ReportBuilder, key_figure, provenance};
use uppfolj_plugin::model::report::{Block, KeyFigure, Section, Text};
use uppfolj_plugin::model::unit::Unit;

/// Adds the sections and sources of `ledger` grouped by `grouping` to `report`; `top` is how many
/// of the largest accounts and suppliers to list.
pub(super) fn present(report: &mut ReportBuilder, ledger: &Ledger, grouping: &Grouping, top: usize) {
    let ds = ledger.ds;
    let tree = ranking::tree(ledger, grouping);
    let top_name = grouping.levels.first().map(|l| level_name(ds, l)).unwrap_or_default();
    let accounts = ranking::largest(ledger, &ledger.accounts, top);
    let account_name = level_name(ds, &ledger.accounts);
    let suppliers = ledger.supplier.and_then(|c| ranking::largest(ledger, &[c], top));
    let supplier_name = ledger.supplier.map(|c| level_name(ds, &[c])).unwrap_or_default();

    let mut overview = Section::new("oversikt", "Översikt");
    overview.blocks.push(Block::KeyFigures { figures: figures(ledger, &tree, &top_name, &accounts, &suppliers) });
    let sentences = text::summary(
        ledger,
        &tree,
        &top_name,
        accounts.as_ref().map(|(a, _)| a.as_slice()),
        suppliers.as_ref().map(|(s, of)| (s.as_slice(), *of)),
    );
    overview.blocks.push(Block::Text(Text { paragraphs: sentences, generated: true }));

    let mut per_unit = Section::new("per-enhet", format!("Per {}", in_sentence(&top_name)));
    let statement = grouping.statement(ds, ledger.rows.len());
    per_unit.blocks.push(Block::Text(Text { paragraphs: vec![statement], generated: false }));
    per_unit.blocks.push(Block::Table(tables::per_unit(ledger, &tree, &grouping.title(ds))));
    per_unit.blocks.push(Block::Chart(charts::per_unit(ledger, &tree, &top_name)));

    let mut sections = vec![overview, per_unit];
    if let Some((rows, of)) = &accounts {
        let table = tables::largest(ledger, "storsta-konton", "kontona", &account_name, rows, *of);
        sections.push(section("storsta-konton", "Största konton", table));
    }
    if let Some((rows, of)) = &suppliers {
        let table = tables::largest(ledger, "storsta-leverantorer", "leverantörerna", &supplier_name, rows, *of);
        sections.push(section("storsta-leverantorer", "Största leverantörer", table));
    }
    report.sections(sections);
    report.note(provenance(ds, ledger.outcome_name.clone(), Some(ledger.outcome), &ledger.rows));
}

fn section(id: &str, title: &str, table: uppfolj_plugin::model::report::Table) -> Section {
    let mut s = Section::new(id, title);
    s.blocks.push(Block::Table(table));
    s
}

/// The total outcome and how many lines, units, accounts and suppliers it spans.
fn figures(
    ledger: &Ledger,
    tree: &[super::ranking::Ranked],
    top_name: &str,
    accounts: &Option<(Vec<super::ranking::Ranked>, usize)>,
    suppliers: &Option<(Vec<super::ranking::Ranked>, usize)>,
) -> Vec<KeyFigure> {
    let count = |label: String, n: usize| key_figure(label, Some(n as f64), &Unit::Count);
    let mut out = vec![
        key_figure("Utfall totalt", Some(ledger.total()), &ledger.unit),
        count("Antal rader".into(), ledger.rows.len()),
        count(format!("Antal enheter ({top_name})"), tree.iter().filter(|r| r.level == 0).count()),
    ];
    if let Some((_, of)) = accounts {
        out.push(count("Antal konton".into(), *of));
    }
    if let Some((_, of)) = suppliers {
        out.push(count("Antal leverantörer".into(), *of));
    }
    out
}

//! The indicator reports (the scorecard and the comparison) exported from their samples: every
//! status is written as its text, each status column and key-figure status is covered by
//! conditional formatting with a rule per label (the colour is an addition to the text, never
//! instead of it), and every chart is a native Excel chart, the comparison's points coloured by
//! rank band as in the report. Read back from the workbook's XML and with calamine.

mod common;

use calamine::{Data, Reader};
use common::readback::{find_header, header, open};
use std::path::PathBuf;
use uppfolj_import::{ImportOptions, import_bytes};
use uppfolj_model::report::{ColumnKind, TableCell};
use uppfolj_model::{Block, Report};
use uppfolj_plugin::Inputs;
use uppfolj_xlsx::{ExportOptions, export};

/// The report of plugin `id` on `sample` (in samples/) with `params`, and its datasets.
fn report(id: &str, sample: &str, params: &[(&str, &str)]) -> (Report, Inputs) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples").join(sample);
    let bytes = std::fs::read(&path).expect("read sample");
    let datasets = import_bytes(sample, &bytes, &ImportOptions::default()).expect("import").datasets;
    let registry = uppfolj_plugins::registry();
    let plugin = registry.iter().find(|p| p.meta().id == id).expect("plugin");
    let params: Vec<(String, String)> = params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    let inputs = Inputs::new(datasets);
    let report = uppfolj_plugin::run(plugin, &inputs, &params).expect("report");
    (report, inputs)
}

/// A part of the xlsx file, as text.
fn part(bytes: &[u8], name: &str) -> Option<String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut text = String::new();
    zip.by_name(name).ok()?.read_to_string(&mut text).expect("utf-8 part");
    Some(text)
}

/// The column letter of a zero-based column index (tables here are narrower than 26 columns).
fn letter(col: usize) -> char {
    char::from(b'A' + u8::try_from(col).expect("a narrow table"))
}

/// The conditional-format rules in `xml` over `sqref`: the text each compares with.
fn rules(xml: &str, sqref: &str) -> Vec<String> {
    let start = format!("<conditionalFormatting sqref=\"{sqref}\">");
    xml.match_indices(&start)
        .flat_map(|(at, _)| {
            let block = &xml[at..at + xml[at..].find("</conditionalFormatting>").expect("closed")];
            block.split("<formula>").skip(1).map(|f| f[..f.find("</formula>").expect("closed")].to_owned())
        })
        .map(|f| f.trim_matches('"').replace("&quot;", "\""))
        .collect()
}

/// Every status column of every table: the labels read back as text, and a rule for each label
/// over exactly the table's rows. Returns the number of status columns checked.
fn check_status_columns(report: &Report, bytes: &[u8]) -> usize {
    let mut book = open(bytes);
    let mut checked = 0;
    for (s, section) in report.sections.iter().enumerate() {
        let sheet = &book.sheet_names()[s + 1];
        let range = book.worksheet_range(sheet).expect("section sheet");
        let xml = part(bytes, &format!("xl/worksheets/sheet{}.xml", s + 2)).expect("sheet xml");
        let mut from = 0;
        for table in section.blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }) {
            let second = (table.columns.len() > 1).then(|| header(table, 1));
            let head = find_header(&range, &header(table, 0), second.as_deref(), from).expect("table header");
            from = head + 1 + table.rows.len() as u32;
            for (c, _) in table.columns.iter().enumerate().filter(|(_, c)| c.kind == ColumnKind::Status) {
                let sqref = format!("{0}{1}:{0}{2}", letter(c), head + 2, head + 1 + table.rows.len() as u32);
                let found = rules(&xml, &sqref);
                for (r, row) in table.rows.iter().enumerate() {
                    if let Some(TableCell::Status { label, .. }) = row.cells.get(c) {
                        let at = format!("{sheet}!{}{}", letter(c), head + 2 + r as u32);
                        let got = range.get_value((head + 1 + r as u32, c as u32));
                        assert_eq!(got, Some(&Data::String(label.clone())), "{at}: the status as text");
                        assert!(found.contains(label), "{at}: no rule for '{label}' over {sqref}: {found:?}");
                    }
                }
                checked += 1;
            }
        }
    }
    checked
}

/// The number of native charts in the workbook, and the chart parts' XML.
fn charts(bytes: &[u8]) -> Vec<String> {
    (1..).map_while(|i| part(bytes, &format!("xl/charts/chart{i}.xml"))).collect()
}

/// The number of charts in the report.
fn report_charts(report: &Report) -> usize {
    report.sections.iter().flat_map(|s| &s.blocks).filter(|b| matches!(b, Block::Chart(_))).count()
}

fn options() -> ExportOptions {
    ExportOptions { date: Some("2024-09-15".into()), ..ExportOptions::default() }
}

#[test]
fn scorecard_statuses_are_text_with_conditional_formats_and_its_charts_native() {
    let (report, datasets) = report("scorecard", "malupfoljning_2024.csv", &[]);
    let bytes = export(&report, datasets.iter(), &options()).expect("export");
    assert!(check_status_columns(&report, &bytes) >= 2, "the indicators' and the goals' statuses");
    let overview = part(&bytes, "xl/worksheets/sheet2.xml").expect("overview sheet");
    assert!(overview.contains("<conditionalFormatting sqref=\"D"), "the key figures' statuses are coloured too");
    let charts = charts(&bytes);
    assert_eq!(charts.len(), report_charts(&report), "one native chart per chart of the report");
    assert!(charts.iter().all(|c| c.contains("<c:barChart>")), "the scorecard's charts are bar charts");
}

#[test]
fn comparison_statuses_are_text_with_conditional_formats_and_its_charts_native() {
    let (report, datasets) = report("comparison", "kolada_u79092_aterinskrivning_2018_2022.csv", &[("region", "13")]);
    let bytes = export(&report, datasets.iter(), &options()).expect("export");
    // The summary and the two rankings (women, men).
    assert_eq!(check_status_columns(&report, &bytes), 3);
    let charts = charts(&bytes);
    assert_eq!(charts.len(), report_charts(&report), "one native chart per chart of the report");
    assert_eq!(charts.len(), 2);
    for chart in &charts {
        assert!(chart.contains("<c:lineChart>"), "a line over time");
        // Halland's points are coloured by rank band, as in the report: the chart's first series
        // has a data point with a marker of its own.
        let first = &chart[..chart.find("</c:ser>").expect("a series")];
        assert!(first.contains("<c:dPt>") && first.contains("Region Halland"), "Halland's points coloured");
    }
}

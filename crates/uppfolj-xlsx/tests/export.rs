//! Exports hand-built Reports and reads them back with calamine: sheet names, every number of
//! every table equal to the Report's, live formulas with their cached values, user text kept as
//! text. Each export is also written to target/exports/ for the openpyxl and LibreOffice checks
//! (tests/xlsx_clients/run.sh), and the read-back grid of each sheet is snapshotted.

mod common;

use calamine::{Data, Reader};
use common::readback::{assert_table_equal, find_header, grid, open};
use std::path::PathBuf;
use uppfolj_model::report::ColumnKind;
use uppfolj_model::{Block, Report};
use uppfolj_xlsx::{ExportOptions, SheetNames, export};

fn options() -> ExportOptions {
    ExportOptions { date: Some("2024-09-15".into()), generator: "uppfolj test".into(), ..ExportOptions::default() }
}

fn exports_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/exports");
    std::fs::create_dir_all(&dir).expect("create target/exports");
    dir
}

/// The sheet names the export must have, in order.
fn expected_sheets(report: &Report, datasets: usize) -> Vec<String> {
    let mut names = SheetNames::new();
    let mut out = vec![names.claim("Om rapporten")];
    out.extend(report.sections.iter().map(|s| names.claim(&s.title)));
    match datasets {
        0 => {}
        1 => out.push(names.claim("Indata")),
        n => out.extend((1..=n).map(|i| names.claim(&format!("Indata {i}")))),
    }
    out
}

/// Exact expectations for check_openpyxl.py (formulas, formats, charts, text kept as text, print setup).
fn expectations(case: &str) -> Option<serde_json::Value> {
    let drift = "Driftredovisning per område";
    let at = |sheet: &str, cell: &str| format!("{sheet}!{cell}");
    match case {
        "budget" => Some(serde_json::json!({
            "sheets": ["Om rapporten", "Översikt", drift, "Indata"],
            "formulas": {
                at(drift, "D7"): "=C7-B7",
                at(drift, "E7"): "=IF(B7=0,\"\",D7/ABS(B7))",
                at(drift, "B6"): "=SUM(B7:B8)",
                at(drift, "C13"): "=SUM(C6,C9,C12)",
                at(drift, "D13"): "=C13-B13",
            },
            "values": { at(drift, "D7"): 33, at(drift, "B13"): -1861, at(drift, "C13"): -1910.5, at("Översikt", "B6"): 1.027 },
            "number_formats": {
                at(drift, "B7"): "#,##0;-#,##0",
                at(drift, "E7"): "0.0%",
                at("Översikt", "B5"): "#,##0.0\" tkr\";-#,##0.0\" tkr\"",
            },
            "strings": {
                at(drift, "A12"): "Gemensamt =HYPERLINK(\"http://example.com\",\"klicka\")",
                at("Indata", "C14"): "=SUMMA",
            },
            "bold": [at(drift, "A13"), at(drift, "B6")],
            "charts": {
                "Översikt": [{"title": "Avvikelse per enhet", "type": "BarChart", "series": 1}],
                drift: [{"title": "Från budget till utfall", "type": "BarChart", "series": 3}],
            },
            "frozen": { drift: "A6" },
            "print_title_rows": { drift: "$5:$5" },
            "landscape": [drift],
        })),
        "action_plan" => Some(serde_json::json!({
            "sheets": ["Om rapporten", "Åtgärder", "Planerat mot realiserat"],
            "formulas": { "Åtgärder!D9": "=B9-C9", "Åtgärder!E9": "=IF(B9=0,\"\",C9/B9)", "Åtgärder!B13": "=SUM(B9:B12)" },
            "charts": { "Planerat mot realiserat": [
                {"title": "Planerad och realiserad effekt per år", "type": "BarChart", "series": 2},
                {"title": "Planerad effekt per område", "type": "BarChart", "series": 2},
                {"title": "Ackumulerad effekt", "type": "LineChart", "series": 2},
                {"title": "Realiserat mot planerat", "type": "BarChart", "series": 2},
            ]},
        })),
        _ => None,
    }
}

#[test]
fn every_case_reads_back_with_the_reports_numbers() {
    for case in common::cases() {
        let bytes = export(&case.report, &case.datasets, &options()).expect("export");
        let dir = exports_dir();
        std::fs::write(dir.join(format!("xlsx-test-{}.xlsx", case.name)), &bytes).expect("write export");
        // The Report next to its export, as `uppfolj run --json` writes it, for check_openpyxl.py.
        let json = serde_json::to_string_pretty(&case.report).expect("report as json");
        std::fs::write(dir.join(format!("xlsx-test-{}.json", case.name)), json).expect("write report json");
        if let Some(expect) = expectations(case.name) {
            let json = serde_json::to_string_pretty(&expect).expect("expectations as json");
            std::fs::write(dir.join(format!("xlsx-test-{}.expect.json", case.name)), json).expect("write expectations");
        }
        let mut book = open(&bytes);
        assert_eq!(book.sheet_names(), expected_sheets(&case.report, case.datasets.len()), "case {}", case.name);
        for (section, sheet) in case.report.sections.iter().zip(book.sheet_names().iter().skip(1)) {
            let range = book.worksheet_range(sheet).expect("section sheet");
            assert_eq!(range.get_value((0, 0)), Some(&Data::String(section.title.clone())));
            let mut from = 0;
            for block in &section.blocks {
                if let Block::Table(t) = block {
                    from = assert_table_equal(&range, t, sheet, from);
                }
            }
        }
        let mut snapshot = String::new();
        for sheet in book.sheet_names() {
            snapshot.push_str(&format!("## {sheet}\n{}\n", grid(&mut book, &sheet)));
        }
        insta::assert_snapshot!(format!("grid_{}", case.name), snapshot);
    }
}

#[test]
fn formulas_are_live_and_cached() {
    let case = common::budget_case();
    let bytes = export(&case.report, &case.datasets, &options()).expect("export");
    let mut book = open(&bytes);
    let sheet = &book.sheet_names()[2];
    let range = book.worksheet_range(sheet).expect("drift sheet");
    let formulas = book.worksheet_formula(sheet).expect("formulas");
    let header_row = find_header(&range, "Enhet", Some("Budget, tkr"), 0).expect("header");
    let f = |r: u32, c: u32| formulas.get_value((header_row + 1 + r, c)).cloned().unwrap_or_default();
    let (h1, r) = (header_row + 1, |i: u32| header_row + 2 + i);
    // Kirurgkliniken: avvikelse = utfall − budget, percent of |budget|.
    assert_eq!(f(1, 3), format!("C{}-B{}", r(1), r(1)));
    assert_eq!(f(1, 4), format!("IF(B{0}=0,\"\",D{0}/ABS(B{0}))", r(1)));
    // Område Somatik sums its two units; the total sums the areas and the line without budget.
    assert_eq!(f(0, 1), format!("SUM(B{}:B{})", r(1), r(2)));
    assert_eq!(f(7, 2), format!("SUM(C{},C{},C{})", h1 + 1, r(3), r(6)));
    // No budget: no formula, the deviation is left empty rather than computed against zero.
    assert_eq!(f(6, 3), "");
    assert_eq!(range.get_value((header_row + 7, 3)), Some(&Data::Empty));
    // User text that looks like a formula stays text.
    assert_eq!(f(6, 0), "");
    let input = book.worksheet_formula("Indata").expect("input sheet");
    assert!(input.used_cells().all(|(_, _, f)| f.is_empty()), "no formula on the input sheet");
    let input_values = book.worksheet_range("Indata").expect("input sheet");
    assert!(input_values.used_cells().any(|(_, _, d)| d == &Data::String("=SUMMA".into())));
}

#[test]
fn without_formulas_every_figure_is_a_value() {
    let case = common::budget_case();
    let opts = ExportOptions { formulas: false, ..options() };
    let bytes = export(&case.report, &case.datasets, &opts).expect("export");
    let mut book = open(&bytes);
    for sheet in book.sheet_names() {
        let formulas = book.worksheet_formula(&sheet).expect("formulas");
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "formula on sheet {sheet}");
    }
}

#[test]
fn input_sheet_gives_the_source_cell_of_every_value() {
    let case = common::budget_case();
    let bytes = export(&case.report, &case.datasets, &options()).expect("export");
    let mut book = open(&bytes);
    let range = book.worksheet_range("Indata").expect("input sheet");
    let header_row = find_header(&range, "Rad i källan", Some("Radtyp"), 0).expect("header");
    assert_eq!(range.get_value((header_row, 3)), Some(&Data::String("Budget jan–aug, tkr [C]".into())));
    let dataset = &case.datasets[0];
    for (i, row) in dataset.rows.iter().enumerate() {
        let r = header_row + 1 + i as u32;
        assert_eq!(range.get_value((r, 0)), Some(&Data::Float(f64::from(row.source_row()) + 1.0)));
        for (c, value) in row.values().enumerate() {
            let got = range.get_value((r, 2 + c as u32)).cloned().unwrap_or(Data::Empty);
            match value {
                uppfolj_model::Value::Number { value, .. } => assert_eq!(got, Data::Float(*value)),
                uppfolj_model::Value::Text(t) => assert_eq!(got, Data::String(t.to_string())),
                uppfolj_model::Value::Missing { marker: Some(m) } => assert_eq!(got, Data::String(m.clone())),
                uppfolj_model::Value::Missing { marker: None } => assert_eq!(got, Data::Empty),
            }
            // The header's column letter and the source row name the cell the value came from.
            let at = row.at(c).expect("read from a cell");
            assert_eq!(at.row, row.source_row());
            assert_eq!(at.col, dataset.columns[c].source_col);
        }
    }
}

/// The openpyxl and LibreOffice checks (tests/xlsx_clients/run.sh) on this crate's cases. Needs
/// `soffice` and a python with openpyxl (PYTHON, default target/pyenv/bin/python); `cargo xtask
/// test` installs both and runs the same script over every built-in plugin's export.
#[test]
#[ignore = "needs LibreOffice and openpyxl: cargo test -p uppfolj-xlsx -- --ignored"]
fn real_clients_read_the_exports() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = root.join("target/exports-xlsx-clients");
    std::fs::create_dir_all(&dir).expect("create dir");
    for case in common::cases() {
        let bytes = export(&case.report, &case.datasets, &options()).expect("export");
        std::fs::write(dir.join(format!("{}.xlsx", case.name)), &bytes).expect("write export");
        let json = serde_json::to_string_pretty(&case.report).expect("report as json");
        std::fs::write(dir.join(format!("{}.json", case.name)), json).expect("write report json");
    }
    let python = std::env::var("PYTHON").unwrap_or_else(|_| root.join("target/pyenv/bin/python").display().to_string());
    let status = std::process::Command::new("bash")
        .arg(root.join("tests/xlsx_clients/run.sh"))
        .arg(&dir)
        .env("PYTHON", python)
        .status()
        .expect("run tests/xlsx_clients/run.sh");
    assert!(status.success(), "the xlsx client checks failed; see the output above");
}

/// Excel's 1 048 576 rows: a longer table is cut at the last row with a caption that says so, a sum
/// over rows that were cut keeps the Report's value without a formula, a block that no longer fits
/// after a long table gives way to a note, and an input dataset that is cut says so above its
/// table. Three sheets of a million rows each: about 40 s in a debug build.
#[test]
fn cuts_at_excels_last_row() {
    use uppfolj_model::report::{Column, KeyFigure, PluginRef, Row, RowKindOut, TableCell};
    use uppfolj_model::{Section, Table};
    let table = |n: usize, total: bool| {
        let mut rows: Vec<Row> = (0..n)
            .map(|i| Row { cells: vec![TableCell::Number(i as f64)], level: 0, kind: RowKindOut::Data, sum_of: vec![] })
            .collect();
        if total {
            let sum = (0..n).map(|i| i as f64).sum();
            rows.insert(
                0,
                Row {
                    cells: vec![TableCell::Number(sum)],
                    level: 0,
                    kind: RowKindOut::Total,
                    sum_of: (1..=n).collect(),
                },
            );
        }
        let column =
            Column { key: "n".into(), title: "N".into(), kind: ColumnKind::Number { decimals: 0 }, formula: None };
        Table { id: "lang".into(), title: "Lång".into(), columns: vec![column], rows }
    };
    let n = 1_048_600;
    let mut report = Report::new(PluginRef { id: "t".into(), version: "0".into() }, "Lång tabell");
    let mut cut = Section::new("s", "Lång");
    cut.blocks.push(Block::Table(table(n, true)));
    cut.blocks.push(Block::Table(table(10, false)));
    let mut nearly = Section::new("n", "Nästan full");
    nearly.blocks.push(Block::Table(table(1_048_566, false)));
    let figure = KeyFigure {
        label: "K".into(),
        value: Some(1.0),
        unit: None,
        decimals: 0,
        change: None,
        status: None,
        status_label: None,
        note: None,
    };
    nearly.blocks.push(Block::KeyFigures { figures: vec![figure; 5] });
    report.sections = vec![cut, nearly];
    let dataset = common::numbered_rows("lang.csv", 1, n as u32);
    let bytes = export(&report, [&dataset], &options()).expect("export of over-long tables");
    let mut book = open(&bytes);

    let range = book.worksheet_range("Lång").expect("sheet");
    let (height, _) = range.get_size();
    assert_eq!(range.start().expect("cells").0 + height as u32, 1_048_576, "filled to Excel's last row");
    assert_eq!(range.get_value((1_048_575, 0)), Some(&Data::Float(1_048_569.0)));
    let caption = range.get_value((3, 0)).cloned().unwrap_or(Data::Empty);
    assert!(
        matches!(&caption, Data::String(s) if s.contains("bara de första") && s.contains("1\u{202F}048\u{202F}601")),
        "the caption says the table is cut: {caption:?}"
    );
    let total = (0..n).map(|i| i as f64).sum::<f64>();
    assert_eq!(range.get_value((5, 0)), Some(&Data::Float(total)), "the total is the Report's");
    let formulas = book.worksheet_formula("Lång").expect("formulas");
    assert_eq!(formulas.get_value((5, 0)).map_or("", String::as_str), "", "no SUM over rows that are not there");

    let range = book.worksheet_range("Nästan full").expect("sheet");
    let texts: Vec<&String> =
        range.used_cells().filter_map(|(_, _, d)| if let Data::String(s) = d { Some(s) } else { None }).collect();
    assert!(texts.iter().any(|t| t.starts_with("Resten av avsnittet ryms inte")), "the key figures gave way to a note");

    let range = book.worksheet_range("Indata").expect("input sheet");
    let note = range.used_cells().find_map(|(r, _, d)| match d {
        Data::String(s) if s.starts_with("Indata har") => Some((r, s.clone())),
        _ => None,
    });
    let (row, note) = note.expect("the input sheet says it is cut");
    assert!(row < 10 && note.contains("1\u{202F}048\u{202F}600"), "above the table: {row} {note}");
    assert_eq!(range.start().expect("cells").0 + range.get_size().0 as u32, 1_048_576);
}

/// The `s` attribute of each cell of column `col` ("A"), by one-based row, in a sheet's XML.
fn column_styles(xml: &str, col: &str) -> std::collections::BTreeMap<u32, u32> {
    let mut out = std::collections::BTreeMap::new();
    let needle = format!("<c r=\"{col}");
    for (at, _) in xml.match_indices(&needle) {
        let rest = &xml[at + needle.len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let Ok(row) = digits.parse::<u32>() else { continue };
        let tag = &rest[..rest.find('>').expect("a closed tag")];
        let s = tag.split(" s=\"").nth(1).and_then(|t| t.split('"').next()).map_or(0, |s| s.parse().expect("s"));
        out.insert(row, s);
    }
    out
}

/// A part of an xlsx file, as text.
fn part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut text = String::new();
    zip.by_name(name).expect("part").read_to_string(&mut text).expect("utf-8 part");
    text
}

/// A long table is written row by row into the file after rust_xlsxwriter has saved the rest:
/// every row keeps its values, formulas and the format of its kind (data, subtotal, total, and
/// the indent of its level), and the Excel table covers every row.
#[test]
fn streamed_rows_keep_values_formulas_and_formats() {
    use uppfolj_model::report::{Column, ColumnFormula, PluginRef, Row, RowKindOut, TableCell};
    use uppfolj_model::{Section, Status, Table, Unit};
    let amount = ColumnKind::Amount { unit: Unit::Tkr, decimals: 0 };
    let columns = vec![
        Column { key: "namn".into(), title: "Enhet".into(), kind: ColumnKind::Text, formula: None },
        Column { key: "budget".into(), title: "Budget".into(), kind: amount.clone(), formula: None },
        Column { key: "utfall".into(), title: "Utfall".into(), kind: amount.clone(), formula: None },
        Column {
            key: "avvikelse".into(),
            title: "Avvikelse".into(),
            kind: amount,
            formula: Some(ColumnFormula::Difference { a: "utfall".into(), b: "budget".into() }),
        },
        Column { key: "status".into(), title: "Status".into(), kind: ColumnKind::Status, formula: None },
    ];
    // A subtotal (level 1) or the total (level 0).
    let sum_row = |label: String, budget: f64, outcome: f64, kind: RowKindOut, sum_of: Vec<usize>| Row {
        cells: vec![
            TableCell::Text(label),
            TableCell::Number(budget),
            TableCell::Number(outcome),
            TableCell::Number(outcome - budget),
            TableCell::Empty,
        ],
        level: u8::from(kind == RowKindOut::Subtotal),
        kind,
        sum_of,
    };
    // Groups of nine lines (level 2) under a subtotal; the total last.
    let mut rows = Vec::new();
    let (mut total_budget, mut total_outcome) = (0.0, 0.0);
    for group in 0..2_500 {
        let first = rows.len();
        let (mut budget_sum, mut outcome_sum) = (0.0, 0.0);
        for line in 0..9 {
            let budget = -100.0 - f64::from(line);
            let outcome = budget + f64::from(group % 7) - 3.0;
            budget_sum += budget;
            outcome_sum += outcome;
            let status = if outcome >= budget { Status::Good } else { Status::Bad };
            rows.push(Row {
                cells: vec![
                    TableCell::Text(format!("Enhet {group}.{line}")),
                    TableCell::Number(budget),
                    TableCell::Number(outcome),
                    TableCell::Number(outcome - budget),
                    TableCell::Status { status, label: status.label_sv().into() },
                ],
                level: 2,
                kind: RowKindOut::Data,
                sum_of: vec![],
            });
        }
        total_budget += budget_sum;
        total_outcome += outcome_sum;
        rows.push(sum_row(
            format!("Område {group}"),
            budget_sum,
            outcome_sum,
            RowKindOut::Subtotal,
            (first..first + 9).collect(),
        ));
    }
    rows.push(sum_row("Summa".into(), total_budget, total_outcome, RowKindOut::Total, vec![]));
    let n = rows.len();
    let table = Table { id: "lang".into(), title: "Lång driftredovisning".into(), columns, rows };
    let mut report = Report::new(PluginRef { id: "t".into(), version: "0".into() }, "Lång");
    let mut section = Section::new("s", "Lång");
    section.blocks.push(Block::Table(table.clone()));
    report.sections.push(section);
    let bytes = export(&report, &[], &options()).expect("export");

    let mut book = open(&bytes);
    let range = book.worksheet_range("Lång").expect("sheet");
    let header = find_header(&range, "Enhet", Some("Budget, tkr"), 0).expect("header row");
    assert_table_equal(&range, &table, "Lång", header);
    let formulas = book.worksheet_formula("Lång").expect("formulas");
    let first = header + 1;
    assert_eq!(
        formulas.get_value((first + 9, 1)).map(String::as_str),
        Some(&*format!("SUM(B{}:B{})", first + 1, first + 9))
    );
    let last = first + n as u32 - 1;
    assert_eq!(formulas.get_value((last, 3)).map(String::as_str), Some(&*format!("C{0}-B{0}", last + 1)));

    let xml = part(&bytes, "xl/worksheets/sheet2.xml");
    let styles = column_styles(&xml, "A");
    let style_of = |i: usize| styles[&(first + 1 + i as u32)];
    let (line, subtotal, total) = (style_of(0), style_of(9), style_of(n - 1));
    assert!(line != subtotal && subtotal != total && line != total, "three formats: {line} {subtotal} {total}");
    for (i, row) in table.rows.iter().enumerate() {
        let expected = match row.kind {
            RowKindOut::Data => line,
            RowKindOut::Subtotal => subtotal,
            RowKindOut::Total => total,
        };
        assert_eq!(style_of(i), expected, "row {i} of the table");
    }
    let dimension = format!("<dimension ref=\"A1:E{}\"/>", last + 1);
    assert!(xml.contains(&dimension), "the sheet's dimension covers the rows: {dimension}");
    let table_part = part(&bytes, "xl/tables/table1.xml");
    // The trailing total stays outside the Excel table.
    let table_ref = format!("ref=\"A{}:E{}\"", header + 1, last);
    assert_eq!(table_part.matches(&table_ref).count(), 2, "table and filter cover the rows: {table_part}");
}

/// Only the data the report was computed from goes on the input sheets: another loaded file is
/// left out.
#[test]
fn input_sheets_hold_only_the_reports_inputs() {
    let case = common::budget_case();
    let mut other = case.datasets[0].clone();
    other.source = uppfolj_model::SourceFile { file: "handlingsplan.xlsx".into(), sheet: Some("Plan".into()) };
    let datasets = vec![case.datasets[0].clone(), other];
    let bytes = export(&case.report, &datasets, &options()).expect("export");
    let names = open(&bytes).sheet_names();
    assert!(names.contains(&"Indata".to_owned()), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("Indata ")), "one input sheet, not two: {names:?}");
}

/// A table with `texts` in its one text column.
fn text_table(title: &str, texts: &[&str]) -> uppfolj_model::Table {
    use uppfolj_model::report::{Column, Row, RowKindOut, TableCell};
    uppfolj_model::Table {
        id: "texter".into(),
        title: title.into(),
        columns: vec![Column { key: "namn".into(), title: "Namn".into(), kind: ColumnKind::Text, formula: None }],
        rows: texts
            .iter()
            .map(|t| Row {
                cells: vec![TableCell::Text((*t).into())],
                level: 0,
                kind: RowKindOut::Data,
                sum_of: vec![],
            })
            .collect(),
    }
}

fn one_section(title: &str, blocks: Vec<Block>) -> Report {
    use uppfolj_model::report::PluginRef;
    let mut report = Report::new(PluginRef { id: "t".into(), version: "0".into() }, title);
    let mut section = uppfolj_model::Section::new("s", title);
    section.blocks = blocks;
    report.sections.push(section);
    report
}

/// The first row of a table (the one that shows rust_xlsxwriter each format) is written like every
/// other row: a percentage of a zero budget caches an empty text in both, a text that looks like
/// rich-text XML stays that text (in a table, a title and a paragraph), and a text over Excel's
/// 32 767 UTF-16 units is cut to fit in both.
#[test]
fn the_first_row_is_written_like_the_rest() {
    use uppfolj_model::report::{Column, ColumnFormula, Row, RowKindOut, TableCell, Text};
    use uppfolj_model::{Table, Unit};
    let amount = ColumnKind::Amount { unit: Unit::Tkr, decimals: 0 };
    let col = |key: &str, kind: ColumnKind, formula| Column { key: key.into(), title: key.into(), kind, formula };
    let percent = ColumnFormula::Percent { a: "Utfall".into(), b: "Budget".into() };
    let rows = [(0.0, 5.0), (0.0, 7.0), (10.0, 5.0)]
        .into_iter()
        .map(|(b, u): (f64, f64)| Row {
            cells: vec![
                TableCell::Text("Enhet".into()),
                TableCell::Number(b),
                TableCell::Number(u),
                TableCell::number((b != 0.0).then(|| 100.0 * u / b)),
            ],
            level: 0,
            kind: RowKindOut::Data,
            sum_of: vec![],
        })
        .collect();
    let percentages = Table {
        id: "procent".into(),
        title: "Procent".into(),
        columns: vec![
            col("Namn", ColumnKind::Text, None),
            col("Budget", amount.clone(), None),
            col("Utfall", amount, None),
            col("Andel", ColumnKind::Percent { decimals: 1 }, Some(percent)),
        ],
        rows,
    };
    let rich = "<r>a & b</r>";
    let long = "😀".repeat(20_000);
    let blocks = vec![
        Block::Table(percentages.clone()),
        Block::Table(text_table(rich, &[rich, rich])),
        Block::Text(Text { paragraphs: vec![rich.into()], generated: false }),
        Block::Table(text_table("Långa", &[&long, &long])),
    ];
    let mut input = common::numbered_rows("lang_text.csv", 1, 3);
    *input.rows.value_mut(1, 0).expect("a value") = uppfolj_model::Value::text(long.as_str());
    let bytes = export(&one_section("Rader", blocks), [&input], &options()).expect("export");
    std::fs::write(exports_dir().join("first-row.xlsx"), &bytes).expect("write");

    let mut book = open(&bytes);
    let range = book.worksheet_range("Rader").expect("sheet");
    let header = find_header(&range, "Namn", Some("Budget, tkr"), 0).expect("header row");
    let (first, second) = (header + 1, header + 2);
    assert_eq!(range.get_value((first, 3)), range.get_value((second, 3)), "both empty");
    assert_eq!(range.get_value((header + 3, 3)), Some(&Data::Float(0.5)));
    let xml = part(&bytes, "xl/worksheets/sheet2.xml");
    for row in [first, second] {
        let cell = format!("<c r=\"D{}\" s=\"", row + 1);
        let at = xml.find(&cell).expect("the percentage cell");
        let tag = &xml[at..at + xml[at..].find("</c>").expect("closed")];
        assert!(tag.contains("t=\"str\"") && tag.ends_with("<v></v>"), "an empty cached text: {tag}");
    }

    let texts: Vec<String> = range
        .used_cells()
        .filter_map(|(_, _, d)| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(texts.iter().filter(|t| *t == rich).count(), 4, "title, two rows, paragraph: {texts:?}");
    let cut: Vec<&String> = texts.iter().filter(|t| t.starts_with('😀')).collect();
    assert_eq!(cut.len(), 2);
    assert!(cut.iter().all(|t| t.encode_utf16().count() == 32_766), "cut at a whole emoji");

    // The cover sheet says where texts were cut.
    let cover = book.worksheet_range(uppfolj_xlsx::COVER_SHEET).expect("cover");
    let warnings: Vec<String> = (0..cover.height() as u32)
        .filter(|&r| cover.get_value((r, 0)) == Some(&Data::String("Varning".into())))
        .filter_map(|r| cover.get_value((r, 1)).map(|d| d.to_string()))
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].starts_with("2 texter på bladet 'Rader' var längre än de 32 767 tecken"), "{warnings:?}");
    assert!(warnings[1].starts_with("En text på bladet 'Indata'"), "{warnings:?}");
    let input = book.worksheet_range("Indata").expect("input sheet");
    let cut = input.used_cells().filter(|(_, _, d)| matches!(d, Data::String(s) if s.starts_with('😀'))).count();
    assert_eq!(cut, 1, "the long input text is there, cut");
}

/// Control characters in the text of a report and its input (a CSV can hold them) reach no part
/// of the workbook raw, where XML readers would reject it: cells keep them as Excel's `_xHHHH_`,
/// titles, chart labels, table names and print headers have a space instead.
#[test]
fn control_characters_never_break_the_xml() {
    use uppfolj_model::report::TableCell;
    let dirty = |s: &mut String| s.push_str(" a\u{1}b\u{b}c\u{1f}");
    let mut case = common::budget_case();
    let report = &mut case.report;
    dirty(&mut report.title);
    report.subtitle.as_mut().map(dirty);
    report.parameters.iter_mut().for_each(|(k, v)| {
        dirty(k);
        dirty(v);
    });
    for section in &mut report.sections {
        dirty(&mut section.title);
        for block in &mut section.blocks {
            match block {
                Block::Table(t) => {
                    dirty(&mut t.title);
                    t.columns.iter_mut().for_each(|c| dirty(&mut c.title));
                    for row in &mut t.rows {
                        for cell in &mut row.cells {
                            if let TableCell::Text(s) | TableCell::Status { label: s, .. } = cell {
                                dirty(s);
                            }
                        }
                    }
                }
                Block::Chart(c) => {
                    dirty(&mut c.title);
                    dirty(&mut c.value_label);
                    c.categories.iter_mut().for_each(dirty);
                    c.series.iter_mut().for_each(|s| dirty(&mut s.name));
                    c.reference_lines.iter_mut().for_each(|l| dirty(&mut l.label));
                }
                Block::KeyFigures { figures } => figures.iter_mut().for_each(|f| {
                    dirty(&mut f.label);
                    f.note.as_mut().map(dirty);
                }),
                Block::Text(t) => t.paragraphs.iter_mut().for_each(dirty),
                Block::Provenance { notes } => notes.iter_mut().for_each(|n| dirty(&mut n.what)),
            }
        }
    }
    for dataset in &mut case.datasets {
        dirty(&mut dataset.title);
        dataset.columns.iter_mut().for_each(|c| dirty(&mut c.name));
    }
    let bytes = export(&case.report, &case.datasets, &options()).expect("export");
    std::fs::write(exports_dir().join("control-characters.xlsx"), &bytes).expect("write");

    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).expect("zip");
    let mut broken = Vec::new();
    for i in 0..zip.len() {
        use std::io::Read;
        let mut file = zip.by_index(i).expect("part");
        let name = file.name().expect("a part name").into_owned();
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("read part");
        let raw = data.iter().position(|b| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'));
        if let (true, Some(at)) = (name.ends_with(".xml") || name.ends_with(".rels"), raw) {
            let around = String::from_utf8_lossy(&data[at.saturating_sub(60)..(at + 10).min(data.len())]);
            broken.push(format!("{name}: …{around}…"));
        }
    }
    assert!(broken.is_empty(), "raw control characters:\n{}", broken.join("\n"));
    let mut book = open(&bytes);
    let sheet = book.sheet_names()[2].clone();
    let range = book.worksheet_range(&sheet).expect("sheet");
    let kept = range.used_cells().any(|(_, _, d)| matches!(d, Data::String(s) if s.ends_with(" a\u{1}b\u{b}c\u{1f}")));
    assert!(kept, "cell text keeps its characters");
}

/// A waterfall's steps are coloured by direction (blue, orange) unless the Report says which
/// direction is better; then a falling cost is better (green) and a rising one worse (red), and
/// the legend says so.
#[test]
fn waterfall_steps_are_coloured_better_or_worse_as_the_report_says() {
    use uppfolj_model::report::{Better, ChartSemantics};
    let case = common::budget_case();
    let chart_xml = |report: &Report| {
        let bytes = export(report, &case.datasets, &options()).expect("export");
        // The waterfall is on the second section's sheet, the workbook's second chart.
        part(&bytes, "xl/charts/chart2.xml")
    };
    let plain = chart_xml(&case.report);
    assert!(plain.contains("D97B29") && !plain.contains("C62828"), "by direction only, never the bad colour");
    assert!(plain.contains("<c:v>Minskning</c:v>") || plain.contains(">Minskning<"), "{plain}");

    let mut report = case.report.clone();
    // The budget's costs are negative: a step down is more cost, so higher is better.
    report.chart_semantics.push(ChartSemantics::new("brygga").with_better(0, Better::Higher));
    let judged = chart_xml(&report);
    assert!(judged.contains("C62828") && !judged.contains("D97B29"), "more cost is worse: the bad colour");
    assert!(judged.contains("Minskning (sämre)"), "the legend says so");
}

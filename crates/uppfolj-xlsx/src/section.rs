//! One sheet per report section: its blocks written top to bottom. The rows of its tables are
//! streamed into the file afterwards ([`crate::body`]).

use crate::body::{Body, StreamedSheet};
use crate::formats::{CellStyle, Styles};
use crate::names::TableNames;
use crate::sheet::{Layout, SheetWriter, cell_text, is_cut, print_setup};
use crate::{Context, ExportOptions, XlsxError, chart, table};
use rust_xlsxwriter::Workbook;
use std::collections::BTreeMap;
use uppfolj_model::report::{KeyFigure, ProvenanceNote, Text};
use uppfolj_model::{Block, Report, Section, Unit};

/// Columns a paragraph of text spans.
const TEXT_SPAN: u16 = 8;
/// Rough characters per line of a paragraph spread over [`TEXT_SPAN`] columns.
const TEXT_LINE_CHARS: usize = 110;

/// How many texts of `section` do not fit in a cell and are cut: paragraphs, table texts and
/// status labels. A look at each text's length, no cells made.
pub(crate) fn cut_texts(section: &Section) -> usize {
    use uppfolj_model::report::TableCell;
    section
        .blocks
        .iter()
        .map(|block| match block {
            Block::Text(text) => text.paragraphs.iter().filter(|p| is_cut(p)).count(),
            Block::Table(table) => table
                .rows
                .iter()
                .flat_map(|row| &row.cells)
                .filter(|cell| match cell {
                    TableCell::Text(text) | TableCell::Status { label: text, .. } => is_cut(text),
                    _ => false,
                })
                .count(),
            _ => 0,
        })
        .sum()
}

/// Writes `section` to a new sheet `name`, the `index`th worksheet; the rows of its tables are
/// streamed when the file is packaged.
#[allow(clippy::too_many_arguments)]
pub(crate) fn write<'r>(
    workbook: &mut Workbook,
    styles: &mut Styles,
    tables: &mut TableNames,
    report: &Report,
    section: &'r Section,
    name: &str,
    index: usize,
    options: &ExportOptions,
) -> Result<StreamedSheet<'r>, XlsxError> {
    let ws = workbook.add_worksheet();
    ws.set_name(name).context(|| format!("bladnamnet '{name}'"))?;
    let mut sheet = SheetWriter::new(ws, name);

    sheet.heading(&section.title, &styles.title)?;
    sheet.heading(&context_line(report), &styles.subtitle)?;
    sheet.row += 1;

    let mut layout = Layout::default();
    let mut bodies = Vec::new();
    for block in &section.blocks {
        // After a very long table a block may not fit above Excel's last row: the rest of the
        // section is left out, and the sheet says so.
        if u64::from(sheet.row) + rows_needed(block) > u64::from(table::MAX_ROW) {
            if sheet.row <= table::MAX_ROW {
                let row = sheet.row;
                let text =
                    "Resten av avsnittet ryms inte på bladet (Excel har 1 048 576 rader); se rapporten i uppfolj.";
                sheet.text(row, 0, text, &styles.heading.clone())?;
            }
            break;
        }
        match block {
            Block::Text(text) => write_text(&mut sheet, styles, text)?,
            Block::KeyFigures { figures } => write_key_figures(&mut sheet, styles, figures)?,
            Block::Table(t) => {
                let (header, body) = table::write(&mut sheet, styles, tables, t, options)?;
                bodies.extend(body.map(|b| -> Body<'r> { Box::new(b) }));
                layout.header_rows += 1;
                layout.first_header.get_or_insert(header);
            }
            Block::Chart(c) => chart::write(&mut sheet, styles, c, &report.semantics_of(&c.id), options)?,
            Block::Provenance { notes } => write_provenance(&mut sheet, styles, notes)?,
        }
        sheet.row += 1;
    }
    sheet.want_width(0, 12);
    sheet.apply_widths()?;
    print_setup(&mut sheet, report, &section.title, layout)?;
    Ok(StreamedSheet { index, name: name.to_owned(), bodies, exemplars: sheet.exemplars })
}

/// Rows a block takes at most, with the blank row after it (a table: its title, header and first
/// row; a longer table is cut at Excel's last row and says so itself).
fn rows_needed(block: &Block) -> u64 {
    let len = |n: usize| n as u64;
    1 + match block {
        Block::Text(text) => len(text.paragraphs.len()) + 1,
        Block::KeyFigures { figures } => len(figures.len()) + 1,
        Block::Table(_) => 3,
        Block::Chart(c) => {
            2 + (len(c.categories.len()) + len(c.reference_lines.len())).max(u64::from(chart::CHART_ROWS))
        }
        Block::Provenance { notes } => len(notes.len()) + 2,
    }
}

fn write_text(sheet: &mut SheetWriter<'_>, styles: &mut Styles, text: &Text) -> Result<(), XlsxError> {
    let format = styles.text.clone();
    for paragraph in &text.paragraphs {
        let row = sheet.row;
        let paragraph = cell_text(paragraph);
        sheet
            .ws
            .merge_range(row, 0, row, TEXT_SPAN - 1, "", &format)
            .context(|| format!("textstycke i blad '{}'", sheet.name))?;
        sheet.text(row, 0, paragraph, &format)?;
        let lines = paragraph.chars().count().div_ceil(TEXT_LINE_CHARS).max(1) + paragraph.matches('\n').count();
        sheet.ws.set_row_height(row, 15.0 * lines.min(400) as f64).context(|| "radhöjd".to_owned())?;
        sheet.row += 1;
    }
    if text.generated {
        let row = sheet.row;
        let note = styles.note.clone();
        sheet.text(row, 0, "Texten är skapad automatiskt från siffrorna.", &note)?;
        sheet.row += 1;
    }
    Ok(())
}

/// Headers of the key-figure block.
const KEY_FIGURE_HEADERS: [&str; 5] = ["Nyckeltal", "Värde", "Förändring", "Status", "Kommentar"];

/// The format code for a key figure in `unit`, and whether its cell holds a fraction.
fn key_figure_code(unit: Option<&Unit>, decimals: u8) -> (String, bool) {
    match unit {
        Some(Unit::Percent) => (crate::formats::percent_code(decimals), true),
        Some(unit) if unit.value_suffix().is_some() => (crate::formats::unit_code(decimals, unit), false),
        _ => (crate::formats::number_code(decimals), false),
    }
}

fn write_key_figures(sheet: &mut SheetWriter<'_>, styles: &mut Styles, figures: &[KeyFigure]) -> Result<(), XlsxError> {
    let header_row = sheet.row;
    for (col, h) in KEY_FIGURE_HEADERS.iter().enumerate() {
        let col = col as u16;
        let format = if col == 1 || col == 2 { styles.header_number.clone() } else { styles.header.clone() };
        sheet.text(header_row, col, h, &format)?;
    }
    sheet.header_widths(header_row, 0, &KEY_FIGURE_HEADERS.map(String::from))?;
    sheet.row += 1;
    let mut labels = BTreeMap::new();
    for figure in figures {
        let row = sheet.row;
        let label = styles.label.clone();
        sheet.text(row, 0, &figure.label, &label)?;
        sheet.want_width(0, figure.label.chars().count());
        let (code, fraction) = key_figure_code(figure.unit.as_ref(), figure.decimals);
        let format = styles.cell(&CellStyle { num: Some(code), ..CellStyle::default() }).clone();
        for (col, value) in [(1u16, figure.value), (2, figure.change)] {
            match value.filter(|v| v.is_finite()) {
                Some(v) => {
                    sheet
                        .ws
                        .write_number_with_format(row, col, if fraction { v / 100.0 } else { v }, &format)
                        .context(|| "nyckeltal".to_owned())?;
                    let shown = uppfolj_model::format::number(v, usize::from(figure.decimals)).chars().count();
                    let unit = figure.unit.as_ref().and_then(Unit::value_suffix).map_or(0, |u| u.chars().count() + 1);
                    sheet.want_width(col, shown + unit + 2);
                }
                None => {
                    sheet.ws.write_blank(row, col, &format).context(|| "nyckeltal".to_owned())?;
                }
            }
        }
        if let (Some(status), Some(text)) = (figure.status, figure.status_text()) {
            let plain = styles.cell(&CellStyle::default()).clone();
            sheet.text(row, 3, text, &plain)?;
            sheet.want_width(3, text.chars().count());
            labels.insert(text.to_owned(), status);
        }
        if let Some(note) = &figure.note {
            let plain = styles.cell(&CellStyle::default()).clone();
            sheet.text(row, 4, note, &plain)?;
            sheet.want_width(4, note.chars().count().min(50));
        }
        sheet.row += 1;
    }
    sheet.status_colors(header_row + 1, sheet.row.saturating_sub(1), 3, &labels)?;
    Ok(())
}

fn write_provenance(
    sheet: &mut SheetWriter<'_>,
    styles: &mut Styles,
    notes: &[ProvenanceNote],
) -> Result<(), XlsxError> {
    let heading = styles.heading.clone();
    sheet.heading("Källor för siffrorna", &heading)?;
    let header_row = sheet.row;
    let header = styles.header.clone();
    for (col, h) in ["Uppgift", "Fil", "Blad", "Celler"].iter().enumerate() {
        sheet.text(header_row, col as u16, h, &header)?;
    }
    sheet.row += 1;
    let plain = styles.cell(&CellStyle::default()).clone();
    for note in notes {
        let row = sheet.row;
        // Excel holds at most 32 767 characters in a cell: 1 000 ranges stay well below.
        let cells = note.cells_written(1_000);
        let sheet_name = note.source.sheet.clone().unwrap_or_default();
        for (col, text) in [(0u16, note.what.as_str()), (1, &note.source.file), (2, &sheet_name), (3, &cells)] {
            sheet.text(row, col, text, &plain)?;
            sheet.want_width(col, text.chars().count().min(50));
        }
        sheet.row += 1;
    }
    Ok(())
}

/// The line under each sheet's heading: the report's title and subtitle ("Budgetuppföljning –
/// Januari–augusti 2024"), or the subtitle alone where it begins with the title already
/// ("Balanskravsutredning 2021–2024", a file's own title).
fn context_line(report: &Report) -> String {
    match &report.subtitle {
        Some(sub) if sub.to_lowercase().starts_with(&report.title.to_lowercase()) => sub.clone(),
        Some(sub) => format!("{} – {}", report.title, sub),
        None => report.title.clone(),
    }
}

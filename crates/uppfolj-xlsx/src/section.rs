//! One sheet per report section: its blocks written top to bottom. The rows of its tables are
//! streamed into the file afterwards ([`crate::body`]).

use crate::body::{Body, Exemplars, StreamedSheet};
use crate::formats::{CellStyle, Styles};
use crate::names::TableNames;
use crate::{Context, ExportOptions, XlsxError, chart, table};
use rust_xlsxwriter::{ConditionalFormatCell, ConditionalFormatCellRule, Workbook, Worksheet};
use std::collections::BTreeMap;
use uppfolj_model::report::{KeyFigure, ProvenanceNote, Text};
use uppfolj_model::{Block, Report, Section, Status, Unit};

/// Excel's limit on the characters in a cell, counted in UTF-16 code units (an emoji is two).
const MAX_CELL_UNITS: usize = 32_767;
/// Columns a paragraph of text spans.
const TEXT_SPAN: u16 = 8;
/// Rough characters per line of a paragraph spread over [`TEXT_SPAN`] columns.
const TEXT_LINE_CHARS: usize = 110;

/// Text as Excel accepts it in a cell: at most 32 767 UTF-16 code units, cut at a character.
pub(crate) fn cell_text(text: &str) -> &str {
    if text.len() <= MAX_CELL_UNITS {
        return text; // UTF-8 never has fewer bytes than UTF-16 has units
    }
    let mut units = 0;
    for (i, ch) in text.char_indices() {
        units += ch.len_utf16();
        if units > MAX_CELL_UNITS {
            return &text[..i];
        }
    }
    text
}

/// Whether [`cell_text`] cuts `text`.
pub(crate) fn is_cut(text: &str) -> bool {
    cell_text(text).len() < text.len()
}

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

/// Text for where Excel keeps no escapes (table column names, alt texts): each character XML
/// cannot hold (a control character other than tab, newline and carriage return; U+FFFE, U+FFFF)
/// becomes a space. Cells keep such characters, escaped.
pub(crate) fn plain_text(text: &str) -> std::borrow::Cow<'_, str> {
    let invalid = |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}');
    if text.contains(invalid) { text.replace(invalid, " ").into() } else { text.into() }
}

/// A worksheet being written top to bottom, with the widths its content needs.
pub(crate) struct SheetWriter<'a> {
    pub(crate) ws: &'a mut Worksheet,
    pub(crate) name: String,
    /// The next free row.
    pub(crate) row: u32,
    widths: Vec<f64>,
    /// The body rows written through rust_xlsxwriter to show each style's index.
    pub(crate) exemplars: Exemplars,
}

impl std::fmt::Debug for SheetWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SheetWriter").field("name", &self.name).field("row", &self.row).finish()
    }
}

impl<'a> SheetWriter<'a> {
    pub(crate) fn new(ws: &'a mut Worksheet, name: &str) -> Self {
        Self { ws, name: name.to_owned(), row: 0, widths: Vec::new(), exemplars: Exemplars::default() }
    }

    /// Notes that column `col` needs `chars` characters of width.
    pub(crate) fn want_width(&mut self, col: u16, chars: usize) {
        let col = usize::from(col);
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0.0);
        }
        let w = (chars as f64 + 2.0).min(60.0);
        if w > self.widths[col] {
            self.widths[col] = w;
        }
    }

    /// The sum of the column widths, in characters.
    pub(crate) fn total_width(&self) -> f64 {
        self.widths.iter().map(|w| w.max(8.43)).sum()
    }

    /// Sets the column widths noted so far.
    pub(crate) fn apply_widths(&mut self) -> Result<(), XlsxError> {
        for (col, w) in self.widths.iter().enumerate() {
            if *w > 0.0 {
                let col = u16::try_from(col).unwrap_or(u16::MAX);
                self.ws
                    .set_column_width(col, w.max(8.43))
                    .context(|| format!("kolumnbredd på blad '{}'", self.name))?;
            }
        }
        Ok(())
    }

    /// Writes user or report text as text (never a formula), with `format`.
    pub(crate) fn text(
        &mut self,
        row: u32,
        col: u16,
        text: &str,
        format: &rust_xlsxwriter::Format,
    ) -> Result<(), XlsxError> {
        let text = cell_text(text);
        let context = || format!("text i blad '{}'", self.name);
        if text.is_empty() {
            self.ws.write_blank(row, col, format).context(context)?;
        } else if text.starts_with("<r>") && text.ends_with("</r>") {
            // rust_xlsxwriter copies such a string into the shared strings as rich-text XML,
            // unescaped; as a one-run rich string it is escaped like any other text.
            let plain = rust_xlsxwriter::Format::default();
            self.ws.write_rich_string_with_format(row, col, &[(&plain, text)], format).context(context)?;
        } else {
            self.ws.write_string_with_format(row, col, text, format).context(context)?;
        }
        Ok(())
    }

    /// A heading line: `text` in `format`, then moves to the next row.
    pub(crate) fn heading(&mut self, text: &str, format: &rust_xlsxwriter::Format) -> Result<(), XlsxError> {
        let row = self.row;
        self.text(row, 0, text, format)?;
        self.row += 1;
        Ok(())
    }

    /// Notes the widths a header row needs (headers wrap at spaces: the longest word, or up to
    /// 16 characters) and makes the row tall enough for the wrapped headers.
    pub(crate) fn header_widths(&mut self, row: u32, first_col: u16, headers: &[String]) -> Result<(), XlsxError> {
        let mut lines = 1;
        for (i, h) in headers.iter().enumerate() {
            let len = h.chars().count();
            let longest = h.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
            let width = longest.max(len.min(16)).max(8) + 2;
            self.want_width(first_col + i as u16, width);
            lines = lines.max(wrapped_lines(h, width));
        }
        if lines > 1 {
            self.ws.set_row_height(row, 15.0 * lines.min(4) as f64).context(|| "radhöjd för rubriker".to_owned())?;
        }
        Ok(())
    }

    /// Adds conditional formatting to `col` rows `first..=last` that colours each status label.
    pub(crate) fn status_colors(
        &mut self,
        first: u32,
        last: u32,
        col: u16,
        labels: &BTreeMap<String, Status>,
    ) -> Result<(), XlsxError> {
        if first > last {
            return Ok(());
        }
        for (label, status) in labels {
            if label.is_empty() || label.chars().count() > 255 {
                continue;
            }
            let rule = ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::EqualTo(label.as_str()))
                .set_format(Styles::status(*status));
            self.ws
                .add_conditional_format(first, col, last, col, &rule)
                .context(|| format!("villkorsstyrd formatering av status i blad '{}'", self.name))?;
        }
        Ok(())
    }
}

/// The lines `text` takes when wrapped at spaces into `width` characters (a little less, since
/// proportional fonts and cell padding take room).
pub(crate) fn wrapped_lines(text: &str, width: usize) -> usize {
    let room = width.saturating_sub(1).max(4);
    let mut lines = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if used == 0 {
            used = w;
        } else if used + 1 + w <= room {
            used += 1 + w;
        } else {
            lines += 1;
            used = w;
        }
    }
    lines
}

/// Where a sheet's main table header is, for freezing panes and repeating it on every page.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Layout {
    /// The header row of each table written.
    pub(crate) header_rows: usize,
    /// The header row of the first table.
    pub(crate) first_header: Option<u32>,
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
    let context = match &report.subtitle {
        Some(sub) => format!("{} – {}", report.title, sub),
        None => report.title.clone(),
    };
    sheet.heading(&context, &styles.subtitle)?;
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
                bodies.extend(body.map(Body::Table));
                layout.header_rows += 1;
                layout.first_header.get_or_insert(header);
            }
            Block::Chart(c) => chart::write(&mut sheet, styles, c, options)?,
            Block::Provenance { notes } => write_provenance(&mut sheet, styles, notes)?,
        }
        sheet.row += 1;
    }
    sheet.want_width(0, 12);
    sheet.apply_widths()?;
    print_setup(&mut sheet, report, &section.title, layout)?;
    Ok(StreamedSheet { index, name: name.to_owned(), bodies, exemplars: sheet.exemplars })
}

/// Print setup: fit to one page wide, landscape when wide, header row repeated, title and page
/// numbers in header and footer; the header frozen on screen when the sheet has one table near
/// the top.
pub(crate) fn print_setup(
    sheet: &mut SheetWriter<'_>,
    report: &Report,
    title: &str,
    layout: Layout,
) -> Result<(), XlsxError> {
    let wide = sheet.widths.len() > 6 || sheet.total_width() > 95.0;
    let ws = &mut *sheet.ws;
    if wide {
        ws.set_landscape();
    }
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_header(format!("&L{}&R{}", header_text(&report.title), header_text(title)));
    ws.set_footer("&LSkapad med uppfolj&RSida &P av &N");
    if let Some(header) = layout.first_header
        && layout.header_rows == 1
    {
        ws.set_repeat_rows(header, header).context(|| format!("upprepade rubrikrader i blad '{}'", sheet.name))?;
        if header < 15 {
            ws.set_freeze_panes(header + 1, 0).context(|| format!("låsta rubriker i blad '{}'", sheet.name))?;
        }
    }
    Ok(())
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

/// Text for a print header: `&` doubled, short enough for Excel's 255-character limit.
pub(crate) fn header_text(text: &str) -> String {
    text.chars().take(80).collect::<String>().replace('&', "&&")
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
        Some(unit) => (crate::formats::unit_code(decimals, unit), false),
        None => (crate::formats::number_code(decimals), false),
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
                    let unit = figure.unit.as_ref().map_or(0, |u| u.label().chars().count() + 1);
                    sheet.want_width(col, shown + unit + 2);
                }
                None => {
                    sheet.ws.write_blank(row, col, &format).context(|| "nyckeltal".to_owned())?;
                }
            }
        }
        if let Some(status) = figure.status {
            let text = status.label_sv();
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
        let cells = note.cells.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        let sheet_name = note.source.sheet.clone().unwrap_or_default();
        for (col, text) in [(0u16, note.what.as_str()), (1, &note.source.file), (2, &sheet_name), (3, &cells)] {
            sheet.text(row, col, text, &plain)?;
            sheet.want_width(col, text.chars().count().min(50));
        }
        sheet.row += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_wrapped_header_lines() {
        assert_eq!(wrapped_lines("Budget, tkr", 13), 1);
        assert_eq!(wrapped_lines("Prognos mot årsbudget, enhet okänd", 18), 3);
        assert_eq!(wrapped_lines("Realiserad effekt, mnkr", 18), 2);
        assert_eq!(wrapped_lines("Realiserad effekt, mnkr", 12), 3);
        assert_eq!(cell_text(&"x".repeat(40_000)).len(), 32_767);
        // An emoji is two UTF-16 units: 16 383 of them fit, with room for one more ASCII letter.
        let emoji = format!("{}ab", "😀".repeat(16_383));
        assert_eq!(cell_text(&emoji).chars().count(), 16_384);
        assert_eq!(cell_text("kort"), "kort");
    }
}

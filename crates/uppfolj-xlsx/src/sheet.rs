//! The shared helpers of every sheet: a worksheet written top to bottom with the widths its
//! content needs ([`SheetWriter`]), text as Excel accepts it in a cell, header rows that wrap,
//! status colours as conditional formats, and print setup. The cover, section, chart, table and
//! input sheets are written with these.

use crate::body::Exemplars;
use crate::formats::Styles;
use crate::{Context, XlsxError};
use rust_xlsxwriter::{ConditionalFormatCell, ConditionalFormatCellRule, Worksheet};
use std::collections::BTreeMap;
use uppfolj_model::{Report, Status};

/// Excel's limit on the characters in a cell, counted in UTF-16 code units (an emoji is two).
const MAX_CELL_UNITS: usize = 32_767;

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

/// Text for a print header: `&` doubled, short enough for Excel's 255-character limit.
pub(crate) fn header_text(text: &str) -> String {
    text.chars().take(80).collect::<String>().replace('&', "&&")
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

//! Cell formats: Swedish number formats, units, bold totals, indented levels, status colours.
//!
//! Number format codes in a workbook are locale-neutral (`#,##0.0`); Excel and LibreOffice show them
//! with the reader's separators, so a Swedish reader sees "1 234,5". Negative numbers keep a minus
//! sign, as in municipal driftredovisning.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};
use std::collections::HashMap;
use uppfolj_model::report::ColumnKind;
use uppfolj_model::{Status, Unit};

/// Fill of the table header row.
const HEADER_FILL: u32 = 0xDDEBF7;
/// Colour of headings.
const HEADING_COLOR: u32 = 0x1F3864;

/// The number format code for `decimals` decimals: `#,##0.0;-#,##0.0`.
pub(crate) fn number_code(decimals: u8) -> String {
    let d = usize::from(decimals.min(10));
    let body = if d == 0 { "#,##0".to_owned() } else { format!("#,##0.{}", "0".repeat(d)) };
    format!("{body};-{body}")
}

/// The number format code for a percentage stored as a fraction: `0.0%`.
pub(crate) fn percent_code(decimals: u8) -> String {
    let d = usize::from(decimals.min(10));
    if d == 0 { "0%".to_owned() } else { format!("0.{}%", "0".repeat(d)) }
}

/// The number format code with the unit after the number: `#,##0" tkr";-#,##0" tkr"`.
pub(crate) fn unit_code(decimals: u8, unit: &Unit) -> String {
    let d = usize::from(decimals.min(10));
    let body = if d == 0 { "#,##0".to_owned() } else { format!("#,##0.{}", "0".repeat(d)) };
    let label = unit.label().replace('"', "");
    format!("{body}\" {label}\";-{body}\" {label}\"")
}

/// How a number of a column kind is stored in a cell: percentages as fractions (12,5 % is 0.125,
/// shown with a % format), everything else as it is in the Report.
pub(crate) fn is_fraction(kind: &ColumnKind) -> bool {
    matches!(kind, ColumnKind::Percent { .. })
}

/// The cell value for Report value `v` in a column of `kind`.
pub(crate) fn to_cell(v: f64, kind: &ColumnKind) -> f64 {
    if is_fraction(kind) { v / 100.0 } else { v }
}

/// The number format code for a column kind, if it holds numbers.
pub(crate) fn kind_code(kind: &ColumnKind) -> Option<String> {
    match kind {
        ColumnKind::Amount { decimals, .. } | ColumnKind::Number { decimals } => Some(number_code(*decimals)),
        ColumnKind::Percent { decimals } => Some(percent_code(*decimals)),
        _ => None,
    }
}

/// Fill and font colours of a status, light enough to read black-on-colour text.
pub(crate) fn status_colors(status: Status) -> (u32, u32) {
    match status {
        Status::Good => (0xC6EFCE, 0x006100),
        Status::Warning => (0xFFEB9C, 0x7A4B00),
        Status::Bad => (0xFFC7CE, 0x9C0006),
        Status::Neutral => (0xEDEDED, 0x3A3A3A),
    }
}

/// Strong colours of a status for chart bars and points.
pub(crate) fn status_chart_color(status: Status) -> u32 {
    match status {
        Status::Good => 0x2E7D32,
        Status::Warning => 0xE0A000,
        Status::Bad => 0xC62828,
        Status::Neutral => 0x9E9E9E,
    }
}

/// What a cell format is made of; the key of the format cache.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub(crate) struct CellStyle {
    /// Number format code.
    pub(crate) num: Option<String>,
    /// Bold (subtotal and total rows).
    pub(crate) bold: bool,
    /// Indent level (hierarchy).
    pub(crate) indent: u8,
    /// Wrap text.
    pub(crate) wrap: bool,
    /// A top border (total rows).
    pub(crate) top_border: bool,
}

/// A cell format made by [`Styles::id`]: an index into the workbook's formats, cheap to copy and
/// compare (the rows of table bodies carry it, see [`crate::body`]).
pub(crate) type StyleId = u16;

/// The workbook's formats.
#[derive(Debug)]
pub(crate) struct Styles {
    pub(crate) title: Format,
    pub(crate) subtitle: Format,
    pub(crate) heading: Format,
    pub(crate) label: Format,
    pub(crate) text: Format,
    pub(crate) note: Format,
    pub(crate) header: Format,
    pub(crate) header_number: Format,
    ids: HashMap<CellStyle, StyleId>,
    formats: Vec<Format>,
}

impl Styles {
    pub(crate) fn new() -> Self {
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(HEADER_FILL))
            .set_border_bottom(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter);
        Self {
            title: Format::new().set_bold().set_font_size(16).set_font_color(Color::RGB(HEADING_COLOR)),
            subtitle: Format::new().set_font_size(12).set_font_color(Color::RGB(0x404040)),
            heading: Format::new().set_bold().set_font_size(12).set_font_color(Color::RGB(HEADING_COLOR)),
            label: Format::new().set_bold().set_align(FormatAlign::Top),
            text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            note: Format::new().set_italic().set_font_color(Color::RGB(0x595959)),
            header_number: header.clone().set_align(FormatAlign::Right),
            header,
            // Id 0 is the plain format, so that `formats` is never empty.
            ids: HashMap::from([(CellStyle::default(), 0)]),
            formats: vec![Format::new()],
        }
    }

    /// The id of the format for `style`, made once. Styles past the 65 535th share the last one
    /// (no report comes near: a workbook has a few dozen).
    pub(crate) fn id(&mut self, style: &CellStyle) -> StyleId {
        if let Some(id) = self.ids.get(style) {
            return *id;
        }
        let Ok(id) = StyleId::try_from(self.formats.len()) else {
            return StyleId::MAX;
        };
        let mut f = Format::new();
        if let Some(code) = &style.num {
            f = f.set_num_format(code);
        }
        if style.bold {
            f = f.set_bold();
        }
        if style.indent > 0 {
            f = f.set_indent(style.indent.min(15));
        }
        if style.wrap {
            f = f.set_text_wrap().set_align(FormatAlign::Top);
        }
        if style.top_border {
            f = f.set_border_top(FormatBorder::Thin);
        }
        self.formats.push(f);
        self.ids.insert(style.clone(), id);
        id
    }

    /// The format with id `id`.
    pub(crate) fn format(&self, id: StyleId) -> &Format {
        // Ids come from `id()`, which never hands out one past the end; the plain format otherwise.
        self.formats.get(usize::from(id)).unwrap_or(&self.formats[0])
    }

    /// The format for `style`, made once.
    pub(crate) fn cell(&mut self, style: &CellStyle) -> &Format {
        let id = self.id(style);
        self.format(id)
    }

    /// A conditional-format look for a status: its fill and font colour.
    pub(crate) fn status(status: Status) -> Format {
        let (fill, font) = status_colors(status);
        Format::new().set_background_color(Color::RGB(fill)).set_font_color(Color::RGB(font))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_codes_are_swedish_style() {
        assert_eq!(number_code(0), "#,##0;-#,##0");
        assert_eq!(number_code(1), "#,##0.0;-#,##0.0");
        assert_eq!(percent_code(1), "0.0%");
        assert_eq!(percent_code(0), "0%");
        assert_eq!(unit_code(0, &Unit::Tkr), "#,##0\" tkr\";-#,##0\" tkr\"");
        assert_eq!(unit_code(1, &Unit::Mnkr), "#,##0.0\" mnkr\";-#,##0.0\" mnkr\"");
    }
}

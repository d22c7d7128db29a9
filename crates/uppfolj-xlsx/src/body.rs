//! Table bodies: the rows of report tables and input data, streamed into the file as sheet XML so
//! that memory stays bounded however many rows there are, natively and in WebAssembly.
//!
//! rust_xlsxwriter keeps every cell of a worksheet in memory until the workbook is saved, at well
//! over a hundred bytes a cell, and its constant-memory mode needs a file system, which WebAssembly
//! in the browser does not have. A 500 000-row export took 1.2 GB there. So body rows are not
//! handed to it:
//!
//! 1. While the workbook is built, each body row is made as [`BodyCell`]s by its body, a
//!    [`BodyRows`]. A row
//!    with a cell style that no earlier row of the sheet had becomes an *exemplar* (see
//!    [`Exemplars`]): its cells are written through rust_xlsxwriter as blank cells in their formats,
//!    so that the saved sheet shows which `s` index each style got. Every other row is dropped at
//!    once. Everything around the rows (the Excel table, conditional formats, filter, widths, print
//!    setup) is set up as usual over the whole range.
//! 2. rust_xlsxwriter saves the workbook, which is now small. [`crate::package`] copies it into a new
//!    zip and rewrites each sheet with bodies on the way: its own rows are kept, the exemplar rows
//!    are replaced, and the bodies make all their rows again, written as XML ([`RowXml`]) straight
//!    into the deflate stream, each style as the `s` index of its exemplar cell.
//!
//! Every body row is thus written by one writer, here: the first row of a table is written the same
//! way as its 500 000th (an empty cached formula result, a text that looks like rich-text XML).
//!
//! What is held is then the Report, the datasets and the compressed file. The XML written here
//! is what rust_xlsxwriter writes for the same cells, except that text is an inline string
//! (`t="inlineStr"`, as in rust_xlsxwriter's own constant-memory mode) instead of an entry in the
//! shared-strings table.

use crate::formats::{StyleId, Styles};
use crate::{Context, XlsxError};
use rust_xlsxwriter::Worksheet;
use std::collections::BTreeMap;
use std::io::{self, Write};
use uppfolj_model::CellRef;

/// The value of a body cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum CellValue<'r> {
    /// A cell with a format and no value.
    Blank,
    /// A finite number, as stored in the cell (percentages as fractions).
    Number(f64),
    /// Text, never empty, at most Excel's 32 767 characters; always written as text.
    Text(&'r str),
    /// A formula without the leading "=", and its cached result (`None` caches an empty text).
    Formula {
        /// The formula: `C6-B6`.
        formula: String,
        /// The value Excel shows before it recalculates.
        result: Option<f64>,
    },
}

/// One cell of a body row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BodyCell<'r> {
    /// Zero-based column.
    pub(crate) col: u16,
    /// The cell's format.
    pub(crate) style: StyleId,
    /// The value.
    pub(crate) value: CellValue<'r>,
}

impl<'r> BodyCell<'r> {
    /// A text cell; empty text is a blank cell (Excel stores no empty strings).
    pub(crate) fn text(col: u16, style: StyleId, text: &'r str) -> Self {
        let text = crate::sheet::cell_text(text);
        let value = if text.is_empty() { CellValue::Blank } else { CellValue::Text(text) };
        Self { col, style, value }
    }

    /// A number cell; a value that is not finite is a blank cell.
    pub(crate) fn number(col: u16, style: StyleId, value: f64) -> Self {
        let value = if value.is_finite() { CellValue::Number(value) } else { CellValue::Blank };
        Self { col, style, value }
    }
}

/// A block of rows written by streaming: what a sheet gives the row sink ([`crate::package`]) for
/// each of its bodies. A report table's rows ([`crate::table::TableBody`]) and an input dataset's
/// ([`crate::input::InputBody`]) are two; the sink knows only this trait.
///
/// The rows are made twice from the data they borrow, never held: once while the workbook is built
/// (for widths, status colours and [`Exemplars`]) and once when they are streamed into the file.
pub(crate) trait BodyRows<'r>: std::fmt::Debug {
    /// The sheet row (zero-based) of the first row.
    fn first_row(&self) -> u32;

    /// The number of rows.
    fn len(&self) -> usize;

    /// The last column (zero-based) a row can have a cell in.
    fn last_col(&self) -> u16;

    /// Appends the cells of row `i` (zero-based within the body), in column order, to `out`.
    fn cells(&self, i: usize, out: &mut Vec<BodyCell<'r>>);

    /// The cells its rows have, to size the file: by default every column of every row.
    fn cell_count(&self) -> u64 {
        self.len() as u64 * (u64::from(self.last_col()) + 1)
    }

    /// The most bytes of XML its rows can be written as, to decide whether a sheet needs zip64: by
    /// default each row made and measured ([`row_xml_bound`]).
    fn xml_bound(&self) -> u64 {
        let mut cells = Vec::new();
        (0..self.len())
            .map(|i| {
                cells.clear();
                self.cells(i, &mut cells);
                row_xml_bound(&cells)
            })
            .sum()
    }

    /// The Excel table over the rows, when it has to be widened to them after saving.
    fn widen(&self) -> Option<&WidenTable> {
        None
    }
}

/// A body as a sheet holds it.
pub(crate) type Body<'r> = Box<dyn BodyRows<'r> + 'r>;

/// An Excel table added over its header and first row only, to be widened to all its rows when
/// the file is packaged: rust_xlsxwriter checks table overlaps with a map entry per cell of the
/// range (over 100 MB for 500 000 rows), and the rows are streamed anyway.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WidenTable {
    /// The table's name (unique in the workbook).
    pub(crate) name: String,
    /// The range it was added with: `A5:F6`.
    pub(crate) added: String,
    /// Its whole range: `A5:F500005`.
    pub(crate) full: String,
}

/// The first cell of each style on a sheet, written through rust_xlsxwriter as a blank cell in
/// that style so that the saved sheet shows which `s` index the style got. The row itself is
/// written again from its body when the file is packaged.
#[derive(Debug, Default)]
pub(crate) struct Exemplars {
    /// Style → (zero-based sheet row, column) of its first cell.
    pub(crate) cells: BTreeMap<StyleId, (u32, u16)>,
}

impl Exemplars {
    /// Writes the cells of row `row` as formatted blanks through rust_xlsxwriter when one of them
    /// has a style this sheet has not had yet. Returns whether it did.
    pub(crate) fn offer(
        &mut self,
        ws: &mut Worksheet,
        styles: &Styles,
        row: u32,
        cells: &[BodyCell<'_>],
        context: impl Fn() -> String,
    ) -> Result<bool, XlsxError> {
        if cells.iter().all(|c| self.cells.contains_key(&c.style)) {
            return Ok(false);
        }
        for cell in cells {
            self.cells.entry(cell.style).or_insert((row, cell.col));
            ws.write_blank(row, cell.col, styles.format(cell.style)).context(&context)?;
        }
        Ok(true)
    }
}

/// A sheet whose bodies are streamed after the workbook is saved.
#[derive(Debug)]
pub(crate) struct StreamedSheet<'r> {
    /// The sheet's position among the worksheets (zero-based): rust_xlsxwriter saves it as
    /// `xl/worksheets/sheet{index + 1}.xml`.
    pub(crate) index: usize,
    /// The sheet's name, for messages.
    pub(crate) name: String,
    /// Its bodies, top to bottom.
    pub(crate) bodies: Vec<Body<'r>>,
    /// The cells written through rust_xlsxwriter that show each style's index.
    pub(crate) exemplars: Exemplars,
}

/// Writes body rows as sheet XML, with the `s` index of each style.
#[derive(Debug)]
pub(crate) struct RowXml {
    /// Style → `s` index (0, the default format, is left out of the XML as Excel does).
    xf: BTreeMap<StyleId, u32>,
    /// Column letters, made once.
    letters: Vec<String>,
}

impl RowXml {
    /// A writer for a sheet whose styles have these `s` indices and whose cells go up to column
    /// `last_col`.
    pub(crate) fn new(xf: BTreeMap<StyleId, u32>, last_col: u16) -> Self {
        let letters = (0..=u32::from(last_col)).map(CellRef::column_letters).collect();
        Self { xf, letters }
    }

    /// Writes `<row r="…">…</row>` for zero-based sheet row `row`. A style without a known index
    /// is an error (every style has an exemplar; this guards the pairing).
    pub(crate) fn write<W: Write>(&self, w: &mut W, row: u32, cells: &[BodyCell<'_>]) -> io::Result<()> {
        let r = u64::from(row) + 1;
        write!(w, "<row r=\"{r}\">")?;
        for cell in cells {
            let xf = *self.xf.get(&cell.style).ok_or_else(|| {
                io::Error::other(format!("formatet för cell {}{r} saknas i arbetsboken", self.letter(cell.col)))
            })?;
            let letter = self.letter(cell.col);
            let s = StyleAttr(xf);
            match &cell.value {
                CellValue::Blank if xf == 0 => {} // nothing to keep: Excel leaves such cells out
                CellValue::Blank => write!(w, "<c r=\"{letter}{r}\"{s}/>")?,
                CellValue::Number(v) => {
                    write!(w, "<c r=\"{letter}{r}\"{s}><v>")?;
                    write_number(w, *v)?;
                    w.write_all(b"</v></c>")?;
                }
                CellValue::Text(t) => {
                    let preserve = if t.starts_with(['\t', '\n', ' ']) || t.ends_with(['\t', '\n', ' ']) {
                        " xml:space=\"preserve\""
                    } else {
                        ""
                    };
                    write!(w, "<c r=\"{letter}{r}\"{s} t=\"inlineStr\"><is><t{preserve}>")?;
                    write_text(w, t)?;
                    w.write_all(b"</t></is></c>")?;
                }
                CellValue::Formula { formula, result } => {
                    let t = if result.is_some() { "" } else { " t=\"str\"" };
                    write!(w, "<c r=\"{letter}{r}\"{s}{t}><f>")?;
                    write_xml(w, formula)?;
                    w.write_all(b"</f><v>")?;
                    if let Some(v) = result {
                        write_number(w, *v)?;
                    }
                    w.write_all(b"</v></c>")?;
                }
            }
        }
        w.write_all(b"</row>")
    }

    fn letter(&self, col: u16) -> std::borrow::Cow<'_, str> {
        match self.letters.get(usize::from(col)) {
            Some(l) => l.as_str().into(),
            None => CellRef::column_letters(u32::from(col)).into(),
        }
    }
}

/// Bytes a cell's XML takes at most, besides its value: `<c r="XFD1048576" s="4294967295"
/// t="inlineStr"><is><t xml:space="preserve">` and the closing tags.
pub(crate) const CELL_XML: u64 = 96;
/// Bytes a row's own tags take at most: `<row r="1048576"></row>`.
pub(crate) const ROW_XML: u64 = 24;
/// Bytes a number takes at most as [`write_number`] writes it (`-1.2345678901234567e-308`).
pub(crate) const NUMBER_XML: u64 = 26;

/// The most bytes of XML `cells` are written as (escaping at worst: a control character in text
/// becomes the seven bytes `_x0001_`, `&` in a formula the five of `&amp;`).
pub(crate) fn row_xml_bound(cells: &[BodyCell<'_>]) -> u64 {
    let value = |v: &CellValue<'_>| match v {
        CellValue::Blank => 0,
        CellValue::Number(_) => NUMBER_XML,
        CellValue::Text(t) => 7 * t.len() as u64,
        CellValue::Formula { formula, .. } => 5 * formula.len() as u64 + NUMBER_XML,
    };
    ROW_XML + cells.iter().map(|c| CELL_XML + value(&c.value)).sum::<u64>()
}

/// A number as the shortest text that reads back as the same `f64`: positional as rust_xlsxwriter
/// writes it, and in exponent form (`1e+300`, `5e-324`) outside 1e-5 ≤ |v| < 1e16, where the
/// positional form runs to hundreds of digits.
fn write_number<W: Write>(w: &mut W, v: f64) -> io::Result<()> {
    let a = v.abs();
    if a == 0.0 || (1e-5..1e16).contains(&a) {
        return write!(w, "{v}");
    }
    let text = format!("{v:e}");
    match text.split_once('e') {
        Some((mantissa, exp)) if !exp.starts_with('-') => write!(w, "{mantissa}e+{exp}"),
        _ => w.write_all(text.as_bytes()),
    }
}

/// ` s="3"`, or nothing for the default format.
struct StyleAttr(u32);

impl std::fmt::Display for StyleAttr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 > 0 { write!(f, " s=\"{}\"", self.0) } else { Ok(()) }
    }
}

/// Cell text as Excel writes it: control characters as `_xHHHH_`, and a literal `_xHHHH_` in the
/// text kept literal by escaping its underscore (`_x005F_xHHHH_`), then XML escapes.
fn write_text<W: Write>(w: &mut W, text: &str) -> io::Result<()> {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, ch) in text.char_indices() {
        let literal_escape = ch == '_'
            && bytes.get(i + 1) == Some(&b'x')
            && bytes.get(i + 6) == Some(&b'_')
            && bytes.get(i + 2..i + 6).is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit));
        if literal_escape {
            write_xml(w, &text[start..i])?;
            w.write_all(b"_x005F")?;
            start = i; // the underscore itself follows
        }
    }
    write_xml(w, &text[start..])
}

/// XML character data: `&`, `<` and `>` escaped, and the characters XML cannot hold (controls
/// other than tab and newline, U+FFFE, U+FFFF) as `_xHHHH_`, as Excel does.
fn write_xml<W: Write>(w: &mut W, text: &str) -> io::Result<()> {
    let mut start = 0;
    for (i, ch) in text.char_indices() {
        let escaped: Option<std::borrow::Cow<'static, str>> = match ch {
            '&' => Some("&amp;".into()),
            '<' => Some("&lt;".into()),
            '>' => Some("&gt;".into()),
            '\t' | '\n' => None,
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                Some(format!("_x{:04X}_", u32::from(c)).into())
            }
            _ => None,
        };
        if let Some(e) = escaped {
            w.write_all(&text.as_bytes()[start..i])?;
            w.write_all(e.as_bytes())?;
            start = i + ch.len_utf8();
        }
    }
    w.write_all(&text.as_bytes()[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xml(cells: &[BodyCell<'_>]) -> String {
        let writer = RowXml::new(BTreeMap::from([(0, 0), (1, 5)]), 3);
        let mut out = Vec::new();
        writer.write(&mut out, 6, cells).expect("write");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn writes_cells_as_rust_xlsxwriter_does() {
        let cells = [
            BodyCell::text(0, 1, "Enhet A & B"),
            BodyCell::number(1, 1, -1116.5),
            BodyCell { col: 2, style: 1, value: CellValue::Formula { formula: "B7-C7".into(), result: Some(33.0) } },
            BodyCell {
                col: 3,
                style: 0,
                value: CellValue::Formula { formula: "IF(C7=0,\"\",B7/ABS(C7))".into(), result: None },
            },
        ];
        assert_eq!(
            xml(&cells),
            "<row r=\"7\"><c r=\"A7\" s=\"5\" t=\"inlineStr\"><is><t>Enhet A &amp; B</t></is></c>\
             <c r=\"B7\" s=\"5\"><v>-1116.5</v></c><c r=\"C7\" s=\"5\"><f>B7-C7</f><v>33</v></c>\
             <c r=\"D7\" t=\"str\"><f>IF(C7=0,\"\",B7/ABS(C7))</f><v></v></c></row>"
        );
    }

    #[test]
    fn numbers_are_short_and_exact() {
        let text = |v: f64| {
            let mut out = Vec::new();
            write_number(&mut out, v).expect("write");
            String::from_utf8(out).expect("utf-8")
        };
        for (v, expected) in [
            (0.0, "0"),
            (-1116.5, "-1116.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e-5, "0.00001"),
            (1e16, "1e+16"),
            (1e300, "1e+300"),
            (-1.7976931348623157e308, "-1.7976931348623157e308"),
            (5e-324, "5e-324"),
        ] {
            let t = text(v);
            assert_eq!(t.replace("e+", "e"), expected.replace("e+", "e"), "{v}");
            assert!(t.len() as u64 <= NUMBER_XML, "{t}");
            assert_eq!(t.parse::<f64>().expect("a number"), v, "{t} reads back");
        }
        assert_eq!(text(1e300), "1e+300");
    }

    #[test]
    fn blanks_keep_their_format_only() {
        let cells = [BodyCell::number(0, 0, f64::NAN), BodyCell::text(1, 1, ""), BodyCell::text(2, 0, "")];
        assert_eq!(xml(&cells), "<row r=\"7\"><c r=\"B7\" s=\"5\"/></row>");
    }

    #[test]
    fn user_text_stays_text() {
        let cells = [
            BodyCell::text(0, 0, "=HYPERLINK(\"http://x\")"),
            BodyCell::text(1, 0, " indrag"),
            BodyCell::text(2, 0, "a\u{1}b_x0041_c<d>"),
        ];
        assert_eq!(
            xml(&cells),
            "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>=HYPERLINK(\"http://x\")</t></is></c>\
             <c r=\"B7\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> indrag</t></is></c>\
             <c r=\"C7\" t=\"inlineStr\"><is><t>a_x0001_b_x005F_x0041_c&lt;d&gt;</t></is></c></row>"
        );
    }

    #[test]
    fn a_style_without_an_index_is_an_error() {
        let writer = RowXml::new(BTreeMap::new(), 0);
        let err = writer.write(&mut Vec::new(), 0, &[BodyCell::number(0, 7, 1.0)]).expect_err("unknown style");
        assert!(err.to_string().contains("A1"), "{err}");
    }
}

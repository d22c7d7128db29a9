//! Cell formats from the styles part, as far as the import uses them: bold font, indentation,
//! a percentage number format, and whether numbers in the format are dates or durations.

use super::part::{Package, XmlPart};
use crate::error::ImportError;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;

/// What a number shown in a format is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum NumberKind {
    /// A plain number.
    #[default]
    Plain,
    /// A date or time of day (an Excel serial date).
    Date,
    /// An elapsed time (`[h]:mm`), a number of days.
    Duration,
}

/// One cell format (`<xf>` of `<cellXfs>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct CellStyle {
    /// The font is bold.
    pub(crate) bold: bool,
    /// Indentation level.
    pub(crate) indent: u8,
    /// The number format shows a percentage.
    pub(crate) percent: bool,
    /// What numbers in this format are.
    pub(crate) kind: NumberKind,
}

/// The cell formats, by the index cells give in their `s` attribute.
#[derive(Debug, Clone, Default)]
pub(crate) struct Styles(Vec<CellStyle>);

impl Styles {
    /// The style of a cell whose `s` attribute is `s`: the default format (0) when absent, but
    /// then its numbers are plain (as calamine reads them).
    pub(crate) fn of(&self, s: Option<&str>) -> CellStyle {
        let style = self.0.get(index(s)).copied().unwrap_or_default();
        if s.is_none() { CellStyle { kind: NumberKind::Plain, ..style } } else { style }
    }
}

fn index(s: Option<&str>) -> usize {
    s.and_then(|s| s.parse().ok()).unwrap_or(0)
}

/// Reads the styles of a workbook whose parts lie in `dir` (none if it has no such part).
pub(crate) fn read(pkg: &mut Package<'_>, dir: &str) -> Result<Styles, ImportError> {
    let Some(mut part) = pkg.part(&format!("{dir}styles.xml"))? else {
        return Ok(Styles::default());
    };
    let mut formats: HashMap<String, String> = HashMap::new();
    let mut bold_fonts: Vec<bool> = Vec::new();
    let mut xfs = Vec::new();
    let (mut in_fonts, mut in_xfs) = (false, false);
    let mut buf = Vec::new();
    let mut inner = Vec::new();
    loop {
        match part.next(&mut buf)? {
            Event::Start(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    let id = super::package::attribute(&part, &e, "numFmtId")?;
                    if let (Some(id), Some(code)) = (id, super::package::attribute(&part, &e, "formatCode")?) {
                        formats.insert(id, code);
                    }
                }
                "fonts" => in_fonts = true,
                "font" if in_fonts => bold_fonts.push(font_is_bold(&mut part, &mut inner)?),
                "cellXfs" => in_xfs = true,
                "xf" if in_xfs => xfs.push(cell_style(&mut part, &e, &formats, &bold_fonts, &mut inner)?),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "fonts" => in_fonts = false,
                "cellXfs" => in_xfs = false,
                _ => {}
            },
            Event::Eof => return Ok(Styles(xfs)),
            _ => {}
        }
    }
}

/// Reads a `<font>` (its start just read) to its end: whether it is bold.
fn font_is_bold(part: &mut XmlPart<'_, '_>, buf: &mut Vec<u8>) -> Result<bool, ImportError> {
    let mut bold = false;
    loop {
        match part.next(buf)? {
            Event::Start(e) if e.local_name().as_ref() == "b" => {
                bold = e.try_get_attribute("val").ok().flatten().is_none_or(|a| weight_is_bold(&a.value));
            }
            Event::End(e) if e.local_name().as_ref() == "font" => return Ok(bold),
            Event::Eof => return Err(part.ended_early()),
            _ => {}
        }
    }
}

fn weight_is_bold(val: &str) -> bool {
    match val {
        "bold" | "1" | "true" => true,
        "normal" | "0" | "false" => false,
        _ => val.parse::<u16>().is_ok_and(|w| w >= 600),
    }
}

/// Reads an `<xf>` of `<cellXfs>` (its start `e` just read) to its end.
fn cell_style(
    part: &mut XmlPart<'_, '_>,
    e: &BytesStart<'_>,
    formats: &HashMap<String, String>,
    bold_fonts: &[bool],
    buf: &mut Vec<u8>,
) -> Result<CellStyle, ImportError> {
    let mut style = CellStyle::default();
    if let Some(id) = e.try_get_attribute("numFmtId").ok().flatten() {
        let code = formats.get(id.value.as_ref());
        style.kind = code.map_or_else(|| builtin_kind(&id.value), |c| format_kind(c));
        style.percent = match code {
            Some(c) => c.contains('%'),
            None => matches!(id.value.as_ref(), "9" | "10"),
        };
    }
    let font = e.try_get_attribute("fontId").ok().flatten().and_then(|a| a.value.parse::<usize>().ok());
    style.bold = font.and_then(|f| bold_fonts.get(f)).copied().unwrap_or(false);
    loop {
        match part.next(buf)? {
            Event::Start(a) if a.local_name().as_ref() == "alignment" => {
                if let Some(i) = a.try_get_attribute("indent").ok().flatten().and_then(|v| v.value.parse().ok()) {
                    style.indent = i;
                }
            }
            Event::End(end) if end.local_name().as_ref() == "xf" => return Ok(style),
            Event::Eof => return Err(part.ended_early()),
            _ => {}
        }
    }
}

/// What Excel's built-in number format `id` shows (ECMA-376, 18.8.30).
fn builtin_kind(id: &str) -> NumberKind {
    match id.parse::<u16>() {
        Ok(14..=22 | 27..=36 | 45 | 47 | 50..=58) => NumberKind::Date,
        Ok(46) => NumberKind::Duration,
        _ => NumberKind::Plain,
    }
}

/// What a custom number format code shows, from its first section: a date where a date or time
/// letter (d, m, y, h, s, or AM/PM) appears outside quotes, brackets and escapes; a duration where
/// it starts with an elapsed-time bracket such as `[h]`.
pub(crate) fn format_kind(code: &str) -> NumberKind {
    let mut chars = code.chars();
    let mut after_a = false;
    while let Some(c) = chars.next() {
        match c {
            ';' => return NumberKind::Plain,
            '\\' | '_' | '*' => {
                chars.next();
            }
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '[' => {
                let inside: String = chars.by_ref().take_while(|&b| b != ']').collect();
                let elapsed =
                    !inside.is_empty() && inside.chars().all(|b| matches!(b, 'h' | 'm' | 's' | 'H' | 'M' | 'S'));
                let first = inside.chars().next();
                if elapsed
                    && inside.chars().all(|b| Some(b.to_ascii_lowercase()) == first.map(|f| f.to_ascii_lowercase()))
                {
                    return NumberKind::Duration;
                }
            }
            'a' | 'A' => after_a = true,
            'p' | 'P' | 'm' | 'M' | '/' if after_a => return NumberKind::Date,
            'd' | 'm' | 'y' | 'h' | 's' | 'D' | 'M' | 'Y' | 'H' | 'S' => return NumberKind::Date,
            _ => {}
        }
    }
    NumberKind::Plain
}

#[cfg(test)]
mod tests {
    use super::{NumberKind, format_kind};

    #[test]
    fn number_format_kinds() {
        for date in ["yyyy-mm-dd", "DD/MM/YY", "H:MM:SS;@", "h:mm AM/PM", "[$-41D]d mmm yyyy", "mmm-yy"] {
            assert_eq!(format_kind(date), NumberKind::Date, "{date}");
        }
        for plain in ["0%", "#,##0", "#,##0 \"kr\"", "#,##0\\ [$\\u20bd-46D]", "General", "0.00;[Red]-0.00"] {
            assert_eq!(format_kind(plain), NumberKind::Plain, "{plain}");
        }
        for elapsed in ["[h]:mm:ss", "[mm]:ss", "[hh]"] {
            assert_eq!(format_kind(elapsed), NumberKind::Duration, "{elapsed}");
        }
    }
}

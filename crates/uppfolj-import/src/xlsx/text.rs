//! Text in xlsx XML as Excel means it: a string item's runs joined (phonetic runs left out),
//! entities and character references resolved, line ends normalised, the ASCII spaces around a
//! run trimmed unless `xml:space="preserve"`, and Excel's `_xHHHH_` escapes decoded — the way
//! calamine 0.38 reads them, so that an import reads the same text as before.

use super::part::XmlPart;
use crate::error::ImportError;
use quick_xml::events::{BytesRef, Event};
use std::borrow::Cow;

/// Reads a string item (`<si>` of the shared strings, `<is>` of an inline string) whose start
/// `closing` was just read, up to its end.
pub(crate) fn read_string(part: &mut XmlPart<'_, '_>, closing: &str, buf: &mut Vec<u8>) -> Result<String, ImportError> {
    let mut out = String::new();
    let mut phonetic = false;
    let mut run = String::new();
    loop {
        match part.next(buf)? {
            Event::End(e) if e.name().as_ref() == closing => return Ok(out),
            Event::Start(e) if e.local_name().as_ref() == "rPh" => phonetic = true,
            Event::End(e) if e.local_name().as_ref() == "rPh" => phonetic = false,
            Event::Start(e) if e.local_name().as_ref() == "t" && !phonetic => {
                let preserve = e.try_get_attribute("xml:space").ok().flatten().is_some_and(|a| a.value == "preserve");
                let name = e.name().as_ref().to_string();
                run.clear();
                read_text(part, &name, &mut run, buf)?;
                out.push_str(&run_text(&run, preserve));
            }
            Event::Eof => return Err(part.ended_early()),
            _ => {}
        }
    }
}

/// A run's text as Excel means it: the ASCII spaces around it trimmed unless `preserve`
/// (`xml:space="preserve"`), Excel's escapes decoded.
pub(crate) fn run_text(run: &str, preserve: bool) -> Cow<'_, str> {
    let kept = if preserve { run } else { run.trim_matches([' ', '\t', '\r', '\n']) };
    unescape_excel(kept)
}

/// Appends the text up to the end of element `closing` (its start just read) to `out`.
pub(crate) fn read_text(
    part: &mut XmlPart<'_, '_>,
    closing: &str,
    out: &mut String,
    buf: &mut Vec<u8>,
) -> Result<(), ImportError> {
    loop {
        match part.next(buf)? {
            Event::Text(t) => out.push_str(&t.xml10_content()),
            Event::CData(t) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => push_reference(part, &r, out)?,
            Event::End(e) if e.name().as_ref() == closing => return Ok(()),
            Event::Eof => return Err(part.ended_early()),
            _ => {}
        }
    }
}

/// Appends an entity (`&amp;`) or character reference (`&#xA0;`); any other is an error.
fn push_reference(part: &XmlPart<'_, '_>, r: &BytesRef<'_>, out: &mut String) -> Result<(), ImportError> {
    let name: &str = r.as_ref();
    if let Some(text) = quick_xml::escape::resolve_xml_entity(name) {
        out.push_str(text);
        return Ok(());
    }
    match r.resolve_char_ref() {
        Ok(Some(c)) => {
            out.push(c);
            Ok(())
        }
        _ => Err(part.invalid(format_args!("okänd XML-referens &{name};"))),
    }
}

/// Decodes Excel's `_xHHHH_` escapes (a UTF-16 code unit each; a surrogate pair is two escapes,
/// a lone surrogate becomes U+FFFD).
pub(crate) fn unescape_excel(text: &str) -> Cow<'_, str> {
    if !text.contains("_x") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('_') {
        let Some(unit) = escape_at(rest, i) else {
            out.push_str(&rest[..=i]);
            rest = &rest[i + 1..];
            continue;
        };
        out.push_str(&rest[..i]);
        rest = &rest[i + 7..];
        let c = match unit {
            0xD800..=0xDBFF => match escape_at(rest, 0) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    rest = &rest[7..];
                    char::from_u32(0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00))
                }
                _ => None,
            },
            _ => char::from_u32(u32::from(unit)),
        };
        out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The code unit of an `_xHHHH_` escape starting at byte `i` of `s`.
fn escape_at(s: &str, i: usize) -> Option<u16> {
    let b = s.as_bytes().get(i..i + 7)?;
    if b[0] != b'_' || b[1] != b'x' || b[6] != b'_' || !b[2..6].iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    u16::from_str_radix(std::str::from_utf8(&b[2..6]).ok()?, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::unescape_excel;

    #[test]
    fn excel_escapes() {
        assert_eq!(unescape_excel("a_x000D_b"), "a\rb");
        assert_eq!(unescape_excel("_x005F_x000D_"), "_x000D_");
        assert_eq!(unescape_excel("_xD83D__xDCF7_"), "\u{1F4F7}");
        assert_eq!(unescape_excel("_xD83D_x"), "\u{FFFD}x");
        assert_eq!(unescape_excel("snake_case_x12"), "snake_case_x12");
    }
}

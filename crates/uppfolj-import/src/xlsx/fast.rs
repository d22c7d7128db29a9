//! The commonest shapes of a worksheet's rows, read straight from the unpacked bytes instead of
//! through the XML reader's events: a cell `<c r="B7" s="3" t="s"><v>12</v></c>` (or `<c …/>`,
//! `<c …></c>`), an inline string of one run `<c t="inlineStr"><is><t>Vård</t></is></c>` (as
//! openpyxl and many systems' exports write texts), the step from one row to the next
//! `</row><row r="8" …>`, a row with nothing in it `<row …/>`, and the whitespace between them. A
//! ledger's sheet is almost all of these, and the reader's five events per cell (with their
//! copies and checks) were most of its import.
//!
//! [`unit`] only says what the bytes at hand begin with; it never decides anything the XML
//! reader would decide otherwise. Whatever is not one of these shapes exactly — another element,
//! a namespace prefix, a formula, an inline string of several runs or with a phonetic run, a
//! comment, an entity or a carriage return in a value, an attribute without quotes, bytes that
//! are not UTF-8, a unit cut off by the end of the bytes at hand — is `None`, and the XML
//! reader reads it as before, with its checks and its messages. So is whitespace not followed
//! by an element (the reader's message for a byte that is not UTF-8 says where in the text it
//! lies), and a start tag with `r`, `s` or `t` written twice (a row's events take the first
//! `r`). Every unit starts as many elements as it ends, so the reader's count of open elements
//! stays right when it takes over again; the step from one row to the next ends one first, so
//! it is read only where one is open (`sheet.rs`).
//! `fast_parity/` reads many random sheets, hostile ones too, both ways and compares.

use memchr::{memchr, memchr2};

/// The attributes of a `<c>` or `<row>` that the import reads, as written.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Attrs<'a> {
    /// The address (`r`): a cell's "B7", a row's "7".
    pub(crate) r: Option<&'a str>,
    /// The cell format's index (`s`).
    pub(crate) s: Option<&'a str>,
    /// The cell's type (`t`).
    pub(crate) t: Option<&'a str>,
}

/// One unit of a sheet's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit<'a> {
    /// Whitespace before an element.
    Space,
    /// A cell and what it holds.
    Cell { attrs: Attrs<'a>, content: Content<'a> },
    /// `</row>` and the start of the next row, `<row …>`.
    NextRow { r: Option<&'a str> },
    /// A row with nothing in it, `<row …/>`.
    EmptyRow { r: Option<&'a str> },
}

/// What a cell holds, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Content<'a> {
    /// Nothing: `<c …/>` or `<c …></c>`.
    Empty,
    /// The text of its `<v>`.
    V(&'a str),
    /// An inline string of one run, `<is><t>…</t></is>`, with whether its `<t>` says
    /// `xml:space="preserve"`.
    Inline { text: &'a str, preserve: bool },
}

/// Where in a unit's bytes a cell's content lies.
enum Span {
    Empty,
    V(usize, usize),
    Inline(usize, usize, bool),
}

/// The unit `bytes` begin with and its length in bytes, or `None` where they begin with anything
/// else or the unit does not end within them.
pub(crate) fn unit(bytes: &[u8]) -> Option<(Unit<'_>, usize)> {
    match bytes.first()? {
        b'<' => match bytes.get(1)? {
            b'c' => cell(bytes),
            b'r' => empty_row(bytes),
            b'/' => next_row(bytes),
            _ => None,
        },
        // Only up to the next element: the XML reader reads whitespace and the text after it
        // as one, and says where in it a byte that is not UTF-8 lies.
        b if is_space(*b) => {
            let n = bytes.iter().position(|b| !is_space(*b))?;
            (bytes[n] == b'<').then_some((Unit::Space, n))
        }
        _ => None,
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// A start tag's parts: where its attributes' `r`, `s` and `t` values lie, whether it is empty
/// (`/>`), and its length.
struct Tag {
    r: Option<(usize, usize)>,
    s: Option<(usize, usize)>,
    t: Option<(usize, usize)>,
    empty: bool,
    len: usize,
}

/// The start tag `<name …>` or `<name …/>` at the start of `b`, with every attribute quoted and
/// free of `&` and `<`, and none of `r`, `s` and `t` written twice.
fn tag(b: &[u8], name: &[u8]) -> Option<Tag> {
    let mut i = 1 + name.len();
    if b.get(1..i)? != name {
        return None;
    }
    let mut tag = Tag { r: None, s: None, t: None, empty: false, len: 0 };
    loop {
        let spaced = i;
        while is_space(*b.get(i)?) {
            i += 1;
        }
        match *b.get(i)? {
            b'>' => return Some(Tag { len: i + 1, ..tag }),
            b'/' => return (*b.get(i + 1)? == b'>').then_some(Tag { empty: true, len: i + 2, ..tag }),
            _ if i == spaced => return None,
            _ => {}
        }
        let (key, value, end) = attribute(b, i)?;
        let slot = match key {
            b"r" => Some(&mut tag.r),
            b"s" => Some(&mut tag.s),
            b"t" => Some(&mut tag.t),
            _ => None,
        };
        // Written twice, it is left to the XML reader: a row's events take the first `r`, a
        // cell's the last.
        if slot.is_some_and(|slot| slot.replace(value).is_some()) {
            return None;
        }
        i = end;
    }
}

/// The attribute `key="value"` (or with `'`) at `b[at..]`: its key, where its value lies, and
/// where it ends.
fn attribute(b: &[u8], at: usize) -> Option<(&[u8], (usize, usize), usize)> {
    let rest = b.get(at..)?;
    let eq = rest.iter().position(|&c| matches!(c, b'=' | b'>' | b'/' | b'<' | b'"' | b'\'') || is_space(c))?;
    if rest[eq] != b'=' || eq == 0 {
        return None;
    }
    let quote = *rest.get(eq + 1)?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let start = at + eq + 2;
    let len = memchr(quote, b.get(start..)?)?;
    let value = &b[start..start + len];
    if memchr2(b'&', b'<', value).is_some() {
        return None;
    }
    Some((&rest[..eq], (start, start + len), start + len + 1))
}

/// `<c …/>`, `<c …></c>`, `<c …><v>text</v></c>` or `<c …><is><t>text</t></is></c>`.
fn cell(b: &[u8]) -> Option<(Unit<'_>, usize)> {
    let tag = tag(b, b"c")?;
    let (span, len) = if tag.empty { (Span::Empty, tag.len) } else { content(b, tag.len)? };
    let text = std::str::from_utf8(b.get(..len)?).ok()?;
    let at = |span: Option<(usize, usize)>| span.and_then(|(a, z)| text.get(a..z));
    let attrs = Attrs { r: at(tag.r), s: at(tag.s), t: at(tag.t) };
    let content = match span {
        Span::Empty => Content::Empty,
        Span::V(a, z) => Content::V(text.get(a..z)?),
        Span::Inline(a, z, preserve) => Content::Inline { text: text.get(a..z)?, preserve },
    };
    Some((Unit::Cell { attrs, content }, len))
}

/// The start of an inline string whose run keeps its spaces.
const PRESERVED: &[u8] = br#"<is><t xml:space="preserve">"#;

/// A cell's content from `at` through its `</c>`: where it lies, and where the cell ends.
fn content(b: &[u8], at: usize) -> Option<(Span, usize)> {
    let rest = b.get(at..)?;
    if rest.starts_with(b"</c>") {
        return Some((Span::Empty, at + 4));
    }
    if rest.starts_with(b"<v>") {
        let (start, end) = text_run(b, at + 3)?;
        return b.get(end..)?.starts_with(b"</v></c>").then_some((Span::V(start, end), end + 8));
    }
    let (open, preserve) = if rest.starts_with(b"<is><t>") {
        (7, false)
    } else if rest.starts_with(PRESERVED) {
        (PRESERVED.len(), true)
    } else {
        return None;
    };
    let (start, end) = text_run(b, at + open)?;
    b.get(end..)?.starts_with(b"</t></is></c>").then_some((Span::Inline(start, end, preserve), end + 13))
}

/// The text from `start` up to the next `<`, where it holds no entity and no carriage return
/// (the XML reader resolves the one and turns the other into a line feed).
fn text_run(b: &[u8], start: usize) -> Option<(usize, usize)> {
    let len = memchr(b'<', b.get(start..)?)?;
    if memchr2(b'&', b'\r', &b[start..start + len]).is_some() {
        return None;
    }
    Some((start, start + len))
}

/// `</row>`, whitespace, and `<row …>` (not empty: the unit would end more than it starts).
fn next_row(b: &[u8]) -> Option<(Unit<'_>, usize)> {
    if !b.starts_with(b"</row>") {
        return None;
    }
    let spaces = b.get(6..)?.iter().position(|c| !is_space(*c))?;
    let at = 6 + spaces;
    let tag = tag(b.get(at..)?, b"row")?;
    if tag.empty {
        return None;
    }
    let len = at + tag.len;
    let r = row_address(b.get(at..len)?, tag.r)?;
    Some((Unit::NextRow { r }, len))
}

/// `<row …/>`.
fn empty_row(b: &[u8]) -> Option<(Unit<'_>, usize)> {
    let tag = tag(b, b"row")?;
    if !tag.empty {
        return None;
    }
    let r = row_address(b.get(..tag.len)?, tag.r)?;
    Some((Unit::EmptyRow { r }, tag.len))
}

/// The row's `r` in its start tag `b`, which is all UTF-8 (or `None`).
fn row_address(b: &[u8], r: Option<(usize, usize)>) -> Option<Option<&str>> {
    let text = std::str::from_utf8(b).ok()?;
    Some(r.and_then(|(a, z)| text.get(a..z)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell_of(xml: &str) -> Option<(Attrs<'_>, Option<&str>, usize)> {
        match unit(xml.as_bytes())? {
            (Unit::Cell { attrs, content: Content::V(v) }, n) => Some((attrs, Some(v), n)),
            (Unit::Cell { attrs, content: Content::Empty }, n) => Some((attrs, None, n)),
            _ => None,
        }
    }

    #[test]
    fn inline_strings_of_one_run() {
        let xml = r#"<c r="A2" t="inlineStr"><is><t>Vård och omsorg</t></is></c><c"#;
        let (u, n) = unit(xml.as_bytes()).expect("an inline string");
        let attrs = Attrs { r: Some("A2"), s: None, t: Some("inlineStr") };
        assert_eq!(
            (u, &xml[n..]),
            (Unit::Cell { attrs, content: Content::Inline { text: "Vård och omsorg", preserve: false } }, "<c")
        );
        let xml = r#"<c r="B2" t="inlineStr"><is><t xml:space="preserve">REGION ÖREBRO LÄN </t></is></c>"#;
        assert!(matches!(
            unit(xml.as_bytes()),
            Some((Unit::Cell { content: Content::Inline { text: "REGION ÖREBRO LÄN ", preserve: true }, .. }, _))
        ));
        for xml in [
            r#"<c t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c>"#,
            r#"<c t="inlineStr"><is><t xml:space='preserve'>a</t></is></c>"#,
            r#"<c t="inlineStr"><is><t>a &amp; b</t></is></c>"#,
            "<c t=\"inlineStr\"><is><t>a\r\nb</t></is></c>",
            r#"<c t="inlineStr"><is><t/></is></c>"#,
            r#"<c t="inlineStr"><is><t>a</t><rPh><t>x</t></rPh></is></c>"#,
            r#"<c t="inlineStr"><is><t>a</t></is>"#,
        ] {
            assert_eq!(unit(xml.as_bytes()), None, "{xml}");
        }
    }

    #[test]
    fn the_common_cells() {
        let xml = r#"<c r="B7" s="3" t="s"><v>12</v></c><c r="C7"/>"#;
        let (attrs, v, n) = cell_of(xml).expect("a cell");
        assert_eq!(attrs, Attrs { r: Some("B7"), s: Some("3"), t: Some("s") });
        assert_eq!((v, &xml[n..]), (Some("12"), r#"<c r="C7"/>"#));
        assert_eq!(cell_of(r#"<c r="C7"/>"#), Some((Attrs { r: Some("C7"), ..Attrs::default() }, None, 11)));
        assert_eq!(cell_of("<c r='D1' x14:foo=\"a>b\"></c>").map(|c| (c.0.r, c.1)), Some((Some("D1"), None)));
        assert_eq!(cell_of("<c\n r=\"A1\"\t><v></v></c>").map(|c| c.1), Some(Some("")));
        assert_eq!(cell_of(r#"<c t="str"><v>Vård > Omsorg</v></c>"#).map(|c| c.1), Some(Some("Vård > Omsorg")));
    }

    #[test]
    fn everything_else_is_left_to_the_xml_reader() {
        for xml in [
            r#"<c r="A1"><f>SUM(A2:A3)</f><v>3</v></c>"#,
            r#"<c r="A1" t="str"><v>a &amp; b</v></c>"#,
            "<c r=\"A1\"><v>a\r\nb</v></c>",
            r#"<c r="A1"><v>1</v> </c>"#,
            r#"<c r="A1"> <v>1</v></c>"#,
            r#"<c r=A1><v>1</v></c>"#,
            r#"<c r="A1"s="1"><v>1</v></c>"#,
            r#"<c r="A&amp;1"><v>1</v></c>"#,
            r#"<c r = "A1"><v>1</v></c>"#,
            r#"<c r="A1"><v>1</v></x:c>"#,
            r#"<c r="A1"><v>1<!-- x --></v></c>"#,
            r#"<x:c r="A1"><v>1</v></x:c>"#,
            r#"<col min="1"/>"#,
            r#"<c r="A1"><v>1</v></c"#,
            r#"<c r="A1"><v>12"#,
            r#"<c r="A1"#,
            "<!DOCTYPE x>",
            "<![CDATA[x]]>",
            "text",
        ] {
            assert_eq!(unit(xml.as_bytes()), None, "{xml}");
        }
        assert_eq!(unit(b"<c r=\"A1\"><v>\xff</v></c>"), None, "not UTF-8");
    }

    #[test]
    fn rows_and_space() {
        let xml = "</row>\n  <row r=\"8\" spans=\"1:12\" x14ac:dyDescent=\"0.25\"><c";
        let (u, n) = unit(xml.as_bytes()).expect("a row step");
        assert_eq!((u, &xml[n..]), (Unit::NextRow { r: Some("8") }, "<c"));
        assert_eq!(unit(b"<row r=\"9\"/>"), Some((Unit::EmptyRow { r: Some("9") }, 12)));
        assert_eq!(unit(b"<row r=\"9\">"), None, "a row's start alone would leave it open");
        assert_eq!(unit(b"</row><row r=\"9\"/>"), None, "would end a row more than it starts");
        assert_eq!(unit(b"</row></sheetData>"), None);
        assert_eq!(unit(b"</row>  "), None, "cut off");
        assert_eq!(unit(b" \n\t<c"), Some((Unit::Space, 3)));
        assert_eq!(unit(b" \n\t"), None, "cut off: the text may go on");
        assert_eq!(unit(b"  \xff<c"), None, "the reader's message says where the byte lies in the text");
        assert_eq!(unit(b" text<c"), None);
        assert_eq!(unit(b"<rows/>"), None);
    }
}

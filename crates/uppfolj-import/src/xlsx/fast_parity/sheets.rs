//! Random worksheets, seeded: rows and cells in the shapes spreadsheet programs write, mixed with
//! the shapes only a hostile or broken file has (duplicated or bad attributes, prefixes, entities,
//! comments, bad values, stray end tags, bytes that are not UTF-8, a part cut short).

/// A small seeded generator (SplitMix64): the same seed, the same sheets, on every machine.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub(super) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    /// True one time in `n`.
    pub(super) fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub(super) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// How a sheet is written: how often a row or cell takes a shape the XML reader accepts but the
/// rows read from the bytes do not (one in `quirk`), and how often one the import refuses (one
/// in `bad`).
pub(super) struct Shape {
    /// A ledger's table (a header, then lines of four columns), for the rows after the first to
    /// stream; or cells of every type.
    pub(super) ledger: bool,
    pub(super) quirk: usize,
    pub(super) bad: usize,
    pub(super) rows: usize,
    pub(super) columns: usize,
}

impl Shape {
    /// Written as Excel writes (`None`), in a quirky shape (`Some(false)`) or a refused one
    /// (`Some(true)`).
    fn odd(&self, rng: &mut Rng) -> Option<bool> {
        if rng.one_in(self.bad) {
            Some(true)
        } else if rng.one_in(self.quirk) {
            Some(false)
        } else {
            None
        }
    }
}

/// The shared strings the sheets' `t="s"` cells point at (a few indexes point past them).
pub(super) const STRINGS: [&str; 5] = ["Vård", "Skola &amp; förskola", "Kultur", "Teknik", "Summa"];

/// A worksheet part's XML of `shape`.
pub(super) fn worksheet(rng: &mut Rng, shape: &Shape) -> Vec<u8> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet \
         xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
         xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
         xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\">",
    );
    if rng.one_in(3) {
        let bad = rng.one_in(shape.bad / 100 + 1);
        xml.push_str(if bad {
            r#"<dimension ref="A1:XFE1"/>"#
        } else {
            rng.pick(&[r#"<dimension ref="A1:H9"/>"#, "<dimension/>"])
        });
    }
    xml.push_str("<sheetData>");
    let mut row = 0;
    let mut bytes = Vec::new();
    for _ in 0..shape.rows {
        row = next_row_number(rng, shape, row);
        xml.push_str(space(rng, shape));
        if rng.one_in(if shape.ledger { 400 } else { 12 }) {
            xml.push_str(&empty_row(rng, shape, row));
            continue;
        }
        xml.push_str(&row_start(rng, shape, row));
        let columns = if shape.ledger { 4 } else { rng.below(shape.columns + 1) };
        for col in 0..columns {
            xml.push_str(space(rng, shape));
            xml.push_str(&cell(rng, shape, row, col));
        }
        xml.push_str(row_end(rng, shape));
        if rng.one_in(shape.bad.saturating_mul(8)) {
            // A byte that is not UTF-8, after whitespace, in text or in a cell.
            bytes.extend_from_slice(xml.as_bytes());
            bytes.extend_from_slice([b"\xFF".as_slice(), b"  \xFF", b"\n x\xC3(", b"<c><v>\xFF</v></c>"][rng.below(4)]);
            xml.clear();
        }
    }
    xml.push_str("</sheetData>");
    if rng.one_in(3) {
        xml.push_str(r#"<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>"#);
    }
    xml.push_str("</worksheet>");
    bytes.extend_from_slice(xml.as_bytes());
    if rng.one_in(12) {
        bytes.truncate(rng.below(bytes.len() + 1));
    }
    bytes
}

/// The row after `row`: most often the next, sometimes far on, now and then back.
fn next_row_number(rng: &mut Rng, shape: &Shape, row: usize) -> usize {
    match rng.below(if shape.ledger { 4000 } else { 40 }) {
        0 => row + 1 + rng.below(3000),
        1 => row.saturating_sub(rng.below(3)),
        _ => row + 1,
    }
}

/// Whitespace or other things between elements.
fn space(rng: &mut Rng, shape: &Shape) -> &'static str {
    match shape.odd(rng) {
        Some(true) => "&",
        Some(false) => rng.pick(&["text", "<!-- en kommentar -->", "<?pi x?>", "&amp;", "&bogus;", "<![CDATA[x]]>"]),
        None => rng.pick(&["", "", "", "\n  ", "\r\n", "\t", " "]),
    }
}

/// A row's `r` as written: its number, or one that is wrong.
fn row_address(rng: &mut Rng, shape: &Shape, row: usize) -> String {
    match shape.odd(rng) {
        Some(true) => rng.pick(&["0", "abc", "1048577", "-1", "", "4294967297"]).to_string(),
        Some(false) => format!(" {row}\t"),
        None => row.to_string(),
    }
}

fn row_start(rng: &mut Rng, shape: &Shape, row: usize) -> String {
    let r = row_address(rng, shape, row);
    if shape.odd(rng).is_none() {
        return match rng.below(4) {
            0 => format!(r#"<row r="{r}">"#),
            1 => format!("<row r=\"{r}\" spans=\"1:8\" x14ac:dyDescent=\"0.25\">"),
            2 => "<row>".to_string(),
            _ => format!("<row r='{r}' spans=\"1:3\" s=\"1\" customFormat=\"1\">"),
        };
    }
    let other = row + 1 + rng.below(3);
    match rng.below(11) {
        0 => format!(r#"<row r="{r}" r="{other}">"#),
        1 => format!(r#"<row spans="1:2" spans="1:3" r="{r}">"#),
        2 => format!(r#"<row spans="1:2" r="{r}" r="{other}">"#),
        3 => format!(r#"<x:row r="{r}">"#),
        4 => format!(r#"<row r = "{r}">"#),
        5 => format!(r#"<row r="{r}"s="1">"#),
        6 => format!("<row\tr=\"{r}\"\n>"),
        7 => format!(r#"<row r="{r}" a="x&amp;y">"#),
        8 => format!(r#"<row r="{r}" a="x>y" b='"'>"#),
        9 => format!(r#"<row r={r}>"#),
        _ => format!(r#"<row x="1" r="{r}">"#),
    }
}

fn empty_row(rng: &mut Rng, shape: &Shape, row: usize) -> String {
    let r = row_address(rng, shape, row);
    let shapes = if shape.odd(rng).is_some() { 5 } else { 2 };
    match rng.below(shapes) {
        0 => format!(r#"<row r="{r}"/>"#),
        1 => format!(r#"<row r="{r}" spans="1:8" />"#),
        2 => format!(r#"<row r="{r}" r="{}"/>"#, row + 2),
        3 => "<row/>".to_string(),
        _ => format!(r#"<x:row r="{r}"/>"#),
    }
}

fn row_end(rng: &mut Rng, shape: &Shape) -> &'static str {
    match shape.odd(rng) {
        Some(true) => rng.pick(&["</row></row>", "</row></row></row>", "</row></row></row></row>", "</c>"]),
        Some(false) => rng.pick(&["</row >", "</x:row>", "", "</row></row><row>"]),
        None => "</row>",
    }
}

/// A cell's address: its column letters and row, or one that is wrong.
fn cell_address(rng: &mut Rng, shape: &Shape, row: usize, col: usize) -> String {
    if shape.odd(rng) == Some(true) {
        return rng.pick(&["A0", "XFE1", "ZZZZ1", "1A", "", "a1", "A1048577", "A 1", "B2:C3"]).to_string();
    }
    let letters = if col < 26 {
        char::from(b'A' + u8::try_from(col).unwrap_or(0)).to_string()
    } else {
        format!("A{}", char::from(b'A' + u8::try_from(col - 26).unwrap_or(0) % 26))
    };
    format!("{letters}{row}")
}

/// A cell of a ledger: a header on its first row, then a unit, an account and two amounts on each
/// line (now and then a footer or a title among them); one in `bad` a value refused.
fn ledger_value(rng: &mut Rng, shape: &Shape, row: usize, col: usize) -> (Option<&'static str>, String) {
    if shape.odd(rng) == Some(true) {
        return typed_value(rng, shape, row);
    }
    let line = match (row * 7919) % 400 {
        0 if row > 40 => "footer",
        1 if row > 40 => "title",
        _ => "line",
    };
    let v = match (row, line, col) {
        (1, _, _) => {
            return (Some("str"), ["Verksamhet", "Konto", "Budget", "Utfall"].get(col).unwrap_or(&"Not").to_string());
        }
        (_, "footer", 0) => return (Some("str"), "Källa: ekonomisystemet".to_string()),
        (_, "title", 0) => return (Some("str"), "Tabell 2: per konto".to_string()),
        (_, "line", 0) => return (Some("s"), rng.pick(&["0", "2", "3"]).to_string()),
        (_, "line", 1) => return (Some("str"), "4010 Material".to_string()),
        (_, "line", _) => format!("{}.{}", rng.below(100_000), rng.below(100)),
        _ => String::new(),
    };
    (None, v)
}

/// A cell's type (`None`: no `t`) and the text of its `<v>`.
fn typed_value(rng: &mut Rng, shape: &Shape, row: usize) -> (Option<&'static str>, String) {
    let odd = shape.odd(rng);
    let t = match rng.pick(&["-", "-", "n", "s", "s", "str", "b", "e", "inlineStr", "d"]) {
        "-" => None,
        t => Some(t),
    };
    let t = match odd {
        Some(true) if rng.one_in(3) => Some(rng.pick(&["x", "", "S"])),
        Some(false) if rng.one_in(3) => Some("is"),
        _ => t,
    };
    let bad = odd == Some(true);
    let v = match (t.unwrap_or("-"), bad) {
        ("s", false) => (row % 5).to_string(),
        ("s", true) => rng.pick(&["5", "99", "-1"]).to_string(),
        ("b", false) => rng.pick(&["0", "1", "true", " 1 ", "", "FALSE"]).to_string(),
        ("b", true) => rng.pick(&["2", "yes"]).to_string(),
        ("e", false) => rng.pick(&["#N/A", "#DIV/0!", "#REF!"]).to_string(),
        ("e", true) => rng.pick(&["#BAD", "", "#n/a"]).to_string(),
        ("str" | "d" | "inlineStr" | "is", _) => {
            rng.pick(&["Vård > omsorg", "a_x000D_b", "Summa", "", "  mellan  ", "2024-01-01", "x'y\"z"]).to_string()
        }
        ("n", true) => rng.pick(&["abc", "1,5", "1e", "0x10", " 1"]).to_string(),
        ("n", false) => rng.pick(&["1", "-2.5", "1e5", "0.125", "", "45292", "7", "NaN", "inf"]).to_string(),
        (_, _) => rng.pick(&["1", "-2.5", "1e5", "0.125", "", "45292", "7", "NaN", " 1", "abc"]).to_string(),
    };
    let text = matches!(t, Some("str" | "d" | "inlineStr" | "is"));
    let v = match odd {
        Some(false) if text => format!("{v}{}", rng.pick(&["&amp;", "\r\n", "&#65;", "]]>", ">", "\r"])),
        Some(true) if rng.one_in(2) => format!("{v}{}", rng.pick(&["&bogus;", "&", "&#0;"])),
        _ => v,
    };
    (t, v)
}

/// A cell's attributes: `r`, `s`, `t` and others in some order, quoted one way or another.
fn cell_attributes(rng: &mut Rng, shape: &Shape, row: usize, col: usize, t: Option<&str>) -> String {
    let mut attrs: Vec<(String, String)> = Vec::new();
    if !rng.one_in(8) {
        attrs.push(("r".into(), cell_address(rng, shape, row, col)));
    }
    if rng.one_in(if shape.ledger { 50 } else { 2 }) {
        let s = if shape.odd(rng).is_some() { rng.pick(&["99", "abc", ""]) } else { rng.pick(&["0", "1", "2", "3"]) };
        attrs.push(("s".into(), s.into()));
    }
    if let Some(t) = t {
        attrs.push(("t".into(), t.into()));
    }
    if rng.one_in(6) {
        attrs.push(("x14ac:foo".into(), rng.pick(&["1", "a>b", "a/b"]).into()));
    }
    if shape.odd(rng) == Some(false) && !attrs.is_empty() {
        let (key, value) = attrs[rng.below(attrs.len())].clone();
        let value = if key == "r" { cell_address(rng, shape, row + 1, col) } else { value };
        attrs.push((key, value));
    }
    if rng.one_in(3) && !attrs.is_empty() {
        let at = rng.below(attrs.len());
        let last = attrs.len() - 1;
        attrs.swap(at, last);
    }
    let mut out = String::new();
    for (key, value) in attrs {
        let odd = shape.odd(rng);
        let sep = if odd == Some(false) { rng.pick(&["", "  ", "\n", "\t", "\r"]) } else { " " };
        let quoted = match (odd, value.contains('"'), rng.below(3)) {
            (Some(true), ..) => value.clone(),
            (Some(false), _, 0) => format!(" = '{value}'"),
            (_, false, 0) => format!("\"{value}\""),
            _ => format!("'{value}'"),
        };
        let eq = if quoted.starts_with(' ') { "" } else { "=" };
        out.push_str(&format!("{sep}{key}{eq}{quoted}"));
    }
    match shape.odd(rng) {
        Some(true) => out.push_str(rng.pick(&[" a", " &amp;"])),
        Some(false) => out.push_str(rng.pick(&[" ", "\n"])),
        None => {}
    }
    out
}

fn cell(rng: &mut Rng, shape: &Shape, row: usize, col: usize) -> String {
    let (t, v) = if shape.ledger { ledger_value(rng, shape, row, col) } else { typed_value(rng, shape, row) };
    let a = cell_attributes(rng, shape, row, col, t);
    match shape.odd(rng) {
        Some(true) => match rng.below(6) {
            0 => format!("<c{a}><v>{v}</v></x></c>"),
            1 => format!("<c{a}><foo/></c>"),
            2 => format!("<c{a}><v>{v}</v>"),
            3 => format!("<c{a}/ >"),
            4 => format!("<c{a}><v>{v}</c>"),
            _ => format!("<c{a}><row/><v>{v}</v></c>"),
        },
        Some(false) => match rng.below(8) {
            0 => format!("<c{a}><v>{v}</v> </c>"),
            1 => format!("<c{a}><v/></c>"),
            2 => format!(r#"<c{a}><v xml:space="preserve">{v}</v></c>"#),
            3 => format!("<c{a}><v>{v}<!--x--></v></c>"),
            4 => format!("<c{a}><v><![CDATA[{v}]]></v></c>"),
            5 => format!("<c{a}><v>{v}</v></c >"),
            6 => format!("<c{a}><v>{v}</v><v>{v}</v></c>"),
            _ => format!("<c{a}><v>{v}</v></c></row><row>"),
        },
        // A ledger's cells mostly hold a value; some ledgers write their texts inline.
        None => match if shape.ledger { [6, 6, 6, 6, 6, 3, 5, 0, 4, 7][rng.below(10)] } else { rng.below(13) } {
            0 => format!("<c{a}/>"),
            1 => format!("<c{a} />"),
            2 => format!("<c{a}></c>"),
            3 => format!("<c{a}><f>A1+1</f><v>{v}</v></c>"),
            4 => format!("<c{a}><is><t>inline {v}</t></is></c>"),
            5 => format!("<x:c{a}><x:v>{v}</x:v></x:c>"),
            7 => format!(r#"<c{a}><is><t xml:space="preserve"> {v} </t></is></c>"#),
            8 => format!("<c{a}><is><t>\t {v}\n</t></is></c>"),
            9 => format!("<c{a}><is><r><t>a</t></r><r><t>{v}</t></r></is></c>"),
            10 => format!("<c{a}><is><t></t></is></c>"),
            _ => format!("<c{a}><v>{v}</v></c>"),
        },
    }
}

//! A cell's value from its type (`t`), its number format and the text of its `<v>`, as Excel
//! writes them (and as calamine 0.38 read them, so that imports do not change).

use super::styles::NumberKind;
use super::text::unescape_excel;
use crate::grid::Raw;
use std::sync::Arc;

/// The error values Excel writes.
const ERRORS: [&str; 7] = ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"];

/// The value of a cell of type `t` whose `<v>` holds `v`; `kind` says whether a number is a
/// date. On error, what is wrong (Swedish, for the message).
pub(crate) fn value(strings: &[Arc<str>], kind: NumberKind, t: Option<&str>, v: &str) -> Result<Raw, String> {
    match t {
        Some("s") => shared(strings, v),
        Some("b") => boolean(v),
        Some("d") => Ok(Raw::Text(v.into())),
        Some("e") if ERRORS.contains(&v) => Ok(Raw::Error(v.into())),
        Some("e") => Err(format!("ett okänt felvärde ('{v}')")),
        Some("str") => Ok(Raw::Text(unescape_excel(v).into())),
        Some("n") | None => number(kind, t.is_none(), v),
        Some(other) => Err(format!("en okänd celltyp ('{other}')")),
    }
}

fn shared(strings: &[Arc<str>], v: &str) -> Result<Raw, String> {
    if v.is_empty() {
        return Ok(Raw::Empty);
    }
    let index: usize = v.parse().unwrap_or(0);
    match strings.get(index) {
        Some(s) => Ok(Raw::Text(Arc::clone(s))),
        None => Err(format!("en cell som pekar på delad text nr {index}, som inte finns")),
    }
}

fn boolean(v: &str) -> Result<Raw, String> {
    let v = v.trim();
    if v.is_empty() {
        Ok(Raw::Empty)
    } else if v == "0" || v.eq_ignore_ascii_case("false") {
        Ok(Raw::Bool(false))
    } else if v == "1" || v.eq_ignore_ascii_case("true") {
        Ok(Raw::Bool(true))
    } else {
        Err(format!("ett ogiltigt sanningsvärde ('{v}')"))
    }
}

/// A number cell; without a type, text that is no number is kept as text.
fn number(kind: NumberKind, untyped: bool, v: &str) -> Result<Raw, String> {
    if v.is_empty() {
        return Ok(Raw::Empty);
    }
    match fast_float2::parse::<f64, _>(v.as_bytes()) {
        Ok(n) if kind == NumberKind::Date => Ok(Raw::Date(n)),
        Ok(n) => Ok(Raw::Number(n)),
        Err(_) if untyped => Ok(Raw::Text(v.into())),
        Err(_) => Err(format!("ett tal som inte går att läsa ('{v}')")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_by_type() {
        let strings: Vec<Arc<str>> = vec!["Vård".into()];
        let plain = NumberKind::Plain;
        assert_eq!(value(&strings, plain, Some("s"), "0"), Ok(Raw::Text("Vård".into())));
        assert!(value(&strings, plain, Some("s"), "7").is_err());
        assert_eq!(value(&strings, plain, None, "1.5"), Ok(Raw::Number(1.5)));
        assert_eq!(value(&strings, NumberKind::Date, None, "45292"), Ok(Raw::Date(45292.0)));
        assert_eq!(value(&strings, NumberKind::Duration, None, "1.5"), Ok(Raw::Number(1.5)));
        assert_eq!(value(&strings, plain, None, "abc"), Ok(Raw::Text("abc".into())));
        assert!(value(&strings, plain, Some("n"), "abc").is_err());
        assert_eq!(value(&strings, plain, Some("b"), "1"), Ok(Raw::Bool(true)));
        assert_eq!(value(&strings, plain, Some("e"), "#N/A"), Ok(Raw::Error("#N/A".into())));
        assert_eq!(value(&strings, plain, Some("str"), "a_x000D_b"), Ok(Raw::Text("a\rb".into())));
    }
}

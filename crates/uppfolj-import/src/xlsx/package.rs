//! The workbook's structure: which part is the workbook (the package relationships), its sheets
//! in order with their names, visibility, kind and parts (the workbook and its relationships),
//! and the date system (`date1904`). Sheet parts are found as calamine 0.38 finds them.

use super::part::{Package, XmlPart};
use crate::error::ImportError;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;

/// A sheet listed by the workbook.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SheetEntry {
    /// Its name.
    pub(crate) name: String,
    /// Its part, e.g. `xl/worksheets/sheet1.xml`.
    pub(crate) path: String,
    /// A worksheet (not a chart or dialog sheet).
    pub(crate) worksheet: bool,
    /// Not hidden.
    pub(crate) visible: bool,
}

/// What the workbook part says.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Workbook {
    /// The folder of the workbook part, e.g. `xl/`.
    pub(crate) dir: String,
    /// The sheets in workbook order.
    pub(crate) sheets: Vec<SheetEntry>,
    /// Dates count from 1904 (old Mac workbooks).
    pub(crate) is_1904: bool,
}

/// Reads the package relationships, the workbook's relationships and the workbook.
pub(crate) fn read(pkg: &mut Package<'_>) -> Result<Workbook, ImportError> {
    let document = office_document(pkg)?;
    let (dir, name) = match document.rfind('/') {
        Some(i) => document.split_at(i + 1),
        None => ("", document.as_str()),
    };
    let dir = dir.strip_prefix('/').unwrap_or(dir).to_string();
    let name = if name.is_empty() { "workbook.xml" } else { name };
    let rels = relationships(pkg, &format!("{dir}_rels/{name}.rels"))?;
    let path = format!("{dir}{name}");
    let Some(mut part) = pkg.part(&path)? else {
        return Ok(Workbook { dir, ..Workbook::default() });
    };
    let mut book = Workbook { dir, ..Workbook::default() };
    let mut buf = Vec::new();
    loop {
        match part.next(&mut buf)? {
            Event::Start(e) if e.local_name().as_ref() == "sheet" => {
                book.sheets.push(sheet(&part, &e, &rels, &book.dir)?);
            }
            Event::Start(e) if e.local_name().as_ref() == "workbookPr" => {
                if let Some(a) = e.try_get_attribute("date1904").ok().flatten() {
                    book.is_1904 = a.value == "1" || a.value == "true";
                }
            }
            Event::Eof => return Ok(book),
            _ => {}
        }
    }
}

/// One `<sheet>` of the workbook.
fn sheet(
    part: &XmlPart<'_, '_>,
    e: &BytesStart<'_>,
    rels: &HashMap<String, (String, String)>,
    dir: &str,
) -> Result<SheetEntry, ImportError> {
    let mut name = String::new();
    let mut rel_id = String::new();
    let mut visible = true;
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|err| part.invalid(format_args!("ett felaktigt attribut ({err})")))?;
        let key: &str = a.key.as_ref();
        match key {
            "name" => name = decode(part, &a.value)?,
            "state" => visible = a.value != "hidden" && a.value != "veryHidden",
            _ if key == "id" || key.ends_with(":id") => rel_id = a.value.into_owned(),
            _ => {}
        }
    }
    let Some((target, rel_type)) = rels.get(&rel_id) else {
        return Err(part.invalid(format_args!("bladet '{name}' pekar på en del som inte finns")));
    };
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{dir}{target}"),
    };
    let worksheet = rel_type.rsplit('/').next() == Some("worksheet");
    Ok(SheetEntry { name, path, worksheet, visible })
}

/// The target of the package's officeDocument relationship (the workbook part).
fn office_document(pkg: &mut Package<'_>) -> Result<String, ImportError> {
    let file = pkg.file;
    let missing = || ImportError::corrupt(file, "paketet saknar en arbetsbok (_rels/.rels pekar inte ut någon)");
    let Some(mut part) = pkg.part("_rels/.rels")? else {
        return Err(missing());
    };
    let mut document = None;
    let mut buf = Vec::new();
    loop {
        match part.next(&mut buf)? {
            Event::Start(e) if e.local_name().as_ref() == "Relationship" => {
                let kind = attribute(&part, &e, "Type")?.unwrap_or_default();
                if kind.ends_with("/relationships/officeDocument")
                    && let Some(target) = attribute(&part, &e, "Target")?
                {
                    document = Some(target);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "Relationships" => break,
            Event::Eof => break,
            _ => {}
        }
    }
    document.ok_or_else(missing)
}

/// A relationships part: id → (target, type). A missing part has none.
fn relationships(pkg: &mut Package<'_>, path: &str) -> Result<HashMap<String, (String, String)>, ImportError> {
    let mut rels = HashMap::new();
    let Some(mut part) = pkg.part(path)? else {
        return Ok(rels);
    };
    let mut buf = Vec::new();
    loop {
        match part.next(&mut buf)? {
            Event::Start(e) if e.local_name().as_ref() == "Relationship" => {
                if let Some(id) = attribute(&part, &e, "Id")? {
                    let target = attribute(&part, &e, "Target")?.unwrap_or_default();
                    let kind = attribute(&part, &e, "Type")?.unwrap_or_default();
                    rels.insert(id, (target, kind));
                }
            }
            Event::Eof => return Ok(rels),
            _ => {}
        }
    }
}

/// The decoded value of attribute `key`, if present.
pub(crate) fn attribute(part: &XmlPart<'_, '_>, e: &BytesStart<'_>, key: &str) -> Result<Option<String>, ImportError> {
    match e.try_get_attribute(key) {
        Ok(Some(a)) => decode(part, &a.value).map(Some),
        Ok(None) => Ok(None),
        Err(err) => Err(part.invalid(format_args!("ett felaktigt attribut ({err})"))),
    }
}

fn decode(part: &XmlPart<'_, '_>, raw: &str) -> Result<String, ImportError> {
    quick_xml::escape::unescape(raw)
        .map(std::borrow::Cow::into_owned)
        .map_err(|err| part.invalid(format_args!("en felaktig XML-referens ({err})")))
}

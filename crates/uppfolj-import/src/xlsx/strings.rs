//! The shared strings part: every text of the workbook once, in the order cells refer to them.
//!
//! The part's `uniqueCount` is only a claim: nothing is reserved from it (calamine 0.38 reserved
//! that many strings up front, which a lying count turned into an abort), and a claim far above
//! the strings present is refused as a damaged or constructed file.

use super::part::Package;
use super::text::read_string;
use crate::error::ImportError;
use quick_xml::events::Event;
use std::sync::Arc;

/// Reads the shared strings of a workbook whose parts lie in `dir` (none if it has no such part).
pub(crate) fn read(pkg: &mut Package<'_>, dir: &str) -> Result<Vec<Arc<str>>, ImportError> {
    let file = pkg.file;
    let Some(mut part) = pkg.part(&format!("{dir}sharedStrings.xml"))? else {
        return Ok(Vec::new());
    };
    let mut strings: Vec<Arc<str>> = Vec::new();
    let mut claimed = None;
    let mut buf = Vec::new();
    let mut inner = Vec::new();
    loop {
        match part.next(&mut buf)? {
            Event::Start(e) if e.local_name().as_ref() == "sst" => {
                let count = |key: &str| -> Option<u64> {
                    let a = e.try_get_attribute(key).ok().flatten()?;
                    Some(a.value.trim().parse().unwrap_or(u64::MAX))
                };
                claimed = count("uniqueCount").or_else(|| count("count"));
            }
            Event::Start(e) if e.local_name().as_ref() == "si" => {
                let name = e.name().as_ref().to_string();
                strings.push(read_string(&mut part, &name, &mut inner)?.into());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    check_claim(file, claimed, strings.len() as u64)?;
    Ok(strings)
}

/// A claimed count far above the strings present is a lie.
fn check_claim(file: &str, claimed: Option<u64>, present: u64) -> Result<(), ImportError> {
    match claimed {
        Some(n) if n > present.saturating_mul(2).saturating_add(100_000) => Err(ImportError::corrupt(
            file,
            format!(
                "listan med delade texter anger {n} texter men innehåller {present}; siffran är fel (filen är skadad eller konstruerad)"
            ),
        )),
        _ => Ok(()),
    }
}

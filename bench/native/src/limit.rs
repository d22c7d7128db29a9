//! The limit reader: the least any xlsx reader must do — inflate the worksheets and the shared
//! strings and tokenise their XML — counting cells and strings and building nothing. Its time is
//! the practical limit the report is measured against.

use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{BufReader, Cursor, Read};

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LimitError {
    /// The zip container.
    #[error("zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// The XML of a part.
    #[error("XML: {0}")]
    Xml(#[from] quick_xml::Error),
}

/// What the limit reader saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// `<c>` elements over every worksheet.
    pub cells: u64,
    /// `<si>` entries in the shared strings.
    pub shared_strings: u64,
    /// Worksheets read.
    pub sheets: u32,
}

/// Inflates and tokenises `xl/sharedStrings.xml` and every `xl/worksheets/*.xml` of `bytes`.
pub fn read(bytes: &[u8]) -> Result<Counts, LimitError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut counts = Counts::default();
    let names: Vec<String> = zip.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect();
    for name in names {
        if name == "xl/sharedStrings.xml" {
            counts.shared_strings += count_elements(zip.by_name(&name)?, b"si")?;
        } else if name.starts_with("xl/worksheets/") && name.ends_with(".xml") {
            counts.cells += count_elements(zip.by_name(&name)?, b"c")?;
            counts.sheets += 1;
        }
    }
    Ok(counts)
}

/// Tokenises the XML in `part`, counting the elements named `tag`.
fn count_elements(part: impl Read, tag: &[u8]) -> Result<u64, LimitError> {
    let mut reader = Reader::from_reader(BufReader::with_capacity(64 * 1024, part));
    let mut buf = Vec::with_capacity(64 * 1024);
    let mut n = 0;
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref().as_bytes() == tag => n += 1,
            Event::Eof => return Ok(n),
            _ => {}
        }
        buf.clear();
    }
}

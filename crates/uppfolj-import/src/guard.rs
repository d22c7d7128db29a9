//! The guard: the cheap checks on a workbook before it is read.
//!
//! For every zip package it reads the central directory: entry count, declared sizes against the
//! limits, the compression ratio (zip bombs), encrypted entries, what kind of package it is. The
//! checks that need an xlsx's XML (DOCTYPE, cells beyond Excel's grid, the cell limit, a lying
//! sharedStrings count) are made by [`crate::xlsx`] during its one read of each part; the `zip`
//! crate (9) fails a part that unpacks to more than it declares.
//!
//! xlsb and ods go to calamine, which aborts the process (an allocation failure, not a panic) on
//! some hostile files; for those this module also streams every part through a counting reader
//! and a streaming XML parser: refuses a DOCTYPE (entity expansion) and, for ods, bounds the dense
//! area calamine will allocate. For OLE files (xls) it spots an encrypted OOXML package
//! (`EncryptionInfo` stream).
//!
//! Everything here streams: memory stays small whatever the file claims.

use crate::ImportOptions;
use crate::error::ImportError;
use crate::workbook::{EXCEL_MAX_COLS, EXCEL_MAX_ROWS};
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Cursor, Read};

/// What a zip package holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZipKind {
    /// Office Open XML workbook (xlsx, xlsm).
    Xlsx,
    /// Excel binary workbook.
    Xlsb,
    /// OpenDocument spreadsheet.
    Ods,
}

/// Most entries a workbook package may have.
const MAX_ENTRIES: usize = 10_000;

/// A reader that counts bytes and stops with an error past a limit.
pub(crate) struct Counted<R> {
    /// What is read.
    pub(crate) inner: R,
    /// Bytes read so far.
    pub(crate) count: u64,
    /// Most bytes allowed.
    pub(crate) limit: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        if self.count > self.limit {
            return Err(std::io::Error::other("limit"));
        }
        Ok(n)
    }
}

/// Checks a zip package and says which kind it is. For xlsx, only the zip directory is checked
/// here (the reader checks the XML as it reads it); xlsb and ods parts are streamed and checked.
///
/// # Errors
/// A truncated or corrupt zip, a zip bomb, an encrypted entry, too many entries, a zip that is
/// no spreadsheet; for xlsb and ods also DOCTYPE in XML or an ods sheet beyond the limits.
pub fn check_zip(file: &str, bytes: &[u8], options: &ImportOptions) -> Result<ZipKind, ImportError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ImportError::corrupt(
            file,
            format!("zip-arkivet är ofullständigt eller trasigt: {e}; filen kan ha avbrutits vid nedladdning"),
        )
    })?;
    if zip.len() > MAX_ENTRIES {
        return Err(ImportError::TooManyCells {
            file: file.to_string(),
            detail: format!("paketet har {} delar (högst {MAX_ENTRIES})", zip.len()),
        });
    }
    let names: Vec<String> = zip.file_names().map(|n| n.map(|n| n.to_string()).unwrap_or_default()).collect();
    let kind = zip_kind(file, &names)?;
    check_declared_sizes(file, &mut zip, options)?;
    if kind != ZipKind::Xlsx {
        stream_parts(file, &mut zip, &names, kind, options)?;
    }
    Ok(kind)
}

/// Which kind of spreadsheet a zip with entries `names` is, or what else it is.
fn zip_kind(file: &str, names: &[String]) -> Result<ZipKind, ImportError> {
    let has = |n: &str| names.iter().any(|x| x.eq_ignore_ascii_case(n));
    if names.iter().any(|n| n.ends_with("workbook.xml")) {
        return Ok(ZipKind::Xlsx);
    }
    if names.iter().any(|n| n.ends_with("workbook.bin")) {
        return Ok(ZipKind::Xlsb);
    }
    if has("content.xml") && (has("mimetype") || has("META-INF/manifest.xml")) {
        return Ok(ZipKind::Ods);
    }
    let found = if names.iter().any(|n| n.starts_with("word/")) {
        "ett Word-dokument"
    } else if names.iter().any(|n| n.starts_with("ppt/")) {
        "en PowerPoint-presentation"
    } else if has("content.xml") {
        "ett OpenDocument-dokument som inte är ett kalkylark"
    } else {
        "ett zip-arkiv utan kalkylark"
    };
    Err(ImportError::NotASpreadsheet { file: file.to_string(), found: found.into() })
}

/// Checks the sizes and packing ratios the central directory declares (cheap), and that no
/// entry is encrypted.
fn check_declared_sizes(
    file: &str,
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    options: &ImportOptions,
) -> Result<(), ImportError> {
    let mut declared_total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| ImportError::corrupt(file, format!("zip-delen {i}: {e}")))?;
        if entry.encrypted() {
            return Err(ImportError::Encrypted { file: file.to_string() });
        }
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        declared_total = declared_total.saturating_add(size);
        if size > 1024 * 1024 && size / packed > options.max_compression_ratio {
            return Err(ImportError::TooLargeUnpacked {
                file: file.to_string(),
                limit_mb: options.max_decompressed_bytes / (1024 * 1024),
                detail: format!(
                    "delen {} packas upp från {} byte till {} byte, {} gånger; så hårt packas bara konstruerade filer",
                    entry.name().unwrap_or_default(),
                    packed,
                    size,
                    size / packed
                ),
            });
        }
    }
    if declared_total > options.max_decompressed_bytes {
        return Err(ImportError::TooLargeUnpacked {
            file: file.to_string(),
            limit_mb: options.max_decompressed_bytes / (1024 * 1024),
            detail: format!("delarna anger {} MB tillsammans", declared_total / (1024 * 1024)),
        });
    }
    Ok(())
}

/// Streams every part of an xlsb or ods package, counting real bytes and scanning the XML.
fn stream_parts(
    file: &str,
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    names: &[String],
    kind: ZipKind,
    options: &ImportOptions,
) -> Result<(), ImportError> {
    let mut actual_total: u64 = 0;
    for i in 0..zip.len() {
        let name = names.get(i).cloned().unwrap_or_default();
        let entry = zip.by_index(i).map_err(|e| ImportError::corrupt(file, format!("zip-delen {name}: {e}")))?;
        let declared = entry.size();
        let lower = name.to_ascii_lowercase();
        let is_xml = lower.ends_with(".xml") || lower.ends_with(".rels");
        let remaining = options.max_decompressed_bytes.saturating_sub(actual_total);
        // A part may not unpack to more than it declares (plus slack), nor past the total.
        let limit = remaining.min(declared.saturating_add(64 * 1024));
        let mut counted = Counted { inner: entry, count: 0, limit };
        let result = if is_xml {
            scan_xml(file, &name, kind, &mut counted, options)
        } else {
            std::io::copy(&mut counted, &mut std::io::sink())
                .map(|_| ())
                .map_err(|e| io_error(file, &name, &e, &counted))
        };
        if counted.count > limit {
            return Err(unpack_error(file, &name, declared, options));
        }
        result?;
        actual_total += counted.count;
    }
    Ok(())
}

fn unpack_error(file: &str, name: &str, declared: u64, options: &ImportOptions) -> ImportError {
    ImportError::TooLargeUnpacked {
        file: file.to_string(),
        limit_mb: options.max_decompressed_bytes / (1024 * 1024),
        detail: format!("delen {name} packas upp till mer än de {declared} byte den anger, eller över gränsen"),
    }
}

fn io_error<R>(file: &str, name: &str, e: &std::io::Error, counted: &Counted<R>) -> ImportError {
    if counted.count > counted.limit || e.to_string() == "limit" {
        return ImportError::TooLargeUnpacked {
            file: file.to_string(),
            limit_mb: counted.limit / (1024 * 1024),
            detail: format!("delen {name} packas upp till mer än den anger"),
        };
    }
    ImportError::corrupt(file, format!("delen {name} kan inte packas upp ({e}); filen är troligen avkortad"))
}

/// Parses "AB12" into zero-based (row, col), without overflow. `None` if malformed.
pub fn parse_cell_ref(r: &[u8]) -> Option<(u64, u64)> {
    let mut col: u64 = 0;
    let mut row: u64 = 0;
    let mut letters = 0;
    let mut digits = 0;
    for &b in r {
        match b {
            b'$' => {}
            b'A'..=b'Z' | b'a'..=b'z' if digits == 0 => {
                letters += 1;
                if letters > 7 {
                    return Some((u64::MAX, u64::MAX));
                }
                col = col * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1);
            }
            b'0'..=b'9' => {
                digits += 1;
                if digits > 12 {
                    return Some((u64::MAX, u64::MAX));
                }
                row = row * 10 + u64::from(b - b'0');
            }
            _ => return None,
        }
    }
    if letters == 0 && digits == 0 {
        return None;
    }
    Some((row.saturating_sub(1), col.saturating_sub(1)))
}

/// Scans one XML part of an xlsb or ods package: no DOCTYPE, and an ods sheet within the limits.
fn scan_xml<R: Read>(
    file: &str,
    part: &str,
    kind: ZipKind,
    input: &mut Counted<R>,
    options: &ImportOptions,
) -> Result<(), ImportError> {
    let is_ods_content = kind == ZipKind::Ods && part.eq_ignore_ascii_case("content.xml");
    let part_ref = Part { file, options };
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(input));
    let mut buf = Vec::with_capacity(4096);
    let mut ods = OdsArea::default();
    loop {
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => {
                let inner = reader.get_ref().get_ref();
                if inner.count > inner.limit {
                    return Err(ImportError::TooLargeUnpacked {
                        file: file.to_string(),
                        limit_mb: options.max_decompressed_bytes / (1024 * 1024),
                        detail: format!("delen {part} packas upp till mer än den anger"),
                    });
                }
                return Err(ImportError::corrupt(file, format!("XML-fel i {part}: {e}")));
            }
        };
        match event {
            Event::DocType(_) => {
                return Err(ImportError::XmlDoctype { file: file.to_string(), part: part.to_string() });
            }
            Event::Eof => return Ok(()),
            Event::Start(ref e) | Event::Empty(ref e) if is_ods_content => {
                ods.element(&part_ref, e.local_name().as_ref(), e, matches!(event, Event::Start(_)))?;
            }
            Event::End(ref e) if is_ods_content && e.local_name().as_ref() == "table-row" => ods.end_row(),
            _ => {}
        }
    }
}

/// The XML part being scanned, for checks and error messages.
struct Part<'a> {
    file: &'a str,
    options: &'a ImportOptions,
}

/// The dense area calamine allocates per table of an ods content part.
struct OdsArea {
    row: u64,
    col: u64,
    row_repeat: u64,
    max_row: u64,
    max_col: u64,
}

impl Default for OdsArea {
    fn default() -> Self {
        Self { row: 0, col: 0, row_repeat: 1, max_row: 0, max_col: 0 }
    }
}

impl OdsArea {
    fn element(&mut self, at: &Part<'_>, name: &str, e: &BytesStart<'_>, start: bool) -> Result<(), ImportError> {
        let repeat = |key: &str| -> u64 {
            e.try_get_attribute(key).ok().flatten().and_then(|a| a.value.trim().parse().ok()).unwrap_or(1)
        };
        match name {
            "table" => {
                self.row = 0;
                self.max_row = 0;
                self.max_col = 0;
            }
            "table-row" => {
                self.row_repeat = repeat("table:number-rows-repeated").max(1);
                self.col = 0;
            }
            "table-cell" | "covered-table-cell" => {
                let cols = repeat("table:number-columns-repeated").max(1);
                let has_value =
                    e.try_get_attribute("office:value-type").ok().flatten().is_some() || start && name == "table-cell";
                if has_value {
                    self.max_col = self.max_col.max(self.col.saturating_add(cols));
                    self.max_row = self.max_row.max(self.row.saturating_add(self.row_repeat));
                    self.check(at)?;
                }
                self.col = self.col.saturating_add(cols);
            }
            _ => {}
        }
        Ok(())
    }

    fn end_row(&mut self) {
        self.row = self.row.saturating_add(self.row_repeat);
        self.row_repeat = 1;
    }

    fn check(&self, at: &Part<'_>) -> Result<(), ImportError> {
        let (max_row, max_col, max_cells) = (self.max_row, self.max_col, at.options.max_cells);
        if max_row.saturating_mul(max_col) > max_cells
            || max_row > u64::from(EXCEL_MAX_ROWS)
            || max_col > u64::from(EXCEL_MAX_COLS)
        {
            return Err(ImportError::TooManyCells {
                file: at.file.to_string(),
                detail: format!(
                    "ett blad spänner över {max_row} rader × {max_col} kolumner, mer än gränsen {max_cells} celler"
                ),
            });
        }
        Ok(())
    }
}

/// Checks an OLE compound file (xls): an encrypted OOXML workbook is stored this way, with
/// `EncryptionInfo` and `EncryptedPackage` streams.
///
/// # Errors
/// [`ImportError::Encrypted`] for a password-protected workbook.
pub fn check_cfb(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let info = utf16("EncryptionInfo");
    let package = utf16("EncryptedPackage");
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    if contains(&package) || contains(&info) {
        return Err(ImportError::Encrypted { file: file.to_string() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_refs() {
        assert_eq!(parse_cell_ref(b"A1"), Some((0, 0)));
        assert_eq!(parse_cell_ref(b"XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(parse_cell_ref(b"$B$3"), Some((2, 1)));
        assert_eq!(parse_cell_ref(b"ZZZZZZZZ1"), Some((u64::MAX, u64::MAX)));
        assert_eq!(parse_cell_ref(b"A-1"), None);
    }
}

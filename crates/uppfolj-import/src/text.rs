//! Delimited text: csv, tsv and semicolon files as Swedish Excel writes them. The encoding is
//! UTF-8 (with or without BOM), UTF-16 with a BOM, or else Windows-1252; the separator is sniffed
//! from the first lines (`;`, `,`, tab or `|`).

use crate::ImportOptions;
use crate::error::ImportError;
use crate::grid::{GCell, Grid, Raw};
use std::borrow::Cow;

/// The text of the file, decoded, and the encoding's name.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text, enc.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text, "windows-1252")
        }
    }
}

/// The separator: the candidate that splits the first lines into the same number of fields (more
/// than one), preferring the one that gives the most fields.
pub fn sniff_separator(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(30).collect();
    let mut best = (b',', 0usize, 0usize); // separator, consistent lines, fields
    for sep in [b';', b'\t', b',', b'|'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, sep)).collect();
        let Some(&first) = counts.iter().find(|&&c| c > 0) else { continue };
        let consistent = counts.iter().filter(|&&c| c == first).count();
        if consistent > best.1 || (consistent == best.1 && first > best.2) {
            best = (sep, consistent, first);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, sep: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == sep && !quoted {
            n += 1;
        }
    }
    n
}

/// Reads delimited text into one grid.
pub fn read(file: &str, bytes: &[u8], options: &ImportOptions) -> Result<(Grid, String), ImportError> {
    let (text, encoding) = decode(bytes);
    let sep = sniff_separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .quoting(true)
        .double_quote(true)
        .from_reader(text.as_bytes());
    let mut cells = Vec::new();
    let mut count: u64 = 0;
    for (r, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ImportError::corrupt(file, format!("rad {}: {e}", r + 1)))?;
        let row = u32::try_from(r).unwrap_or(u32::MAX);
        if row >= options.max_rows {
            return Err(ImportError::TooManyCells {
                file: file.to_string(),
                detail: format!("filen har fler än {} rader (gränsen)", options.max_rows),
            });
        }
        for (c, field) in record.iter().enumerate() {
            if field.trim().is_empty() {
                continue;
            }
            count += 1;
            if count > options.max_cells {
                return Err(ImportError::TooManyCells {
                    file: file.to_string(),
                    detail: format!("filen har fler än {} ifyllda fält (gränsen)", options.max_cells),
                });
            }
            let col = u32::try_from(c).unwrap_or(u32::MAX);
            cells.push((row, GCell::new(col, Raw::Text(field.into()))));
        }
    }
    let sep_name = match sep {
        b';' => "semikolon",
        b'\t' => "tabb",
        b'|' => "lodstreck",
        _ => "komma",
    };
    Ok((Grid::from_cells(None, cells), format!("Teckenkodning {encoding}, avgränsare {sep_name}.")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_separators() {
        assert_eq!(sniff_separator("a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(sniff_separator("\"kpi\",\"year\"\n\"N1\",2020\n"), b',');
        assert_eq!(sniff_separator("a\tb\n1\t2\n"), b'\t');
    }

    #[test]
    fn decodes_windows_1252_and_bom() {
        let (t, e) = decode(b"\xEF\xBB\xBFVerksamhet;Utfall");
        assert_eq!((t.as_ref(), e), ("Verksamhet;Utfall", "UTF-8"));
        let (t, e) = decode(b"F\xF6rvaltning;\xC5r");
        assert_eq!((t.as_ref(), e), ("Förvaltning;År", "windows-1252"));
    }
}

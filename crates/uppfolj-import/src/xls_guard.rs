//! The xls guard: makes a BIFF workbook safe for calamine before calamine sees it.
//!
//! calamine 0.38 parses every record of an xls workbook eagerly when it opens it, and several of
//! its record parsers slice without checking the length: a damaged file makes it panic (in the
//! browser, built with `panic = "abort"`, that kills the app). Found by cargo-fuzz: the formula
//! token stream of a FORMULA record (`parse_formula`), but the same holds for the defined names,
//! merged cells, the shared strings, and a sheet offset past the end of the stream.
//!
//! So before calamine runs, this module reads the OLE container with the `cfb` crate, takes the
//! `Workbook` (or `Book`) stream and walks its records the way calamine does, and
//!
//! * neutralises what uppfolj never uses but calamine parses anyway: formula token streams
//!   (FORMULA's `cce` and Lbl's `cce` set to 0; the cached formula values are kept) and the
//!   DIMENSIONS record (calamine only reserves memory from it, so it is set to one cell);
//! * rejects, with [`ImportError::Corrupt`], a record calamine would index past its end (a
//!   FORMULA without its `cce`, a MERGECELLS or MULRK whose counts do not fit, a too short BOF,
//!   CODEPAGE, DATEMODE, FILEPASS, EXTERNSHEET, BOUNDSHEET or Lbl, a shared-strings table whose
//!   strings run past their records) and a sheet offset that is no record boundary;
//! * bounds the cells calamine allocates: it stores each sheet densely from its first to its last
//!   cell, so the sum of those areas must stay within `max_cells`;
//! * stops at a FILEPASS record: a password-protected workbook, [`ImportError::Encrypted`].
//!
//! The sanitised stream is written into a new in-memory container, which is what calamine reads:
//! it never sees the original container either. Cell values are untouched, so a valid workbook
//! imports exactly as before.

use crate::error::ImportError;
use std::collections::VecDeque;
use std::io::{Cursor, Read, Write};

/// The record types the guard looks at (MS-XLS 2.3).
mod rt {
    pub const FORMULA: u16 = 0x0006;
    pub const EOF: u16 = 0x000A;
    pub const EXTERNSHEET: u16 = 0x0017;
    pub const LBL: u16 = 0x0018;
    pub const DATEMODE: u16 = 0x0022;
    pub const FILEPASS: u16 = 0x002F;
    pub const CONTINUE: u16 = 0x003C;
    pub const CODEPAGE: u16 = 0x0042;
    pub const BOUNDSHEET: u16 = 0x0085;
    pub const MULRK: u16 = 0x00BD;
    pub const MERGECELLS: u16 = 0x00E5;
    pub const SST: u16 = 0x00FC;
    pub const DIMENSIONS: u16 = 0x0200;
    pub const BOF: u16 = 0x0809;
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// The error for a damaged xls: names the file and suggests saving it as xlsx.
fn damaged(file: &str, detail: impl std::fmt::Display) -> ImportError {
    ImportError::corrupt(
        file,
        format!("xls-filen är trasig: {detail}; öppna och spara den som .xlsx i Excel eller LibreOffice"),
    )
}

/// Reads the OLE container, sanitises its workbook stream and returns a new container holding
/// only that stream, for calamine.
///
/// # Errors
/// [`ImportError::Corrupt`] for an unreadable container, a missing workbook stream or a record
/// that cannot be made safe; [`ImportError::TooManyCells`] when the sheets span more than
/// `max_cells` cells.
pub fn sanitize_xls(file: &str, bytes: &[u8], max_cells: u64) -> Result<Vec<u8>, ImportError> {
    let mut cfb = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| damaged(file, format!("OLE-behållaren kan inte läsas ({e})")))?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| cfb.is_stream(n))
        .ok_or_else(|| damaged(file, "arbetsboksdelen (Workbook) saknas"))?;
    let mut stream = Vec::new();
    {
        // The stream cannot hold more than the container; the limit guards a lying size.
        let reader = cfb.open_stream(name).map_err(|e| damaged(file, format!("arbetsboksdelen ({e})")))?;
        reader
            .take(bytes.len() as u64)
            .read_to_end(&mut stream)
            .map_err(|e| damaged(file, format!("arbetsboksdelen kan inte läsas ({e})")))?;
    }
    sanitize_stream(&mut stream, max_cells).map_err(|problem| match problem {
        Problem::Damaged(detail) => damaged(file, detail),
        Problem::TooManyCells(detail) => ImportError::TooManyCells { file: file.to_string(), detail },
        Problem::Encrypted => ImportError::Encrypted { file: file.to_string() },
    })?;

    let write_err = |e: std::io::Error| damaged(file, format!("arbetsboksdelen kan inte skrivas om ({e})"));
    let mut out =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).map_err(write_err)?;
    {
        let mut writer = out.create_stream(name).map_err(write_err)?;
        writer.write_all(&stream).map_err(write_err)?;
    }
    out.flush().map_err(write_err)?;
    Ok(out.into_inner().into_inner())
}

/// Why a workbook stream cannot be handed to calamine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A record calamine would read past its end (a Swedish description).
    Damaged(String),
    /// The sheets' cells span more than the cell limit: calamine allocates each sheet's range
    /// densely, from its first to its last row and column (a Swedish description).
    TooManyCells(String),
    /// A FILEPASS record: the workbook is password-protected (its record data is encrypted, so
    /// the guard reads no further).
    Encrypted,
}

impl From<String> for Problem {
    fn from(detail: String) -> Self {
        Problem::Damaged(detail)
    }
}

/// Walks the BIFF records of a workbook stream, neutralises formula token streams and the
/// DIMENSIONS records in place, checks every length calamine relies on and bounds the cells
/// calamine will allocate (at most `max_cells` over all sheets).
///
/// # Errors
/// The first record that cannot be made safe, or sheets spanning too many cells.
pub fn sanitize_stream(stream: &mut [u8], max_cells: u64) -> Result<(), Problem> {
    let mut boundaries = Vec::new();
    let mut sheet_offsets = Vec::new();
    let mut in_globals = true;
    let mut pos = 0usize;
    let mut area = 0u64;
    while stream.len() - pos >= 4 {
        let typ = u16_at(stream, pos).unwrap_or(0);
        let len = u16_at(stream, pos + 2).unwrap_or(0) as usize;
        let end = pos + 4 + len;
        if end > stream.len() {
            // calamine stops here with an error, reading nothing further.
            break;
        }
        boundaries.push(pos);
        let short = |min: usize, what: &str| -> Result<(), String> {
            if len < min {
                Err(format!("posten {what} vid byte {pos} är {len} byte, minst {min} behövs"))
            } else {
                Ok(())
            }
        };
        if in_globals {
            if typ == rt::FILEPASS && u16_at(stream, pos + 4).is_some_and(|v| v != 0) {
                return Err(Problem::Encrypted);
            }
            match typ {
                rt::BOF | rt::FILEPASS | rt::CODEPAGE | rt::DATEMODE | rt::EXTERNSHEET => short(2, "i arbetsboken")?,
                rt::BOUNDSHEET => {
                    short(6, "BOUNDSHEET")?;
                    sheet_offsets.push((pos, u32_at(stream, pos + 4).unwrap_or(0) as usize));
                }
                rt::LBL => {
                    short(14, "Lbl (namn)")?;
                    // The name's formula: uppfolj never uses it, calamine would parse it unchecked.
                    stream[pos + 8..pos + 10].fill(0);
                }
                rt::SST => check_sst(stream, pos)?,
                rt::EOF => in_globals = false,
                _ => {}
            }
        }
        // calamine reads a sheet from its BOUNDSHEET offset on, which may be anywhere: these
        // checks hold for every record.
        let data = &mut stream[pos + 4..end];
        match typ {
            rt::FORMULA if len >= 20 => {
                short(22, "FORMULA")?;
                // cce = 0: calamine finds no tokens and gives up on the formula text; the cached
                // value (bytes 6..14) stays as it is.
                data[20..22].fill(0);
            }
            rt::DIMENSIONS => {
                // Used by calamine only to reserve memory (rows × columns, unchecked): one cell.
                match len {
                    10 => data[..8].fill(0),
                    14 | 16 => data[..12].fill(0),
                    _ => {}
                }
            }
            rt::MERGECELLS => {
                short(2, "MERGECELLS")?;
                let count = u16_at(data, 0).unwrap_or(0) as usize;
                if 2 + 8 * count > len {
                    return Err(Problem::Damaged(format!(
                        "posten MERGECELLS vid byte {pos} anger {count} områden men rymmer {}",
                        (len - 2) / 8
                    )));
                }
            }
            rt::MULRK if len >= 6 => {
                let first = u16_at(data, 2).unwrap_or(0);
                let last = u16_at(data, len - 2).unwrap_or(0);
                if last < first || last - first == u16::MAX {
                    return Err(Problem::Damaged(format!("posten MULRK vid byte {pos} har kolumnerna {first}–{last}")));
                }
            }
            _ => {}
        }
        pos = end;
    }
    for (at, offset) in sheet_offsets {
        if boundaries.binary_search(&offset).is_err() {
            return Err(
                format!("bladet i posten BOUNDSHEET vid byte {at} börjar mitt i en post (byte {offset})").into()
            );
        }
        area = area.saturating_add(dense_area(stream, offset));
        if area > max_cells {
            return Err(Problem::TooManyCells(format!(
                "bladen spänner tillsammans över mer än {max_cells} celler (gränsen) från första till sista cell"
            )));
        }
    }
    Ok(())
}

/// The cells calamine allocates for the sheet starting at `offset`: rows × columns from its first
/// to its last cell, found by walking the sheet's records as calamine does (nested substreams
/// such as embedded charts skipped, up to the sheet's EOF).
fn dense_area(stream: &[u8], offset: usize) -> u64 {
    let mut pos = offset;
    let mut seen_bof = false;
    let mut depth = 0usize;
    let mut bounds: Option<(u16, u16, u16, u16)> = None;
    let mut add = |row: u16, col: u16| {
        let b = bounds.get_or_insert((row, row, col, col));
        *b = (b.0.min(row), b.1.max(row), b.2.min(col), b.3.max(col));
    };
    while let (Some(typ), Some(len)) = (u16_at(stream, pos), u16_at(stream, pos + 2)) {
        let Some(data) = stream.get(pos + 4..pos + 4 + len as usize) else { break };
        pos += 4 + len as usize;
        if depth > 0 {
            match typ {
                rt::BOF => depth += 1,
                rt::EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            rt::BOF if seen_bof => depth += 1,
            rt::BOF => seen_bof = true,
            rt::EOF => break,
            // NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST, FORMULA: row, column first.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | rt::FORMULA => {
                if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                    add(row, col);
                }
            }
            rt::MULRK if data.len() >= 6 => {
                if let (Some(row), Some(first), Some(last)) =
                    (u16_at(data, 0), u16_at(data, 2), u16_at(data, data.len() - 2))
                {
                    add(row, first);
                    add(row, last);
                }
            }
            _ => {}
        }
    }
    bounds.map_or(0, |(r0, r1, c0, c1)| (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1))
}

/// calamine's view of a record: its data and the CONTINUE records after it.
struct Record<'a> {
    data: &'a [u8],
    cont: VecDeque<&'a [u8]>,
}

impl<'a> Record<'a> {
    /// The record at `pos` with its CONTINUE records, gathered as calamine's `RecordIter` does.
    fn at(stream: &'a [u8], pos: usize) -> Self {
        let len = u16_at(stream, pos + 2).unwrap_or(0) as usize;
        let data = stream.get(pos + 4..pos + 4 + len).unwrap_or_default();
        let mut cont = VecDeque::new();
        let mut next = pos + 4 + len;
        while stream.len().saturating_sub(next) > 4 && u16_at(stream, next) == Some(rt::CONTINUE) {
            let clen = u16_at(stream, next + 2).unwrap_or(0) as usize;
            match stream.get(next + 4..next + 4 + clen) {
                Some(d) => cont.push_back(d),
                // calamine stops with an error at a truncated CONTINUE.
                None => break,
            }
            next += 4 + clen;
        }
        Record { data, cont }
    }

    fn next_cont(&mut self) -> bool {
        match self.cont.pop_front() {
            Some(d) => {
                self.data = d;
                true
            }
            None => false,
        }
    }
}

/// Follows calamine's reading of the shared-strings table (`parse_sst`, `read_rich_extended_string`,
/// `read_dbcs`, `Record::skip`) and fails where calamine would index past a record's end. Where
/// calamine itself returns an error the walk stops: that is no panic.
fn check_sst(stream: &[u8], pos: usize) -> Result<(), String> {
    let panics = || format!("tabellen med delade texter (SST) vid byte {pos} tar slut mitt i en text");
    let mut r = Record::at(stream, pos);
    if r.data.len() < 8 {
        return Ok(());
    }
    r.data = &r.data[8..];
    while !r.data.is_empty() || r.next_cont() {
        if r.data.is_empty() {
            continue;
        }
        if r.data.len() < 3 {
            return Ok(());
        }
        let mut cch = u16_at(r.data, 0).unwrap_or(0) as usize;
        let flags = r.data[2];
        r.data = &r.data[3..];
        let mut high_byte = flags & 0x1 != 0;
        let mut c_run = 0usize;
        let mut cb_ext_rst = 0usize;
        if flags & 0x8 != 0 {
            c_run = u16_at(r.data, 0).ok_or_else(panics)? as usize;
            r.data = &r.data[2..];
        }
        if flags & 0x4 != 0 {
            let v = u32_at(r.data, 0).ok_or_else(panics)?;
            // calamine: `read_i32(..) as usize`, a negative count becomes huge (it then fails).
            cb_ext_rst = i32::from_le_bytes(v.to_le_bytes()) as isize as usize;
            r.data = &r.data[4..];
        }
        while cch > 0 {
            let (chars, bytes) = if high_byte {
                let l = (r.data.len() / 2).min(cch);
                (l, 2 * l)
            } else {
                let l = r.data.len().min(cch);
                (l, l)
            };
            r.data = &r.data[bytes..];
            cch -= chars;
            if cch > 0 {
                if !r.next_cont() {
                    return Ok(());
                }
                let Some(&first) = r.data.first() else {
                    return Err(panics());
                };
                high_byte = first & 0x1 != 0;
                r.data = &r.data[1..];
            }
        }
        for mut skip in [c_run.saturating_mul(4), cb_ext_rst] {
            while skip > 0 {
                if r.data.is_empty() && !r.next_cont() {
                    return Ok(());
                }
                let l = skip.min(r.data.len());
                r.data = &r.data[l..];
                skip -= l;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut v = typ.to_le_bytes().to_vec();
        v.extend((data.len() as u16).to_le_bytes());
        v.extend(data);
        v
    }

    #[test]
    fn formula_tokens_are_neutralised_and_value_kept() {
        let mut data = vec![0u8; 20];
        data[6..14].copy_from_slice(&42.5f64.to_le_bytes());
        data.extend([5, 0, 0x1E, 1, 0, 0xFF, 0xFF]);
        let mut stream = record(rt::FORMULA, &data);
        sanitize_stream(&mut stream, 1000).expect("a long enough formula is sanitised");
        assert_eq!(&stream[4 + 20..4 + 22], &[0, 0]);
        assert_eq!(&stream[4 + 6..4 + 14], &42.5f64.to_le_bytes());
        assert_eq!(&stream[4 + 22..], &[0x1E, 1, 0, 0xFF, 0xFF]);
    }

    #[test]
    fn formula_without_cce_is_rejected() {
        let mut stream = record(rt::FORMULA, &[0u8; 21]);
        let e = sanitize_stream(&mut stream, 1000).expect_err("no room for cce");
        assert!(matches!(&e, Problem::Damaged(d) if d.contains("FORMULA")), "{e:?}");
    }

    #[test]
    fn sheet_offset_inside_a_record_is_rejected() {
        let mut stream = record(rt::BOUNDSHEET, &[5, 0, 0, 0, 0, 0, 1, 0, b'A']);
        stream.extend(record(rt::EOF, &[]));
        let e = sanitize_stream(&mut stream, 1000).expect_err("offset 5 is inside the first record");
        assert!(matches!(&e, Problem::Damaged(d) if d.contains("BOUNDSHEET")), "{e:?}");
    }

    #[test]
    fn mergecells_count_beyond_record_is_rejected() {
        let mut stream = record(rt::MERGECELLS, &[3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert!(sanitize_stream(&mut stream, 1000).is_err());
    }

    #[test]
    fn sst_string_running_into_an_empty_continue_is_rejected() {
        // One string of 5 characters with only 2 in the SST record, then an empty CONTINUE.
        let mut stream = record(rt::SST, &[1, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, b'a', b'b']);
        stream.extend(record(rt::CONTINUE, &[]));
        stream.extend(record(rt::EOF, &[]));
        assert!(sanitize_stream(&mut stream, 1000).is_err());
    }

    #[test]
    fn two_far_apart_cells_exceed_the_cell_limit() {
        // Globals: BOF, BOUNDSHEET pointing at the sheet, EOF; sheet: BOF, two NUMBER cells, EOF.
        let mut globals = record(rt::BOF, &[0, 6, 5, 0]);
        let sheet_at = globals.len() + 4 + 9 + 4;
        globals.extend(record(rt::BOUNDSHEET, &[sheet_at as u8, 0, 0, 0, 0, 0, 1, 0, b'A']));
        globals.extend(record(rt::EOF, &[]));
        let number = |row: u16, col: u16| {
            let mut d = row.to_le_bytes().to_vec();
            d.extend(col.to_le_bytes());
            d.extend([0, 0]);
            d.extend(1.0f64.to_le_bytes());
            record(0x0203, &d)
        };
        let mut stream = globals;
        assert_eq!(stream.len(), sheet_at);
        stream.extend(record(rt::BOF, &[0, 6, 0x10, 0]));
        stream.extend(number(0, 0));
        stream.extend(number(65_535, 255));
        stream.extend(record(rt::EOF, &[]));
        let e = sanitize_stream(&mut stream.clone(), 1_000_000).expect_err("65 536 × 256 cells");
        assert!(matches!(e, Problem::TooManyCells(_)), "{e:?}");
        sanitize_stream(&mut stream, 20_000_000).expect("within a larger limit");
    }

    #[test]
    fn filepass_means_encrypted() {
        let mut stream = record(rt::BOF, &[0, 6, 5, 0]);
        stream.extend(record(rt::FILEPASS, &[1, 0, 1, 0]));
        stream.extend(record(rt::MERGECELLS, &[0xFF, 0xFF]));
        assert_eq!(sanitize_stream(&mut stream, 1000), Err(Problem::Encrypted));
    }

    #[test]
    fn dimensions_become_one_cell() {
        let mut stream = record(rt::DIMENSIONS, &[0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0xFF, 0, 0, 0]);
        sanitize_stream(&mut stream, 1000).expect("dimensions are neutralised");
        assert!(stream[4..16].iter().all(|&b| b == 0));
    }
}

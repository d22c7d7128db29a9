//! Our own xlsx reader over `zip` + `quick-xml`: every part read once, the hostile-file checks
//! that need the XML made while the cells are built (see [`crate::guard`] for the cheap checks on
//! the zip directory made before), and the progress of the read known from the bytes unpacked.
//!
//! Why not calamine's streaming reader (measured on a 200 000-row ledger, benches/import.rs):
//! calamine's cell read alone took 1.28× the time of inflating and tokenising the sheet (1.53×
//! on the 68 000-row Örebro ledger); it cannot give the merged cells in the same pass (its cell
//! reader stops at `</sheetData>`), it reserves memory from the shared strings' claimed count and
//! parses cell addresses with unchecked arithmetic, so the guard had to inflate and parse every
//! sheet once more before it. Reading the package ourselves needs none of that.
//!
//! Steps: `package` (sheets, parts, date system), `strings`, `styles`, then per sheet `sheet`
//! (cells, merges, checks) into `rows` (a grid, or after the first rows the table they begin,
//! streamed), values by `value`, text by `text`, parts by `part`.

mod fast;
#[cfg(test)]
mod fast_parity;
mod package;
mod part;
mod rows;
mod sheet;
mod strings;
mod styles;
mod text;
mod value;

use crate::error::ImportError;
use crate::progress::{Progress, READ_SHARE, ROWS_PER_REPORT, Stage};
use crate::workbook::{Budget, SheetRead, Sheets, wanted};
use crate::{ImportOptions, Observer};
use rows::{Collected, SheetRows};

/// Reads the wanted sheets of an xlsx/xlsm workbook (the guard has checked its zip directory).
///
/// # Errors
/// A damaged package or XML, a DOCTYPE, cells beyond the grid or the limits, a lying shared
/// strings count, more unpacked bytes than declared or allowed.
pub fn read(file: &str, bytes: &[u8], options: &ImportOptions, observe: Observer<'_>) -> Result<Sheets, ImportError> {
    let mut pkg = part::Package::open(file, bytes, options)?;
    let book = package::read(&mut pkg)?;
    let strings = strings::read(&mut pkg, &book.dir)?;
    let styles = styles::read(&mut pkg, &book.dir)?;
    let refs = sheet::Book { strings: &strings, styles: &styles };
    let mut out = Sheets { names: book.sheets.iter().map(|s| s.name.clone()).collect(), ..Sheets::default() };
    let chosen = choose(&book.sheets, options, &mut out.notes);
    let total: u64 = chosen.iter().map(|s| pkg.declared_size(&s.path).unwrap_or(0)).sum::<u64>().max(1);
    let mut reading =
        Reading { pkg, book: refs, budget: Budget::new(file, options), observe, done: 0, total, shown: 0.0 };
    let context = options.layout_context(file);
    for entry in chosen {
        let (cells, unpacked) = (reading.budget.cells(), reading.pkg.unpacked());
        let stream = Some((context, options.stream_after_rows as usize));
        let (collected, mut size) = reading.sheet(entry, SheetRows::new(&entry.name, stream))?;
        let read = match collected {
            Collected::Grid(grid) => SheetRead::Grid(grid),
            Collected::Tables(found) => SheetRead::Tables { sheet: entry.name.clone(), found },
            Collected::ReadAgain => {
                // Read again from the start, its cells and bytes counted once.
                reading.budget.rewind(cells);
                reading.pkg.rewind(unpacked);
                let collected;
                (collected, size) = reading.sheet(entry, SheetRows::new(&entry.name, None))?;
                SheetRead::Grid(collected.into_grid())
            }
        };
        reading.done += size;
        out.read.push(read);
    }
    Ok(out)
}

/// The workbook being read: its package, what its sheets refer to, the checks, and the
/// progress.
struct Reading<'r, 'b> {
    pkg: part::Package<'b>,
    book: sheet::Book<'r>,
    budget: Budget<'b>,
    observe: Observer<'r>,
    /// Bytes of the sheets unpacked so far, of `total`.
    done: u64,
    total: u64,
    /// The fraction last reported.
    shown: f32,
}

impl Reading<'_, '_> {
    /// Reads the sheet `entry` into `rows`; the sheet's bytes unpacked.
    fn sheet(&mut self, entry: &package::SheetEntry, rows: SheetRows<'_>) -> Result<(Collected, u64), ImportError> {
        let Some(mut part) = self.pkg.part(&entry.path)? else {
            return Err(ImportError::corrupt(
                self.pkg.file,
                format!("bladet '{}' saknas i paketet ({})", entry.name, entry.path),
            ));
        };
        let (done, total, observe, shown) = (self.done, self.total, &mut *self.observe, &mut self.shown);
        let mut progress = Progress::at(Stage::Reading { sheet: Some(entry.name.clone()) });
        // A sheet read again does not take the bar back.
        *shown = shown.max(fraction(done, total));
        progress.fraction = Some(*shown);
        observe(&progress);
        let mut next_report = ROWS_PER_REPORT;
        let mut rows_read = |row: u32, unpacked: u64| {
            if row >= next_report {
                *shown = shown.max(fraction(done + unpacked, total));
                progress.rows = u64::from(row);
                progress.fraction = Some(*shown);
                observe(&progress);
                next_report = row.saturating_add(ROWS_PER_REPORT);
            }
        };
        let collected = sheet::read(&mut part, &entry.name, &self.book, &mut self.budget, &mut rows_read, rows)?;
        Ok((collected, part.unpacked()))
    }
}

/// The share of the import done when `done` of the `total` bytes of the sheets are unpacked.
fn fraction(done: u64, total: u64) -> f32 {
    READ_SHARE * (done.min(total) as f32 / total as f32)
}

/// The sheets to read (at most `max_sheets`, the wanted ones, visible worksheets unless the user
/// named the sheet); notes for the sheets skipped.
fn choose<'s>(
    sheets: &'s [package::SheetEntry],
    options: &ImportOptions,
    notes: &mut Vec<String>,
) -> Vec<&'s package::SheetEntry> {
    let mut chosen = Vec::new();
    for sheet in sheets.iter().take(options.max_sheets) {
        if !wanted(&options.mapping, &sheet.name) {
            continue;
        }
        if !sheet.worksheet {
            notes.push(format!("Bladet '{}' är inget kalkylblad (diagram eller makro) och hoppades över.", sheet.name));
        } else if !sheet.visible && options.mapping.sheet.is_none() {
            notes.push(format!("Bladet '{}' är dolt och hoppades över.", sheet.name));
        } else {
            chosen.push(sheet);
        }
    }
    chosen
}

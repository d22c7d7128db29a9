//! A dataset packed for transport between a page and its workers ([`PackedDataset`]).
//!
//! A [`Dataset`] serialised as it is holds every cell as a small map (its value, the value's
//! type, its source cell), so a self-describing format such as CBOR spends most of its bytes, and
//! its reader most of its time, on field names: a 200 000-line ledger packs into 142 MB. Packed,
//! the same dataset is a few byte strings: one type byte per cell, the numbers as 8-byte floats,
//! each distinct text once with a 4-byte index per cell, and only the source cells that are not
//! where the row and column say (a filled-down label, a label column combined from several).
//!
//! The rows go in blocks of [`BLOCK_ROWS`]. [`PackedDataset::packing`] serialises a dataset
//! block by block, so the sender never holds more than one block packed (its WebAssembly memory
//! does not grow by the size of the job); it writes the same bytes as serialising
//! [`PackedDataset::pack`]. [`PackedDataset::unpack`] gives back a dataset equal to the one
//! packed, its repeated texts shared again.

use crate::dataset::{Cell, CellRef, ColumnMeta, Dataset, DatasetKind, RowKind, SourceFile, Value};
use crate::rows::{RowHead, RowRef, Rows};
use crate::unit::Unit;
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};
use serde_bytes::ByteBuf;
use std::collections::HashMap;
use std::sync::Arc;

/// The rows in one block.
pub const BLOCK_ROWS: usize = 4096;

/// A [`Dataset`] in the compact form made for transport ([`PackedDataset::pack`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackedDataset {
    source: SourceFile,
    title: String,
    kind: DatasetKind,
    unit: Option<Unit>,
    range: Option<(CellRef, CellRef)>,
    columns: Vec<ColumnMeta>,
    /// Each distinct text (and missing marker) once.
    texts: Vec<Arc<str>>,
    blocks: Vec<PackedBlock>,
}

/// [`BLOCK_ROWS`] rows (fewer in the last block): their own fields and their cells.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
struct PackedBlock {
    rows: PackedRows,
    cells: PackedCells,
}

/// The rows' own fields, one entry per row.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
struct PackedRows {
    /// [`RowKind`] as a byte.
    kinds: ByteBuf,
    levels: ByteBuf,
    /// u32, little-endian.
    source_rows: ByteBuf,
}

/// The block's cells, row after row.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
struct PackedCells {
    /// One [`Tag`] per cell.
    tags: ByteBuf,
    /// The value of each number cell, f64 little-endian.
    numbers: ByteBuf,
    /// For each text cell and each missing marker: its index in the dataset's texts, u32
    /// little-endian.
    text_ids: ByteBuf,
    /// The cells whose source cell is not the row's source row in the column's source column.
    moved: Vec<Moved>,
}

/// A cell whose source is elsewhere, or none (a value the import computed). `row` counts from
/// the dataset's first row.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct Moved {
    row: u32,
    col: u32,
    at: Option<CellRef>,
}

/// What a cell holds, as a byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Tag {
    Empty = 0,
    Number = 1,
    Preliminary = 2,
    Text = 3,
    Marker = 4,
}

impl Tag {
    fn from_byte(byte: u8) -> Option<Self> {
        [Tag::Empty, Tag::Number, Tag::Preliminary, Tag::Text, Tag::Marker].into_iter().find(|t| *t as u8 == byte)
    }
}

/// Why packed bytes do not make a dataset: they were damaged, or packed by another version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the packed dataset is damaged: {0}")]
pub struct UnpackError(&'static str);

impl PackedDataset {
    /// Packs `dataset`, every block at once (see [`PackedDataset::packing`] to serialise it
    /// without).
    pub fn pack(dataset: &Dataset) -> Self {
        let texts = TextTable::of(dataset);
        Self {
            source: dataset.source.clone(),
            title: dataset.title.clone(),
            kind: dataset.kind,
            unit: dataset.unit.clone(),
            range: dataset.range,
            columns: dataset.columns.clone(),
            texts: texts.texts.iter().map(|t| Arc::from(*t)).collect(),
            blocks: (0..block_count(dataset)).map(|b| PackedBlock::pack(dataset, b, &texts)).collect(),
        }
    }

    /// `dataset` to serialise packed, one block at a time: the same bytes as serialising
    /// [`PackedDataset::pack`], without holding every block.
    pub fn packing(dataset: &Dataset) -> Packing<'_> {
        Packing { dataset, texts: TextTable::of(dataset) }
    }

    /// The file (and sheet) the packed dataset came from.
    pub fn source(&self) -> &SourceFile {
        &self.source
    }

    /// The dataset that was packed.
    pub fn unpack(self) -> Result<Dataset, UnpackError> {
        let row_count = self.blocks.iter().map(|b| b.rows.kinds.len()).sum();
        let mut rows = Rows::with_capacity(&self.columns, row_count);
        for block in &self.blocks {
            unpack_block(block, &self.texts, &self.columns, &mut rows)?;
        }
        Ok(Dataset {
            source: self.source,
            title: self.title,
            kind: self.kind,
            unit: self.unit,
            range: self.range,
            columns: self.columns,
            rows,
        })
    }
}

/// A dataset being serialised packed ([`PackedDataset::packing`]).
#[derive(Debug)]
pub struct Packing<'a> {
    dataset: &'a Dataset,
    texts: TextTable<'a>,
}

impl Packing<'_> {
    /// The file (and sheet) the dataset came from.
    pub fn source(&self) -> &SourceFile {
        &self.dataset.source
    }
}

impl Serialize for Packing<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = self.dataset;
        let mut out = serializer.serialize_struct("PackedDataset", 8)?;
        out.serialize_field("source", &d.source)?;
        out.serialize_field("title", &d.title)?;
        out.serialize_field("kind", &d.kind)?;
        out.serialize_field("unit", &d.unit)?;
        out.serialize_field("range", &d.range)?;
        out.serialize_field("columns", &d.columns)?;
        out.serialize_field("texts", &self.texts.texts)?;
        out.serialize_field("blocks", &Blocks(self))?;
        out.end()
    }
}

/// The blocks of a [`Packing`], each packed as it is written.
struct Blocks<'p, 'a>(&'p Packing<'a>);

impl Serialize for Blocks<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Packing { dataset, texts } = self.0;
        let count = block_count(dataset);
        let mut seq = serializer.serialize_seq(Some(count))?;
        for b in 0..count {
            seq.serialize_element(&PackedBlock::pack(dataset, b, texts))?;
        }
        seq.end()
    }
}

fn block_count(dataset: &Dataset) -> usize {
    dataset.rows.len().div_ceil(BLOCK_ROWS)
}

/// Each distinct text and missing marker of a dataset, numbered in the order first met.
#[derive(Debug, Default)]
struct TextTable<'a> {
    index: HashMap<&'a str, u32>,
    texts: Vec<&'a str>,
}

impl<'a> TextTable<'a> {
    fn of(dataset: &'a Dataset) -> Self {
        let mut table = Self::default();
        for value in dataset.rows.all_values() {
            if let Some(text) = text_of(value) {
                let next = u32_of(table.texts.len());
                if *table.index.entry(text).or_insert(next) == next {
                    table.texts.push(text);
                }
            }
        }
        table
    }

    fn id(&self, text: &str) -> u32 {
        // Every text of the dataset was numbered by `of`.
        self.index.get(text).copied().unwrap_or(u32::MAX)
    }
}

/// The text of a text cell or a missing marker.
fn text_of(value: &Value) -> Option<&str> {
    match value {
        Value::Text(text) => Some(text),
        Value::Missing { marker: Some(marker) } => Some(marker),
        _ => None,
    }
}

impl PackedBlock {
    /// Block `b` of `dataset`.
    fn pack(dataset: &Dataset, b: usize, texts: &TextTable<'_>) -> Self {
        let first = b * BLOCK_ROWS;
        let mut block = Self::default();
        for row in dataset.rows.iter().skip(first).take(BLOCK_ROWS) {
            block.rows.push(row);
            for (c, value) in row.values().enumerate() {
                let expected = dataset.columns.get(c).map(|col| CellRef::new(row.source_row(), col.source_col));
                block.cells.push(value, row.at(c), expected, texts, (row.index(), c));
            }
        }
        block
    }
}

impl PackedRows {
    fn push(&mut self, row: RowRef<'_>) {
        self.kinds.push(row_kind_byte(row.kind()));
        self.levels.push(row.level());
        self.source_rows.extend_from_slice(&row.source_row().to_le_bytes());
    }
}

impl PackedCells {
    fn push(
        &mut self,
        value: &Value,
        at: Option<CellRef>,
        expected: Option<CellRef>,
        texts: &TextTable<'_>,
        (row, col): (usize, usize),
    ) {
        let tag = match value {
            Value::Missing { marker: None } => Tag::Empty,
            Value::Missing { marker: Some(_) } => Tag::Marker,
            Value::Number { preliminary: false, .. } => Tag::Number,
            Value::Number { preliminary: true, .. } => Tag::Preliminary,
            Value::Text(_) => Tag::Text,
        };
        if let Some(number) = value.as_f64() {
            self.numbers.extend_from_slice(&number.to_le_bytes());
        }
        if let Some(text) = text_of(value) {
            self.text_ids.extend_from_slice(&texts.id(text).to_le_bytes());
        }
        self.tags.push(tag as u8);
        if expected.is_none() || at != expected {
            self.moved.push(Moved { row: u32_of(row), col: u32_of(col), at });
        }
    }
}

/// Block `block`'s rows, their cells read back in order, appended to `out`.
fn unpack_block(
    block: &PackedBlock,
    texts: &[Arc<str>],
    columns: &[ColumnMeta],
    out: &mut Rows,
) -> Result<(), UnpackError> {
    let rows = &block.rows;
    let count = rows.kinds.len();
    let source_rows = u32s(&rows.source_rows)?;
    if rows.levels.len() != count || source_rows.len() != count {
        return Err(UnpackError("the rows' fields differ in length"));
    }
    let mut reader = CellReader::new(&block.cells, texts)?;
    for ((&source_row, &kind), &level) in source_rows.iter().zip(rows.kinds.iter()).zip(rows.levels.iter()) {
        let index = out.len();
        for (c, column) in columns.iter().enumerate() {
            let Cell { value, at } = reader.next(Some(CellRef::new(source_row, column.source_col)), (index, c))?;
            out.push_value(c, value, at, source_row);
        }
        out.end_row(RowHead { source_row, kind: row_kind_of(kind)?, level });
    }
    reader.finish()
}

/// Reads [`PackedCells`] back, cell after cell.
struct CellReader<'a> {
    tags: std::slice::Iter<'a, u8>,
    numbers: std::slice::ChunksExact<'a, u8>,
    text_ids: Vec<u32>,
    next_text: usize,
    texts: &'a [Arc<str>],
    moved: std::iter::Peekable<std::slice::Iter<'a, Moved>>,
}

impl<'a> CellReader<'a> {
    fn new(cells: &'a PackedCells, texts: &'a [Arc<str>]) -> Result<Self, UnpackError> {
        if !cells.numbers.len().is_multiple_of(8) {
            return Err(UnpackError("the numbers are not whole"));
        }
        Ok(Self {
            tags: cells.tags.iter(),
            numbers: cells.numbers.chunks_exact(8),
            text_ids: u32s(&cells.text_ids)?,
            next_text: 0,
            texts,
            moved: cells.moved.iter().peekable(),
        })
    }

    /// The next cell, whose source is `at` unless it is listed as moved.
    fn next(&mut self, at: Option<CellRef>, (row, col): (usize, usize)) -> Result<Cell, UnpackError> {
        let tag = self.tags.next().ok_or(UnpackError("fewer cells than the rows hold"))?;
        let value = match Tag::from_byte(*tag).ok_or(UnpackError("a cell of an unknown type"))? {
            Tag::Empty => Value::empty(),
            Tag::Marker => Value::Missing { marker: Some(self.text()?.to_string()) },
            Tag::Text => Value::Text(self.text()?),
            Tag::Number => Value::number(self.number()?),
            Tag::Preliminary => Value::Number { value: self.number()?, preliminary: true },
        };
        let moved = self.moved.next_if(|m| (m.row as usize, m.col as usize) == (row, col));
        Ok(Cell { value, at: moved.map_or(at, |m| m.at) })
    }

    fn number(&mut self) -> Result<f64, UnpackError> {
        let bytes = self.numbers.next().ok_or(UnpackError("fewer numbers than number cells"))?;
        let mut eight = [0; 8];
        eight.copy_from_slice(bytes);
        Ok(f64::from_le_bytes(eight))
    }

    fn text(&mut self) -> Result<Arc<str>, UnpackError> {
        let id = self.text_ids.get(self.next_text).ok_or(UnpackError("fewer texts than text cells"))?;
        self.next_text += 1;
        self.texts.get(*id as usize).cloned().ok_or(UnpackError("a text index out of range"))
    }

    /// Every part read to its end: nothing left over.
    fn finish(mut self) -> Result<(), UnpackError> {
        let all_read = self.tags.next().is_none()
            && self.numbers.next().is_none()
            && self.next_text == self.text_ids.len()
            && self.moved.next().is_none();
        if all_read { Ok(()) } else { Err(UnpackError("more cells than the rows hold")) }
    }
}

fn row_kind_byte(kind: RowKind) -> u8 {
    match kind {
        RowKind::Data => 0,
        RowKind::Subtotal => 1,
        RowKind::Total => 2,
    }
}

fn row_kind_of(byte: u8) -> Result<RowKind, UnpackError> {
    match byte {
        0 => Ok(RowKind::Data),
        1 => Ok(RowKind::Subtotal),
        2 => Ok(RowKind::Total),
        _ => Err(UnpackError("a row of an unknown kind")),
    }
}

/// Little-endian u32s.
fn u32s(bytes: &[u8]) -> Result<Vec<u32>, UnpackError> {
    if !bytes.len().is_multiple_of(4) {
        return Err(UnpackError("a list of indices is not whole"));
    }
    Ok(bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
}

/// A count or index as u32: a sheet has at most 1 048 576 rows and 16 384 columns, and a dataset
/// at most as many cells as its sheet, so this never saturates for an imported dataset.
fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of value, a filled-down label (its source is the cell above), a computed value
    /// (no source) and a short row.
    fn assorted() -> Dataset {
        let columns = vec![
            ColumnMeta::new("Enhet", Some(crate::ColumnRole::OrgUnit), 1),
            ColumnMeta::new("Utfall", Some(crate::ColumnRole::Outcome), 3),
        ];
        let at = |r, c| Some(CellRef::new(r, c));
        let cell = |value, at| Cell { value, at };
        let head = |source_row, kind, level| RowHead { source_row, kind, level };
        let mut rows = Rows::new(&columns);
        rows.push(
            head(4, RowKind::Data, 1),
            [cell(Value::text("Vård"), at(4, 1)), cell(Value::number(-12.5), at(4, 3))],
        );
        rows.push(
            head(5, RowKind::Subtotal, 0),
            [cell(Value::text("Vård"), at(4, 1)), cell(Value::Number { value: f64::NAN, preliminary: true }, at(5, 3))],
        );
        rows.push(
            head(6, RowKind::Total, 0),
            [cell(Value::Missing { marker: Some("..".into()) }, at(6, 1)), cell(Value::empty(), None)],
        );
        rows.push(head(7, RowKind::Data, 2), [cell(Value::text("Kort"), at(7, 1))]);
        rows.push(head(8, RowKind::Data, 0), [cell(Value::text("x"), at(8, 1)), cell(Value::number(1.0), at(8, 3))]);
        Dataset {
            source: SourceFile { file: "a.xlsx".into(), sheet: Some("Blad1".into()) },
            title: "Drift".into(),
            kind: DatasetKind::Budget,
            unit: Some(Unit::Tkr),
            range: Some((CellRef::new(3, 1), CellRef::new(8, 3))),
            columns,
            rows,
        }
    }

    /// Equal, NaN included: compared through their debug text.
    fn same(a: &Dataset, b: &Dataset) -> bool {
        format!("{a:?}") == format!("{b:?}")
    }

    #[test]
    fn a_dataset_unpacks_as_it_was_packed() {
        let dataset = assorted();
        let back = PackedDataset::pack(&dataset).unpack().expect("unpacks");
        assert!(same(&back, &dataset), "{back:#?}");
    }

    /// Rows enough for three blocks, with a moved cell in the last one.
    fn long() -> Dataset {
        let mut dataset = assorted();
        let count = 2 * BLOCK_ROWS + 7;
        let mut rows = Rows::new(&dataset.columns);
        for i in 0..count {
            let source_row = u32_of(i + 4);
            let label_at = if i + 1 == count { CellRef::new(0, 0) } else { CellRef::new(source_row, 1) };
            rows.push(
                RowHead { source_row, kind: RowKind::Data, level: 1 },
                [
                    Cell::new(Value::text("Vård"), label_at),
                    Cell::new(Value::number(i as f64), CellRef::new(source_row, 3)),
                ],
            );
        }
        dataset.rows = rows;
        dataset
    }

    #[test]
    fn rows_over_several_blocks_unpack_in_order() {
        let dataset = long();
        let packed = PackedDataset::pack(&dataset);
        assert_eq!(packed.blocks.len(), 3);
        let back = packed.unpack().expect("unpacks");
        assert!(same(&back, &dataset));
    }

    #[test]
    fn packing_block_by_block_writes_what_pack_writes() {
        for dataset in [assorted(), long()] {
            let streamed = serde_json::to_string(&PackedDataset::packing(&dataset)).expect("serialises");
            let whole = serde_json::to_string(&PackedDataset::pack(&dataset)).expect("serialises");
            assert_eq!(streamed, whole);
            let read: PackedDataset = serde_json::from_str(&streamed).expect("reads back");
            assert!(same(&read.unpack().expect("unpacks"), &dataset));
        }
    }

    #[test]
    fn a_text_is_packed_once_and_shared_again() {
        let packed = PackedDataset::pack(&assorted());
        assert_eq!(packed.texts.len(), 4, "Vård, .., Kort, x");
        let back = packed.unpack().expect("unpacks");
        let (Some(Value::Text(a)), Some(Value::Text(b))) = (back.value(0, 0), back.value(1, 0)) else {
            panic!("texts");
        };
        assert!(Arc::ptr_eq(a, b), "one allocation for a repeated text");
    }

    #[test]
    fn only_cells_out_of_place_are_listed() {
        let packed = PackedDataset::pack(&assorted());
        let moved: Vec<_> = packed.blocks.iter().flat_map(|b| &b.cells.moved).map(|m| (m.row, m.col)).collect();
        assert_eq!(moved, [(1, 0), (2, 1)], "the filled-down label, the computed value");
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let good = PackedDataset::pack(&assorted());
        let mut short = good.clone();
        short.blocks[0].cells.tags.pop();
        let mut unknown = good.clone();
        unknown.blocks[0].cells.tags[0] = 9;
        let mut ragged = good.clone();
        ragged.blocks[0].cells.numbers.pop();
        let mut index = good.clone();
        index.texts.truncate(1);
        let mut extra = good;
        extra.blocks[0].cells.tags.push(0);
        for (name, packed) in
            [("short", short), ("unknown", unknown), ("ragged", ragged), ("index", index), ("extra", extra)]
        {
            assert!(packed.unpack().is_err(), "{name}");
        }
    }
}

//! Tables longer than the rows layout detection decides from (the first 2 000 data rows): what
//! is decided there holds for every row below, and a column empty there is still looked at.

use uppfolj_import::{ImportOptions, import_bytes};
use uppfolj_model::{CellRef, ColumnRole, Dataset, Value};

/// More rows than the sample.
const ROWS: usize = 3_000;

fn import_csv(text: &str) -> Dataset {
    let import = import_bytes("lang.csv", text.as_bytes(), &ImportOptions::default()).expect("imports");
    assert_eq!(import.datasets.len(), 1);
    (*import.datasets[0]).clone()
}

#[test]
fn a_group_written_once_over_its_rows_is_filled_down_to_the_last_row() {
    let mut csv = String::from("Förvaltning;Verksamhet;Utfall\n");
    for i in 0..ROWS {
        let group = if i % 10 == 0 { format!("Förvaltning {}", i / 10) } else { String::new() };
        csv.push_str(&format!("{group};Verksamhet {i};{}\n", i + 1));
    }
    let d = import_csv(&csv);
    assert_eq!(d.rows.len(), ROWS);
    let last = d.rows.get(ROWS - 1).expect("the last row");
    assert_eq!(last.value(0).cloned().expect("a value"), Value::text(format!("Förvaltning {}", (ROWS - 1) / 10)));
    // The filled cell names the cell it was filled from.
    let from = CellRef::new(u32::try_from(ROWS - 10 + 1).expect("fits"), 0);
    assert_eq!(last.at(0), Some(from));
    assert_eq!(last.value(2).cloned().expect("a value"), Value::number(ROWS as f64));
}

#[test]
fn a_column_empty_in_the_first_rows_is_read_from_the_rows_below() {
    // Kolada's municipality ids ("0180" Stockholm) in a column without a header word, filled
    // only after the first 2 000 rows.
    let ids = ["0180", "1480", "1280", "0380"];
    let mut csv = String::from("Verksamhet;Nyckel;Utfall\n");
    for i in 0..ROWS {
        let id = if i < 2_500 { "" } else { ids[i % ids.len()] };
        csv.push_str(&format!("Verksamhet {i};{id};{}\n", i + 1));
    }
    let d = import_csv(&csv);
    assert_eq!(d.columns[1].role, Some(ColumnRole::RegionId), "{:?}", d.columns[1]);
    assert_eq!(d.rows.value(2_500, 1).cloned().expect("a value"), Value::text(ids[2_500 % ids.len()]));
}

//! Generated ledgers: a year of ERP ledger lines with Swedish headers (Förvaltning, Verksamhet,
//! Konto, Motpart/Leverantör, Bokföringsdatum, Period, Budget, Utfall, …), 12 columns, seeded and
//! deterministic: the same rows and seed give the same xlsx bytes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// The 12 headers, as an ERP export names them.
pub const HEADERS: [&str; 12] = [
    "Förvaltning",
    "Verksamhet",
    "Ansvar",
    "Projekt",
    "Konto",
    "Kontonamn",
    "Motpart/Leverantör",
    "Bokföringsdatum",
    "Period",
    "Verifikation",
    "Budget",
    "Utfall",
];

const FORVALTNINGAR: [&str; 8] = [
    "Barn- och utbildningsförvaltningen",
    "Socialförvaltningen",
    "Vård- och omsorgsförvaltningen",
    "Kultur- och fritidsförvaltningen",
    "Samhällsbyggnadsförvaltningen",
    "Kommunledningsförvaltningen",
    "Miljöförvaltningen",
    "Arbetsmarknadsförvaltningen",
];

const VERKSAMHETER: [&str; 12] = [
    "Förskola",
    "Grundskola",
    "Gymnasieskola",
    "Individ- och familjeomsorg",
    "Hemtjänst",
    "Särskilt boende",
    "Bibliotek",
    "Idrottsanläggningar",
    "Gator och vägar",
    "Lokalförsörjning",
    "Miljötillsyn",
    "Arbetsmarknadsåtgärder",
];

const KONTON: [(u32, &str); 12] = [
    (4010, "Inköp av material"),
    (4110, "Livsmedel"),
    (5010, "Lokalhyror"),
    (5410, "Förbrukningsinventarier"),
    (5611, "Bilkostnader"),
    (6110, "Kontorsmaterial"),
    (6212, "Telefoni"),
    (6420, "Konsulttjänster"),
    (6550, "IT-tjänster"),
    (7010, "Löner månadsavlönade"),
    (7510, "Arbetsgivaravgifter"),
    (3010, "Försäljning av tjänster"),
];

const SUPPLIERS: usize = 400;

/// Writes a ledger of `rows` lines (plus the header row) from `seed` as xlsx bytes.
pub fn ledger_xlsx(rows: u32, seed: u64) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // A fixed creation time: the same rows and seed must give the same bytes.
    let created = ExcelDateTime::from_ymd(2024, 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = workbook.add_worksheet();
    sheet.set_name("Huvudbok")?;
    for (col, header) in (0u16..).zip(HEADERS) {
        sheet.write_string(0, col, header)?;
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let mut rng = fastrand::Rng::with_seed(seed);
    for row in 1..=rows {
        write_line(sheet, row, &mut rng, &date)?;
    }
    workbook.save_to_buffer()
}

/// One ledger line: a unit, an account, a supplier, a day of 2024, budget and outcome.
fn write_line(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    rng: &mut fastrand::Rng,
    date: &Format,
) -> Result<(), XlsxError> {
    let f = rng.usize(..FORVALTNINGAR.len());
    let v = (f + rng.usize(..3)) % VERKSAMHETER.len();
    let (konto, kontonamn) = KONTON[rng.usize(..KONTON.len())];
    let month = rng.u8(1..=12);
    let day = rng.u8(1..=28);
    sheet.write_string(row, 0, FORVALTNINGAR[f])?;
    sheet.write_string(row, 1, format!("{} {}", 100 + v * 10, VERKSAMHETER[v]))?;
    sheet.write_number(row, 2, f64::from(1000 + rng.u32(..200)))?;
    if rng.u8(..4) == 0 {
        sheet.write_string(row, 3, format!("P{:04}", rng.u16(..60)))?;
    }
    sheet.write_number(row, 4, f64::from(konto))?;
    sheet.write_string(row, 5, kontonamn)?;
    sheet.write_string(row, 6, format!("Leverantör {:03} AB", rng.usize(..SUPPLIERS)))?;
    sheet.write_datetime_with_format(row, 7, ExcelDateTime::from_ymd(2024, month, day)?, date)?;
    sheet.write_number(row, 8, f64::from(202_400 + u32::from(month)))?;
    sheet.write_number(row, 9, f64::from(row))?;
    let budget = f64::from(rng.u32(1_000..2_000_000)) / 100.0;
    let outcome = budget * (0.7 + rng.f64() * 0.6);
    sheet.write_number(row, 10, budget)?;
    sheet.write_number(row, 11, (outcome * 100.0).round() / 100.0)?;
    Ok(())
}

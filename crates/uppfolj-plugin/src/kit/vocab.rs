//! The Swedish vocabulary of follow-up tables: total and subtotal rows, months and periods,
//! years. (To be replaced by `uppfolj_model::vocab`, shared with the import.)

/// Swedish month names, full and abbreviated, January first.
pub const MONTHS: [(&str, &str); 12] = [
    ("januari", "jan"),
    ("februari", "feb"),
    ("mars", "mar"),
    ("april", "apr"),
    ("maj", "maj"),
    ("juni", "jun"),
    ("juli", "jul"),
    ("augusti", "aug"),
    ("september", "sep"),
    ("oktober", "okt"),
    ("november", "nov"),
    ("december", "dec"),
];

/// The full Swedish name of month `m` (1–12).
pub fn month_name(m: u32) -> &'static str {
    MONTHS.get((m.clamp(1, 12) - 1) as usize).map_or("december", |(full, _)| full)
}

/// "januari–augusti" for 8 months, "januari" for 1, "helåret" for 12.
pub fn period_text(months: Option<u32>) -> String {
    match months {
        Some(12) => "helåret".to_owned(),
        Some(1) => "januari".to_owned(),
        Some(m) => format!("januari–{}", month_name(m)),
        None => "perioden".to_owned(),
    }
}

/// The last month named in `text` ("Utfall jan–aug" → 8, "januari–augusti 2024" → 8,
/// "Bokslut 2023" / "helår" → 12). `None` when no month is named.
pub fn months_in_text(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    let mut last = None;
    for token in lower.split(|c: char| !c.is_alphabetic()) {
        if token.is_empty() {
            continue;
        }
        if let Some(i) = MONTHS.iter().position(|(full, abbr)| {
            token == *full || token == *abbr || (*abbr == "sep" && token == "sept") || token == format!("{abbr}.")
        }) {
            last = Some(i as u32 + 1);
        }
    }
    if last.is_none() && (lower.contains("helår") || lower.contains("bokslut") || lower.contains("årsbudget")) {
        return Some(12);
    }
    last
}

/// Whether a header names a part of the year ("Budget jan–aug", "Ack. utfall", "Utfall perioden").
pub fn is_period_header(text: &str) -> bool {
    let lower = text.to_lowercase();
    let named_month = months_in_text(&lower)
        .is_some_and(|_| !lower.contains("helår") && !lower.contains("årsbudget") && !lower.contains("bokslut"));
    named_month || lower.contains("ack") || lower.contains("period") || lower.contains("hittills")
}

/// Whether a header names the whole year ("Årsbudget", "Helårsbudget", "Budget helår").
pub fn is_annual_header(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("årsbudget") || lower.contains("helår") || lower.contains("bokslut") || lower.contains("år ")
}

/// Normalised label: lower case, single spaces, without trailing colon.
pub fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(':').to_lowercase()
}

/// Whether a row label names the grand total of a table ("Summa", "Totalt", "Summa totalt").
pub fn is_total_label(label: &str) -> bool {
    let n = norm(label);
    matches!(n.as_str(), "summa" | "totalt" | "total" | "totalsumma" | "summa totalt" | "total summa" | "samtliga")
        || n.starts_with("summa totalt")
        || n.starts_with("totalt för")
        || n.starts_with("summa nämnd")
        || n.starts_with("summa förvaltning")
}

/// Whether a row label names a subtotal ("Delsumma", "Summa Närsjukvård").
pub fn is_subtotal_label(label: &str) -> bool {
    let n = norm(label);
    !is_total_label(label) && (n.starts_with("delsumma") || n.starts_with("summa ") || n.starts_with("totalt "))
}

/// A year written in a header or a cell ("2024", "Bokslut 2023").
pub fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse::<i32>().ok())
        .find(|y| (1990..=2100).contains(y))
}

/// Whether a number is a year (a whole number in 1990–2100), as in a year row of a table.
pub fn is_year_number(value: f64) -> bool {
    value.fract() == 0.0 && (1990.0..=2100.0).contains(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_months_in_swedish_period_texts() {
        assert_eq!(months_in_text("Utfall jan–aug"), Some(8));
        assert_eq!(months_in_text("driftredovisning januari–augusti 2024"), Some(8));
        assert_eq!(months_in_text("Ack utfall mars"), Some(3));
        assert_eq!(months_in_text("Budget helår"), Some(12));
        assert_eq!(months_in_text("Budget"), None);
        assert!(is_period_header("Budget jan–aug"));
        assert!(!is_period_header("Årsbudget"));
        assert!(is_annual_header("Årsbudget"));
        assert_eq!(period_text(Some(8)), "januari–augusti");
    }

    #[test]
    fn recognises_total_rows_but_not_subtotals() {
        assert!(is_total_label("Summa"));
        assert!(is_total_label("SUMMA TOTALT"));
        assert!(is_total_label("Totalt:"));
        assert!(!is_total_label("Summa Närsjukvård"));
        assert!(is_subtotal_label("Summa Närsjukvård"));
        assert!(is_subtotal_label("Delsumma"));
        assert!(!is_subtotal_label("Folktandvården"));
    }

    #[test]
    fn reads_years() {
        assert_eq!(year_in("Bokslut 2023"), Some(2023));
        assert!(is_year_number(2024.0));
        assert!(!is_year_number(2024.5));
    }
}

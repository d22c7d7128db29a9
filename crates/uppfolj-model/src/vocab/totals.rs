//! Sum rows: the words that mark a row as a total or a subtotal ("Summa", "Totalt", "S:a",
//! "Delsumma", Kolada's "Alla kommuner").
//!
//! Two readings share this vocabulary. The import sees a whole table, so it only asks whether a
//! label names a sum ([`sum_word`]) and decides by position which sum closes the table. A plugin
//! reads one label at a time, so it asks whether the label alone names the grand total
//! ([`is_total_label`]: "Summa", "Summa totalt") or a part ([`is_subtotal_label`]: "Summa
//! Närsjukvård", "Delsumma").

use super::labels::{norm, normalise};

/// Words that make a label a sum when it starts with one, or ends with one after a space
/// ("Summa kostnader", "Verksamhet totalt").
const SUM_WORDS: &[&str] =
    &["summa", "totalt", "total", "totalsumma", "s:a", "alla kommuner", "samtliga kommuner", "riket totalt"];

/// The beginning of a label that names a part, never the whole ("Delsumma", "Delsum A").
const PART_PREFIX: &str = "delsum";

/// Labels that on their own name a table's grand total.
const GRAND_TOTALS: &[&str] = &["summa", "totalt", "total", "totalsumma", "summa totalt", "total summa", "samtliga"];

/// Beginnings of labels that name a grand total ("Summa totalt driften", "Totalt för nämnden").
const GRAND_TOTAL_PREFIXES: &[&str] = &["summa totalt", "totalt för", "summa nämnd", "summa förvaltning"];

/// Beginnings of labels that name a subtotal when they are not a grand total.
const SUBTOTAL_PREFIXES: &[&str] = &["delsumma", "summa ", "totalt "];

/// What a sum word in a label says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SumWord {
    /// "Summa …", "Totalt", "S:a …", "Alla kommuner": a sum, the table's total or, when a later
    /// sum closes the table, a subtotal.
    Sum,
    /// "Delsumma …": always a subtotal.
    Part,
}

/// Whether `label` names a sum, and which kind; `None` for an ordinary label. Used by the import,
/// which then takes the table's last [`SumWord::Sum`] as its total.
pub fn sum_word(label: &str) -> Option<SumWord> {
    let l = normalise(label);
    if l.starts_with(PART_PREFIX) {
        return Some(SumWord::Part);
    }
    SUM_WORDS.iter().any(|w| l.starts_with(w) || l.ends_with(&format!(" {w}"))).then_some(SumWord::Sum)
}

/// Whether a row label names the grand total of a table ("Summa", "Totalt", "Summa totalt").
pub fn is_total_label(label: &str) -> bool {
    let n = norm(label);
    GRAND_TOTALS.contains(&n.as_str()) || GRAND_TOTAL_PREFIXES.iter().any(|p| n.starts_with(p))
}

/// Whether a row label names a subtotal ("Delsumma", "Summa Närsjukvård").
pub fn is_subtotal_label(label: &str) -> bool {
    let n = norm(label);
    !is_total_label(label) && SUBTOTAL_PREFIXES.iter().any(|p| n.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_total_rows_but_not_subtotals() {
        assert!(is_total_label("Summa"));
        assert!(is_total_label("SUMMA TOTALT"));
        assert!(is_total_label("Totalt:"));
        assert!(is_total_label("Totalt för nämnden"));
        assert!(is_total_label("Samtliga"));
        assert!(!is_total_label("Summa Närsjukvård"));
        assert!(is_subtotal_label("Summa Närsjukvård"));
        assert!(is_subtotal_label("Delsumma"));
        assert!(!is_subtotal_label("Folktandvården"));
        assert!(!is_subtotal_label("Summa totalt"));
    }

    #[test]
    fn sum_words_for_the_import() {
        assert_eq!(sum_word("Summa"), Some(SumWord::Sum));
        assert_eq!(sum_word("Summa Närsjukvård"), Some(SumWord::Sum));
        assert_eq!(sum_word("S:a kostnader"), Some(SumWord::Sum));
        assert_eq!(sum_word("Verksamhet  totalt"), Some(SumWord::Sum));
        assert_eq!(sum_word("Alla kommuner"), Some(SumWord::Sum));
        assert_eq!(sum_word("Delsumma A"), Some(SumWord::Part));
        assert_eq!(sum_word("Skola"), None);
        assert_eq!(sum_word("Samtliga"), None);
    }
}

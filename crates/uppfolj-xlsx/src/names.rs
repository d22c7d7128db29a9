//! Names Excel is strict about: sheet names and table names.

use std::collections::HashSet;

/// Excel's limit on the length of a sheet name, in UTF-16 units (Swedish letters count as one).
const MAX_SHEET_NAME: usize = 31;

/// Makes `title` a valid sheet name: no `[ ] : * ? / \`, no leading or trailing apostrophe, at
/// most 31 characters, not empty and not the reserved name "History".
pub fn sanitize_sheet_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .filter(|c| !matches!(c, ':' | '*' | '?'))
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            '/' | '\\' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let collapsed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = collapsed.trim_matches('\'').trim();
    let mut name = truncate_utf16(trimmed, MAX_SHEET_NAME).trim_end();
    // Cut at a word boundary when that keeps most of the name.
    if name.len() < trimmed.len()
        && let Some(space) = name.rfind(' ')
        && name[..space].chars().count() >= 20
    {
        name = name[..space].trim_end_matches([' ', '-', ',', '–']);
    }
    let name = name.to_owned();
    if name.is_empty() || name.eq_ignore_ascii_case("history") { "Blad".to_owned() } else { name }
}

/// The longest prefix of `s` within `max` UTF-16 units.
fn truncate_utf16(s: &str, max: usize) -> &str {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > max {
            return &s[..i];
        }
    }
    s
}

/// Hands out unique sheet names (Excel compares them case-insensitively).
#[derive(Debug, Default)]
pub struct SheetNames {
    taken: HashSet<String>,
}

impl SheetNames {
    /// No names taken yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// A valid sheet name for `title`, different from every name handed out before: a repeated
    /// name gets " (2)", " (3)"… within the 31-character limit.
    pub fn claim(&mut self, title: &str) -> String {
        let base = sanitize_sheet_name(title);
        let mut candidate = base.clone();
        let mut n = 2;
        while self.taken.contains(&candidate.to_lowercase()) {
            let suffix = format!(" ({n})");
            let room = MAX_SHEET_NAME - suffix.len();
            candidate = format!("{}{suffix}", truncate_utf16(&base, room).trim_end());
            n += 1;
        }
        self.taken.insert(candidate.to_lowercase());
        candidate
    }
}

/// Unique, valid names for Excel tables ("Tabell_drift", "Tabell_drift_2").
#[derive(Debug, Default)]
pub(crate) struct TableNames {
    taken: HashSet<String>,
}

impl TableNames {
    /// A table name built from `id`: letters, digits and underscores only, starting with
    /// "Tabell_" so that it never looks like a cell reference.
    pub(crate) fn claim(&mut self, id: &str) -> String {
        let mut cleaned: String =
            id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).take(200).collect();
        if cleaned.is_empty() {
            cleaned.push_str("data");
        }
        let base = format!("Tabell_{cleaned}");
        let mut candidate = base.clone();
        let mut n = 2;
        while self.taken.contains(&candidate.to_lowercase()) {
            candidate = format!("{base}_{n}");
            n += 1;
        }
        self.taken.insert(candidate.to_lowercase());
        candidate
    }
}

/// A sheet name quoted for use in a formula or chart range: `'Översikt'!`.
pub(crate) fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_characters_excel_forbids() {
        assert_eq!(sanitize_sheet_name("Drift: jan/aug [tkr]*?"), "Drift jan-aug (tkr)");
        assert_eq!(sanitize_sheet_name("'Översikt'"), "Översikt");
        assert_eq!(sanitize_sheet_name("   "), "Blad");
        assert_eq!(sanitize_sheet_name("History"), "Blad");
    }

    #[test]
    fn keeps_within_31_characters() {
        let name = sanitize_sheet_name("Hälso- och sjukvårdsnämndens driftredovisning per område");
        assert_eq!(name, "Hälso- och sjukvårdsnämndens");
        assert_eq!(sanitize_sheet_name("Driftredovisning per område och enhet"), "Driftredovisning per område");
        let name = sanitize_sheet_name("Kostnadsutvecklingsjämförelsetabellerna");
        assert_eq!(name.chars().count(), 31);
    }

    #[test]
    fn makes_names_unique_case_insensitively() {
        let mut names = SheetNames::new();
        assert_eq!(names.claim("Översikt"), "Översikt");
        assert_eq!(names.claim("översikt"), "översikt (2)");
        let long = "Kostnadsutvecklingsjämförelsetabellerna";
        let first = names.claim(long);
        let second = names.claim(long);
        assert_eq!(first.chars().count(), 31);
        assert_eq!(second, "Kostnadsutvecklingsjämförel (2)");
        assert!(second.chars().count() <= 31);
    }

    #[test]
    fn table_names_are_valid_and_unique() {
        let mut names = TableNames::default();
        assert_eq!(names.claim("drift-per område"), "Tabell_drift_per_omr_de");
        assert_eq!(names.claim("drift per-område"), "Tabell_drift_per_omr_de_2");
        assert_eq!(names.claim(""), "Tabell_data");
    }
}

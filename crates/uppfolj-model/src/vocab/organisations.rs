//! Organisations named in titles: "Hälso- och sjukvårdsnämnden – driftredovisning januari–augusti
//! 2024" is about Hälso- och sjukvårdsnämnden; "Måluppföljning 2024, Region Exempel" about Region
//! Exempel.

/// Words that make a part of a title the name of an organisation.
const ORGANISATION_WORDS: [&str; 8] =
    ["nämnd", "förvaltning", "styrelse", "fullmäktige", "landsting", "kommun", "region ", "bolag"];

/// The organisation named in a title: the first part (split at " – ", " - ", ", " or ": ") that
/// holds a word such as nämnd, förvaltning, styrelse, kommun or "Region …", without a trailing
/// remark in parentheses. `None` when no part does.
pub fn organisation_in(title: &str) -> Option<String> {
    title
        .split([',', ':', '–', '—'])
        .flat_map(|part| part.split(" - "))
        .map(|part| strip_remark(part.trim()))
        .find(|part| {
            let lower = format!("{} ", part.to_lowercase());
            !part.is_empty() && ORGANISATION_WORDS.iter().any(|w| lower.contains(w)) && !has_year(part)
        })
        .map(str::to_owned)
}

/// `text` without a trailing "(…)".
fn strip_remark(text: &str) -> &str {
    match (text.ends_with(')'), text.rfind(" (")) {
        (true, Some(i)) => text[..i].trim(),
        _ => text,
    }
}

/// Whether `text` holds a year: a part with a year is a period or a report name, not an
/// organisation ("Kommunens budget 2024").
fn has_year(text: &str) -> bool {
    super::year_in(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_organisation_in_report_titles() {
        assert_eq!(
            organisation_in("Hälso- och sjukvårdsnämnden – driftredovisning januari–augusti 2024 (exempeldata)"),
            Some("Hälso- och sjukvårdsnämnden".to_owned())
        );
        assert_eq!(
            organisation_in("Måluppföljning 2024, Region Exempel (exempeldata)"),
            Some("Region Exempel".to_owned())
        );
        assert_eq!(organisation_in("Socialförvaltningen: uppföljning mars"), Some("Socialförvaltningen".to_owned()));
        assert_eq!(organisation_in("Hälso- och sjukvårdens handlingsplan för kostnadsreduceringar 2024–2026"), None);
        assert_eq!(organisation_in("Balanskravsutredning 2021–2024"), None);
        assert_eq!(organisation_in("Kommunens budget 2024"), None);
    }
}

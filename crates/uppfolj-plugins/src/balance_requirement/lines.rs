//! The lines of a balanskravsutredning: recognising them in the row texts of a file, their
//! titles, and the sign each enters the sums with.

use uppfolj_plugin::kit::vocab::norm;

/// The lines of a balanskravsutredning, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Line {
    Result,
    GainsAll,
    GainsException,
    LossesException,
    UnrealisedLoss,
    UnrealisedReversal,
    AfterAdjustments,
    ToReserve,
    FromReserve,
    ReserveOpening,
    ReserveClosing,
    BalanceResult,
    Special,
    ToRestore,
    Tax,
    Grants,
}

impl Line {
    /// Lines summed into "årets resultat efter balanskravsjusteringar", with their sign (0: as
    /// the file writes it).
    pub(super) const ADJUSTMENTS: [(Line, f64); 6] = [
        (Line::Result, 0.0),
        (Line::GainsAll, -1.0),
        (Line::GainsException, 1.0),
        (Line::LossesException, 1.0),
        (Line::UnrealisedLoss, 1.0),
        (Line::UnrealisedReversal, -1.0),
    ];

    /// Reserve transfers added to the adjusted result to give the balanskravsresultat, with their
    /// sign.
    pub(super) const RESERVES: [(Line, f64); 2] = [(Line::ToReserve, -1.0), (Line::FromReserve, 1.0)];

    /// The line's title in the report; `reserve` is the reserve's name as the file uses it.
    pub(super) fn title(self, reserve: &str) -> String {
        match self {
            Line::Result => "Årets resultat".into(),
            Line::GainsAll => "Samtliga realisationsvinster".into(),
            Line::GainsException => "Realisationsvinster enligt undantagsmöjlighet".into(),
            Line::LossesException => "Realisationsförluster enligt undantagsmöjlighet".into(),
            Line::UnrealisedLoss => "Orealiserade förluster i värdepapper".into(),
            Line::UnrealisedReversal => "Återföring av orealiserade förluster i värdepapper".into(),
            Line::AfterAdjustments => "Årets resultat efter balanskravsjusteringar".into(),
            Line::ToReserve => format!("Medel till {reserve}"),
            Line::FromReserve => format!("Medel från {reserve}"),
            Line::ReserveOpening => format!("Ingående {reserve}"),
            Line::ReserveClosing => format!("Utgående {reserve}"),
            Line::BalanceResult => "Årets balanskravsresultat".into(),
            Line::Special => "Synnerliga skäl".into(),
            Line::ToRestore => "Balanskravsresultat att återställa".into(),
            Line::Tax => "Skatteintäkter".into(),
            Line::Grants => "Generella statsbidrag och utjämning".into(),
        }
    }

    /// The line a row text stands for.
    pub(super) fn recognise(label: &str) -> Option<Line> {
        let t = norm(label);
        let reserve = is_reserve(&t);
        let line = if t.contains("efter balanskravsjustering") {
            Line::AfterAdjustments
        } else if t.contains("återställa") {
            Line::ToRestore
        } else if t.contains("synnerliga skäl") {
            Line::Special
        } else if t.contains("balanskravsresultat") {
            Line::BalanceResult
        } else if reserve
            && (t.contains("ingående")
                || t.contains("vid årets början")
                || t.contains("balanserad")
                || has_word(&t, "ib"))
        {
            Line::ReserveOpening
        } else if reserve
            && (t.contains("utgående")
                || t.contains("vid årets slut")
                || t.contains("vid årsskiftet")
                || t.contains("ackumulerad")
                || has_word(&t, "ub"))
        {
            Line::ReserveClosing
        } else if reserve
            && (t.contains("från")
                || t.contains("ianspråk")
                || t.contains("dispon")
                || t.contains("uttag")
                || t.contains("användning"))
        {
            Line::FromReserve
        } else if reserve && (t.contains("till") || t.contains("avsättning") || t.contains("reservering")) {
            Line::ToReserve
        } else if t.contains("orealiserade") && t.contains("återföring") {
            Line::UnrealisedReversal
        } else if t.contains("orealiserade förlust") {
            Line::UnrealisedLoss
        } else if t.contains("realisationsvinst") && t.contains("undantag") {
            Line::GainsException
        } else if t.contains("realisationsförlust") && t.contains("undantag") {
            Line::LossesException
        } else if t.contains("realisationsvinst") {
            Line::GainsAll
        } else if t.starts_with("årets resultat") || t == "resultat" {
            Line::Result
        } else if t.starts_with("skatteintäkter") {
            Line::Tax
        } else if t.starts_with("generella statsbidrag") {
            Line::Grants
        } else {
            return None;
        };
        Some(line)
    }
}

/// Whether a normalised row text names the reserve: resultatutjämningsreserv, RUR or resultatreserv.
pub(super) fn is_reserve(text: &str) -> bool {
    is_rur(text) || text.contains("resultatreserv")
}

/// Whether a normalised row text names the resultatutjämningsreserv (RUR) of the years before 2024.
pub(super) fn is_rur(text: &str) -> bool {
    text.contains("resultatutjämningsreserv") || has_word(text, "rur")
}

/// Whether `text` has `word` as a whole word ("medel till RUR").
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| w == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_annual_report_row_texts() {
        assert_eq!(Line::recognise("Årets resultat"), Some(Line::Result));
        assert_eq!(Line::recognise("Reducering av samtliga realisationsvinster"), Some(Line::GainsAll));
        assert_eq!(Line::recognise("Vissa realisationsvinster enligt undantagsmöjlighet"), Some(Line::GainsException));
        assert_eq!(
            Line::recognise("Vissa realisationsförluster enligt undantagsmöjlighet"),
            Some(Line::LossesException)
        );
        assert_eq!(Line::recognise("Orealiserade förluster i värdepapper"), Some(Line::UnrealisedLoss));
        assert_eq!(
            Line::recognise("Återföring av orealiserade förluster i värdepapper"),
            Some(Line::UnrealisedReversal)
        );
        assert_eq!(Line::recognise("Årets resultat efter balanskravsjusteringar"), Some(Line::AfterAdjustments));
        assert_eq!(Line::recognise("Medel till resultatutjämningsreserv"), Some(Line::ToReserve));
        assert_eq!(Line::recognise("Medel från resultatutjämningsreserv"), Some(Line::FromReserve));
        assert_eq!(Line::recognise("Avsättning till resultatreserv"), Some(Line::ToReserve));
        assert_eq!(Line::recognise("Ianspråktagande av resultatreserv"), Some(Line::FromReserve));
        assert_eq!(Line::recognise("Årets balanskravsresultat"), Some(Line::BalanceResult));
        assert_eq!(Line::recognise("Balanskravsresultat att återställa"), Some(Line::ToRestore));
        assert_eq!(Line::recognise("Synnerliga skäl"), Some(Line::Special));
        assert_eq!(Line::recognise("Resultatreserv, ingående balans"), Some(Line::ReserveOpening));
        assert_eq!(Line::recognise("Ingående resultatutjämningsreserv"), Some(Line::ReserveOpening));
        assert_eq!(Line::recognise("Balanserad resultatreserv"), Some(Line::ReserveOpening));
        assert_eq!(Line::recognise("Resultatreserv vid årets början"), Some(Line::ReserveOpening));
        assert_eq!(Line::recognise("Ackumulerad resultatutjämningsreserv"), Some(Line::ReserveClosing));
        assert_eq!(Line::recognise("Utgående resultatreserv"), Some(Line::ReserveClosing));
        assert_eq!(Line::recognise("Resultatreserv vid årets slut"), Some(Line::ReserveClosing));
        assert_eq!(
            Line::recognise("Avgår reservering av medel till resultatutjämningsreserv (RUR)"),
            Some(Line::ToReserve)
        );
        assert_eq!(Line::recognise("Användning av medel från resultatutjämningsreserv (RUR)"), Some(Line::FromReserve));
        assert_eq!(Line::recognise("Personalkostnader"), None);
    }
}

//! Where the file places synnerliga skäl. Reports differ: some deduct them before "Årets
//! balanskravsresultat" (the year's result already counts them), others after it, when the
//! deficit to restore is decided. The order of the file's own rows decides, and the report says
//! which reading it used.

use super::lines::Line;
use super::read::Sheet;

/// Where synnerliga skäl enter the computation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SpecialReading {
    /// In årets balanskravsresultat: the file's row stands above "Årets balanskravsresultat".
    InResult,
    /// When the deficit to restore is decided: the file's row stands below "Årets
    /// balanskravsresultat", or the file has no such row.
    InRestoring {
        /// Whether the file has a row "Årets balanskravsresultat" (so its order decided).
        by_order: bool,
    },
}

impl SpecialReading {
    /// Whether synnerliga skäl are part of årets balanskravsresultat.
    pub(super) fn in_result(reading: Option<Self>) -> bool {
        reading == Some(SpecialReading::InResult)
    }

    /// The sentence the report gives on the reading used.
    pub(super) fn sentence(self) -> &'static str {
        match self {
            SpecialReading::InResult => {
                "Synnerliga skäl står i filen före raden 'Årets balanskravsresultat' och räknas därför in i årets \
                 balanskravsresultat, som i filen. De visas en gång, i balanskravsutredningen, och minskar inte det som \
                 ska återställas en gång till."
            }
            SpecialReading::InRestoring { by_order: true } => {
                "Synnerliga skäl står i filen efter raden 'Årets balanskravsresultat' och räknas därför när det som ska \
                 återställas bestäms, inte i årets balanskravsresultat. De visas en gång, i tabellen över \
                 balanskravsresultat att återställa."
            }
            SpecialReading::InRestoring { by_order: false } => {
                "Filen har ingen rad 'Årets balanskravsresultat', så synnerliga skäl räknas när det som ska \
                 återställas bestäms, inte i årets balanskravsresultat. De visas en gång, i tabellen över \
                 balanskravsresultat att återställa."
            }
        }
    }
}

/// The reading of synnerliga skäl in `sheet`; `None` when the file has no row for them.
pub(super) fn reading(sheet: &Sheet<'_>) -> Option<SpecialReading> {
    let special = sheet.row_of(Line::Special)?;
    Some(match sheet.row_of(Line::BalanceResult) {
        Some(result) if special < result => SpecialReading::InResult,
        Some(_) => SpecialReading::InRestoring { by_order: true },
        None => SpecialReading::InRestoring { by_order: false },
    })
}

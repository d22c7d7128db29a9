//! Import errors: each names the file, says what is wrong and what the user can do, in Swedish.

use thiserror::Error;

/// Why a file could not be imported. The `Display` text is meant for the user, in Swedish: it
/// names the file, says what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file is empty.
    #[error("{file} är tom (0 byte). Välj filen igen; om den är tom, exportera den på nytt från ursprungsprogrammet.")]
    Empty {
        /// File name.
        file: String,
    },
    /// The file is larger than the configured limit.
    #[error(
        "{file} är för stor ({size_mb} MB; gränsen är {limit_mb} MB). Dela upp filen eller ta bort blad och kolumner \
         som inte behövs, och försök igen."
    )]
    TooLarge {
        /// File name.
        file: String,
        /// Size in MB (rounded up).
        size_mb: u64,
        /// Limit in MB.
        limit_mb: u64,
    },
    /// Not a format we read (a PDF, an image, a Word file…).
    #[error(
        "{file} är inte ett kalkylark (filen börjar som {found}). Spara den som .xlsx, .xls, .ods eller .csv och försök igen."
    )]
    NotASpreadsheet {
        /// File name.
        file: String,
        /// What the file looks like ("en PDF", "en bild (PNG)").
        found: String,
    },
    /// A password-protected workbook.
    #[error(
        "{file} är lösenordsskyddad (krypterad), så den kan inte läsas. Öppna den i Excel, ta bort lösenordet \
         (Arkiv → Information → Skydda arbetsbok) och spara, eller spara en kopia utan lösenord."
    )]
    Encrypted {
        /// File name.
        file: String,
    },
    /// A damaged file (truncated zip, broken XML, unreadable record).
    #[error(
        "{file} är skadad och kan inte läsas ({detail}). Öppna den i Excel eller LibreOffice, spara den på nytt och försök igen."
    )]
    Corrupt {
        /// File name.
        file: String,
        /// What was wrong, for the curious.
        detail: String,
    },
    /// The file would unpack to more than the limit (a zip bomb, or simply a huge workbook).
    #[error(
        "{file} packas upp till mer än {limit_mb} MB ({detail}). Filen är antingen skadad eller byggd för att \
         överbelasta programmet. Spara om den i Excel, eller dela upp den, och försök igen."
    )]
    TooLargeUnpacked {
        /// File name.
        file: String,
        /// The limit in MB.
        limit_mb: u64,
        /// Which part and how much.
        detail: String,
    },
    /// The file claims more than the limits allow, or more than Excel's grid.
    #[error(
        "{file}: {detail}. Spara om filen i Excel (det rättar sådana uppgifter) eller ta bort onödiga rader och kolumner, och försök igen."
    )]
    TooManyCells {
        /// File name.
        file: String,
        /// What exceeded the limit, and where.
        detail: String,
    },
    /// XML with a DOCTYPE declaration (the way entity-expansion attacks start).
    #[error(
        "{file} innehåller en XML-deklaration (DOCTYPE i {part}) som kalkylark aldrig har; den kan användas för att \
         överbelasta programmet och läses därför inte. Öppna och spara om filen i Excel, och försök igen."
    )]
    XmlDoctype {
        /// File name.
        file: String,
        /// The part of the package ("xl/worksheets/sheet1.xml").
        part: String,
    },
    /// The workbook has no sheets or no cells at all.
    #[error(
        "{file} innehåller inga data (inga ifyllda celler). Kontrollera att du valde rätt fil och att uppgifterna ligger i den."
    )]
    NoData {
        /// File name.
        file: String,
    },
    /// Cells exist, but nothing that looks like a table.
    #[error(
        "{file}: hittade ingen tabell{where_}. En tabell behöver en rubrikrad och minst en rad med värden under. \
         Kontrollera filen, eller ange rubrikrad och kolumner själv i importinställningarna."
    )]
    NoTable {
        /// File name.
        file: String,
        /// ", blad 'X'" when it concerns one sheet, else empty.
        where_: String,
    },
    /// A Kolada JSON file that is not a Kolada data response.
    #[error(
        "{file} är JSON men inte ett svar från Kolada (/v3/data): {detail}. Hämta uppgifterna på nytt från Kolada och försök igen."
    )]
    NotKolada {
        /// File name.
        file: String,
        /// What was wrong.
        detail: String,
    },
    /// The user's mapping does not fit the file.
    #[error(
        "{file}: den sparade kolumnmappningen passar inte filen ({detail}). Kontrollera eller ta bort mappningen och försök igen."
    )]
    Mapping {
        /// File name.
        file: String,
        /// What did not fit.
        detail: String,
    },
}

impl ImportError {
    /// The file the error concerns.
    pub fn file(&self) -> &str {
        match self {
            ImportError::Empty { file }
            | ImportError::TooLarge { file, .. }
            | ImportError::NotASpreadsheet { file, .. }
            | ImportError::Encrypted { file }
            | ImportError::Corrupt { file, .. }
            | ImportError::TooLargeUnpacked { file, .. }
            | ImportError::TooManyCells { file, .. }
            | ImportError::XmlDoctype { file, .. }
            | ImportError::NoData { file }
            | ImportError::NoTable { file, .. }
            | ImportError::NotKolada { file, .. }
            | ImportError::Mapping { file, .. } => file,
        }
    }

    pub(crate) fn corrupt(file: &str, detail: impl std::fmt::Display) -> Self {
        ImportError::Corrupt { file: file.to_string(), detail: detail.to_string() }
    }
}

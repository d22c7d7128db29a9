//! The transport of an Excel export from the page to its worker: an [`ExportJob`] packed in CBOR.
//!
//! The export itself is `uppfolj_xlsx::export` (a Report, its input datasets and options → bytes);
//! how that work travels to a Web Worker is the web app's business, so it lives here. The page
//! makes a job ([`ExportJob::new`]) and packs it ([`ExportJob::write_to`], through
//! [`crate::export_worker::pack`]); the worker reads it back ([`ExportJob::read_from`]) and runs it
//! ([`ExportJob::export`]). The page names the export's options through this module
//! ([`ExportOptions`]), so that its own code imports nothing from uppfolj-xlsx.

use serde::{Deserialize, Serialize};
use uppfolj_model::packed::Packing;
use uppfolj_model::{Dataset, PackedDataset, Report};

pub use uppfolj_xlsx::ExportOptions;

/// Everything `uppfolj_xlsx::export` needs, as one serialisable value.
///
/// It is made from borrowed data (`ExportJob<&Report, Packing>`, see [`ExportJob::new`]) and read
/// back as owned data (`ExportJob`, the default parameters), so the sender copies nothing before
/// packing. The datasets travel packed ([`PackedDataset`]: a 200 000-line ledger is 142 MB of
/// CBOR as a plain `Dataset`, about a tenth of that packed, and reads back in a fraction of the
/// time); the sender packs them block by block as it writes ([`PackedDataset::packing`]). [`ExportJob::write_to`] and [`ExportJob::read_from`] pack it in CBOR:
/// a self-describing format (the model's enums are internally tagged) that keeps NaN and the
/// infinities, which the export accepts and JSON cannot carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportJob<R = Report, D = PackedDataset> {
    /// The Report to export.
    pub report: R,
    /// The datasets for the input-data sheets, packed: only those the Report was computed from.
    pub datasets: Vec<D>,
    /// The export's options.
    pub options: ExportOptions,
}

impl<'a> ExportJob<&'a Report, Packing<'a>> {
    /// A job for `report`, keeping of `datasets` only the Report's inputs
    /// (`uppfolj_xlsx::report_inputs`): other loaded files are not sent.
    pub fn new(report: &'a Report, datasets: impl IntoIterator<Item = &'a Dataset>, options: ExportOptions) -> Self {
        let inputs = uppfolj_xlsx::report_inputs(report, datasets);
        Self { report, datasets: inputs.into_iter().map(PackedDataset::packing).collect(), options }
    }
}

/// Why a job could not be packed or read.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// Writing the job failed (the writer refused the bytes).
    #[error("Rapporten kunde inte packas för exporten ({detail}).")]
    Pack {
        /// The encoder's words, for a developer.
        detail: String,
    },
    /// The bytes are not a job this version of uppfolj can read: in the browser, the page and
    /// its export worker come from different versions.
    #[error(
        "Exporten kunde inte läsa rapporten: sidan och exportens programfiler hör till olika versioner av uppfolj."
    )]
    Read {
        /// The decoder's words, for a developer (not shown to the user).
        detail: String,
    },
}

/// Why a job that was read made no workbook.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A packed dataset in the job is damaged (see [`JobError::Read`]).
    #[error(transparent)]
    Job(#[from] JobError),
    /// The export itself failed.
    #[error("Excel-filen kunde inte skapas: {0}")]
    Xlsx(#[from] uppfolj_xlsx::XlsxError),
}

impl<R: Serialize, D: Serialize> ExportJob<R, D> {
    /// Packs the job into `out`.
    pub fn write_to<W: std::io::Write>(&self, out: W) -> Result<(), JobError> {
        cbor4ii::serde::to_writer(out, self).map_err(|e| JobError::Pack { detail: e.to_string() })
    }
}

impl ExportJob {
    /// Reads a job packed by [`ExportJob::write_to`].
    pub fn read_from(bytes: &[u8]) -> Result<Self, JobError> {
        cbor4ii::serde::from_slice(bytes).map_err(|e| JobError::Read { detail: e.to_string() })
    }

    /// Runs the export: the same bytes `uppfolj_xlsx::export` makes from the data the job was
    /// packed from.
    pub fn export(self) -> Result<Vec<u8>, ExportError> {
        let datasets = self
            .datasets
            .into_iter()
            .map(PackedDataset::unpack)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| JobError::Read { detail: e.to_string() })?;
        Ok(uppfolj_xlsx::export(&self.report, &datasets, &self.options)?)
    }
}

//! An export packed to run somewhere else than where its Report lives: the web app sends one to
//! its export worker, so that the page stays responsive while a large workbook is made.

use crate::{ExportOptions, XlsxError, export, report_inputs};
use serde::{Deserialize, Serialize};
use uppfolj_model::{Dataset, Report};

/// Everything [`export`] needs, as one serialisable value.
///
/// It is made from borrowed data (`ExportJob<&Report, &Dataset>`, see [`ExportJob::new`]) and
/// read back as owned data (`ExportJob`, the default parameters), so the sender copies nothing
/// before serialising. Serialise it with a self-describing format such as JSON: the model's
/// enums are internally tagged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportJob<R = Report, D = Dataset> {
    /// The Report to export.
    pub report: R,
    /// The datasets for the input-data sheets: only those the Report was computed from.
    pub datasets: Vec<D>,
    /// The export's options.
    pub options: ExportOptions,
}

impl<'a> ExportJob<&'a Report, &'a Dataset> {
    /// A job for `report`, keeping of `datasets` only the Report's inputs ([`report_inputs`]):
    /// other loaded files are not sent.
    pub fn new(report: &'a Report, datasets: impl IntoIterator<Item = &'a Dataset>, options: ExportOptions) -> Self {
        Self { report, datasets: report_inputs(report, datasets), options }
    }
}

impl ExportJob {
    /// Runs the export: the same bytes [`export`] makes from the data the job was packed from.
    pub fn export(&self) -> Result<Vec<u8>, XlsxError> {
        export(&self.report, &self.datasets, &self.options)
    }
}

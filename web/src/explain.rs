//! Errors told to people: a Swedish sentence that says what to do (or, for a report that cannot
//! be made, what the page says in its language), with a library's own words (often
//! English, as calamine's "Could not find EOCD") only after it, in small print; parameters named by
//! the label the page shows, never by their key.

use uppfolj_import::ImportError;
use uppfolj_plugin::{ParamError, PluginError};

/// A message for the page: the Swedish text, and what the library said, if anything.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Explained {
    /// What is wrong and what to do, in Swedish.
    pub text: String,
    /// The library's own words, for the curious and for support (shown in small print).
    pub detail: Option<String>,
}

/// Why a file could not be imported. The import's sentences are Swedish already; a library's
/// text inside them (a corrupt zip, a JSON parser) is moved to the small print.
pub fn import_error(err: &ImportError) -> Explained {
    let text = err.to_string();
    let detail = match err {
        ImportError::Corrupt { detail, .. } | ImportError::NotKolada { detail, .. } => Some(detail.clone()),
        _ => None,
    };
    match detail {
        Some(detail) if !detail.is_empty() => {
            let text = text.replace(&format!(" ({detail})"), "").replace(&format!(": {detail}."), ".");
            Explained { text, detail: Some(detail) }
        }
        _ => Explained { text, detail: None },
    }
}

/// Why the chosen report cannot be made, for the page to say in its language (the page's
/// catalogue holds the sentences, `report.invalid_param` and `report.unknown_param`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ReportProblem {
    /// A parameter's value cannot be used: named by its label, as beside its field.
    InvalidParam {
        /// The parameter's label (Swedish, from the plugin).
        label: String,
        /// Why (Swedish, from the plugin API).
        reason: String,
    },
    /// A parameter belongs to another report.
    UnknownParam,
    /// The plugin's own reason, in Swedish.
    Other(String),
}

/// Why the chosen report cannot be made. A parameter is named by its label, never its key.
pub fn report_error(err: &PluginError) -> ReportProblem {
    match err {
        PluginError::Param(ParamError::Invalid { label, reason, .. }) => {
            ReportProblem::InvalidParam { label: label.clone(), reason: reason.clone() }
        }
        PluginError::Param(ParamError::Unknown { .. }) => ReportProblem::UnknownParam,
        other => ReportProblem::Other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_text_goes_to_the_small_print() {
        let err = ImportError::Corrupt { file: "budget.xlsx".into(), detail: "Could not find EOCD".into() };
        let explained = import_error(&err);
        assert!(!explained.text.contains("EOCD"), "{}", explained.text);
        assert!(explained.text.starts_with("budget.xlsx är skadad") && explained.text.contains("spara den på nytt"));
        assert_eq!(explained.detail.as_deref(), Some("Could not find EOCD"));
    }

    #[test]
    fn a_parameter_is_named_by_its_label_not_its_key() {
        let err = PluginError::Param(ParamError::Invalid {
            key: "reserve_opening".into(),
            label: "Resultatutjämningsreserv vid årets början".into(),
            reason: "'abc' är inte ett tal".into(),
        });
        let problem = report_error(&err);
        assert_eq!(
            problem,
            ReportProblem::InvalidParam {
                label: "Resultatutjämningsreserv vid årets början".into(),
                reason: "'abc' är inte ett tal".into()
            }
        );
    }
}

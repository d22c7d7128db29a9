//! Errors told to people: a Swedish sentence that says what to do, with a library's own words (often
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

/// Why the chosen report cannot be made. A parameter is named by its label, as beside its field.
pub fn report_error(err: &PluginError) -> String {
    match err {
        PluginError::Param(ParamError::Invalid { label, reason, .. }) => format!(
            "Inställningen ”{label}” kan inte användas: {reason}. Ändra den under Inställningar, eller töm fältet \
             så gäller standardvärdet."
        ),
        PluginError::Param(ParamError::Unknown { .. }) => "En inställning hör inte till den här rapporten. Välj \
                                                            rapporten på nytt under Rapport, så används dess egna \
                                                            inställningar."
            .to_owned(),
        other => other.to_string(),
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
        let text = report_error(&err);
        assert!(
            text.contains("”Resultatutjämningsreserv vid årets början”") && !text.contains("reserve_opening"),
            "{text}"
        );
    }
}

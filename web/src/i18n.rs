//! The page's language: Swedish (the default) or English, chosen with the toggle in the header.
//!
//! The words are in the catalogue `web/locales/app.yml` (rust-i18n: compiled into the page's
//! bundle, one entry per key with its `sv` and `en` text, `%{name}` for a value). The language
//! reaches the components through a Yew context ([`use_lang`]), never a global: rust-i18n's own
//! current locale is not used, every lookup names its language. The choice is kept in the
//! browser's `localStorage` (a preference, not part of the workspace: "Rensa all data" keeps it)
//! and sets `<html lang>`.
//!
//! Only the interface is translated: what the plugins write in a report and what the import says
//! of a file stay Swedish ([`Text::Plain`]), and the page says so once in English.

use uppfolj_web::explain::ReportProblem;
use uppfolj_web::export_worker::ExportFailure;
use uppfolj_web::session_protocol::Step;
use uppfolj_web::session_worker::Failure;
use yew::prelude::*;

/// The key the choice is kept under in `localStorage`.
const STORAGE_KEY: &str = "uppfolj-lang";

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Swedish, the default.
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// The language tag: `<html lang>` and the catalogue's locale.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language of a tag, if it is one of the page's.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language the toggle switches to.
    pub fn other(self) -> Self {
        match self {
            Lang::Sv => Lang::En,
            Lang::En => Lang::Sv,
        }
    }

    /// The catalogue's text for `key` in this language (the key itself if it is missing: the
    /// catalogue test catches that).
    pub fn text(self, key: &str) -> String {
        crate::_rust_i18n_translate(self.code(), key).into_owned()
    }
}

/// The language the components are rendered in (Swedish outside the provider).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language chosen on an earlier visit, else Swedish (also when the browser allows no storage).
pub fn saved() -> Lang {
    local_storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default()
}

/// Keeps the choice for the next visit; a browser that allows no storage forgets it, nothing else.
pub fn save(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(STORAGE_KEY, lang.code());
    }
}

/// Sets `<html lang>` and the window's title for `lang`.
pub fn apply_to_document(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    document.set_title(&lang.text("app.title"));
}

/// Words to show in the language of the moment: a sentence of the catalogue with its values
/// (themselves words), or words that come as they are (the import's and the plugins' Swedish, a
/// file's name, the browser's own words). Messages keep a `Text`, so that switching the language
/// switches them too.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    /// The catalogue's `key`, with `%{name}` replaced by each value.
    Key(&'static str, Vec<(&'static str, Text)>),
    /// Shown as it is.
    Plain(String),
}

impl Text {
    /// The catalogue's `key`.
    pub fn key(key: &'static str) -> Self {
        Text::Key(key, Vec::new())
    }

    /// `self` with `%{name}` given `value` (a `String` is shown as it is).
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Text>) -> Self {
        if let Text::Key(_, args) = &mut self {
            args.push((name, value.into()));
        }
        self
    }

    /// The words in `lang`.
    pub fn show(&self, lang: Lang) -> String {
        match self {
            Text::Plain(text) => text.clone(),
            Text::Key(key, args) => {
                let names: Vec<&str> = args.iter().map(|(n, _)| *n).collect();
                let values: Vec<String> = args.iter().map(|(_, v)| v.show(lang)).collect();
                rust_i18n::replace_patterns(&lang.text(key), &names, &values)
            }
        }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::Plain(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Plain(text.to_owned())
    }
}

/// A count with its noun: `one` for 1, else `other` (keys whose text holds `%{count}`).
pub fn counted(count: usize, one: &'static str, other: &'static str) -> Text {
    Text::key(if count == 1 { one } else { other }).with("count", count.to_string())
}

/// Why the chosen report cannot be made, said in the page's language: a parameter is named by
/// its label (as beside its field); the plugin's own reason is Swedish.
pub fn report_problem(problem: &ReportProblem) -> Text {
    match problem {
        ReportProblem::InvalidParam { label, reason } => {
            Text::key("report.invalid_param").with("label", label.as_str()).with("reason", reason.as_str())
        }
        ReportProblem::UnknownParam => Text::key("report.unknown_param"),
        ReportProblem::Other(reason) => Text::Plain(reason.clone()),
    }
}

/// Why the session worker failed, said in the page's language; the browser's own words follow in
/// brackets.
pub fn failure_text(failure: &Failure) -> Text {
    match failure {
        Failure::NotLoaded(detail) => with_detail("failure.not_loaded", detail),
        Failure::Stopped(detail) => with_detail("failure.stopped", detail),
        Failure::Unreadable => Text::key("failure.unreadable"),
        Failure::NoReport => Text::key("failure.no_report"),
        Failure::Said(text) => Text::Plain(text.clone()),
    }
}

/// Why an export made no workbook, said in the page's language; the browser's own words follow
/// in brackets.
pub fn export_failure_text(failure: &ExportFailure) -> Text {
    match failure {
        ExportFailure::NotStarted(detail) => with_detail("export_failure.not_started", detail),
        ExportFailure::NotLoaded => Text::key("export_failure.not_loaded"),
        ExportFailure::NotSent(detail) => with_detail("export_failure.not_sent", detail),
        ExportFailure::Lost => Text::key("export_failure.lost"),
        ExportFailure::Unreadable => Text::key("export_failure.unreadable"),
        ExportFailure::Failed(words) => Text::key("export_failure.failed").with("detail", words.as_str()),
        ExportFailure::Unexpected => Text::key("export_failure.unexpected"),
        ExportFailure::Stopped(detail) => with_detail("export_failure.stopped", detail),
    }
}

/// Catalogue entry `key` with `detail` (the browser's words) as " (…)", or nothing when empty.
fn with_detail(key: &'static str, detail: &str) -> Text {
    let detail = if detail.is_empty() { String::new() } else { format!(" ({detail})") };
    Text::key(key).with("detail", detail)
}

/// What the progress bar says the worker does now.
pub fn step_text(step: &Step) -> Text {
    match step {
        Step::Checking => Text::key("progress.checking"),
        Step::Reading { sheet: Some(sheet), rows } => Text::key("progress.reading_sheet")
            .with("sheet", sheet.as_str())
            .with("rows", uppfolj_model::format::number(*rows as f64, 0)),
        Step::Reading { sheet: None, rows } => {
            Text::key("progress.reading_file").with("rows", uppfolj_model::format::number(*rows as f64, 0))
        }
        Step::Layout => Text::key("progress.layout"),
        Step::Computing => Text::key("progress.computing"),
    }
}

/// The name of a column role in the mapping editor: the model's Swedish name
/// (`ColumnRole::label_sv`), or its English one.
pub fn role_name(role: uppfolj_model::ColumnRole, lang: Lang) -> String {
    lang.text(&format!("role.{role:?}"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: Lang) -> BTreeSet<String> {
        let messages = crate::_rust_i18n_backend().messages_for_locale(lang.code()).expect("the locale is there");
        messages.into_iter().map(|(k, _)| k.into_owned()).collect()
    }

    #[test]
    fn every_key_is_in_both_languages() {
        let (sv, en) = (keys(Lang::Sv), keys(Lang::En));
        assert!(sv.len() > 100, "{}", sv.len());
        assert_eq!(sv.symmetric_difference(&en).collect::<Vec<_>>(), Vec::<&String>::new());
    }

    #[test]
    fn every_role_has_an_english_name() {
        for role in uppfolj_model::ColumnRole::ALL {
            assert_eq!(role_name(*role, Lang::Sv), role.label_sv(), "the catalogue's Swedish is the model's");
            let key = format!("role.{role:?}");
            assert!(crate::_rust_i18n_try_translate("en", &key).is_some(), "{key}");
        }
    }

    #[test]
    fn the_workers_failures_and_steps_are_said_in_both_languages() {
        use uppfolj_web::session_protocol::Step;
        use uppfolj_web::session_worker::Failure;
        let failures = [
            Failure::NotLoaded("NetworkError".into()),
            Failure::Stopped(String::new()),
            Failure::Unreadable,
            Failure::NoReport,
        ];
        let steps = [
            Step::Checking,
            Step::Reading { sheet: Some("Blad1".into()), rows: 40_960 },
            Step::Layout,
            Step::Computing,
        ];
        let texts = failures.iter().map(failure_text).chain(steps.iter().map(step_text));
        for text in texts {
            let (sv, en) = (text.show(Lang::Sv), text.show(Lang::En));
            assert_ne!(sv, en, "a text of the catalogue, in both languages");
            assert!(!en.contains("failure.") && !en.contains("progress."), "{en}");
        }
        let not_loaded = failure_text(&Failure::NotLoaded("NetworkError".into())).show(Lang::En);
        assert!(not_loaded.contains("program files (NetworkError). Check"), "{not_loaded}");
        let reading = step_text(&Step::Reading { sheet: Some("Blad1".into()), rows: 40_960 }).show(Lang::En);
        assert!(reading.starts_with("Reading the sheet 'Blad1': 40") && reading.ends_with("960 rows"), "{reading}");
        assert_eq!(failure_text(&Failure::Said("Programfel".into())).show(Lang::En), "Programfel", "said as it came");
    }

    #[test]
    fn the_export_workers_failures_are_said_in_both_languages() {
        let failures = [
            ExportFailure::NotStarted("SecurityError".into()),
            ExportFailure::NotLoaded,
            ExportFailure::NotSent(String::new()),
            ExportFailure::Lost,
            ExportFailure::Unreadable,
            ExportFailure::Failed("Excelfilen kunde inte skapas (blad 'Översikt'): fel".into()),
            ExportFailure::Unexpected,
            ExportFailure::Stopped("out of memory".into()),
        ];
        for failure in &failures {
            let text = export_failure_text(failure);
            let (sv, en) = (text.show(Lang::Sv), text.show(Lang::En));
            assert_ne!(sv, en, "{failure:?}: a text of the catalogue, in both languages");
            assert!(!en.contains("export_failure."), "{en}");
        }
        let stopped = export_failure_text(&ExportFailure::Stopped("out of memory".into())).show(Lang::En);
        assert!(stopped.starts_with("The Excel export stopped unexpectedly (out of memory)."), "{stopped}");
        let failed = export_failure_text(&ExportFailure::Failed("Excelfilen kunde inte skapas".into()));
        assert_eq!(failed.show(Lang::Sv), "Excelfilen kunde inte skapas", "the export's own Swedish sentence");
    }

    #[test]
    fn values_are_put_in_and_nested_words_follow_the_language() {
        let text = Text::key("msg.loaded")
            .with("name", "drift.csv")
            .with("tables", counted(2, "unit.table_one", "unit.table_other"));
        assert_eq!(text.show(Lang::Sv), "drift.csv lästes in: 2 tabeller.");
        assert_eq!(text.show(Lang::En), "drift.csv was read: 2 tables.");
        assert_eq!(Lang::from_code(Lang::En.code()), Some(Lang::En));
        assert_eq!(Lang::Sv.other(), Lang::En);
    }
}

//! What a measure's status text says: how the measure is going, and whether it is only under
//! preparation (not yet decided, so not counted as planned).

use uppfolj_plugin::kit::vocab::norm;
use uppfolj_plugin::model::report::Status;

/// The status a measure's status text stands for, and whether the measure is under preparation
/// ("Under beredning", "Förslag", "Ej beslutad").
pub(super) fn status_of(text: &str) -> (Status, bool) {
    let t = norm(text);
    if t.contains("beredning") || t.contains("förslag") || t.contains("ej beslutad") {
        (Status::Neutral, true)
    } else if t.contains("ej påbörjad") || t.contains("stoppad") || t.contains("avbruten") || t.contains("ej genomförd")
    {
        (Status::Bad, false)
    } else if t.contains("försen") || t.contains("risk") || t.contains("delvis") {
        (Status::Warning, false)
    } else if t.contains("genomförd") || t.contains("klar") || t.contains("enligt plan") || t.contains("pågår") {
        (Status::Good, false)
    } else {
        (Status::Neutral, false)
    }
}

/// Whether the status text reports a risk or a delay (or worse).
pub(super) fn is_at_risk(text: &str) -> bool {
    matches!(status_of(text).0, Status::Warning | Status::Bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_status_texts() {
        assert_eq!(status_of("Under beredning"), (Status::Neutral, true));
        assert_eq!(status_of("Försenad"), (Status::Warning, false));
        assert_eq!(status_of("Genomförd"), (Status::Good, false));
        assert_eq!(status_of("Ej påbörjad"), (Status::Bad, false));
        assert!(is_at_risk("Försenad") && !is_at_risk("Pågår"));
    }
}

//! Texts held once: a förvaltning's name on 200 000 ledger lines is one allocation, shared by
//! every cell that holds it.

use foldhash::fast::RandomState;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The texts of one table read so far, each once; and the dates and numbers read as text, each
/// written once.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    texts: HashSet<Arc<str>, RandomState>,
    /// A date's text by its Excel serial number's bits: a ledger's 200 000 booking dates are a
    /// few hundred days.
    dates: HashMap<u64, Arc<str>, RandomState>,
    /// A number's text by its bits, for numbers read as text (a ledger's accounts and periods).
    numbers: HashMap<u64, Arc<str>, RandomState>,
}

impl Interner {
    /// The shared copy of `text`; the first time, a new one.
    pub(crate) fn text(&mut self, text: &str) -> Arc<str> {
        intern(&mut self.texts, text)
    }

    /// The shared text of the date `serial`, written by `write` the first time (trimmed).
    pub(crate) fn date(&mut self, serial: f64, write: impl FnOnce(f64) -> String) -> Arc<str> {
        by_bits(&mut self.dates, &mut self.texts, serial, write)
    }

    /// The shared text of the number `value`, written by `write` the first time (trimmed).
    pub(crate) fn number(&mut self, value: f64, write: impl FnOnce(f64) -> String) -> Arc<str> {
        by_bits(&mut self.numbers, &mut self.texts, value, write)
    }

    /// The shared copy of `text` trimmed, taking `raw` itself (a workbook's shared string) when
    /// it has nothing to trim.
    pub(crate) fn trimmed(&mut self, raw: &Arc<str>) -> Arc<str> {
        let text = raw.trim();
        if text.len() < raw.len() {
            return self.text(text);
        }
        if let Some(shared) = self.texts.get(text) {
            return shared.clone();
        }
        self.texts.insert(raw.clone());
        raw.clone()
    }
}

/// The shared copy of `text` in `texts`; the first time, a new one.
fn intern(texts: &mut HashSet<Arc<str>, RandomState>, text: &str) -> Arc<str> {
    if let Some(shared) = texts.get(text) {
        return shared.clone();
    }
    let shared: Arc<str> = Arc::from(text);
    texts.insert(shared.clone());
    shared
}

/// The shared text of `value` as `memo` holds it by its bits, else written by `write`
/// (trimmed), held in `texts` and remembered.
fn by_bits(
    memo: &mut HashMap<u64, Arc<str>, RandomState>,
    texts: &mut HashSet<Arc<str>, RandomState>,
    value: f64,
    write: impl FnOnce(f64) -> String,
) -> Arc<str> {
    if let Some(shared) = memo.get(&value.to_bits()) {
        return shared.clone();
    }
    let shared = intern(texts, write(value).trim());
    memo.insert(value.to_bits(), shared.clone());
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_seen_again_is_the_same_allocation() {
        let mut interner = Interner::default();
        let a = interner.text("Barn- och utbildningsförvaltningen");
        let b = interner.trimmed(&Arc::from(" Barn- och utbildningsförvaltningen "));
        assert!(Arc::ptr_eq(&a, &b));
        let raw: Arc<str> = Arc::from("Vård");
        let c = interner.trimmed(&raw);
        assert!(Arc::ptr_eq(&raw, &c), "a text with nothing to trim is taken as it is");
        assert!(Arc::ptr_eq(&c, &interner.text("Vård")));
    }

    #[test]
    fn a_date_is_written_once() {
        let mut interner = Interner::default();
        let mut written = 0;
        for _ in 0..3 {
            let text = interner.date(45_292.0, |s| {
                written += 1;
                format!("day {s}")
            });
            assert_eq!(&*text, "day 45292");
        }
        assert_eq!(written, 1);
    }
}

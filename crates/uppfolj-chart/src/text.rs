//! Text measurement and wrapping without a font backend.
//!
//! plotters' SVG backend writes `<text>` elements and leaves the glyphs to the viewer, so the
//! layout only needs a width estimate. The widths below are those of Arial / Liberation Sans (the
//! first families in [`FONT_FAMILY`]), rounded up a little, so that labels measured here fit
//! when the viewer falls back to a slightly wider sans-serif. The estimate is the same natively
//! and in the browser, which keeps the SVG identical on both targets.

/// The font family written into every `<text>` element.
pub(crate) const FONT_FAMILY: &str = "Arial, Liberation Sans, Helvetica, sans-serif";

/// Estimated advance width of `c` in em.
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' => 0.24,
        'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '/' | '-' => 0.36,
        ' ' | '\u{00A0}' => 0.28,
        '\u{202F}' => 0.2,
        '0'..='9' => 0.56,
        '\u{2212}' | '+' | '=' | '<' | '>' | '%' => 0.62,
        '–' => 0.56,
        '—' | '…' => 1.0,
        'm' | 'w' => 0.84,
        'M' | 'W' => 0.88,
        'A'..='Z' | 'Å' | 'Ä' | 'Ö' | 'Ü' | 'É' => 0.68,
        _ => 0.56,
    }
}

/// Estimated width of `text` in pixels at font size `size`.
pub(crate) fn width(text: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = text.chars().map(char_em).sum();
    em * size * if bold { 1.08 } else { 1.02 }
}

/// Cuts `text` so that it fits `max_width`, ending with "…".
pub(crate) fn truncate(text: &str, size: f64, max_width: f64) -> String {
    if width(text, size, false) <= max_width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if width(&out, size, false) + width("…", size, false) > max_width {
            out.pop();
            break;
        }
    }
    let trimmed = out.trim_end();
    format!("{trimmed}…")
}

/// Wraps `text` at spaces into at most `max_lines` lines no wider than `max_width`. With
/// `hyphenate`, a word longer than a line is broken with a hyphen ("Personalkost-" / "nader")
/// instead of being truncated. The last line is truncated with "…" when the text does not fit.
/// Returns the lines and whether all of the text fitted without truncation.
pub(crate) fn wrap(text: &str, size: f64, max_width: f64, max_lines: usize, hyphenate: bool) -> (Vec<String>, bool) {
    let mut words: Vec<String> = Vec::new();
    // Break at ordinary spaces only: a no-break space ("66,7 %") keeps its number and unit together.
    for word in text.split([' ', '\t', '\n']).filter(|w| !w.is_empty()) {
        if hyphenate && width(word, size, false) > max_width {
            words.extend(break_word(word, size, max_width));
        } else {
            words.push(word.to_owned());
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut fitted = true;
    for word in words {
        let candidate = if current.is_empty() { word.clone() } else { format!("{current} {word}") };
        if width(&candidate, size, false) <= max_width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::take(&mut current));
            current = word;
        }
        // A hyphenated piece ends its line.
        if current.ends_with('-') && hyphenate && !text.contains(current.as_str()) {
            lines.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    // No orphan of one or two letters on the last line: take a word down from the line above.
    if lines.len() >= 2 && lines.last().is_some_and(|l| l.chars().count() <= 2) {
        let n = lines.len();
        if let Some((head, tail)) = lines[n - 2].rsplit_once(' ') {
            let (head, tail) = (head.to_owned(), tail.to_owned());
            let joined = format!("{tail} {}", lines[n - 1]);
            if width(&joined, size, false) <= max_width {
                lines[n - 2] = head;
                lines[n - 1] = joined;
            }
        }
    }
    if lines.len() > max_lines.max(1) {
        let rest = lines.split_off(max_lines.max(1) - 1).join(" ");
        lines.push(rest);
        fitted = false;
    }
    for line in &mut lines {
        if width(line, size, false) > max_width {
            *line = truncate(line, size, max_width);
            fitted = false;
        }
    }
    (lines, fitted)
}

/// Breaks a long word into pieces that fit `max_width`, each but the last ending with "-".
fn break_word(word: &str, size: f64, max_width: f64) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let rest: String = chars[start..].iter().collect();
        if width(&rest, size, false) <= max_width {
            pieces.push(rest);
            break;
        }
        let mut end = start + 1;
        while end < chars.len() {
            let piece: String = chars[start..=end].iter().collect();
            if width(&format!("{piece}-"), size, false) > max_width {
                break;
            }
            end += 1;
        }
        // At least three letters per piece, and no piece of one or two letters left over.
        let end = end.max(start + 3).min(chars.len().saturating_sub(3).max(start + 1));
        let piece: String = chars[start..end].iter().collect();
        pieces.push(format!("{piece}-"));
        start = end;
    }
    pieces
}

/// Escapes text for XML content and attribute values.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_long_names_into_lines() {
        let (lines, fitted) = wrap("Hälso- och sjukvårdsnämnden, primärvård", 13.0, 200.0, 2, false);
        assert!(fitted, "{lines:?}");
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| width(l, 13.0, false) <= 200.0));
    }

    #[test]
    fn truncates_what_does_not_fit() {
        let (lines, fitted) = wrap("Ett mycket långt namn på en verksamhet som inte får plats", 13.0, 90.0, 2, false);
        assert!(!fitted);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
    }

    #[test]
    fn hyphenates_long_words_when_asked() {
        let (lines, fitted) = wrap("Personalkostnader", 13.0, 80.0, 3, true);
        assert!(fitted, "{lines:?}");
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].ends_with('-'));
        assert_eq!(lines.concat().replace('-', ""), "Personalkostnader");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(xml_escape("A & B <c>"), "A &amp; B &lt;c&gt;");
    }
}
